/**
 * The BUILT main on the fake Electron (as main-smoke.test.ts) with no keyring at all (no D-Bus
 * session): by default the app fails closed, naming the keychain; with the e2e tier's in-memory
 * store (GLANCE_E2E_KEYCHAIN=memory, honoured only unpackaged) it greets with the demo and stores
 * and removes a key through credentials:save / credentials:clear, which is how the Electron e2e
 * tier runs without a keyring and, on macOS, without keychain items another program created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltApp } from './testing/built-app.js';
import { removeRunDirs, runBuiltMain } from './testing/run-built-main.js';

interface Report {
  ipc: { state: { ok: boolean; status?: string; demo?: boolean; keychain?: string | null } };
  greeting: { visible: boolean };
  savedKey?: {
    saved: { stored: boolean; keyHint: string | null };
    afterSave: { stored: boolean; demo: boolean };
    cleared: boolean;
    afterClear: { stored: boolean; status: string };
  };
}

// No session bus: keytar (libsecret) cannot reach any Secret Service.
const NO_KEYRING = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', XDG_SESSION_TYPE: 'x11' };
const KEY = '0123456789abcdef0123456789abcd42';

let keytar: Report;
let memory: Report;

beforeAll(() => {
  ensureBuiltApp();
  keytar = runBuiltMain<Report>({ env: NO_KEYRING }).report;
  memory = runBuiltMain<Report>({ env: { ...NO_KEYRING, GLANCE_E2E_KEYCHAIN: 'memory', FAKE_SAVE_KEY: KEY } }).report;
}, 240_000);

afterAll(() => removeRunDirs());

describe('built main without a keyring', () => {
  it('fails closed on the OS keychain: no demo, the keychain named', () => {
    expect(keytar.ipc.state).toMatchObject({ ok: true, demo: false });
    expect(keytar.ipc.state.keychain).toMatch(/^KEYCHAIN_/);
  });

  it('with the e2e tier’s memory store: the demo greets, and a key is stored and removed by the app itself', () => {
    expect(memory.ipc.state).toEqual({ ok: true, status: 'live', demo: true, keychain: null });
    expect(memory.greeting.visible).toBe(true);
    expect(memory.savedKey).toEqual({
      saved: { stored: true, keyHint: '…cd42' },
      afterSave: { stored: true, demo: false },
      cleared: false,
      afterClear: { stored: false, status: 'onboarding' },
    });
  });
});
