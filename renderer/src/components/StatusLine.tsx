/**
 * A stale or failed refresh over kept data, as ONE line under the total: an icon, a short title
 * ("Rate limited, retrying in 6 s", "Key lacks wallet permission") and the data's age. The full
 * explanation and its action (Retry, Fix key) are one click away, in a disclosure, so the total
 * never moves down.
 */
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { formatAge, formatCountdown, type Words } from '../../../shared/present/message-words.js';
import { actionFor, secondsUntil } from '../lib/error-actions.js';
import { useWords } from '../lib/words.js';
import { ErrorPanel, type ErrorPanelProps } from './ErrorPanel.js';

/** The stale panel's props; the line itself shows their gist. */
export type StatusLineProps = Omit<ErrorPanelProps, 'variant'>;

/** The line's title: the short words of the error, with the automatic retry's countdown for a rate limit. */
function lineTitle(words: Words, error: AppError | null, nextAuto: number, gateWait: number): string {
  if (error === null) return words.t('status-line.not-refreshed');
  if (error.code === 'RATE_LIMITED') {
    if (nextAuto > 0) return words.t('status-line.rate-limited-retrying', { countdown: formatCountdown(words, nextAuto) });
    if (gateWait > 0) return words.t('status-line.rate-limited-wait', { countdown: formatCountdown(words, gateWait) });
    return words.t('status-line.rate-limited');
  }
  const short = `status-line.title.${error.code}`;
  return words.has(short) ? words.t(short, error.params) : errorWords(words, error).title;
}

/** The compact line, and the explanation it opens. */
export function StatusLine(props: StatusLineProps) {
  const words = useWords();
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const { error, ageSeconds, nextRefreshAt, rateLimitedUntil, now } = props;
  const action = error === null ? 'retry' : actionFor(error.code);
  const nextAuto = nextRefreshAt === null || action === 'fix-key' ? 0 : secondsUntil(nextRefreshAt, now);
  const gateWait = rateLimitedUntil === null || action === 'fix-key' ? 0 : secondsUntil(rateLimitedUntil, now);
  const title = lineTitle(words, error, nextAuto, gateWait);
  const age = ageSeconds === null || ageSeconds < 5 ? null : words.t('status-line.age', { age: formatAge(words, ageSeconds) });
  // A key problem needs the user; anything else Gate Glance keeps retrying on its own.
  const tone = action === 'fix-key' ? 'error' : 'stale';
  return (
    <div className={`status-line status-line-${tone}`} role="status" data-testid="status-line" data-code={error?.code ?? ''}>
      <button
        type="button"
        className="status-line-toggle"
        aria-expanded={open}
        aria-controls={detailId}
        data-testid="status-line-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        <svg className="status-line-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M8 1.8 15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          <path d="M8 6v4M8 11.6v.1" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <span className="status-line-title" data-testid="status-line-title">
          {title}
        </span>
        {age !== null ? (
          <span className="status-line-age" data-testid="status-line-age">
            {age}
          </span>
        ) : null}
        <span className="visually-hidden">{words.t(open ? 'status-line.hide-details' : 'status-line.show-details')}</span>
        <svg className="status-line-chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d={open ? 'M4 10l4-4 4 4' : 'M4 6l4 4 4-4'} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>
      <div id={detailId} hidden={!open}>
        {open ? <ErrorPanel variant="stale" {...props} shownTitle={title} /> : null}
      </div>
    </div>
  );
}
