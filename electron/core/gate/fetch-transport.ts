/**
 * The app's transport over a `fetch` implementation — Electron main passes `net.fetch`, so
 * Chromium's network stack applies the system proxy, PAC and certificates. It adds the
 * timeout and cancellation the client expects, reads the body only up to the request's
 * `maxBodyBytes` (counted as it arrives: a chunked answer has no Content-Length to trust),
 * and turns every failure into a value. No cookies are sent or stored and no cache is used:
 * every answer is Gate's, now.
 */
import { fetchErrorCause, networkFailure, tooLargeFailure } from './failure-text.js';
import { checkTarget } from './target-policy.js';
import type { Transport, TransportResult } from './types.js';

/**
 * `fetch` as this transport calls it. `cache` is standard and Electron's `net.fetch` passes it to
 * Chromium's loader; Node 20's RequestInit type merely omits it.
 */
export type FetchFunction = (url: string, init: RequestInit & { readonly cache: 'no-store' }) => Promise<Response>;

/** The body as text, or null once it passes `maxBodyBytes` (the stream is cancelled there, so the rest is never downloaded). */
async function readBounded(body: ReadableStream<Uint8Array> | null, maxBodyBytes: number): Promise<string | null> {
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** How the app's transport reaches this computer. */
export interface FetchTransportOptions {
  /**
   * The fetch for plain http:// (allowed only to this computer): one that never uses a proxy.
   * Electron main passes a session set to `mode: 'direct'`; Chromium already bypasses loopback
   * implicitly, but a system bypass list with `<-loopback>` would undo that, and the key and a
   * signature must never cross a proxy in clear text. Default: `fetchImpl` (tests, Node's fetch).
   */
  readonly directFetch?: FetchFunction;
}

/** Builds a transport over `fetchImpl` (e.g. Electron's `net.fetch`, or global fetch in tests). */
export function createFetchTransport(fetchImpl: FetchFunction, options: FetchTransportOptions = {}): Transport {
  return async (request): Promise<TransportResult> => {
    const checked = checkTarget(request.url);
    if (!checked.ok) return checked;
    const send = checked.target.protocol === 'http:' ? (options.directFetch ?? fetchImpl) : fetchImpl;
    if (request.signal?.aborted) return { ok: false, failure: { kind: 'aborted', message: 'the request was cancelled' } };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    const onAbort = (): void => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await send(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: controller.signal,
        // A 3xx is Gate's answer to judge, never followed (Electron rejects it as a cancelled redirect).
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
      });
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > request.maxBodyBytes) {
        controller.abort();
        return { ok: false, failure: tooLargeFailure(request.maxBodyBytes) };
      }
      const body = await readBounded(response.body, request.maxBodyBytes);
      if (body === null) {
        controller.abort();
        return { ok: false, failure: tooLargeFailure(request.maxBodyBytes) };
      }
      // The server names the headers: `__proto__` or `constructor` is a header, not a member.
      const headers = Object.create(null) as Record<string, string>;
      response.headers.forEach((value, name) => {
        const lower = name.toLowerCase();
        // Repeated headers (Set-Cookie) are joined, as node:http does.
        headers[lower] = headers[lower] === undefined ? value : `${headers[lower]}, ${value}`;
      });
      return { ok: true, response: { status: response.status, headers, body } };
    } catch (error) {
      if (timedOut) return { ok: false, failure: { kind: 'timeout', message: `no answer within ${request.timeoutMs} ms` } };
      if (request.signal?.aborted) return { ok: false, failure: { kind: 'aborted', message: 'the request was cancelled' } };
      return { ok: false, failure: networkFailure(fetchErrorCause(error)) };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  };
}
