/**
 * What changed: the total now against the local history 24 hours ago (or since the oldest point,
 * said as "since 09:14"), signed, coloured by direction as the user's rule and locale say, with
 * a sparkline over the same window (from the point the change is measured against) in the same
 * colour. No change without an earlier point; the row keeps its height even when empty, so
 * nothing under the total moves when a change appears or another currency has none.
 */
import type { Currency } from '../../../shared/balance.js';
import { changeColour, type Change24h, type ChangeColourRule } from '../../../shared/change.js';
import type { HistoryView } from '../../../shared/history.js';
import { PRIVACY_MASK } from '../../../shared/present/amounts.js';
import { changeParts } from '../../../shared/present/change.js';
import { changeWindow } from '../lib/line-geometry.js';
import { useWords } from '../lib/words.js';
import { Sparkline } from './Sparkline.js';

/** Props: the change (null: none known), the day's history for the sparkline, and how to show them. */
export interface ChangeLineProps {
  readonly change: Change24h | null;
  readonly currency: Currency;
  /** `history:get` of the last 24 hours, refetched with each new balance; null until it answers. */
  readonly day: HistoryView | null;
  readonly privacy: boolean;
  readonly colours: ChangeColourRule;
  /** The locale whose convention `auto` follows (red up in zh-CN and zh-TW). */
  readonly locale: string;
  /** The refresh interval, ms: the line breaks where points are further apart than three of them. */
  readonly intervalMs: number;
  /** Whether the row keeps its height while empty; the demo, which records no history, never has a change to make room for. */
  readonly reserve?: boolean;
}

/** The change row under the total. */
export function ChangeLine({ change, currency, day, privacy, colours, locale, intervalMs, reserve = true }: ChangeLineProps) {
  const words = useWords();
  // Without a change (another currency's figure on its way) the day is drawn as it is, uncoloured.
  const shown = day === null ? null : change === null ? day : changeWindow(day, change, intervalMs);
  const line = shown !== null && shown.points.length >= 2 ? <Sparkline points={shown.points} gaps={shown.gaps} privacy={privacy} /> : null;
  if (change === null) return line === null && !reserve ? null : <div className="change change-neutral change-empty">{line}</div>;
  const text = changeParts(words, change, currency);
  // Privacy hides the direction too: its colour and arrow alone tell which way the money went.
  const colour = privacy ? 'neutral' : changeColour(change.direction, colours, locale);
  const arrow = privacy || change.direction === 0 ? null : change.direction > 0 ? 'M4 10l4-5 4 5z' : 'M4 6l4 5 4-5z';
  const span = text.since === null ? words.t('change-line.span-24h') : words.t('change-line.since', { time: text.since });
  return (
    <div
      className={`change change-${colour}`}
      data-testid="change"
      data-colour={colour}
      data-direction={privacy ? '' : String(change.direction)}
    >
      <span className="visually-hidden">{words.t('change-line.label')}</span>
      {arrow !== null ? (
        <svg className="change-arrow" viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
          <path d={arrow} fill="currentColor" />
        </svg>
      ) : null}
      <span className="change-amount" data-testid="change-amount">
        {privacy ? PRIVACY_MASK : text.amount}
      </span>
      {text.percent !== null || privacy ? (
        <span className="change-percent" data-testid="change-percent">
          {privacy ? PRIVACY_MASK : words.t('share.percent', { share: text.percent ?? '' })}
        </span>
      ) : null}
      <span className="change-span muted" data-testid="change-span">
        {span}
      </span>
      {line}
    </div>
  );
}
