import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Currency } from '../../../shared/balance.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { appError, fail, ok } from '../../../shared/errors.js';
import { INVOKE_CHANNELS } from '../../../shared/ipc.js';
import { keychainError } from '../secrets/keychain-errors.js';
import type { SystemLanguages } from '../../../shared/locale.js';
import type { InvokeChannel, WidgetState } from '../../../shared/ipc.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { glanceHandlers } from '../ipc/handlers.js';
import { createIpcRouter } from '../ipc/router.js';
import { APP_ENTRY_URL, APP_ORIGIN } from '../ipc/sender.js';
import { RECHECK_INTERVAL_MS } from '../secrets/credentials-service.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import type { GlanceShell } from './glance-app.js';
import { GATE_KEY_PAGE_URL, GlanceApp } from './glance-app.js';
import type { HistoryView } from '../../../shared/history.js';
import { historyFileName, parseHistoryLine } from '../balance/history-store.js';
import type { HistoryPoint } from '../../../shared/balance.js';
import { subtractDecimals } from '../../../shared/decimal.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const WRONG_SECRET = '0'.repeat(64);
const HISTORY_PATH = `/data/${historyFileName('https://sim.invalid/api/v4')}`;
const H = 3_600_000;
const MIN_MS = 60_000;
const sender = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function setup(
  options: {
    stored?: boolean;
    shell?: Partial<GlanceShell>;
    store?: SecretStore;
    systemLanguages?: SystemLanguages;
    start?: number;
    history?: readonly HistoryPoint[];
  } = {},
) {
  const clock = new VirtualClock(options.start ?? Date.now());
  const simulator = createGateSimulator({ keys: [{ key: KEY, secret: SECRET }], clock });
  const store = options.store ?? new InMemorySecretStore(options.stored ? { key: KEY, secret: SECRET } : null);
  const fs = new MemoryFileSystem();
  if (options.history) fs.files.set(HISTORY_PATH, options.history.map((p) => `${JSON.stringify(p)}\n`).join(''));
  const exports = new Map<string, string>();
  const chooseCsvPath = vi.fn(async (_name: string): Promise<string | null> => '/home/u/export.csv');
  const shell = {
    openExternal: vi.fn(async (_url: string) => {}),
    chooseCsvPath,
    setLaunchAtLogin: vi.fn(async (_on: boolean): Promise<Result<null>> => ok(null)),
    notify: vi.fn(),
    ...options.shell,
  };
  const log = vi.fn();
  const app = await GlanceApp.create({
    secretStore: store,
    transportForAccount: createInProcessTransport(simulator),
    baseUrl: 'https://sim.invalid/api/v4',
    clock,
    dataDir: '/data',
    fs,
    writeExport: async (path: string, text: string) => {
      exports.set(path, text);
    },
    shell,
    random: () => 0,
    log,
    ...(options.systemLanguages ? { systemLanguages: options.systemLanguages } : {}),
  });
  apps.push(app);
  const pushes: WidgetState[] = [];
  app.subscribe((s) => pushes.push(s));
  const popover = { hide: vi.fn() };
  const router = createIpcRouter(glanceHandlers(app, popover), {
    trust: { trustedIds: new Set([1]), appOrigin: APP_ORIGIN },
    log: () => {},
  });
  const call = (channel: InvokeChannel, ...args: unknown[]) => router.dispatch(channel, args, sender);
  const settle = async () => {
    await app.whenIdle();
    await clock.flush();
    return app.whenIdle();
  };
  return { app, clock, simulator, store, fs, shell, popover, chooseCsvPath, log, pushes, call, settle, exports };
}

