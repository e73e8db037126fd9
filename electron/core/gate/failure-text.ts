/**
 * The causes of a failed connection in words, for both transports: Node's errno and TLS codes
 * (node-transport, and Node's fetch in tests) and Chromium's `net::ERR_*` strings (Electron's
 * `net.fetch` rejects with `new Error('net::ERR_NAME_NOT_RESOLVED')` and the like). Every text
 * says what broke and points at the likely cause; none quotes a header, a URL's query or a body.
 */

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed while sending',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate is in the TLS chain (a proxy inspecting traffic?)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate could not be verified",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's TLS certificate is issued by an authority this computer does not trust (a proxy inspecting traffic?)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate does not match its name",
};

/** Chromium's codes (net/base/net_error_list.h) that this app meets, by exact name. */
const NET_ERROR_TEXT: Readonly<Record<string, string>> = {
  ERR_NAME_NOT_RESOLVED: 'the host name could not be resolved (check the connection, DNS or the base URL)',
  ERR_NAME_RESOLUTION_FAILED: 'DNS lookup failed (check the connection or DNS settings)',
  ERR_INTERNET_DISCONNECTED: 'this computer is offline',
  ERR_NETWORK_CHANGED: 'the network changed during the request',
  ERR_CONNECTION_REFUSED: 'the connection was refused',
  ERR_CONNECTION_RESET: 'the connection was reset (a firewall or proxy may be interfering)',
  ERR_CONNECTION_CLOSED: 'the connection was closed before an answer arrived',
  ERR_CONNECTION_ABORTED: 'the connection was aborted',
  ERR_CONNECTION_FAILED: 'the connection failed',
  ERR_CONNECTION_TIMED_OUT: 'the connection timed out',
  ERR_TIMED_OUT: 'the network timed out',
  ERR_ADDRESS_UNREACHABLE: 'the server is unreachable from this network',
  ERR_NETWORK_ACCESS_DENIED: 'network access was denied (a firewall or security software?)',
  ERR_EMPTY_RESPONSE: 'the server closed the connection without answering',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'the connection closed before the answer was complete',
  ERR_CONTENT_LENGTH_MISMATCH: 'the connection closed before the answer was complete',
  ERR_PROXY_CONNECTION_FAILED: 'the system proxy could not be reached (check the proxy settings)',
  ERR_TUNNEL_CONNECTION_FAILED: 'the proxy refused the tunnel to Gate',
  ERR_PROXY_AUTH_UNSUPPORTED: 'the proxy asks for a kind of sign-in this app does not support',
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'the proxy configuration (PAC script) could not be loaded',
  ERR_TOO_MANY_REDIRECTS: 'the server redirected too many times',
  ERR_CERT_DATE_INVALID: "the server's TLS certificate has expired or is not valid yet (check this computer's clock)",
  ERR_CERT_AUTHORITY_INVALID: "the server's TLS certificate is issued by an authority this computer does not trust (a proxy inspecting traffic?)",
  ERR_CERT_COMMON_NAME_INVALID: "the server's TLS certificate does not match its name",
  ERR_CERT_REVOKED: "the server's TLS certificate has been revoked",
};

/** Messages of Electron's ClientRequest when a redirect is not followed (`redirect: 'manual'` without a follow, or `'error'`). */
const REDIRECT_MESSAGES = ['Redirect was cancelled', "Attempted to redirect, but redirect policy was 'error'"];
const REDIRECT_TEXT = 'the server answered with a redirect, which Gate never sends (a captive portal, or a wrong base URL?)';

/** A Node errno or TLS code in words; the bare code for one we do not know. */
export function describeErrno(code: string): string {
  if (Object.hasOwn(ERRNO_TEXT, code)) return ERRNO_TEXT[code]!;
  // llhttp's parse errors: whatever answered does not speak HTTP/1.1 correctly.
  if (code.startsWith('HPE_')) return `the answer was not valid HTTP (${code})`;
  return code ? `error ${code}` : 'the connection failed';
}

/** A Chromium `net::ERR_*` code in words, with families (`ERR_CERT_*`, `ERR_SSL_*`, `ERR_PROXY_*`) worded as such. */
function describeNetError(code: string): string {
  if (Object.hasOwn(NET_ERROR_TEXT, code)) return NET_ERROR_TEXT[code]!;
  if (code.startsWith('ERR_CERT_')) return `the server's TLS certificate was not accepted (${code})`;
  if (code.startsWith('ERR_SSL_')) return `the secure connection could not be set up (${code}; a proxy inspecting traffic?)`;
  if (code.startsWith('ERR_PROXY_')) return `the proxy failed (${code}; check the proxy settings)`;
  return `the connection failed (${code})`;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Words for whatever a `fetch` implementation rejected with: Electron's `net::ERR_*` or
 * redirect messages, or Node's `TypeError('fetch failed')` whose `cause` carries an errno.
 */
export function describeFetchError(error: unknown): string {
  const message = field(error, 'message');
  if (typeof message === 'string') {
    const net = /net::(ERR_[A-Z0-9_]+)/.exec(message);
    if (net) return describeNetError(net[1]!);
    if (REDIRECT_MESSAGES.some((m) => message.includes(m))) return REDIRECT_TEXT;
  }
  const cause = field(error, 'cause');
  const causeMessage = field(cause, 'message');
  if (typeof causeMessage === 'string' && /redirect/i.test(causeMessage) && field(cause, 'code') === undefined) return REDIRECT_TEXT;
  const code = field(cause, 'code');
  if (typeof code === 'string' && /^[A-Z0-9_]{2,64}$/.test(code)) return `${describeErrno(code)} (${code})`;
  return 'the connection failed';
}
