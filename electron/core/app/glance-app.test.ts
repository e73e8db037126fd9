import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors.js';
import { ok } from '../../../shared/errors.js';
import { INVOKE_CHANNELS } from '../../../shared/ipc.js';
import type { InvokeChannel, WidgetState } from '../../../shared/ipc.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { APP_ENTRY_URL, APP_ORIGIN } from '../ipc/sender.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import type { GlanceShell } from './glance-app.js';
import { GATE_KEY_PAGE_URL, GlanceApp } from './glance-app.js';

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const WRONG_SECRET = '0'.repeat(64);
const sender = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

function setup(options: { stored?: boolean; shell?: Partial<GlanceShell>; store?: InMemorySecretStore } = {}) {
  const clock = new VirtualClock(Date.now());
  const simulator = createGateSimulator({ keys: [{ key: KEY, secret: SECRET }], clock });
  const store = options.store ?? new InMemorySecretStore(options.stored ? { key: KEY, secret: SECRET } : null);
  const fs = new MemoryFileSystem();
  const exports = new Map<string, string>();
  const chooseCsvPath = vi.fn(async (_name: string): Promise<string | null> => '/home/u/export.csv');
  const shell = {
    openExternal: vi.fn(async (_url: string) => {}),
    hideWindow: vi.fn(),
    chooseCsvPath,
    setLaunchAtLogin: vi.fn(async (_on: boolean): Promise<Result<null>> => ok(null)),
    showWindow: vi.fn(),
    quit: vi.fn(),
    ...options.shell,
  };
  const log = vi.fn();
  const app = new GlanceApp({
    secretStore: store,
    transportForAccount: createInProcessTransport(simulator),
    baseUrl: 'https://sim.invalid/api/v4',
    clock,
    dataDir: '/data',
    fs,
    writeExport: async (path, text) => {
      exports.set(path, text);
    },
    shell,
    random: () => 0,
    log,
  });
  apps.push(app);
  const pushes: WidgetState[] = [];
  app.subscribe((s) => pushes.push(s));
  const router = app.createRouter({ trustedIds: new Set([1]), appOrigin: APP_ORIGIN }, () => {});
  const call = (channel: InvokeChannel, ...args: unknown[]) => router.dispatch(channel, args, sender);
  const settle = async () => {
    const svc = await app.start();
    await clock.flush();
    await svc.whenIdle();
    await clock.flush();
    return svc.getState();
  };
  return { app, clock, simulator, store, fs, shell, chooseCsvPath, log, pushes, call, settle, exports };
}

