/**
 * What Gate says of the API key itself (`GET /account/main_keys`), read after a key is saved, on
 * each start and once a day, never on the refresh path. Every fact is null where Gate did not
 * say it (a key without the Account read permission), and an expiry is always an estimate.
 */
import type { AppError } from './errors.js';

/** Gate's `state` of a key: 1 normal, 2 locked, 3 frozen. */
export type KeyState = 'normal' | 'locked' | 'frozen';

/** The facts that matter before they hurt, as codes each surface words (also `status --json`'s `key.warnings`). */
export type KeyWarning = 'WRITE_PERMISSIONS' | 'EXPIRES_SOON' | 'NO_IP_WHITELIST' | 'KEY_LOCKED' | 'ACCOUNT_PERMISSION_MISSING';

export interface KeyHealth {
  /** Epoch ms of the check these facts come from. */
  readonly checkedAt: number;
  readonly readOnly: boolean | null;
  /** Gate's names of the permissions that can write (`spot`, `wallet`, …), sorted. */
  readonly writePermissions: readonly string[];
  readonly ipBound: boolean | null;
  /** Epoch ms, estimated: when a key without an IP whitelist stops working; null when bound or unknown. */
  readonly expiresAt: number | null;
  readonly state: KeyState | null;
  readonly warnings: readonly KeyWarning[];
}

/** The key-health part of the widget's state: the last facts, whether a check runs, and why the last one failed. */
export interface KeyHealthState {
  readonly health: KeyHealth | null;
  readonly checking: boolean;
  readonly error: AppError | null;
}

/**
 * Days an APIv4 key without an IP whitelist stays valid. Source: Gate's help "How to utilize API"
 * (gate.io/help/guide/faq/17521/how-to-utilize-api, "Create an APIv4 key": "If you opt for not
 * binding, the API Key will allow access from any address and is valid for 90 days"). Gate documents no expiry field and does not say whether the days
 * count from creation or from the last edit: we count from the later of `created_at` and
 * `updated_at`, so every date shown is "about".
 */
export const KEY_LIFETIME_DAYS = 90;

/** EXPIRES_SOON within this many days of the estimated expiry (and the first notification). */
export const EXPIRES_SOON_DAYS = 14;

/** The days before the estimated expiry at which a notification goes out, once each. */
export const EXPIRY_NOTICE_DAYS = [14, 7, 1] as const;

/** The popover's quiet line and the tray's tooltip mention the expiry within this many days. */
export const EXPIRY_QUIET_DAYS = 7;

const DAY_MS = 86_400_000;

/** Whole days from `now` until the estimated expiry, rounded up (0 on the day, negative past it). */
export function daysUntilExpiry(expiresAt: number, now: number): number {
  return Math.ceil((expiresAt - now) / DAY_MS);
}

/** About how many whole days old a key expiring at `expiresAt` is at `now` (its basis plus KEY_LIFETIME_DAYS). */
function keyAgeDays(expiresAt: number, now: number): number {
  return Math.floor((now - (expiresAt - KEY_LIFETIME_DAYS * DAY_MS)) / DAY_MS);
}

/** The estimated expiry when it is within `days` (the popover line, the tooltip); null otherwise. */
export function expiryWithin(health: KeyHealth | null, now: number, days: number): number | null {
  if (health?.expiresAt == null) return null;
  return daysUntilExpiry(health.expiresAt, now) <= days ? health.expiresAt : null;
}

/**
 * Gate's rejection of a key, with the likely cause named when the key was near or past its
 * estimated 90 days without an IP whitelist: the hint then says how old it was ("about 91 days").
 */
export function explainRejection(error: AppError | null, health: KeyHealth | null, now: number): AppError | null {
  if (error?.code !== 'INVALID_KEY' || health?.expiresAt == null || now < health.expiresAt - DAY_MS) return error;
  return { ...error, params: { ...error.params, reason: 'likely-expired', days: keyAgeDays(health.expiresAt, now) } };
}
