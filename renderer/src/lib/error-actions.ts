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
  OVERDUE: 'Not refreshed lately',
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

/** Whole seconds from `now` until `at`, rounded up and never below zero. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** "42 s" below two minutes, else "3 min" (rounded up): a countdown that does not jump around. */
export function formatCountdown(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
