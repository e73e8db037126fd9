/**
 * One source of the combined net worth on its own: what it is (a Gate account's own figure, or a
 * sub-account we estimate), its total and how fresh it is, what the figure covers and leaves out
 * in words, and its breakdown (a key's accounts, a sub-account's products), each of which opens
 * its coins. A failed source keeps its last good total, marked stale; one never read shows why.
 */
import { sourceName } from '../../../shared/present/portfolio-words.js';
import { useMemo } from 'react';
import type { Currency } from '../../../shared/balance.js';
import type { Source } from '../../../shared/portfolio.js';
import { displayMoney, exactMoney } from '../../../shared/present/amounts.js';
import { asOfTime } from '../../../shared/present/dates.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { sourceNotes, sourceSnapshot } from '../lib/portfolio-view.js';
import { useFocusOnOpen } from '../lib/use-focus-on-open.js';
import { useWords } from '../lib/words.js';
import { Breakable } from './Breakable.js';
import { Breakdown, type BreakdownView } from './Breakdown.js';

/** Props: the source, the display preferences and where its rows lead. */
export interface SourcePanelProps {
  readonly source: Source;
  readonly currency: Currency;
  readonly privacy: boolean;
  readonly now: number;
  readonly thresholdPercent: number;
  readonly reducedMotion: boolean;
  readonly view: BreakdownView;
  readonly onViewChange: (view: BreakdownView) => void;
  /** Opens one of its accounts' (or products') coins. */
  readonly onOpenAccount: (account: string) => void;
  readonly onBack: () => void;
}

/** A source's own view. */
export function SourcePanel({
  source,
  currency,
  privacy,
  now,
  thresholdPercent,
  reducedMotion,
  view,
  onViewChange,
  onOpenAccount,
  onBack,
}: SourcePanelProps) {
  const words = useWords();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const balance = useMemo(() => sourceSnapshot(source, currency, now), [source, currency, now]);
  const notes = sourceNotes(words, source);
  const said = source.error === null ? null : errorWords(words, source.error);
  // Fresh: "as of" ends the kind line. Stale: a line of its own, in the stale colour, so it is never read as live.
  const asOf =
    source.fetchedAt === null || source.status === 'stale'
      ? null
      : words.t('portfolio.as-of', { time: asOfTime(words, source.fetchedAt, now) });
  const staleSince =
    source.fetchedAt !== null && source.status === 'stale'
      ? words.t('portfolio.stale-since', { time: asOfTime(words, source.fetchedAt, now) })
      : null;

  return (
    <section className="source" aria-labelledby="source-title" data-testid="source-panel" data-status={source.status}>
      <div className="section-head">
        <h2 id="source-title" tabIndex={-1} ref={heading} className="source-name">
          {sourceName(words, source)}
        </h2>
        <button type="button" className="link-button" data-testid="source-back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {words.t('holdings.back')}
        </button>
      </div>
      <p className="source-line" data-testid="source-kind">
        {words.t(source.kind === 'key' ? 'portfolio.kind-key' : 'portfolio.kind-sub', { uid: source.uid ?? '' })}
        {source.total !== null ? (
          <>
            {' · '}
            <span className="num" data-testid="source-total" title={exactMoney(words, source.total.amount, source.total.currency, privacy)}>
              <Breakable text={displayMoney(words, source.total.amount, source.total.currency, { privacy })} />
            </span>
          </>
        ) : null}
        {asOf !== null ? <span data-testid="source-as-of">{` · ${asOf}`}</span> : null}
      </p>
      {staleSince !== null ? (
        <p className="source-line warn" data-testid="source-stale">
          {staleSince}
        </p>
      ) : null}
      {said !== null ? (
        <p className="source-line warn" role="status" data-testid="source-error" data-code={source.error?.code}>
          {said.message} {said.hint}
        </p>
      ) : null}
      {notes.lines.length > 0 ? (
        <p className="note source-notes" data-testid="source-notes" title={notes.title}>
          {notes.lines.map((line) => (
            <span key={line} className="source-note">
              {line}
            </span>
          ))}
        </p>
      ) : null}
      {balance !== null ? (
        <Breakdown
          balance={balance}
          privacy={privacy}
          thresholdPercent={thresholdPercent}
          reducedMotion={reducedMotion}
          view={view}
          onViewChange={onViewChange}
          onOpenAccount={onOpenAccount}
        />
      ) : source.error === null ? (
        <p className="muted" data-testid="source-no-total">
          {words.t('portfolio.no-total')}
        </p>
      ) : null}
    </section>
  );
}
