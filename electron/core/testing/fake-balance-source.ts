/**
 * A scriptable BalanceSource for tests (ours and other layers'): answers come from a
 * responder or a queue, optionally after a latency measured on the injected clock, every call
 * is recorded with its virtual time, and an aborted call answers CANCELLED and leaves no timer.
 */
import type { BalanceSnapshot, Currency } from '../../../shared/balance.js';
import { appError, type AppError, type ErrorCode } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { BalanceResult, BalanceSource, FetchMeta } from '../gate/types.js';

/** One recorded call. */
export interface FakeCall {
  readonly currency: Currency;
  /** Virtual time when the call was made. */
  readonly at: number;
  readonly signal: AbortSignal | undefined;
}

/** Produces the answer to call number `index` (0-based). */
export type FakeResponder = (call: FakeCall, index: number) => BalanceResult | Promise<BalanceResult>;

/** How a FakeBalanceSource is built. */
export interface FakeBalanceSourceOptions {
  readonly clock: Clock;
  /** Default: a fixed snapshot per currency (see `snapshotFor`). */
  readonly respond?: FakeResponder;
  /** Virtual ms each answer takes (default 0: answers in a microtask). */
  readonly latencyMs?: number;
}

/** Meta of a plain successful answer: no rate-limit information. */
const NO_META: FetchMeta = { rateLimitRemaining: null, rateLimitResetAt: null, clockOffsetMs: 0 };

/** A snapshot with `total` as its total and two accounts, fetched at `fetchedAt`. */
function snapshotFor(currency: Currency, total: string, fetchedAt: number): BalanceSnapshot {
  return {
    currency,
    total: { amount: total, unrealisedPnl: null, borrowed: null },
    accounts: [
      { name: 'spot', amount: total, unrealisedPnl: null, borrowed: null },
      { name: 'futures', amount: '0', unrealisedPnl: '0', borrowed: null },
    ],
    fetchedAt,
  };
}

/** A failure answer with a code (and, for RATE_LIMITED, the server's wait). */
export function errorResult(code: ErrorCode, retryAfterMs?: number): BalanceResult {
  const error: AppError = appError(code, {}, `fake ${code}`, retryAfterMs);
  return { ok: false, error };
}

/** A success answer for `currency` with `total`, stamped with the clock's time. */
export function successResult(clock: Clock, currency: Currency, total: string, meta: FetchMeta = NO_META): BalanceResult {
  return { ok: true, balance: snapshotFor(currency, total, clock.now()), meta };
}

/** The scriptable source. */
export class FakeBalanceSource implements BalanceSource {
  readonly calls: FakeCall[] = [];
  readonly #clock: Clock;
  readonly #latencyMs: number;
  #respond: FakeResponder;
  readonly #queue: FakeResponder[] = [];

  constructor(options: FakeBalanceSourceOptions) {
    this.#clock = options.clock;
    this.#latencyMs = options.latencyMs ?? 0;
    this.#respond = options.respond ?? ((call) => successResult(this.#clock, call.currency, defaultTotal(call.currency)));
  }

  /** Replaces the default responder. */
  respondWith(responder: FakeResponder): void {
    this.#respond = responder;
  }

  /** The next calls get these answers, in order, before the responder takes over again. */
  enqueue(...answers: (BalanceResult | FakeResponder)[]): void {
    for (const a of answers) this.#queue.push(typeof a === 'function' ? a : () => a);
  }

  /** How many calls were made. */
  get count(): number {
    return this.calls.length;
  }

  getTotalBalance(currency: Currency, options?: { readonly signal?: AbortSignal }): Promise<BalanceResult> {
    const call: FakeCall = { currency, at: this.#clock.now(), signal: options?.signal };
    const index = this.calls.length;
    this.calls.push(call);
    const responder = this.#queue.shift() ?? this.#respond;
    const answer = async (): Promise<BalanceResult> => {
      // Stamp fetchedAt at answer time, like the real client.
      const result = await responder({ ...call, at: this.#clock.now() }, index);
      return result;
    };
    if (this.#latencyMs <= 0) return answer();
    return new Promise<BalanceResult>((resolve) => {
      const signal = options?.signal;
      const onAbort = (): void => {
        this.#clock.clearTimeout(timer);
        resolve(errorResult('CANCELLED'));
      };
      const timer = this.#clock.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        void answer().then(resolve);
      }, this.#latencyMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function defaultTotal(currency: Currency): string {
  switch (currency) {
    case 'BTC':
      return '1.23456789';
    case 'CNY':
      return '72000.5';
    case 'USD':
      return '10000.25';
    case 'USDT':
      return '10001.75';
  }
}
