/**
 * Errors are values that cross every boundary (client → service → IPC → UI → CLI): a stable
 * code to branch on and the values its words are rendered from. The words themselves (title,
 * message, hint) are chosen at the edge by the presentation layer (shared/present), in the
 * user's language; only `detail` carries text from outside (Gate's or the OS's own words), and
 * a failed connection's English words for logs and `--json` (readers word it from `cause`).
 * None of it ever contains the API secret or a signature.
 */
import type { en } from './present/catalogue-en.js';
import { cleanText } from './text.js';

/** Every failure the app can name. The UI, tray and CLI branch on these, never on words. */
export const ERROR_CODES = [
  'MISSING_CREDENTIALS',
  'INVALID_CREDENTIALS_INPUT',
  'INVALID_KEY',
  'INVALID_SIGNATURE',
  'FORBIDDEN',
  'IP_FORBIDDEN',
  'KEY_CAN_WRITE',
  'CLOCK_SKEW',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'BAD_RESPONSE',
  'NETWORK',
  'TIMEOUT',
  'OVERDUE',
  'INVALID_CURRENCY',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_DENIED',
  'KEYCHAIN_ERROR',
  'INVALID_REQUEST',
  'UNTRUSTED_SENDER',
  'CANCELLED',
  'INTERNAL',
] as const;

/** A failure the app can name. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The variants of a code that have words of their own (`error.<CODE>.message.<reason>` in the catalogue). */
export type ErrorReason<C extends ErrorCode> = {
  [K in keyof typeof en]: K extends `error.${C}.${'message' | 'hint'}.${infer R}` ? R : never;
}[keyof typeof en];

/** The names of the causes of a failed connection (`error.NETWORK.cause.<name>` in the catalogue). */
export type NetworkCauseName = {
  [K in keyof typeof en]: K extends `error.NETWORK.cause.${infer R}` ? R : never;
}[keyof typeof en];

/**
 * Why a connection failed: a name and the values its words need (short, from the system or
 * the user's own settings; cleaned when they become an error's params).
 */
export interface NetworkCause {
  readonly name: NetworkCauseName;
  /** A system code (`ECONNREFUSED`, `ERR_CERT_SYMANTEC_LEGACY`), an HTTP status or a URL scheme. */
  readonly code?: string;
  /** The proxy's address, credentials redacted, for causes at a proxy. */
  readonly proxy?: string;
  /** The target of a tunnel the proxy refused. */
  readonly target?: string;
  /** Where it failed (`host:port`, a proxy's address or a bare code), added after the words. */
  readonly where?: string;
  readonly via?: 'target' | 'proxy' | 'code';
}

/** A cause as an error's params (`cause` is its name): flat strings, as every param is. */
export function causeParams(cause: NetworkCause): Readonly<Record<string, string>> {
  const { name, ...values } = cause;
  const params: Record<string, string> = { cause: name };
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params[key] = cleanText(value, 120);
  return params;
}

/** Values the words are rendered from (never a secret): `{ status: 502 }`, `{ seconds: 180 }`. */
type ErrorParams = Readonly<Record<string, string | number>>;

/** A named failure. `retryAfterMs` is set when the server told us how long to wait. */
export interface AppError {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Gate's or the system's own words (English, one line, control characters stripped), shown as detail. */
  readonly detail: string | null;
  readonly retryAfterMs?: number;
}

/** The one result shape used across boundaries instead of throwing. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Builds a success value; exists so call sites read the same everywhere. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Longest detail kept: enough for a bug report, short enough for a tooltip or a status line. */
const MAX_DETAIL_CHARS = 300;

type Params<C extends ErrorCode> = ErrorParams & { readonly reason?: ErrorReason<C> };

/** The one way to build an AppError; `detail` is cleaned here, so every error is safe to show. */
export function appError<C extends ErrorCode>(
  code: C,
  params: Params<C> = {},
  detail: string | null = null,
  retryAfterMs?: number,
): AppError {
  const cleaned = detail === null ? null : cleanText(detail, MAX_DETAIL_CHARS);
  const error = { code, params, detail: cleaned === '' ? null : cleaned };
  return retryAfterMs === undefined ? error : { ...error, retryAfterMs };
}

