/**
 * "Launch at login" per platform. macOS and Windows have a login-item API (Electron's
 * `app.setLoginItemSettings`, passed in); Linux desktops follow the XDG autostart spec, so we
 * write or remove `~/.config/autostart/gate-glance.desktop` ourselves. Errors are values.
 */
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../../../shared/errors.js';
import type { DesktopStatus } from '../../../shared/ipc.js';
import { fail, ok } from '../../../shared/errors.js';
import { XWAYLAND_ARGS } from '../tray/popover-window-plan.js';
import { LOGIN_ARG } from './launch-intent.js';

/**
 * macOS 13+ System Settings › General › Login Items (what `SMAppService.openSystemSettingsLoginItems()`
 * opens; Electron has no call for it), where the user allows a login item that `requires-approval`.
 */
export const LOGIN_ITEMS_SETTINGS_URL = 'x-apple.systempreferences:com.apple.LoginItems-Settings.extension';

/** The autostart file's name (XDG autostart). */
export const AUTOSTART_FILE_NAME = 'gate-glance.desktop';

/** Quotes one argument for a desktop entry's Exec key (XDG desktop entry spec, "Exec" quoting rules). */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(arg)) return arg;
  return `"${arg.replace(/([\\"`$])/g, '\\$1')}"`;
}

/** The desktop entry that starts the app at login. */
export function autostartDesktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Gate Glance',
    'Comment=Your Gate.io net worth in the tray',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** What `createLaunchAtLogin` needs. */
export interface LaunchAtLoginOptions {
  readonly platform: NodeJS.Platform;
  /** Electron's `app.setLoginItemSettings` (macOS, Windows). */
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => void;
  /** `$XDG_CONFIG_HOME/autostart` (or `~/.config/autostart`) on Linux. */
  readonly autostartDir: string;
  /** How to start the app: the executable (plus the project folder when unpackaged). */
  readonly command: readonly string[];
}

/** Builds the platform's launch-at-login switch. */
export function createLaunchAtLogin(options: LaunchAtLoginOptions): (enabled: boolean) => Promise<Result<null>> {
  return async (enabled) => {
    try {
      // macOS reports a login start itself (wasOpenedAtLogin); Windows and Linux pass LOGIN_ARG.
      if (options.platform === 'darwin') {
        options.setLoginItemSettings({ openAtLogin: enabled });
        return ok(null);
      }
      if (options.platform === 'win32') {
        options.setLoginItemSettings({ openAtLogin: enabled, args: [LOGIN_ARG] });
        return ok(null);
      }
      const file = join(options.autostartDir, AUTOSTART_FILE_NAME);
      if (enabled) {
        await mkdir(options.autostartDir, { recursive: true });
        // Started at login like from the menu: under XWayland, where the popover can sit next to the tray.
        await writeFile(file, autostartDesktopEntry([...options.command, LOGIN_ARG, ...XWAYLAND_ARGS]), { encoding: 'utf8', mode: 0o644 });
      } else {
        await rm(file, { force: true });
      }
      return ok(null);
    } catch {
      return fail('INTERNAL', { reason: 'launch-at-login' });
    }
  };
}

/**
 * What Electron's `app.getLoginItemSettings()` reports (docs/api/app.md): `openAtLogin` on macOS
 * and Windows, and on macOS 13+ a `status` of `not-registered`, `enabled`, `requires-approval`
 * (registered, waiting for the user in System Settings › Login Items) or `not-found`.
 */
interface LoginItemSettingsLike {
  readonly openAtLogin: boolean;
  readonly status?: string;
}

export interface LoginItemReadOptions {
  readonly platform: NodeJS.Platform;
  /** `app.getLoginItemSettings` (macOS, Windows; LOGIN_ARG is passed on Windows as when it was set). */
  readonly getLoginItemSettings: () => LoginItemSettingsLike;
  /** `$XDG_CONFIG_HOME/autostart` on Linux. */
  readonly autostartDir: string;
}

/** What the system has: the login item as `WidgetState.desktop.loginItem` says it. Never rejects. */
export async function readLoginItem(options: LoginItemReadOptions): Promise<DesktopStatus['loginItem']> {
  try {
    if (options.platform === 'darwin' || options.platform === 'win32') {
      const settings = options.getLoginItemSettings();
      if (settings.status === 'requires-approval') return 'requires-approval';
      if (settings.status === 'enabled') return 'on';
      if (settings.status === 'not-registered' || settings.status === 'not-found') return 'off';
      return settings.openAtLogin ? 'on' : 'off';
    }
    const there = await access(join(options.autostartDir, AUTOSTART_FILE_NAME)).then(
      () => true,
      () => false,
    );
    return there ? 'on' : 'off';
  } catch {
    return 'unknown';
  }
}

/**
 * The preference that follows what the system has: on or off as it says; unchanged while macOS
 * waits for approval (the user asked for it) or when the system could not be read.
 */
export function launchAtLoginFromSystem(item: DesktopStatus['loginItem'], preference: boolean): boolean {
  if (item === 'on') return true;
  if (item === 'off') return false;
  return preference;
}
