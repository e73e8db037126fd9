import { describe, expect, it } from 'vitest';
import { displayAmount, displayMoney, displayShare, exactMoney, moneyText, PRIVACY_MASK } from './amounts.js';
import { zhCN } from './catalogue-zh-cn.js';
import { zhTW } from './catalogue-zh-tw.js';
import { createWords, ENGLISH, englishFor, formatAge, formatCountdown, formatDuration } from './words.js';

describe('amounts and shares, the same on every surface', () => {
  it('formats exact strings in the words’ locale, rounded or in full', () => {
    const amount = '591702859674467879.6488202650892478553852';
    expect(displayAmount(englishFor('en-US'), amount, 'USDT', { privacy: false })).toBe('591,702,859,674,467,879.65');
    expect(displayAmount(englishFor('de-DE'), '1234.5', 'USD', { privacy: false })).toBe('1.234,50');
    expect(exactMoney(englishFor('en-US'), amount, 'USDT', false)).toBe('591,702,859,674,467,879.6488202650892478553852 USDT');
    expect(displayMoney(englishFor('en-US'), '0.5', 'BTC', { privacy: false })).toBe('0.50000000 BTC');
  });

  it('writes the sign before a prefixed currency, as Intl does: -¥3.10, not ¥-3.10', () => {
    const zh = createWords(zhCN, 'zh-CN', 'zh-CN');
    expect(displayMoney(zh, '-3.1', 'CNY', { privacy: false })).toBe('-¥3.10');
    expect(displayMoney(zh, '-3.1', 'CNY', { privacy: false })).toBe(
      new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(-3.1),
    );
    expect(displayMoney(zh, '3.1', 'CNY', { privacy: false })).toBe('¥3.10');
    expect(displayMoney(zh, '-3.1', 'USDT', { privacy: false })).toBe('-3.10 USDT');
    expect(displayMoney(zh, '-3.1', 'CNY', { privacy: true })).toBe(`¥${PRIVACY_MASK}`);
    // A change's signed figures, plus sign and U+2212 minus included.
    expect(moneyText(zh, '+468.12', 'CNY')).toBe('+¥468.12');
    expect(moneyText(zh, '\u22123.10', 'CNY')).toBe('\u2212¥3.10');
    expect(moneyText(createWords(zhTW, 'zh-TW', 'zh-TW'), '-3.10', 'CNY')).toBe('-3.10 CNY');
    expect(moneyText(ENGLISH, '-3.10', 'CNY')).toBe('-3.10 CNY');
  });

  it('has one privacy mask for amounts, money and shares', () => {
    expect(PRIVACY_MASK).toBe('•••');
    expect(displayAmount(ENGLISH, '12.5', 'USD', { privacy: true })).toBe(PRIVACY_MASK);
    expect(displayMoney(ENGLISH, '12.5', 'USD', { privacy: true })).toBe(`${PRIVACY_MASK} USD`);
    expect(exactMoney(ENGLISH, '12.5', 'USD', true)).toBe(PRIVACY_MASK);
    expect(displayShare(ENGLISH, '12.34', true)).toBe(PRIVACY_MASK);
  });

  it('reads a positive share that rounds to 0.00 as "< 0.01 %"', () => {
    expect(displayShare(ENGLISH, '93.33', false)).toBe('93.33 %');
    expect(displayShare(ENGLISH, '0.01', false)).toBe('0.01 %');
    expect(displayShare(ENGLISH, '0.00', false)).toBe('< 0.01 %');
  });
});

describe('durations, ages and countdowns', () => {
  it('says how long, how old and how soon', () => {
    expect([250, 1000, 1001, 10_000].map((ms) => formatDuration(ENGLISH, ms))).toEqual(['250 ms', '1 second', '2 seconds', '10 seconds']);
    expect([3, 45, 180, 7200, 3 * 86400].map((s) => formatAge(ENGLISH, s))).toEqual(['just now', '45 s', '3 min', '2 h', '3 d']);
    expect([42, 119, 120, 121].map((s) => formatCountdown(ENGLISH, s))).toEqual(['42 s', '119 s', '2 min', '3 min']);
  });
});
