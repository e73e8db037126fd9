import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from './balance.js';
import { change24h, changeColour } from './change.js';

const H = 3600_000;
const NOW = Date.UTC(2026, 2, 10, 9, 14);
const p = (hoursAgo: number, total: string, currency: HistoryPoint['currency'] = 'USDT'): HistoryPoint => ({
  at: NOW - hoursAgo * H,
  currency,
  total,
});
const now = (total: string, currency: HistoryPoint['currency'] = 'USDT') => ({ currency, at: NOW, total });

describe('change24h', () => {
  it('compares with the newest point at or before 24 h ago', () => {
    const history = [p(30, '50'), p(25, '90'), p(24, '100'), p(23, '120'), p(1, '130')];
    expect(change24h(history, now('101.5'))).toEqual({
      from: NOW - 24 * H,
      fromTotal: '100',
      amount: '1.5',
      percent: '+1.50',
      partial: false,
      direction: 1,
    });
    // In any order.
    expect(change24h([...history].reverse(), now('101.5'))?.from).toBe(NOW - 24 * H);
  });

  it('falls back to the oldest point when the history is shorter than 24 h (partial)', () => {
    expect(change24h([p(3, '200'), p(5, '210'), p(1, '190')], now('199'))).toEqual({
      from: NOW - 5 * H,
      fromTotal: '210',
      amount: '-11',
      percent: '-5.24',
      partial: true,
      direction: -1,
    });
  });

  it('is null without an earlier point of that currency; the current point itself does not count', () => {
    expect(change24h([], now('1'))).toBeNull();
    expect(change24h([p(30, '1', 'BTC')], now('1'))).toBeNull();
    expect(change24h([{ at: NOW, currency: 'USDT', total: '1' }], now('1'))).toBeNull();
  });

  it('ignores points dated in the future (the clock jumped back)', () => {
    // The clock was 2 days ahead for a while, then corrected: those points are "in the future".
    const history = [p(26, '100'), p(-20, '999'), p(-47, '5')];
    expect(change24h(history, now('110'))).toMatchObject({ from: NOW - 26 * H, amount: '10', percent: '+10.00', partial: false });
    // Only future points: nothing to compare with.
    expect(change24h([p(-1, '5')], now('110'))).toBeNull();
    // Once the clock jumps forward past them they count again, as ordinary history.
    expect(change24h(history, { currency: 'USDT', at: NOW + 48 * H, total: '110' })).toMatchObject({ from: NOW - 20 * -H, partial: false });
  });

  it('is exact with 40-digit totals; percent rounds half away from zero', () => {
    const big = '591702859674467879.6488202650892478553852';
    const c = change24h([p(24, big)], now('591702859674467880.6488202650892478553852'));
    expect(c?.amount).toBe('1');
    expect(c?.percent).toBe('0.00');
    expect(change24h([p(24, '200')], now('200.01'))?.percent).toBe('+0.01'); // +0.005 % → +0.01
    expect(change24h([p(24, '200')], now('199.99'))?.percent).toBe('-0.01'); // −0.005 % → −0.01
    expect(change24h([p(24, '300')], now('300.01'))?.percent).toBe('0.00'); // +0.0033 %
    expect(change24h([p(24, '300')], now('299.99'))?.percent).toBe('0.00'); // never "-0.00"
    expect(change24h([p(24, '10.10')], now('10.1'))).toMatchObject({ amount: '0', percent: '0.00', direction: 0 });
  });

  it('has no percent when the earlier total is zero or negative', () => {
    expect(change24h([p(24, '0')], now('5'))).toMatchObject({ amount: '5', percent: null });
    expect(change24h([p(24, '-2')], now('-1'))).toMatchObject({ amount: '1', percent: null, direction: 1 });
  });
});

describe('changeColour', () => {
  it('auto: red up in mainland China and Taiwan, green up in Hong Kong and elsewhere', () => {
    expect(changeColour(1, 'auto', 'zh-CN')).toBe('red');
    expect(changeColour(-1, 'auto', 'zh-CN')).toBe('green');
    expect(changeColour(1, 'auto', 'zh-Hans-CN')).toBe('red');
    expect(changeColour(1, 'auto', 'zh')).toBe('red');
    expect(changeColour(1, 'auto', 'zh-TW')).toBe('red');
    expect(changeColour(-1, 'auto', 'zh-Hant-TW')).toBe('green');
    expect(changeColour(1, 'auto', 'zh-Hant')).toBe('red');
    expect(changeColour(1, 'auto', 'zh-HK')).toBe('green');
    expect(changeColour(1, 'auto', 'zh-SG')).toBe('green');
    expect(changeColour(1, 'auto', 'zh-Hant-HK')).toBe('green');
    expect(changeColour(1, 'auto', 'en-US')).toBe('green');
    expect(changeColour(-1, 'auto', 'de')).toBe('red');
  });

  it('an explicit rule wins over the locale; no change is neutral', () => {
    expect(changeColour(1, 'green-up', 'zh-CN')).toBe('green');
    expect(changeColour(1, 'red-up', 'en-US')).toBe('red');
    expect(changeColour(-1, 'red-up', 'en-US')).toBe('green');
    expect(changeColour(0, 'red-up', 'zh-CN')).toBe('neutral');
  });
});
