/**
 * What `balance` prints: the exact JSON shape scripts rely on, a readable table, and a
 * one-line form for status bars (waybar, polybar, conky, tmux). Amounts are Gate's strings,
 * formatted through shared/decimal (Intl given the string, never a float).
 */
import type { BalanceSnapshot, Currency, HistoryPoint } from '../../shared/balance.js';
import { summarizeBalance } from '../../shared/accounts.js';
import type { Change24h } from '../../shared/change.js';
import { formatAmount } from '../../shared/decimal.js';
import type { HistoryRange } from '../../shared/history.js';

/** What replaces every amount and share when privacy is on. */
export const PRIVACY_MASK = '•••••';

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
    accounts: summary.accounts.map((a) => ({ name: a.name, amount: a.amount, share: a.share, unrealisedPnl: a.unrealisedPnl, borrowed: a.borrowed })),
    unaccounted: summary.unaccounted,
    fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
    change24h: change === null ? null : { from: new Date(change.from).toISOString(), amount: change.amount, percent: change.percent, partial: change.partial },
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
  readonly locale?: string;
  /** For "since 09:14"; the system's zone by default. */
  readonly timeZone?: string;
  /** The change against the local history; not shown with privacy on (its sign and size tell too much). */
  readonly change?: Change24h | null;
}

/** How every human format writes an amount of this snapshot: masked, or exact in its currency and locale. */
function amountFormatter(snapshot: BalanceSnapshot, options: HumanFormatOptions, full: boolean): (amount: string) => string {
  const format = { currency: snapshot.currency, precision: full ? 'full' : 'display', ...(options.locale ? { locale: options.locale } : {}) } as const;
  return (amount) => (options.privacy ? PRIVACY_MASK : formatAmount(amount, format));
}

/** The change to show, or null (none known, or privacy on). */
function visibleChange(options: HumanFormatOptions): Change24h | null {
  return options.privacy || options.demo ? null : (options.change ?? null);
}

/** `09:14` in the reader's zone: when a partial change starts. */
function clockTime(ms: number, options: HumanFormatOptions): string {
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(ms);
}

/** The change's amount, signed (`+468.12`, `-3.10`, `0.00`), at the currency's display digits. */
function signedAmount(change: Change24h, currency: Currency, options: HumanFormatOptions): string {
  const text = formatAmount(change.amount, { currency, ...(options.locale ? { locale: options.locale } : {}) });
  return change.direction > 0 ? `+${text}` : text;
}

/** `+1.23%` (or the signed amount when there is no percent), and ` since 09:14` when partial. */
function changeBrief(change: Change24h, currency: Currency, options: HumanFormatOptions): string {
  const size = change.percent !== null ? `${change.percent}%` : `${signedAmount(change, currency, options)} ${currency}`;
  return change.partial ? `${size} since ${clockTime(change.from, options)}` : size;
}

/** What the change is measured over, for labels: `24 h` or `since 09:14`. */
function changeSpan(change: Change24h, options: HumanFormatOptions): string {
  return change.partial ? `since ${clockTime(change.from, options)}` : '24 h';
}

/** The status-bar line: `38,522.03 USDT +1.23%` (or `••••• USDT` with privacy). */
export function shortLine(snapshot: BalanceSnapshot, options: HumanFormatOptions): string {
  const amount = amountFormatter(snapshot, options, options.full)(snapshot.total.amount);
  const change = visibleChange(options);
  return `${options.demo ? 'demo ' : ''}${amount} ${snapshot.currency}${change ? ` ${changeBrief(change, snapshot.currency, options)}` : ''}`;
}

function pad(text: string, width: number, right: boolean): string {
  const len = [...text].length;
  const fill = ' '.repeat(Math.max(0, width - len));
  return right ? fill + text : text + fill;
}

function utcStamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The readable table: account, amount, share, then the total and its PnL/borrowed lines. */
export function balanceTable(snapshot: BalanceSnapshot, options: HumanFormatOptions): string {
  const summary = summarizeBalance(snapshot);
  const fmt = amountFormatter(snapshot, options, options.full);
  const rows: Array<[string, string, string]> = summary.accounts.map((a) => [
    a.label,
    fmt(a.amount),
    options.privacy ? PRIVACY_MASK : a.sign > 0 ? `${a.share}%` : '—',
  ]);
  const footer: Array<[string, string, string]> = [['Total', fmt(snapshot.total.amount), '']];
  if (snapshot.total.unrealisedPnl !== null) footer.push(['Unrealised PnL', fmt(snapshot.total.unrealisedPnl), '']);
  if (snapshot.total.borrowed !== null) footer.push(['Borrowed', fmt(snapshot.total.borrowed), '']);
  const change = visibleChange(options);
  if (change) footer.push([`Change (${changeSpan(change, options)})`, signedAmount(change, snapshot.currency, options), change.percent !== null ? `${change.percent}%` : '']);
  const header: [string, string, string] = ['Account', `Amount (${snapshot.currency})`, 'Share'];
  const all = [header, ...rows, ...footer];
  const w0 = Math.max(...all.map((r) => [...r[0]].length));
  const w1 = Math.max(...all.map((r) => [...r[1]].length));
  const w2 = Math.max(...all.map((r) => [...r[2]].length));
  const line = (r: [string, string, string]): string => `${pad(r[0], w0, false)}  ${pad(r[1], w1, true)}  ${pad(r[2], w2, true)}`.trimEnd();
  const out: string[] = [];
  out.push(`Gate.io total balance${options.demo ? ' (DEMO portfolio, not your account)' : ''} — estimated in ${snapshot.currency} at Gate's rates, ${utcStamp(snapshot.fetchedAt)}`);
  out.push('');
  out.push(line(header));
  for (const r of rows) out.push(line(r));
  out.push('─'.repeat(w0 + w1 + w2 + 4));
  for (const r of footer) out.push(line(r));
  if (rows.length === 0) out.push('', 'Gate listed no accounts.');
  if (summary.negative.length > 0) out.push('', 'Accounts below zero are listed but not counted in the shares.');
  return `${out.join('\n')}\n`;
}

/**
 * Waybar's `return-type: json` module format: the short line as `text`, the breakdown as a
 * `tooltip`, and a `class` to style on ("live", or "error" with the code in the tooltip).
 */
export function waybarJson(snapshot: BalanceSnapshot, options: HumanFormatOptions): string {
  const summary = summarizeBalance(snapshot);
  // The tooltip always rounds to the currency's digits: it is a glance, not a ledger.
  const fmt = amountFormatter(snapshot, options, false);
  const lines = summary.accounts.map((a) => `${a.label}: ${fmt(a.amount)}${a.sign > 0 && !options.privacy ? ` (${a.share}%)` : ''}`);
  const change = visibleChange(options);
  const changeLine = change
    ? [`Change (${changeSpan(change, options)}): ${signedAmount(change, snapshot.currency, options)} ${snapshot.currency}${change.percent !== null ? ` (${change.percent}%)` : ''}`]
    : [];
  const tooltip = [`Gate.io total (estimated)${options.demo ? ', DEMO' : ''}: ${fmt(snapshot.total.amount)} ${snapshot.currency}`, ...changeLine, ...lines, `as of ${utcStamp(snapshot.fetchedAt)}`].join('\n');
  // Waybar takes a list of classes; one class stays a plain string, as before.
  const classes = [options.demo ? 'demo' : 'live', ...(change && change.direction !== 0 ? [change.direction > 0 ? 'up' : 'down'] : [])];
  return JSON.stringify({ text: shortLine(snapshot, options), tooltip, class: classes.length === 1 ? classes[0] : classes });
}

/** Waybar's form of a failure: the code as text, message and hint in the tooltip. */
export function waybarErrorJson(error: { readonly code: string; readonly message: string; readonly hint: string }): string {
  return JSON.stringify({ text: `n/a (${error.code})`, tooltip: `${error.message}\n${error.hint}`, class: 'error' });
}

/** `history --json`: every point, oldest first, totals verbatim. */
export function historyJson(points: readonly HistoryPoint[]): Array<{ readonly at: string; readonly currency: string; readonly total: string }> {
  return points.map((p) => ({ at: new Date(p.at).toISOString(), currency: p.currency, total: p.total }));
}

/** `history`'s table: one row per point, oldest first, amounts at the currency's display digits. */
export function historyTable(points: readonly HistoryPoint[], context: { readonly currency: Currency; readonly range: HistoryRange; readonly locale?: string }): string {
  const span = context.range === 'all' ? 'all of it' : `the last ${context.range}`;
  if (points.length === 0) return `No ${context.currency} history for ${span} yet. The app and \`gate-glance balance\` record one point per successful refresh.\n`;
  const fmt = (amount: string): string => formatAmount(amount, { currency: context.currency, ...(context.locale ? { locale: context.locale } : {}) });
  const rows = points.map((p) => [utcStamp(p.at), fmt(p.total)] as const);
  const header = ['Time', `Total (${context.currency})`] as const;
  const w0 = Math.max(...[header, ...rows].map((r) => [...r[0]].length));
  const w1 = Math.max(...[header, ...rows].map((r) => [...r[1]].length));
  const out = [`Gate.io net worth history (estimated), ${context.currency}, ${span}: ${points.length} point${points.length === 1 ? '' : 's'}, oldest first`, ''];
  for (const r of [header, ...rows]) out.push(`${pad(r[0], w0, false)}  ${pad(r[1], w1, true)}`);
  return `${out.join('\n')}\n`;
}
