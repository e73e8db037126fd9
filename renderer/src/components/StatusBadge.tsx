/**
 * Live / stale / error / loading at a glance. Fed the *effective* status (see
 * shared/widget-state.ts), so data is only ever called live while it is.
 */
import type { WidgetStatus } from '../../../shared/ipc.js';

const LABELS: Readonly<Record<WidgetStatus, string>> = {
  onboarding: 'Not connected',
  loading: 'Loading',
  live: 'Live',
  stale: 'Stale',
  error: 'Error',
};

/** Props: the status to show and whether a request is in flight. */
export interface StatusBadgeProps {
  readonly status: WidgetStatus;
  readonly refreshing: boolean;
}

/** A small pill with a coloured dot; "Updating…" is added while a request runs. */
export function StatusBadge({ status, refreshing }: StatusBadgeProps) {
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge" data-status={status}>
      <span className="dot" aria-hidden="true" />
      {LABELS[status]}
      {refreshing && status !== 'loading' ? <span className="badge-updating"> · Updating…</span> : null}
    </span>
  );
}
