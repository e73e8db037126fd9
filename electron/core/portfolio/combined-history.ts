/**
 * The combined net worth's own history (issue 25): one line per whole combined figure, in its own
 * file beside the account's history (`history-combined.jsonl`; `history-combined-<hash>.jsonl`
 * for another endpoint), written with the account history's machinery (SeriesStore: the writer
 * lock, compaction, reads from the tail of an oversized file, skipped hostile lines).
 *
 * Each point carries the fingerprint of what it counts (`sources`: 16 hex digits of a SHA-256 over
 * the counted sources' ids, and for a sub-account what its estimate covers): the file holds no id,
 * uid or name. A figure is only compared with points of the same fingerprint, and the chart's line
 * breaks where it changes: adding or removing a source is a break, never a gain.
 */
import { createHash } from 'node:crypto';
import type { Currency, DecimalString, HistoryPoint } from '../../../shared/balance.js';
import { CURRENCIES } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { change24h } from '../../../shared/change.js';
import type { Result } from '../../../shared/errors.js';
import { fail, ok } from '../../../shared/errors.js';
import type { HistoryRange, HistoryView } from '../../../shared/history.js';
import { historyView } from '../../../shared/history.js';
import { countOnce, type PortfolioState, type Source } from '../../../shared/portfolio.js';
import type { HistoryLines, HistoryStoreOptions } from '../balance/history-store.js';
import { endpointDigest, parseJsonLine, pointOf, SeriesStore } from '../balance/history-store.js';

/** Production Gate's combined history. */
const COMBINED_HISTORY_FILE_NAME = 'history-combined.jsonl';
/** Hex digits kept of a digest (an endpoint's, a source set's). */
const DIGEST_CHARS = 16;

/** The combined history file of an endpoint: never a name the account's history (`history-<16 hex>.jsonl`) could have. */
export function combinedHistoryFileName(baseUrl?: string): string {
  const digest = endpointDigest(baseUrl);
  return digest === null ? COMBINED_HISTORY_FILE_NAME : `history-combined-${digest.slice(0, DIGEST_CHARS)}.jsonl`;
}

/** A point of the combined series: the figure and the fingerprint of the sources it counts. */
export interface CombinedPoint extends HistoryPoint {
  readonly sources: string;
}

const FINGERPRINT = new RegExp(`^[0-9a-f]{${DIGEST_CHARS}}$`);
const STORED_LINE = new RegExp(
  `^\\{"at":(\\d{1,15}),"currency":"(${CURRENCIES.join('|')})","total":"(-?\\d{1,100}(?:\\.\\d{1,98})?)","sources":"([0-9a-f]{${DIGEST_CHARS}})"\\}$`,
);

/** One stored line of the combined series; null for a torn, foreign or invalid line (an account line without `sources` too). */
export function parseCombinedLine(line: string): CombinedPoint | null {
  const stored = STORED_LINE.exec(line);
  if (stored) return { at: Number(stored[1]), currency: stored[2] as Currency, total: stored[3]!, sources: stored[4]! };
  const fields = parseJsonLine(line);
  const point = fields === null ? null : pointOf(fields);
  if (point === null || typeof fields?.['sources'] !== 'string' || !FINGERPRINT.test(fields['sources'])) return null;
  return { ...point, sources: fields['sources'] };
}

/** The stored form of a combined point: exactly these four fields. */
export function formatCombinedLine(point: CombinedPoint): string {
  return `${JSON.stringify({ at: point.at, currency: point.currency, total: point.total, sources: point.sources })}\n`;
}

const COMBINED_LINES: HistoryLines<CombinedPoint> = { parse: parseCombinedLine, format: formatCombinedLine };

/**
 * What the combined figure counts, as a fingerprint: the counted sources' ids (a key's figure is
 * Gate's whole account), and for a sub-account also the products and coins its estimate covers
 * and the rate that converted it, since any of those changing moves the figure without a gain.
 */
export function sourceSetFingerprint(sources: readonly Source[]): string {
  const parts = countOnce(sources)
    .map((s) =>
      s.kind === 'key' ? s.id : [s.id, s.rate ?? '', [...s.covers].sort().join(','), [...s.unpriced].sort().join(',')].join('|'),
    )
    .sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, DIGEST_CHARS);
}

/**
 * The combined figure in the portfolio's currency with its sources' fingerprint, when every counted
 * source has a total in it (`fresh`: and none is stale); null otherwise: a figure missing a source
 * would read as a loss.
 */
