/**
 * SubAccountReader: a main key's view of its sub-accounts, one request per endpoint per read
 * whatever their number (the uids batched into `sub_uid=a,b,…`, at most SUB_ACCOUNT_PAGE_SIZE
 * a request, the spot balances paged past Gate's page size). The list is kept 10 minutes and
 * the balances a minute (Gate caches them a minute anyway); after a 429 an endpoint is not asked
 * again before Gate's wait is over. A missing permission is a named error of the products it
 * hides, never of the whole read.
 */
import type { DecimalString } from '../../../shared/balance.js';
import { subtractDecimals, sumDecimals } from '../../../shared/decimal.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { appError, ok } from '../../../shared/errors.js';
import type { CoinBalance, TickerPrices } from '../../../shared/holdings.js';
import type { SubAccountProduct } from '../../../shared/portfolio.js';
import type { Clock } from '../clock.js';
import type { GetReply } from '../gate/client.js';
import type { EndpointBounds } from '../gate/limits.js';
import type { HoldingsClient } from '../holdings/holdings-service.js';
import { HOLDINGS_BOUNDS, parseSpotTickers } from '../holdings/schema.js';
import type { SubAccountRecord } from './sub-account-schema.js';
import {
  parseSubAccountCrossMargin,
  parseSubAccountFutures,
  parseSubAccountMargin,
  parseSubAccounts,
  parseSubAccountSpot,
  SUB_ACCOUNT_BOUNDS,
} from './sub-account-schema.js';

/** Gate's page of sub-account balances (ASSUMPTION, see the simulator's tests), and the uids asked for at once elsewhere. */
const SUB_ACCOUNT_PAGE_SIZE = 100;
/** How long the list is reused: sub-accounts are rarely added. */
const LIST_CACHE_MS = 10 * 60_000;
/** How long balances are reused: Gate caches them for a minute. */
const BALANCES_CACHE_MS = 60_000;

/** Each uid's coins in one product. */
export type ProductCoins = ReadonlyMap<string, readonly CoinBalance[]>;

/** One read of every product for a set of uids, each product on its own (one may fail alone). */
export interface SubAccountBalances {
  readonly products: Readonly<Record<SubAccountProduct, Result<ProductCoins>>>;
  /** Spot `last` by pair (public tickers), or why they could not be read. */
  readonly tickers: Result<TickerPrices>;
  /** Local epoch ms of the oldest answer. */
  readonly fetchedAt: number;
}

export interface SubAccountReaderOptions {
  readonly client: HoldingsClient;
  readonly clock?: Pick<Clock, 'now'>;
}

/** Which permission an endpoint needs, for the words of a FORBIDDEN answer (see the simulator's tests). */
type Permission = 'sub-account' | 'wallet';

function forbidden(permission: Permission): AppError {
  return appError('FORBIDDEN', { reason: 'sub-accounts-permission', permission });
}

interface Cached<T> {
  readonly at: number;
  readonly key: string;
  readonly value: Result<T>;
}

/** Reads a main key's sub-accounts and their balances. */
export class SubAccountReader {
  readonly #client: HoldingsClient;
  readonly #clock: Pick<Clock, 'now'>;
  #list: Cached<SubAccountRecord[]> | null = null;
  #balances: Cached<SubAccountBalances> | null = null;
  readonly #blockedUntil = new Map<string, number>();
  /** Requests sent so far (for the bench and the tests of batching). */
  #requests = 0;

  constructor(options: SubAccountReaderOptions) {
    this.#client = options.client;
    this.#clock = options.clock ?? { now: () => Date.now() };
  }

  get requests(): number {
    return this.#requests;
  }

  /** Forgets every cached answer and wait (the key changed). */
  clear(): void {
    this.#list = null;
    this.#balances = null;
    this.#blockedUntil.clear();
  }

