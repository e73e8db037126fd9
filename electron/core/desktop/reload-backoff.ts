/**
 * When to reload a popover page that crashed or failed to load: soon at first, then less often,
 * so a page that keeps crashing does not spin the CPU, and never left blank for long. Pure.
 */

/** The first reload's delay, doubled after each failure in a row. */
const RELOAD_FIRST_DELAY_MS = 500;
/** The longest wait between two reloads. */
export const RELOAD_MAX_DELAY_MS = 30_000;

/** The delay before reload number `attempt` (0-based) of a run of failures. */
export function reloadDelayMs(attempt: number): number {
  return Math.min(RELOAD_MAX_DELAY_MS, RELOAD_FIRST_DELAY_MS * 2 ** Math.max(0, Math.min(attempt, 16)));
}

/**
 * Whether a `did-fail-load` calls for a reload: only the top frame's, and not Chromium's
 * ERR_ABORTED (-3), which a navigation that replaced this one reports (net_error_list.h).
 */
export function failedLoadNeedsReload(errorCode: number, isMainFrame: boolean): boolean {
  return isMainFrame && errorCode !== -3;
}
