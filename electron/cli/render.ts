/**
 * What `balance` prints: the exact JSON shape scripts rely on, a readable table, and a
 * one-line form for status bars (waybar, polybar, conky, tmux). Amounts are Gate's strings,
 * formatted through shared/decimal (Intl given the string, never a float).
 */
import type { BalanceSnapshot, Currency, HistoryPoint } from '../../shared/balance.js';
import { summarizeBalance } from '../../shared/accounts.js';
import type { Change24h } from '../../shared/change.js';
import { formatAmount } from '../../shared/decimal.js';
import { changeParts, changePercent } from '../../shared/present/change.js';
import { utcOffsetText, wallClock, wallClockParams } from '../../shared/present/dates.js';
import type { HistoryRange } from '../../shared/history.js';
import type { AppError } from '../../shared/errors.js';
import { accountText, displayAmount, displayMoney, displayShare, moneyText } from '../../shared/present/amounts.js';
import { CLI_ENGLISH, type CliWords } from '../../shared/present/cli-words.js';
import { errorWords } from '../../shared/present/error-words.js';
import { unaccountedView } from '../../shared/present/unaccounted.js';
import { fitTable } from './table.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

/** The `--json` document: amounts verbatim, accounts by amount descending, shares of the positive sum. */
export interface BalanceJson {
  readonly currency: string;
  readonly total: { readonly amount: string; readonly unrealisedPnl: string | null; readonly borrowed: string | null };
  readonly accounts: ReadonlyArray<{
    readonly name: string;
    readonly amount: string;
    readonly share: string;
    readonly unrealisedPnl: string | null;
    readonly borrowed: string | null;
  }>;
  /** Gate's total minus the sum of every account, exact and signed; null when they add up (to the display unit). */
  readonly unaccounted: string | null;
  readonly fetchedAt: string;
  /** Null without an earlier point of this currency (and always for the demo). */
  readonly change24h: { readonly from: string; readonly amount: string; readonly percent: string | null; readonly partial: boolean } | null;
}

/** Builds the `--json` document (key order fixed, as documented). */
export function balanceJson(snapshot: BalanceSnapshot, change: Change24h | null): BalanceJson {
  const summary = summarizeBalance(snapshot);
  return {
    currency: snapshot.currency,
    total: { amount: snapshot.total.amount, unrealisedPnl: snapshot.total.unrealisedPnl, borrowed: snapshot.total.borrowed },
    accounts: summary.accounts.map((a) => ({
      name: a.name,
      amount: a.amount,
      share: a.share,
      unrealisedPnl: a.unrealisedPnl,
      borrowed: a.borrowed,
    })),
    unaccounted: summary.unaccounted,
    fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
    change24h:
      change === null
        ? null
        : { from: new Date(change.from).toISOString(), amount: change.amount, percent: change.percent, partial: change.partial },
  };
}

// JSON.stringify escapes C0 controls but leaves C1 controls, bidi controls and line separators
// raw; escaped too, a name stays verbatim for a parser and harmless on a terminal.
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** `JSON.stringify` on one line, with every invisible control character written as a `\uXXXX` escape. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Options shared by the human formats. */
export interface HumanFormatOptions {
  readonly privacy: boolean;
  /** Every digit Gate sent instead of the currency's usual digits. */
  readonly full: boolean;
  readonly demo: boolean;
  /** The language and number locale to write in; English in the runtime's locale by default. */
  readonly words?: CliWords;
  /** Overrides the words' number locale (tests). */
  readonly locale?: string;
  /** The zone every time is shown in ("since 09:14", when the data was fetched); the system's zone by default. */
  readonly timeZone?: string;
  /** Terminal columns the table and its prose must fit (80 by default). */
  readonly width?: number;
  /** The change against the local history; not shown with privacy on (its sign and size tell too much). */
  readonly change?: Change24h | null;
}

