/**
 * What the user meant by starting the app: the first-run greeting, a login start that must stay
 * quiet, and `--toggle` from a second launch (the Wayland-proof way to bind a key to the
 * popover). Pure functions of argv and the state, so main only wires them.
 */
import type { WidgetState } from '../../../shared/ipc.js';

/** Passed by every launch-at-login registration, so a login start can be told from a user's start. */
export const LOGIN_ARG = '--login';
/** `gate-glance --toggle`: show the popover if hidden, hide it if shown, in the running instance. */
export const TOGGLE_ARG = '--toggle';

/** Launch-at-login facts main reads from Electron. */
export interface LaunchFacts {
  readonly argv: readonly string[];
  /** macOS `app.getLoginItemSettings().wasOpenedAtLogin` (false elsewhere). */
  readonly wasOpenedAtLogin: boolean;
}

/** True when the OS started the app at login (the argument we registered, or macOS says so). */
export function startedAtLogin(facts: LaunchFacts): boolean {
  return facts.wasOpenedAtLogin || facts.argv.includes(LOGIN_ARG);
}

/** What a second launch asks of the running instance: `--toggle` toggles; anything else shows the popover. */
export function secondInstanceAction(argv: readonly string[]): 'toggle' | 'show' {
  return argv.includes(TOGGLE_ARG) ? 'toggle' : 'show';
}

/**
 * Whether to open the popover by itself: once the keychain has answered that no key is stored
 * (the demo runs and the popover offers "Connect your Gate account"), unless the app was started
 * at login — a tray-only app that pops up at every login is a nuisance, while one whose icon lands
 * in an overflow area and shows nothing on a user's start looks as if it did nothing.
 */
export function shouldGreet(state: Pick<WidgetState, 'credentials'>, atLogin: boolean): boolean {
  const c = state.credentials;
  return !atLogin && !c.checking && !c.stored && c.keychainError === null;
}
