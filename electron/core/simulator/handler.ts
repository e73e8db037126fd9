/**
 * A Gate APIv4 simulator as a pure request handler: it answers `GET /api/v4/spot/time` and
 * `GET /api/v4/wallet/total_balance` the way Gate does — KEY/SIGN/Timestamp checks with the
 * 60 s window, Gate's error labels and statuses, 80 requests per 10 s per key with Gate's
 * rate-limit headers, exact currency conversion — and can misbehave on demand (429, 5xx,
 * HTML, malformed JSON, hangs, dropped connections, a skewed server clock, odd portfolios,
 * keys without permission). The HTTP server, the in-process transport and demo mode all
 * wrap this one handler.
 */
import { isCurrency } from '../../../shared/balance.js';
import type { Clock } from '../clock.js';
import { verifySignature } from '../gate/signing.js';
import type { SimPortfolio } from './portfolio.js';
import { GATE_EXAMPLE_PORTFOLIO, totalBalanceBody } from './portfolio.js';

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

/** A key the simulator accepts, with what it may do. */
export interface SimKey {
  readonly key: string;
  readonly secret: string;
  /** Wallet read permission; false answers 403 FORBIDDEN. Default true. */
  readonly walletRead?: boolean;
  /** When set, only these caller IPs are allowed; others get 403 IP_FORBIDDEN. */
  readonly allowedIps?: readonly string[];
}

/** Misbehaviour on demand. Faults apply to total_balance only, so `spot/time` stays usable. */
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
  /** Requests per window per key; Gate's is 80 per 10 s for this endpoint. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
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
  /** Sets a fault for the next `times` total_balance requests (default: until cleared). */
  setFault(fault: SimFault | null, times?: number): void;
  setPortfolio(portfolio: SimPortfolio): void;
  setServerClockOffset(ms: number): void;
  setKeys(keys: readonly SimKey[]): void;
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
/** Gate's limit for total_balance: 80 requests per 10 s per key. */
const DEFAULT_RATE_LIMIT = { limit: 80, windowMs: 10_000 } as const;

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

function gateError(status: number, label: string, message: string, extra: Record<string, string> = {}): SimResponse {
  return { kind: 'reply', status, headers: { ...JSON_HEADERS, ...extra }, body: JSON.stringify({ label, message }) };
}

