/**
 * Profiles: each Gate key pair the user adds lives in the OS keychain as its own entry of the
 * service `gate-glance`. The profile `default` is today's one entry (account `api-key`), so a
 * key stored by an earlier version is the default profile as it is; another profile NAME is the
 * account `api-key:NAME`.
 */
import { KEYCHAIN_ACCOUNT } from './secret-store.js';

/** The profile a key is stored under when none is named (today's one key): shared/portfolio.ts names it. */
import { DEFAULT_PROFILE } from '../../../shared/portfolio.js';
export { DEFAULT_PROFILE };

/** A profile's name: a letter or digit, then letters, digits, `_` or `-`, 32 characters at most. */
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** Whether `name` can name a profile (it becomes part of a keychain account name, so no spaces or separators). */
export function isProfileName(name: string): boolean {
  return PROFILE_NAME.test(name);
}

/** The keychain account that holds a profile's pair. */
export function profileAccount(profile: string): string {
  return profile === DEFAULT_PROFILE ? KEYCHAIN_ACCOUNT : `${KEYCHAIN_ACCOUNT}:${profile}`;
}