export function wholeCombined(
  portfolio: PortfolioState,
  fresh: boolean,
): { currency: Currency; total: DecimalString; sources: string } | null {
  const counted = countOnce(portfolio.sources);
  if (counted.length === 0 || portfolio.combined.currency !== portfolio.currency) return null;
  const whole = counted.every(
    (s) => s.total !== null && s.total.currency === portfolio.currency && (fresh ? s.status === 'ok' : s.status !== 'error'),
  );
  return whole
    ? { currency: portfolio.currency, total: portfolio.combined.amount, sources: sourceSetFingerprint(portfolio.sources) }
    : null;
}

/** How a CombinedHistory is built: the account history's options (its own file name), and who hears a change become known. */
export interface CombinedHistoryOptions extends HistoryStoreOptions {
  /** The points were loaded or forgotten: a change worked out from them may have become known. */
  readonly onChange?: () => void;
}

/** A chart's question about the combined series. */
export interface CombinedHistoryQuery {
  readonly currency: Currency;
  readonly range: HistoryRange;
}

/** Records the combined figure and answers its change and its chart. */
export class CombinedHistory {
  readonly #store: SeriesStore<CombinedPoint>;
  readonly #onChange: () => void;
  /** Every point as loaded and recorded since, oldest first; null until loaded. */
  #points: CombinedPoint[] | null = null;
  #loading: Promise<void> | null = null;

  constructor(options: CombinedHistoryOptions) {
    this.#store = new SeriesStore({ ...options, fileName: combinedHistoryFileName(options.baseUrl), lines: COMBINED_LINES });
    this.#onChange = options.onChange ?? (() => undefined);
  }

  /** The series file's full path. */
  get path(): string {
    return this.#store.path;
  }

  /**
   * Appends the combined figure at `at` when it is whole: every counted source fresh (none stale,
   * none in error, each with a total in the portfolio's currency). Anything less is not recorded,
   * since a last good or missing total would be a figure nobody held at `at`. Rejects when the file
   * cannot be written (the caller decides whether that matters).
   */
  async record(portfolio: PortfolioState, at: number): Promise<void> {
    const figure = wholeCombined(portfolio, true);
    if (figure === null) return;
    const point: CombinedPoint = { at, ...figure };
    await this.#store.append(point);
    this.#points?.push(point);
  }

  /**
   * The 24-hour change of the portfolio's combined figure at `at` against earlier points that
   * count the same sources (null: none, or a source has no total to compare); undefined while
   * the history is not loaded yet (this starts loading it, and `onChange` tells when it is).
   * A stale source's last good total still counts: the figure says it is stale.
   */
  knownChange(portfolio: PortfolioState, at: number): Change24h | null | undefined {
    if (this.#points === null) {
      this.#load();
      return undefined;
    }
    const figure = wholeCombined(portfolio, false);
    if (figure === null) return null;
    const same = this.#points.filter((p) => p.sources === figure.sources);
    return change24h(same, { currency: figure.currency, at, total: figure.total });
  }

  #load(): void {
    if (this.#loading !== null) return;
    this.#loading = this.#store.read().then(
      (points) => {
        this.#points = points;
        this.#onChange();
      },
      () => {
        // Unreadable now: the next question tries again.
        this.#loading = null;
      },
    );
  }

  /** The combined series over `range` for the chart; its line breaks where the counted sources changed. */
  async view(
    query: CombinedHistoryQuery,
    opts: { readonly now: number; readonly refreshIntervalMs: number },
  ): Promise<Result<HistoryView>> {
    let points: CombinedPoint[];
    try {
      points = await this.#store.read(query.currency);
    } catch {
      return fail('INTERNAL', { reason: 'history-read' });
    }
    const view = historyView(points, query.range, { ...opts, breaksBetween: (a, b) => a.sources !== b.sources });
    const plain = (p: HistoryPoint): HistoryPoint => ({ at: p.at, currency: p.currency, total: p.total });
    // The fingerprints stay in core: the chart gets points as the account's history has them.
    const { high, low, last } = view;
    return ok({ ...view, points: view.points.map(plain), high: high && plain(high), low: low && plain(low), last: last && plain(last) });
  }

  /** Forgets every combined point (the history was forgotten with the key). */
  async clear(): Promise<void> {
    await this.#store.clear();
    this.#points = [];
    this.#onChange();
  }
}
