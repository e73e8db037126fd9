import { describe, expect, it, vi } from 'vitest';
import type { PreventableEvent } from './window.js';
import type { BrowserWindowConstructorOptions } from 'electron';
import {
  BLUR_TOGGLE_GUARD_MS,
  POPOVER_PARTITION,
  POPOVER_SIZE,
  PopoverController,
  createPopoverBrowserWindow,
  hardenContents,
  hardenSession,
  popoverPlanFor,
} from './window.js';
import { FakeClock, FakeWindow } from './testing/fakes.js';
import { popoverWindowPlan, type PopoverWindowPlan } from '../core/tray/popover-window-plan.js';

describe('createPopoverBrowserWindow', () => {
  it('is a frameless, hidden, ~360×480 window with locked-down webPreferences', () => {
    class RecordingWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const o = createPopoverBrowserWindow(RecordingWindow, {
      preloadPath: '/app/out/preload/index.cjs',
      devTools: false,
      backgroundColor: '#fff',
    }).options;
    expect(o).toMatchObject({
      width: POPOVER_SIZE.width,
      height: POPOVER_SIZE.height,
      frame: false,
      show: false,
      skipTaskbar: true,
      resizable: false,
    });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
    expect(POPOVER_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('on native Wayland is a framed, movable window, centred, listed in the taskbar, with the same webPreferences', () => {
    class RecordingWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const base = { preloadPath: '/p.cjs', devTools: false, backgroundColor: '#fff' };
    const floating = createPopoverBrowserWindow(RecordingWindow, { ...base, plan: popoverWindowPlan('linux', true) }).options;
    expect(floating).toMatchObject({
      frame: true,
      movable: true,
      center: true,
      skipTaskbar: false,
      alwaysOnTop: false,
      show: false,
      resizable: false,
    });
    const anchored = createPopoverBrowserWindow(RecordingWindow, { ...base, plan: popoverWindowPlan('linux', false) }).options;
    expect(anchored).toMatchObject({ frame: false, movable: false, center: false, skipTaskbar: true, alwaysOnTop: true });
    expect(floating.webPreferences).toEqual(anchored.webPreferences);
  });
});

describe('popoverPlanFor', () => {
  const switches = (values: Record<string, string>) => ({ getSwitchValue: (name: string) => values[name] ?? '' });

  it('reads XDG_SESSION_TYPE and the ozone switches: forced Wayland floats, our XWayland switch anchors', () => {
    expect(popoverPlanFor(switches({}), 'linux', { XDG_SESSION_TYPE: 'wayland' }).placement).toBe('floating');
    expect(popoverPlanFor(switches({ 'ozone-platform': 'x11' }), 'linux', { XDG_SESSION_TYPE: 'wayland' }).placement).toBe('tray');
    expect(popoverPlanFor(switches({ 'ozone-platform-hint': 'wayland' }), 'linux', { XDG_SESSION_TYPE: 'x11' }).placement).toBe('floating');
    expect(popoverPlanFor(switches({}), 'linux', {}).placement).toBe('tray');
    expect(popoverPlanFor(switches({}), 'darwin', { XDG_SESSION_TYPE: 'wayland' })).toMatchObject({
      placement: 'tray',
      visibleOnAllWorkspaces: true,
    });
  });
});

function fakeContents() {
  const listeners = new Map<string, (e: PreventableEvent, ...a: unknown[]) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    on(event: string, l: (e: PreventableEvent, ...a: unknown[]) => void) {
      listeners.set(event, l);
      return this;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
      openHandler = h;
    },
  };
}

describe('hardening', () => {
  it('prevents navigation, frame navigation, redirects and webviews, and denies window.open', () => {
    const c = fakeContents();
    hardenContents(c);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      c.listeners.get(event)?.(e, 'https://evil.example/');
      expect(e.preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('lets the page navigate within the allowed app URLs only', () => {
    const c = fakeContents();
    hardenContents(
      c,
      () => {},
      (url) => url.startsWith('app://glance/'),
    );
    // [event, url on the details event, url as the legacy second argument, blocked?]
    const cases: Array<[string, string | undefined, string | undefined, boolean]> = [
      ['will-navigate', 'app://glance/index.html', 'app://glance/index.html', false],
      ['will-navigate', 'https://evil.example/', 'https://evil.example/', true],
      ['will-frame-navigate', 'app://glance/index.html', undefined, false],
      ['will-frame-navigate', 'https://evil.example/', undefined, true],
      ['will-redirect', 'https://evil.example/', 'https://evil.example/', true],
      ['will-navigate', undefined, 'app://glance/index.html', false],
      ['will-frame-navigate', undefined, undefined, true],
    ];
    for (const [event, url, legacy, blocked] of cases) {
      const e = { preventDefault: vi.fn(), ...(url !== undefined ? { url } : {}) };
      c.listeners.get(event)?.(e, legacy);
      expect(e.preventDefault.mock.calls.length > 0, `${event} ${String(url)} ${String(legacy)}`).toBe(blocked);
    }
  });

  it('denies every permission request and check, device access and downloads', () => {
    const got: {
      request?: (wc: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl?: string }) => void;
      check?: (wc: unknown, p: string, origin: string) => boolean;
      device?: () => boolean;
      download?: (e: PreventableEvent) => void;
    } = {};
    hardenSession({
      setPermissionRequestHandler: (h) => (got.request = h),
      setPermissionCheckHandler: (h) => (got.check = h),
      setDevicePermissionHandler: (h) => (got.device = h),
      on: (_e, l) => (got.download = l),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'clipboard-sanitized-write']) {
      const cb = vi.fn();
      got.request?.(null, permission, cb, { requestingUrl: 'app://glance/index.html' });
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(got.check?.(null, 'media', 'app://glance')).toBe(false);
    expect(got.device?.()).toBe(false);
    const e = { preventDefault: vi.fn() };
    got.download?.(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('grants exactly what the allow policy grants, in requests and checks', () => {
    const got: {
      request?: (wc: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl?: string }) => void;
      check?: (wc: unknown, p: string, origin: string) => boolean;
    } = {};
    hardenSession(
      {
        setPermissionRequestHandler: (h) => (got.request = h),
        setPermissionCheckHandler: (h) => (got.check = h),
        setDevicePermissionHandler: () => {},
        on: () => {},
      },
      (permission, url) => permission === 'clipboard-sanitized-write' && url?.startsWith('app://glance') === true,
    );
    const cb = vi.fn();
    got.request?.(null, 'clipboard-sanitized-write', cb, { requestingUrl: 'app://glance/index.html' });
    got.request?.(null, 'clipboard-sanitized-write', cb, { requestingUrl: 'https://evil.example/' });
    got.request?.(null, 'media', cb, { requestingUrl: 'app://glance/index.html' });
    expect(cb.mock.calls).toEqual([[true], [false], [false]]);
    expect(got.check?.(null, 'clipboard-sanitized-write', 'app://glance')).toBe(true);
    expect(got.check?.(null, 'clipboard-read', 'app://glance')).toBe(false);
  });
});

function controller(plan?: PopoverWindowPlan) {
  const clock = new FakeClock(1_000_000);
  const windows: FakeWindow[] = [];
  const plans: PopoverWindowPlan[] = [];
  const placement = vi.fn(() => ({ x: 10, y: 20 }));
  const c = new PopoverController({
    ...(plan ? { plan } : {}),
    createWindow: (p) => {
      plans.push(p);
      const w = new FakeWindow();
      windows.push(w);
      return w;
    },
    placement,
    url: 'app://glance/index.html',
    now: () => clock.now(),
  });
  return { c, clock, windows, placement, plans };
}

describe('PopoverController', () => {
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
