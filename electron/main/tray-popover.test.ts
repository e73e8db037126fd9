import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { WidgetState } from '../../shared/ipc.js';
import { widgetState } from '../../shared/testing/widget-state.js';
import type { SecondLaunchShow } from '../core/desktop/second-launch.js';
import type { TrayHostStatus } from '../core/desktop/tray-host.js';
import { ManualTrayHost, TRAY_HOST_GRACE_MS, fixedTrayHost } from '../core/desktop/tray-host.js';
import type { TrayAppCommand } from '../core/tray/tray-model.js';
import type { PopoverWindowPlan } from '../core/tray/popover-window-plan.js';
import { NO_TRAY_HOST_PLAN, popoverWindowPlan } from '../core/tray/popover-window-plan.js';
import { FakeClock, FakeTray, FakeWindow } from './testing/fakes.js';
import { TrayPopover } from './tray-popover.js';

type Menu = { template: MenuItemConstructorOptions[] };

const WORK_AREA = { x: 0, y: 32, width: 1920, height: 1048 };
const DISPLAY = { x: 0, y: 0, width: 1920, height: 1080 };

function setup(
  options: {
    host?: TrayHostStatus | ManualTrayHost;
    platform?: NodeJS.Platform;
    cursorFresh?: boolean;
    secondLaunch?: SecondLaunchShow;
  } = {},
) {
  const clock = new FakeClock(1_000_000);
  const trays: FakeTray<string, Menu>[] = [];
  const windows: FakeWindow[] = [];
  const plans: PopoverWindowPlan[] = [];
  const quits: number[] = [];
  const host = options.host instanceof ManualTrayHost ? options.host : fixedTrayHost(options.host ?? 'not-applicable');
  const ui = new TrayPopover<string, Menu>({
    platform: options.platform ?? 'win32',
    plan: popoverWindowPlan(options.platform ?? 'win32', false),
    secondLaunch: options.secondLaunch ?? 'focus',
    trayHost: host,
    createTray: (image) => trays[trays.push(new FakeTray<string, Menu>(image)) - 1]!,
    loadIcon: (file) => file,
    buildMenu: (template) => ({ template }),
    createWindow: (plan) => {
      plans.push(plan);
      return windows[windows.push(new FakeWindow()) - 1]!;
    },
    screen: {
      getCursorScreenPoint: () => ({ x: 1800, y: 10 }),
      getDisplayMatching: () => ({ workArea: WORK_AREA, bounds: DISPLAY }),
      getDisplayNearestPoint: () => ({ workArea: WORK_AREA, bounds: DISPLAY }),
    },
    cursorFresh: options.cursorFresh ?? true,
    darkSystemUI: () => false,
    url: 'app://glance/index.html',
    clock,
    log: () => undefined,
    quit: () => quits.push(clock.now()),
  });
  const shown: number[] = [];
  const hidden: number[] = [];
  const commands: TrayAppCommand[] = [];
  ui.onDidShow(() => shown.push(clock.now()));
  ui.onDidHide(() => hidden.push(clock.now()));
  ui.onDidCommand((c) => commands.push(c));
  const state: WidgetState = widgetState({});
  return { ui, clock, trays, windows, plans, quits, shown, hidden, commands, state };
}

function menuItem(tray: FakeTray<string, Menu>, label: RegExp): MenuItemConstructorOptions {
  const menu = tray.contextMenu as Menu;
  const item = menu.template.find((i) => typeof i.label === 'string' && label.test(i.label));
  if (!item) throw new Error(`no menu item ${String(label)}`);
  return item;
}

