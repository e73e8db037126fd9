// Slices and colours: grouping rules, exact "Other" sums and stable colours.
import { describe, expect, it } from 'vitest';
import { summarizeBalance } from '../../../shared/accounts.js';
import { sumDecimals } from '../../../shared/decimal.js';
import { colourForAccount, hashName, OTHER_COLOUR, PALETTE } from './colours.js';
import { ENGLISH } from '../../../shared/present/words.js';
import { buildSlices, hundredthsToShare, OTHER_KEY, shareToHundredths } from './slices.js';

const entry = (name: string, amount: string) => ({ name, amount, unrealisedPnl: null, borrowed: null });
/** A USDT snapshot whose total is exactly the sum of its accounts. */
const balanced = (accounts: ReturnType<typeof entry>[]) => ({
  currency: 'USDT' as const,
  total: { amount: sumDecimals(accounts.map((a) => a.amount)), unrealisedPnl: null, borrowed: null },
  accounts,
});

describe('buildSlices', () => {
  it('groups two or more small accounts into Other with the exact sums', () => {
    const { positive } = summarizeBalance(
      balanced([entry('spot', '970'), entry('futures', '10.5'), entry('margin', '10.25'), entry('quant', '9.25')]),
    );
    const slices = buildSlices(positive, 2, ENGLISH);
    expect(slices.map((s) => [s.key, s.share])).toEqual([
      ['account:spot', '97.00'],
      [OTHER_KEY, '3.00'],
    ]);
    const other = slices[1];
    expect(other?.amount).toBe('30');
    expect(other?.label).toBe('Other (3)');
    expect(other?.colour).toBe(OTHER_COLOUR);
  });

  it('does not hide a single small account behind "Other"', () => {
    const { positive } = summarizeBalance(balanced([entry('spot', '99'), entry('futures', '1')]));
    expect(buildSlices(positive, 2, ENGLISH).map((s) => s.label)).toEqual(['Spot', 'Perpetual futures']);
  });

  it('round-trips hundredths', () => {
    expect(shareToHundredths('100.00')).toBe(10_000);
    expect(shareToHundredths('0.07')).toBe(7);
    expect(hundredthsToShare(7)).toBe('0.07');
    expect(hundredthsToShare(12_345)).toBe('123.45');
  });
});

describe('colours', () => {
  it('gives known accounts distinct fixed colours and unknown ones a stable palette colour', () => {
    const known = [
      'spot',
      'futures',
      'finance',
      'quant',
      'delivery',
      'margin',
      'cross_margin',
      'options',
      'warrant',
      'cbbc',
      'payment',
      'meme_box',
    ];
    expect(new Set(known.map(colourForAccount)).size).toBe(known.length);
    expect(colourForAccount('spot')).toBe(PALETTE[0]);
    const unknown = colourForAccount('space_station');
    expect(PALETTE).toContain(unknown);
    expect(colourForAccount('space_station')).toBe(unknown);
    expect(hashName('a')).toBe(0xe40c292c); // FNV-1a reference value
  });
});

describe('wrapPoints (shared/present/amounts.ts)', () => {
  it('splits after group separators only and loses no character', async () => {
    const { wrapPoints } = await import('../../../shared/present/amounts.js');
    const parts = wrapPoints('591,702,859,674,467,879.65');
    expect(parts).toEqual(['591,', '702,', '859,', '674,', '467,', '879.65']);
    expect(parts.join('')).toBe('591,702,859,674,467,879.65');
    // Narrow no-break spaces group digits in fr-FR; a break after the decimal comma is harmless.
    expect(wrapPoints('1\u202f234\u202f567,89')).toEqual(['1\u202f', '234\u202f', '567,', '89']);
  });
});
