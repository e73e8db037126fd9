import { describe, expect, it, vi } from 'vitest';
import { popoverWindowPlan, type PopoverWindowPlan } from '../core/tray/popover-window-plan.js';
import { BLUR_TOGGLE_GUARD_MS, PopoverController } from './popover.js';
import { FakeClock, FakeWindow } from './testing/fakes.js';

function controller(plan: PopoverWindowPlan = popoverWindowPlan('win32', false)) {
  const clock = new FakeClock(1_000_000);
  const windows: FakeWindow[] = [];
  const plans: PopoverWindowPlan[] = [];
  const placement = vi.fn(() => ({ x: 10, y: 20 }));
  const logged: string[] = [];
  const hides: number[] = [];
  const c = new PopoverController({
    plan,
    createWindow: (p) => {
      plans.push(p);
      const w = new FakeWindow();
      windows.push(w);
      return w;
    },
    placement,
    url: 'app://glance/index.html',
    clock,
    log: (message) => logged.push(message),
    onShow: () => undefined,
    onHide: () => hides.push(clock.now()),
  });
  return { c, clock, windows, placement, plans, logged, hides };
}

describe('PopoverController', () => {
  it('tells onHide once per shown window that goes away: blur, toggle, hide() or the close button; never for a hidden one', () => {
    const { c, windows, hides, clock } = controller();
    c.create();
    const w = windows[0] as FakeWindow;
    c.hide();
    w.emit('ready-to-show');
    expect(hides).toEqual([]);
    c.show();
    w.emit('blur');
    expect(hides).toHaveLength(1);
    clock.advance(BLUR_TOGGLE_GUARD_MS);
    c.toggle();
    c.toggle();
    expect(hides).toHaveLength(2);
    c.toggleFromKeyboard();
    c.hide();
    c.hide();
    expect(hides).toHaveLength(3);
    // An ordinary window closed with its button (no tray host): 'closed' while shown.
    c.show();
    w.destroy();
    expect(hides).toHaveLength(4);
    // Quitting destroys a hidden window: nothing to tell.
    c.dispose();
    expect(hides).toHaveLength(4);
  });

  it('creates the window hidden, loads the app URL, and shows only after ready-to-show', () => {
    const { c, windows } = controller();
    c.create();
    expect(windows).toHaveLength(1);
    const w = windows[0] as FakeWindow;
    expect(w.loaded).toEqual(['app://glance/index.html']);
    expect(w.visible).toBe(false);
    c.toggle();
    expect(w.visible).toBe(false);
    w.emit('ready-to-show');
    expect(w.visible).toBe(true);
    expect(w.position).toEqual([10, 20]);
    expect(w.focused).toBe(1);
  });

  it('the global shortcut toggles even right after a blur hid the popover (a key press is no click on the tray)', () => {
    const { c, windows } = controller();
    c.create();
    const w = windows[0] as FakeWindow;
    w.emit('ready-to-show');
    c.toggleFromKeyboard();
    expect(w.visible).toBe(true);
    w.emit('blur');
    expect(w.visible).toBe(false);
    c.toggleFromKeyboard();
    expect(w.visible).toBe(true);
    c.toggleFromKeyboard();
    expect(w.visible).toBe(false);
  });

  it('left click toggles: shown → hidden → shown, positioned each time', () => {
    const { c, windows, clock, placement } = controller();
    c.create();
    const w = windows[0] as FakeWindow;
    w.emit('ready-to-show');
    c.toggle();
    expect(w.visible).toBe(true);
    c.toggle();
    expect(w.visible).toBe(false);
    clock.advance(1000);
    c.toggle();
    expect(w.visible).toBe(true);
    expect(placement).toHaveBeenCalledTimes(2);
    expect(placement).toHaveBeenLastCalledWith({ width: 360, height: 480 });
  });

  it('hides on blur, and the tray click that caused the blur does not reopen it', () => {
    const { c, windows, clock } = controller();
    c.create();
    const w = windows[0] as FakeWindow;
    w.emit('ready-to-show');
    c.show();
    w.emit('blur');
    expect(w.visible).toBe(false);
    clock.advance(50);
    c.toggle();
    expect(w.visible).toBe(false);
    clock.advance(BLUR_TOGGLE_GUARD_MS);
    c.toggle();
    expect(w.visible).toBe(true);
  });

  it('trusts and pushes to its own webContents only while the window lives, and recreates a closed window', () => {
    const { c, windows } = controller();
    expect(c.webContentsIds().size).toBe(0);
    c.create();
    const w = windows[0] as FakeWindow;
    expect([...c.webContentsIds()]).toEqual([w.webContents.id]);
    expect(c.pushTargets()).toEqual([w.webContents]);
    w.destroy();
    expect(c.webContentsIds().size).toBe(0);
    expect(c.pushTargets()).toEqual([]);
    c.show();
    expect(windows).toHaveLength(2);
  });

  it('macOS: joins the current Space and full-screen apps without the Dock flash', () => {
    const { c, windows, plans } = controller(popoverWindowPlan('darwin', false));
    c.create();
    expect(plans).toEqual([popoverWindowPlan('darwin', false)]);
    expect(windows[0]?.allWorkspaces).toEqual({ visible: true, options: { visibleOnFullScreen: true, skipTransformProcessType: true } });
  });

  it('elsewhere leaves workspaces alone', () => {
    const { c, windows } = controller(popoverWindowPlan('win32', false));
    c.create();
    expect(windows[0]?.allWorkspaces).toBeNull();
  });

  it('native Wayland: not placed (the compositor forbids it), not hidden on blur, toggled and closed by the user', () => {
    const { c, windows, placement, clock } = controller(popoverWindowPlan('linux', true));
    c.create();
    const w = windows[0] as FakeWindow;
    w.emit('ready-to-show');
    c.toggle();
    expect(w.visible).toBe(true);
    expect(placement).not.toHaveBeenCalled();
    expect(w.position).toBeNull();
    w.emit('blur');
    expect(w.visible).toBe(true);
    clock.advance(10);
    c.toggle();
    expect(w.visible).toBe(false);
    c.toggle();
    expect(w.visible).toBe(true);
    // Closed with the title bar's button: the next show builds a new window.
    w.destroy();
    c.show();
    expect(windows).toHaveLength(2);
  });

  it('dispose destroys the window', () => {
    const { c, windows } = controller();
    c.create();
    c.dispose();
    expect(windows[0]?.destroyed).toBe(true);
    expect(c.webContentsIds().size).toBe(0);
  });
});

