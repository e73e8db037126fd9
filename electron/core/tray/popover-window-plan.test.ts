import { describe, expect, it } from 'vitest';
import {
  NO_TRAY_HOST_PLAN,
  cursorKnownFresh,
  XWAYLAND_ARGS,
  isNativeWayland,
  popoverPlanFor,
  popoverWindowPlan,
  type DisplayServerInput,
} from './popover-window-plan.js';

const linux = (over: Partial<DisplayServerInput>): DisplayServerInput => ({
  platform: 'linux',
  sessionType: 'wayland',
  ozonePlatform: '',
  ozonePlatformHint: '',
  ...over,
});

describe('isNativeWayland', () => {
  it('is Wayland in a Wayland session when nothing forces a platform (Electron 38+ default: auto)', () => {
    expect(isNativeWayland(linux({}))).toBe(true);
    expect(isNativeWayland(linux({ ozonePlatform: 'auto' }))).toBe(true);
    expect(isNativeWayland(linux({ sessionType: 'x11' }))).toBe(false);
    expect(isNativeWayland(linux({ sessionType: undefined }))).toBe(false);
  });

  it('follows --ozone-platform: x11 (our desktop entry) means XWayland, wayland forces Wayland', () => {
    expect(isNativeWayland(linux({ ozonePlatform: 'x11' }))).toBe(false);
    expect(isNativeWayland(linux({ sessionType: 'x11', ozonePlatform: 'wayland' }))).toBe(true);
    // The explicit switch wins over the hint.
    expect(isNativeWayland(linux({ ozonePlatform: 'x11', ozonePlatformHint: 'wayland' }))).toBe(false);
    expect(isNativeWayland(linux({ ozonePlatformHint: 'x11' }))).toBe(false);
  });

  it('is never Wayland off Linux', () => {
    for (const platform of ['darwin', 'win32'] as const) expect(isNativeWayland(linux({ platform, ozonePlatform: 'wayland' }))).toBe(false);
  });

  it('the XWayland switch is the one isNativeWayland reads', () => {
    const [arg] = XWAYLAND_ARGS;
    const value = (arg as string).replace(/^--ozone-platform=/, '');
    expect(isNativeWayland(linux({ ozonePlatform: value }))).toBe(false);
  });
});

describe('popoverWindowPlan', () => {
  it('native Wayland: a framed window the user moves and closes, opened centred, not hidden on blur', () => {
    expect(popoverWindowPlan('linux', true)).toEqual({
      placement: 'floating',
      frame: true,
      movable: true,
      hideOnBlur: false,
      skipTaskbar: false,
      alwaysOnTop: false,
      visibleOnAllWorkspaces: false,
    });
  });

  it('X11/XWayland and Windows: a frameless popover next to the tray, hidden on blur', () => {
    for (const platform of ['linux', 'win32'] as const) {
      expect(popoverWindowPlan(platform, false)).toMatchObject({
        placement: 'tray',
        frame: false,
        movable: false,
        hideOnBlur: true,
        visibleOnAllWorkspaces: false,
      });
    }
  });

  it('macOS: next to the menu-bar icon, on the current Space and over full-screen apps', () => {
    expect(popoverWindowPlan('darwin', false)).toMatchObject({
      placement: 'tray',
      hideOnBlur: true,
      visibleOnAllWorkspaces: true,
      skipTaskbar: true,
    });
    // isNativeWayland never says true on macOS; the plan does not depend on it there.
    expect(popoverWindowPlan('darwin', true).placement).toBe('tray');
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

  it('without a tray host: an ordinary window that a blur never hides', () => {
    expect(NO_TRAY_HOST_PLAN).toMatchObject({ placement: 'floating', frame: true, hideOnBlur: false, skipTaskbar: false });
  });
});

describe('cursorKnownFresh', () => {
  it('trusts the cursor except in a Wayland session (XWayland sees it only over X11 windows)', () => {
    expect(cursorKnownFresh(linux({ sessionType: 'x11' }))).toBe(true);
    expect(cursorKnownFresh(linux({ sessionType: 'wayland', ozonePlatform: 'x11' }))).toBe(false);
    expect(cursorKnownFresh({ ...linux({ sessionType: 'wayland' }), platform: 'win32' })).toBe(true);
  });
});
