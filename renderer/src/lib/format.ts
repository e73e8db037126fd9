/**
 * Display helpers for the popover: exact amounts (via shared/decimal), the privacy mask,
 * and local clock times. Amounts are never turned into JS numbers here.
 */
import type { Currency, DecimalString } from '../../../shared/balance.js';
import { formatAmount } from '../../../shared/decimal.js';
import { PRIVACY_MASK } from '../../../shared/widget-state.js';
import { shareToHundredths } from './slices.js';

/**
 * Splits a formatted amount after each group separator so a long figure wraps between
 * digit groups (with <wbr>) instead of mid-group. Text content and copy are unchanged.
 */
export function wrapPoints(text: string): string[] {
  return text.split(/(?<=[,\u00a0\u202f' ])/u);
}


/** An amount rounded to the currency's usual digits with grouping, or the mask. */
export function displayAmount(amount: DecimalString, currency: Currency, privacy: boolean): string {
  return privacy ? PRIVACY_MASK : formatAmount(amount, { currency });
}

/** Every digit Gate sent, grouped, with the currency code: for titles (hover). Masked in privacy mode. */
export function fullAmount(amount: DecimalString, currency: Currency, privacy: boolean): string {
  return privacy ? PRIVACY_MASK : `${formatAmount(amount, { currency, precision: 'full' })} ${currency}`;
}

/**
 * A positive account's (or group's) share as "12.34 %", or the mask. A positive share that
 * rounds to 0.00 reads "< 0.01 %": "0.00 %" would say the account holds nothing. Display
 * only; the two-decimal shares themselves still add to exactly 100.00.
 */
export function displayShare(share: DecimalString, privacy: boolean): string {
  if (privacy) return PRIVACY_MASK;
  return shareToHundredths(share) === 0 ? '< 0.01 %' : `${share} %`;
}

const TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "14:05:09" in local time: when the data arrived. */
export function clockTime(epochMs: number): string {
  return TIME.format(epochMs);
}

/** "14:05:09", or "Nov 24, 14:05:09" when the data is from another day than `now`. */
export function asOfTime(epochMs: number, now: number): string {
  const a = new Date(epochMs);
  const b = new Date(now);
  const sameDay = a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  return sameDay ? TIME.format(epochMs) : `${DAY.format(epochMs)}, ${TIME.format(epochMs)}`;
}

/** "Nov 25, 14:05": a point of history. */
export function shortDateTime(epochMs: number): string {
  return DATE_TIME.format(epochMs);
}
