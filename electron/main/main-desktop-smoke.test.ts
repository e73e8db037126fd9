/**
 * The BUILT main bundle on the fake Electron (as main-smoke.test.ts) in the desktop situations
 * real Electron meets and a plain run hides: running as macOS and Windows, a tray host that is
 * absent at start and appears later, focus refused to `--toggle`, a renderer that crashes, an
 * icon that cannot be read, another instance holding the lock, suspend and resume
 * (desktop-driver.mjs; each fake behaviour cites Electron's docs in fake-electron.mjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../core/app/app-identity.js';
import { LOGIN_ITEMS_SETTINGS_URL } from '../core/app/launch-at-login.js';
import { ensureBuiltApp } from './testing/built-app.js';
import { removeRunDirs, runBuiltMain } from './testing/run-built-main.js';

interface Report {
  platform: string;
  secondInstance?: { quit: number; windows: number; trays: number; ipc: number };
  dock: { hidden: number };
  appUserModelIds: string[];
  loginItemRead: string;
  shortcutHeld: string[];
  visibleAtStart: boolean;
  loginItemsButton: { ok: boolean; opened: string[] };
  trayHost?: {
    traysAtStart: number;
    desktopAtStart: string;
    fallback: { visible: boolean; frame: boolean; skipTaskbar: boolean; afterBlur: boolean };
    hintWhileAbsent: string | null;
    traysAfterHost: number;
    desktopAfterHost: string;
    hintAfterHost: string | null;
  };
  tray: { contextMenuSet: boolean; ignoreDoubleClicks: boolean | null; ctrlClick: { poppedUp: number; popoverVisible: boolean } };
  toggle: { first: boolean; focused: boolean; second: boolean };
  watched: { open: boolean; waitOpenSec: number; hidden: boolean; waitHiddenSec: number };
  crash: { reloaded: number; logged: boolean };
  power: { suspended: number | null; resumed: boolean };
  icons: { warned: string[] };
  quit: { trayDestroyed: boolean; windowDestroyed: boolean };
}

const KEYCHAIN_FREE = { GLANCE_E2E_KEYCHAIN: 'memory', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };

function run(env: Record<string, string>, args: readonly string[] = []): Report {
  return runBuiltMain<Report>({ driver: 'desktop-driver.mjs', args, env: { ...KEYCHAIN_FREE, XDG_SESSION_TYPE: 'x11', ...env } }).report;
}

let mac: Report;
let windows: Report;
let lateHost: Report;
let second: Report;

beforeAll(() => {
  ensureBuiltApp();
  // Both started at login (no greeting): only Windows was started by a click on one of our toasts.
  mac = run({ FAKE_PLATFORM: 'darwin', FAKE_LOGIN_ITEM: 'requires-approval' }, ['--login']);
  windows = run({ FAKE_PLATFORM: 'win32', FAKE_FAIL: 'empty-icon', FAKE_NOTIFICATION_STARTED_APP: '1' }, ['--login']);
  lateHost = run({ GLANCE_E2E_TRAY_HOST: 'absent', FAKE_FAIL: 'focus', XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' });
  second = run({ FAKE_FAIL: 'second-instance' });
}, 240_000);

afterAll(() => removeRunDirs());

describe('built main as macOS', () => {
  it('hides the dock icon, sets no context menu, control-click opens the menu and double-clicks are ignored', () => {
    expect(mac.platform).toBe('darwin');
    expect(mac.dock.hidden).toBe(1);
    expect(mac.tray).toEqual({ contextMenuSet: false, ignoreDoubleClicks: true, ctrlClick: { poppedUp: 1, popoverVisible: false } });
    expect(mac.appUserModelIds).toEqual([]);
  });

  it('holds Cmd+Option+G as the global shortcut', () => {
    expect(mac.shortcutHeld).toEqual(['CommandOrControl+Alt+G']);
  });

  it('reads the login item back: macOS 13+ waiting for approval, and Settings’ button opens Login Items in System Settings', () => {
    expect(mac.loginItemRead).toBe('requires-approval');
    expect(mac.loginItemsButton).toEqual({ ok: true, opened: [LOGIN_ITEMS_SETTINGS_URL] });
    expect(windows.loginItemsButton).toEqual({ ok: false, opened: [] });
  });
});

describe('built main as Windows', () => {
  it('sets the AppUserModelID, the context menu, and leaves double-clicks alone', () => {
    expect(windows.platform).toBe('win32');
    expect(windows.appUserModelIds).toEqual([APP_ID]);
    expect(windows.tray.contextMenuSet).toBe(true);
    expect(windows.tray.ignoreDoubleClicks).toBeNull();
    expect(windows.loginItemRead).toBe('off');
  });

  it('holds Alt+Shift+G as the global shortcut, not Ctrl+Alt+G (AltGr+G types "]" on Czech, Hungarian, … keyboards)', () => {
    expect(windows.shortcutHeld).toEqual(['Alt+Shift+G']);
  });

  it('opens the popover when a click on one of its toasts started it (Notification.handleActivation; a login start alone stays in the tray)', () => {
    expect(windows.visibleAtStart).toBe(true);
    expect(mac.visibleAtStart).toBe(false);
  });

  it('says which tray icon could not be read (createFromPath answers an empty image)', () => {
    expect(windows.icons.warned[0]).toMatch(/^\[glance\] tray icon tray-\w+(-\w+)?\.png could not be read$/);
  });
});

describe('built main on Linux with a tray host that appears late', () => {
  it('creates no tray while none is there, then shows the popover as an ordinary window that a blur does not hide', () => {
    expect(lateHost.trayHost).toMatchObject({ traysAtStart: 0, desktopAtStart: 'absent' });
    expect(lateHost.trayHost?.fallback).toEqual({ visible: true, frame: true, skipTaskbar: false, afterBlur: true });
  });

  it('names the remedy for the desktop while the popover is a window (GNOME: the AppIndicator extension), and none once a host is there', () => {
    expect(lateHost.trayHost).toMatchObject({ hintWhileAbsent: 'tray-host-gnome', hintAfterHost: null });
  });

  it('creates the tray once the host appears, and the state says so', () => {
    expect(lateHost.trayHost).toMatchObject({ traysAfterHost: 1, desktopAfterHost: 'present' });
  });

  it('--toggle shows the popover even when focus is refused, and a second --toggle hides it', () => {
    expect(lateHost.toggle).toEqual({ first: true, focused: false, second: false });
  });

  it('reloads a crashed renderer instead of leaving the popover blank', () => {
    expect(lateHost.crash).toEqual({ reloaded: 1, logged: true });
  });

  it('pauses the schedule on suspend and restarts it on resume', () => {
    expect(lateHost.power).toEqual({ suspended: null, resumed: true });
  });

  it('quits with tray and window destroyed', () => {
    expect(lateHost.quit).toEqual({ trayDestroyed: true, windowDestroyed: true });
  });
});

describe('built main: the schedule follows the popover', () => {
  it.each([
    ['macOS', () => mac],
    ['Windows', () => windows],
    ['Linux', () => lateHost],
  ])('on %s: at most a minute between attempts while it is open, the hour the preference asks once it is hidden', (_os, report) => {
    const { open, waitOpenSec, hidden, waitHiddenSec } = report().watched;
    expect(open && hidden).toBe(true);
    expect(waitOpenSec).toBeGreaterThan(50);
    expect(waitOpenSec).toBeLessThanOrEqual(60);
    expect(waitHiddenSec).toBeGreaterThan(3500);
    expect(waitHiddenSec).toBeLessThanOrEqual(3600);
  });
});

describe('built main as a second instance', () => {
  it('quits at once and builds nothing (the first instance gets the arguments)', () => {
    expect(second.secondInstance).toEqual({ quit: 1, windows: 0, trays: 0, ipc: 0 });
  });
});
