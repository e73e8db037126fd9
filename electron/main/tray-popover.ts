/**
 * The tray-and-popover class (the shape of menubar's `Menubar` and Signal's `SystemTrayService`):
 * one object owns the tray icon, the popover window, toggling, placement and hide-on-blur, and
 * answers the tray's Open and Quit itself. The app tells it *what* to show (`render(state)`);
 * it tells the app only what the user asked of the app (`onDidCommand`) and that the popover
 * opened (`onDidShow`) or went away (`onDidHide`). Every decision is a pure function in core: the tray model and icon
 * (core/tray), the placement (popover-position.ts), the window plan (popover-window-plan.ts) and
 * what to do while no tray host is there (core/desktop/tray-host.ts).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { WidgetState } from '../../shared/ipc.js';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Disposable, TrayHostMonitor } from '../core/desktop/tray-host.js';
import { TRAY_HOST_GRACE_MS, trayHostPlan } from '../core/desktop/tray-host.js';
import type { SecondLaunchShow } from '../core/desktop/second-launch.js';
import type { Point, Rect } from '../core/tray/popover-position.js';
import { popoverPosition } from '../core/tray/popover-position.js';
import type { PopoverWindowPlan } from '../core/tray/popover-window-plan.js';
import { NO_TRAY_HOST_PLAN } from '../core/tray/popover-window-plan.js';
import type { TrayAppCommand, TrayModel } from '../core/tray/tray-model.js';
import type { PushTargetLike } from './ipc-binding.js';
import type { PopoverWindowLike } from './popover.js';
import { PopoverController } from './popover.js';
import type { TrayLike } from './tray.js';
import { TrayController } from './tray.js';

/** The parts of Electron's `screen` placement reads. */
interface ScreenLike {
  getCursorScreenPoint(): Point;
  getDisplayMatching(rect: Rect): { readonly workArea: Rect; readonly bounds: Rect };
  getDisplayNearestPoint(point: Point): { readonly workArea: Rect; readonly bounds: Rect };
}

export interface TrayPopoverOptions<Image, Menu> {
  readonly platform: NodeJS.Platform;
  /** How the popover window is built (core's popoverPlanFor for this process). */
  readonly plan: PopoverWindowPlan;
  /** Whether a tray host shows our icon (the D-Bus watcher on Linux, `fixedTrayHost('not-applicable')` elsewhere). */
  readonly trayHost: TrayHostMonitor;
  createTray(image: Image): TrayLike<Image, Menu>;
  loadIcon(fileName: string): Image;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  createWindow(plan: PopoverWindowPlan): PopoverWindowLike;
  readonly screen: ScreenLike;
  /** How a second launch's `--toggle` shows the popover on this display server (core's secondLaunchShow). */
  readonly secondLaunch: SecondLaunchShow;
  /** Whether the cursor is where the user clicked (core's cursorKnownFresh): not in a Wayland session. */
  readonly cursorFresh: boolean;
  /** `nativeTheme.shouldUseDarkColorsForSystemIntegratedUI` (Windows taskbar), read at every draw. */
  darkSystemUI(): boolean;
  /** The app URL the popover loads. */
  readonly url: string;
  readonly clock: Clock;
  readonly log: (message: string) => void;
  /** The tray's Quit (`app.quit()`). */
  quit(): void;
}

type Listener<T> = (value: T) => void;

function subscribe<T>(set: Set<Listener<T>>, listener: Listener<T>): Disposable {
  set.add(listener);
  return { dispose: () => void set.delete(listener) };
}

/** Owns the tray icon and the popover. `start(state)` once, `render(state)` on every change, `dispose()` on quit. */
export class TrayPopover<Image, Menu> {
  readonly #options: TrayPopoverOptions<Image, Menu>;
  readonly #popover: PopoverController;
  readonly #tray: TrayController<Image, Menu>;
  readonly #showListeners = new Set<Listener<void>>();
  readonly #hideListeners = new Set<Listener<void>>();
  readonly #commandListeners = new Set<Listener<TrayAppCommand>>();
  #startedAt = 0;
  #state: WidgetState | null = null;
  #graceTimer: TimerHandle | null = null;
  #hostWatch: Disposable | null = null;

