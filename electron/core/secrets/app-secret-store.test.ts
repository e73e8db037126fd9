import { describe, expect, it } from 'vitest';
import { appSecretStore, appSecretStoreFor } from './app-secret-store.js';
import { InMemorySecretStore } from './in-memory-store.js';
import { KeytarSecretStore } from './keytar-store.js';

describe('appSecretStore', () => {
  it('is the OS keychain unless the e2e tier asks for memory', () => {
    expect(appSecretStore({})).toBeInstanceOf(KeytarSecretStore);
    expect(appSecretStore({ GLANCE_E2E_KEYCHAIN: 'yes', GLANCE_KEYCHAIN_SERVICE: 'x' })).toBeInstanceOf(KeytarSecretStore);
  });

  it('keeps a memory store to itself: what one app saves, a second store does not see', async () => {
    const store = appSecretStore({ GLANCE_E2E_KEYCHAIN: 'memory' });
    expect(store).toBeInstanceOf(InMemorySecretStore);
    const pair = { key: 'a'.repeat(32), secret: 'b'.repeat(64) };
    expect(await store.set(pair)).toEqual({ ok: true, value: null });
    expect(await store.get()).toEqual({ ok: true, value: pair });
    expect(await appSecretStore({ GLANCE_E2E_KEYCHAIN: 'memory' }).get()).toEqual({ ok: true, value: null });
  });
});

describe('appSecretStoreFor', () => {
  it('gives each profile its own entry: the keychain (default the first key’s), or a memory store of its own', async () => {
    expect(appSecretStoreFor({}, 'default')).toBeInstanceOf(KeytarSecretStore);
    expect(appSecretStoreFor({}, 'family')).toBeInstanceOf(KeytarSecretStore);
    const memory = { GLANCE_E2E_KEYCHAIN: 'memory' };
    const family = appSecretStoreFor(memory, 'family');
    expect(family).toBeInstanceOf(InMemorySecretStore);
    const pair = { key: 'c'.repeat(32), secret: 'd'.repeat(64) };
    expect(await family.set(pair)).toEqual({ ok: true, value: null });
    expect(await appSecretStoreFor(memory, 'default').get()).toEqual({ ok: true, value: null });
    expect(await appSecretStoreFor(memory, 'work').get()).toEqual({ ok: true, value: null });
  });
});
