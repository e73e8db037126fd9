/**
 * Gate's facts about a key → the KeyHealth every surface shows: pure, so the CLI, the app and
 * the tests judge a key the same way.
 */
import type { KeyHealth, KeyState, KeyWarning } from '../../../shared/key-health.js';
import { EXPIRES_SOON_DAYS, KEY_LIFETIME_DAYS, daysUntilExpiry } from '../../../shared/key-health.js';
import type { AccountDetailInfo, KeyInfo } from '../gate/key-schema.js';

const DAY_MS = 86_400_000;

// Gate's `state` codes (AccountKeyInfo: "1 - Normal, 2 - Locked, 3 - Frozen").
const STATES: Readonly<Record<number, KeyState>> = { 1: 'normal', 2: 'locked', 3: 'frozen' };

/**
 * The health of a key from main_keys' info (and /account/detail's whitelist when main_keys
 * listed none), judged at `now` (epoch ms). The expiry is estimated only for a key known to
 * have no IP whitelist: the later of its creation and last edit plus KEY_LIFETIME_DAYS.
 */
export function keyHealthFrom(info: KeyInfo, detail: AccountDetailInfo | null, now: number): KeyHealth {
  const writePermissions = info.perms === null ? [] : [...new Set(info.perms.filter((p) => !p.readOnly).map((p) => p.name))].sort();
  const readOnly = info.perms === null ? null : writePermissions.length === 0;
  const whitelist = info.ipWhitelist ?? detail?.ipWhitelist ?? null;
  const ipBound = whitelist === null ? null : whitelist.some((ip) => ip.trim() !== '');
  const times = [info.createdAt, info.updatedAt].filter((t): t is number => t !== null);
  const expiresAt = ipBound === false && times.length > 0 ? Math.max(...times) + KEY_LIFETIME_DAYS * DAY_MS : null;
  const state = info.state === null ? null : (STATES[info.state] ?? null);
  const warnings: KeyWarning[] = [];
  if (writePermissions.length > 0) warnings.push('WRITE_PERMISSIONS');
  if (expiresAt !== null && daysUntilExpiry(expiresAt, now) <= EXPIRES_SOON_DAYS) warnings.push('EXPIRES_SOON');
  if (ipBound === false) warnings.push('NO_IP_WHITELIST');
  if (state === 'locked' || state === 'frozen') warnings.push('KEY_LOCKED');
  return { checkedAt: now, readOnly, writePermissions, ipBound, expiresAt, state, warnings };
}

/** A key Gate would not describe because it lacks the Account read permission: every fact unknown, and said so. */
export function accountPermissionMissing(now: number): KeyHealth {
  return {
    checkedAt: now,
    readOnly: null,
    writePermissions: [],
    ipBound: null,
    expiresAt: null,
    state: null,
    warnings: ['ACCOUNT_PERMISSION_MISSING'],
  };
}

/** Whether main_keys' info lacks the whitelist, so /account/detail is worth asking. */
export function needsAccountDetail(info: KeyInfo): boolean {
  return info.ipWhitelist === null;
}
