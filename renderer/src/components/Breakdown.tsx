/**
 * The breakdown section: chart or table (a toggle), the accounts below zero (which cannot be
 * slices: one legend-style row each, why one click or a hover away), the "n empty accounts"
 * disclosure, and a note when the accounts do not add up to Gate's total.
 * In privacy mode no part of it may tell which account is large or small: the accounts the
 * normal view charts get the same masked row each, in alphabetical order, under a plain ring.
 */
import { useMemo, type ReactNode } from 'react';
import { summarizeBalance, type BalanceSummary } from '../../../shared/accounts.js';
import type { BalanceSnapshot } from '../../../shared/balance.js';
import { displayAmount, exactMoney, relabelSummary, withAccountNames } from '../../../shared/present/amounts.js';
import { unaccountedView } from '../../../shared/present/unaccounted.js';
import { buildSlices, privateSlices } from '../lib/slices.js';
import { useWords } from '../lib/words.js';
import { BreakdownChart } from './BreakdownChart.js';
import { BreakdownTable } from './BreakdownTable.js';

/** Chart or table. */
export type BreakdownView = 'chart' | 'table';

/** Props: the data, the display preferences and the chosen view. */
export interface BreakdownProps {
  readonly balance: BalanceSnapshot;
  readonly privacy: boolean;
  readonly thresholdPercent: number;
  readonly reducedMotion: boolean;
  readonly view: BreakdownView;
  readonly onViewChange: (view: BreakdownView) => void;
  /** Opens an account's holdings (a slice, a legend entry or a table row was activated). */
  readonly onOpenAccount?: (account: string) => void;
  /** Names shown instead of the accounts' own (the "By source" pie: a source's id → its name). */
  readonly labels?: ReadonlyMap<string, string>;
  /** What activating a row opens, for screen readers; "its coins" when absent. */
  readonly openHint?: string;
  /** A control in the head beside the table toggle (the portfolio's grouping switch); the title is then for screen readers only. */
  readonly switcher?: ReactNode;
  /** What the pie's centre counts ("accounts" when absent). */
  readonly countWord?: (count: number) => string;
}

/** The summary with each account named from `labels` where it has an entry. */
function relabel(summary: BalanceSummary, labels: ReadonlyMap<string, string> | undefined): BalanceSummary {
  return labels === undefined ? summary : relabelSummary(summary, (a) => labels.get(a.name) ?? a.label);
}

/** Chart/table with the zero and negative accounts set apart. */
export function Breakdown({
  balance,
  privacy,
  thresholdPercent,
  reducedMotion,
  view,
  onViewChange,
  onOpenAccount,
  labels,
  openHint,
  switcher,
  countWord,
}: BreakdownProps) {
  const words = useWords();
  const summary = useMemo(() => relabel(withAccountNames(words, summarizeBalance(balance)), labels), [balance, words, labels]);
  const slices = useMemo(
    // Masked: the same accounts the normal view charts (its count stays), each its own row, by name.
    () => (privacy ? privateSlices(summary.positive) : buildSlices(summary.positive, thresholdPercent, words)),
    [summary, thresholdPercent, privacy, words],
  );
  // Which accounts are below zero or empty is itself private: masked mode lists them all alike.
  const showSigns = !privacy && view === 'chart';
  const { currency } = balance;
  const unaccounted = unaccountedView(words, summary.unaccounted, currency, { privacy });

  return (
    <section className="breakdown" aria-labelledby="breakdown-title">
      <div className="section-head">
        <h2 id="breakdown-title" className={switcher === undefined ? undefined : 'visually-hidden'}>
          {words.t('breakdown.title')}
        </h2>
        {switcher}
        <button
          type="button"
          className="link-button"
          data-testid="table-toggle"
          data-view={view}
          onClick={() => onViewChange(view === 'table' ? 'chart' : 'table')}
        >
          {words.t(view === 'table' ? 'breakdown.chart-view' : 'breakdown.table-view')}
        </button>
      </div>
      {view === 'table' ? (
        <BreakdownTable balance={balance} summary={summary} privacy={privacy} {...(onOpenAccount ? { onOpenAccount } : {})} />
      ) : slices.length > 0 || privacy ? (
        // Masked, even no positive account is a plain ring: "nothing to chart" would tell.
        <BreakdownChart
          slices={slices}
          currency={currency}
          privacy={privacy}
          reducedMotion={reducedMotion}
          {...(onOpenAccount ? { onOpenAccount } : {})}
          {...(openHint !== undefined ? { openHint } : {})}
          {...(countWord !== undefined ? { countWord } : {})}
        />
      ) : (
        <p className="muted" data-testid="no-positive">
          {words.t('breakdown.nothing-to-chart')}
        </p>
      )}
      {unaccounted ? (
        <p className="note unaccounted-note" data-testid="unaccounted">
          {unaccounted.note}
        </p>
      ) : null}
      {showSigns && summary.negative.length > 0 ? (
        <ul className="below-zero" aria-label={words.t('breakdown.below-zero')} data-testid="negative-accounts">
          {summary.negative.map((a) => (
            // One legend-style row; why it is not a slice is one click (or a hover) away.
            <li key={a.name}>
              <details className="below-zero-row" data-testid={`below-zero-${a.name}`}>
                <summary title={words.t('breakdown.negative-note')}>
                  <span className="swatch swatch-below-zero" aria-hidden="true" />
                  <span className="legend-label">{a.label}</span>
                  <span
                    className="below-zero-amount num"
                    data-testid="below-zero-amount"
                    title={exactMoney(words, a.amount, currency, privacy)}
                  >
                    {displayAmount(words, a.amount, currency, { privacy })}
                  </span>
                  <span className="below-zero-aside">{words.t('breakdown.below-zero-row')}</span>
                </summary>
                <p className="note" data-testid="below-zero-note">
                  {words.t('breakdown.negative-note')}
                </p>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {showSigns && summary.zero.length > 0 ? (
        <details className="empty-accounts" data-testid="empty-accounts">
          <summary>{words.t('breakdown.empty-accounts', { count: summary.zero.length })}</summary>
          <ul>
            {summary.zero.map((a) => (
              <li key={a.name}>{a.label}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
