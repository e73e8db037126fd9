import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appError } from '../../shared/errors.js';
import type { WidgetState } from '../../shared/ipc.js';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import type { TrayCommand } from '../core/tray/tray-model.js';
import { TRAY_TICK_MS, TrayController, toMenuTemplate } from './tray.js';
import { FakeClock, FakeTray } from './testing/fakes.js';
import { widgetState } from '../../shared/testing/widget-state.js';

type Menu = { template: MenuItemConstructorOptions[] };

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

function live(overrides: Partial<WidgetState> = {}): WidgetState {
  return widgetState({
    status: 'live',
    currency: 'USD',
    balance: { currency: 'USD', total: { amount: '1000.5', unrealisedPnl: null, borrowed: null }, accounts: [], fetchedAt: T0 },
    nextRefreshAt: T0 + 60_000,
    staleAt: T0 + 600_000,
    credentials: { stored: true, keyHint: '…1234', keychainError: null, checking: false },
    ...overrides,
  });
}

function setup(platform: NodeJS.Platform) {
  const clock = new FakeClock(T0);
  let tray: FakeTray<string, Menu> | null = null;
  const commands: TrayCommand[] = [];
  const onClick = vi.fn();
  let darkSystemUI = false;
  const controller = new TrayController<string, Menu>({
    platform,
    createTray: (image) => (tray = new FakeTray<string, Menu>(image)),
    loadIcon: (file) => `icon:${file}`,
    buildMenu: (template) => ({ template }),
    darkSystemUI: () => darkSystemUI,
    clock,
    onCommand: (c) => commands.push(c),
    onClick,
    modelOptions: { locale: 'en-US', timeZone: 'UTC' },
  });
  controller.create(live());
  return {
    controller,
    clock,
    commands,
    onClick,
    tray: () => tray as FakeTray<string, Menu>,
    setDarkSystemUI: (dark: boolean) => (darkSystemUI = dark),
  };
}

