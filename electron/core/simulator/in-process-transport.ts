/**
 * A Transport that hands requests straight to a simulator in the same process: demo mode in
 * the app and `gate-glance balance --demo` run the real client, signing and validation
 * included, with no socket at all.
 */
import { networkFailure, tooLargeFailure } from '../gate/failure-text.js';
import type { Transport, TransportResult } from '../gate/types.js';
import type { GateSimulator } from './handler.js';

/** Transport over an in-process simulator; honours the request's timeout and signal. */
export function createInProcessTransport(simulator: GateSimulator): Transport {
  return async (request): Promise<TransportResult> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { ok: false, failure: { kind: 'network', message: 'the URL is not valid' } };
    }
    if (request.signal?.aborted) return { ok: false, failure: { kind: 'aborted', message: 'the request was cancelled' } };
    const controller = new AbortController();
    let outcome: 'timeout' | 'aborted' | null = null;
    const timer = setTimeout(() => {
      outcome = 'timeout';
      controller.abort();
    }, request.timeoutMs);
    const onAbort = (): void => {
      outcome = 'aborted';
      controller.abort();
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
    try {
      const answer = await simulator.handle(
        { method: request.method, target: `${url.pathname}${url.search}`, headers, body: request.body ?? '', remoteAddress: '127.0.0.1' },
        controller.signal,
      );
      if (outcome === 'timeout') return { ok: false, failure: { kind: 'timeout', message: `no answer within ${request.timeoutMs} ms` } };
      if (outcome === 'aborted') return { ok: false, failure: { kind: 'aborted', message: 'the request was cancelled' } };
      // A dropped connection, as a socket transport names it: the cause travels by name, for the reader's words.
      if (answer.kind === 'drop') return { ok: false, failure: networkFailure({ name: 'closed-no-answer' }) };
      if (Buffer.byteLength(answer.body) > request.maxBodyBytes) {
        return { ok: false, failure: tooLargeFailure(request.maxBodyBytes) };
      }
      return { ok: true, response: { status: answer.status, headers: { ...answer.headers }, body: answer.body } };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  };
}
