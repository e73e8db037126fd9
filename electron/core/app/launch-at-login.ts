/**
 * "Launch at login" per platform. macOS and Windows have a login-item API (Electron's
 * `app.setLoginItemSettings`, passed in); Linux desktops follow the XDG autostart spec, so we
 * write or remove `~/.config/autostart/gate-glance.desktop` ourselves. Errors are values.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../../../shared/errors.js';
import { fail, ok } from '../../../shared/errors.js';
import { XWAYLAND_ARGS } from '../tray/popover-window-plan.js';
import { LOGIN_ARG } from './launch-intent.js';

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