describe('PopoverController: a page that crashes or fails to load', () => {
  it('reloads after a renderer crash with a growing delay, and starts again after a good load', () => {
    const { c, windows, clock, logged } = controller();
    c.create();
    const w = windows[0] as FakeWindow;
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(w.loaded).toHaveLength(1);
    clock.advance(499);
    expect(w.loaded).toHaveLength(1);
    clock.advance(1);
    expect(w.loaded).toHaveLength(2);
    w.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://glance/index.html', true);
    clock.advance(999);
    expect(w.loaded).toHaveLength(2);
    clock.advance(1);
    expect(w.loaded).toHaveLength(3);
    w.webContents.emit('did-finish-load');
    w.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    clock.advance(500);
    expect(w.loaded).toHaveLength(4);
    expect(logged[0]).toBe('popover: renderer gone (crashed); reloading in 500 ms');
  });

  it('ignores a sub-frame failure and an aborted load, and leaves no timer after dispose', () => {
    const { c, windows, clock } = controller();
    c.create();
    const w = windows[0] as FakeWindow;
    w.webContents.emit('did-fail-load', {}, -6, 'x', 'app://glance/x', false);
    w.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://glance/index.html', true);
    expect(clock.pending).toBe(0);
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(clock.pending).toBe(1);
    c.dispose();
    expect(clock.pending).toBe(0);
  });
});

describe('PopoverController.usePlan', () => {
  it('rebuilds a hidden window at once, a shown one only when it is hidden', () => {
    const { c, windows, plans } = controller();
    c.create();
    const floating = popoverWindowPlan('linux', true);
    c.usePlan(floating);
    expect(windows[0]?.destroyed).toBe(true);
    expect(plans.at(-1)).toBe(floating);
    const w = windows[1] as FakeWindow;
    w.emit('ready-to-show');
    c.show();
    const tray = popoverWindowPlan('linux', false);
    c.usePlan(tray);
    expect(w.destroyed).toBe(false);
    c.toggleFromKeyboard();
    expect(w.destroyed).toBe(true);
    expect(plans.at(-1)).toBe(tray);
    expect(windows).toHaveLength(3);
  });
});
