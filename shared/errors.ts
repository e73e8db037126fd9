/**
 * Errors are values that cross every boundary (client → service → IPC → UI → CLI): a
 * stable code to branch on, a message that says what happened, and a hint that says what
 * to do. None of them ever contains the API secret or a signature.
 */

/** Every failure the app can name. The UI, tray and CLI branch on these, never on messages. */
export const ERROR_CODES = [
  'MISSING_CREDENTIALS',
  'INVALID_CREDENTIALS_INPUT',
  'INVALID_KEY',
  'INVALID_SIGNATURE',
  'FORBIDDEN',
  'IP_FORBIDDEN',
  'CLOCK_SKEW',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'BAD_RESPONSE',
  'NETWORK',
  'TIMEOUT',
  /** Live data past its `staleAt` with no failure (the machine slept, an old cached currency): nothing timed out. */
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

/** A named failure with a human hint. `retryAfterMs` is set when the server told us how long to wait. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly retryAfterMs?: number;
}

/** The one result shape used across boundaries instead of throwing. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Builds a success value; exists so call sites read the same everywhere. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure value. */
export function fail<T = never>(code: ErrorCode, message: string, hint: string, retryAfterMs?: number): Result<T> {
  const error: AppError = retryAfterMs === undefined ? { code, message, hint } : { code, message, hint, retryAfterMs };
  return { ok: false, error };
}

/**
 * Errors the user fixes by entering a different key or changing its permissions on gate.io:
 * the popover offers "Fix key", the CLI exits 3.
 */
export function isKeyError(code: ErrorCode): boolean {
  return (
    code === 'MISSING_CREDENTIALS' ||
    code === 'INVALID_CREDENTIALS_INPUT' ||
    code === 'INVALID_KEY' ||
    code === 'INVALID_SIGNATURE' ||
    code === 'FORBIDDEN' ||
    code === 'IP_FORBIDDEN'
  );
}

/** The OS keychain is missing, locked, refused or broken: fixed on the machine, not on gate.io. */
export function isKeychainError(code: ErrorCode): boolean {
  return code === 'KEYCHAIN_UNAVAILABLE' || code === 'KEYCHAIN_LOCKED' || code === 'KEYCHAIN_DENIED' || code === 'KEYCHAIN_ERROR';
}

/**
 * Errors after which retrying with the same credentials is pointless: the scheduler stops
 * until the user changes something, instead of hammering Gate with a dead key.
 */
export function isPermanentError(code: ErrorCode): boolean {
  return (
    code === 'MISSING_CREDENTIALS' ||
    code === 'INVALID_KEY' ||
    code === 'INVALID_SIGNATURE' ||
    code === 'FORBIDDEN' ||
    code === 'IP_FORBIDDEN' ||
    code === 'INVALID_CURRENCY' ||
    code === 'KEYCHAIN_DENIED'
  );
}
