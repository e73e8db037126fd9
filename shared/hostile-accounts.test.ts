// Hostile input for the account model: names that are JavaScript object members, control and
// bidi characters in names, and accounts that do not add up to Gate's total.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_LABEL_MAX_CHARS, accountLabel, summarizeBalance, UNNAMED_ACCOUNT_LABEL } from './accounts.js';
import type { AccountEntry, Currency } from './balance.js';

const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
];

function entry(name: string, amount: string): AccountEntry {
  return { name, amount, unrealisedPnl: null, borrowed: null };
}

function snapshot(total: string, accounts: readonly AccountEntry[], currency: Currency = 'USDT') {
  return { currency, total: { amount: total, unrealisedPnl: null, borrowed: null }, accounts };
}

describe('account labels for any name', () => {
  it.each(PROTOTYPE_NAMES)('an account called %s is labelled with its own name, a string', (name) => {
    expect(accountLabel(name)).toBe(name);
  });

  it("labels Gate's documented keys, Alpha for meme_box", () => {
    expect(accountLabel('options')).toBe('Options');
    expect(accountLabel('payment')).toBe('Payment');
    expect(accountLabel('meme_box')).toBe('Alpha');
  });

  it('strips control and bidi characters from an unknown name and bounds it', () => {
    expect(accountLabel('evil\u001b[2J\u0007')).toBe('evil[2J');
    expect(accountLabel('\u202eredro\u2066tset\u2069')).toBe('redrotset');
    const long = accountLabel('x'.repeat(1000));
    expect([...long]).toHaveLength(ACCOUNT_LABEL_MAX_CHARS);
    expect(long.endsWith('…')).toBe(true);
  });

  it('a name that is empty or only controls still gets a visible label', () => {
    expect(accountLabel('')).toBe(UNNAMED_ACCOUNT_LABEL);
    expect(accountLabel('\u001b\u202e\r\n')).toBe(UNNAMED_ACCOUNT_LABEL);
  });

  it('a known key with a hidden character is not the known account', () => {
    expect(accountLabel('spot\u200e')).toBe('spot');
  });
});

describe('summarizeBalance with prototype-named accounts', () => {
  it('keeps every account, shares them out and keeps the names verbatim', () => {
    const accounts = PROTOTYPE_NAMES.map((name, i) => entry(name, String((i + 1) * 10)));
    const summary = summarizeBalance(snapshot('360', accounts));
    expect(summary.accounts).toHaveLength(PROTOTYPE_NAMES.length);
    expect(new Set(summary.accounts.map((a) => a.name))).toEqual(new Set(PROTOTYPE_NAMES));
    for (const a of summary.accounts) {
      expect(typeof a.label).toBe('string');
      expect(a.label).toBe(a.name);
    }
    expect(summary.positive.map((a) => a.share).reduce((n, s) => n + Number(s.replace('.', '')), 0)).toBe(10_000);
    expect(summary.unaccounted).toBeNull();
  });
});

describe('accounts that do not add up to the total', () => {
  it('is null when the accounts add up exactly', () => {
    expect(summarizeBalance(snapshot('30.5', [entry('spot', '10'), entry('futures', '20.5')])).unaccounted).toBeNull();
  });

  it('is the exact, signed difference total − Σ accounts, zero and negative accounts included', () => {
    // Gate lists `payment` outside its total: the accounts hold more than the total.
    const over = summarizeBalance(snapshot('100', [entry('spot', '100'), entry('payment', '20.5'), entry('futures', '-0.25')]));
    expect(over.unaccounted).toBe('-20.25');
    // TradFi value is in the total but in no account.
    const under = summarizeBalance(snapshot('1000.000000000000000000000000000000000001', [entry('spot', '900')]));
    expect(under.unaccounted).toBe('100.000000000000000000000000000000000001');
  });

  it("is shown from the currency's display unit on: 0.01, or 0.00000001 for BTC", () => {
    const diff = (total: string, currency: Currency) => summarizeBalance(snapshot(total, [entry('spot', '1')], currency)).unaccounted;
    expect(diff('1.01', 'USDT')).toBe('0.01');
    expect(diff('0.99', 'USD')).toBe('-0.01');
    expect(diff('1.0099999', 'CNY')).toBeNull();
    expect(diff('0.9900001', 'CNY')).toBeNull();
    expect(diff('1.00000001', 'BTC')).toBe('0.00000001');
    expect(diff('1.000000009', 'BTC')).toBeNull();
    expect(diff('0.99999999', 'BTC')).toBe('-0.00000001');
  });

  it('with no accounts at all the whole total is unaccounted', () => {
    expect(summarizeBalance(snapshot('42', [])).unaccounted).toBe('42');
    expect(summarizeBalance(snapshot('0', [])).unaccounted).toBeNull();
  });
});
