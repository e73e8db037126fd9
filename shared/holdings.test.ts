import { describe, expect, it } from 'vitest';
import { apportionDecimal, sumDecimals } from './decimal.js';
import type { CoinBalance } from './holdings.js';
import { computeHoldings, foldSmallHoldings, holdingsView, priceInUsdt } from './holdings.js';

const TICKERS = { BTC_USDT: '95000', ETH_USDT: '3400', NMR_BTC: '0.00018', FTT_USDT: '', ZERO_USDT: '0', BAD_USDT: '1e5', ETH_BTC: '0.04' };

function coin(c: string, quantity: string): CoinBalance {
  return { coin: c, quantity, available: quantity, locked: '0' };
}

describe('priceInUsdt', () => {
  it('prices USDT at 1, COIN_USDT first, then COIN_BTC × BTC_USDT; empty, zero or garbled last is no price', () => {
    expect(priceInUsdt('USDT', {})).toBe('1');
    expect(priceInUsdt('ETH', TICKERS)).toBe('3400'); // the USDT market wins over ETH_BTC
    expect(priceInUsdt('NMR', TICKERS)).toBe('17.1');
    expect(priceInUsdt('NMR', { NMR_BTC: '0.00018' })).toBeNull(); // no BTC_USDT to chain through
    expect(priceInUsdt('FTT', TICKERS)).toBeNull();
    expect(priceInUsdt('ZERO', TICKERS)).toBeNull();
    expect(priceInUsdt('BAD', TICKERS)).toBeNull();
    expect(priceInUsdt('POINT', TICKERS)).toBeNull();
    expect(priceInUsdt('BTC', { BTC_USDT: '' })).toBeNull();
  });
});

describe('apportionDecimal', () => {
  it('shares a rounded total out by largest remainder so the parts add up exactly', () => {
    expect(apportionDecimal('10', ['1', '1', '1'], 2)).toEqual(['3.34', '3.33', '3.33']);
    expect(apportionDecimal('0.123456789', ['2', '1'], 8)).toEqual(['0.08230453', '0.04115226']);
    expect(sumDecimals(apportionDecimal('0.123456789', ['2', '1'], 8) as string[])).toBe('0.12345679');
    expect(apportionDecimal('5', ['3', '-1', '0', '1'], 2)).toEqual(['3.75', null, null, '1.25']);
    expect(apportionDecimal('-5', ['3'], 2)).toEqual([null]);
    expect(apportionDecimal('0.004', ['3'], 2)).toEqual([null]);
  });
});

describe('computeHoldings', () => {
  it('values coins exactly, sorts priced by value then unpriced by coin, leaves zero quantities out', () => {
    const b = computeHoldings({
      account: 'spot',
      currency: 'USDT',
      amount: '12000.7',
      coins: [
        coin('POINT', '12'),
        coin('ETH', '0.5'),
        coin('USDT', '300.7'),
        coin('FTT', '3'),
        coin('SOL', '0'),
        coin('BTC', '0.1'),
        coin('NMR', '2'),
      ],
      tickers: TICKERS,
    });
    expect(b.rows.map((r) => r.coin)).toEqual(['BTC', 'ETH', 'USDT', 'NMR', 'FTT', 'POINT']);
    expect(b.rows.map((r) => r.valueUsdt)).toEqual(['9500', '1700', '300.7', '34.2', null, null]);
    expect(sumDecimals(b.rows.map((r) => r.share))).toBe('100');
    expect(b.rows.slice(4).map((r) => [r.priceUsdt, r.value, r.share])).toEqual([
      [null, null, '0.00'],
      [null, null, '0.00'],
    ]);
    expect(sumDecimals(b.rows.flatMap((r) => (r.value === null ? [] : [r.value])))).toBe('12000.7');
    expect(b.positiveValueUsdt).toBe('11534.9');
  });

  it("apportions Gate's figure in BTC to 8 digits, keeps 40-digit quantities exact", () => {
    const big = '591702859674467879.6488202650892478553852';
    const b = computeHoldings({
      account: 'spot',
      currency: 'BTC',
      amount: '6228.4623',
      coins: [coin('USDT', big), coin('BTC', '0.00000001')],
      tickers: TICKERS,
    });
    expect(b.rows[0]?.quantity).toBe(big);
    expect(b.rows[0]?.valueUsdt).toBe(big);
    expect(b.rows[1]?.valueUsdt).toBe('0.00095');
    expect(sumDecimals(b.rows.map((r) => r.value ?? '0'))).toBe('6228.4623');
    expect(b.rows.map((r) => r.value)).toEqual(['6228.46230000', '0.00000000']);
  });

  it('lists negative values without sharing them out; no price at all means every share is 0.00', () => {
    const b = computeHoldings({
      account: 'futures',
      currency: 'USDT',
      amount: '50',
      coins: [coin('USDT', '-20'), coin('BTC', '0.001')],
      tickers: TICKERS,
    });
    expect(b.rows.map((r) => [r.coin, r.valueUsdt, r.value, r.share])).toEqual([
      ['BTC', '95', '50.00', '100.00'],
      ['USDT', '-20', null, '0.00'],
    ]);
    const none = computeHoldings({
      account: 'spot',
      currency: 'USD',
      amount: '1',
      coins: [coin('POINT', '1'), coin('FTT', '2')],
      tickers: TICKERS,
    });
    expect(none.rows.map((r) => r.share)).toEqual(['0.00', '0.00']);
    const unified = computeHoldings({ account: 'unified', currency: 'USDT', amount: null, coins: [coin('BTC', '1')], tickers: TICKERS });
    expect(unified.rows[0]).toMatchObject({ valueUsdt: '95000', value: null, share: '100.00' });
  });
});

describe('foldSmallHoldings', () => {
  it('folds positive coins under 0.1 % of the account; unpriced and negative stay listed', () => {
    const b = computeHoldings({
      account: 'spot',
      currency: 'USDT',
      amount: '10000',
      coins: [coin('USDT', '9980'), coin('ETH', '0.005'), coin('BTC', '0.0000001'), coin('POINT', '1'), coin('NMR', '-1')],
      tickers: TICKERS,
    });
    const { rows, small } = foldSmallHoldings(b);
    expect(rows.map((r) => r.coin)).toEqual(['USDT', 'ETH', 'NMR', 'POINT']);
    expect(small).toEqual({ coins: ['BTC'], valueUsdt: '0.0095', value: '0.01', share: '0.00' });
    expect(holdingsView('spot', 'USDT', '10000', b, 5).small?.coins).toEqual(['BTC']);
    expect(holdingsView('margin', 'USDT', '7', null, null)).toEqual({
      account: 'margin',
      currency: 'USDT',
      amount: '7',
      detail: false,
      rows: [],
      small: null,
      fetchedAt: null,
    });
  });
});
