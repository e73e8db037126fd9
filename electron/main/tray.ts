/**
 * The tray icon: renders the pure `trayModel` of the current state with early-return setters
 * (Electron is only called when something changed), re-renders on a slow tick so ages and
 * staleness stay true, and routes clicks and menu commands back to main. Electron's Tray,
 * Menu and nativeImage come in through a factory so this is unit-tested with fakes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { WidgetState } from '../../shared/ipc.js';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Rect } from '../core/tray/popover-position.js';
import { trayIconFileName, trayIconVariant } from '../core/tray/tray-icon.js';
import type { TrayCommand, TrayIconKind, TrayMenuItem, TrayModel, TrayModelOptions } from '../core/tray/tray-model.js';
import { trayChanges, trayModel } from '../core/tray/tray-model.js';

/** How often the tooltip's age and the staleness are re-read ("3 min old" must not freeze). */
export const TRAY_TICK_MS = 30_000;

/** The parts of Electron's `Tray` we use. */
export interface TrayLike<Image, Menu> {
  setImage(image: Image): void;
  setToolTip(tooltip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: Menu | null): void;
  popUpContextMenu(menu?: Menu): void;
  getBounds(): Rect;
  /** macOS: a quick second click is a second click (closing the popover), not a double-click. */
  setIgnoreDoubleClickEvents(ignore: boolean): void;
  /** Electron passes the click's modifier keys first (`KeyboardEvent`: ctrlKey on a macOS control-click). */
  on(event: 'click' | 'right-click', listener: (event?: { readonly ctrlKey?: boolean }) => void): unknown;
  destroy(): void;
  isDestroyed(): boolean;
}

/** What the tray needs from main. */
export interface TrayDeps<Image, Menu> {
  readonly platform: NodeJS.Platform;
  createTray(image: Image): TrayLike<Image, Menu>;
  /** Loads an icon from the build/ icons shipped with the app. */
  loadIcon(fileName: string): Image;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  /** Read at every draw: `nativeTheme.shouldUseDarkColorsForSystemIntegratedUI`, the taskbar's theme (Windows only; macOS uses template images, Linux the `trayPanel` preference). */
  darkSystemUI(): boolean;
  readonly clock: Clock;
  /** A menu command was chosen. */
  onCommand(command: TrayCommand): void;
  /** The icon was left-clicked (toggle the popover). */
  onClick(): void;
  readonly modelOptions?: TrayModelOptions;
}

/** Our menu model → Electron's menu template; each click runs its command. */
export function toMenuTemplate(items: readonly TrayMenuItem[], onCommand: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { type: 'submenu', label: item.label, enabled: item.enabled, submenu: toMenuTemplate(item.submenu, onCommand) };
      case 'checkbox':
      case 'radio': {
        const command = item.command;
        return { type: item.type, label: item.label, checked: item.checked, enabled: item.enabled, click: () => onCommand(command) };
      }
      case 'normal': {
        const command = item.command;
        return command === null
          ? { type: 'normal', label: item.label, enabled: item.enabled }
          : { type: 'normal', label: item.label, enabled: item.enabled, click: () => onCommand(command) };
      }
    }
  });
}

/** Owns the one Tray. `render(state)` on every state change; `dispose()` on quit. */
export class TrayController<Image, Menu> {
  readonly #deps: TrayDeps<Image, Menu>;
  #tray: TrayLike<Image, Menu> | null = null;
  #state: WidgetState | null = null;
  #menu: Menu | null = null;
  /** The model last given to Electron, and the icon file (which also follows the theme). */
  #shown: TrayModel | null = null;
  #shownIcon: string | null = null;
  #tick: TimerHandle | null = null;

  constructor(deps: TrayDeps<Image, Menu>) {
    this.#deps = deps;
  }

  /** The last model rendered (for the Electron e2e tier and tests). */
  lastModel: TrayModel | null = null;

  /** Creates the tray icon with a neutral icon and a menu right away (a Linux panel may never send a click). */
  create(initial: WidgetState): void {
    if (this.#tray) return;
    const d = this.#deps;
    const tray = d.createTray(d.loadIcon(this.#iconFile('idle', initial)));
    this.#tray = tray;
    // macOS: a set context menu would swallow the left click, so the menu pops up on right click and
    // control-click instead (what a macOS user expects of a menu-bar item), and a quick second click
    // reaches us as a click (Electron's `setIgnoreDoubleClickEvents`, macOS only) so it closes the popover.
    if (d.platform === 'darwin') {
      tray.setIgnoreDoubleClickEvents(true);
      const popUp = (): void => {
        if (this.#menu !== null) tray.popUpContextMenu(this.#menu);
      };
      tray.on('right-click', popUp);
      tray.on('click', (event) => (event?.ctrlKey ? popUp() : d.onClick()));
    } else {
      tray.on('click', () => d.onClick());
    }
    this.render(initial);
    this.#scheduleTick();
  }

  /** Tray bounds for positioning the popover (all zero where the platform does not tell). */
  bounds(): Rect {
    return this.#tray && !this.#tray.isDestroyed() ? this.#tray.getBounds() : { x: 0, y: 0, width: 0, height: 0 };
  }

  /** Renders a state; only what changed reaches Electron. */
  render(state: WidgetState): void {
    this.#state = state;
    const tray = this.#tray;
    if (!tray || tray.isDestroyed()) return;
    const d = this.#deps;
    const model = trayModel(state, d.clock.now(), d.platform, d.modelOptions);
    this.lastModel = model;
    const changed = trayChanges(this.#shown, model);
    this.#shown = model;
    const icon = this.#iconFile(model.icon, state);
    if (icon !== this.#shownIcon) {
      tray.setImage(d.loadIcon(icon));
      this.#shownIcon = icon;
    }
    if (changed.tooltip) tray.setToolTip(model.tooltip);
    if (d.platform === 'darwin' && changed.title) tray.setTitle(model.title);
    if (changed.menu) {
      this.#menu = d.buildMenu(toMenuTemplate(model.menu, d.onCommand));
      if (d.platform !== 'darwin') tray.setContextMenu(this.#menu);
    }
  }

  #iconFile(kind: TrayIconKind, state: WidgetState): string {
    return trayIconFileName(
      kind,
      trayIconVariant(this.#deps.platform, { darkSystemUI: this.#deps.darkSystemUI(), panel: state.prefs.trayPanel }),
    );
  }

  /** Re-renders the last state (the theme changed, or time passed). */
  refresh(): void {
    if (this.#state) this.render(this.#state);
  }

  #scheduleTick(): void {
    this.#tick = this.#deps.clock.setTimeout(() => {
      this.#tick = null;
      this.refresh();
      if (this.#tray) this.#scheduleTick();
    }, TRAY_TICK_MS);
  }

  /** Removes the icon and stops the tick: no timer or handle is left. */
  dispose(): void {
    if (this.#tick !== null) this.#deps.clock.clearTimeout(this.#tick);
    this.#tick = null;
    const tray = this.#tray;
    this.#tray = null;
    if (tray && !tray.isDestroyed()) tray.destroy();
  }
}
