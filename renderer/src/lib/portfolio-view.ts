/**
 * What the popover draws from WidgetState.portfolio: the combined figure as a snapshot the total
 * and the breakdown already know how to show, the line saying what the figure includes, and one
 * source's own breakdown with its notes. Pure; the words come from the catalogues.
 */
import { accountLabel } from '../../../shared/accounts.js';
import type { AccountEntry, BalanceSnapshot, Currency } from '../../../shared/balance.js';
import { accountText } from '../../../shared/present/amounts.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { formatList } from '../../../shared/present/message-words.js';
import { includedSources, sourceName } from '../../../shared/present/portfolio-words.js';
import type { Words } from '../../../shared/present/words.js';
import { sumByAccountType, type PortfolioState, type Source, type SourceAccount } from '../../../shared/portfolio.js';

/** How the pie groups a portfolio. */
export type PortfolioGrouping = 'type' | 'source';

function entry(a: SourceAccount): AccountEntry {
  return { name: a.name, amount: a.amount, unrealisedPnl: null, borrowed: null };
}

/** The oldest data behind a counted total: "as of" never claims a fresher time than its stalest part. */
export function portfolioFetchedAt(portfolio: PortfolioState, fallback: number): number {
  const times = portfolio.sources.flatMap((s) => (s.total !== null && s.fetchedAt !== null ? [s.fetchedAt] : []));
  return times.length > 0 ? Math.min(...times) : fallback;
}

/** The combined figure grouped as asked: by account type (summed over the sources) or one entry per source (its id). */
export function portfolioSnapshot(portfolio: PortfolioState, grouping: PortfolioGrouping, fetchedAt: number): BalanceSnapshot {
  const { currency, combined } = portfolio;
  const accounts =
    grouping === 'type'
      ? sumByAccountType(portfolio.sources, currency).map(entry)
      : portfolio.sources.flatMap((s) =>
          s.total !== null && s.total.currency === currency ? [entry({ name: s.id, amount: s.total.amount })] : [],
        );
  return { currency, total: { amount: combined.amount, unrealisedPnl: null, borrowed: null }, accounts, fetchedAt };
}

/** A source's own accounts (a key's) or products (a sub-account's), against its total; null without a total in `currency`. */
export function sourceSnapshot(source: Source, currency: Currency, fallback: number): BalanceSnapshot | null {
  if (source.total === null || source.total.currency !== currency) return null;
  return {
    currency,
    total: { amount: source.total.amount, unrealisedPnl: null, borrowed: null },
    accounts: source.accounts.map(entry),
    fetchedAt: source.fetchedAt ?? fallback,
  };
}

/** Each source's id → its name, for the "By source" legend and table. */
export function sourceLabels(words: Words, portfolio: PortfolioState): ReadonlyMap<string, string> {
  return new Map(portfolio.sources.map((s) => [s.id, sourceName(words, s)]));
}

/** "Main + 3 sub-accounts (estimated) + Family · Family unavailable · includes stale data": what the combined figure counts. */
export interface IncludesLine {
  readonly text: string;
  /** Every source by name with its state, one per line: the line's title. */
  readonly title: string;
  /** A counted total is the last good one, or a source has none: not to be read as live. */
  readonly warn: boolean;
}

/** Words a source's state as one short phrase. */
function sourceStateText(words: Words, source: Source): string {
  if (source.status === 'error') {
    const said = source.error === null ? null : errorWords(words, source.error);
    return words.t('portfolio.source-unavailable', { name: sourceName(words, source), reason: said?.summary ?? '' });
  }
  return words.t(source.status === 'stale' ? 'portfolio.source-stale' : 'portfolio.source-ok', { name: sourceName(words, source) });
}

/** The includes line of a portfolio. */
export function includesLine(words: Words, portfolio: PortfolioState): IncludesLine {
  const { parts, unavailable } = includedSources(words, portfolio.sources);
  const flags: string[] = [];
  if (unavailable.length > 0) flags.push(words.t('portfolio.includes-unavailable', { names: formatList(words, unavailable) }));
  if (portfolio.combined.stale) flags.push(words.t('portfolio.includes-stale'));
  if (portfolio.combined.partial) flags.push(words.t('portfolio.includes-partial'));
  const text = [parts.join(words.t('portfolio.includes-plus')), ...flags]
    .filter((p) => p !== '')
    .join(words.t('portfolio.includes-separator'));
  return {
    text,
    title: portfolio.sources.map((s) => sourceStateText(words, s)).join('\n'),
    warn: portfolio.combined.stale || unavailable.length > 0,
  };
}

/** A product or account name in the reader's words ("spot", "perpetual futures"). */
function productText(words: Words, name: string): string {
  return accountText(words, { name, label: accountLabel(name) });
}

/** What a source's figure is and is not, in words: short lines to show, and the whole explanation for the title. */
export interface SourceNotes {
  /** Each its own line: what a partial total covers and which coins have no price; what spot counts; the rate. */
  readonly lines: readonly string[];
  /** The lines with why: estimated from balances, no balance for other products. */
  readonly title: string;
}

/**
 * What a source's figure is and is not, in words: estimated, what a partial total covers, which
 * coins have no price, what a sub-account's spot balance counts, and the rate that converted it.
 */
export function sourceNotes(words: Words, source: Source): SourceNotes {
  const coverage: string[] = [];
  if (source.partial && source.covers.length > 0) {
    coverage.push(
      words.t('portfolio.note-covers', {
        products: formatList(
          words,
          source.covers.map((c) => productText(words, c)),
        ),
      }),
    );
  }
  if (source.unpriced.length > 0) {
    coverage.push(words.t('portfolio.note-unpriced', { count: source.unpriced.length, coins: formatList(words, source.unpriced) }));
  }
  const lines: string[] = [];
  if (coverage.length > 0) lines.push(coverage.join(words.t('portfolio.includes-separator')));
  if (source.kind === 'sub-account' && source.covers.includes('spot')) lines.push(words.t('portfolio.note-spot-available'));
  if (source.rate === 'gate-totals' || source.rate === 'btc-ticker' || source.rate === 'usd-par') {
    lines.push(words.t('portfolio.note-rate', { rate: source.rate }));
  }
  const why: string[] = [];
  if (source.kind === 'sub-account') why.push(words.t('portfolio.note-estimated'));
  if (source.kind === 'sub-account' && source.partial) why.push(words.t('portfolio.note-other-products'));
  return { lines, title: [...why, ...lines].join('\n') };
}
