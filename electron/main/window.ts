/**
 * The popover window: its locked-down options (the only place webPreferences are set), the
 * hardening applied to every webContents and to its session, and a controller that creates it
 * hidden, shows it next to the tray, hides it on blur and toggles it from the tray. Electron
 * objects come in through small interfaces so the behaviour is unit-tested with fakes.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Point } from '../core/tray/popover-position.js';
import type { DisplayServerInput, PopoverWindowPlan } from '../core/tray/popover-window-plan.js';
import { isNativeWayland, popoverWindowPlan } from '../core/tray/popover-window-plan.js';
import type { PushTargetLike } from './ipc-binding.js';
import { ENGLISH } from '../../shared/present/words.js';

/** The popover's content size. */
export const POPOVER_SIZE = { width: 360, height: 480 } as const;
/**
 * In-memory session partition (no "persist:" prefix): the popover keeps no cookies, cache or
 * storage on disk, so it remembers nothing sensitive between runs.
 */
export const POPOVER_PARTITION = 'glance-popover';
/** A blur that hid the window this recently was caused by the tray click itself: don't reopen. */
export const BLUR_TOGGLE_GUARD_MS = 300;

/** The plan where none is given: a popover next to the tray (X11, Windows). */
const TRAY_POPOVER = popoverWindowPlan('linux', false);

/** The parts of `app.commandLine` the plan reads. */
export interface CommandLineLike {
  getSwitchValue(name: string): string;
}

/** The popover plan for this process: reads the platform, XDG_SESSION_TYPE and the ozone switches. */
export function popoverPlanFor(commandLine: CommandLineLike, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): PopoverWindowPlan {
  const input: DisplayServerInput = {
    platform,
    sessionType: env.XDG_SESSION_TYPE,
    ozonePlatform: commandLine.getSwitchValue('ozone-platform'),
    ozonePlatformHint: commandLine.getSwitchValue('ozone-platform-hint'),
  };
  return popoverWindowPlan(platform, isNativeWayland(input));
}

/** Constructs a BrowserWindow (the real class in main, a recording fake in tests). */
export type BrowserWindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the popover window. Callers cannot pass webPreferences: they are written here, as a
 * literal at the construction site, so reviewers and static checkers (Electronegativity) see
 * exactly what every window gets.
 */
