/**
 * The signed Gate APIv4 client: `GET /wallet/total_balance`, and `get` for any other endpoint
 * (the holdings endpoints and public tickers). Everything it needs comes in
 * through the options (transport, credentials, clock, base URL, timeout), so the app, the CLI,
 * demo mode and the tests run the same code. It never throws: every outcome is a value, and
 * no message it produces contains the secret or the signature.
 */
import type { Currency } from '../../../shared/balance.js';
import { CURRENCIES, isCurrency } from '../../../shared/balance.js';
import { appError, type AppError, type Result } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import { mapErrorResponse, mapTransportFailure, parseEpochHeader, readGateError } from './errors.js';
import type { EndpointBounds } from './limits.js';
import type { AccountDetailInfo, KeyInfo } from './key-schema.js';
import { ACCOUNT_DETAIL_BOUNDS, MAIN_KEYS_BOUNDS, parseAccountDetail, parseMainKeys } from './key-schema.js';
import { SERVER_TIME_BOUNDS, TOTAL_BALANCE_BOUNDS, parseServerTime, parseTotalBalance } from './schema.js';
import { signedHeaders } from './signing.js';
import type { BalanceResult, BalanceSource, Credentials, CredentialsProvider, FetchMeta, Transport, TransportResponse } from './types.js';

/** Gate's production endpoint. */
export const DEFAULT_BASE_URL = 'https://api.gateio.ws/api/v4';
/** How long one request may take before it counts as TIMEOUT. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** What a GateClient is built from. Only transport and credentials are required. */
export interface GateClientOptions {
  readonly transport: Transport;
  readonly credentials: CredentialsProvider;
  readonly clock?: Pick<Clock, 'now'>;
  /** Default `https://api.gateio.ws/api/v4`; a testnet, a reverse proxy or the simulator otherwise. */
  readonly baseUrl?: string;
  /** Per request, default 10 000 ms. */
  readonly timeoutMs?: number;
}

/** Options of one call. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

type Reply = { ok: true; response: TransportResponse } | { ok: false; error: AppError; label?: string };

/** The answer of `get`: a 200 response, or the mapped error with Gate's label when it sent one (`USER_NOT_FOUND` is data to some callers). */
export type GetReply =
  | { readonly ok: true; readonly response: TransportResponse; readonly fetchedAt: number }
  | { readonly ok: false; readonly error: AppError; readonly label: string | null };

/** Options of `get`: a private endpoint is signed (and corrected for clock skew), a public one is not. */
export interface GetOptions extends CallOptions {
  readonly signed: boolean;
  /** The endpoint's bounds (declared beside its schema): the transport stops reading past maxBodyBytes. */
  readonly bounds: EndpointBounds;
}

/** Signs, sends, validates and explains one balance request; corrects for clock skew on its own. */
export class GateClient implements BalanceSource {
  readonly #transport: Transport;
  readonly #credentials: CredentialsProvider;
  readonly #clock: Pick<Clock, 'now'>;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  /** Gate's clock minus ours, as last measured via GET /spot/time. */
  #clockOffsetMs = 0;

  constructor(options: GateClientOptions) {
    this.#transport = options.transport;
    this.#credentials = options.credentials;
    this.#clock = options.clock ?? { now: () => Date.now() };
    this.#baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Gate's clock minus the local clock in ms, as last measured (0 until a resync happened). */
  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }

  /** The base URL requests go to (without a trailing slash). */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /**
   * Gate's total balance converted to `currency`. On REQUEST_EXPIRED it reads Gate's clock,
   * keeps the offset and retries once; a second rejection is CLOCK_SKEW.
   */
  async getTotalBalance(currency: Currency, options: CallOptions = {}): Promise<BalanceResult> {
    try {
      return await this.#getTotalBalance(currency, options);
    } catch {
      // A transport or provider broke its "never throw" promise; say so without echoing anything.
      return { ok: false, error: appError('INTERNAL', { reason: 'fetch' }) };
    }
  }

