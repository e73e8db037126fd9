/**
 * The seams of the Gate core: how bytes move (Transport), where credentials come from,
 * and what a balance fetch answers. The app injects Electron's `net.fetch`, the CLI a lean
 * `node:https` transport, tests the simulator; the client code is the same for all.
 */
import type { NetworkCause } from '../../../shared/errors.js';
import type { BalanceSnapshot, Currency } from '../../../shared/balance.js';
import type { AppError, Result } from '../../../shared/errors.js';

/** An API key pair. Lives in main (or the CLI process) only; never crosses IPC, never logged. */
export interface Credentials {
  readonly key: string;
  readonly secret: string;
}

/** Where the client gets credentials per call: the keychain, the environment, or the demo pair. `null` = none stored. */
export type CredentialsProvider = () => Promise<Result<Credentials | null>>;

/** One HTTP request as the client builds it: the URL already carries the exact signed query string. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** The endpoint's body bound (limits.ts): the transport stops reading and fails past it. */
  readonly maxBodyBytes: number;
  readonly signal?: AbortSignal;
}

/** An HTTP response of any status. Header names are lower-case. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A transport failure below HTTP: no status to read. */
export interface TransportFailure {
  /**
   * `too-large`: the body passed the request's `maxBodyBytes` (reading stopped there);
   * `insecure-url`: plain http:// to a host that is not this computer, refused before connecting.
   */
  readonly kind: 'network' | 'timeout' | 'aborted' | 'too-large' | 'insecure-url';
  /** A cause safe to show, in English (never headers, never the signature). */
  readonly message: string;
  /** For `network` and `insecure-url`: the cause by name and values, which the reader's words are rendered from. */
  readonly cause?: NetworkCause;
  /** For `too-large`: the bound the answer passed, bytes. */
  readonly maxBodyBytes?: number;
}

/** What a transport answers: errors are values here too. */
export type TransportResult =
  { readonly ok: true; readonly response: TransportResponse } | { readonly ok: false; readonly failure: TransportFailure };

/** Moves one request; implemented over `net.fetch`, `node:https`, or the in-process simulator. */
export type Transport = (request: TransportRequest) => Promise<TransportResult>;

/** Facts about a successful call that the scheduler and the CLI use. */
export interface FetchMeta {
  /** `X-Gate-RateLimit-Requests-Remain`, when Gate sent it. */
  readonly rateLimitRemaining: number | null;
  /** `X-Gate-RateLimit-Reset-Timestamp` as epoch ms, when Gate sent it. */
  readonly rateLimitResetAt: number | null;
  /** Server time minus local time, as last measured (0 until measured). */
  readonly clockOffsetMs: number;
}

/** The answer of `getTotalBalance`. */
export type BalanceResult =
  { readonly ok: true; readonly balance: BalanceSnapshot; readonly meta: FetchMeta } | { readonly ok: false; readonly error: AppError };

/** Anything that can produce a balance: the Gate client, or a fake in tests. BalanceService depends on this only. */
export interface BalanceSource {
  getTotalBalance(currency: Currency, options?: { readonly signal?: AbortSignal }): Promise<BalanceResult>;
}