/** How every human format writes an amount of this snapshot: masked, or exact in its currency and locale. */
function amountFormatter(snapshot: BalanceSnapshot, options: HumanFormatOptions, full: boolean): (amount: string) => string {
  const words = options.words ?? CLI_ENGLISH;
  const display = { privacy: options.privacy, precision: full ? 'full' : 'display' } as const;
  return (amount) => displayAmount(words, amount, snapshot.currency, display);
}

/** The change to show, or null (none known, or privacy on). */
function visibleChange(options: HumanFormatOptions): Change24h | null {
  return options.privacy || options.demo ? null : (options.change ?? null);
}

/** `09:14` in the reader's zone: when a partial change starts. */
function clockTime(ms: number, options: HumanFormatOptions): string {
  return wallClockParams(wallClock(ms, options.timeZone))['minutes'] ?? '';
}

/** The change's figures in the reader's (or the tests') number locale. */
function parts(change: Change24h, currency: Currency, options: HumanFormatOptions) {
  const locale = options.locale ?? options.words?.numberLocale;
  return changeParts(options.words ?? CLI_ENGLISH, change, currency, locale !== undefined ? { locale } : {});
}

/** `+1.23%` (or the signed amount when there is no percent), and ` since 09:14` when partial. */
function changeBrief(change: Change24h, currency: Currency, options: HumanFormatOptions): string {
  const words = options.words ?? CLI_ENGLISH;
  const figures = parts(change, currency, options);
  const size = changePercent(words, figures) ?? moneyText(words, figures.amount, currency);
  return words.cli('cli.change.brief', { size, ...span(change, options) });
}

/** What the change is measured over, for labels: `24 h` or `since 09:14`. */
function changeSpan(change: Change24h, options: HumanFormatOptions): string {
  return (options.words ?? CLI_ENGLISH).cli('cli.change.span', span(change, options));
}

/** The span's parameters; the clock time only when partial. */
function span(change: Change24h, options: HumanFormatOptions): { partial: 'yes' | 'no'; time: string } {
  return change.partial ? { partial: 'yes', time: clockTime(change.from, options) } : { partial: 'no', time: '' };
}

/** The status-bar line: `38,522.03 USDT +1.23%` (or `••• USDT` with privacy). */
export function shortLine(snapshot: BalanceSnapshot, options: HumanFormatOptions): string {
  const words = options.words ?? CLI_ENGLISH;
  // A status bar has little room: 万 / 亿 in Chinese (--full still prints every digit).
  const money = displayMoney(words, snapshot.total.amount, snapshot.currency, {
    privacy: options.privacy,
    precision: options.full ? 'full' : 'display',
    short: true,
  });
  const change = visibleChange(options);
  const line = change ? `${money} ${changeBrief(change, snapshot.currency, options)}` : money;
  return options.demo ? words.t('cli.short.demo', { money: line }) : line;
}

/**
 * A moment in the reader's zone, with the zone said once: `2026-12-01 22:05:09 UTC+08:00`. Its spaces
 * are no-break spaces: prose wrapped to the terminal never leaves the zone or the time alone on a line.
 */
export function zonedStamp(words: CliWords, ms: number, timeZone?: string): string {
  const clock = wallClock(ms, timeZone);
  return words.cli('cli.time.zoned', { ...wallClockParams(clock), zone: utcOffsetText(clock.offsetMinutes) }).replace(/ /g, '\u00a0');
}

/** Prose lines fitted to the width. */
function prose(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapLine(line, width));
}

