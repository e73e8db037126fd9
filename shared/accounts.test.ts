import { describe, expect, it } from 'vitest';
import { accountLabel, summarizeBalance } from './accounts.js';
import type { AccountEntry } from './balance.js';
import { sumDecimals } from './decimal.js';
import { GATE_EXAMPLE_BODY } from './testing/gate-example.js';

function entry(name: string, amount: string): AccountEntry {
  return { name, amount, unrealisedPnl: null, borrowed: null };
}

/** A USDT snapshot whose total is exactly the sum of its accounts. */
function balanced(accounts: readonly AccountEntry[]) {
  return {
    currency: 'USDT' as const,
    total: { amount: sumDecimals(accounts.map((a) => a.amount)), unrealisedPnl: null, borrowed: null },
    accounts,
  };
}

describe('accountLabel', () => {
  it("names Gate's accounts for people and keeps unknown ones as-is", () => {
    expect(accountLabel('futures')).toBe('Perpetual futures');
    expect(accountLabel('cross_margin')).toBe('Cross margin');
    expect(accountLabel('finance')).toBe('Earn/finance');
    expect(accountLabel('space_station')).toBe('space_station');
  });
});

describe('summarizeBalance', () => {
  it("sorts Gate's example by amount, shares the positive ones and sets zeros apart", () => {
    const raw = JSON.parse(GATE_EXAMPLE_BODY) as { details: Record<string, { amount: string }> };
    const accounts = Object.entries(raw.details).map(([name, d]) => entry(name, d.amount));
    const summary = summarizeBalance(balanced(accounts));
    expect(summary.accounts.map((a) => a.name)).toEqual([
      'quant',
      'spot',
      'finance',
      'futures',
      'delivery',
      'margin',
      'cbbc',
      'cross_margin',
      'warrant',
    ]);
    expect(summary.positive).toHaveLength(6);
    expect(summary.zero.map((a) => a.name)).toEqual(['cbbc', 'cross_margin', 'warrant']);
    expect(summary.negative).toHaveLength(0);
    expect(sumDecimals(summary.positive.map((a) => a.share))).toBe('100');
  });

  it('lists a negative account apart with share 0.00 and keeps unknown names', () => {
    const summary = summarizeBalance(balanced([entry('spot', '100'), entry('futures', '-20.5'), entry('moon_vault', '300')]));
    expect(summary.negative.map((a) => [a.name, a.share])).toEqual([['futures', '0.00']]);
    expect(summary.positive.map((a) => [a.label, a.share])).toEqual([
      ['moon_vault', '75.00'],
      ['Spot', '25.00'],
    ]);
    expect(summary.positiveSum).toBe('400');
  });

  it('copes with all-zero and single-account portfolios', () => {
    expect(summarizeBalance(balanced([entry('spot', '0'), entry('margin', '0.00')])).positive).toHaveLength(0);
    const one = summarizeBalance(balanced([entry('spot', '0.00000001')]));
    expect(one.positive.map((a) => a.share)).toEqual(['100.00']);
  });
});
