/**
 * The 24-hour change as people read it, for the tray (and any other surface that wants it):
 * a signed amount at the currency's display digits, a signed percent, and what it is measured
 * over ("in 24 h", or "since 09:14" when the history does not reach back a day). Privacy mode
 * shows no change at all: its sign and size tell too much.
 */
import type { Currency } from '../balance.js';
import type { Change24h } from '../change.js';
import { formatAmount } from '../decimal.js';
import { clockMinutes } from './dates.js';
import type { Words } from './words.js';

/** `+468.12 USDT`, `-3.10 USDT`, `0.00 USDT`: never a sign on a figure that rounds to zero. */
function signedChangeMoney(words: Words, change: Change24h, currency: Currency): string {
  const text = formatAmount(change.amount, { currency, ...(words.numberLocale ? { locale: words.numberLocale } : {}) });
  const zero = !/[1-9]/.test(text);
  const amount = zero ? text.replace(/^[-−]/, '') : change.direction > 0 ? words.t('change.up', { amount: text }) : text;
  return words.t('amount.money', { amount, currency });
}

/** `+1.23 %` (the percent is already signed); null when there is none (an earlier total ≤ 0). */
function changePercent(words: Words, change: Change24h): string | null {
  return change.percent === null ? null : words.t('change.percent', { percent: change.percent });
}

/** The percent, or the signed amount when there is no percent: the change where room is short. */
export function changeBrief(words: Words, change: Change24h, currency: Currency): string {
  return changePercent(words, change) ?? signedChangeMoney(words, change, currency);
}

/** `{change} in 24 h`, or `{change} since 09:14` for a partial change. */
export function changeOverSpan(words: Words, change: Change24h, text: string, timeZone?: string): string {
  return change.partial ? words.t('change.since', { change: text, time: clockMinutes(words, change.from, timeZone) }) : words.t('change.day', { change: text });
}

/** `+468.12 USDT (+1.23 %)`, the amount alone when there is no percent. */
export function changeInFull(words: Words, change: Change24h, currency: Currency): string {
  const money = signedChangeMoney(words, change, currency);
  const percent = changePercent(words, change);
  return percent === null ? money : words.t('change.size', { amount: money, percent });
}
