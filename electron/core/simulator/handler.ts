/**
 * A Gate APIv4 simulator as a pure request handler: it answers `GET /api/v4/spot/time`,
 * `/wallet/total_balance`, the per-coin `/spot/accounts`, `/futures/{usdt,btc}/accounts`,
 * `/earn/uni/lends`, `/unified/accounts`, `/account/detail`, `/account/main_keys` and the public `/spot/tickers` the
 * way Gate does — KEY/SIGN/Timestamp checks with the 60 s window, Gate's error labels and
 * statuses, Gate's per-endpoint rate limits with its rate-limit headers, exact currency
 * conversion, all from one per-coin portfolio — and can misbehave on demand, per endpoint
 * (429, 5xx, HTML, malformed JSON, hangs, dropped connections, a skewed server clock, odd
 * portfolios, keys without a permission). The HTTP server, the in-process transport and demo
 * mode all wrap this one handler.
 */
import { isCurrency } from '../../../shared/balance.js';
import { KEY_LIFETIME_DAYS } from '../../../shared/key-health.js';
import type { Clock } from '../clock.js';
import { verifySignature } from '../gate/signing.js';
import type { SimPortfolio, SimSubAccount } from './portfolio.js';
import { GATE_EXAMPLE_PORTFOLIO } from './portfolio.js';
import type { SimEndpoint, SimKey, SimPermission } from './endpoints.js';
import { ENDPOINT_PATHS, endpointAnswer, faultBody, SIM_ENDPOINTS } from './endpoints.js';

export type { SimEndpoint, SimKey } from './endpoints.js';

/** One request as the handler sees it. `target` is path plus raw query (`/api/v4/...?...`). */
export interface SimRequest {
  readonly method: string;
  readonly target: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
  /** The caller's IP, for IP whitelists; the in-process transport says 127.0.0.1. */
  readonly remoteAddress?: string;
}

