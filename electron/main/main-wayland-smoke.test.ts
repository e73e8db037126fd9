/**
 * The BUILT main bundle on the fake Electron (as main-smoke.test.ts), once in a native Wayland
 * session and once in the same session started the way the desktop entry starts it
 * (--ozone-platform=x11): native Wayland gets the framed, movable window that is not placed and
 * not hidden on blur; XWayland gets the popover next to the tray.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XWAYLAND_ARGS } from '../core/tray/popover-window-plan.js';
import { ensureBuiltApp } from './testing/built-app.js';
import { removeRunDirs, runBuiltMain } from './testing/run-built-main.js';

interface Report {
  windowFlags: { frame: boolean; movable: boolean; center: boolean; skipTaskbar: boolean; alwaysOnTop: boolean; allWorkspaces: unknown };
  appUserModelIds: string[];
  popover: { visible: boolean; position: [number, number] | null; hiddenOnBlur: boolean };
  shortcut: { held: string[]; shownByPress: boolean; hiddenByPress: boolean; pushed: string | null };
  switches: Record<string, string>;
  secondLaunch: { visible: boolean; focusAsked: boolean; inactive: number; hiddenByNext: boolean };
}

interface LaunchReport {
  launch: { relaunches: { args: string[] }[]; locksReleased: number; exitCode: number | null; windows: number; trays: number; ipc: number };
}

function runMain(args: readonly string[], env: Record<string, string> = {}): Report {
  return runBuiltMain<Report>({ args, env: { XDG_SESSION_TYPE: 'wayland', ...env } }).report;
}

let wayland: Report;
let xwayland: Report;
let toggleStart: LaunchReport;

beforeAll(() => {
  ensureBuiltApp();
  wayland = runMain([]);
  // Under XWayland the X11 grab registers but never fires while another app has focus.
  xwayland = runMain(XWAYLAND_ARGS, { FAKE_FAIL: 'dead-shortcut' });
  // The packaged app started by `gate-glance --toggle` (no desktop entry, so none of its switches).
  toggleStart = runBuiltMain<LaunchReport>({
    driver: 'desktop-driver.mjs',
    args: ['--toggle'],
    env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0', FAKE_PACKAGED: '1' },
  }).report;
}, 240_000);

afterAll(() => removeRunDirs());

describe('built main in a Wayland session (Linux)', () => {
  it('on native Wayland: a framed, movable, centred window in the taskbar, not placed, still open after a blur', () => {
    expect(wayland.windowFlags).toEqual({
      frame: true,
      movable: true,
      center: true,
      skipTaskbar: false,
      alwaysOnTop: false,
      allWorkspaces: null,
    });
    expect(wayland.popover).toEqual({ visible: true, position: null, hiddenOnBlur: false });
  });

  it('under XWayland (the desktop entry’s switch): the frameless popover next to the tray, hidden on blur', () => {
    expect(xwayland.windowFlags).toEqual({
      frame: false,
      movable: false,
      center: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      allWorkspaces: null,
    });
    expect(xwayland.popover.visible).toBe(true);
    // No tray bounds and a stale cursor: at the top panel's right end (display bounds vs work area).
    expect(xwayland.popover.position).toEqual([1920 - 360 - 8, 32 + 4]);
    expect(xwayland.popover.hiddenOnBlur).toBe(true);
  });

  it('asks Chromium for the GlobalShortcuts portal on Linux, and native Wayland reports the shortcut registered', () => {
    expect(wayland.switches).toEqual({ 'enable-features': 'GlobalShortcutsPortal' });
    expect(wayland.shortcut.pushed).toBe('registered');
  });

  it('under XWayland says the shortcut works only while our window has focus (its grab never fires elsewhere)', () => {
    expect(xwayland.shortcut).toMatchObject({ held: ['CommandOrControl+Alt+G'], shownByPress: false, pushed: 'focus-only' });
  });

  it('--toggle from a second launch under XWayland shows the popover without asking for focus (no "is ready"), and the next hides it', () => {
    expect(xwayland.secondLaunch).toEqual({ visible: true, focusAsked: false, inactive: 1, hiddenByNext: true });
  });

  it('--toggle from a second launch on native Wayland asks for focus (Electron hands the launch’s XDG activation token over)', () => {
    expect(wayland.secondLaunch).toEqual({ visible: true, focusAsked: true, inactive: 0, hiddenByNext: true });
  });

  it('a packaged app started by --toggle without the desktop entry’s switches starts again with them, its arguments kept, and builds nothing', () => {
    const { relaunches, ...rest } = toggleStart.launch;
    expect(rest).toEqual({ locksReleased: 1, exitCode: 0, windows: 0, trays: 0, ipc: 0 });
    expect(relaunches).toHaveLength(1);
    const args = relaunches[0]!.args;
    expect(args.slice(0, XWAYLAND_ARGS.length)).toEqual(XWAYLAND_ARGS);
    expect(args.at(-1)).toBe('--toggle');
  });

  it('sets no AppUserModelID off Windows', () => {
    expect(wayland.appUserModelIds).toEqual([]);
  });
});
