/**
 * Where a transport may send a signed request. Every request carries the API key and a
 * signature that Gate accepts again within its 60-second window, so plain http:// is allowed
 * only to this computer (the simulator, a local reverse proxy); anything else must be https://.
 * Both transports ask this before they open a socket.
 */
import { networkFailure } from './failure-text.js';
import type { TransportFailure } from './types.js';

/** 127.0.0.0/8, ::1 and `localhost`, as the WHATWG URL parser spells them (so `127.1` counts, `127.0.0.1.evil.com` does not). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/** The parsed target, or the failure that refuses it: a bad URL, a scheme other than http(s), plain http to a remote host. */
export function checkTarget(
  url: string,
): { readonly ok: true; readonly target: URL } | { readonly ok: false; readonly failure: TransportFailure } {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, failure: networkFailure({ name: 'bad-url' }) };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { ok: false, failure: networkFailure({ name: 'bad-scheme', code: target.protocol.replace(':', '') }) };
  }
  if (target.protocol === 'http:' && !isLoopbackHost(target.hostname)) {
    return {
      ok: false,
      failure: { ...networkFailure({ name: 'insecure-http', code: target.hostname.slice(0, 64) }), kind: 'insecure-url' },
    };
  }
  return { ok: true, target };
}