  constructor(options: TrayPopoverOptions<Image, Menu>) {
    this.#options = options;
    this.#popover = new PopoverController({
      createWindow: options.createWindow,
      plan: options.plan,
      placement: (size) => this.#placement(size),
      url: options.url,
      clock: options.clock,
      log: options.log,
      onShow: () => {
        for (const listener of [...this.#showListeners]) listener();
      },
      onHide: () => {
        for (const listener of [...this.#hideListeners]) listener();
      },
    });
    this.#tray = new TrayController<Image, Menu>({
      platform: options.platform,
      createTray: options.createTray,
      loadIcon: options.loadIcon,
      buildMenu: options.buildMenu,
      darkSystemUI: options.darkSystemUI,
      clock: options.clock,
      onClick: () => this.#popover.toggle(),
      onCommand: (command) => {
        if (command.type === 'open') this.#popover.show();
        else if (command.type === 'quit') this.#options.quit();
        else for (const listener of [...this.#commandListeners]) listener(command);
      },
    });
  }

  /** The popover was shown (the app re-reads what may have changed while it was hidden). */
  onDidShow(listener: () => void): Disposable {
    return subscribe(this.#showListeners, listener);
  }

  /** The shown popover was hidden or closed (the app's schedule keeps its own interval again). */
  onDidHide(listener: () => void): Disposable {
    return subscribe(this.#hideListeners, listener);
  }

  /** A tray menu command for the app (refresh, currency, privacy, login item, demo). */
  onDidCommand(listener: (command: TrayAppCommand) => void): Disposable {
    return subscribe(this.#commandListeners, listener);
  }

  /**
   * Creates the hidden popover (so the first click opens at once) and the tray icon once a tray
   * host is there; while none is, past the grace period, shows the popover as an ordinary window.
   */
  start(initial: WidgetState): void {
    this.#state = initial;
    this.#startedAt = this.#options.clock.now();
    this.#popover.create();
    this.#hostWatch = this.#options.trayHost.onDidChange(() => this.#followHost());
    this.#followHost();
  }

  /** Renders a state in the tray (only what changed reaches Electron). */
  render(state: WidgetState): void {
    this.#state = state;
    this.#tray.render(state);
  }

  /** Re-renders the tray (the system theme changed). */
  refresh(): void {
    this.#tray.refresh();
  }

  /** The last tray model rendered (the Electron e2e tier reads it). */
  get lastModel(): TrayModel | null {
    return this.#tray.lastModel;
  }

  show(): void {
    this.#popover.show();
  }

  /** The renderer's own request (Escape, the close button). */
  hide(): void {
    this.#popover.hide();
  }

  /** The global shortcut: hide when shown, show when hidden. */
  toggleFromKeyboard(): void {
    this.#popover.toggleFromKeyboard();
  }

  /** `gate-glance --toggle` run again: as the shortcut, shown the way this display server lets a second launch show it. */
  toggleFromSecondLaunch(): void {
    this.#popover.toggleFromKeyboard(this.#options.secondLaunch);
  }

  isVisible(): boolean {
    return this.#popover.isVisible();
  }

  webContentsIds(): ReadonlySet<number> {
    return this.#popover.webContentsIds();
  }

  pushTargets(): readonly PushTargetLike[] {
    return this.#popover.pushTargets();
  }

  #followHost(): void {
    const elapsed = this.#options.clock.now() - this.#startedAt;
    const plan = trayHostPlan(this.#options.trayHost.status, elapsed);
    if (plan === 'tray') {
      this.#clearGrace();
      if (this.#popover.plan === NO_TRAY_HOST_PLAN) this.#popover.usePlan(this.#options.plan);
      if (this.#state) this.#tray.create(this.#state);
      return;
    }
    if (plan === 'wait') {
      if (this.#graceTimer === null) {
        this.#graceTimer = this.#options.clock.setTimeout(
          () => {
            this.#graceTimer = null;
            this.#followHost();
          },
          Math.max(0, this.#startedAt + TRAY_HOST_GRACE_MS - this.#options.clock.now()),
        );
      }
      return;
    }
    // No host after the grace period: a window the user can see, find in the taskbar and close.
    if (this.#popover.plan !== NO_TRAY_HOST_PLAN) {
      this.#options.log('no tray host: the popover opens as a window');
      this.#popover.usePlan(NO_TRAY_HOST_PLAN);
      this.#popover.show();
    }
  }

  #clearGrace(): void {
    if (this.#graceTimer !== null) this.#options.clock.clearTimeout(this.#graceTimer);
    this.#graceTimer = null;
  }

  #placement(size: { width: number; height: number }): Point {
    const { screen, platform, cursorFresh } = this.#options;
    const trayBounds = this.#tray.bounds();
    const cursor = screen.getCursorScreenPoint();
    const hasBounds = trayBounds.width > 0 && trayBounds.height > 0;
    // A stale cursor still names the display the user last worked on; the panel's edge then decides the place.
    const display = hasBounds ? screen.getDisplayMatching(trayBounds) : screen.getDisplayNearestPoint(cursor);
    return popoverPosition({
      trayBounds,
      windowSize: size,
      workArea: display.workArea,
      displayBounds: display.bounds,
      cursor: cursorFresh ? cursor : null,
      platform,
    });
  }

  /** Removes the tray, the window, the host watch and every timer. */
  dispose(): void {
    this.#clearGrace();
    this.#hostWatch?.dispose();
    this.#hostWatch = null;
    this.#showListeners.clear();
    this.#hideListeners.clear();
    this.#commandListeners.clear();
    this.#tray.dispose();
    this.#popover.dispose();
  }
}