/** `appError` as a failed Result. */
export function fail<T = never, C extends ErrorCode = ErrorCode>(
  code: C,
  params: Params<C> = {},
  detail: string | null = null,
  retryAfterMs?: number,
): Result<T> {
  return { ok: false, error: appError(code, params, detail, retryAfterMs) };
}

/** What kind of problem a code is, which decides the action offered and the CLI's exit code. */
export type ErrorKind = 'key' | 'keychain' | 'remote' | 'usage' | 'internal';

interface ErrorClass {
  readonly kind: ErrorKind;
  /** Retrying with the same credentials is pointless: the scheduler stops until the user changes something. */
  readonly permanent: boolean;
  /**
   * Gate answered, and refused this key (unknown key, bad signature, a permission or IP rule):
   * a key being saved is not stored, an alert says the account cannot be read, `login` says so.
   */
  readonly rejectsKey: boolean;
}

// One row per code: a new code does not compile until it is classified.
const CLASSES: { readonly [C in ErrorCode]: ErrorClass } = {
  MISSING_CREDENTIALS: { kind: 'key', permanent: true, rejectsKey: false },
  INVALID_CREDENTIALS_INPUT: { kind: 'key', permanent: false, rejectsKey: false },
  INVALID_KEY: { kind: 'key', permanent: true, rejectsKey: true },
  INVALID_SIGNATURE: { kind: 'key', permanent: true, rejectsKey: true },
  FORBIDDEN: { kind: 'key', permanent: true, rejectsKey: true },
  IP_FORBIDDEN: { kind: 'key', permanent: true, rejectsKey: true },
  // A save refused until the user confirms ("Save anyway", `login --allow-write-key`): never a refresh's error.
  KEY_CAN_WRITE: { kind: 'key', permanent: false, rejectsKey: false },
  CLOCK_SKEW: { kind: 'remote', permanent: false, rejectsKey: false },
  RATE_LIMITED: { kind: 'remote', permanent: false, rejectsKey: false },
  SERVER_ERROR: { kind: 'remote', permanent: false, rejectsKey: false },
  BAD_RESPONSE: { kind: 'remote', permanent: false, rejectsKey: false },
  NETWORK: { kind: 'remote', permanent: false, rejectsKey: false },
  TIMEOUT: { kind: 'remote', permanent: false, rejectsKey: false },
  OVERDUE: { kind: 'remote', permanent: false, rejectsKey: false },
  INVALID_CURRENCY: { kind: 'remote', permanent: true, rejectsKey: false },
  KEYCHAIN_UNAVAILABLE: { kind: 'keychain', permanent: false, rejectsKey: false },
  KEYCHAIN_LOCKED: { kind: 'keychain', permanent: false, rejectsKey: false },
  KEYCHAIN_DENIED: { kind: 'keychain', permanent: true, rejectsKey: false },
  KEYCHAIN_ERROR: { kind: 'keychain', permanent: false, rejectsKey: false },
  INVALID_REQUEST: { kind: 'usage', permanent: false, rejectsKey: false },
  UNTRUSTED_SENDER: { kind: 'internal', permanent: false, rejectsKey: false },
  CANCELLED: { kind: 'remote', permanent: false, rejectsKey: false },
  INTERNAL: { kind: 'internal', permanent: false, rejectsKey: false },
};

/** The kind of a code. */
export function errorKind(code: ErrorCode): ErrorKind {
  return CLASSES[code].kind;
}

/**
 * Errors the user fixes by entering a different key or changing its permissions on gate.io:
 * the popover offers "Fix key", the CLI exits 3.
 */
export function isKeyError(code: ErrorCode): boolean {
  return CLASSES[code].kind === 'key';
}

/** The OS keychain is missing, locked, refused or broken: fixed on the machine, not on gate.io. */
export function isKeychainError(code: ErrorCode): boolean {
  return CLASSES[code].kind === 'keychain';
}

/**
 * Errors after which retrying with the same credentials is pointless: the scheduler stops
 * until the user changes something, instead of hammering Gate with a dead key.
 */
export function isPermanentError(code: ErrorCode): boolean {
  return CLASSES[code].permanent;
}

/** Gate answered and refused this key (see `rejectsKey`): not a failure of the network, the keychain or Gate itself. */
export function rejectsKey(code: ErrorCode): boolean {
  return CLASSES[code].rejectsKey;
}
