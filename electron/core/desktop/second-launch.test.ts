import { describe, expect, it } from 'vitest';
import type { DisplayServerInput } from '../tray/popover-window-plan.js';
import { XWAYLAND_ARGS, isNativeWayland } from '../tray/popover-window-plan.js';
import type { RelaunchInput } from './second-launch.js';
import { secondLaunchShow, xwaylandRelaunchArgs } from './second-launch.js';

const linux = (over: Partial<DisplayServerInput> = {}): DisplayServerInput => ({
  platform: 'linux',
  sessionType: 'wayland',
  ozonePlatform: '',
  ozonePlatformHint: '',
  ...over,
});

describe('secondLaunchShow', () => {
  it('under XWayland in a Wayland session: shown inactive (no token to ask with, so no "is ready" either)', () => {
    expect(secondLaunchShow(linux({ ozonePlatform: 'x11' }))).toBe('inactive');
    expect(secondLaunchShow(linux({ ozonePlatformHint: 'x11' }))).toBe('inactive');
  });

  it('native Wayland (Electron forwards XDG_ACTIVATION_TOKEN), an X11 session, macOS and Windows: focused', () => {
    expect(secondLaunchShow(linux())).toBe('focus');
    expect(secondLaunchShow(linux({ ozonePlatform: 'wayland' }))).toBe('focus');
    expect(secondLaunchShow(linux({ sessionType: 'x11', ozonePlatform: 'x11' }))).toBe('focus');
    expect(secondLaunchShow(linux({ sessionType: undefined }))).toBe('focus');
    for (const platform of ['darwin', 'win32'] as const) expect(secondLaunchShow(linux({ platform }))).toBe('focus');
  });
});

describe('xwaylandRelaunchArgs', () => {
  const launch = (over: Partial<RelaunchInput> = {}): RelaunchInput => ({
    ...linux(),
    packaged: true,
    display: ':0',
    argv: ['/opt/Gate Glance/gate-glance', '--toggle'],
    ...over,
  });

  it('a packaged launch in a Wayland session that chose no platform starts again with the desktop entry’s switches, its own arguments after', () => {
    const args = xwaylandRelaunchArgs(launch());
    expect(args).toEqual([...XWAYLAND_ARGS, '--toggle']);
    // The new launch runs under XWayland, so it never starts again itself.
    const switchValue = (args as string[])[0]!.replace(/^--ozone-platform=/, '');
    expect(isNativeWayland(linux({ ozonePlatform: switchValue }))).toBe(false);
    expect(
      xwaylandRelaunchArgs(launch({ ozonePlatform: switchValue, argv: ['/opt/Gate Glance/gate-glance', ...(args as string[])] })),
    ).toBeNull();
  });

  it('keeps a platform the user chose, and goes on where XWayland is not there or the question does not arise', () => {
    expect(xwaylandRelaunchArgs(launch({ ozonePlatform: 'wayland' }))).toBeNull();
    expect(xwaylandRelaunchArgs(launch({ ozonePlatformHint: 'auto' }))).toBeNull();
    expect(xwaylandRelaunchArgs(launch({ display: undefined }))).toBeNull();
    expect(xwaylandRelaunchArgs(launch({ display: '' }))).toBeNull();
    expect(xwaylandRelaunchArgs(launch({ sessionType: 'x11' }))).toBeNull();
    expect(xwaylandRelaunchArgs(launch({ platform: 'darwin' }))).toBeNull();
    // `npm start` passes the switch itself; a test build runs as it is asked.
    expect(xwaylandRelaunchArgs(launch({ packaged: false }))).toBeNull();
  });
});