export function createPopoverBrowserWindow<W>(
  BrowserWindow: BrowserWindowConstructor<W>,
  options: {
    readonly preloadPath: string;
    readonly devTools: boolean;
    readonly backgroundColor: string;
    readonly plan?: PopoverWindowPlan;
  },
): W {
  const plan = options.plan ?? TRAY_POPOVER;
  return new BrowserWindow({
    width: POPOVER_SIZE.width,
    height: POPOVER_SIZE.height,
    useContentSize: true,
    show: false,
    frame: plan.frame,
    // A floating window (native Wayland) opens centred; the compositor may still choose.
    center: plan.placement === 'floating',
    resizable: false,
    movable: plan.movable,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: plan.skipTaskbar,
    alwaysOnTop: plan.alwaysOnTop,
    // The product's name, the same in every language.
    title: ENGLISH.t('popover.app-name'),
    backgroundColor: options.backgroundColor,
    webPreferences: {
      preload: options.preloadPath,
      partition: POPOVER_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
}

/** An event whose default can be prevented (navigation, webview attach, download). */
export interface PreventableEvent {
  preventDefault(): void;
  /** The navigation target, on navigation events. */
  readonly url?: string;
}

/** The parts of `WebContents` the hardening uses. */
export interface HardenableContents {
  on(event: string, listener: (event: PreventableEvent, ...args: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The parts of `Session` the hardening uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
}

/**
 * Denies navigation (top frame and sub-frames) and redirects to anything but the app's own
 * pages (`allowNavigation`, e.g. a reload of app://glance/index.html), and every new window and
 * webview. Main applies it to every webContents ever created (`web-contents-created`).
 */
export function hardenContents(
  contents: HardenableContents,
  log: (message: string) => void = () => {},
  allowNavigation: (url: string) => boolean = () => false,
): void {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    contents.on(event, (e, ...args) => {
      // Electron ≥ 25 puts the target on the event (`details.url`); older ones passed it as the next argument.
      const url = typeof e.url === 'string' ? e.url : typeof args[0] === 'string' ? args[0] : null;
      if (url !== null && allowNavigation(url)) return;
      e.preventDefault();
      log(`blocked ${event}`);
    });
  }
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    log('blocked a webview');
  });
  contents.setWindowOpenHandler(() => {
    log('blocked window.open');
    return { action: 'deny' };
  });
}

/**
 * Denies every permission request and check that `allow` does not grant (by default: all),
 * and all device access and downloads, in a session.
 */
export function hardenSession(
  session: HardenableSession,
  allow: (permission: string, url: string | undefined) => boolean = () => false,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => callback(allow(permission, details?.requestingUrl)));
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => allow(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (e) => e.preventDefault());
}

/** The parts of `BrowserWindow` the controller uses. */
export interface PopoverWindowLike {
  readonly webContents: PushTargetLike & { readonly id: number };
  isDestroyed(): boolean;
  isVisible(): boolean;
  show(): void;
  hide(): void;
  focus(): void;
  destroy(): void;
  setPosition(x: number, y: number): void;
  setVisibleOnAllWorkspaces(visible: boolean, options: { visibleOnFullScreen: boolean; skipTransformProcessType: boolean }): void;
  loadURL(url: string): Promise<void>;
  on(event: 'blur' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

/** What the controller needs from main. */
export interface PopoverDeps {
  /** Builds the window for the plan (createPopoverBrowserWindow in main). */
  createWindow(plan: PopoverWindowPlan): PopoverWindowLike;
  /** From popoverPlanFor; a popover next to the tray when absent. */
  readonly plan?: PopoverWindowPlan;
  /** Where to put a window of this size right now (tray bounds, cursor and display are read by main). */
  placement(size: { width: number; height: number }): Point;
  /** The app URL to load (app://glance/index.html). */
  readonly url: string;
  now(): number;
  log?(message: string): void;
  /** The window was just shown (GlanceApp re-reads what may have changed while it was hidden). */
  onShow?(): void;
}

/**
 * Owns the popover window: created hidden at start, shown next to the tray and hidden on blur,
 * or (native Wayland) an ordinary window that stays until the user closes or toggles it.
 */
export class PopoverController {
  #window: PopoverWindowLike | null = null;
  #ready = false;
  #showWhenReady = false;
  #hiddenByBlurAt = Number.NEGATIVE_INFINITY;
  readonly #deps: PopoverDeps;
  readonly #plan: PopoverWindowPlan;

  constructor(deps: PopoverDeps) {
    this.#deps = deps;
    this.#plan = deps.plan ?? TRAY_POPOVER;
  }

  /** Creates the (hidden) window and loads the app, so the first click opens at once. */
  create(): PopoverWindowLike {
    if (this.#window && !this.#window.isDestroyed()) return this.#window;
    const win = this.#deps.createWindow(this.#plan);
    this.#window = win;
    this.#ready = false;
    // LSUIElement makes the app a UI element already: skip the Dock flash the transform causes.
    if (this.#plan.visibleOnAllWorkspaces)
      win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    win.once('ready-to-show', () => {
      this.#ready = true;
      if (this.#showWhenReady) this.#reveal(win);
    });
    if (this.#plan.hideOnBlur) {
      win.on('blur', () => {
        if (win.isDestroyed() || !win.isVisible()) return;
        this.#hiddenByBlurAt = this.#deps.now();
        win.hide();
      });
    }
    win.on('closed', () => {
      if (this.#window === win) this.#window = null;
    });
    win.loadURL(this.#deps.url).catch(() => this.#deps.log?.('popover: the app page failed to load'));
    return win;
  }

  /** Left click on the tray: hide when shown, show when hidden (unless that click's blur just hid it). */
  toggle(): void {
    const win = this.#window;
    if (win && !win.isDestroyed() && win.isVisible()) {
      win.hide();
      return;
    }
    if (this.#deps.now() - this.#hiddenByBlurAt < BLUR_TOGGLE_GUARD_MS) return;
    this.show();
  }

  /** The global shortcut: hide when shown, show otherwise (a key press blurs nothing, so no blur guard applies). */
  toggleFromKeyboard(): void {
    const win = this.#window;
    if (win && !win.isDestroyed() && win.isVisible()) win.hide();
    else this.show();
  }

  /** Shows the window next to the tray, or where the user left it (creating it if it was closed). */
  show(): void {
    const win = this.create();
    if (!this.#ready) {
      this.#showWhenReady = true;
      return;
    }
    this.#reveal(win);
  }

  hide(): void {
    const win = this.#window;
    if (win && !win.isDestroyed() && win.isVisible()) win.hide();
  }

  #reveal(win: PopoverWindowLike): void {
    this.#showWhenReady = false;
    if (win.isDestroyed()) return;
    if (this.#plan.placement === 'tray') {
      const { x, y } = this.#deps.placement({ width: POPOVER_SIZE.width, height: POPOVER_SIZE.height });
      win.setPosition(x, y);
    }
    win.show();
    win.focus();
    this.#deps.onShow?.();
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

  /** Destroys the window (on quit). */
  dispose(): void {
    const win = this.#window;
    this.#window = null;
    if (win && !win.isDestroyed()) win.destroy();
  }
}