const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>
`;

/** Builds a simulator. Without options it knows no keys and holds Gate's documented example portfolio. */
export function createGateSimulator(options: GateSimulatorOptions = {}): GateSimulator {
  const clock = options.clock ?? { now: () => Date.now() };
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  let keys = new Map((options.keys ?? []).map((k) => [k.key, k]));
  let portfolio = options.portfolio ?? GATE_EXAMPLE_PORTFOLIO;
  let offsetMs = options.serverClockOffsetMs ?? 0;
  let fault: SimFault | null = null;
  let faultTimes = Infinity;
  const windows = new Map<string, { start: number; count: number }>();
  const log: SimLogEntry[] = [];
  const hanging = new Set<() => void>();

  const serverNow = (): number => clock.now() + offsetMs;

  function rateHeaders(key: string): { headers: Record<string, string>; exceeded: boolean } {
    const now = serverNow();
    let w = windows.get(key);
    if (!w || now - w.start >= rate.windowMs) {
      w = { start: now, count: 0 };
      windows.set(key, w);
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

  function takeFault(): SimFault | null {
    if (!fault) return null;
    const f = fault;
    faultTimes -= 1;
    if (faultTimes <= 0) fault = null;
    return f;
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

  async function handleBalance(request: SimRequest, path: string, query: string, signal?: AbortSignal): Promise<{ res: SimResponse; key: string | null; hung?: boolean }> {
    const f = takeFault();
    if (f) {
      switch (f.kind) {
        case 'hang':
          await wait(2 ** 31 - 1, signal);
          return { res: { kind: 'drop' }, key: null, hung: true };
        case 'slow':
          if (!(await wait(f.delayMs, signal))) return { res: { kind: 'drop' }, key: null, hung: true };
          break;
        case 'drop':
          return { res: { kind: 'drop' }, key: null };
        case 'html':
          return { res: { kind: 'reply', status: f.status ?? 502, headers: { 'content-type': 'text/html' }, body: HTML_PAGE }, key: null };
        case 'malformed-json':
          return { res: { kind: 'reply', status: 200, headers: { ...JSON_HEADERS }, body: '{"details": {"spot": {"amount": "12.5", "currency": "USDT"}, "total": ' }, key: null };
        case 'wrong-shape':
          return { res: { kind: 'reply', status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify({ total: { amount: 12.5, currency: 'USDT' } }) }, key: null };
        case 'server-error':
          return { res: gateError(f.status ?? 500, f.label ?? 'SERVER_ERROR', 'Internal server error'), key: null };
        case 'rate-limit': {
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
    const keyName = request.headers['key'];
    const sign = request.headers['sign'];
    const ts = request.headers['timestamp'];
    if (!keyName || !sign || !ts) return { res: gateError(401, 'MISSING_REQUIRED_HEADER', 'Missing required header: KEY, SIGN or Timestamp'), key: null };
    const key = keys.get(keyName);
    if (!key) return { res: gateError(401, 'INVALID_KEY', 'Invalid key provided'), key: keyName };
    const tsSeconds = Number(ts);
    if (!/^\d+(\.\d+)?$/.test(ts) || Math.abs(serverNow() - tsSeconds * 1000) > TIMESTAMP_WINDOW_MS) {
      return { res: gateError(401, 'REQUEST_EXPIRED', 'gap between request Timestamp and server time exceeds 60'), key: keyName };
    }
    if (!verifySignature(key.secret, { method: request.method, path, query, body: request.body ?? '', timestamp: ts }, sign)) {
      return { res: gateError(401, 'INVALID_SIGNATURE', 'Signature mismatch'), key: keyName };
    }
    if (key.allowedIps && !key.allowedIps.includes(request.remoteAddress ?? '')) {
      return { res: gateError(403, 'IP_FORBIDDEN', `Request IP not in whitelist: ${request.remoteAddress ?? 'unknown'}`), key: keyName };
    }
    if (key.walletRead === false) return { res: gateError(403, 'FORBIDDEN', 'Forbidden: API key lacks wallet permission'), key: keyName };
    const limit = rateHeaders(keyName);
    if (limit.exceeded) return { res: gateError(429, 'TOO_MANY_REQUESTS', 'Request Rate limit Exceeded', limit.headers), key: keyName };
    const params = new URLSearchParams(query);
    const currency = params.get('currency') ?? 'USDT';
    if (!isCurrency(currency)) {
      return { res: gateError(400, 'INVALID_PARAM_VALUE', `Invalid currency ${currency.slice(0, 16)}`, limit.headers), key: keyName };
    }
    return {
      res: { kind: 'reply', status: 200, headers: { ...JSON_HEADERS, ...limit.headers }, body: JSON.stringify(totalBalanceBody(portfolio, currency)) },
      key: keyName,
    };
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
      if (path === '/api/v4/spot/time') {
        if (method !== 'GET') return record(gateError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'), null);
        return record({ kind: 'reply', status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify({ server_time: serverNow() }) }, null);
      }
      if (path === '/api/v4/wallet/total_balance') {
        if (method !== 'GET') return record(gateError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'), null);
        const { res, key, hung } = await handleBalance({ ...request, method }, path, query, signal);
        return record(res, key, hung);
      }
      return record(gateError(404, 'NOT_FOUND', 'Not found'), null);
    },
    setFault(next, times) {
      fault = next;
      faultTimes = times ?? Infinity;
    },
    setPortfolio(next) {
      portfolio = next;
    },
    setServerClockOffset(ms) {
      offsetMs = ms;
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
