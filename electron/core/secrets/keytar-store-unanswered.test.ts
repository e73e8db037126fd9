// A keytar call that never answers (an unlock prompt left on screen) must not be followed by
// another: each waiting call holds a libuv thread and may be a prompt of its own (issue 22 §5).
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../testing/virtual-clock.js';
import { KeytarSecretStore, type KeytarApi } from './keytar-store.js';

const ENTRY = JSON.stringify({ v: 1, key: 'k'.repeat(32), secret: 's'.repeat(64) });

function hangingKeytar() {
  const pending: (() => void)[] = [];
  let calls = 0;
  const api: KeytarApi = {
    getPassword: () => {
      calls += 1;
      return new Promise((resolve) => pending.push(() => resolve(ENTRY)));
    },
    setPassword: () => Promise.resolve(),
    deletePassword: () => Promise.resolve(true),
  };
  return { api, pending, calls: () => calls };
}

describe('KeytarSecretStore: one keytar call at a time, even past a timeout', () => {
  it('after a call times out, no further keytar call starts until it answers; then calls run again', async () => {
    const clock = new VirtualClock(0);
    const keytar = hangingKeytar();
    const store = new KeytarSecretStore({ clock, timeoutMs: 1_000, platform: 'linux', loadKeytar: () => Promise.resolve(keytar.api) });
    const first = store.get();
    await clock.advance(1_000);
    expect(await first).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', params: { reason: 'timeout' } } });
    expect(keytar.calls()).toBe(1);
    // The prompt is still up: later calls answer at once, without a second keytar call.
    for (let i = 0; i < 5; i += 1) expect(await store.get()).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect((await store.set({ key: 'k'.repeat(32), secret: 's'.repeat(64) })).ok).toBe(false);
    expect(keytar.calls()).toBe(1);
    // The user answered the first prompt: the store works again.
    keytar.pending.shift()?.();
    await clock.flush();
    const again = store.get();
    await clock.flush();
    keytar.pending.shift()?.();
    expect(await again).toMatchObject({ ok: true, value: { key: 'k'.repeat(32) } });
    expect(keytar.calls()).toBe(2);
  });
});