  /** `GET /sub_accounts?type=0`: every type (regular and cross margin), kept 10 minutes. */
  async list(options: { readonly signal?: AbortSignal } = {}): Promise<Result<SubAccountRecord[]>> {
    const now = this.#clock.now();
    if (this.#list !== null && this.#list.value.ok && now >= this.#list.at && now - this.#list.at < LIST_CACHE_MS) return this.#list.value;
    const reply = await this.#get('/sub_accounts', 'type=0', SUB_ACCOUNT_BOUNDS.list, 'sub-account', options.signal);
    const value = reply.ok ? parseSubAccounts(reply.response.body) : { ok: false as const, error: reply.error };
    this.#list = { at: this.#clock.now(), key: '', value };
    return value;
  }

  /** Every product's balances of these uids (kept a minute for the same uids). */
  async balances(uids: readonly string[], options: { readonly signal?: AbortSignal } = {}): Promise<SubAccountBalances> {
    const key = [...uids].sort().join(',');
    const now = this.#clock.now();
    const cached = this.#balances;
    if (cached !== null && cached.value.ok && cached.key === key && now >= cached.at && now - cached.at < BALANCES_CACHE_MS)
      return cached.value.value;
    const signal = options.signal;
    const [spot, usdt, btc, crossMargin, margin, tickers] = await Promise.all([
      this.#readSpot(uids, signal),
      this.#readFutures(uids, 'usdt', signal),
      this.#readFutures(uids, 'btc', signal),
      this.#readCrossMargin(uids, signal),
      this.#readMargin(uids, signal),
      this.#readTickers(signal),
    ]);
    const futures: Result<ProductCoins> = !usdt.ok ? usdt : !btc.ok ? btc : ok(mergeCoins(usdt.value, btc.value));
    const value: SubAccountBalances = { products: { spot, futures, cross_margin: crossMargin, margin }, tickers, fetchedAt: now };
    this.#balances = { at: now, key, value: ok(value) };
    return value;
  }

  async #get(path: string, query: string, bounds: EndpointBounds, permission: Permission | null, signal?: AbortSignal): Promise<GetReply> {
    const now = this.#clock.now();
    const blocked = this.#blockedUntil.get(path);
    if (blocked !== undefined && now < blocked) {
      const wait = blocked - now;
      return { ok: false, error: appError('RATE_LIMITED', { reason: 'sub-accounts', waitMs: wait }, null, wait), label: null };
    }
    this.#requests += 1;
    const reply = await this.#client.get(path, query, { signed: permission !== null, bounds, ...(signal ? { signal } : {}) });
    if (reply.ok) return reply;
    if (reply.error.code === 'RATE_LIMITED' && reply.error.retryAfterMs !== undefined)
      this.#blockedUntil.set(path, this.#clock.now() + reply.error.retryAfterMs);
    // ACCOUNT_LOCKED is FORBIDDEN too, but no permission would fix it.
    if (permission !== null && reply.error.code === 'FORBIDDEN' && reply.label !== 'ACCOUNT_LOCKED')
      return { ...reply, error: forbidden(permission) };
    return reply;
  }

