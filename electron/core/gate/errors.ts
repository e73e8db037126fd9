/**
 * Gate's failures named: every `{label, message}` Gate documents for this endpoint, every HTTP
 * status without a usable body (proxy HTML pages included), and every transport failure
 * becomes one of our AppError codes with the values its words are rendered from. Nothing here
 * ever sees the secret; Gate's own message is only kept (as the error's detail) after being
 * shortened and stripped of anything that looks like a signature.
 */
import { appError, causeParams, type AppError } from '../../../shared/errors.js';
import { cleanText } from '../../../shared/text.js';
import { formatBytes } from './limits.js';
import { bodyParams } from './schema.js';
import type { TransportFailure, TransportResponse } from './types.js';

/** Gate's JSON error body (some endpoints say `detail` instead of `message`). */
interface GateErrorBody {
  readonly label: string;
  readonly message: string;
}

// Gate's labels are upper-case words joined by underscores (INVALID_KEY, TOO_MANY_REQUESTS);
// anything else in `label` is not Gate's and is never echoed.
const GATE_LABEL = /^[A-Z_]{1,64}$/;

/**
 * Reads Gate's `{label, message}` (or `detail`) if the body is that, the label upper-cased;
 * null for anything else, a label outside Gate's `[A-Z_]` shape included.
 */
export function readGateError(body: string): GateErrorBody | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  const raw = record['label'];
  if (typeof raw !== 'string') return null;
  const label = raw.toUpperCase();
  if (!GATE_LABEL.test(label)) return null;
  const message = typeof record['message'] === 'string' ? record['message'] : typeof record['detail'] === 'string' ? record['detail'] : '';
  return { label, message };
}

/** Gate's own words, made safe to show: one line, no control or bidi characters, bounded, no long hex runs (signatures, hashes). */
export function safeServerText(text: string): string {
  return cleanText(cleanText(text).replace(/[0-9a-fA-F]{32,}/g, '…'), 160);
}

/** Gate's label and message as the error's detail: `TOO_BUSY: Server is too busy`. */
function gateDetail(gate: GateErrorBody | null): string | null {
  if (!gate) return null;
  const text = safeServerText(gate.message);
  return text ? `${safeServerText(gate.label)}: ${text}` : safeServerText(gate.label);
}

/** Epoch ms from a header that may hold seconds or milliseconds; null when absent or garbled. */
export function parseEpochHeader(value: string | undefined): number | null {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return null;
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n <= 0) return null;
  return n >= 1e12 ? Math.round(n) : Math.round(n * 1000);
}

/**
 * How long to wait after a 429: Gate's `X-Gate-RateLimit-Reset-Timestamp` (server time, so the
 * measured clock offset is applied), else `Retry-After` (seconds or an HTTP date), else 10 s
 * (Gate's window for this endpoint).
 */
export function retryAfterFrom(headers: Readonly<Record<string, string>>, localNowMs: number, clockOffsetMs: number): number {
  const serverNow = localNowMs + clockOffsetMs;
  const reset = parseEpochHeader(headers['x-gate-ratelimit-reset-timestamp']);
  if (reset !== null && reset > serverNow) return Math.min(reset - serverNow, 3_600_000);
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.min(Math.ceil(Number(retryAfter) * 1000), 3_600_000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date) && date > localNowMs) return Math.min(date - localNowMs, 3_600_000);
  }
  return 10_000;
}

/**
 * Maps a non-2xx answer to an AppError. Gate's label decides when there is one; otherwise
 * the status does. REQUEST_EXPIRED comes back as CLOCK_SKEW; the client resyncs and retries
 * before it lets that reach anyone.
 */
export function mapErrorResponse(response: TransportResponse, localNowMs: number, clockOffsetMs: number): AppError {
  const gate = readGateError(response.body);
  const detail = gateDetail(gate);
  const label = gate?.label ?? '';
  const status = response.status;
  // A 503 may say when to come back; keep it so the scheduler waits that long.
  const serverRetry = (): number | undefined =>
    response.headers['retry-after'] !== undefined
      ? retryAfterFrom({ 'retry-after': response.headers['retry-after'] }, localNowMs, clockOffsetMs)
      : undefined;
  switch (label) {
    case 'INVALID_KEY':
    case 'INVALID_CREDENTIALS':
    case 'MISSING_REQUIRED_HEADER':
      return appError('INVALID_KEY', {}, detail);
    case 'INVALID_SIGNATURE':
      return appError('INVALID_SIGNATURE', {}, detail);
    case 'REQUEST_EXPIRED':
      return appError('CLOCK_SKEW', {}, detail);
    case 'FORBIDDEN':
    case 'READ_ONLY':
    case 'ACCOUNT_LOCKED':
      return appError('FORBIDDEN', {}, detail);
    case 'IP_FORBIDDEN':
      return appError('IP_FORBIDDEN', {}, detail);
    case 'TOO_MANY_REQUESTS': {
      const wait = retryAfterFrom(response.headers, localNowMs, clockOffsetMs);
      return appError('RATE_LIMITED', { waitMs: wait }, detail, wait);
    }
    case 'SERVER_ERROR':
    case 'INTERNAL':
    case 'TOO_BUSY':
      return appError('SERVER_ERROR', { status }, detail, serverRetry());
    case 'INVALID_PARAM_VALUE':
    case 'INVALID_ARGUMENT':
    case 'MISSING_REQUIRED_PARAM':
      // The only parameter of this endpoint is `currency`.
      return appError('INVALID_CURRENCY', {}, detail);
    default:
      break;
  }
  if (status === 429) {
    const wait = retryAfterFrom(response.headers, localNowMs, clockOffsetMs);
    return appError('RATE_LIMITED', { reason: 'http-429', waitMs: wait }, detail, wait);
  }
  if (status >= 500) {
    const params = gate
      ? ({ reason: 'http-5xx', status } as const)
      : ({ reason: 'http-5xx-body', status, ...bodyParams(response.body) } as const);
    return appError('SERVER_ERROR', params, detail, serverRetry());
  }
  if (status === 407) return appError('NETWORK', { reason: 'proxy-auth' });
  if (gate && status === 401) return appError('INVALID_KEY', { reason: 'http-401' }, detail);
  if (gate && status === 403) return appError('FORBIDDEN', { reason: 'http-403' }, detail);
  return appError(
    'BAD_RESPONSE',
    gate ? { reason: 'http', status } : { reason: 'http-body', status, ...bodyParams(response.body) },
    detail,
  );
}

/** Maps a transport failure (no HTTP status) to NETWORK, TIMEOUT, CANCELLED or (an answer past its bound) BAD_RESPONSE. */
export function mapTransportFailure(failure: TransportFailure, timeoutMs: number): AppError {
  switch (failure.kind) {
    case 'timeout':
      return appError('TIMEOUT', { timeoutMs });
    case 'aborted':
      return appError('CANCELLED');
    case 'too-large':
      return appError(
        'BAD_RESPONSE',
        { reason: 'too-large', ...(failure.maxBodyBytes !== undefined ? { limit: formatBytes(failure.maxBodyBytes) } : {}) },
        safeServerText(failure.message),
      );
    case 'insecure-url':
      return appError('NETWORK', { reason: 'insecure-url', ...(failure.cause ? causeParams(failure.cause) : {}) }, failure.message);
    default:
      return appError('NETWORK', failure.cause ? causeParams(failure.cause) : {}, safeServerText(failure.message));
  }
}
