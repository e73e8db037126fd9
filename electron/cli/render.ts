/**
 * What `balance` prints: the exact JSON shape scripts rely on, a readable table, and a
 * one-line form for status bars (waybar, polybar, conky, tmux). Amounts are Gate's strings,
 * formatted through shared/decimal (Intl given the string, never a float).
 */
import type { BalanceSnapshot } from '../../shared/balance.js';
import { summarizeBalance } from '../../shared/accounts.js';
import { formatAmount } from '../../shared/decimal.js';

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
}

/** Builds the `--json` document (key order fixed, as documented). */
export function balanceJson(snapshot: BalanceSnapshot): BalanceJson {
  const summary = summarizeBalance(snapshot);
  return {
    currency: snapshot.currency,
    total: { amount: snapshot.total.amount, unrealisedPnl: snapshot.total.unrealisedPnl, borrowed: snapshot.total.borrowed },
    accounts: summary.accounts.map((a) => ({ name: a.name, amount: a.amount, share: a.share, unrealisedPnl: a.unrealisedPnl, borrowed: a.borrowed })),
    unaccounted: summary.unaccounted,
    fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
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
}

/** How every human format writes an amount of this snapshot: masked, or exact in its currency and locale. */
function amountFormatter(snapshot: BalanceSnapshot, options: HumanFormatOptions, full: boolean): (amount: string) => string {
  const format = { currency: snapshot.currency, precision: full ? 'full' : 'display', ...(options.locale ? { locale: options.locale } : {}) } as const;
  return (amount) => (options.privacy ? PRIVACY_MASK : formatAmount(amount, format));
}

/** The status-bar line: `38,522.03 USDT` (or `••••• USDT` with privacy). */
export function shortLine(snapshot: BalanceSnapshot, options: HumanFormatOptions): string {
  const amount = amountFormatter(snapshot, options, options.full)(snapshot.total.amount);
  return `${options.demo ? 'demo ' : ''}${amount} ${snapshot.currency}`;
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
  const tooltip = [`Gate.io total (estimated)${options.demo ? ', DEMO' : ''}: ${fmt(snapshot.total.amount)} ${snapshot.currency}`, ...lines, `as of ${utcStamp(snapshot.fetchedAt)}`].join('\n');
  return JSON.stringify({ text: shortLine(snapshot, options), tooltip, class: options.demo ? 'demo' : 'live' });
}

/** Waybar's form of a failure: the code as text, message and hint in the tooltip. */
export function waybarErrorJson(error: { readonly code: string; readonly message: string; readonly hint: string }): string {
  return JSON.stringify({ text: `n/a (${error.code})`, tooltip: `${error.message}\n${error.hint}`, class: 'error' });
}
