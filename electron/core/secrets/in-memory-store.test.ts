import { describe, expect, it } from 'vitest';
import { appError, type AppError } from '../../../shared/errors.js';
import { InMemorySecretStore } from './in-memory-store.js';

const PAIR = { key: 'k'.repeat(32), secret: 's'.repeat(64) };
const UNAVAILABLE: AppError = appError('KEYCHAIN_UNAVAILABLE', { platform: 'linux', reason: 'no-provider' }, 'no keychain');

describe('InMemorySecretStore (same semantics as the keytar store)', () => {
  it('stores the same versioned JSON entry, reads, overwrites and clears it', async () => {
    const store = new InMemorySecretStore();
    expect(await store.get()).toEqual({ ok: true, value: null });
    expect(await store.set(PAIR)).toEqual({ ok: true, value: null });
    expect(store.rawEntry()).toBe(JSON.stringify({ v: 1, ...PAIR }));
    expect(await store.get()).toEqual({ ok: true, value: PAIR });
    expect(await store.clear()).toEqual({ ok: true, value: null });
    expect(await store.clear()).toEqual({ ok: true, value: null });
    expect(store.calls).toEqual(['get', 'set', 'get', 'clear', 'clear']);
  });

  it('applies the 2560-byte entry limit and rejects foreign entries like the real store', async () => {
    const store = new InMemorySecretStore();
    expect(await store.set({ key: PAIR.key, secret: 'x'.repeat(3000) })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_ERROR' } });
    expect(store.rawEntry()).toBeNull();
    store.setRawEntry('plain text');
    expect(await store.get()).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_ERROR' } });
  });

  it('simulates failures per operation until cleared; an unhealthy store cannot say "nothing stored"', async () => {
    const store = new InMemorySecretStore();
    store.failWith('set', UNAVAILABLE);
    expect(await store.set(PAIR)).toEqual({ ok: false, error: UNAVAILABLE });
    store.failWith('set', null);
    store.failWith('health', UNAVAILABLE);
    expect(await store.get()).toEqual({ ok: false, error: UNAVAILABLE });
    expect(await store.clear()).toEqual({ ok: false, error: UNAVAILABLE });
    expect(await store.health()).toEqual({ ok: false, error: UNAVAILABLE });
    store.failWith('health', null);
    expect(await store.set(PAIR)).toEqual({ ok: true, value: null });
  });
});
