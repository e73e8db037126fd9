/**
 * What the popover offers for each named error: fix the key, wait out a rate limit, or
 * retry. Branches on the stable code, never on the message text.
 */
import type { AppError, ErrorCode } from '../../../shared/errors.js';
import { isKeyError } from '../../../shared/errors.js';

/** The one action an error view offers. */
export type ErrorAction = 'fix-key' | 'wait' | 'retry';

/** The action for an error code. */
export function actionFor(code: ErrorCode): ErrorAction {
  if (isKeyError(code)) return 'fix-key';
  if (code === 'RATE_LIMITED') return 'wait';
  return 'retry';
}

const TITLES: Partial<Readonly<Record<ErrorCode, string>>> = {
  MISSING_CREDENTIALS: 'No API key stored',
  INVALID_CREDENTIALS_INPUT: 'That key or secret is not valid',
  INVALID_KEY: 'Gate rejected the API key',
  INVALID_SIGNATURE: 'Gate rejected the signature',
  FORBIDDEN: 'The key lacks wallet read permission',
  IP_FORBIDDEN: 'Gate refused this IP address for the key',
  CLOCK_SKEW: "Your computer's clock is off",
  RATE_LIMITED: 'Gate asked us to slow down',
  SERVER_ERROR: 'Gate is having trouble',
  BAD_RESPONSE: 'Gate sent an answer we could not read',
  NETWORK: 'Cannot reach Gate',
  TIMEOUT: 'Gate did not answer in time',
  INVALID_CURRENCY: 'Gate does not accept that currency',
  KEYCHAIN_UNAVAILABLE: 'The keychain is unavailable',
  KEYCHAIN_LOCKED: 'The keychain is locked',
  KEYCHAIN_DENIED: 'Access to the keychain was denied',
  KEYCHAIN_ERROR: 'The keychain failed',
  CANCELLED: 'Cancelled',
  INTERNAL: 'Something went wrong',
};

/** A short human title for an error. */
export function errorTitle(error: AppError): string {
  return TITLES[error.code] ?? error.code;
}

/**
 * When a manual retry of a rate-limited request can reach Gate (epoch ms), or null when
 * nothing holds it back. Main refuses a manual refresh only for Gate's own wait
 * (`retryAfterMs`, counted from when the error arrived); the scheduler's next automatic
 * refresh (`nextRefreshAt`) may be later still, because of backoff, and is not a limit on
 * the user. `errorSince` is when the popover first saw this error, which is at or a little
 * after main got it, so the wait read here is never shorter than main's. Main's schedule
 * already honours the wait, so it also never lasts past `nextRefreshAt`.
 */
export function retryAllowedAt(error: AppError, errorSince: number | null, nextRefreshAt: number | null): number | null {
  if (actionFor(error.code) !== 'wait' || error.retryAfterMs === undefined || error.retryAfterMs <= 0) return null;
  if (errorSince === null) return nextRefreshAt;
  const end = errorSince + error.retryAfterMs;
  return nextRefreshAt === null ? end : Math.min(end, nextRefreshAt);
}

/** Whole seconds from `now` until `at`, rounded up and never below zero. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** "42 s" below two minutes, else "3 min" (rounded up): a countdown that does not jump around. */
export function formatCountdown(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
