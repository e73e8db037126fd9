// The updater inside the app: its state in every push, the Settings switches reaching it, and the
// actions refused where they make no sense (IPC can ask anything).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/errors.js';
import type { Result } from '../../../shared/errors.js';
import type { WidgetState } from '../../../shared/ipc.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { FakeUpdater } from '../testing/fake-updater.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { FIRST_CHECK_DELAY_MS, UpdateService } from '../updates/update-service.js';
import { GlanceApp } from './glance-app.js';

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function setup(prefsFile?: string) {
  const clock = new VirtualClock(Date.UTC(2026, 11, 6, 12));
  const updater = new FakeUpdater();
  const updates = new UpdateService({
    updater,
    mode: 'self',
    currentVersion: '0.1.0',
    releaseUrl: (v) => `https://github.com/gate-glance/gate-glance/releases/tag/v${v}`,
    clock,
  });
  const fs = new MemoryFileSystem();
  if (prefsFile !== undefined) fs.files.set('/data/prefs.json', prefsFile);
  const shell = {
    openExternal: vi.fn(async (_url: string) => {}),
    chooseCsvPath: async () => null,
    setLaunchAtLogin: async (): Promise<Result<null>> => ok(null),
    notify: vi.fn(),
  };
  const app = await GlanceApp.create({
    secretStore: new InMemorySecretStore(null),
    transportForAccount: createInProcessTransport(createGateSimulator({ keys: [], clock })),
    clock,
    dataDir: '/data',
    fs,
    shell,
    updates,
    random: () => 0,
    log: () => undefined,
  });
  apps.push(app);
  const pushes: WidgetState[] = [];
  app.subscribe((s) => pushes.push(s));
  return { app, clock, updater, shell, pushes };
}

describe('GlanceApp and updates', () => {
  it('checks 5 s after start by default, and every state carries where the updater stands', async () => {
    const { app, clock, updater, pushes } = await setup();
    expect(app.getState().update).toEqual({ mode: 'self', currentVersion: '0.1.0', phase: { kind: 'idle' }, lastCheckAt: null });
    updater.answer = async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    expect(pushes.at(-1)?.update.phase).toMatchObject({ kind: 'available', version: '0.2.0' });
  });

  it('"Check for updates automatically" off: no request at all, then on again from Settings', async () => {
    const { app, clock, updater } = await setup(JSON.stringify({ checkForUpdates: false }));
    await clock.advance(24 * 60 * 60 * 1000);
    expect(updater.checks).toBe(0);
    expect((await app.setPrefs({ checkForUpdates: true })).ok).toBe(true);
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
  });

  it('restart is refused until an update is ready; the release page opens only the URL main knows', async () => {
    const { app, updater, shell } = await setup();
    expect(app.restartToUpdate()).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await app.openReleasePage()).toMatchObject({ ok: false });
    updater.answer = async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    await app.checkForUpdates();
    expect(await app.openReleasePage()).toEqual({ ok: true, value: null });
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://github.com/gate-glance/gate-glance/releases/tag/v0.2.0');
    await app.downloadUpdate();
    expect(app.restartToUpdate()).toEqual({ ok: true, value: null });
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('dispose stops the update schedule with everything else', async () => {
    const { app, clock } = await setup();
    app.dispose();
    expect(clock.pendingTimers).toBe(0);
  });
});
