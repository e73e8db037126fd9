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
}

function runMain(args: readonly string[], env: Record<string, string> = {}): Report {
  return runBuiltMain<Report>({ args, env: { XDG_SESSION_TYPE: 'wayland', ...env } }).report;
}

let wayland: Report;
let xwayland: Report;

beforeAll(() => {
  ensureBuiltApp();
  wayland = runMain([]);
  // Under XWayland the X11 grab registers but never fires while another app has focus.
  xwayland = runMain(XWAYLAND_ARGS, { FAKE_FAIL: 'dead-shortcut' });
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

  it('sets no AppUserModelID off Windows', () => {
    expect(wayland.appUserModelIds).toEqual([]);
  });
});
