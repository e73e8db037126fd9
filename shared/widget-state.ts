/**
 * Pure readings of a WidgetState shared by the tray, the popover and the CLI, so "is this
 * live?" has one answer everywhere.
 */
import type { WidgetState, WidgetStatus } from './ipc.js';

/** What privacy mode shows instead of any amount or share, the same in the tray and the popover. */
export const PRIVACY_MASK = '•••';

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

/** "just now", "45 s", "3 min", "2 h", "3 d": a compact age for banners, tooltips and menus. */
export function formatAge(seconds: number): string {
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
