/**
 * The BUILT main bundle on the fake Electron (as main-smoke.test.ts), once in a native Wayland
 * session and once in the same session started the way the desktop entry starts it
 * (--ozone-platform=x11): native Wayland gets the framed, movable window that is not placed and
 * not hidden on blur; XWayland gets the popover next to the tray.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XWAYLAND_ARGS } from '../core/tray/popover-window-plan.js';
import { BUILT, PROJECT_ROOT, ensureBuiltApp } from './testing/built-app.js';

interface Report {
  windowFlags: { frame: boolean; movable: boolean; center: boolean; skipTaskbar: boolean; alwaysOnTop: boolean; allWorkspaces: unknown };
  appUserModelIds: string[];
  popover: { visible: boolean; position: [number, number] | null; hiddenOnBlur: boolean };
}

const dirs: string[] = [];

function runMain(args: readonly string[]): Report {
  const dir = mkdtempSync(join(tmpdir(), 'glance-wayland-smoke-'));
  dirs.push(dir);
  const fake = join(PROJECT_ROOT, 'electron', 'main', 'testing', 'fake-electron');
  const r = spawnSync(process.execPath, ['--import', join(fake, 'register.mjs'), join(fake, 'driver.mjs'), BUILT.main, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      FAKE_USER_DATA: join(dir, 'userData'),
      FAKE_APP_DATA: join(dir, 'appData'),
      FAKE_HOME: join(dir, 'home'),
      GATE_GLANCE_DATA_DIR: join(dir, 'data'),
      FAKE_APP_PATH: PROJECT_ROOT,
      GLANCE_KEYCHAIN_SERVICE: 'gate-glance-main-smoke',
      XDG_SESSION_TYPE: 'wayland',
    },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('SMOKE '));
  if (!line) throw new Error(`the smoke driver reported nothing (status ${String(r.status)})\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice('SMOKE '.length)) as Report;
}

let wayland: Report;
let xwayland: Report;

beforeAll(() => {
  ensureBuiltApp();
  wayland = runMain([]);
  xwayland = runMain(XWAYLAND_ARGS);
}, 240_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('built main in a Wayland session (Linux)', () => {
  it('on native Wayland: a framed, movable, centred window in the taskbar, not placed, still open after a blur', () => {
    expect(wayland.windowFlags).toEqual({ frame: true, movable: true, center: true, skipTaskbar: false, alwaysOnTop: false, allWorkspaces: null });
    expect(wayland.popover).toEqual({ visible: true, position: null, hiddenOnBlur: false });
  });

  it('under XWayland (the desktop entry’s switch): the frameless popover next to the tray, hidden on blur', () => {
    expect(xwayland.windowFlags).toEqual({ frame: false, movable: false, center: false, skipTaskbar: true, alwaysOnTop: true, allWorkspaces: null });
    expect(xwayland.popover.visible).toBe(true);
    expect(xwayland.popover.position).not.toBeNull();
    expect(xwayland.popover.hiddenOnBlur).toBe(true);
  });

  it('sets no AppUserModelID off Windows', () => {
    expect(wayland.appUserModelIds).toEqual([]);
  });
});
