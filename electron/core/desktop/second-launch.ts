/**
 * What a launch of the app does when it is not the first (`gate-glance --toggle` from a key
 * binding), and how a first launch that lacks the desktop entry's switches gets them. Pure
 * functions of the display server, so main only wires them.
 *
 * Focus after a second launch, from Electron's and Chromium's source (electron/electron @96f3996):
 * - Native Wayland: the second instance reads `XDG_ACTIVATION_TOKEN` (set by the launcher: GNOME's
 *   custom shortcuts and app launchers, KDE's) and hands it to the first with its arguments
 *   (`ScopedXdgActivationTokenInjector` in `App::RequestSingleInstanceLock`,
 *   `ExtractXdgActivationTokenFromCmdLine` before `second-instance`; electron/electron#43481, since
 *   31.x). The next window activation presents it to the compositor, so `show()` + `focus()` is
 *   what takes the focus there.
 * - XWayland (the desktop entry's `--ozone-platform=x11`) has no such token: Chromium's X11 window
 *   asks with `_NET_ACTIVE_WINDOW` and the time of the last X event it saw, which predates the key
 *   press the compositor handled, so Mutter refuses and says "Gate Glance is ready" instead. A window
 *   shown inactive (`showInactive()`: `_NET_WM_USER_TIME` 0, EWMH "do not focus on map") appears on
 *   top without asking; it never blurs, so the next `--toggle` is what hides it (always).
 * - macOS: `show()` already activates the app ignoring other apps (`NativeWindowMac::Show`), so
 *   `app.focus({ steal: true })` would add nothing. Windows: Chromium's process singleton lets the
 *   first instance take the foreground (`AllowSetForegroundWindow` for the notified process).
 */
import type { DisplayServerInput } from '../tray/popover-window-plan.js';
import { XWAYLAND_ARGS, isNativeWayland } from '../tray/popover-window-plan.js';

/** `focus`: `show()` and `focus()`. `inactive`: `showInactive()`, no focus asked for. */
export type SecondLaunchShow = 'focus' | 'inactive';

/** How the popover shows when a second launch toggles it on this display server. */
export function secondLaunchShow(input: DisplayServerInput): SecondLaunchShow {
  if (input.platform !== 'linux') return 'focus';
  const waylandSession = input.sessionType?.toLowerCase() === 'wayland';
  return waylandSession && !isNativeWayland(input) ? 'inactive' : 'focus';
}

/** What decides whether this first launch should start again with the desktop entry's switches. */
export interface RelaunchInput extends DisplayServerInput {
  /** `app.isPackaged`: `npm start` passes the switches itself, and a test build is run as it is asked. */
  readonly packaged: boolean;
  /** `process.env.DISPLAY`: XWayland is there to run on (a Wayland session without it stays native). */
  readonly display: string | undefined;
  /** `process.argv`: the executable, then its arguments. */
  readonly argv: readonly string[];
}

/**
 * The arguments to start again with (`app.relaunch({ args })`), or null to go on. Ozone picks its
 * platform before any JavaScript runs (`ElectronMainDelegate::PreSandboxStartup`), so a launch
 * without the desktop entry's `--ozone-platform=x11` (electron-builder writes `executableArgs` into
 * `Exec=` only: `gate-glance --toggle` from a key binding, `gate-glance` in a terminal) would run
 * natively on Wayland, where the popover cannot sit by the tray. Only when nothing chose a platform:
 * `--ozone-platform=wayland` (or a hint) is the user's choice and stays.
 */
export function xwaylandRelaunchArgs(input: RelaunchInput): string[] | null {
  if (!input.packaged || input.platform !== 'linux' || !input.display) return null;
  if (input.ozonePlatform !== '' || input.ozonePlatformHint !== '') return null;
  if (input.sessionType?.toLowerCase() !== 'wayland') return null;
  return [...XWAYLAND_ARGS, ...input.argv.slice(1)];
}
