import { describe, expect, it } from 'vitest';
import { CLI_SWITCH, bundledCliArgs } from './cli-dispatch.js';

describe('bundledCliArgs', () => {
  it('answers what follows the switch and its "--", Chromium’s own switches before them left out', () => {
    const argv = ['/opt/Gate Glance/gate-glance', '--ozone-platform=headless', '--disable-gpu', CLI_SWITCH, '--', 'balance', '--json'];
    expect(bundledCliArgs(argv)).toEqual(['balance', '--json']);
    expect(bundledCliArgs(['/app', CLI_SWITCH, 'status'])).toEqual(['status']);
    // A "--" that belongs to the CLI's own arguments stays.
    expect(bundledCliArgs(['/app', CLI_SWITCH, '--', 'login', '--'])).toEqual(['login', '--']);
  });

  it('is null for the app itself: no switch, only --toggle or Chromium switches', () => {
    expect(bundledCliArgs(['/opt/Gate Glance/gate-glance'])).toBeNull();
    expect(bundledCliArgs(['/opt/Gate Glance/gate-glance', '--toggle', '--ozone-platform=x11'])).toBeNull();
  });
});
