/**
 * The popover window's controller: creates it hidden, shows it where it is told, hides it on blur
 * (a tray popover) and toggles it. The tray-and-popover class (tray-popover.ts) drives it.
 */
import type { Point } from '../core/tray/popover-position.js';
import type { PopoverWindowPlan } from '../core/tray/popover-window-plan.js';
import type { PushTargetLike } from './ipc-binding.js';
import { POPOVER_SIZE } from './popover-window.js';
import type { Clock, TimerHandle } from '../core/clock.js';
import { failedLoadNeedsReload, reloadDelayMs } from '../core/desktop/reload-backoff.js';
import type { SecondLaunchShow } from '../core/desktop/second-launch.js';

/** A blur that hid the window this recently was caused by the tray click itself: don't reopen. */
export const BLUR_TOGGLE_GUARD_MS = 300;

/** The parts of `WebContents` the controller watches: a crashed or failed page is reloaded. */
interface PopoverContentsLike extends PushTargetLike {
  readonly id: number;
  on(event: 'render-process-gone', listener: (event: unknown, details: { readonly reason: string }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, description: string, url: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
}

/** The parts of `BrowserWindow` the controller uses. */
export interface PopoverWindowLike {
  readonly webContents: PopoverContentsLike;
  isDestroyed(): boolean;
  isVisible(): boolean;
  show(): void;
  /** Shows without asking for focus (a second launch under XWayland: core's secondLaunchShow). */
  showInactive(): void;
  hide(): void;
  focus(): void;
  destroy(): void;
  setPosition(x: number, y: number): void;
  setVisibleOnAllWorkspaces(visible: boolean, options: { visibleOnFullScreen: boolean; skipTransformProcessType: boolean }): void;
  loadURL(url: string): Promise<void>;
  on(event: 'blur' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

export interface PopoverOptions {
  /** Builds the window for a plan (createPopoverBrowserWindow in main). */
  createWindow(plan: PopoverWindowPlan): PopoverWindowLike;
  /** How the window is built and behaves (core's popoverPlanFor); `usePlan` changes it. */
  readonly plan: PopoverWindowPlan;
  /** Where to put a window of this size right now (a tray plan only). */
  placement(size: { width: number; height: number }): Point;
  /** The app URL to load (app://glance/index.html). */
  readonly url: string;
  /** Time and timers: the blur guard and the reload backoff. */
  readonly clock: Clock;
  readonly log: (message: string) => void;
  /** The window was just shown. */
  onShow(): void;
  /** The shown window went away: hidden (blur, toggle, Escape) or closed by the user. */
  onHide(): void;
}

/**
 * Owns the popover window: created hidden at start, shown where the tray-and-popover class says
 * and hidden on blur, or (native Wayland, no tray host) an ordinary window that stays until the
 * user closes or toggles it. A page that crashes or fails to load is reloaded with a backoff.
 */
export class PopoverController {
  #window: PopoverWindowLike | null = null;
  /** The plan the current window was built with (a plan change rebuilds it when hidden). */
  #windowPlan: PopoverWindowPlan | null = null;
  #plan: PopoverWindowPlan;
  #ready = false;
  /** A show asked for before the page was ready: how it shows once it is. */
  #showWhenReady: SecondLaunchShow | null = null;
  #hiddenByBlurAt = Number.NEGATIVE_INFINITY;
  #reloads = 0;
  #reloadTimer: TimerHandle | null = null;
  /** Whether the user sees it: set by `#reveal`, cleared (telling `onHide` once) by a hide or a close. */
  #shown = false;
  readonly #options: PopoverOptions;

  constructor(options: PopoverOptions) {
    this.#options = options;
    this.#plan = options.plan;
  }

  get plan(): PopoverWindowPlan {
    return this.#plan;
  }

  /** Creates the (hidden) window and loads the app, so the first click opens at once. */
  create(): PopoverWindowLike {
    if (this.#window && !this.#window.isDestroyed()) return this.#window;
    const plan = this.#plan;
    const win = this.#options.createWindow(plan);
    this.#window = win;
    this.#windowPlan = plan;
    this.#ready = false;
    // LSUIElement makes the app a UI element already: skip the Dock flash the transform causes.
    if (plan.visibleOnAllWorkspaces) win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    win.once('ready-to-show', () => {
      this.#ready = true;
      if (this.#showWhenReady !== null) this.#reveal(win, this.#showWhenReady);
    });
    if (plan.hideOnBlur) {
      win.on('blur', () => {
        if (win.isDestroyed() || !win.isVisible()) return;
        this.#hiddenByBlurAt = this.#options.clock.now();
        this.#hide(win);
      });
    }
    win.on('closed', () => {
      if (this.#window !== win) return;
      this.#window = null;
      this.#cancelReload();
      // An ordinary window's close button (no tray host, native Wayland) is a hide too.
      this.#hidden();
    });
    // A crashed renderer or a failed load would leave a blank popover: load the page again, later each time.
    win.webContents.on('render-process-gone', (_event, details) => this.#scheduleReload(win, `renderer gone (${details.reason})`));
    win.webContents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
      if (failedLoadNeedsReload(errorCode, isMainFrame)) this.#scheduleReload(win, `page failed to load (${errorCode})`);
    });
    win.webContents.on('did-finish-load', () => (this.#reloads = 0));
    this.#load(win);
    return win;
  }

  /** A tray click: hide when shown, show when hidden (unless that click's blur just hid it). */
  toggle(): void {
    const win = this.#window;
    if (win && !win.isDestroyed() && win.isVisible()) {
      this.#hide(win);
      return;
    }
    if (this.#options.clock.now() - this.#hiddenByBlurAt < BLUR_TOGGLE_GUARD_MS) return;
    this.show();
  }

  /**
   * A key press or `--toggle`: hide when shown, show otherwise (a key press blurs nothing, so no
   * blur guard). A window shown without focus (inactive, or refused focus by the window manager)
   * never blurs: this second toggle is what hides it.
   */
  toggleFromKeyboard(how: SecondLaunchShow = 'focus'): void {
    const win = this.#window;
    if (win && !win.isDestroyed() && win.isVisible()) this.#hide(win);
    else this.show(how);
  }

  /** Shows the window where the plan says (creating it if it was closed), focused unless asked otherwise. */
  show(how: SecondLaunchShow = 'focus'): void {
    const win = this.create();
    if (!this.#ready) {
      this.#showWhenReady = how;
      return;
    }
    this.#reveal(win, how);
  }

  hide(): void {
    const win = this.#window;
    if (win && !win.isDestroyed() && win.isVisible()) this.#hide(win);
  }

  /** Whether the window is on screen. */
  isVisible(): boolean {
    const win = this.#window;
    return win !== null && !win.isDestroyed() && win.isVisible();
  }

  /**
   * Builds windows with `plan` from now on: a hidden window is rebuilt at once, a shown one when
   * it is next hidden or closed (never pulled from under the user).
   */
  usePlan(plan: PopoverWindowPlan): void {
    this.#plan = plan;
    const win = this.#window;
    if (win && !win.isDestroyed() && !win.isVisible() && this.#windowPlan !== plan) this.#rebuild(win);
  }

  #hide(win: PopoverWindowLike): void {
    win.hide();
    this.#hidden();
    if (this.#windowPlan !== this.#plan) this.#rebuild(win);
  }

  #hidden(): void {
    if (!this.#shown) return;
    this.#shown = false;
    this.#options.onHide();
  }

  #rebuild(win: PopoverWindowLike): void {
    this.#window = null;
    this.#cancelReload();
    win.destroy();
    this.create();
  }

  #reveal(win: PopoverWindowLike, how: SecondLaunchShow): void {
    this.#showWhenReady = null;
    if (win.isDestroyed()) return;
    if (this.#windowPlan?.placement === 'tray') {
      const { x, y } = this.#options.placement({ width: POPOVER_SIZE.width, height: POPOVER_SIZE.height });
      win.setPosition(x, y);
    }
    if (how === 'inactive') {
      win.showInactive();
    } else {
      win.show();
      win.focus();
    }
    this.#shown = true;
    this.#options.onShow();
  }

  #load(win: PopoverWindowLike): void {
    win.loadURL(this.#options.url).catch(() => this.#options.log('popover: the app page failed to load'));
  }

  #scheduleReload(win: PopoverWindowLike, why: string): void {
    if (this.#reloadTimer !== null || win.isDestroyed()) return;
    const delay = reloadDelayMs(this.#reloads);
    this.#reloads += 1;
    this.#options.log(`popover: ${why}; reloading in ${delay} ms`);
    this.#reloadTimer = this.#options.clock.setTimeout(() => {
      this.#reloadTimer = null;
      if (!win.isDestroyed() && this.#window === win) this.#load(win);
    }, delay);
  }

  #cancelReload(): void {
    if (this.#reloadTimer !== null) this.#options.clock.clearTimeout(this.#reloadTimer);
    this.#reloadTimer = null;
  }

  /** Ids of the webContents main created: the only ones the IPC router trusts. */
  webContentsIds(): ReadonlySet<number> {
    const win = this.#window;
    return win && !win.isDestroyed() ? new Set([win.webContents.id]) : new Set();
  }

  /** Where state pushes go. */
  pushTargets(): readonly PushTargetLike[] {
    const win = this.#window;
    return win && !win.isDestroyed() ? [win.webContents] : [];
  }

  /** Destroys the window and stops a pending reload (on quit). */
  dispose(): void {
    this.#cancelReload();
    const win = this.#window;
    this.#window = null;
    if (win && !win.isDestroyed()) win.destroy();
  }
}
