/**
 * Gate's failures made human: every `{label, message}` Gate documents for this endpoint,
 * every HTTP status without a usable body (proxy HTML pages included), and every transport
 * failure becomes one of our AppError codes with a message that says what happened and a
 * hint that says what to do. Nothing here ever sees the secret; Gate's own message is only
 * echoed after being shortened and stripped of anything that looks like a signature.
 */
import type { AppError, ErrorCode } from '../../../shared/errors.js';
import { cleanText } from '../../../shared/text.js';
import { BAD_RESPONSE_HINT, describeBody } from './schema.js';
import type { TransportFailure, TransportResponse } from './types.js';

/** Gate's JSON error body (some endpoints say `detail` instead of `message`). */
interface GateErrorBody {
  readonly label: string;
  readonly message: string;
}

/** The hints, one per code, so the CLI, tray and popover tell the same story. */
export const HINTS: Readonly<Partial<Record<ErrorCode, string>>> = {
  MISSING_CREDENTIALS:
    'Add an API key: set GATE_API_KEY and GATE_API_SECRET, run `gate-glance login`, or use the app\'s settings. Create one at gate.com → API Management with "Wallet: read only".',
  INVALID_KEY: 'Check that the API key is copied completely and has not been deleted or expired in Gate\'s API Management.',
  INVALID_SIGNATURE: 'The API secret does not match the key. Paste the secret again (it is shown only once when the key is created; create a new key if you lost it).',
  FORBIDDEN: 'Edit the key in Gate\'s API Management and enable the "Wallet" permission (read only is enough).',
  IP_FORBIDDEN: "This key only accepts requests from listed IP addresses. Add this machine's public IP to the key's whitelist, or remove the restriction.",
  CLOCK_SKEW: "Set this computer's clock to update automatically (NTP), then try again.",
  RATE_LIMITED: 'Wait a moment; Gate allows 80 balance requests per 10 seconds and the data only changes once a minute.',
  SERVER_ERROR: 'This is usually brief and not caused by your key or settings. Try again in a minute.',
  BAD_RESPONSE: BAD_RESPONSE_HINT,
  NETWORK: 'Check the internet connection and, if you use one, the proxy (HTTPS_PROXY / system proxy settings).',
  TIMEOUT: 'Gate did not answer in time. Check the connection or proxy, or raise the timeout.',
  INVALID_CURRENCY: 'Use one of BTC, CNY, USD or USDT.',
  CANCELLED: 'The request was cancelled; nothing to do.',
  INTERNAL: 'This is a bug in Gate Glance; please report it.',
};

