/**
 * How the popover window behaves on this desktop, decided once at start from the platform and
 * the display server. Pure, so each case is unit-tested without Electron.
 *
 * - Next to the tray (macOS, Windows, Linux under X11 or XWayland): a frameless window placed
 *   against the tray icon and hidden when it loses focus.
 * - Native Wayland: the compositor forbids placing windows and reading the cursor, and a blur
 *   may never arrive, so the popover becomes an ordinary framed window the user moves and
 *   closes, opened centred, listed in the taskbar so it can be found again.
 * - macOS: shown on the current Space, also over a full-screen app.
 */

/** What main reads to tell native Wayland from X11/XWayland. */
export interface DisplayServerInput {
  readonly platform: NodeJS.Platform;
  /** `process.env.XDG_SESSION_TYPE`: "wayland", "x11", "tty" or unset. */
  readonly sessionType: string | undefined;
  /** `app.commandLine.getSwitchValue('ozone-platform')`: "" when the switch was not given. */
  readonly ozonePlatform: string;
  /** `app.commandLine.getSwitchValue('ozone-platform-hint')`: "" when not given. */
  readonly ozonePlatformHint: string;
}

/** The switch the packaged desktop entry and the autostart entry pass: run under XWayland. */
export const XWAYLAND_ARGS: readonly string[] = ['--ozone-platform=x11'];

/**
 * Whether Electron runs as a native Wayland client. Since Electron 38 `--ozone-platform`
 * defaults to `auto`, which picks Wayland when launched in a Wayland session
 * (`XDG_SESSION_TYPE=wayland`); `--ozone-platform=x11` forces XWayland, `=wayland` forces Wayland.
 * An explicit `--ozone-platform` wins over the hint.
 */
export function isNativeWayland(input: DisplayServerInput): boolean {
  if (input.platform !== 'linux') return false;
  const choice = (input.ozonePlatform || input.ozonePlatformHint || 'auto').toLowerCase();
  if (choice === 'x11') return false;
  if (choice === 'wayland') return true;
  return input.sessionType?.toLowerCase() === 'wayland';
}

/** How the popover window is built and behaves. */
export interface PopoverWindowPlan {
  /** `tray`: placed next to the tray icon. `floating`: an ordinary window, centred at creation, then wherever the user moved it. */
  readonly placement: 'tray' | 'floating';
  /** A title bar with a close button (floating only). */
  readonly frame: boolean;
  readonly movable: boolean;
  /** Hidden when it loses focus (a menu-like popover); never where blur may not fire. */
  readonly hideOnBlur: boolean;
  /** Windows and macOS honour it; Linux ignores skipTaskbar, so the popover is listed there while open. */
  readonly skipTaskbar: boolean;
  readonly alwaysOnTop: boolean;
  /** macOS: join the current Space, also over a full-screen app. */
  readonly visibleOnAllWorkspaces: boolean;
}

/** The plan for a platform, and whether it runs on native Wayland. */
export function popoverWindowPlan(platform: NodeJS.Platform, nativeWayland: boolean): PopoverWindowPlan {
  if (platform === 'linux' && nativeWayland) {
    return {
      placement: 'floating',
      frame: true,
      movable: true,
      hideOnBlur: false,
      skipTaskbar: false,
      alwaysOnTop: false,
      visibleOnAllWorkspaces: false,
    };
  }
  return {
    placement: 'tray',
    frame: false,
    movable: false,
    hideOnBlur: true,
    skipTaskbar: true,
    alwaysOnTop: true,
    visibleOnAllWorkspaces: platform === 'darwin',
  };
}

/** The parts of Electron's `app.commandLine` the plan reads. */
export interface CommandLineLike {
  getSwitchValue(name: string): string;
}

/** The display server this process runs on: the platform, XDG_SESSION_TYPE and the ozone switches. */
export function displayServerOf(commandLine: CommandLineLike, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): DisplayServerInput {
  return {
    platform,
    sessionType: env.XDG_SESSION_TYPE,
    ozonePlatform: commandLine.getSwitchValue('ozone-platform'),
    ozonePlatformHint: commandLine.getSwitchValue('ozone-platform-hint'),
  };
}

/** The popover plan for this process. */
export function popoverPlanFor(commandLine: CommandLineLike, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): PopoverWindowPlan {
  return popoverWindowPlan(platform, isNativeWayland(displayServerOf(commandLine, platform, env)));
}

/**
 * The plan while no tray host shows our icon (Linux, after the grace period): an ordinary window
 * the user can find, move and close, which a blur never hides.
 */
export const NO_TRAY_HOST_PLAN: PopoverWindowPlan = popoverWindowPlan('linux', true);

/**
 * Whether `screen.getCursorScreenPoint()` is the pointer's place at a tray click. Not in a Wayland
 * session: under XWayland X11 only learns of the pointer over X11 windows (stale after a click on
 * the native panel), and native Wayland never tells.
 */
export function cursorKnownFresh(input: DisplayServerInput): boolean {
  return !(input.platform === 'linux' && input.sessionType?.toLowerCase() === 'wayland');
}