/** The readable table: account, amount, share, then the total and its PnL/borrowed lines. */
export function balanceTable(snapshot: BalanceSnapshot, options: HumanFormatOptions): string {
  const words = options.words ?? CLI_ENGLISH;
  const summary = summarizeBalance(snapshot);
  const plain = amountFormatter(snapshot, options, options.full);
  // A cell is the amount alone (the header names the currency), or `¥…` in zh-CN for CNY.
  const fmt = (amount: string): string => {
    const text = plain(amount);
    const negative = text.startsWith('-');
    return words.cli('cli.table.cell', { sign: negative ? '-' : '', amount: negative ? text.slice(1) : text, currency: snapshot.currency });
  };
  const rows: Array<[string, string, string]> = summary.accounts.map((a) => [
    accountText(words, a),
    fmt(a.amount),
    options.privacy || a.sign > 0 ? displayShare(words, a.share, options.privacy) : words.t('cli.table.no-share'),
  ]);
  // The row that makes the amounts column add up to Gate's total; its note says which way and why.
  const unaccounted = unaccountedView(words, summary.unaccounted, snapshot.currency, {
    privacy: options.privacy,
    precision: options.full ? 'full' : 'display',
  });
  if (unaccounted) rows.push([unaccounted.label, unaccounted.amount, '']);
  const footer: Array<[string, string, string]> = [[words.t('cli.table.total'), fmt(snapshot.total.amount), '']];
  if (snapshot.total.unrealisedPnl !== null) footer.push([words.t('cli.table.unrealised-pnl'), fmt(snapshot.total.unrealisedPnl), '']);
  if (snapshot.total.borrowed !== null) footer.push([words.t('cli.table.borrowed'), fmt(snapshot.total.borrowed), '']);
  const header: [string, string, string] = [
    words.t('cli.table.account'),
    words.t('cli.table.amount', { currency: snapshot.currency }),
    words.t('cli.table.share'),
  ];
  const change = visibleChange(options);
  if (change) {
    const figures = parts(change, snapshot.currency, options);
    footer.push([words.cli('cli.change.row', { span: changeSpan(change, options) }), figures.amount, changePercent(words, figures) ?? '']);
  }
  const width = options.width ?? DEFAULT_WIDTH;
  // Too narrow: the share goes first, then account names are cut; amounts stay whole.
  const table = fitTable([{ cut: true }, { right: true }, { right: true, drop: 1 }], [header, ...rows, ...footer], width);
  const out: string[] = [];
  out.push(
    ...prose(
      words.t('cli.table.heading', {
        demo: options.demo ? 'yes' : 'no',
        currency: snapshot.currency,
        at: zonedStamp(words, snapshot.fetchedAt, options.timeZone),
      }),
      width,
    ),
  );
  out.push('');
  out.push(table.line(header));
  for (const r of rows) out.push(table.line(r));
  out.push('─'.repeat(table.width));
  for (const r of footer) out.push(table.line(r));
  if (summary.accounts.length === 0) out.push('', ...prose(words.t('cli.table.no-accounts'), width));
  if (summary.negative.length > 0) out.push('', ...prose(words.t('cli.table.negative-note'), width));
  if (unaccounted) out.push('', ...prose(unaccounted.note, width));
  return `${out.join('\n')}\n`;
}

/**
 * Waybar's `return-type: json` module format: the short line as `text`, the breakdown as a
 * `tooltip`, and a `class` to style on ("live", or "error" with the code in the tooltip).
 */
export function waybarJson(snapshot: BalanceSnapshot, options: HumanFormatOptions): string {
  const words = options.words ?? CLI_ENGLISH;
  const summary = summarizeBalance(snapshot);
  // The tooltip always rounds to the currency's digits: it is a glance, not a ledger.
  const fmt = amountFormatter(snapshot, options, false);
  const lines = summary.accounts.map((a) =>
    a.sign > 0 && !options.privacy
      ? words.t('cli.waybar.account-share', {
          account: accountText(words, a),
          amount: fmt(a.amount),
          share: displayShare(words, a.share, false),
        })
      : words.t('cli.waybar.account', { account: accountText(words, a), amount: fmt(a.amount) }),
  );
  const change = visibleChange(options);
  const figures = change ? parts(change, snapshot.currency, options) : null;
  const changeLine =
    change && figures
      ? [
          words.cli('cli.change.tooltip', {
            span: changeSpan(change, options),
            money: moneyText(words, figures.amount, snapshot.currency),
            percent: changePercent(words, figures) ?? 'none',
          }),
        ]
      : [];
  const unaccounted = unaccountedView(words, summary.unaccounted, snapshot.currency, { privacy: options.privacy });
  if (unaccounted) lines.push(words.t('cli.waybar.account', { account: unaccounted.label, amount: unaccounted.amount }));
  const total = words.t('cli.waybar.total', {
    demo: options.demo ? 'yes' : 'no',
    money: moneyText(words, fmt(snapshot.total.amount), snapshot.currency),
  });
  const tooltip = [
    total,
    ...changeLine,
    ...lines,
    words.t('cli.waybar.as-of', { at: zonedStamp(words, snapshot.fetchedAt, options.timeZone) }),
  ].join('\n');
  // Waybar takes a list of classes; one class stays a plain string, as before.
  const classes = [options.demo ? 'demo' : 'live', ...(change && change.direction !== 0 ? [change.direction > 0 ? 'up' : 'down'] : [])];
  return JSON.stringify({
    text: pangoText(shortLine(snapshot, options)),
    tooltip: pangoText(tooltip),
    class: classes.length === 1 ? classes[0] : classes,
  });
}

