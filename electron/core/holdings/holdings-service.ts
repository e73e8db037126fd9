/**
 * HoldingsService: the per-coin detail of one account, read on demand (the popover's holdings
 * view while it is open, or the CLI command) and never on the main schedule. Each endpoint is
 * asked at most once per 60 s (Gate caches the data for a minute anyway), concurrent asks share
 * one request, and after a 429 the endpoint is not asked again before Gate's wait is over. It
 * owns nothing of the balance: a failure here is an answer to the holdings view, never a state
 * of the total, the tray or the schedule.
 */
import type { Currency, DecimalString } from '../../../shared/balance.js';
import { sumDecimals } from '../../../shared/decimal.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { appError, ok } from '../../../shared/errors.js';
import type { CoinBalance, HoldingsAccount, HoldingsBreakdown, TickerPrices } from '../../../shared/holdings.js';
import { computeHoldings, pricingPairs } from '../../../shared/holdings.js';
import type { Clock } from '../clock.js';
import type { GetOptions, GetReply } from '../gate/client.js';
import type { EndpointBounds } from '../gate/limits.js';
import {
  HOLDINGS_BOUNDS,
  parseFuturesAccount,
  parseSpotAccounts,
  parseSpotTickers,
  parseUnifiedAccounts,
  parseUniLendsPage,
} from './schema.js';

/** What the service needs of a Gate client: one GET to any endpoint (GateClient.get). */
export interface HoldingsClient {
  get(path: string, query: string, options: GetOptions): Promise<GetReply>;
}

/** Everything a HoldingsService is built from. */
export interface HoldingsServiceOptions {
  readonly client: HoldingsClient;
  readonly clock?: Pick<Clock, 'now'>;
  /** How long an endpoint's answer is reused; default 60 000 ms (Gate's own cache time). */
  readonly cacheMs?: number;
}

/** One account's coins as Gate reported them. */
export interface AccountCoins {
  readonly account: HoldingsAccount;
  readonly coins: readonly CoinBalance[];
  /** Local epoch ms of the oldest answer the coins come from. */
  readonly fetchedAt: number;
  /** Unified only: Gate's `mode` (`classic` means the account is not unified, so nothing is listed). */
  readonly mode?: string;
}

/** A breakdown with when its data arrived. */
export interface HoldingsResult {
  readonly breakdown: HoldingsBreakdown;
  readonly fetchedAt: number;
  /** Unified only: Gate's `mode`. */
  readonly mode?: string;
}

/** An account's coins with the prices that value them. */
export interface HoldingsData extends AccountCoins {
  /** `last` of the pairs that can price these coins (pricingPairs), Gate's strings. */
  readonly prices: TickerPrices;
}

/** Prices and shares out read data (pure: the CLI calls it once Gate's figure for the account is in). */
export function holdingsResult(data: HoldingsData, currency: Currency, amount: DecimalString | null): HoldingsResult {
  const breakdown = computeHoldings({ account: data.account, currency, amount, coins: data.coins, tickers: data.prices });
  return data.mode === undefined ? { breakdown, fetchedAt: data.fetchedAt } : { breakdown, fetchedAt: data.fetchedAt, mode: data.mode };
}

/** Earn's page size (Gate's maximum) and how many pages are read at most (10,000 lends). */
const UNI_LENDS_PAGE_SIZE = 100;
const UNI_LENDS_MAX_PAGES = 100;

type Endpoint = 'spot' | 'futures_usdt' | 'futures_btc' | 'finance' | 'unified' | 'tickers';

const PATHS: Readonly<Record<Exclude<Endpoint, 'finance'>, string>> = {
  spot: '/spot/accounts',
  futures_usdt: '/futures/usdt/accounts',
  futures_btc: '/futures/btc/accounts',
  unified: '/unified/accounts',
  tickers: '/spot/tickers',
};

interface Cached<T> {
  readonly at: number;
  readonly value: T;
}

/** The words for a key without the read permission an account's endpoint needs. */
function missingPermission(account: HoldingsAccount): AppError {
  return appError('FORBIDDEN', { reason: 'holdings-permission', account });
}

/** Reads, caches and prices one account's coins. */
export class HoldingsService {
  readonly #client: HoldingsClient;
  readonly #clock: Pick<Clock, 'now'>;
  readonly #cacheMs: number;
  readonly #cache = new Map<Endpoint, Cached<unknown>>();
  readonly #inflight = new Map<Endpoint, Promise<Result<unknown>>>();
  /** Local epoch ms before which an endpoint is not asked again (Gate's 429 wait). */
  readonly #blockedUntil = new Map<Endpoint, number>();

