/**
 * A net worth made of sources. A source is one place money sits that we can read: a key's own
 * account (Gate's exact `total_balance` figure) or a sub-account seen through a main key (valued
 * by us from its balances: an estimate, partial where Gate gives no balance for a product). The
 * combined figure is the exact decimal sum of the sources' totals in one currency. Each source
 * keeps its own freshness: a failed read keeps its last good total, marked stale, and the
 * combined figure says so; nothing is dropped silently. Pure: the app, the tray and the CLI read
 * the same functions.
 */
import type { BalanceSnapshot, Currency, DecimalString } from './balance.js';
import type { Change24h } from './change.js';
import { divideDecimals, multiplyDecimals, signOfDecimal, sumDecimals } from './decimal.js';
import type { AppError } from './errors.js';
import { priceInUsdt, type TickerPrices } from './holdings.js';

/** What a source is: a key's own account, or a sub-account read through a main key. */
type SourceKind = 'key' | 'sub-account';

/** ok: fresh; stale: the last good total after a failure; error: no total to show. */
type SourceStatus = 'ok' | 'stale' | 'error';

/** The products Gate gives a main key sub-account balances for. */
export const SUB_ACCOUNT_PRODUCTS = ['spot', 'futures', 'cross_margin', 'margin'] as const;

/** A product a sub-account source can cover. */
export type SubAccountProduct = (typeof SUB_ACCOUNT_PRODUCTS)[number];

/**
 * How a sub-account's USDT value became the shown currency: `identity` (USDT itself), `gate-totals`
 * (the main account's Gate totals in both currencies: Gate's own rate), `btc-ticker` (1 / BTC_USDT
 * last), `usd-par` (1 USDT = 1 USD: Gate gave us no rate), `none` (no rate: no total).
 */
type RateBasis = 'identity' | 'gate-totals' | 'btc-ticker' | 'usd-par' | 'none';

/** USDT → currency as the exact ratio numerator / denominator (kept apart so a conversion divides once). */
export interface UsdtRate {
  readonly currency: Currency;
  readonly basis: RateBasis;
  readonly numerator: DecimalString;
  readonly denominator: DecimalString;
}

/** One source as every reader sees it. */
export interface Source {
  /** Stable across refreshes: `key:<profile>` or `sub:<profile>:<uid>`. */
  readonly id: string;
  readonly kind: SourceKind;
  /** The profile of the key it is read with. */
  readonly profile: string;
  /** Gate's user id: the key's account (when Gate told us) or the sub-account's. */
  readonly uid: string | null;
  /** The key's alias (its profile) or the sub-account's login name; outside text, cleaned. */
  readonly name: string;
  /** In the portfolio's currency; null when never read. */
  readonly total: { readonly currency: Currency; readonly amount: DecimalString } | null;
  /** Valued by us from balances (sub-accounts), not Gate's own figure. */
  readonly estimated: boolean;
  /** Leaves out value we cannot read or price (products without balances, unpriced coins). */
  readonly partial: boolean;
  /** What the total covers: Gate's account names for a key, SubAccountProducts for a sub-account. */
  readonly covers: readonly string[];
  /** Coins held but not valued (no market). */
  readonly unpriced: readonly string[];
  readonly status: SourceStatus;
  /** Why the last read failed, or why a product is missing; null when nothing failed. */
  readonly error: AppError | null;
  /** Local epoch ms of the data behind `total`. */
  readonly fetchedAt: number | null;
  /** Sub-accounts: the rate that converted their USDT value; null for a key (Gate's figure). */
  readonly rate: RateBasis | null;
  /**
   * What makes up `total`, in its currency: a key's accounts as Gate listed them, a sub-account's
   * products as we valued them (`spot`, `futures`, `cross_margin`, `margin`); empty without a total.
   */
  readonly accounts: readonly SourceAccount[];
}

