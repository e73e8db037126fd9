/**
 * Pure readings of a WidgetState shared by the tray, the popover and the CLI, so "is this
 * live?" has one answer everywhere.
 */
import type { WidgetState, WidgetStatus } from './ipc.js';

/**
 * The status to show at `now`: `live` data past its `staleAt` reads as `stale` even when no
 * refresh has failed (the machine slept, the network vanished silently). Honest freshness:
 * data is only ever called live while it is.
 */
export function effectiveStatus(state: Pick<WidgetState, 'status' | 'staleAt' | 'balance'>, now: number): WidgetStatus {
  if (state.status === 'live' && state.staleAt !== null && now >= state.staleAt) return 'stale';
  return state.status;
}

/** Age of the shown data in whole seconds, or null when there is none. Negative clock jumps read as 0. */
export function dataAgeSeconds(state: Pick<WidgetState, 'balance'>, now: number): number | null {
  if (state.balance === null) return null;
  return Math.max(0, Math.floor((now - state.balance.fetchedAt) / 1000));
}
