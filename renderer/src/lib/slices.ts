/**
 * Pie slices from the exact breakdown: small accounts grouped into "Other" so a dozen
 * slivers do not turn the chart into noise, with shares kept exact (hundredths) so the
 * legend still adds to 100.00.
 */
import type { AccountShare } from '../../../shared/accounts.js';
import type { DecimalString } from '../../../shared/balance.js';
import { sumDecimals } from '../../../shared/decimal.js';
import type { Words } from '../../../shared/present/words.js';
import { colourForAccount, OTHER_COLOUR } from './colours.js';

/** One drawable slice: an account, or "Other" made of several small ones. */
export interface Slice {
  /** Stable and unique: `account:` and the account's name, or OTHER_KEY (an account may be called anything, `__other__` too). */
  readonly key: string;
  readonly label: string;
  readonly amount: DecimalString;
  /** Percent with two decimals; all slices add to exactly "100.00". */
  readonly share: DecimalString;
  readonly colour: string;
  /** The accounts inside this slice (one, or the grouped ones). */
  readonly members: readonly AccountShare[];
}

/** Key of the grouped slice; never an account's, whose keys all start with `account:`. */
export const OTHER_KEY = 'other';

/** "12.34" → 1234. Shares from shared/ always carry exactly two decimals. */
export function shareToHundredths(share: DecimalString): number {
  const [whole = '0', frac = '00'] = share.split('.');
  return Number.parseInt(whole, 10) * 100 + Number.parseInt(frac.padEnd(2, '0').slice(0, 2), 10);
}

/** 1234 → "12.34". */
export function hundredthsToShare(units: number): DecimalString {
  return `${Math.floor(units / 100)}.${(units % 100).toString().padStart(2, '0')}`;
}

/**
 * Turns the positive accounts (already sorted, with exact shares) into slices. Accounts whose
 * share is below `thresholdPercent` are grouped into "Other", but only when at least two
 * qualify: an "Other" hiding a single account would only rename it.
 */
export function buildSlices(positive: readonly AccountShare[], thresholdPercent: number, words: Words): Slice[] {
  const threshold = Math.round(thresholdPercent * 100);
  const small = positive.filter((a) => shareToHundredths(a.share) < threshold);
  const grouped = small.length >= 2 ? new Set(small.map((a) => a.name)) : new Set<string>();
  const slices: Slice[] = positive.filter((a) => !grouped.has(a.name)).map(accountSlice);
  if (grouped.size > 0) {
    const members = positive.filter((a) => grouped.has(a.name));
    slices.push({
      key: OTHER_KEY,
      label: words.t('breakdown.other', { count: members.length }),
      amount: sumDecimals(members.map((a) => a.amount)),
      share: hundredthsToShare(members.reduce((acc, a) => acc + shareToHundredths(a.share), 0)),
      colour: OTHER_COLOUR,
      members,
    });
  }
  return slices;
}

/** One account as its own slice, in its stable colour. */
function accountSlice(a: AccountShare): Slice {
  return { key: `account:${a.name}`, label: a.label, amount: a.amount, share: a.share, colour: colourForAccount(a.name), members: [a] };
}

/**
 * Privacy mode's rows: each of `accounts` as its own row, sorted by label, so neither grouping
 * into "Other" nor the order can hint at an amount. The chart passes the accounts it charts
 * (the positive ones: the count the normal view shows), the table every account. Shares and
 * amounts are carried but masked by whoever shows them.
 */
export function privateSlices(accounts: readonly AccountShare[]): Slice[] {
  return [...accounts]
    .sort((a, b) => a.label.localeCompare(b.label, 'en') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(accountSlice);
}