/** The handler's answer. `drop` asks the server to cut the connection without any answer. */
type SimResponse =
  | { readonly kind: 'reply'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | { readonly kind: 'drop' };

/** The main account's user id in every simulated answer. */
const SIM_MAIN_USER_ID = 10001;

/** Misbehaviour on demand, per endpoint (total_balance unless told); `spot/time` is never faulted, so a client can read the clock. */
export type SimFault =
  | { readonly kind: 'rate-limit' }
  | { readonly kind: 'server-error'; readonly status?: number; readonly label?: 'SERVER_ERROR' | 'INTERNAL' | 'TOO_BUSY' }
  | { readonly kind: 'html'; readonly status?: number }
  | { readonly kind: 'malformed-json' }
  | { readonly kind: 'wrong-shape' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'drop' };

/** How the simulator starts; everything can be changed later at runtime. */
export interface GateSimulatorOptions {
  readonly keys?: readonly SimKey[];
  readonly portfolio?: SimPortfolio;
  /** Server clock minus the caller's clock, in ms (simulates a machine whose clock is off). */
  readonly serverClockOffsetMs?: number;
  readonly clock?: Pick<Clock, 'now'>;
  /** total_balance's requests per window per key; Gate's is 80 per 10 s. */
  readonly rateLimit?: RateLimit;
  /** Other endpoints' limits (default: Gate's, SIM_ENDPOINTS). */
  readonly rateLimits?: Readonly<Partial<Record<SimEndpoint, RateLimit>>>;
  /** The main account's sub-accounts (default none). */
  readonly subAccounts?: readonly SimSubAccount[];
}

/** Requests allowed per window. */
interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** What was asked, for tests that check how many requests a client made. */
interface SimLogEntry {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly key: string | null;
  readonly status: number | 'drop' | 'hang';
}

/** The simulator: a handler plus runtime controls. */
export interface GateSimulator {
  handle(request: SimRequest, signal?: AbortSignal): Promise<SimResponse>;
  /**
   * Sets a fault for the next `times` requests to `endpoint` (default total_balance; times
   * default: until cleared). `setFault(null)` clears every endpoint's fault, `setFault(null, _, e)` just e's.
   */
  setFault(fault: SimFault | null, times?: number, endpoint?: SimEndpoint): void;
  setPortfolio(portfolio: SimPortfolio): void;
  setServerClockOffset(ms: number): void;
  setKeys(keys: readonly SimKey[]): void;
  /** Replaces the main account's sub-accounts. */
  setSubAccounts(subAccounts: readonly SimSubAccount[]): void;
  /** Requests handled so far, oldest first: the newest SIM_LOG_LIMIT at least (the demo runs for days). */
  readonly log: readonly SimLogEntry[];
  /** Ends every hanging request (they get a dropped connection). */
  releaseHanging(): void;
}

/** How many log entries are always kept; older ones are dropped in batches so a long-running demo stays small. */
export const SIM_LOG_LIMIT = 10_000;
const SIM_LOG_TRIM_BATCH = 1_000;

/** Gate's window for `Timestamp`. */
const TIMESTAMP_WINDOW_MS = 60_000;

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

function gateError(status: number, label: string, message: string, extra: Record<string, string> = {}): SimResponse {
  return { kind: 'reply', status, headers: { ...JSON_HEADERS, ...extra }, body: JSON.stringify({ label, message }) };
}

const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>
`;

/**
 * Gate documents that a key without an IP whitelist is valid for 90 days (KEY_LIFETIME_DAYS) but
 * not how an expired key is refused: we assume the way it refuses a key it does not know (401
 * INVALID_KEY), which is what a deleted key gets too.
 */
function expiredKey(key: SimKey, now: number): boolean {
  if (key.createdAt === undefined || (key.allowedIps !== undefined && key.allowedIps.length > 0)) return false;
  return now >= Math.max(key.createdAt, key.updatedAt ?? key.createdAt) + KEY_LIFETIME_DAYS * 86_400_000;
}

/** `query` with its %XX escapes decoded (as `unescape` does for the SDK); unchanged when one is malformed. */
function percentDecoded(query: string): string {
  try {
    return decodeURIComponent(query);
  } catch {
    return query;
  }
}

/** Builds a simulator. Without options it knows no keys and holds Gate's documented example portfolio. */
export function createGateSimulator(options: GateSimulatorOptions = {}): GateSimulator {
  const clock = options.clock ?? { now: () => Date.now() };
  const limits = (endpoint: SimEndpoint): RateLimit =>
    (endpoint === 'total_balance' ? options.rateLimit : undefined) ?? options.rateLimits?.[endpoint] ?? SIM_ENDPOINTS[endpoint].rateLimit;
  let keys = new Map((options.keys ?? []).map((k) => [k.key, k]));
  let portfolio = options.portfolio ?? GATE_EXAMPLE_PORTFOLIO;
  let subAccounts = options.subAccounts ?? [];
  let offsetMs = options.serverClockOffsetMs ?? 0;
  const faults = new Map<SimEndpoint, { fault: SimFault; times: number }>();
  const windows = new Map<string, { start: number; count: number }>();
  const log: SimLogEntry[] = [];
  const hanging = new Set<() => void>();

  const serverNow = (): number => clock.now() + offsetMs;
  const startedAt = clock.now();

  // Gate counts per endpoint, per key (private) or per IP (public).
  function rateHeaders(endpoint: SimEndpoint, who: string): { headers: Record<string, string>; exceeded: boolean } {
    const rate = limits(endpoint);
    const now = serverNow();
    const id = `${endpoint} ${who}`;
    let w = windows.get(id);
    if (!w || now - w.start >= rate.windowMs) {
      w = { start: now, count: 0 };
      windows.set(id, w);
    }
    w.count += 1;
    const exceeded = w.count > rate.limit;
    return {
      exceeded,
      headers: {
        'x-gate-ratelimit-limit': String(rate.limit),
        'x-gate-ratelimit-requests-remain': String(Math.max(0, rate.limit - w.count)),
        // Gate: the next window's start when exceeded, otherwise the current server time (ms).
        'x-gate-ratelimit-reset-timestamp': String(exceeded ? w.start + rate.windowMs : now),
      },
    };
  }

  function takeFault(endpoint: SimEndpoint): SimFault | null {
    const entry = faults.get(endpoint);
    if (!entry) return null;
    entry.times -= 1;
    if (entry.times <= 0) faults.delete(endpoint);
    return entry.fault;
  }

  function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(false);
      const t = setTimeout(() => {
        hanging.delete(stop);
        resolve(true);
      }, ms);
      t.unref?.();
      const stop = (): void => {
        clearTimeout(t);
        hanging.delete(stop);
        resolve(false);
      };
      hanging.add(stop);
      signal?.addEventListener('abort', stop, { once: true });
    });
  }

  type Handled = { res: SimResponse; key: string | null; hung?: boolean };

  /** The account a key reads: its user id, portfolio and sub-accounts (null for a sub-account's own key). */
  function accountOf(key: SimKey | null): { userId: number; portfolio: SimPortfolio; subAccounts: readonly SimSubAccount[] | null } {
    if (key?.userId === undefined || key.userId === SIM_MAIN_USER_ID) return { userId: SIM_MAIN_USER_ID, portfolio, subAccounts };
    const owners = [subAccounts, ...[...keys.values()].map((k) => k.subAccounts ?? [])];
    const sub = owners.flat().find((s) => s.userId === key.userId);
    if (sub) return { userId: sub.userId, portfolio: sub.portfolio, subAccounts: null };
    return { userId: key.userId, portfolio: key.portfolio ?? portfolio, subAccounts: key.subAccounts ?? [] };
  }

  async function faulted(endpoint: SimEndpoint, signal?: AbortSignal): Promise<Handled | null> {
    const f = takeFault(endpoint);
    if (!f) return null;
    switch (f.kind) {
      case 'hang':
        await wait(2 ** 31 - 1, signal);
        return { res: { kind: 'drop' }, key: null, hung: true };
      case 'slow':
        if (!(await wait(f.delayMs, signal))) return { res: { kind: 'drop' }, key: null, hung: true };
        return null;
      case 'drop':
        return { res: { kind: 'drop' }, key: null };
      case 'html':
        return { res: { kind: 'reply', status: f.status ?? 502, headers: { 'content-type': 'text/html' }, body: HTML_PAGE }, key: null };
      case 'malformed-json':
      case 'wrong-shape':
        return { res: { kind: 'reply', status: 200, headers: { ...JSON_HEADERS }, body: faultBody(endpoint, f.kind) }, key: null };
      case 'server-error':
        return { res: gateError(f.status ?? 500, f.label ?? 'SERVER_ERROR', 'Internal server error'), key: null };
      case 'rate-limit': {
        const rate = limits(endpoint);
        const reset = serverNow() + rate.windowMs;
        return {
          res: gateError(429, 'TOO_MANY_REQUESTS', 'Request Rate limit Exceeded', {
            'x-gate-ratelimit-limit': String(rate.limit),
            'x-gate-ratelimit-requests-remain': '0',
            'x-gate-ratelimit-reset-timestamp': String(reset),
          }),
          key: null,
        };
      }
    }
  }

  /** Gate's checks of a private request in Gate's order; answers the key's name or the refusal. */
  function authenticate(
    request: SimRequest,
    path: string,
    query: string,
    permission: SimPermission,
  ): { ok: true; key: string } | { ok: false; res: Handled } {
    const keyName = request.headers['key'];
    const sign = request.headers['sign'];
    const ts = request.headers['timestamp'];
    const refuse = (res: SimResponse, key: string | null): { ok: false; res: Handled } => ({ ok: false, res: { res, key } });
    if (!keyName || !sign || !ts)
      return refuse(gateError(401, 'MISSING_REQUIRED_HEADER', 'Missing required header: KEY, SIGN or Timestamp'), null);
    const key = keys.get(keyName);
    if (!key || expiredKey(key, serverNow())) return refuse(gateError(401, 'INVALID_KEY', 'Invalid key provided'), keyName);
    const tsSeconds = Number(ts);
    if (!/^\d+(\.\d+)?$/.test(ts) || Math.abs(serverNow() - tsSeconds * 1000) > TIMESTAMP_WINDOW_MS) {
      return refuse(gateError(401, 'REQUEST_EXPIRED', 'gap between request Timestamp and server time exceeds 60'), keyName);
    }
    // Gate's own SDK (gate-api, models.js) sends the query percent-encoded (`sub_uid=1%2C2`) but signs
    // it unescaped (`sub_uid=1,2`), and Gate accepts that: a signature over either form is valid.
    const signedOver = (q: string): boolean =>
      verifySignature(key.secret, { method: request.method, path, query: q, body: request.body ?? '', timestamp: ts }, sign);
    if (!signedOver(query) && !(query.includes('%') && signedOver(percentDecoded(query)))) {
      return refuse(gateError(401, 'INVALID_SIGNATURE', 'Signature mismatch'), keyName);
    }
    if (key.allowedIps && !key.allowedIps.includes(request.remoteAddress ?? '')) {
      return refuse(gateError(403, 'IP_FORBIDDEN', `Request IP not in whitelist: ${request.remoteAddress ?? 'unknown'}`), keyName);
    }
    const allowed =
      permission === 'wallet' ? key.walletRead !== false && key.permissions?.wallet !== false : key.permissions?.[permission] !== false;
    if (!allowed) return refuse(gateError(403, 'FORBIDDEN', `Forbidden: API key lacks ${permission} permission`), keyName);
    return { ok: true, key: keyName };
  }

  async function handleEndpoint(
    endpoint: SimEndpoint,
    request: SimRequest,
    path: string,
    query: string,
    signal?: AbortSignal,
  ): Promise<Handled> {
    const fault = endpoint === 'spot_time' ? null : await faulted(endpoint, signal);
    if (fault) return fault;
    const spec = SIM_ENDPOINTS[endpoint];
    let who = `ip ${request.remoteAddress ?? ''}`;
    let key: string | null = null;
    if (spec.permission !== null) {
      const auth = authenticate(request, path, query, spec.permission);
      if (!auth.ok) return auth.res;
      key = auth.key;
      who = `key ${auth.key}`;
    }
    const simKey = key === null ? null : (keys.get(key) ?? null);
    const account = accountOf(simKey);
    if (endpoint.startsWith('sub_account') && account.subAccounts === null)
      return { res: gateError(403, 'FORBIDDEN', 'Forbidden: sub-account keys cannot query sub-accounts'), key };
    const limit = rateHeaders(endpoint, who);
    if (limit.exceeded) return { res: gateError(429, 'TOO_MANY_REQUESTS', 'Request Rate limit Exceeded', limit.headers), key };
    const answer = endpointAnswer(endpoint, new URLSearchParams(query), {
      portfolio: simKey === null ? portfolio : account.portfolio,
      account,
      serverNow: serverNow(),
      currencyValid: isCurrency,
      key: simKey,
      startedAt,
    });
    if (!answer.ok) return { res: gateError(answer.status, answer.label, answer.message, limit.headers), key };
    return { res: { kind: 'reply', status: 200, headers: { ...JSON_HEADERS, ...limit.headers }, body: JSON.stringify(answer.body) }, key };
  }

  const simulator: GateSimulator = {
    log,
    async handle(request, signal) {
      const q = request.target.indexOf('?');
      const path = q < 0 ? request.target : request.target.slice(0, q);
      const query = q < 0 ? '' : request.target.slice(q + 1);
      const method = request.method.toUpperCase();
      const record = (res: SimResponse, key: string | null, hung = false): SimResponse => {
        log.push({ method, path, query, key, status: hung ? 'hang' : res.kind === 'drop' ? 'drop' : res.status });
        if (log.length > SIM_LOG_LIMIT + SIM_LOG_TRIM_BATCH) log.splice(0, SIM_LOG_TRIM_BATCH);
        return res;
      };
      const endpoint = ENDPOINT_PATHS.get(path);
      if (endpoint === undefined) return record(gateError(404, 'NOT_FOUND', 'Not found'), null);
      if (method !== 'GET') return record(gateError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'), null);
      const { res, key, hung } = await handleEndpoint(endpoint, { ...request, method }, path, query, signal);
      return record(res, key, hung);
    },
    setFault(next, times, endpoint) {
      if (next !== null) faults.set(endpoint ?? 'total_balance', { fault: next, times: times ?? Infinity });
      else if (endpoint === undefined) faults.clear();
      else faults.delete(endpoint);
    },
    setPortfolio(next) {
      portfolio = next;
    },
    setServerClockOffset(ms) {
      offsetMs = ms;
    },
    setSubAccounts(next) {
      subAccounts = next;
    },
    setKeys(next) {
      keys = new Map(next.map((k) => [k.key, k]));
      windows.clear();
    },
    releaseHanging() {
      for (const stop of [...hanging]) stop();
    },
  };
  return simulator;
}