function clickItem(menu: Menu, path: string[]): void {
  let items = menu.template;
  let item: MenuItemConstructorOptions | undefined;
  for (const label of path) {
    item = items.find((i) => i.label === label);
    items = (item?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
  }
  (item?.click as (() => void) | undefined)?.();
}

describe('TrayController on Linux/Windows', () => {
  it('always sets a context menu whose first item is the disabled net-worth line', () => {
    const { tray } = setup('linux');
    const menu = tray().contextMenu;
    expect(menu).not.toBeNull();
    expect(menu?.template[0]).toEqual({ type: 'normal', label: 'Net worth: 1,000.50 USD', enabled: false });
    // Linux's automatic choice: the light-fill, dark-outline glyph that reads on any panel.
    expect(tray().image).toBe('icon:tray-live-dark.png');
    expect(tray().calls.some(([name]) => name === 'setTitle')).toBe(false);
  });

  it('runs menu commands and left-click toggles', () => {
    const { tray, commands, onClick } = setup('win32');
    const menu = tray().contextMenu as Menu;
    clickItem(menu, ['Refresh now']);
    clickItem(menu, ['Currency', 'BTC']);
    clickItem(menu, ['Privacy mode']);
    clickItem(menu, ['Quit Gate Glance']);
    clickItem(menu, ['Open Gate Glance']);
    expect(commands).toEqual([
      { type: 'refresh' },
      { type: 'set-currency', currency: 'BTC' },
      { type: 'set-privacy', privacy: true },
      { type: 'quit' },
      { type: 'open' },
    ]);
    tray().emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('calls Electron only for what changed (early-return setters)', () => {
    const { controller, tray } = setup('linux');
    const before = tray().calls.length;
    controller.render(live());
    expect(tray().calls.length).toBe(before);
    controller.render(live({ prefs: { ...DEFAULT_PREFERENCES, privacy: true } }));
    const names = tray()
      .calls.slice(before)
      .map(([n]) => n);
    expect(names.sort()).toEqual(['setContextMenu', 'setToolTip']);
  });

  it('switches icons for stale/error and follows the Windows taskbar theme on refresh', () => {
    const { controller, tray, setDarkSystemUI } = setup('win32');
    controller.render(live({ status: 'stale', error: appError('NETWORK', {}, 'offline') }));
    expect(tray().image).toBe('icon:tray-stale-light.png');
    setDarkSystemUI(true);
    controller.refresh();
    expect(tray().image).toBe('icon:tray-stale-dark.png');
    controller.render(live({ status: 'error', balance: null, error: appError('INVALID_KEY') }));
    expect(tray().image).toBe('icon:tray-error-dark.png');
  });

  it('on Linux follows the trayPanel preference in the state, not the system theme', () => {
    const { controller, tray, setDarkSystemUI } = setup('linux');
    controller.render(live({ prefs: { ...DEFAULT_PREFERENCES, trayPanel: 'light' } }));
    expect(tray().image).toBe('icon:tray-live-light.png');
    setDarkSystemUI(true);
    controller.refresh();
    expect(tray().image).toBe('icon:tray-live-light.png');
    controller.render(live({ prefs: { ...DEFAULT_PREFERENCES, trayPanel: 'automatic' } }));
    expect(tray().image).toBe('icon:tray-live-dark.png');
  });

  it('rebuilds the menu only when an item changes: the ticks of fresh data touch the tooltip alone', () => {
    const { clock, tray } = setup('linux');
    const menus = () => tray().calls.filter(([n]) => n === 'setContextMenu').length;
    const tooltips = () => tray().calls.filter(([n]) => n === 'setToolTip').length;
    const [menusBefore, tooltipsBefore] = [menus(), tooltips()];
    clock.advance(2 * 60_000);
    expect(menus()).toBe(menusBefore);
    expect(tooltips()).toBeGreaterThan(tooltipsBefore);
    expect(
      tray()
        .calls.filter(([n]) => n === 'setToolTip')
        .at(-1)?.[1],
    ).toContain('2 min old');
  });

  it('re-renders on its tick so the age and staleness stay true, and dispose leaves no timer', () => {
    const { controller, clock, tray } = setup('linux');
    clock.advance(5 * 60_000);
    expect(tray().contextMenu?.template[0]?.label).toBe('Net worth: 1,000.50 USD');
    clock.advance(6 * 60_000 - TRAY_TICK_MS);
    expect(tray().image).toBe('icon:tray-stale-dark.png');
    expect(clock.pending).toBe(1);
    controller.dispose();
    expect(clock.pending).toBe(0);
    expect(tray().destroyed).toBe(true);
    controller.render(live());
  });
});

describe('TrayController on macOS', () => {
  it('shows the title, uses template icons, pops the menu on right click instead of setting it', () => {
    const { tray, onClick } = setup('darwin');
    expect(tray().calls).toContainEqual(['setTitle', '1,000.50 USD']);
    expect(tray().image).toBe('icon:tray-liveTemplate.png');
    expect(tray().calls.some(([n]) => n === 'setContextMenu')).toBe(false);
    tray().emit('right-click');
    const popped = tray().calls.find(([n]) => n === 'popUpContextMenu')?.[1] as Menu;
    expect(popped.template[0]?.label).toBe('Net worth: 1,000.50 USD');
    tray().emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('control-click opens the menu, not the popover, and a quick second click is a click (double-clicks ignored)', () => {
    const { tray, onClick } = setup('darwin');
    expect(tray().ignoreDoubleClicks).toBe(true);
    tray().emit('click', { ctrlKey: true });
    expect(onClick).not.toHaveBeenCalled();
    expect(tray().calls.filter(([n]) => n === 'popUpContextMenu')).toHaveLength(1);
  });
});

describe('toMenuTemplate', () => {
  it('keeps the disabled summary without a click handler and wires every other item', () => {
    const run = vi.fn();
    const t = toMenuTemplate(
      [
        { type: 'normal', label: 'Net worth', enabled: false, command: null },
        { type: 'separator' },
        {
          type: 'checkbox',
          label: 'Launch at login',
          checked: false,
          enabled: true,
          command: { type: 'set-launch-at-login', launchAtLogin: true },
        },
      ],
      run,
    );
    expect(t[0]?.click).toBeUndefined();
    expect(t[1]).toEqual({ type: 'separator' });
    (t[2]?.click as () => void)();
    expect(run).toHaveBeenCalledWith({ type: 'set-launch-at-login', launchAtLogin: true });
  });
});
