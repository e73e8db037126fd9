/**
 * The causes of a failed connection, for both transports: Node's errno and TLS codes
 * (node-transport, and Node's fetch in tests) and Chromium's `net::ERR_*` strings (Electron's
 * `net.fetch` rejects with `new Error('net::ERR_NAME_NOT_RESOLVED')` and the like). A cause is
 * a name and its values (a `NetworkCause`); its words live in the catalogues
 * (`error.NETWORK.cause.*`), so the popover and the CLI say it in the reader's language. The
 * English words, rendered here from the English catalogue, are the failure's `message` (logs,
 * `--json`). None quotes a header, a URL's query or a body.
 */
import type { NetworkCause, NetworkCauseName } from '../../../shared/errors.js';
import { causeParams } from '../../../shared/errors.js';
import { networkCauseWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import { formatBytes } from './limits.js';
import type { TransportFailure } from './types.js';

const ERRNO_CAUSE: Readonly<Record<string, NetworkCauseName>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns-temporary',
  ETIMEDOUT: 'timed-out',
  EHOSTUNREACH: 'host-unreachable',
  ENETUNREACH: 'network-unreachable',
  EPIPE: 'closed-sending',
  CERT_HAS_EXPIRED: 'cert-expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'cert-self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'cert-self-signed-chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'cert-unverified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'cert-untrusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'cert-name',
};

/** Chromium's codes (net/base/net_error_list.h) that this app meets, by exact name. */
const NET_ERROR_CAUSE: Readonly<Record<string, NetworkCauseName>> = {
  ERR_NAME_NOT_RESOLVED: 'dns-check',
  ERR_NAME_RESOLUTION_FAILED: 'dns-failed',
  ERR_INTERNET_DISCONNECTED: 'offline',
  ERR_NETWORK_CHANGED: 'network-changed',
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_CONNECTION_RESET: 'reset-interfered',
  ERR_CONNECTION_CLOSED: 'closed-no-answer',
  ERR_CONNECTION_ABORTED: 'aborted',
  ERR_CONNECTION_FAILED: 'failed',
  ERR_CONNECTION_TIMED_OUT: 'timed-out',
  ERR_TIMED_OUT: 'network-timed-out',
  ERR_ADDRESS_UNREACHABLE: 'address-unreachable',
  ERR_NETWORK_ACCESS_DENIED: 'access-denied',
  ERR_EMPTY_RESPONSE: 'empty-answer',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'incomplete',
  ERR_CONTENT_LENGTH_MISMATCH: 'incomplete',
  ERR_PROXY_CONNECTION_FAILED: 'proxy-unreachable',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy-tunnel',
  ERR_PROXY_AUTH_UNSUPPORTED: 'proxy-auth-unsupported',
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'proxy-pac',
  ERR_TOO_MANY_REDIRECTS: 'too-many-redirects',
  ERR_CERT_DATE_INVALID: 'cert-date',
  ERR_CERT_AUTHORITY_INVALID: 'cert-untrusted',
  ERR_CERT_COMMON_NAME_INVALID: 'cert-name',
  ERR_CERT_REVOKED: 'cert-revoked',
};

/** Messages of Electron's ClientRequest when a redirect is not followed (`redirect: 'manual'` without a follow, or `'error'`). */
const REDIRECT_MESSAGES = ['Redirect was cancelled', "Attempted to redirect, but redirect policy was 'error'"];

/** A code fit to show and to pass on: letters, digits and underscores, nothing a message could smuggle. */
const CODE = /^[A-Z0-9_]{2,64}$/;

/** The cause of a Node errno or TLS code; a code we do not know stays visible as itself. */
export function errnoCause(code: string): NetworkCause {
  if (Object.hasOwn(ERRNO_CAUSE, code)) return { name: ERRNO_CAUSE[code]! };
  if (!CODE.test(code)) return { name: 'failed' };
  // llhttp's parse errors: whatever answered does not speak HTTP/1.1 correctly.
  if (code.startsWith('HPE_')) return { name: 'not-http', code };
  return { name: 'errno', code };
}

/** The cause of a Chromium `net::ERR_*` code, families (`ERR_CERT_*`, `ERR_SSL_*`, `ERR_PROXY_*`) as such. */
function netErrorCause(code: string): NetworkCause {
  if (Object.hasOwn(NET_ERROR_CAUSE, code)) return { name: NET_ERROR_CAUSE[code]! };
  if (code.startsWith('ERR_CERT_')) return { name: 'cert-other', code };
  if (code.startsWith('ERR_SSL_')) return { name: 'tls-failed', code };
  if (code.startsWith('ERR_PROXY_')) return { name: 'proxy-other', code };
  return { name: 'net-other', code };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The cause of whatever a `fetch` implementation rejected with: Electron's `net::ERR_*` or
 * redirect messages, or Node's `TypeError('fetch failed')` whose `cause` carries an errno.
 */
export function fetchErrorCause(error: unknown): NetworkCause {
  const message = field(error, 'message');
  if (typeof message === 'string') {
    const net = /net::(ERR_[A-Z0-9_]+)/.exec(message);
    if (net) return netErrorCause(net[1]!);
    if (REDIRECT_MESSAGES.some((m) => message.includes(m))) return { name: 'redirect' };
  }
  const cause = field(error, 'cause');
  const causeMessage = field(cause, 'message');
  if (typeof causeMessage === 'string' && /redirect/i.test(causeMessage) && field(cause, 'code') === undefined) return { name: 'redirect' };
  const code = field(cause, 'code');
  if (typeof code === 'string' && CODE.test(code)) return { ...errnoCause(code), where: code, via: 'code' };
  return { name: 'failed' };
}

/** A cause in English, from the English catalogue: `the connection was refused (api.gateio.ws:443)`. */
export function causeInEnglish(cause: NetworkCause): string {
  // Every NetworkCauseName is a key of the English catalogue (the type is made from its keys).
  return networkCauseWords(ENGLISH, causeParams(cause)) ?? '';
}

/** The transport failure of a cause: its name and values for the reader's words, its English words as the message. */
export function networkFailure(cause: NetworkCause): TransportFailure {
  return { kind: 'network', message: causeInEnglish(cause), cause };
}

/** An answer that passed the request's bound: reading stopped there. */
export function tooLargeFailure(maxBodyBytes: number): TransportFailure {
  return { kind: 'too-large', message: `the answer was larger than the ${formatBytes(maxBodyBytes)} this request allows`, maxBodyBytes };
}