/** One part of a source's total: an account type (Gate's account name) and its value. */
export interface SourceAccount {
  readonly name: string;
  readonly amount: DecimalString;
}

/**
 * The net worth as every surface reads it once more than the first key's own account is counted
 * (WidgetState.portfolio): null while there is one key and no sub-account, where everything reads
 * the key's own balance as before.
 */
export interface PortfolioState {
  readonly currency: Currency;
  /** Counted once (`countOnce`); each key followed by its sub-accounts, keys in Settings' order. */
  readonly sources: readonly Source[];
  readonly combined: Combined;
  /**
   * The combined figure against the combined series' history; null without an earlier point made
   * of the same sources (a source added or removed is a break, never a gain).
   */
  readonly change24h: Change24h | null;
}

/** One Gate key the app reads (Settings › Gate accounts), as WidgetState.gateAccounts lists it; never any of the secret. */
export interface GateAccount {
  /** Its keychain profile (`default` is the first key, the one onboarding stores). */
  readonly profile: string;
  /** What the user calls it ("Family"); the profile's name when none was given. */
  readonly alias: string;
  /** "…a1b2": the key's last four characters; null while the keychain has not answered or holds none. */
  readonly keyHint: string | null;
  readonly includeSubAccounts: boolean;
  /** The sub-accounts Gate listed for it and whether each is counted; null until listed or while not included. */
  readonly subAccounts: readonly GateSubAccount[] | null;
}

/** A sub-account as Settings lists it. */
interface GateSubAccount {
  readonly uid: string;
  /** Its login name, else its remark, else its uid. */
  readonly name: string;
  readonly included: boolean;
}

/** The sum of the sources. */
export interface Combined {
  readonly currency: Currency;
  readonly amount: DecimalString;
  /** A source is partial, or has no total at all (errored and never read). */
  readonly partial: boolean;
  /** A counted total is our estimate. */
  readonly estimated: boolean;
  /** A source's total is its last good one, after a failure. */
  readonly stale: boolean;
}

/** The profile the first key is stored under (onboarding's key, keychain account `api-key`). */
export const DEFAULT_PROFILE = 'default';

/** `key:<profile>` */
export function keySourceId(profile: string): string {
  return `key:${profile}`;
}

/** `sub:<profile>:<uid>` */
export function subAccountSourceId(profile: string, uid: string): string {
  return `sub:${profile}:${uid}`;
}

/** A key's own account from Gate's answer: Gate's exact total, covering the accounts Gate listed. */
export function keySource(profile: string, uid: string | null, snapshot: BalanceSnapshot): Source {
  return {
    id: keySourceId(profile),
    kind: 'key',
    profile,
    uid,
    name: profile,
    total: { currency: snapshot.currency, amount: snapshot.total.amount },
    estimated: false,
    partial: false,
    covers: snapshot.accounts.map((a) => a.name),
    unpriced: [],
    status: 'ok',
    error: null,
    fetchedAt: snapshot.fetchedAt,
    rate: null,
    accounts: snapshot.accounts.map((a) => ({ name: a.name, amount: a.amount })),
  };
}

/** A source that could not be read at all (no earlier total to keep). */
export function failedSource(base: Pick<Source, 'id' | 'kind' | 'profile' | 'uid' | 'name'>, error: AppError): Source {
  return {
    ...base,
    total: null,
    estimated: base.kind === 'sub-account',
    partial: base.kind === 'sub-account',
    covers: [],
    unpriced: [],
    status: 'error',
    error,
    fetchedAt: null,
    rate: null,
    accounts: [],
  };
}

/**
 * A source after a read: the fresh one when it has a total; else the previous total kept and
 * marked stale with the new error; else the failure itself. `previous` is the same source in the
 * same currency (the caller keeps one per currency, as balances are cached per currency).
 */
export function nextSource(previous: Source | null, fresh: Source): Source {
  if (fresh.total !== null || previous === null || previous.total === null) return fresh;
  return { ...previous, name: fresh.name, status: 'stale', error: fresh.error };
}

