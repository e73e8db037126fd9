/**
 * The balance model both sides agree on: what Gate's `GET /wallet/total_balance`
 * returns, normalised, with every amount kept as Gate's exact decimal string.
 */

/** The four conversion targets Gate accepts for `total_balance`. */
export const CURRENCIES = ['BTC', 'CNY', 'USD', 'USDT'] as const;

/** A conversion target Gate accepts; anything else is INVALID_CURRENCY. */
export type Currency = (typeof CURRENCIES)[number];

/** A plain decimal string as Gate sends it (`"-12.5"`, `"0"`, 40 digits allowed). Never a JS number. */
export type DecimalString = string;

/** Narrows untrusted input to a Currency without a schema library (shared has no zod). */
export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** One of Gate's accounts (spot, futures, …, or a name Gate adds later), converted to the chosen currency. */
export interface AccountEntry {
  /** Gate's account key, verbatim (`spot`, `cross_margin`, or an unknown future name). */
  readonly name: string;
  readonly amount: DecimalString;
  /** Present for futures/delivery/options in Gate's answer; null when Gate omits it. */
  readonly unrealisedPnl: DecimalString | null;
  /** Present for margin/cross_margin in Gate's answer; null when Gate omits it. */
  readonly borrowed: DecimalString | null;
}

/** Gate's `total` object: the figure the tray shows. */
interface TotalEntry {
  readonly amount: DecimalString;
  readonly unrealisedPnl: DecimalString | null;
  readonly borrowed: DecimalString | null;
}

/**
 * One successful answer from Gate, in one currency, with when we got it. It is the unit of
 * "last good data": kept, cached per currency and shown as stale when a later refresh fails.
 */
export interface BalanceSnapshot {
  readonly currency: Currency;
  readonly total: TotalEntry;
  /** In Gate's order; use `summarizeBalance` for the sorted, shared-out view. */
  readonly accounts: readonly AccountEntry[];
  /** Epoch milliseconds (local clock) when the answer arrived. */
  readonly fetchedAt: number;
}

/** One point of local net-worth history (for the sparkline and CSV export). */
export interface HistoryPoint {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly currency: Currency;
  readonly total: DecimalString;
}
