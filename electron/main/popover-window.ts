/**
 * The popover window's factory: its locked-down options, the only place webPreferences are set.
 * What kind of window to build (the plan) is decided in core (popover-window-plan.ts).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { PopoverWindowPlan } from '../core/tray/popover-window-plan.js';
import { ENGLISH } from '../../shared/present/words.js';

/** The popover's content size. */
export const POPOVER_SIZE = { width: 360, height: 480 } as const;
/**
 * In-memory session partition (no "persist:" prefix): the popover keeps no cookies, cache or
 * storage on disk, so it remembers nothing sensitive between runs.
 */
export const POPOVER_PARTITION = 'glance-popover';
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
    readonly plan: PopoverWindowPlan;
  },
): W {
  const plan = options.plan;
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
