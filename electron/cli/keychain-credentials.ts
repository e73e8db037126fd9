/**
 * The keychain fallback of `balance`: the entry `gate-glance login` stores, read through the
 * same KeytarSecretStore the app uses. Imported lazily, so a call with GATE_API_KEY and
 * GATE_API_SECRET (or `--demo`) never loads keytar's native module.
 */
import type { CredentialsProvider } from '../core/gate/types.js';
import { profileAccount } from '../core/secrets/profiles.js';

/** Reads the stored key pair from the OS keychain; errors (locked, unavailable) pass through as values. */
export const keychainCredentials: CredentialsProvider = async () => {
  const { KeytarSecretStore } = await import('../core/secrets/keytar-store.js');
  return new KeytarSecretStore().get();
};

/** Reads a profile's pair (`login --profile NAME`), its own keychain entry. */
export function profileKeychainCredentials(profile: string): CredentialsProvider {
  return async () => {
    const { KeytarSecretStore } = await import('../core/secrets/keytar-store.js');
    return new KeytarSecretStore({ account: profileAccount(profile) }).get();
  };
}
