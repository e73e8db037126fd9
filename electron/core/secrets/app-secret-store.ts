/**
 * Which SecretStore the desktop app uses. Always the OS keychain, except in an unpackaged build
 * started by the Electron e2e tier with `GLANCE_E2E_KEYCHAIN=memory`: its demo test must not
 * depend on a keyring (a CI runner may have none; on macOS keytar's items trust only the app that
 * made them). `devEnv` is `{}` in a packaged app, so no variable can swap the keychain there.
 */
import { InMemorySecretStore } from './in-memory-store.js';
import { KeytarSecretStore } from './keytar-store.js';
import { DEFAULT_PROFILE, profileAccount } from './profiles.js';
import type { SecretStore } from './secret-store.js';

/** The test hooks an unpackaged build honours. */
export interface SecretStoreEnv {
  /** `memory`: a store that lives and dies with the process. */
  readonly GLANCE_E2E_KEYCHAIN?: string | undefined;
  /** Another keychain service name, so tests never touch the app's own entry. */
  readonly GLANCE_KEYCHAIN_SERVICE?: string | undefined;
}

export function appSecretStore(devEnv: SecretStoreEnv): SecretStore {
  if (devEnv.GLANCE_E2E_KEYCHAIN === 'memory') return new InMemorySecretStore(null);
  return new KeytarSecretStore(devEnv.GLANCE_KEYCHAIN_SERVICE ? { service: devEnv.GLANCE_KEYCHAIN_SERVICE } : {});
}

/** The store of another profile's pair (its own keychain entry, `api-key:NAME`); `default` is appSecretStore's. */
export function appSecretStoreFor(devEnv: SecretStoreEnv, profile: string): SecretStore {
  if (profile === DEFAULT_PROFILE) return appSecretStore(devEnv);
  if (devEnv.GLANCE_E2E_KEYCHAIN === 'memory') return new InMemorySecretStore(null);
  return new KeytarSecretStore({
    ...(devEnv.GLANCE_KEYCHAIN_SERVICE ? { service: devEnv.GLANCE_KEYCHAIN_SERVICE } : {}),
    account: profileAccount(profile),
  });
}
