import { describe, expect, it } from 'vitest';
import { RELOAD_MAX_DELAY_MS, failedLoadNeedsReload, reloadDelayMs } from './reload-backoff.js';

describe('reloadDelayMs', () => {
  it('doubles from half a second and stops at the cap', () => {
    expect([0, 1, 2, 3].map(reloadDelayMs)).toEqual([500, 1000, 2000, 4000]);
    expect(reloadDelayMs(10)).toBe(RELOAD_MAX_DELAY_MS);
    expect(reloadDelayMs(10_000)).toBe(RELOAD_MAX_DELAY_MS);
  });
});

describe('failedLoadNeedsReload', () => {
  it('reloads a failed top frame, not a sub-frame nor an aborted load', () => {
    expect(failedLoadNeedsReload(-6, true)).toBe(true);
    expect(failedLoadNeedsReload(-6, false)).toBe(false);
    expect(failedLoadNeedsReload(-3, true)).toBe(false);
  });
});
