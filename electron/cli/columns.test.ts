import { describe, expect, it } from 'vitest';
import { columns, padColumns } from './columns.js';

describe('columns', () => {
  it('counts Han, fullwidth punctuation and kana as two columns', () => {
    expect(columns('现货')).toBe(4);
    expect(columns('金额（CNY）')).toBe(11);
    expect(columns('帳戶')).toBe(4);
    expect(columns('カナ')).toBe(4);
  });
  it('counts Latin, digits and narrow symbols as one, combining marks as none', () => {
    expect(columns('Spot 1,234.50')).toBe(13);
    expect(columns('¥38,522.03')).toBe(10);
    expect(columns('e\u0301')).toBe(1);
    expect(columns('')).toBe(0);
  });
  it('pads to a column count, not a character count', () => {
    expect(padColumns('现货', 8, false)).toBe('现货    ');
    expect(padColumns('Alpha', 8, false)).toBe('Alpha   ');
    expect(padColumns('¥1.00', 8, true)).toBe('   ¥1.00');
    expect(padColumns('超出宽度的文字', 4, false)).toBe('超出宽度的文字');
  });
});