  constructor(options: HoldingsServiceOptions) {
    this.#client = options.client;
    this.#clock = options.clock ?? { now: () => Date.now() };
    this.#cacheMs = options.cacheMs ?? 60_000;
  }

  /** Forgets every cached answer and wait (the key or the demo changed). */
  clear(): void {
    this.#cache.clear();
    this.#blockedUntil.clear();
  }

  /** One account's coins and the ticker prices that can value them (two endpoints, asked together). */
  async read(account: HoldingsAccount, options: { readonly signal?: AbortSignal } = {}): Promise<Result<HoldingsData>> {
    const [coins, tickers] = await Promise.all([
      this.coins(account, options),
      this.#endpoint('tickers', options.signal, () => this.#readTickers(options.signal)),
    ]);
    if (!coins.ok) return coins;
    if (!tickers.ok) return tickers;
    const prices: Record<string, string> = {};
    for (const pair of pricingPairs(coins.value.coins.map((c) => c.coin))) {
      const last = tickers.value.value.get(pair);
      if (last !== undefined) prices[pair] = last;
    }
    const fetchedAt = Math.min(coins.value.fetchedAt, tickers.value.at);
    return ok({ ...coins.value, prices, fetchedAt });
  }

  /** `read`, priced and shared out against Gate's `amount` for the account in `currency`. */
  async breakdown(
    account: HoldingsAccount,
    currency: Currency,
    amount: DecimalString | null,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Result<HoldingsResult>> {
    const data = await this.read(account, options);
    if (!data.ok) return data;
    return ok(holdingsResult(data.value, currency, amount));
  }

  /** One account's coins as Gate lists them (cached per endpoint). */
  async coins(account: HoldingsAccount, options: { readonly signal?: AbortSignal } = {}): Promise<Result<AccountCoins>> {
    const signal = options.signal;
    switch (account) {
      case 'spot': {
        const r = await this.#endpoint('spot', signal, () => this.#readSpot(signal));
        return r.ok ? ok({ account, coins: r.value.value, fetchedAt: r.value.at }) : r;
      }
      case 'futures': {
        const [usdt, btc] = await Promise.all([
          this.#endpoint('futures_usdt', signal, () => this.#readFutures('futures_usdt', 'USDT', signal)),
          this.#endpoint('futures_btc', signal, () => this.#readFutures('futures_btc', 'BTC', signal)),
        ]);
        if (!usdt.ok) return usdt;
        if (!btc.ok) return btc;
        return ok({ account, coins: [...usdt.value.value, ...btc.value.value], fetchedAt: Math.min(usdt.value.at, btc.value.at) });
      }
      case 'finance': {
        const r = await this.#endpoint('finance', signal, () => this.#readLends(signal));
        return r.ok ? ok({ account, coins: r.value.value, fetchedAt: r.value.at }) : r;
      }
      case 'unified': {
        const r = await this.#endpoint('unified', signal, () => this.#readUnified(signal));
        return r.ok ? ok({ account, coins: r.value.value.coins, fetchedAt: r.value.at, mode: r.value.value.mode }) : r;
      }
    }
  }

  /** A cached answer younger than cacheMs, else one shared request (unless Gate asked us to wait). */
  async #endpoint<T>(endpoint: Endpoint, signal: AbortSignal | undefined, read: () => Promise<Result<T>>): Promise<Result<Cached<T>>> {
    const now = this.#clock.now();
    const cached = this.#cache.get(endpoint) as Cached<T> | undefined;
    if (cached && now - cached.at < this.#cacheMs && now >= cached.at) return ok(cached);
    const blocked = this.#blockedUntil.get(endpoint);
    if (blocked !== undefined && now < blocked) {
      const wait = blocked - now;
      return { ok: false, error: appError('RATE_LIMITED', { reason: 'holdings', waitMs: wait }, null, wait) };
    }
    let flight = this.#inflight.get(endpoint) as Promise<Result<T>> | undefined;
    if (!flight) {
      flight = read();
      this.#inflight.set(endpoint, flight);
      void flight.finally(() => this.#inflight.delete(endpoint));
    }
    const result = await flight;
    if (signal?.aborted) return { ok: false, error: appError('CANCELLED') };
    if (!result.ok) {
      if (result.error.code === 'RATE_LIMITED' && result.error.retryAfterMs !== undefined)
        this.#blockedUntil.set(endpoint, this.#clock.now() + result.error.retryAfterMs);
      return result;
    }
    const entry: Cached<T> = { at: this.#clock.now(), value: result.value };
    this.#cache.set(endpoint, entry);
    return ok(entry);
  }

  async #get(
    account: HoldingsAccount | null,
    path: string,
    query: string,
    bounds: EndpointBounds,
    signal: AbortSignal | undefined,
  ): Promise<GetReply> {
    const reply = await this.#client.get(path, query, { signed: account !== null, bounds, ...(signal ? { signal } : {}) });
    // ACCOUNT_LOCKED is FORBIDDEN too, but no permission would fix it.
    if (!reply.ok && account !== null && reply.error.code === 'FORBIDDEN' && reply.label !== 'ACCOUNT_LOCKED') {
      return { ...reply, error: missingPermission(account) };
    }
    return reply;
  }

  async #readSpot(signal: AbortSignal | undefined): Promise<Result<CoinBalance[]>> {
    const reply = await this.#get('spot', PATHS.spot, '', HOLDINGS_BOUNDS.spotAccounts, signal);
    if (!reply.ok) return reply;
    const parsed = parseSpotAccounts(reply.response.body);
    if (!parsed.ok) return parsed;
    return ok(
      parsed.value.map((c) => ({
        coin: c.currency,
        quantity: sumDecimals([c.available, c.locked]),
        available: c.available,
        locked: c.locked,
      })),
    );
  }

  async #readFutures(
    endpoint: 'futures_usdt' | 'futures_btc',
    coin: string,
    signal: AbortSignal | undefined,
  ): Promise<Result<CoinBalance[]>> {
    const reply = await this.#get('futures', PATHS[endpoint], '', HOLDINGS_BOUNDS.futuresAccount, signal);
    // Gate's answer for a futures account that was never funded: nothing is held there.
    if (!reply.ok && reply.label === 'USER_NOT_FOUND') return ok([]);
    if (!reply.ok) return reply;
    const parsed = parseFuturesAccount(reply.response.body);
    if (!parsed.ok) return parsed;
    const a = parsed.value;
    return ok([{ coin, quantity: a.total, available: a.available ?? null, locked: null, unrealisedPnl: a.unrealised_pnl ?? null }]);
  }