/** Waybar's form of a failure: the code as text, message and hint in the tooltip. */
export function waybarErrorJson(error: AppError, words: CliWords = CLI_ENGLISH): string {
  const { message, hint } = errorWords(words, error);
  return JSON.stringify({
    text: pangoText(words.t('cli.unavailable', { code: error.code })),
    tooltip: pangoText(`${message}\n${hint}`),
    class: 'error',
  });
}

const PANGO_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/**
 * Waybar draws `text` and `tooltip` as Pango markup (its `escape` option defaults to false, and
 * GTK drops a whole tooltip that does not parse): `(< 0.01 %)` or an account named `a<b>&c`
 * must read as themselves. The five characters GLib's `g_markup_escape_text` escapes.
 */
export function pangoText(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => PANGO_ENTITIES[c] ?? c);
}

/** `history --json`: every point, oldest first, totals verbatim. */
export function historyJson(
  points: readonly HistoryPoint[],
): Array<{ readonly at: string; readonly currency: string; readonly total: string }> {
  return points.map((p) => ({ at: new Date(p.at).toISOString(), currency: p.currency, total: p.total }));
}

/** `history`'s table: one row per point, oldest first, amounts at the currency's display digits, times in the reader's zone. */
export function historyTable(
  points: readonly HistoryPoint[],
  context: {
    readonly currency: Currency;
    readonly range: HistoryRange;
    readonly locale?: string;
    readonly words?: CliWords;
    readonly timeZone?: string;
    /** Terminal columns (80 by default). */
    readonly width?: number;
  },
): string {
  const words = context.words ?? CLI_ENGLISH;
  const width = context.width ?? DEFAULT_WIDTH;
  const span = words.cli('cli.history.span', { range: context.range });
  if (points.length === 0) {
    return `${prose(words.cli('cli.history.empty', { currency: context.currency, span, range: context.range }), width).join('\n')}\n`;
  }
  const locale = context.locale ?? words.numberLocale;
  const fmt = (amount: string): string => formatAmount(amount, { currency: context.currency, ...(locale ? { locale } : {}) });
  // The zone is said once, in the header (the newest point's offset); a point from the other side of a
  // daylight-saving change says its own.
  const clocks = points.map((p) => wallClock(p.at, context.timeZone));
  const offset = clocks[clocks.length - 1]?.offsetMinutes ?? 0;
  const rows = points.map((p, i) => {
    const clock = clocks[i]!;
    const stamp = words.cli('cli.time.stamp', wallClockParams(clock));
    return [clock.offsetMinutes === offset ? stamp : `${stamp} ${utcOffsetText(clock.offsetMinutes)}`, fmt(p.total)] as const;
  });
  const header = [
    words.cli('cli.history.time', { zone: utcOffsetText(offset) }),
    words.cli('cli.history.total', { currency: context.currency }),
  ] as const;
  const table = fitTable([{}, { right: true }], [header, ...rows], width);
  const out = [...prose(words.cli('cli.history.heading', { currency: context.currency, span, count: points.length }), width), ''];
  for (const r of [header, ...rows]) out.push(table.line(r));
  return `${out.join('\n')}\n`;
}
