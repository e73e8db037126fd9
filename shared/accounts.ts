/**
 * Turns Gate's `details` map into what people read: human names, a stable order, exact
 * shares of the positive accounts, and the zero/negative accounts set apart.
 */
import type { AccountEntry, BalanceSnapshot, DecimalString } from './balance.js';
import { compareDecimals, sharesOfPositive, signOfDecimal, sumDecimals } from './decimal.js';

const LABELS: Readonly<Record<string, string>> = {
  spot: 'Spot',
  futures: 'Perpetual futures',
  delivery: 'Delivery futures',
  margin: 'Margin',
  cross_margin: 'Cross margin',
  finance: 'Earn/finance',
  quant: 'Quant',
  warrant: 'Warrant',
  cbbc: 'CBBC',
  options: 'Options',
  payment: 'Payment',
  meme_box: 'Meme box',
};

/** Gate's account key made human; a name Gate adds later is shown as-is rather than dropped. */
export function accountLabel(name: string): string {
  return LABELS[name] ?? name;
}

/** An account with its exact share of the positive total, as the chart, table and CLI show it. */
export interface AccountShare extends AccountEntry {
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
}

/** Sorts, labels and shares out the accounts of one snapshot with exact arithmetic. */
export function summarizeBalance(snapshot: Pick<BalanceSnapshot, 'accounts'>): BalanceSummary {
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
  return {
    accounts,
    positive,
    zero: accounts.filter((a) => a.sign === 0),
    negative: accounts.filter((a) => a.sign < 0),
    positiveSum: sumDecimals(positive.map((a) => a.amount)),
  };
}
