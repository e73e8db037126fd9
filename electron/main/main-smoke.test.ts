/**
 * The BUILT main bundle (out/main/index.js), run in plain Node with `electron` resolved to a
 * recording fake (testing/fake-electron): the composition root really registers the scheme,
 * builds a hardened window, serves app:// with the CSP, binds every IPC channel behind the
 * sender check, renders the tray, toggles the popover, pushes state without secrets, and on
 * quit removes everything so the process ends by itself. What the fake cannot prove (real
 * Chromium, a real tray host) is left to the Electron e2e tier.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc.js';
import { APP_CSP } from '../core/app/app-protocol.js';
import { BUILT, ensureBuiltApp } from './testing/built-app.js';
import { removeRunDirs, runBuiltMain } from './testing/run-built-main.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';

interface SmokeReport {
  dataFolder: { userData: string | null; notes: string[] };
  crash: { listeners: [number, number]; logged: string[] };
  schemes: unknown;
  webPreferences: Record<string, unknown>;
  windowSize: [number, number, boolean, boolean];
  loaded: string[];
  ipcChannels: string[];
  hardening: {
    events: string[];
    windowOpen: unknown;
    sessions: Array<{ name: string; request: boolean; check: unknown; clipboardWrite: unknown; proxy: unknown }>;
    navigationPrevented: boolean;
  };
  protocol: { status: number; csp: string; type: string; hasRoot: boolean; traversalStatus: number };
  ipc: Record<string, { ok: boolean; error?: { code: string }; status?: string; demo?: boolean; keychain?: string | null }>;
  opened: string[];
  tray: { tooltip: string; icon: string; menu: string[]; firstEnabled: boolean };
  greeting: { visible: boolean; afterToggle: boolean };
  secondLaunch: { visible: boolean; focusAsked: boolean; inactive: number; hiddenByNext: boolean };
  popover: { visible: boolean; position: [number, number]; hiddenOnBlur: boolean };
  pushes: number;
  pushHasSecretField: boolean;
  timersBeforeQuit: number;
  shortcut: { held: string[]; shownByPress: boolean; hiddenByPress: boolean; pushed: string | null };
  quit: { shortcutsLeft: number; ipcLeft: number; trayDestroyed: boolean; windowDestroyed: boolean; timersLeft: number[] };
}

let dir: string;
let report: SmokeReport;
let exit: { status: number | null; signal: string | null };

beforeAll(() => {
  ensureBuiltApp();
  const run = runBuiltMain<SmokeReport>({
    // An earlier version's prefs in Electron's default userData ("appData/Gate Glance").
    prepare: (folder) => {
      mkdirSync(join(folder, 'appData', 'Gate Glance'), { recursive: true });
      writeFileSync(join(folder, 'appData', 'Gate Glance', 'prefs.json'), '{"currency":"BTC"}\n');
    },
    // An X11 session (as under the desktop entry's XWayland), whatever desktop runs the tests.
    env: { XDG_SESSION_TYPE: 'x11' },
  });
  ({ dir, report } = run);
  exit = { status: run.status, signal: run.signal };
}, 120_000);

afterAll(() => removeRunDirs());

describe('built main with a fake Electron', () => {
  it("sets userData to the one data folder the CLI uses too, before anything reads it, and moves the old folder's files over", () => {
    expect(report.dataFolder.userData).toBe(join(dir, 'data'));
    const old = join(dir, 'appData', 'Gate Glance');
    expect(report.dataFolder.notes).toEqual([
      `[glance] data folder: moved prefs.json from ${old} to ${join(dir, 'data')}`,
      '[glance] data folder: made prefs.json private (0600)',
    ]);
    expect(existsSync(join(old, 'prefs.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'data', 'prefs.json'), 'utf8'))).toMatchObject({ currency: 'BTC' });
  });

  it('logs an escaped error by its name only, never its message', () => {
    expect(report.crash.listeners).toEqual([1, 1]);
    expect(report.crash.logged).toEqual(['[glance] uncaught error (TypeError)', '[glance] unhandled rejection (RangeError)']);
    // The driver's escaped errors carry this would-be secret in their messages.
    expectNoSecret(report.crash.logged, 'secret-0123456789abcdef');
  });

  it('registers app:// as standard + secure and loads the page from it', () => {
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
    expect(report.loaded).toEqual(['app://glance/index.html']);
    expect(report.windowSize).toEqual([360, 480, false, false]);
  });

  it('creates the window with the hardened webPreferences, an in-memory session and the sandboxed preload', () => {
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      partition: 'glance-popover',
      preload: BUILT.preload,
    });
  });

  it('hardens every webContents and both sessions', () => {
    // The hardening's four, and the popover's watch for a crashed or failed page (reloaded, never left blank).
    expect(report.hardening.events).toEqual([
      'did-fail-load',
      'did-finish-load',
      'render-process-gone',
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
    expect(report.hardening.windowOpen).toEqual({ action: 'deny' });
    expect(report.hardening.navigationPrevented).toBe(true);
    // Only the popover's own pages may write to the clipboard (copy exact total); nothing else anywhere.
    // Plain http to this computer goes through its own session, which never uses a proxy.
    expect(report.hardening.sessions).toEqual([
      { name: 'default', request: true, check: false, clipboardWrite: false, proxy: null },
      { name: 'glance-popover', request: true, check: false, clipboardWrite: true, proxy: null },
      { name: 'glance-direct', request: true, check: false, clipboardWrite: false, proxy: { mode: 'direct' } },
    ]);
  });

  it('serves the built renderer over app:// with the CSP header and blocks traversal', () => {
    expect(report.protocol).toEqual({ status: 200, csp: APP_CSP, type: 'text/html; charset=utf-8', hasRoot: true, traversalStatus: 404 });
  });

  it('binds exactly the contract channels, each behind the sender check and payload validation', () => {
    expect(report.ipcChannels).toEqual([...INVOKE_CHANNELS].sort());
    expect(report.ipc.state?.ok).toBe(true);
    for (const name of ['subFrame', 'otherContents', 'fileUrl']) expect(report.ipc[name]?.error?.code, name).toBe('UNTRUSTED_SENDER');
    expect(report.ipc.badPayload?.error?.code).toBe('INVALID_REQUEST');
    expect(report.ipc.keyPage?.ok).toBe(true);
    expect(report.opened).toEqual(['https://www.gate.io/myaccount/api_key_manage']);
  });

  it('starts on the demo when the keychain works and has no key, or fails closed when it cannot be reached', () => {
    const s = report.ipc.state;
    if (s?.keychain) {
      expect(s.keychain).toMatch(/^KEYCHAIN_/);
      expect(s.demo).toBe(false);
      // Linux's automatic panel choice: the light-fill, dark-outline glyph.
      expect(report.tray.icon).toBe('tray/tray-error-dark.png');
    } else {
      expect(s).toMatchObject({ status: 'live', demo: true });
      expect(report.tray.menu[0]).toMatch(/^Demo net worth: /);
      expect(report.tray.icon).toBe('tray/tray-live-dark.png');
    }
  });

  it('greets a user start with no key stored by opening the popover (not when the keychain failed), and --toggle from a second launch toggles it', () => {
    if (report.ipc.state?.keychain) expect(report.greeting).toEqual({ visible: false, afterToggle: true });
    else expect(report.greeting).toEqual({ visible: true, afterToggle: false });
  });

  it('in an X11 session a second launch’s --toggle shows the popover focused, and the next hides it', () => {
    expect(report.secondLaunch).toEqual({ visible: true, focusAsked: true, inactive: 0, hiddenByNext: true });
  });

  it('renders the tray with its menu set, toggles the popover next to the cursor and hides it on blur', () => {
    expect(report.tray.firstEnabled).toBe(false);
    expect(report.tray.menu.slice(1)).toEqual([
      '---',
      'Open Gate Glance',
      'Refresh now',
      'Currency',
      'Privacy mode',
      'Launch at login',
      '---',
      'Quit Gate Glance',
    ]);
    expect(report.popover.visible).toBe(true);
    // Cursor at (1800, 10) on a top panel, work area from y = 32: clamped to the top-right corner.
    expect(report.popover.position).toEqual([1920 - 360 - 8, 32 + 8]);
    expect(report.popover.hiddenOnBlur).toBe(true);
  });

  it('pushes state to the window without credential fields', () => {
    expect(report.pushes).toBeGreaterThan(0);
    expect(report.pushHasSecretField).toBe(false);
  });

  it('holds the default global shortcut (CommandOrControl+Alt+G), a press toggles the popover, and the state says it is registered', () => {
    expect(report.shortcut).toEqual({ held: ['CommandOrControl+Alt+G'], shownByPress: true, hiddenByPress: true, pushed: 'registered' });
  });

  it('quits cleanly: handlers removed, tray and window destroyed, and the process ends by itself', () => {
    // The tracker saw the running schedule (tray tick, online poll, …) before quit…
    expect(report.timersBeforeQuit).toBeGreaterThanOrEqual(2);
    // …and none of it after.
    expect(report.quit).toEqual({ shortcutsLeft: 0, ipcLeft: 0, trayDestroyed: true, windowDestroyed: true, timersLeft: [] });
    expect(exit).toEqual({ status: 0, signal: null });
  });
});