describe('GlanceApp', () => {
  it('starts on the demo portfolio when no key is stored', async () => {
    const { app, settle, simulator } = setup();
    await app.start();
    const state = await settle();
    expect(state.demo).toBe(true);
    expect(state.status).toBe('live');
    expect(state.balance?.accounts.length).toBeGreaterThan(0);
    expect(state.credentials).toEqual({ stored: false, keyHint: null, keychainError: null });
    expect(simulator.log).toHaveLength(0);
  });

  it('starts on the real account when a key is stored, and records history', async () => {
    const { settle, simulator, call } = setup({ stored: true });
    const state = await settle();
    expect(state.demo).toBe(false);
    expect(state.status).toBe('live');
    expect(state.credentials.stored).toBe(true);
    expect(state.credentials.keyHint).toMatch(/cdef$/);
    expect(simulator.log.filter((e) => e.path.endsWith('/wallet/total_balance'))).toHaveLength(1);
    const history = await call('history:get', state.currency);
    expect(history.ok && (history.value as unknown[]).length).toBe(1);
  });

  it('saving a verified key switches from the demo to the account, and never replies or pushes the secret', async () => {
    const { settle, call, pushes, store } = setup();
    await settle();
    const saved = await call('credentials:save', { key: KEY, secret: SECRET, verify: true });
    expect(saved).toMatchObject({ ok: true, value: { verified: true, status: { stored: true } } });
    const state = await settle();
    expect(state.demo).toBe(false);
    expect(state.status).toBe('live');
    expect((await store.get()).ok).toBe(true);
    const everything = JSON.stringify([saved, pushes, await call('state:get')]);
    expect(everything).not.toContain(SECRET);
  });

  it('a key that fails verification is not stored and the demo keeps running', async () => {
    const { settle, call, store } = setup();
    await settle();
    const saved = await call('credentials:save', { key: KEY, secret: WRONG_SECRET, verify: true });
    expect(saved).toMatchObject({ ok: false, error: { code: 'INVALID_SIGNATURE' } });
    expect(JSON.stringify(saved)).not.toContain(WRONG_SECRET);
    expect(await store.get()).toEqual({ ok: true, value: null });
    expect((await settle()).demo).toBe(true);
  });

  it('removing the key goes to onboarding (not the demo) and forgets the history; the demo can then be started', async () => {
    const { settle, call, fs } = setup({ stored: true });
    await settle();
    expect([...fs.files.keys()].some((p) => p.endsWith('history.jsonl'))).toBe(true);
    const cleared = await call('credentials:clear');
    expect(cleared).toEqual({ ok: true, value: { stored: false, keyHint: null, keychainError: null } });
    let state = await settle();
    expect(state.status).toBe('onboarding');
    expect(state.demo).toBe(false);
    expect(state.balance).toBeNull();
    expect([...fs.files.keys()].some((p) => p.endsWith('history.jsonl'))).toBe(false);
    expect(await call('demo:start')).toEqual({ ok: true, value: null });
    state = await settle();
    expect(state.demo).toBe(true);
    expect(state.status).toBe('live');
  });

  it('fails closed when the keychain cannot be read: no demo, the keychain error is shown', async () => {
    const store = new InMemorySecretStore(null);
    store.failWith('get', { code: 'KEYCHAIN_LOCKED', message: 'The keychain is locked.', hint: 'Unlock it.' });
    const { settle } = setup({ store });
    const state = await settle();
    expect(state.demo).toBe(false);
    expect(state.credentials.keychainError?.code).toBe('KEYCHAIN_LOCKED');
    expect(state.error?.code).toBe('KEYCHAIN_LOCKED');
    expect(state.balance).toBeNull();
  });

  it('currency and prefs changes go through the service and persist', async () => {
    const { settle, call, fs } = setup();
    await settle();
    expect(await call('currency:set', 'BTC')).toEqual({ ok: true, value: null });
    expect((await settle()).currency).toBe('BTC');
    const prefs = await call('prefs:set', { privacy: true, refreshIntervalSec: 120 });
    expect(prefs).toMatchObject({ ok: true, value: { privacy: true, refreshIntervalSec: 120, currency: 'BTC' } });
    const file = [...fs.files.entries()].find(([p]) => p.endsWith('prefs.json'))?.[1] ?? '';
    expect(JSON.parse(file)).toMatchObject({ currency: 'BTC', privacy: true, refreshIntervalSec: 120 });
  });

  it('launch at login asks the shell first and keeps the pref unchanged when the shell refuses', async () => {
    const refuse = vi.fn(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'Not supported here.', hint: 'h' } }) as Result<null>);
    const { settle, call } = setup({ shell: { setLaunchAtLogin: refuse } });
    await settle();
    expect(await call('prefs:set', { launchAtLogin: true })).toMatchObject({ ok: false, error: { message: 'Not supported here.' } });
    expect(refuse).toHaveBeenCalledWith(true);
    expect((await settle()).prefs.launchAtLogin).toBe(false);
  });

  it('exports the history as CSV where the user chose, or reports a cancel', async () => {
    const { settle, call, chooseCsvPath, exports } = setup({ stored: true });
    const state = await settle();
    const saved = await call('history:export-csv');
    expect(saved).toEqual({ ok: true, value: { saved: true, path: '/home/u/export.csv' } });
    expect(chooseCsvPath.mock.calls[0]?.[0]).toMatch(/^gate-glance-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = exports.get('/home/u/export.csv') ?? '';
    expect(csv.split('\n')[0]).toBe('timestamp,currency,total');
    expect(csv).toContain(`,${state.currency},${state.balance?.total.amount}`);
    chooseCsvPath.mockResolvedValueOnce(null);
    expect(await call('history:export-csv')).toEqual({ ok: true, value: { saved: false, path: null } });
  });

  it('hides the window and opens only Gate’s key page through the shell', async () => {
    const { call, shell } = setup();
    expect(await call('window:hide')).toEqual({ ok: true, value: null });
    expect(shell.hideWindow).toHaveBeenCalledOnce();
    expect(await call('external:open-key-page')).toEqual({ ok: true, value: null });
    expect(shell.openExternal).toHaveBeenCalledWith(GATE_KEY_PAGE_URL);
    expect(GATE_KEY_PAGE_URL.startsWith('https://')).toBe(true);
  });

  it('answers every channel of the contract through the router', async () => {
    const { settle, call } = setup();
    await settle();
    const args: Partial<Record<InvokeChannel, unknown[]>> = {
      'currency:set': ['USD'],
      'credentials:save': [{ key: KEY, secret: SECRET, verify: false }],
      'prefs:set': [{ smallSliceThresholdPercent: 5 }],
      'history:get': ['USD'],
    };
    for (const channel of INVOKE_CHANNELS) {
      const reply = await call(channel, ...(args[channel] ?? []));
      expect(reply.ok, `${channel}: ${JSON.stringify(reply)}`).toBe(true);
    }
  });

  it('runs tray commands', async () => {
    const { app, settle, shell } = setup();
    await settle();
    await app.runTrayCommand({ type: 'set-currency', currency: 'CNY' });
    await app.runTrayCommand({ type: 'set-privacy', privacy: true });
    await app.runTrayCommand({ type: 'set-launch-at-login', launchAtLogin: true });
    await app.runTrayCommand({ type: 'open' });
    await app.runTrayCommand({ type: 'quit' });
    const state = await settle();
    expect(state.currency).toBe('CNY');
    expect(state.prefs.privacy).toBe(true);
    expect(state.prefs.launchAtLogin).toBe(true);
    expect(shell.setLaunchAtLogin).toHaveBeenCalledWith(true);
    expect(shell.showWindow).toHaveBeenCalledOnce();
    expect(shell.quit).toHaveBeenCalledOnce();
  });

  it('a failing tray command is logged, never an unhandled rejection', async () => {
    const { app, settle, log } = setup({
      shell: {
        setLaunchAtLogin: async () => {
          throw new Error('boom');
        },
      },
    });
    await settle();
    await expect(app.runTrayCommand({ type: 'set-launch-at-login', launchAtLogin: true })).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith('tray command set-launch-at-login failed (Error)');
  });

  it('suspend pauses the schedule, resume restarts it, and dispose leaves no timer', async () => {
    const { app, clock, settle } = setup();
    await settle();
    expect(clock.pendingTimers).toBeGreaterThan(0);
    app.pause();
    expect((await settle()).nextRefreshAt).toBeNull();
    app.resume();
    await settle();
    app.dispose();
    await clock.flush();
    expect(clock.pendingTimers).toBe(0);
  });
});