describe('GlanceApp', () => {
  it("speaks the system's first language it has words for until Settings names one, and says so in the state", async () => {
    const { settle, call, app } = await setup({
      systemLanguages: { preferredLanguages: ['fr-FR', 'zh-Hant-HK', 'en-US'], appLocale: 'fr' },
    });
    expect((await settle()).locale.language).toBe('zh-TW');
    await call('prefs:set', { locale: 'en' });
    expect(app.getState().locale.language).toBe('en');
    await call('prefs:set', { locale: 'system' });
    expect(app.getState().locale.language).toBe('zh-TW');
  });

  it('speaks English when the shell reports no languages', async () => {
    const { settle } = await setup();
    expect((await settle()).locale).toEqual({ language: 'en', formatLocale: undefined });
  });

  it('history:get answers the range thinned to at most 500 points spanning all of it (never a cut tail), with high, low and last', async () => {
    const { call, fs, clock, settle } = await setup({ stored: true });
    await settle();
    const now = clock.now();
    const lines: string[] = [];
    for (let i = 0; i < 6000; i += 1)
      lines.push(
        `${JSON.stringify({ at: now - 30 * 86_400_000 + i * 400_000, currency: 'USDT', total: i === 3000 ? '99999999' : `${1000 + (i % 7)}` })}\n`,
      );
    fs.files.set(`/data/${historyFileName('https://sim.invalid/api/v4')}`, lines.join(''));
    const all = await call('history:get', { currency: 'USDT', range: 'all' });
    if (!all.ok) throw new Error('history:get failed');
    const view = all.value as HistoryView;
    expect(view.points.length).toBeLessThanOrEqual(500);
    expect(view.points[0]?.at).toBe(now - 30 * 86_400_000); // the oldest point is there
    expect(view.high?.total).toBe('99999999');
    expect(view.points.map((p) => p.total)).toContain('99999999');
    expect(view.total).toBe(6000);
    const day = await call('history:get', { currency: 'USDT', range: '24h' });
    expect(day.ok && (day.value as HistoryView).points.every((p) => p.at >= now - 86_400_000)).toBe(true);
  });

  it("change24h: the shown total against its currency's history, looked up before the new point is recorded", async () => {
    const start = Date.UTC(2026, 2, 10, 12);
    const history: HistoryPoint[] = [
      { at: start - 30 * H, currency: 'USDT', total: '900' },
      { at: start - 25 * H, currency: 'USDT', total: '1000' },
      { at: start - 23 * H, currency: 'USDT', total: '2000' },
      { at: start - 2 * H, currency: 'BTC', total: '0.5' },
    ];
    const { settle, fs, pushes } = await setup({ stored: true, start, history });
    const state = await settle();
    const total = state.balance!.total.amount;
    expect(state.change24h).toEqual({
      from: start - 25 * H,
      fromTotal: '1000',
      amount: subtractDecimals(total, '1000'),
      percent: expect.stringMatching(/^[+-]\d+\.\d\d$/),
      partial: false,
      direction: 1,
    });
    // The new point is in the file now, after the four that were there.
    const stored = fs.files.get(HISTORY_PATH)!.trim().split('\n').map(parseHistoryLine);
    expect(stored.at(-1)).toEqual({ at: state.balance!.fetchedAt, currency: 'USDT', total });
    // The state with the snapshot and without its change came first: never a change of another total.
    for (const s of pushes) if (s.change24h !== null) expect(s.balance?.fetchedAt).toBe(state.balance!.fetchedAt);
  });

  it('change24h: partial when the history is shorter than a day; null with no earlier point, in another currency, and in demo', async () => {
    const start = Date.UTC(2026, 2, 10, 12);
    const short = await setup({ stored: true, start, history: [{ at: start - 3 * H, currency: 'USDT', total: '5000' }] });
    expect((await short.settle()).change24h).toMatchObject({ from: start - 3 * H, fromTotal: '5000', partial: true });
    // BTC has no earlier point: the switch shows no change, never USDT's.
    await short.app.setCurrency('BTC');
    const btc = await short.settle();
    expect([btc.currency, btc.status, btc.change24h]).toEqual(['BTC', 'live', null]);
    // Back to the cached USDT snapshot: its change is known without a request.
    await short.app.setCurrency('USDT');
    expect(short.app.getState().change24h).toMatchObject({ from: start - 3 * H, partial: true });

    const none = await setup({ stored: true, start });
    expect((await none.settle()).change24h).toBeNull();

    const demo = await setup({ start, history: [{ at: start - 25 * H, currency: 'USDT', total: '1' }] });
    const demoState = await demo.settle();
    expect([demoState.demo, demoState.status, demoState.change24h]).toEqual([true, 'live', null]);
    expect(demo.fs.files.get(HISTORY_PATH)!.trim().split('\n')).toHaveLength(1); // demo writes none
  });

  it('change24h with a clock that jumps: points dated after the new one are ignored, and it comes back once time passes them', async () => {
    const start = Date.UTC(2026, 2, 10, 12);
    const { settle, clock, app } = await setup({ stored: true, start, history: [{ at: start - 25 * H, currency: 'USDT', total: '1000' }] });
    const first = await settle();
    expect(first.change24h).toMatchObject({ from: start - 25 * H, partial: false });
    // The wall clock jumps back two days: every point of the history is now in the future.
    clock.jump(-48 * H);
    await app.refresh();
    const back = await settle();
    expect(back.balance!.fetchedAt).toBe(start - 48 * H);
    expect(back.change24h).toBeNull();
    // Forward again, past the jump: the history counts again.
    clock.jump(50 * H);
    await app.refresh();
    const forward = await settle();
    expect(forward.balance!.fetchedAt).toBe(start + 2 * H);
    // The newest point at or before 24 h ago is the one of 25 h before the start, not the one the jump dated 48 h back.
    expect(forward.change24h).toMatchObject({ from: start - 25 * H, fromTotal: '1000', partial: false });
  });

  it("carries the shell's global-shortcut status in the state, and a shortcut preference through prefs:set", async () => {
    const { settle, app, call, pushes } = await setup();
    expect((await settle()).shortcut).toBe('none');
    app.shortcutChanged('failed');
    expect(app.getState().shortcut).toBe('failed');
    expect(pushes.at(-1)?.shortcut).toBe('failed');
    const set = await call('prefs:set', { globalShortcut: 'Alt+Shift+G' });
    expect(set.ok).toBe(true);
    expect(app.getState().prefs.globalShortcut).toBe('Alt+Shift+G');
    const bad = await call('prefs:set', { globalShortcut: 'G' });
    expect(bad.ok).toBe(false);
    expect(app.getState().prefs.globalShortcut).toBe('Alt+Shift+G');
  });

  it('starts on the demo portfolio when no key is stored', async () => {
    const { settle, simulator } = await setup();
    const state = await settle();
    expect(state.demo).toBe(true);
    expect(state.status).toBe('live');
    expect(state.balance?.accounts.length).toBeGreaterThan(0);
    expect(state.credentials).toEqual({ stored: false, keyHint: null, keychainError: null, checking: false });
    expect(simulator.log).toHaveLength(0);
  });

  it('starts on the real account when a key is stored, and records history', async () => {
    const { settle, simulator, call } = await setup({ stored: true });
    const state = await settle();
    expect(state.demo).toBe(false);
    expect(state.status).toBe('live');
    expect(state.credentials.stored).toBe(true);
    expect(state.credentials.keyHint).toMatch(/cdef$/);
    expect(simulator.log.filter((e) => e.path.endsWith('/wallet/total_balance'))).toHaveLength(1);
    const history = await call('history:get', { currency: state.currency, range: '24h' });
    expect(history.ok && (history.value as { points: unknown[] }).points.length).toBe(1);
  });

  it('saving a verified key switches from the demo to the account, and never replies or pushes the secret', async () => {
    const { settle, call, pushes, store } = await setup();
    await settle();
    const saved = await call('credentials:save', { key: KEY, secret: SECRET, verify: true });
    expect(saved).toMatchObject({ ok: true, value: { verified: true, status: { stored: true } } });
    const state = await settle();
    expect(state.demo).toBe(false);
    expect(state.status).toBe('live');
    expect((await store.get()).ok).toBe(true);
    const everything = JSON.stringify([saved, pushes, await call('state:get')]);
    expectNoSecret(everything, SECRET);
  });

  it('a key that fails verification is not stored and the demo keeps running', async () => {
    const { settle, call, store } = await setup();
    await settle();
    const saved = await call('credentials:save', { key: KEY, secret: WRONG_SECRET, verify: true });
    expect(saved).toMatchObject({ ok: false, error: { code: 'INVALID_SIGNATURE' } });
    expectNoSecret(JSON.stringify(saved), WRONG_SECRET);
    expect(await store.get()).toEqual({ ok: true, value: null });
    expect((await settle()).demo).toBe(true);
  });

  it('removing the key and keeping the history leaves the history file for the next key', async () => {
    const { settle, call, fs } = await setup({ stored: true });
    await settle();
    const historyFiles = (): string[] => [...fs.files.keys()].filter((p) => /\/history(-[0-9a-f]{16})?\.jsonl$/.test(p));
    const before = historyFiles();
    expect(before).toHaveLength(1);
    const cleared = await call('credentials:clear', { forgetHistory: false });
    expect(cleared.ok).toBe(true);
    expect((await settle()).status).toBe('onboarding');
    expect(historyFiles()).toEqual(before);
  });

  it('removing the key goes to onboarding (not the demo) and forgets the history when asked; the demo can then be started', async () => {
    const { settle, call, fs } = await setup({ stored: true });
    await settle();
    expect([...fs.files.keys()].some((p) => /\/history(-[0-9a-f]{16})?\.jsonl$/.test(p))).toBe(true);
    const cleared = await call('credentials:clear', { forgetHistory: true });
    expect(cleared).toEqual({ ok: true, value: { stored: false, keyHint: null, keychainError: null } });
    let state = await settle();
    expect(state.status).toBe('onboarding');
    expect(state.demo).toBe(false);
    expect(state.balance).toBeNull();
    expect([...fs.files.keys()].some((p) => /\/history(-[0-9a-f]{16})?\.jsonl$/.test(p))).toBe(false);
    expect(await call('demo:start')).toEqual({ ok: true, value: null });
    state = await settle();
    expect(state.demo).toBe(true);
    expect(state.status).toBe('live');
  });

  it('fails closed when the keychain cannot be read: no demo, the keychain error is shown', async () => {
    const store = new InMemorySecretStore(null);
    store.failWith('get', appError('KEYCHAIN_LOCKED', { platform: 'linux' }));
    const { settle } = await setup({ store });
    const state = await settle();
    expect(state.demo).toBe(false);
    expect(state.credentials.keychainError?.code).toBe('KEYCHAIN_LOCKED');
    expect(state.error?.code).toBe('KEYCHAIN_LOCKED');
    expect(state.balance).toBeNull();
  });

  it('without keytar: fails closed naming the missing module, and the demo still starts (keychain untouched by it)', async () => {
    const store = new InMemorySecretStore(null);
    const missing = keychainError('not-installed', "Cannot find module 'keytar'", 'linux');
    for (const op of ['get', 'set', 'clear', 'health'] as const) store.failWith(op, missing);
    const { settle, call } = await setup({ store });
    let state = await settle();
    expect(state).toMatchObject({
      status: 'error',
      demo: false,
      balance: null,
      error: { code: 'KEYCHAIN_UNAVAILABLE', params: { reason: 'not-installed' } },
    });
    const calls = store.calls.length;
    expect(await call('demo:start')).toEqual({ ok: true, value: null });
    state = await settle();
    expect(state).toMatchObject({ status: 'live', demo: true });
    expect(state.credentials.keychainError?.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(store.calls.slice(calls).filter((op) => op === 'set' || op === 'clear')).toEqual([]);
  });

  it('currency and prefs changes go through the service and persist', async () => {
    const { settle, call, fs } = await setup();
    await settle();
    expect(await call('currency:set', 'BTC')).toEqual({ ok: true, value: null });
    expect((await settle()).currency).toBe('BTC');
    const prefs = await call('prefs:set', { privacy: true, refreshIntervalSec: 120 });
    expect(prefs).toMatchObject({ ok: true, value: { privacy: true, refreshIntervalSec: 120, currency: 'BTC' } });
    const file = [...fs.files.entries()].find(([p]) => p.endsWith('prefs.json'))?.[1] ?? '';
    expect(JSON.parse(file)).toMatchObject({ currency: 'BTC', privacy: true, refreshIntervalSec: 120 });
  });

  it('launch at login asks the shell first and keeps the pref unchanged when the shell refuses', async () => {
    const refuse = vi.fn(async (): Promise<Result<null>> => fail('INTERNAL', { reason: 'launch-at-login' }));
    const { settle, call } = await setup({ shell: { setLaunchAtLogin: refuse } });
    await settle();
    expect(await call('prefs:set', { launchAtLogin: true })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', params: { reason: 'launch-at-login' } },
    });
    expect(refuse).toHaveBeenCalledWith(true);
    expect((await settle()).prefs.launchAtLogin).toBe(false);
  });

  it('exports the history as CSV where the user chose, or reports a cancel', async () => {
    const { settle, call, chooseCsvPath, exports } = await setup({ stored: true });
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

  it('hands window:hide to the popover and opens only Gate’s key page through the shell', async () => {
    const { call, shell, popover } = await setup();
    expect(await call('window:hide')).toEqual({ ok: true, value: null });
    // The window's own request goes to main's popover, never through the app.
    expect(popover.hide).toHaveBeenCalledOnce();
    expect(await call('external:open-key-page')).toEqual({ ok: true, value: null });
    expect(shell.openExternal).toHaveBeenCalledWith(GATE_KEY_PAGE_URL);
    expect(GATE_KEY_PAGE_URL.startsWith('https://')).toBe(true);
  });

  it('answers every channel of the contract through the router', async () => {
    const { settle, call } = await setup();
    await settle();
    const args: Partial<Record<InvokeChannel, unknown[]>> = {
      'currency:set': ['USD'],
      'credentials:save': [{ key: KEY, secret: SECRET, verify: false }],
      'prefs:set': [{ smallSliceThresholdPercent: 5 }],
      'credentials:clear': [{ forgetHistory: false }],
      'history:get': [{ currency: 'USD', range: '24h' }],
      'holdings:get': [{ account: 'margin', currency: 'USD' }],
      'accounts:add': [{ key: KEY, secret: SECRET, verify: false, alias: 'Family' }],
      'accounts:remove': ['family'],
      'accounts:set': [{ profile: 'family', includeSubAccounts: true }],
    };
    // With no update found (this build never updates), these two are named refusals, not failures;
    // so is opening Login Items anywhere but macOS (the only system with that list).
    const refused: readonly InvokeChannel[] = [
      'update:restart',
      'update:open-release',
      // `family` was added (stored, listed) then removed: changing it is a named refusal.
      'accounts:set',
      ...(process.platform === 'darwin' ? [] : (['login-item:open-settings'] as const)),
    ];
    for (const channel of INVOKE_CHANNELS) {
      const reply = await call(channel, ...(args[channel] ?? []));
      if (refused.includes(channel)) expect(reply, channel).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      else expect(reply.ok, `${channel}: ${JSON.stringify(reply)}`).toBe(true);
    }
  });

  it('runs tray commands', async () => {
    const { app, settle, shell } = await setup();
    await settle();
    await app.runTrayCommand({ type: 'set-currency', currency: 'CNY' });
    await app.runTrayCommand({ type: 'set-privacy', privacy: true });
    await app.runTrayCommand({ type: 'set-launch-at-login', launchAtLogin: true });
    const state = await settle();
    expect(state.currency).toBe('CNY');
    expect(state.prefs.privacy).toBe(true);
    expect(state.prefs.launchAtLogin).toBe(true);
    expect(shell.setLaunchAtLogin).toHaveBeenCalledWith(true);
  });

  it('a failing tray command is logged, never an unhandled rejection', async () => {
    const { app, settle, log } = await setup({
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
    const { app, clock, settle } = await setup();
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

  it('a state listener that throws is logged and does not stop the others', async () => {
    const { app, settle, log, call } = await setup();
    app.subscribe(() => {
      throw new Error('bad listener');
    });
    const seen: string[] = [];
    app.subscribe((s) => seen.push(s.currency));
    await settle();
    await call('currency:set', 'BTC');
    await settle();
    expect(seen).toContain('BTC');
    expect(log).toHaveBeenCalledWith('a state listener threw (Error)');
  });

  it('refuses a currency Gate cannot convert to, and a refresh interval below 60 s, changing nothing', async () => {
    const { app, settle, fs } = await setup();
    await settle();
    const currency = await app.setCurrency('EUR' as Currency);
    expect(currency).toMatchObject({ ok: false, error: { code: 'INVALID_CURRENCY' } });
    expect(app.getState().currency).toBe('USDT');
    expect((await app.setPrefs({ refreshIntervalSec: 300 })).ok).toBe(true);
    const refused = await app.setPrefs({ refreshIntervalSec: 30 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(app.getState().prefs.refreshIntervalSec).toBe(300);
    const file = [...fs.files.entries()].find(([p]) => p.endsWith('prefs.json'))?.[1] ?? '';
    expect(JSON.parse(file).refreshIntervalSec).toBe(300);
  });

  it('one field says which currency is shown: the state and its prefs agree at every push', async () => {
    const { settle, call, pushes } = await setup();
    await settle();
    await call('currency:set', 'CNY');
    await call('prefs:set', { currency: 'BTC' });
    await settle();
    expect(pushes.at(-1)?.currency).toBe('BTC');
    expect(pushes.every((s) => s.prefs.currency === s.currency)).toBe(true);
  });

  it('after removing the key, every state reads onboarding (no "loading" flash), through a currency switch too', async () => {
    const { settle, call, pushes } = await setup({ stored: true });
    await settle();
    await call('credentials:clear', { forgetHistory: false });
    const from = pushes.length;
    await call('currency:set', 'CNY');
    await settle();
    expect(pushes.length).toBeGreaterThan(from);
    expect(pushes.slice(from - 1).every((s) => s.status === 'onboarding')).toBe(true);
    expect(pushes.at(-1)).toMatchObject({ currency: 'CNY', status: 'onboarding', demo: false });
  });
});

describe('GlanceApp: create() answers before the keychain does', () => {
  it('shows its state and answers IPC while the keychain is still being read (credentials.checking)', async () => {
    const inner = new InMemorySecretStore({ key: KEY, secret: SECRET });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store: SecretStore = {
      get: async () => {
        await held;
        return inner.get();
      },
      set: (c) => inner.set(c),
      clear: () => inner.clear(),
      health: () => inner.health(),
    };
    const { app, call, settle, simulator } = await setup({ store });
    expect(app.getState()).toMatchObject({ status: 'loading', demo: false, credentials: { checking: true, stored: false } });
    const reply = await call('state:get');
    expect(reply).toMatchObject({ ok: true, value: { credentials: { checking: true } } });
    expect(simulator.log).toHaveLength(0);
    release();
    const state = await settle();
    expect(state).toMatchObject({ status: 'live', demo: false, credentials: { checking: false, stored: true, keyHint: '…cdef' } });
  });
});

describe('GlanceApp: the popover, sleep and networks drive the schedule (issue 22 §5)', () => {
  it('an open popover waits at most a minute between refreshes; closed, the interval applies again', async () => {
    const { app, settle, clock, simulator } = await setup({ stored: true });
    await settle();
    await app.setPrefs({ refreshIntervalSec: 900 });
    await clock.advance(MIN_MS);
    const before = simulator.log.length;
    app.popoverOpened();
    await clock.advance(MIN_MS);
    await settle();
    expect(simulator.log.length).toBe(before + 1);
    app.popoverClosed();
    await clock.advance(MIN_MS);
    await settle();
    expect(app.getState().nextRefreshAt! - clock.now()).toBeGreaterThan(10 * MIN_MS);
  });

  it('suspend stops the schedule until resume, which fetches at once; a network change on fresh data costs no request', async () => {
    const { app, settle, clock, simulator } = await setup({ stored: true });
    await settle();
    const before = simulator.log.length;
    app.suspend();
    expect(app.getState()).toMatchObject({ refreshing: false, nextRefreshAt: null });
    await clock.advance(H);
    expect(simulator.log.length).toBe(before);
    app.resume();
    await settle();
    expect(simulator.log.length).toBe(before + 1);
    expect(app.getState().status).toBe('live');
    app.networkChanged();
    await settle();
    expect(simulator.log.length).toBe(before + 1);
  });
});

describe('GlanceApp: Diagnostics (the doctor in Settings)', () => {
  it('diagnostics:get answers the doctor object: the tray host the shell reported, the keychain, the folder, Gate and its clock', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const { app, settle, call } = await setup({ store });
    await settle();
    app.desktopChanged({ trayHost: 'absent' });
    const reply = await call('diagnostics:get');
    expect(reply).toEqual({
      ok: true,
      value: {
        trayHost: process.platform === 'linux' ? { status: 'absent', hint: 'tray-host-other' } : { status: 'not-applicable', hint: null },
        keychain: { status: 'ok', hint: null },
        dataDir: { path: '/data', status: 'ok', hint: null },
        gate: { status: 'ok', clockSkewMs: 0, hint: null },
        proxy: { url: null },
      },
    });
    // The keychain was read at start only: the state it left is recent enough.
    expect(store.calls.filter((c) => c === 'get')).toHaveLength(1);
    expect(JSON.stringify(reply)).not.toContain(SECRET);
  });

  it('a key Gate refuses reads as rejected; a keychain that is locked, as locked', async () => {
    const store = new InMemorySecretStore({ key: 'ffffffffffffffffffffffffffff0000', secret: SECRET });
    const { settle, call } = await setup({ store });
    await settle();
    expect(await call('diagnostics:get')).toMatchObject({ ok: true, value: { gate: { status: 'rejected', hint: 'gate-rejected' } } });
    const locked = new InMemorySecretStore({ key: KEY, secret: SECRET });
    locked.failWith('get', appError('KEYCHAIN_LOCKED', { platform: 'linux' }));
    const second = await setup({ store: locked });
    await second.settle();
    expect(await second.call('diagnostics:get')).toMatchObject({
      ok: true,
      value: { keychain: { status: 'locked', hint: 'keychain-locked' } },
    });
  });
});

describe('GlanceApp: the keychain status follows the keychain', () => {
  const LOCKED: AppError = appError('KEYCHAIN_LOCKED', { platform: 'linux' });
  const DENIED: AppError = appError('KEYCHAIN_DENIED', { platform: 'linux' });

  it('a keychain locked at start and unlocked later: the next refresh shows the stored key again, error gone', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    store.failWith('get', LOCKED);
    const { settle, clock, call } = await setup({ store });
    let state = await settle();
    expect(state.credentials).toMatchObject({ stored: false, keychainError: { code: 'KEYCHAIN_LOCKED' } });
    expect(state.status).toBe('error');
    store.failWith('get', null);
    // The scheduled retry (a locked keychain is not permanent) reads the keychain for its request.
    await clock.advanceTo(state.nextRefreshAt!);
    state = await settle();
    expect(state.status).toBe('live');
    expect(state.credentials).toEqual({ stored: true, keyHint: '…cdef', keychainError: null, checking: false });
    // What Settings and the onboarding form read over IPC says the same.
    expect(await call('state:get')).toMatchObject({ ok: true, value: { credentials: { stored: true, keychainError: null } } });
  });

  it('a keychain that was denied (schedule stopped) is re-read when the popover opens, at most once a minute', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    store.failWith('get', DENIED);
    const { app, settle, clock } = await setup({ store });
    let state = await settle();
    expect(state).toMatchObject({ status: 'error', nextRefreshAt: null, credentials: { keychainError: { code: 'KEYCHAIN_DENIED' } } });
    await clock.advance(RECHECK_INTERVAL_MS);
    store.failWith('get', null);
    const reads = () => store.calls.filter((c) => c === 'get').length;
    const before = reads();
    app.popoverOpened();
    state = await settle();
    expect(state.status).toBe('live');
    expect(state.credentials).toEqual({ stored: true, keyHint: '…cdef', keychainError: null, checking: false });
    // One read on opening; the refresh it unblocks uses the pair in memory; opening again within the minute reads nothing.
    const after = reads();
    expect(after).toBe(before + 1);
    app.popoverOpened();
    await clock.advance(RECHECK_INTERVAL_MS - 1);
    app.popoverOpened();
    await settle();
    expect(reads()).toBe(after);
  });

  it('refreshes use the pair in memory (one keychain read in a day); a key Gate refuses is re-read, finding one the CLI saved', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const { app, settle, clock, simulator } = await setup({ store });
    await settle();
    await clock.advance(24 * H);
    const state = await settle();
    expect(state.status).toBe('live');
    expect(store.calls.filter((c) => c === 'get')).toHaveLength(1);

    // The user revoked that key on gate.io and saved a new one with the CLI; the app still holds the first.
    const NEW_KEY = 'ffffffffffffffffffffffffffff0000';
    simulator.setKeys([{ key: NEW_KEY, secret: SECRET }]);
    await store.set({ key: NEW_KEY, secret: SECRET });
    const refused = await app.refresh().then(settle);
    // Gate's refusal itself triggered one more read, which found the new key and fetched with it.
    expect(refused).toMatchObject({ status: 'live', credentials: { keyHint: '…0000' } });
    expect(store.calls.filter((c) => c === 'get')).toHaveLength(2);
  });

  it('an unlocked screen re-reads the keychain too, and a key replaced elsewhere drops the old account’s data', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const { app, settle, clock } = await setup({ store });
    await settle();
    // Locked for two minutes: no refresh, so nothing read the keychain meanwhile.
    app.pause();
    await clock.advance(2 * RECHECK_INTERVAL_MS);
    // Another program (the CLI) removed the key.
    await store.clear();
    app.screenUnlocked();
    const state = await settle();
    expect(state.credentials).toEqual({ stored: false, keyHint: null, keychainError: null, checking: false });
    expect(state).toMatchObject({ status: 'onboarding', balance: null });
  });
});
