/**
 * `balance --sub-accounts`: the sources and their combined figure, as the JSON fields `sources`
 * and `combined` (added to today's object, whose `total` stays the key's own Gate figure) and as
 * a table with one row per source and the combined total. Amounts in JSON are exact and
 * unrounded; errors are worded in the reader's language.
 */
import type { Combined, Source } from '../../shared/portfolio.js';
import { countOnce } from '../../shared/portfolio.js';
import type { Currency } from '../../shared/balance.js';
import { displayAmount, displayMoney } from '../../shared/present/amounts.js';
import { CLI_ENGLISH, type CliWords } from '../../shared/present/cli-words.js';
import { errorWords } from '../../shared/present/error-words.js';
import { formatList } from '../../shared/present/words.js';
import { columns, padColumns } from './columns.js';
import { pangoText, zonedStamp } from './render.js';
import { wrapLine } from './wrap.js';

/** One source in `--json`, with the field names the issue fixes. */
type SourceJson = Pick<
  Source,
  'kind' | 'profile' | 'uid' | 'name' | 'total' | 'estimated' | 'partial' | 'covers' | 'unpriced' | 'status'
> & {
  /** The error worded in the reader's language, as `--json` errors are elsewhere. */
  readonly error: { readonly code: string; readonly message: string } | null;
};

/** The `sources` and `combined` fields of `balance --json` (sources counted once, in reading order). */
export function sourcesJson(
  sources: readonly Source[],
  combined: Combined,
  words: CliWords = CLI_ENGLISH,
): { sources: SourceJson[]; combined: Pick<Combined, 'currency' | 'amount' | 'partial' | 'estimated'> } {
  return {
    sources: countOnce(sources).map((s) => ({
      kind: s.kind,
      profile: s.profile,
      uid: s.uid,
      name: s.name,
      total: s.total,
      estimated: s.estimated,
      partial: s.partial,
      covers: s.covers,
      unpriced: s.unpriced,
      status: s.status,
      error: s.error === null ? null : { code: s.error.code, message: errorWords(words, s.error).message },
    })),
    combined: { currency: combined.currency, amount: combined.amount, partial: combined.partial, estimated: combined.estimated },
  };
}

/** The source's name in a table row. */
function sourceLabel(words: CliWords, s: Source): string {
  if (s.kind === 'key') return words.cli('cli.sources.key', { name: s.name });
  return s.uid === null
    ? words.cli('cli.sources.sub-accounts-of', { name: s.name })
    : words.cli('cli.sources.sub-account', { name: s.name, uid: s.uid });
}

/** What a row's figure is: estimated, which products, unpriced coins, stale, error. */
function sourceNotes(words: CliWords, s: Source): string {
  const notes: string[] = [];
  if (s.estimated && s.total !== null) notes.push(words.cli('cli.sources.estimated'));
  if (s.kind === 'sub-account' && s.covers.length > 0)
    notes.push(
      words.cli('cli.sources.covers', {
        products: formatList(
          words,
          s.covers.map((product) => words.cli('cli.sources.product', { product })),
        ),
      }),
    );
  if (s.unpriced.length > 0) notes.push(words.cli('cli.sources.unpriced', { coins: formatList(words, s.unpriced) }));
  if (s.status === 'stale') notes.push(words.cli('cli.sources.stale'));
  if (s.error !== null) notes.push(words.cli('cli.sources.error', { code: s.error.code }));
  return notes.join(words.cli('cli.sources.separator'));
}

/** The sources table: one row per source, the combined figure, what the estimates are and why a source failed. */
export function sourcesTable(
  sources: readonly Source[],
  combined: Combined,
  options: { readonly privacy: boolean; readonly full: boolean; readonly words?: CliWords; readonly width?: number },
): string {
  const words = options.words ?? CLI_ENGLISH;
  // The prose under the table wraps at the terminal's width, as help does (prose stops at 100 columns).
  const prose = (text: string): string[] => wrapLine(text, Math.min(options.width ?? 80, 100));
  const counted = countOnce(sources);
  const display = { privacy: options.privacy, precision: options.full ? 'full' : 'display' } as const;
  const amount = (value: string | undefined): string =>
    value === undefined ? '—' : displayAmount(words, value, combined.currency, display);
  const header = [
    words.cli('cli.sources.source'),
    words.t('cli.table.amount', { currency: combined.currency }),
    words.cli('cli.sources.notes'),
  ];
  const rows = counted.map((s) => [
    sourceLabel(words, s),
    amount(s.total?.currency === combined.currency ? s.total.amount : undefined),
    sourceNotes(words, s),
  ]);
  const combinedNotes = [
    combined.estimated ? words.cli('cli.sources.estimated') : '',
    combined.partial ? words.cli('cli.sources.partial') : '',
    combined.stale ? words.cli('cli.sources.stale') : '',
  ].filter((n) => n !== '');
  const footer = [words.cli('cli.sources.combined'), amount(combined.amount), combinedNotes.join(words.cli('cli.sources.separator'))];
  const all = [header, ...rows, footer];
  const widths = header.map((_, i) => Math.max(...all.map((r) => columns(r[i] ?? ''))));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => padColumns(cell, widths[i] ?? 0, i === 1))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line), '─'.repeat((widths[0] ?? 0) + (widths[1] ?? 0) + 2), line(footer)];
  if (counted.some((s) => s.kind === 'sub-account' && s.total !== null)) {
    out.push('', ...prose(words.cli('cli.sources.note')));
    const rate = counted.find((s) => s.rate !== null && s.rate !== 'identity')?.rate;
    if (rate !== undefined && rate !== null) out.push(...prose(words.cli('cli.sources.rate', { rate })));
  }
  const failed = counted.filter((s) => s.error !== null);
  if (failed.length > 0)
    out.push(
      '',
      ...failed.flatMap((s) =>
        prose(words.cli('cli.sources.problem', { name: sourceLabel(words, s), message: errorWords(words, s.error!).message })),
      ),
    );
  return `${out.join('\n')}\n`;
}

