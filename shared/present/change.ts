/**
 * The 24-hour change as people read it, for the tray (and any other surface that wants it):
 * a signed amount at the currency's display digits, a signed percent, and what it is measured
 * over ("in 24 h", or "since 09:14" when the history does not reach back a day). Privacy mode
 * shows no change at all: its sign and size tell too much.
 */
import type { Currency } from '../balance.js';
import type { Change24h } from '../change.js';
import { canonicalDecimal, displayDigits } from '../decimal.js';
import { moneyText } from './amounts.js';
import { clockMinutes } from './dates.js';
import type { Words } from './words.js';

/** A change's figures in the reader's locale; each surface adds its own percent sign and span words. */
export interface ChangeParts {
  /** `+1,234.56`, `-3.10`, `0.00`: at the currency's display digits, a sign unless it rounds to zero. */
  readonly amount: string;
  /** `+1.23`, `-0.50`, `0.00`, without the percent sign; null when the earlier total was zero or below. */
  readonly percent: string | null;
  /** `09:14` when the change is since a later time than 24 hours ago; null for a full 24 h. */
  readonly since: string | null;
}

const formats = new Map<string, Intl.NumberFormat>();

function signed(locale: string | undefined, digits: number): Intl.NumberFormat {
  const id = `${locale ?? ''}|${digits}`;
  let nf = formats.get(id);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      roundingMode: 'halfExpand',
      signDisplay: 'exceptZero',
    });
    formats.set(id, nf);
  }
  return nf;
}

/**
 * The figures of a change in `currency`, formatted by Intl from the exact strings (never a
 * float). `locale` overrides the words' number locale (the CLI's tests).
 */
export function changeParts(
  words: Words,
  change: Change24h,
  currency: Currency,
  options: { readonly timeZone?: string; readonly locale?: string } = {},
): ChangeParts {
  const locale = options.locale ?? words.numberLocale;
  const amount = signed(locale, displayDigits(currency)).format(canonicalDecimal(change.amount) as Intl.StringNumericLiteral);
  // Core's percent is already rounded to two decimals, half away from zero; Intl only localises it.
  const percent = change.percent === null ? null : signed(locale, 2).format(change.percent as Intl.StringNumericLiteral);
  return { amount, percent, since: change.partial ? clockMinutes(words, change.from, options.timeZone) : null };
}

/** `+1.23 %`; null when there is none (an earlier total ≤ 0). */
export function changePercent(words: Words, parts: ChangeParts): string | null {
  return parts.percent === null ? null : words.t('change.percent', { percent: parts.percent });
}

/** The percent, or the signed amount when there is no percent: the change where room is short. */
export function changeBrief(words: Words, change: Change24h, currency: Currency): string {
  const parts = changeParts(words, change, currency);
  return changePercent(words, parts) ?? moneyText(words, parts.amount, currency);
}

/** `{change} in 24 h`, or `{change} since 09:14` for a partial change. */
export function changeOverSpan(words: Words, change: Change24h, text: string, timeZone?: string): string {
  return change.partial
    ? words.t('change.since', { change: text, time: clockMinutes(words, change.from, timeZone) })
    : words.t('change.day', { change: text });
}

/** `+468.12 USDT (+1.23 %)`, the amount alone when there is no percent. */
export function changeInFull(words: Words, change: Change24h, currency: Currency): string {
  const parts = changeParts(words, change, currency);
  const money = moneyText(words, parts.amount, currency);
  const percent = changePercent(words, parts);
  return percent === null ? money : words.t('change.size', { amount: money, percent });
}
