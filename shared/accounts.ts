/**
 * Turns Gate's `details` map into what people read: human names, a stable order, exact
 * shares of the positive accounts, the zero/negative accounts set apart, and what the accounts
 * leave out of Gate's total.
 */
import type { AccountEntry, BalanceSnapshot, DecimalString } from './balance.js';
import { compareDecimals, displayUnit, sharesOfPositive, signOfDecimal, subtractDecimals, sumDecimals } from './decimal.js';
import { cleanText } from './text.js';

// A Map, not an object literal: `details` is an open map, so an account may be called
// `constructor` or `__proto__`, and only Gate's own keys may have a label.
const LABELS: ReadonlyMap<string, string> = new Map([
  ['spot', 'Spot'],
  ['futures', 'Perpetual futures'],
  ['delivery', 'Delivery futures'],
  ['margin', 'Margin'],
  ['cross_margin', 'Cross margin'],
  ['finance', 'Earn/finance'],
  ['quant', 'Quant'],
  ['warrant', 'Warrant'],
  ['cbbc', 'CBBC'],
  ['options', 'Options'],
  ['payment', 'Payment'],
  // Not a total_balance key: the holdings view's fourth account (`/unified/accounts`).
  ['unified', 'Unified account'],
  // Gate's web and app call this the "Alpha" account; `meme_box` is only its API key.
  ['meme_box', 'Alpha'],
]);

/** Code points of an unknown account's name that are shown; the rest is cut with an ellipsis. */
export const ACCOUNT_LABEL_MAX_CHARS = 48;

/** What an account whose name is empty (or nothing but control characters) is called. */
export const UNNAMED_ACCOUNT_LABEL = '(unnamed account)';

/**
 * Gate's account key made human. A name Gate adds later is shown rather than dropped, without
 * its control and bidi characters and cut to ACCOUNT_LABEL_MAX_CHARS.
 */
export function accountLabel(name: string): string {
  const known = LABELS.get(name);
  if (known !== undefined) return known;
  const shown = cleanText(name, ACCOUNT_LABEL_MAX_CHARS);
  return shown === '' ? UNNAMED_ACCOUNT_LABEL : shown;
}

/** An account with its exact share of the positive total, as the chart, table and CLI show it. */
export interface AccountShare extends AccountEntry {
  /** For people: Gate's key made human, safe to print (never the raw name). */
  readonly label: string;
  /** Percent with two decimals of the sum of positive amounts; "0.00" for zero or negative. */
  readonly share: DecimalString;
  readonly sign: -1 | 0 | 1;
}

/** The breakdown of one snapshot, ready to draw. */
export interface BalanceSummary {
  /** Every account, amount descending (ties by name) — the CLI's and the table's order. */
  readonly accounts: readonly AccountShare[];
  /** Accounts that can be pie slices (amount > 0), same order; their shares add to 100.00. */
  readonly positive: readonly AccountShare[];
  readonly zero: readonly AccountShare[];
  readonly negative: readonly AccountShare[];
  /** Exact sum of the positive amounts (the pie's whole). */
  readonly positiveSum: DecimalString;
  /**
   * Gate's total minus the sum of every account, exact and signed, when it is at least the
   * currency's display unit either way; null when the accounts add up to the total. Gate keeps
   * some value outside `details` (TradFi) and lists some accounts outside `total` (`payment`).
   */
  readonly unaccounted: DecimalString | null;
}

/** Sorts, labels and shares out the accounts of one snapshot with exact arithmetic. */
export function summarizeBalance(snapshot: Pick<BalanceSnapshot, 'accounts' | 'total' | 'currency'>): BalanceSummary {
  const sorted = [...snapshot.accounts].sort(
    (a, b) => compareDecimals(b.amount, a.amount) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const shares = sharesOfPositive(sorted.map((a) => a.amount));
  const accounts: AccountShare[] = sorted.map((a, i) => ({
    ...a,
    label: accountLabel(a.name),
    share: shares[i] ?? '0.00',
    sign: signOfDecimal(a.amount),
  }));
  const positive = accounts.filter((a) => a.sign > 0);
  const difference = subtractDecimals(snapshot.total.amount, sumDecimals(accounts.map((a) => a.amount)));
  const unit = displayUnit(snapshot.currency);
  const shown = compareDecimals(difference, unit) >= 0 || compareDecimals(difference, `-${unit}`) <= 0;
  return {
    accounts,
    positive,
    zero: accounts.filter((a) => a.sign === 0),
    negative: accounts.filter((a) => a.sign < 0),
    positiveSum: sumDecimals(positive.map((a) => a.amount)),
    unaccounted: shown ? difference : null,
  };
}
