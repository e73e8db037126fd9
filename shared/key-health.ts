/**
 * What Gate says of the API key itself (`GET /account/main_keys`), read after a key is saved, on
 * each start and once a day, never on the refresh path. Every fact is null where Gate did not
 * say it (a key without the Account read permission), and an expiry is always an estimate.
 */
import type { AppError } from './errors.js';

/** Gate's `state` of a key: 1 normal, 2 locked, 3 frozen. */
type KeyState = 'normal' | 'locked' | 'frozen';

/** The facts that matter before they hurt, as codes each surface words (also `status --json`'s `key.warnings`). */
type KeyWarning = 'WRITE_PERMISSIONS' | 'EXPIRES_SOON' | 'NO_IP_WHITELIST' | 'KEY_LOCKED' | 'ACCOUNT_PERMISSION_MISSING';

interface KeyHealth {
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