/**
 * Each Gate account counted once: a sub-account that is also read through its own key (same Gate
 * user id) is counted as the key, whose figure is Gate's own; a second key of an account already
 * counted (the same account added twice, under two keys) is dropped, the first kept.
 */
export function countOnce(sources: readonly Source[]): Source[] {
  const keyed = new Set(sources.filter((s) => s.kind === 'key' && s.uid !== null).map((s) => s.uid));
  const seenKeys = new Set<string>();
  return sources.filter((s) => {
    if (s.kind !== 'key') return s.uid === null || !keyed.has(s.uid);
    if (s.uid === null) return true;
    if (seenKeys.has(s.uid)) return false;
    seenKeys.add(s.uid);
    return true;
  });
}

/** The exact sum of the sources' totals in `currency` (a total in another currency counts as missing). */
export function combineSources(sources: readonly Source[], currency: Currency): Combined {
  const counted = countOnce(sources);
  const amounts: DecimalString[] = [];
  let missing = false;
  for (const s of counted) {
    if (s.total === null || s.total.currency !== currency) missing = true;
    else amounts.push(s.total.amount);
  }
  return {
    currency,
    amount: sumDecimals(amounts),
    partial: missing || counted.some((s) => s.partial),
    estimated: counted.some((s) => s.estimated && s.total !== null),
    stale: counted.some((s) => s.status === 'stale'),
  };
}

/** Digits a rate-derived conversion keeps (truncated): far below any amount anyone reads. */
const CONVERSION_DIGITS = 40;

/**
 * The USDT → `currency` rate for sub-account values: Gate's own, from the main account's
 * totals in both currencies when both are known and non-zero; else BTC through BTC_USDT, USD at
 * par; CNY without Gate's totals has none.
 */
export function usdtRate(
  currency: Currency,
  mainTotals: { readonly usdt: DecimalString | null; readonly inCurrency: DecimalString | null },
  tickers: TickerPrices,
): UsdtRate {
  if (currency === 'USDT') return { currency, basis: 'identity', numerator: '1', denominator: '1' };
  const { usdt, inCurrency } = mainTotals;
  if (usdt !== null && inCurrency !== null && signOfDecimal(usdt) > 0 && signOfDecimal(inCurrency) > 0)
    return { currency, basis: 'gate-totals', numerator: inCurrency, denominator: usdt };
  if (currency === 'BTC') {
    const btc = priceInUsdt('BTC', tickers);
    if (btc !== null) return { currency, basis: 'btc-ticker', numerator: '1', denominator: btc };
  }
  if (currency === 'USD') return { currency, basis: 'usd-par', numerator: '1', denominator: '1' };
  return { currency, basis: 'none', numerator: '0', denominator: '1' };
}

/** A USDT amount at `rate`; null when there is none. Exact for identity and par, else truncated at 40 digits. */
export function convertUsdt(amount: DecimalString, rate: UsdtRate): DecimalString | null {
  if (rate.basis === 'none') return null;
  if (rate.basis === 'identity' || rate.basis === 'usd-par') return amount;
  return divideDecimals(multiplyDecimals(amount, rate.numerator), rate.denominator, CONVERSION_DIGITS);
}

/**
 * "By account type": each account name summed over the counted sources that have a total in
 * `currency`, exactly, in the order names first appear (a key's accounts in Gate's order first).
 */
export function sumByAccountType(sources: readonly Source[], currency: Currency): SourceAccount[] {
  const amounts = new Map<string, DecimalString[]>();
  for (const s of countOnce(sources)) {
    if (s.total === null || s.total.currency !== currency) continue;
    for (const a of s.accounts) {
      const list = amounts.get(a.name);
      if (list) list.push(a.amount);
      else amounts.set(a.name, [a.amount]);
    }
  }
  return [...amounts].map(([name, list]) => ({ name, amount: sumDecimals(list) }));
}
