/**
 * Holds the global shortcut the preferences name: registers it, swaps it when the preference
 * changes, lets it go when turned off or on quit, and says whether the system granted it (another
 * app may hold the same keys, a Wayland compositor may refuse any). Electron's `globalShortcut`
 * is injected, so every transition is tested without an Electron binary.
 */
import type { ShortcutStatus } from '../../../shared/ipc.js';

/** What main gives the binder: Electron's `globalShortcut` calls and what a press does. */
export interface GlobalShortcutOptions {
  /** `globalShortcut.register`: false (or a throw) when the system or another app refuses. */
  readonly register: (accelerator: string, onPress: () => void) => boolean;
  readonly unregister: (accelerator: string) => void;
  readonly onPress: () => void;
  readonly onStatus: (status: ShortcutStatus) => void;
  /** How far a granted shortcut reaches on this desktop (`shortcutReach`). */
  readonly reach: ShortcutReach;
  readonly log: (message: string) => void;
}

/** `global`: fires whatever app has focus. `focus-only`: only while one of our windows has it. */
export type ShortcutReach = 'global' | 'focus-only';

/** What main reads to tell how far a shortcut reaches (as `isNativeWayland` reads it). */
export interface ShortcutReachInput {
  readonly platform: NodeJS.Platform;
  /** `XDG_SESSION_TYPE`. */
  readonly sessionType: string | undefined;
  /** Whether Electron runs as a native Wayland client (`isNativeWayland`). */
  readonly nativeWayland: boolean;
}

/**
 * How far a granted shortcut reaches. In a Wayland session under XWayland (the desktop entry's
 * `--ozone-platform=x11`), Chromium's X11 grab sees keys only while an X11 window (ours) has focus
 * (electron/electron#15863). Native Wayland goes through the GlobalShortcuts portal that main
 * enables (`enable-features=GlobalShortcutsPortal`, docs/api/global-shortcut.md), where the
 * compositor binds it for real; an X11 session grabs for real; macOS and Windows register with the system.
 */
export function shortcutReach(input: ShortcutReachInput): ShortcutReach {
  if (input.platform !== 'linux') return 'global';
  return input.sessionType?.toLowerCase() === 'wayland' && !input.nativeWayland ? 'focus-only' : 'global';
}

/** Follows the `globalShortcut` preference; `apply` is cheap to call with every state. */
export class GlobalShortcut {
  readonly #options: GlobalShortcutOptions;
  /** The accelerator last asked for (undefined before the first `apply`). */
  #wanted: string | null | undefined = undefined;
  /** The accelerator currently registered with the system. */
  #held: string | null = null;
  /** After quit a late state (the app's own teardown publishes one) must not register it again. */
  #disposed = false;

  constructor(options: GlobalShortcutOptions) {
    this.#options = options;
  }

  /** Registers `accelerator` (null: none), releasing the previous one; a repeat of the same value does nothing. */
  apply(accelerator: string | null): void {
    if (this.#disposed || accelerator === this.#wanted) return;
    this.#wanted = accelerator;
    this.#release();
    if (accelerator === null) {
      this.#options.onStatus('none');
      return;
    }
    let granted = false;
    try {
      granted = this.#options.register(accelerator, () => this.#options.onPress());
    } catch (error) {
      this.#options.log(`global shortcut refused (${error instanceof Error ? error.name : 'unknown'})`);
    }
    if (granted) this.#held = accelerator;
    else this.#options.log(`global shortcut ${accelerator} is not available`);
    this.#options.onStatus(granted ? (this.#options.reach === 'global' ? 'registered' : 'focus-only') : 'failed');
  }

  /** Releases the shortcut for good (quit). */
  dispose(): void {
    this.#disposed = true;
    this.#release();
  }

  #release(): void {
    if (this.#held === null) return;
    try {
      this.#options.unregister(this.#held);
    } catch (error) {
      this.#options.log(`global shortcut release failed (${error instanceof Error ? error.name : 'unknown'})`);
    }
    this.#held = null;
  }
}
