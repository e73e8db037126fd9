/**
 * Where the API key pair lives. The app uses the OS keychain (keytar); unit tests use the
 * in-memory store. Moving to Electron's safeStorage would be one new implementation of this.
 */
import type { Result } from '../../../shared/errors.js';
import type { Credentials } from '../gate/types.js';

/** The keychain entry's coordinates: one entry holds key and secret as JSON. */
export const KEYCHAIN_SERVICE = 'gate-glance';
/** The keychain entry's account name. */
export const KEYCHAIN_ACCOUNT = 'api-key';
/**
 * A throw-away entry the keychain store writes and deletes to prove the keychain is present
 * and unlocked (on Linux a locked keyring answers reads with "nothing there", not an error).
 */
export const KEYCHAIN_PROBE_ACCOUNT = 'health-probe';

/** A store for the one credential pair. Every method answers a Result; none throws. */
export interface SecretStore {
  /** The stored pair, or null when none is stored. */
  get(): Promise<Result<Credentials | null>>;
  set(credentials: Credentials): Promise<Result<null>>;
  clear(): Promise<Result<null>>;
  /** Whether the store can be used at all right now (keychain present and unlocked). */
  health(): Promise<Result<null>>;
}