/** Builds an AppError with the standard hint for its code. */
export function appError(code: ErrorCode, message: string, retryAfterMs?: number): AppError {
  const hint = HINTS[code] ?? 'Try again.';
  return retryAfterMs === undefined ? { code, message, hint } : { code, message, hint, retryAfterMs };
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

function withGateText(base: string, gate: GateErrorBody | null): string {
  if (!gate) return base;
  const text = safeServerText(gate.message);
  return text ? `${base} (Gate: ${gate.label}: ${text})` : `${base} (Gate: ${gate.label})`;
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

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

/**
 * Maps a non-2xx answer to an AppError. Gate's label decides when there is one; otherwise
 * the status does. REQUEST_EXPIRED comes back as CLOCK_SKEW; the client resyncs and retries
 * before it lets that reach anyone.
 */
export function mapErrorResponse(response: TransportResponse, localNowMs: number, clockOffsetMs: number): AppError {
  const gate = readGateError(response.body);
  const label = gate?.label ?? '';
  const status = response.status;
  switch (label) {
    case 'INVALID_KEY':
    case 'INVALID_CREDENTIALS':
    case 'MISSING_REQUIRED_HEADER':
      return appError('INVALID_KEY', withGateText('Gate does not recognise this API key.', gate));
    case 'INVALID_SIGNATURE':
      return appError('INVALID_SIGNATURE', withGateText("Gate rejected the request's signature.", gate));
    case 'REQUEST_EXPIRED':
      return appError('CLOCK_SKEW', withGateText("Gate rejected the request's timestamp: this computer's clock differs from Gate's by more than 60 seconds.", gate));
    case 'FORBIDDEN':
    case 'READ_ONLY':
    case 'ACCOUNT_LOCKED':
      return appError('FORBIDDEN', withGateText('This API key is not allowed to read wallet balances.', gate));
    case 'IP_FORBIDDEN':
      return appError('IP_FORBIDDEN', withGateText("Gate refused this computer's IP address for this API key.", gate));
    case 'TOO_MANY_REQUESTS': {
      const wait = retryAfterFrom(response.headers, localNowMs, clockOffsetMs);
      return appError('RATE_LIMITED', withGateText(`Gate's rate limit was reached; it can be asked again in ${seconds(wait)}.`, gate), wait);
    }
    case 'SERVER_ERROR':
    case 'INTERNAL':
    case 'TOO_BUSY': {
      const retry = response.headers['retry-after'] !== undefined ? retryAfterFrom({ 'retry-after': response.headers['retry-after'] }, localNowMs, clockOffsetMs) : undefined;
      return appError('SERVER_ERROR', withGateText(`Gate answered with an error (HTTP ${status}).`, gate), retry);
    }
    case 'INVALID_PARAM_VALUE':
    case 'INVALID_ARGUMENT':
    case 'MISSING_REQUIRED_PARAM':
      // The only parameter of this endpoint is `currency`.
      return appError('INVALID_CURRENCY', withGateText('Gate does not accept this currency for totals.', gate));
    default:
      break;
  }
  if (status === 429) {
    const wait = retryAfterFrom(response.headers, localNowMs, clockOffsetMs);
    return appError('RATE_LIMITED', withGateText(`Too many requests; Gate can be asked again in ${seconds(wait)}.`, gate), wait);
  }
  if (status >= 500) {
    const what = gate ? '' : `, with ${describeBody(response.body)}`;
    // A 503 may say when to come back; keep it so the scheduler waits that long.
    const retry = response.headers['retry-after'] !== undefined ? retryAfterFrom({ 'retry-after': response.headers['retry-after'] }, localNowMs, clockOffsetMs) : undefined;
    return appError('SERVER_ERROR', withGateText(`Gate answered with a server error (HTTP ${status}${what}).`, gate), retry);
  }
  if (status === 407) {
    return appError('NETWORK', 'The proxy asks for credentials (HTTP 407): put them in the proxy URL, e.g. http://user:password@proxy:3128.');
  }
  if (gate && status === 401) return appError('INVALID_KEY', withGateText('Gate did not accept the API key.', gate));
  if (gate && status === 403) return appError('FORBIDDEN', withGateText('Gate refused the request for this API key.', gate));
  const what = gate ? '' : ` with ${describeBody(response.body)}`;
  return appError('BAD_RESPONSE', withGateText(`Unexpected answer: HTTP ${status}${what}.`, gate));
}

/** Maps a transport failure (no HTTP status) to NETWORK, TIMEOUT, CANCELLED or (an answer past its bound) BAD_RESPONSE. */
export function mapTransportFailure(failure: TransportFailure, timeoutMs: number): AppError {
  switch (failure.kind) {
    case 'timeout':
      return appError('TIMEOUT', `No answer from Gate within ${seconds(timeoutMs)}.`);
    case 'aborted':
      return appError('CANCELLED', 'The request was cancelled.');
    case 'too-large':
      return appError('BAD_RESPONSE', `The answer was too large to be Gate's: ${safeServerText(failure.message)}.`);
    case 'insecure-url':
      return appError('NETWORK', `Not sent: ${failure.message}.`);
    default:
      return appError('NETWORK', `Could not reach Gate: ${safeServerText(failure.message)}.`);
  }
}
