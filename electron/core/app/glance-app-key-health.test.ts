/**
 * GlanceApp and the key's health: read on start (not again within the day, not on the refresh
 * path), after a save with no second request, on "Check now" over IPC; the demo shows a healthy
 * read-only key; a key removed forgets it; and Gate's later rejection of an old key without a
 * whitelist names the likely cause in the error's hint.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appError, ok } from '../../../shared/errors.js';
import type { Result } from '../../../shared/errors.js';
import type { KeyHealthState } from '../../../shared/key-health.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import { glanceHandlers } from '../ipc/handlers.js';
import { createIpcRouter } from '../ipc/router.js';
import { APP_ENTRY_URL, APP_ORIGIN } from '../ipc/sender.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import type { SimKey } from '../simulator/handler.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { GlanceApp } from './glance-app.js';

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const DAY = 86_400_000;
const START = Date.UTC(2026, 11, 6, 9);
const sender = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function setup(
  options: { stored?: boolean; key?: Partial<SimKey>; fs?: MemoryFileSystem; clock?: VirtualClock; store?: InMemorySecretStore } = {},
) {
  const clock = options.clock ?? new VirtualClock(START);
  const simulator = createGateSimulator({ keys: [{ key: KEY, secret: SECRET, ...options.key }], clock });
  const fs = options.fs ?? new MemoryFileSystem();
  const app = await GlanceApp.create({
    secretStore: options.store ?? new InMemorySecretStore(options.stored === false ? null : { key: KEY, secret: SECRET }),
    transportForAccount: createInProcessTransport(simulator),
    baseUrl: 'https://sim.invalid/api/v4',
    clock,
    dataDir: '/data',
    fs,
    shell: {
      openExternal: async () => {},
      chooseCsvPath: async () => null,
      setLaunchAtLogin: async (): Promise<Result<null>> => ok(null),
      notify: vi.fn(),
    },
    random: () => 0,
    log: () => {},
  });
  apps.push(app);
  const router = createIpcRouter(glanceHandlers(app, { hide: vi.fn() }), {
    trust: { trustedIds: new Set([1]), appOrigin: APP_ORIGIN },
    log: () => {},
  });
  const mainKeys = () => simulator.log.filter((e) => e.path === '/api/v4/account/main_keys').length;
  return { app, clock, simulator, fs, router, mainKeys };
}

describe('GlanceApp key health', () => {
  it('reads the key on start, puts it in the state, and not again on refreshes within the day', async () => {
    const { app, clock, mainKeys } = await setup({ key: { allowedIps: ['127.0.0.1'] } });
    await app.whenIdle();
    expect(app.getState().keyHealth?.health).toMatchObject({ readOnly: true, ipBound: true, state: 'normal', warnings: [] });
    expect(mainKeys()).toBe(1);
    for (let i = 0; i < 10; i += 1) await app.refresh();
    await clock.advance(DAY - 60_000);
    await app.whenIdle();
    expect(mainKeys()).toBe(1);
    await clock.advance(60_000);
    await app.whenIdle();
    expect(mainKeys()).toBe(2);
  });

  it('a restart within the day shows the last facts without asking Gate', async () => {
    const fs = new MemoryFileSystem();
    const clock = new VirtualClock(START);
    const first = await setup({ fs, clock, key: { createdAt: START - 30 * DAY } });
    await first.app.whenIdle();
    first.app.dispose();
    await clock.advance(3_600_000);
    const second = await setup({ fs, clock, key: { createdAt: START - 30 * DAY } });
    await second.app.whenIdle();
    expect(second.mainKeys()).toBe(0);
    expect(second.app.getState().keyHealth?.health?.expiresAt).toBe(START + 60 * DAY);
  });

  it('a save uses the save’s own reading (no second request); "Check now" asks again', async () => {
    const { app, router, mainKeys } = await setup({ stored: false, key: { createdAt: START - 85 * DAY } });
    await app.whenIdle();
    const saved = await router.dispatch('credentials:save', [{ key: KEY, secret: SECRET, verify: true }], sender);
    expect(saved.ok && (saved.value as { keyHealth: unknown }).keyHealth).toMatchObject({ ipBound: false, readOnly: true });
    await app.whenIdle();
    expect(mainKeys()).toBe(1);
    expect(app.getState().keyHealth?.health?.warnings).toEqual(['EXPIRES_SOON', 'NO_IP_WHITELIST']);
    const checked = (await router.dispatch('key-health:check', [], sender)) as Result<KeyHealthState>;
    expect(checked.ok && checked.value.health?.checkedAt).toBe(START);
    expect(mainKeys()).toBe(2);
  });

  it('a keychain locked at start: the key is read once it answers again', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    store.failWith('get', appError('KEYCHAIN_LOCKED', { platform: 'linux' }));
    const { app, clock, mainKeys } = await setup({ store });
    await app.whenIdle();
    expect(mainKeys()).toBe(0);
    expect(app.getState().keyHealth).toBeNull();
    store.failWith('get', null);
    await clock.advance(61_000);
    app.popoverOpened();
    // The keychain's answer, the file's read and Gate's each settle on their own: wait for the state, not for a number of turns.
    await vi.waitFor(() => expect(app.getState().keyHealth?.health?.readOnly).toBe(true));
    expect(mainKeys()).toBe(1);
  });

  it('removing the key forgets its health', async () => {
    const { app, router } = await setup();
    await app.whenIdle();
    expect(app.getState().keyHealth?.health).not.toBeNull();
    await router.dispatch('credentials:clear', [{ forgetHistory: false }], sender);
    expect(app.getState().keyHealth).toBeNull();
  });

  it('the demo shows a healthy read-only key bound to an IP address', async () => {
    const { app } = await setup({ stored: false });
    await app.startDemo();
    await app.whenIdle();
    expect(app.getState().demo).toBe(true);
    expect(app.getState().keyHealth?.health).toMatchObject({ readOnly: true, ipBound: true, expiresAt: null, warnings: [] });
  });

  it("when Gate rejects a key past its 90 days, the hint names the likely cause and the key's age", async () => {
    const { app, clock } = await setup({ key: { createdAt: START - 89 * DAY - 3_600_000 } });
    await app.whenIdle();
    expect(app.getState().status).toBe('live');
    await clock.advance(2 * DAY);
    await app.refresh();
    await app.whenIdle();
    const error = app.getState().error;
    expect(error?.code).toBe('INVALID_KEY');
    expect(errorWords(ENGLISH, error!).hint).toBe(
      'Keys without an IP whitelist expire after 90 days; this one was about 91 days old. Create a new key on Gate (bind your IP address to keep it), then use Replace key.',
    );
  });
});