  /** One request per batch of uids; a batch's answer is parsed by `parse` and folded into the map. */
  async #batched<E extends { readonly uid: string }>(
    uids: readonly string[],
    path: string,
    extra: string,
    parse: (body: string) => Result<E[]>,
    coins: (entry: E) => CoinBalance[],
    signal: AbortSignal | undefined,
  ): Promise<Result<ProductCoins>> {
    const out = new Map<string, CoinBalance[]>();
    for (let i = 0; i < uids.length; i += SUB_ACCOUNT_PAGE_SIZE) {
      const batch = uids.slice(i, i + SUB_ACCOUNT_PAGE_SIZE);
      const reply = await this.#get(path, `sub_uid=${batch.join(',')}${extra}`, SUB_ACCOUNT_BOUNDS.balances, 'wallet', signal);
      if (!reply.ok) return { ok: false, error: reply.error };
      const parsed = parse(reply.response.body);
      if (!parsed.ok) return parsed;
      for (const entry of parsed.value) out.set(entry.uid, [...(out.get(entry.uid) ?? []), ...coins(entry)]);
    }
    return ok(out);
  }

  async #readSpot(uids: readonly string[], signal: AbortSignal | undefined): Promise<Result<ProductCoins>> {
    const out = new Map<string, CoinBalance[]>();
    for (let i = 0; i < uids.length; i += SUB_ACCOUNT_PAGE_SIZE) {
      const batch = uids.slice(i, i + SUB_ACCOUNT_PAGE_SIZE);
      const wanted = new Set(batch);
      // Pages until every uid of the batch was answered or a page comes back short.
      for (let page = 1; page <= uids.length + 1; page += 1) {
        const query = `sub_uid=${batch.join(',')}&page=${page}&limit=${SUB_ACCOUNT_PAGE_SIZE}`;
        const reply = await this.#get('/wallet/sub_account_balances', query, SUB_ACCOUNT_BOUNDS.balances, 'wallet', signal);
        if (!reply.ok) return { ok: false, error: reply.error };
        const parsed = parseSubAccountSpot(reply.response.body);
        if (!parsed.ok) return parsed;
        for (const entry of parsed.value) {
          wanted.delete(entry.uid);
          const locking = new Map(entry.locking ?? []);
          const listed = new Set([...(entry.available ?? []).map(([c]) => c), ...locking.keys()]);
          const available = new Map(entry.available ?? []);
          const coins = [...listed].map((coin) => {
            const free = available.get(coin) ?? '0';
            const locked = locking.get(coin) ?? '0';
            return { coin, quantity: sumDecimals([free, locked]), available: free, locked };
          });
          out.set(entry.uid, [...(out.get(entry.uid) ?? []), ...coins]);
        }
        if (wanted.size === 0 || parsed.value.length < SUB_ACCOUNT_PAGE_SIZE) break;
      }
    }
    return ok(out);
  }

  #readFutures(uids: readonly string[], settle: 'usdt' | 'btc', signal: AbortSignal | undefined): Promise<Result<ProductCoins>> {
    return this.#batched(
      uids,
      '/wallet/sub_account_futures_balances',
      `&settle=${settle}`,
      parseSubAccountFutures,
      (entry) =>
        (entry.available ?? []).map(([key, account]) => ({
          // A perpetual account's value is its equity, total + unrealised PnL, in the settle currency.
          coin: (account.currency ?? key).toUpperCase(),
          quantity: sumDecimals([account.total, account.unrealised_pnl ?? '0']),
          available: null,
          locked: null,
          unrealisedPnl: account.unrealised_pnl ?? null,
        })),
      signal,
    );
  }

  #readCrossMargin(uids: readonly string[], signal: AbortSignal | undefined): Promise<Result<ProductCoins>> {
    return this.#batched(
      uids,
      '/wallet/sub_account_cross_margin_balances',
      '',
      parseSubAccountCrossMargin,
      (entry) => (entry.available?.balances ?? []).map(([coin, b]) => netCoin(coin, b.available, b.freeze, b.borrowed, b.interest)),
      signal,
    );
  }

  #readMargin(uids: readonly string[], signal: AbortSignal | undefined): Promise<Result<ProductCoins>> {
    return this.#batched(
      uids,
      '/wallet/sub_account_margin_balances',
      '',
      parseSubAccountMargin,
      (entry) =>
        (entry.available ?? []).flatMap((pair) =>
          [pair.base, pair.quote].flatMap((side) =>
            side === undefined ? [] : [netCoin(side.currency, side.available, side.locked, side.borrowed, side.interest)],
          ),
        ),
      signal,
    );
  }

  async #readTickers(signal: AbortSignal | undefined): Promise<Result<TickerPrices>> {
    const reply = await this.#get('/spot/tickers', '', HOLDINGS_BOUNDS.spotTickers, null, signal);
    if (!reply.ok) return { ok: false, error: reply.error };
    const parsed = parseSpotTickers(reply.response.body);
    return parsed.ok ? ok(Object.fromEntries(parsed.value)) : parsed;
  }
}

/** A borrowing account's coin, net: what is there (Gate's available includes the loan) less the loan and its interest. */
function netCoin(
  coin: string,
  available?: DecimalString,
  held?: DecimalString,
  borrowed?: DecimalString,
  interest?: DecimalString,
): CoinBalance {
  const gross = sumDecimals([available ?? '0', held ?? '0']);
  return {
    coin,
    quantity: subtractDecimals(gross, sumDecimals([borrowed ?? '0', interest ?? '0'])),
    available: available ?? null,
    locked: held ?? null,
  };
}

function mergeCoins(a: ProductCoins, b: ProductCoins): ProductCoins {
  const out = new Map<string, CoinBalance[]>();
  for (const map of [a, b]) for (const [uid, coins] of map) out.set(uid, [...(out.get(uid) ?? []), ...coins]);
  return out;
}
