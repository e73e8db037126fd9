import { describe, expect, it } from 'vitest';
import type { Change24h } from '../change.js';
import { changeBrief, changeInFull, changeParts } from './change.js';
import { en } from './catalogue-en.js';
import { zhCN } from './catalogue-zh-cn.js';
import { createWords } from './words.js';

const T = Date.UTC(2026, 11, 1, 9, 14);
const change = (amount: string, percent: string | null, partial = false): Change24h => ({
  from: T,
  fromTotal: '1000',
  amount,
  percent,
  partial,
  direction: amount.startsWith('-') ? -1 : /[1-9]/.test(amount) ? 1 : 0,
});

describe('changeParts: one reading of a change for the popover, the tray and the CLI', () => {
  const words = createWords(en, 'en', 'en-US');

  it("signs the amount at the currency's digits from the exact string, and no sign when it rounds to zero", () => {
    expect(changeParts(words, change('12345678901234567890.125', '+1.23'), 'USDT').amount).toBe('+12,345,678,901,234,567,890.13');
    expect(changeParts(words, change('-3.1', '-0.31'), 'USDT').amount).toBe('-3.10');
    expect(changeParts(words, change('0.001', '0.00'), 'USDT').amount).toBe('0.00');
    expect(changeParts(words, change('-0.001', '0.00'), 'USDT')).toMatchObject({ amount: '0.00', percent: '0.00' });
    expect(changeParts(words, change('0.000000015', null), 'BTC').amount).toBe('+0.00000002');
  });

  it('localises both figures, says since when for a partial change, and has no percent without one', () => {
    const de = createWords(en, 'en', 'de-DE');
    expect(changeParts(de, change('1234.5', '+1.23'), 'USDT')).toEqual({ amount: '+1.234,50', percent: '+1,23', since: null });
    expect(changeParts(words, change('5', null, true), 'USDT', { timeZone: 'UTC' })).toEqual({
      amount: '+5.00',
      percent: null,
      since: '09:14',
    });
  });

  it('is what the tray shows, in each language', () => {
    expect(changeBrief(words, change('468.12', '+1.23'), 'USDT')).toBe('+1.23 %');
    expect(changeBrief(words, change('468.12', null), 'USDT')).toBe('+468.12 USDT');
    expect(changeInFull(words, change('-3.1', '-0.31'), 'USDT')).toBe('-3.10 USDT (-0.31 %)');
    expect(changeInFull(createWords(zhCN, 'zh-CN', 'zh-CN'), change('-3.1', '-0.31'), 'USDT')).toBe('-3.10 USDT（-0.31%）');
  });
});
