/**
 * The app's transport over a `fetch` implementation — Electron main passes `net.fetch`, so
 * Chromium's network stack applies the system proxy, PAC and certificates. It adds the
 * timeout and cancellation the client expects and turns every failure into a value.
 */
import type { Transport, TransportResult } from './types.js';
import { MAX_BODY_BYTES } from './limits.js';

function causeCode(error: unknown): string {
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? (error as { cause: unknown }).cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause) return String((cause as { code: unknown }).code);
  return '';
}

/** Builds a transport over `fetchImpl` (e.g. Electron's `net.fetch`, or global fetch in tests). */
export function createFetchTransport(fetchImpl: typeof fetch): Transport {
  return async (request): Promise<TransportResult> => {
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
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: controller.signal,
        redirect: 'manual',
      });
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_BODY_BYTES) {
        controller.abort();
        return { ok: false, failure: { kind: 'network', message: `the answer was larger than ${MAX_BODY_BYTES} bytes` } };
      }
      const body = await response.text();
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        const lower = name.toLowerCase();
        // Repeated headers (Set-Cookie) are joined, as node:http does.
        headers[lower] = headers[lower] === undefined ? value : `${headers[lower]}, ${value}`;
      });
      return { ok: true, response: { status: response.status, headers, body } };
    } catch (error) {
      if (timedOut) return { ok: false, failure: { kind: 'timeout', message: `no answer within ${request.timeoutMs} ms` } };
      if (request.signal?.aborted) return { ok: false, failure: { kind: 'aborted', message: 'the request was cancelled' } };
      const code = causeCode(error);
      return { ok: false, failure: { kind: 'network', message: code ? `the connection failed (${code})` : 'the connection failed' } };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  };
}
