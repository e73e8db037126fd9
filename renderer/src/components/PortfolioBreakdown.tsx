/**
 * The pie of a portfolio: "By account type" (each account type summed over the sources) or "By
 * source" (one slice per source with a total; activating one opens that source's own view).
 * Everything else, privacy, the table, what is below zero, is the account breakdown's own.
 */
import { useMemo } from 'react';
import type { PortfolioState } from '../../../shared/portfolio.js';
import { portfolioSnapshot, sourceLabels, type PortfolioGrouping } from '../lib/portfolio-view.js';
import { useWords } from '../lib/words.js';
import { Breakdown, type BreakdownView } from './Breakdown.js';

/** Props: the portfolio, the chosen grouping and view, and what opening a source does. */
export interface PortfolioBreakdownProps {
  readonly portfolio: PortfolioState;
  readonly fetchedAt: number;
  readonly privacy: boolean;
  readonly thresholdPercent: number;
  readonly reducedMotion: boolean;
  readonly grouping: PortfolioGrouping;
  readonly onGroupingChange: (grouping: PortfolioGrouping) => void;
  readonly view: BreakdownView;
  readonly onViewChange: (view: BreakdownView) => void;
  readonly onOpenSource: (sourceId: string) => void;
}

const GROUPINGS = [
  ['type', 'portfolio.by-type'],
  ['source', 'portfolio.by-source'],
] as const;

/** The two-way switch and the breakdown it picks. */
export function PortfolioBreakdown({
  portfolio,
  fetchedAt,
  privacy,
  thresholdPercent,
  reducedMotion,
  grouping,
  onGroupingChange,
  view,
  onViewChange,
  onOpenSource,
}: PortfolioBreakdownProps) {
  const words = useWords();
  const balance = useMemo(() => portfolioSnapshot(portfolio, grouping, fetchedAt), [portfolio, grouping, fetchedAt]);
  const labels = useMemo(() => (grouping === 'source' ? sourceLabels(words, portfolio) : undefined), [words, portfolio, grouping]);
  const switcher = (
    <div className="segmented grouping" role="group" aria-label={words.t('portfolio.grouping')} data-testid="portfolio-grouping">
      {GROUPINGS.map(([name, label]) => (
        <button
          key={name}
          type="button"
          className="segment"
          aria-pressed={grouping === name}
          data-testid={`portfolio-by-${name}`}
          onClick={() => onGroupingChange(name)}
        >
          {words.t(label)}
        </button>
      ))}
    </div>
  );
  return (
    <Breakdown
      balance={balance}
      privacy={privacy}
      thresholdPercent={thresholdPercent}
      reducedMotion={reducedMotion}
      view={view}
      onViewChange={onViewChange}
      switcher={switcher}
      // By type, an account's coins are spread over several sources: nothing single to open.
      {...(grouping === 'source' ? { onOpenAccount: onOpenSource, openHint: words.t('portfolio.open-source-hint') } : {})}
      {...(labels !== undefined ? { labels, countWord: (count: number) => words.t('portfolio.sources', { count }) } : {})}
    />
  );
}
