import { describe, expect, it } from 'vitest';
import { columns } from './columns.js';
import { cutColumns, fitTable } from './table.js';

const ROWS = [
  ['Account', 'Amount (USDT)', 'Share'],
  ['Perpetual futures', '591,702,859,674,467,879.65', '93.33 %'],
  ['Spot', '42,264.52', '6.67 %'],
];
const SPEC = [{ cut: true }, { right: true }, { right: true, drop: 1 }];

describe('fitTable', () => {
  it('lays out every column when there is room, numbers right-aligned', () => {
    const t = fitTable(SPEC, ROWS, 80);
    expect(ROWS.map(t.line)).toEqual([
      'Account                         Amount (USDT)    Share',
      'Perpetual futures  591,702,859,674,467,879.65  93.33 %',
      'Spot                                42,264.52   6.67 %',
    ]);
    expect(t.width).toBe(54);
  });

  it('drops the least needed column first, then cuts the text column with "…", never a number', () => {
    const dropped = fitTable(SPEC, ROWS, 48);
    expect(ROWS.map(dropped.line)[1]).toBe('Perpetual futures  591,702,859,674,467,879.65');
    const cut = fitTable(SPEC, ROWS, 40);
    const lines = ROWS.map(cut.line);
    expect(lines[1]).toBe('Perpetual f…  591,702,859,674,467,879.65');
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(40);
    // Narrower than a number: the number stays whole and the terminal wraps the line.
    expect(ROWS.map(fitTable(SPEC, ROWS, 20).line)[1]).toContain('591,702,859,674,467,879.65');
  });

  it('cuts by terminal columns: a Han character takes two', () => {
    expect(cutColumns('永续合约账户', 7)).toBe('永续合…');
    expect(columns(cutColumns('永续合约账户', 7))).toBe(7);
    expect(cutColumns('Spot', 7)).toBe('Spot');
  });
});