  async #readLends(signal: AbortSignal | undefined): Promise<Result<CoinBalance[]>> {
    const byCoin = new Map<string, string[]>();
    for (let page = 1; page <= UNI_LENDS_MAX_PAGES; page += 1) {
      const reply = await this.#get(
        'finance',
        '/earn/uni/lends',
        `page=${page}&limit=${UNI_LENDS_PAGE_SIZE}`,
        HOLDINGS_BOUNDS.uniLendsPage,
        signal,
      );
      if (!reply.ok) return reply;
      const parsed = parseUniLendsPage(reply.response.body);
      if (!parsed.ok) return parsed;
      for (const lend of parsed.value) byCoin.set(lend.currency, [...(byCoin.get(lend.currency) ?? []), lend.amount]);
      if (parsed.value.length < UNI_LENDS_PAGE_SIZE) break;
    }
    return ok([...byCoin].map(([coin, amounts]) => ({ coin, quantity: sumDecimals(amounts), available: null, locked: null })));
  }

  async #readUnified(signal: AbortSignal | undefined): Promise<Result<{ coins: CoinBalance[]; mode: string }>> {
    const reply = await this.#get('unified', PATHS.unified, '', HOLDINGS_BOUNDS.unifiedAccounts, signal);
    if (!reply.ok) return reply;
    const parsed = parseUnifiedAccounts(reply.response.body);
    if (!parsed.ok) return parsed;
    const mode = parsed.value.mode ?? 'classic';
    const coins = (parsed.value.balances ?? []).flatMap(([coin, b]) =>
      b.equity === undefined ? [] : [{ coin, quantity: b.equity, available: null, locked: null }],
    );
    return ok({ coins: mode === 'classic' ? [] : coins, mode });
  }

  async #readTickers(signal: AbortSignal | undefined): Promise<Result<Map<string, string>>> {
    const reply = await this.#get(null, PATHS.tickers, '', HOLDINGS_BOUNDS.spotTickers, signal);
    if (!reply.ok) return reply;
    return parseSpotTickers(reply.response.body);
  }
}
