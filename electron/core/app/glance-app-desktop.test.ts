// What the desktop shell reports to the app (tray host, notifications, login item) and what the
// state then says: the popover's no-tray-host notice reads its remedy from `desktop.trayHostHint`,
// the same hint Diagnostics shows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/errors.js';
import type { Result } from '../../../shared/errors.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import { APP_ENTRY_URL, APP_ORIGIN, createIpcRouter, glanceHandlers } from '../ipc/index.js';
import { GlanceApp } from './glance-app.js';
import { LOGIN_ITEMS_SETTINGS_URL } from './launch-at-login.js';

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function setup(platform: string, desktopName?: string, openExternal: (url: string) => Promise<void> = async () => undefined) {
  const clock = new VirtualClock(Date.UTC(2026, 11, 6, 12));
  const app = await GlanceApp.create({
    secretStore: new InMemorySecretStore(null),
    transportForAccount: createInProcessTransport(createGateSimulator({ keys: [], clock })),
    clock,
    dataDir: '/data',
    fs: new MemoryFileSystem(),
    shell: {
      openExternal,
      chooseCsvPath: async () => null,
      setLaunchAtLogin: async (): Promise<Result<null>> => ok(null),
      notify: vi.fn(),
    },
    platform,
    ...(desktopName !== undefined ? { desktopName } : {}),
    random: () => 0,
    log: () => undefined,
  });
  apps.push(app);
  return app;
}

describe('GlanceApp: Login Items (macOS 13+ "requires approval")', () => {
  const event = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };

  it('login-item:open-settings opens System Settings › Login Items on macOS, a fixed URL the renderer cannot choose', async () => {
    const opened: string[] = [];
    const app = await setup('darwin', undefined, async (url) => void opened.push(url));
    const router = createIpcRouter(glanceHandlers(app, { hide: () => undefined }), {
      trust: { trustedIds: new Set([1]), appOrigin: APP_ORIGIN },
      log: () => undefined,
    });
    expect(await router.dispatch('login-item:open-settings', [], event)).toEqual({ ok: true, value: null });
    expect(opened).toEqual([LOGIN_ITEMS_SETTINGS_URL]);
    expect(LOGIN_ITEMS_SETTINGS_URL).toBe('x-apple.systempreferences:com.apple.LoginItems-Settings.extension');
    // No argument is taken: the URL is main's.
    expect(await router.dispatch('login-item:open-settings', ['https://evil.example/'], event)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(opened).toHaveLength(1);
  });

  it('says so when System Settings would not open, and refuses elsewhere (no such list)', async () => {
    const refusing = await setup('darwin', undefined, async () => {
      throw new Error('no handler for the URL');
    });
    const failed = await refusing.openLoginItemSettings();
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'open-login-items' } } });
    if (!failed.ok)
      expect(errorWords(ENGLISH, failed.error).hint).toBe('Open System Settings › General › Login Items yourself and allow Gate Glance.');
    const opened: string[] = [];
    const linux = await setup('linux', undefined, async (url) => void opened.push(url));
    expect(await linux.openLoginItemSettings()).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(opened).toEqual([]);
  });
});

describe('GlanceApp: the desktop around it', () => {
  it.each([
    ['ubuntu:GNOME', 'tray-host-gnome'],
    ['KDE', 'tray-host-kde'],
    ['sway', 'tray-host-other'],
  ] as const)('an absent tray host on %s names its remedy in the state, and a host that appears clears it', async (desktop, hint) => {
    const app = await setup('linux', desktop);
    expect(app.getState().desktop.trayHostHint).toBeNull();
    app.desktopChanged({ trayHost: 'absent' });
    expect(app.getState().desktop).toMatchObject({ trayHost: 'absent', trayHostHint: hint });
    app.desktopChanged({ notifications: 'blocked' });
    expect(app.getState().desktop.trayHostHint).toBe(hint);
    app.desktopChanged({ trayHost: 'present' });
    expect(app.getState().desktop).toMatchObject({ trayHost: 'present', trayHostHint: null });
  });

  it('a first run on Windows holds Alt+Shift+G (Ctrl+Alt is AltGr there), elsewhere Ctrl/Cmd+Alt+G', async () => {
    expect((await setup('win32')).getState().prefs.globalShortcut).toBe('Alt+Shift+G');
    expect((await setup('darwin')).getState().prefs.globalShortcut).toBe('CommandOrControl+Alt+G');
    expect((await setup('linux')).getState().prefs.globalShortcut).toBe('CommandOrControl+Alt+G');
  });

  it('names no remedy where the question does not arise (macOS, Windows)', async () => {
    const app = await setup('darwin');
    app.desktopChanged({ trayHost: 'absent' });
    expect(app.getState().desktop.trayHostHint).toBeNull();
  });
});
