/**
 * What the popover offers for each named error: fix the key, wait out a rate limit, or
 * retry. Branches on the stable code, never on the message text.
 */
import type { ErrorCode } from '../../../shared/errors.js';
import { isKeyError } from '../../../shared/errors.js';

/** The one action an error view offers. */
export type ErrorAction = 'fix-key' | 'wait' | 'retry';

/** The action for an error code. */
export function actionFor(code: ErrorCode): ErrorAction {
  if (isKeyError(code)) return 'fix-key';
  if (code === 'RATE_LIMITED') return 'wait';
  return 'retry';
}

/** Whole seconds from `now` until `at`, rounded up and never below zero. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