/**
 * Today's `--json` fields when the chosen key itself could not be read but other sources were
 * (`--all-profiles`): every key kept, so a script finds the same object, with nothing in it.
 */
export function noBalanceJson(currency: Currency): {
  currency: Currency;
  total: null;
  accounts: [];
  unaccounted: null;
  fetchedAt: null;
  change24h: null;
} {
  return { currency, total: null, accounts: [], unaccounted: null, fetchedAt: null, change24h: null };
}

/** What the status-bar figure needs of the human options. */
interface CombinedLineOptions {
  readonly privacy: boolean;
  readonly full: boolean;
  readonly demo: boolean;
  readonly words?: CliWords;
  readonly timeZone?: string;
}

/** The combined figure on one line (`--short`): `≈` when it holds an estimate, `*` when a source is missing, partial or stale. */
export function combinedShortLine(combined: Combined, options: CombinedLineOptions): string {
  const words = options.words ?? CLI_ENGLISH;
  const money = displayMoney(words, combined.amount, combined.currency, {
    privacy: options.privacy,
    precision: options.full ? 'full' : 'display',
    short: true,
  });
  const line = words.cli('cli.sources.short', {
    money,
    estimated: combined.estimated ? 'yes' : 'no',
    incomplete: combined.partial || combined.stale ? 'yes' : 'no',
  });
  return options.demo ? words.t('cli.short.demo', { money: line }) : line;
}

/**
 * The waybar object for several sources: the combined figure as `text`; the tooltip names what
 * it includes (each counted source and its figure) and what the marks mean; `class` adds
 * `estimated`, `partial` and `stale` for a style sheet.
 */
export function combinedWaybarJson(
  sources: readonly Source[],
  combined: Combined,
  options: CombinedLineOptions & { readonly at: number },
): string {
  const words = options.words ?? CLI_ENGLISH;
  const display = { privacy: options.privacy, precision: 'display' } as const;
  const lines = countOnce(sources).map((s) => {
    const amount =
      s.total !== null && s.total.currency === combined.currency ? displayAmount(words, s.total.amount, combined.currency, display) : '—';
    const notes = sourceNotes(words, s);
    return words.cli('cli.sources.tooltip-row', { source: sourceLabel(words, s), amount, notes, noted: notes === '' ? 'no' : 'yes' });
  });
  const marks = [
    combined.estimated ? words.cli('cli.sources.estimated') : '',
    combined.partial ? words.cli('cli.sources.partial') : '',
    combined.stale ? words.cli('cli.sources.stale') : '',
  ].filter((m) => m !== '');
  const head = words.cli('cli.sources.tooltip-combined', {
    money: displayMoney(words, combined.amount, combined.currency, display),
    marks: marks.join(words.cli('cli.sources.separator')),
    marked: marks.length > 0 ? 'yes' : 'no',
  });
  const legend = marks.length > 0 ? [words.cli('cli.sources.tooltip-legend')] : [];
  const tooltip = [head, ...lines, ...legend, words.t('cli.waybar.as-of', { at: zonedStamp(words, options.at, options.timeZone) })].join(
    '\n',
  );
  const classes = [
    options.demo ? 'demo' : 'live',
    ...(combined.estimated ? ['estimated'] : []),
    ...(combined.partial ? ['partial'] : []),
    ...(combined.stale ? ['stale'] : []),
  ];
  return JSON.stringify({
    text: pangoText(combinedShortLine(combined, options)),
    tooltip: pangoText(tooltip),
    class: classes.length === 1 ? classes[0] : classes,
  });
}
