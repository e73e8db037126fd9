/**
 * Live / stale / error / loading at a glance. Fed the *effective* status (see
 * shared/widget-state.ts), so data is only ever called live while it is.
 */
import type { WidgetStatus } from '../../../shared/ipc.js';
import { useWords } from '../lib/words.js';

/** Props: the status to show and whether a request is in flight. */
export interface StatusBadgeProps {
  readonly status: WidgetStatus;
  readonly refreshing: boolean;
}

/** A small pill with a coloured dot; "Updating…" is added while a request runs. */
export function StatusBadge({ status, refreshing }: StatusBadgeProps) {
  const words = useWords();
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge" data-status={status}>
      <span className="dot" aria-hidden="true" />
      {words.t(`status.${status}`)}
      {refreshing && status !== 'loading' ? <span className="badge-updating">{words.t('status.updating')}</span> : null}
    </span>
  );
}
