/**
 * A named error with its hint and the one action that helps: used full-size when there is
 * no data (`error` status) and as a banner over kept data (`stale`).
 */
import type { AppError } from '../../../shared/errors.js';
import { isKeychainError } from '../../../shared/errors.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { formatAge, formatCountdown } from '../../../shared/present/message-words.js';
import { actionFor, secondsUntil } from '../lib/error-actions.js';
import { useWords } from '../lib/words.js';
import { ErrorDetails } from './ErrorDetails.js';

/** Props: the error (null for a silent stale), timing, and the actions to offer. */
export interface ErrorPanelProps {
  readonly variant: 'stale' | 'error';
  readonly error: AppError | null;
  /** Age of the kept data in seconds (stale only). */
  readonly ageSeconds: number | null;
  /** When main's scheduler refreshes next on its own (epoch ms), or null. */
  readonly nextRefreshAt: number | null;
  /** Main's `rateLimitedUntil`: until then (epoch ms) a manual retry is refused, as Gate asked. */
  readonly rateLimitedUntil: number | null;
  readonly now: number;
  readonly refreshing: boolean;
  readonly onRetry: () => void;
  readonly onFixKey: () => void;
  /** Starts the demo; offered when the keychain keeps the account closed. Null (or absent) when already in demo. */
  readonly onDemo?: (() => void) | null;
  /** The title the status line over the banner already shows: the reason does not say it again. */
  readonly shownTitle?: string | null;
}

/** Stale banner or error view. */
export function ErrorPanel({
  variant,
  error,
  ageSeconds,
  nextRefreshAt,
  rateLimitedUntil,
  now,
  refreshing,
  onRetry,
  onFixKey,
  onDemo = null,
  shownTitle = null,
}: ErrorPanelProps) {
  const words = useWords();
  const said = error === null ? null : errorWords(words, error);
  const action = error === null ? 'retry' : actionFor(error.code);
  // Two different clocks, each named for what it is: Gate's own wait (a manual retry is
  // refused until then) and the scheduler's next attempt (which may back off further).
  const gateWait = rateLimitedUntil === null || action === 'fix-key' ? 0 : secondsUntil(rateLimitedUntil, now);
  const nextAuto = nextRefreshAt === null || action === 'fix-key' ? 0 : secondsUntil(nextRefreshAt, now);
  // A key that needs the user is an error whatever data is kept: the panel wears the error's colour.
  const severity = action === 'fix-key' || variant === 'error' ? 'error' : 'stale';
  const title =
    variant === 'stale'
      ? ageSeconds === null || ageSeconds < 5
        ? words.t('panel.refresh-failed')
        : words.t('panel.data-age', { age: formatAge(words, ageSeconds) })
      : said !== null
        ? said.title
        : words.t('panel.no-data');
  return (
    <div
      className={`panel panel-${severity}`}
      role={variant === 'error' ? 'alert' : 'status'}
      data-testid={variant === 'stale' ? 'stale-banner' : 'error-view'}
      data-code={error?.code ?? ''}
    >
      <div className="panel-title">{title}</div>
      {variant === 'stale' ? (
        <div className="panel-reason">
          {said === null
            ? words.t('panel.no-refresh-since')
            : said.title === shownTitle
              ? said.summary
              : words.t('panel.reason', { title: said.title, message: said.summary })}
        </div>
      ) : said !== null ? (
        <div className="panel-reason">{said.summary}</div>
      ) : null}
      {said !== null ? <div className="panel-hint">{said.hint}</div> : null}
      {variant === 'stale' ? (
        // Said here, not in the error's hint: the same hint is shown when there is no data.
        <div className="panel-kept">{words.t('panel.kept')}</div>
      ) : null}
      <div className="panel-actions">
        {nextAuto > 0 ? (
          <span className="muted panel-next" data-testid="next-refresh">
            {words.t('panel.next-refresh', { countdown: formatCountdown(words, nextAuto) })}
          </span>
        ) : null}
        {action === 'fix-key' ? (
          <button type="button" className="button primary" onClick={onFixKey}>
            {words.t('panel.fix-key')}
          </button>
        ) : gateWait > 0 ? (
          <button type="button" className="button" disabled data-testid="rate-limit-wait">
            {words.t('panel.retry-in', { countdown: formatCountdown(words, gateWait) })}
          </button>
        ) : (
          <button type="button" className="button" onClick={onRetry} disabled={refreshing}>
            {words.t(refreshing ? 'panel.retrying' : 'panel.retry')}
          </button>
        )}
        {onDemo !== null && error !== null && isKeychainError(error.code) ? (
          <button type="button" className="button ghost" data-testid="error-try-demo" onClick={onDemo}>
            {words.t('onboarding.demo')}
          </button>
        ) : null}
      </div>
      {error !== null ? <ErrorDetails code={error.code} detail={said?.detail ?? null} /> : null}
    </div>
  );
}
