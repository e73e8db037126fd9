/**
 * The pure timing rules of the balance schedule: backoff, the one-minute floor, when live data
 * turns stale, and the errors the scheduler itself names. BalanceService applies them.
 */
import { appError, type AppError } from '../../../shared/errors.js';
import { MIN_REFRESH_INTERVAL_SEC } from '../../../shared/prefs.js';

/** Longest wait between attempts after repeated failures. */
export const MAX_BACKOFF_MS = 15 * 60_000;
/** Backoff delays are shortened by up to this fraction at random, so many clients do not retry in step. */
const BACKOFF_JITTER = 0.2;
/**
 * Live data turns stale when no refresh has succeeded for one interval past the next due
 * refresh, plus this much for a slow request. With the default 60 s: fetchedAt + 150 s.
 */
export const STALE_SLACK_MS = 30_000;

/**
 * The wait before retry number `failures` (1 = after the first failure): the refresh interval,
 * doubled per further failure, capped at MAX_BACKOFF_MS, minus up to 20 % jitter, and never
 * shorter than the interval (a retry sooner than Gate's one-minute cache buys nothing).
 * With a 60 s interval and no jitter: 60, 120, 240, 480, 900, 900… seconds.
 */
export function backoffDelayMs(failures: number, intervalMs: number, random: number): number {
  const n = Math.max(1, Math.floor(failures));
  const raw = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.max(intervalMs, Math.round(raw * (1 - BACKOFF_JITTER * r)));
}

/** An interval in ms with the one-minute floor enforced even if preferences were written by hand. */
export function intervalMsOf(sec: number): number {
  const s = Number.isFinite(sec) ? sec : MIN_REFRESH_INTERVAL_SEC;
  return Math.max(MIN_REFRESH_INTERVAL_SEC, Math.floor(s)) * 1000;
}

/** Why live-looking data is shown as stale when no refresh has landed for too long (nothing failed). */
export function overdueError(ageMs: number): AppError {
  return appError('OVERDUE', { seconds: Math.max(0, Math.floor(ageMs / 1000)) });
}

export const INTERNAL_SOURCE_ERROR: AppError = appError('INTERNAL', { reason: 'source' });

export const WRONG_CURRENCY_ERROR: AppError = appError('BAD_RESPONSE', { reason: 'mixed-up' });