describe('TrayPopover', () => {
  it('owns Open and Quit itself and hands the app only its own commands', () => {
    const { ui, trays, windows, quits, commands, state } = setup();
    ui.start(state);
    windows[0]!.emit('ready-to-show');
    (menuItem(trays[0]!, /^Open/).click as () => void)();
    expect(windows[0]!.visible).toBe(true);
    (menuItem(trays[0]!, /^Refresh/).click as () => void)();
    (menuItem(trays[0]!, /^Quit/).click as () => void)();
    expect(quits).toHaveLength(1);
    expect(commands).toEqual([{ type: 'refresh' }]);
  });

  it('a tray click toggles the popover next to the tray, tells onDidShow, and hide() (the renderer) hides it and tells onDidHide', () => {
    const { ui, trays, windows, shown, hidden, state } = setup();
    ui.start(state);
    windows[0]!.emit('ready-to-show');
    trays[0]!.emit('click');
    expect(ui.isVisible()).toBe(true);
    expect(shown).toHaveLength(1);
    // Top panel, cursor at (1800, 10): the top-right corner of the work area.
    expect(windows[0]!.position).toEqual([1920 - 360 - 8, 32 + 8]);
    expect(hidden).toHaveLength(0);
    ui.hide();
    expect(ui.isVisible()).toBe(false);
    expect(hidden).toHaveLength(1);
  });

  it('under XWayland (stale cursor) places the popover at the panel’s end, not at the cursor', () => {
    const { ui, trays, windows, state } = setup({ platform: 'linux', cursorFresh: false });
    ui.start(state);
    windows[0]!.emit('ready-to-show');
    trays[0]!.emit('click');
    // Top panel (work area from y = 32): the top-right corner against the panel, whatever the cursor said.
    expect(windows[0]!.position).toEqual([1920 - 360 - 8, 32 + 4]);
  });

  it('a second --toggle (or shortcut) always hides, even a window that never got focus to blur', () => {
    const { ui, windows, state } = setup();
    ui.start(state);
    windows[0]!.emit('ready-to-show');
    ui.toggleFromKeyboard();
    expect(ui.isVisible()).toBe(true);
    ui.toggleFromKeyboard();
    expect(ui.isVisible()).toBe(false);
  });

  it('a second launch under XWayland shows the popover inactive (no focus asked, so no "is ready"), and the next one hides it', () => {
    const { ui, windows, shown, hidden, state } = setup({ platform: 'linux', secondLaunch: 'inactive', cursorFresh: false });
    ui.start(state);
    const w = windows[0]!;
    w.emit('ready-to-show');
    ui.toggleFromSecondLaunch();
    expect({ visible: w.visible, inactive: w.inactiveShows, focused: w.focused }).toEqual({ visible: true, inactive: 1, focused: 0 });
    expect(shown).toHaveLength(1);
    ui.toggleFromSecondLaunch();
    expect(w.visible).toBe(false);
    expect(hidden).toHaveLength(1);
    // The global shortcut (it fires only while our window has focus there) and a tray click still focus.
    ui.toggleFromKeyboard();
    expect({ inactive: w.inactiveShows, focused: w.focused }).toEqual({ inactive: 1, focused: 1 });
  });

  it('a second launch elsewhere shows it focused, even before the page is ready', () => {
    const { ui, windows, state } = setup({ secondLaunch: 'focus' });
    ui.start(state);
    ui.toggleFromSecondLaunch();
    const w = windows[0]!;
    expect(w.visible).toBe(false);
    w.emit('ready-to-show');
    expect({ visible: w.visible, inactive: w.inactiveShows, focused: w.focused }).toEqual({ visible: true, inactive: 0, focused: 1 });
  });

  it('with no tray host: waits the grace period, then shows the popover as a window; a host that appears gets the tray', () => {
    const host = new ManualTrayHost('absent');
    const { ui, clock, trays, windows, plans, state } = setup({ host, platform: 'linux' });
    ui.start(state);
    expect(trays).toHaveLength(0);
    clock.advance(TRAY_HOST_GRACE_MS - 1);
    expect(windows.filter((w) => !w.destroyed)[0]?.visible).toBe(false);
    clock.advance(1);
    expect(plans.at(-1)).toBe(NO_TRAY_HOST_PLAN);
    const fallback = windows.at(-1)!;
    fallback.emit('ready-to-show');
    expect(fallback.visible).toBe(true);
    // Never hidden by a blur: the user finds it in the taskbar and closes it.
    fallback.emit('blur');
    expect(fallback.visible).toBe(true);
    host.set('present');
    expect(trays).toHaveLength(1);
    // The open window stays; once hidden, the next one is the tray popover again.
    expect(fallback.destroyed).toBe(false);
    ui.toggleFromKeyboard();
    expect(fallback.destroyed).toBe(true);
    expect(plans.at(-1)).toEqual(popoverWindowPlan('linux', false));
  });

  it('a host that appears within the grace period only gets the tray, and dispose leaves no timer or tray', () => {
    const host = new ManualTrayHost('unknown');
    const { ui, clock, trays, windows, state } = setup({ host, platform: 'linux' });
    ui.start(state);
    expect(clock.pending).toBeGreaterThan(0);
    host.set('present');
    expect(trays).toHaveLength(1);
    clock.advance(TRAY_HOST_GRACE_MS * 2);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.visible).toBe(false);
    ui.dispose();
    expect(clock.pending).toBe(0);
    expect(trays[0]!.destroyed).toBe(true);
    expect(windows[0]!.destroyed).toBe(true);
  });
});
