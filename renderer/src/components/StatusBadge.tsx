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
  /** Demo data: "Demo data" takes the place of "Live" (one badge, never both). */
  readonly demo?: boolean;
  /** Kept data whose key needs the user (revoked, lost its permission): worded and coloured as the error it is, not "Stale". */
  readonly keyProblem?: boolean;
}

/** A small pill with a coloured dot; "Updating…" is added while a request runs. */
export function StatusBadge({ status, refreshing, demo = false, keyProblem = false }: StatusBadgeProps) {
  const words = useWords();
  const demoLive = demo && status === 'live';
  const severity = status === 'stale' && keyProblem ? 'error' : status;
  return (
    <span
      className={`badge badge-${demoLive ? 'demo' : severity}`}
      data-testid="status-badge"
      data-status={status}
      data-severity={severity}
    >
      <span className="dot" aria-hidden="true" />
      {demoLive ? <span data-testid="demo-badge">{words.t('popover.demo-badge')}</span> : words.t(`status.${severity}`)}
      {refreshing && status !== 'loading' ? <span className="badge-updating">{words.t('status.updating')}</span> : null}
    </span>
  );
}