  /**
   * Measures Gate's clock against ours via the public `GET /spot/time` and keeps the offset
   * (half the round trip is credited to the way there). Answers the offset in ms.
   */
  async syncClock(options: CallOptions = {}): Promise<Result<number>> {
    const before = this.#clock.now();
    const reply = await this.#send('/spot/time', '', {}, SERVER_TIME_BOUNDS, options.signal);
    const after = this.#clock.now();
    if (!reply.ok) return reply;
    if (reply.response.status !== 200) return { ok: false, error: mapErrorResponse(reply.response, after, this.#clockOffsetMs) };
    const serverTime = parseServerTime(reply.response.body);
    if (serverTime === null) return { ok: false, error: appError('BAD_RESPONSE', { reason: 'server-time' }) };
    this.#clockOffsetMs = Math.round(serverTime - (before + after) / 2);
    return { ok: true, value: this.#clockOffsetMs };
  }

  /**
   * One GET to any Gate endpoint, `path` relative to the base URL and `query` exactly as it will
   * be sent (and signed). Signed calls get the same clock resync as `getTotalBalance`.
   */
  async get(path: string, query: string, options: GetOptions): Promise<GetReply> {
    try {
      let reply: Reply;
      if (options.signed) {
        const creds = await this.#credentials();
        if (!creds.ok) return { ok: false, error: creds.error, label: null };
        if (creds.value === null || creds.value.key.trim() === '' || creds.value.secret === '') {
          return { ok: false, error: appError('MISSING_CREDENTIALS'), label: null };
        }
        reply = await this.#signedGetSynced(path, query, options.bounds, creds.value, options.signal);
      } else {
        reply = await this.#send(path, query, {}, options.bounds, options.signal);
        if (reply.ok && reply.response.status !== 200) {
          reply = {
            ok: false,
            error: mapErrorResponse(reply.response, this.#clock.now(), this.#clockOffsetMs),
            label: readGateError(reply.response.body)?.label ?? '',
          };
        }
      }
      if (!reply.ok) return { ok: false, error: reply.error, label: reply.label || null };
      return { ok: true, response: reply.response, fetchedAt: this.#clock.now() };
    } catch {
      return { ok: false, error: appError('INTERNAL', { reason: 'read' }), label: null };
    }
  }

  /** What Gate says of the key in use (`GET /account/main_keys`; needs the key's Account read permission, else FORBIDDEN). */
  async getKeyInfo(options: CallOptions = {}): Promise<Result<KeyInfo>> {
    return this.#readAccount('/account/main_keys', MAIN_KEYS_BOUNDS, options, (body, key) => parseMainKeys(body, key));
  }

  /** The account's detail (`GET /account/detail`), read for its IP whitelist; needs Account read permission too. */
  async getAccountDetail(options: CallOptions = {}): Promise<Result<AccountDetailInfo>> {
    return this.#readAccount('/account/detail', ACCOUNT_DETAIL_BOUNDS, options, (body) => parseAccountDetail(body));
  }

  async #readAccount<T>(
    path: string,
    bounds: EndpointBounds,
    options: CallOptions,
    parse: (body: string, key: string) => Result<T>,
  ): Promise<Result<T>> {
    try {
      const creds = await this.#credentials();
      if (!creds.ok) return creds;
      if (creds.value === null || creds.value.key.trim() === '' || creds.value.secret === '')
        return { ok: false, error: appError('MISSING_CREDENTIALS') };
      const reply = await this.#signedGetSynced(path, '', bounds, creds.value, options.signal);
      if (!reply.ok) return { ok: false, error: reply.error };
      return parse(reply.response.body, creds.value.key);
    } catch {
      return { ok: false, error: appError('INTERNAL', { reason: 'read' }) };
    }
  }

  /** A signed GET; on REQUEST_EXPIRED reads Gate's clock, keeps the offset and retries once (a second rejection is CLOCK_SKEW). */
  async #signedGetSynced(
    path: string,
    query: string,
    bounds: EndpointBounds,
    creds: Credentials,
    signal: AbortSignal | undefined,
  ): Promise<Reply> {
    let reply = await this.#signedGet(path, query, bounds, creds, signal);
    if (!reply.ok && reply.error.code === 'CLOCK_SKEW') {
      const synced = await this.syncClock(signal ? { signal } : {});
      if (!synced.ok) {
        return {
          ok: false,
          error: appError('CLOCK_SKEW', { reason: 'resync-failed', code: synced.error.code }, reply.error.detail),
        };
      }
      reply = await this.#signedGet(path, query, bounds, creds, signal);
      if (!reply.ok && reply.error.code === 'CLOCK_SKEW') {
        const off = Math.round(this.#clockOffsetMs / 1000);
        return {
          ok: false,
          error: appError('CLOCK_SKEW', { reason: 'still-rejected', offset: off }),
        };
      }
    }
    return reply;
  }

  async #getTotalBalance(currency: Currency, options: CallOptions): Promise<BalanceResult> {
    if (!isCurrency(currency)) {
      return {
        ok: false,
        error: appError('INVALID_CURRENCY', {
          reason: 'not-offered',
          currency: String(currency).slice(0, 12),
          currencies: CURRENCIES.join(', '),
        }),
      };
    }
    const creds = await this.#credentials();
    if (!creds.ok) return creds; // e.g. KEYCHAIN_LOCKED: passes through unchanged
    if (creds.value === null || creds.value.key.trim() === '' || creds.value.secret === '') {
      return { ok: false, error: appError('MISSING_CREDENTIALS') };
    }
    const reply = await this.#signedGetSynced(
      '/wallet/total_balance',
      `currency=${currency}`,
      TOTAL_BALANCE_BOUNDS,
      creds.value,
      options.signal,
    );
    if (!reply.ok) return { ok: false, error: reply.error };
    const fetchedAt = this.#clock.now();
    const parsed = parseTotalBalance(reply.response.body, currency);
    if (!parsed.ok) return parsed;
    return { ok: true, balance: { ...parsed.value, fetchedAt }, meta: this.#meta(reply.response) };
  }

  /** One signed GET of `path`; `bounds` is the endpoint's, from its schema. */
  async #signedGet(
    path: string,
    query: string,
    bounds: EndpointBounds,
    creds: Credentials,
    signal: AbortSignal | undefined,
  ): Promise<Reply> {
    const url = new URL(`${this.#baseUrl}${path}`);
    const timestamp = String(Math.floor((this.#clock.now() + this.#clockOffsetMs) / 1000));
    const headers = signedHeaders(creds.key.trim(), creds.secret, { method: 'GET', path: url.pathname, query, body: '', timestamp });
    const reply = await this.#send(path, query, headers, bounds, signal);
    if (!reply.ok) return reply;
    if (reply.response.status === 200) return reply;
    return {
      ok: false,
      error: mapErrorResponse(reply.response, this.#clock.now(), this.#clockOffsetMs),
      label: readGateError(reply.response.body)?.label ?? '',
    };
  }

  async #send(
    path: string,
    query: string,
    headers: Record<string, string>,
    bounds: EndpointBounds,
    signal: AbortSignal | undefined,
  ): Promise<Reply> {
    if (signal?.aborted) return { ok: false, error: mapTransportFailure({ kind: 'aborted', message: 'aborted' }, this.#timeoutMs) };
    const url = `${this.#baseUrl}${path}${query ? `?${query}` : ''}`;
    const result = await this.#transport({
      method: 'GET',
      url,
      headers: { Accept: 'application/json', ...headers },
      timeoutMs: this.#timeoutMs,
      maxBodyBytes: bounds.maxBodyBytes,
      ...(signal ? { signal } : {}),
    });
    if (!result.ok) return { ok: false, error: mapTransportFailure(result.failure, this.#timeoutMs) };
    return { ok: true, response: result.response };
  }

  #meta(response: TransportResponse): FetchMeta {
    const remain = response.headers['x-gate-ratelimit-requests-remain'];
    const remaining = remain !== undefined && /^\d+$/.test(remain.trim()) ? Number(remain) : null;
    const reset = parseEpochHeader(response.headers['x-gate-ratelimit-reset-timestamp']);
    // Gate's reset time is on Gate's clock; report it on ours.
    const resetAt = reset === null ? null : reset - this.#clockOffsetMs;
    return { rateLimitRemaining: remaining, rateLimitResetAt: resetAt, clockOffsetMs: this.#clockOffsetMs };
  }
}
