/**
 * Local net-worth history for the change since yesterday, the chart, alerts and CSV export:
 * one JSON line per successful fetch (`{"at":…,"currency":"USDT","total":"…"}`), one file per
 * Gate endpoint (production Gate and a testnet each have their own; a replaced key keeps it).
 * It holds timestamps, currencies and totals only — never a key, a secret or an account detail.
 *
 * The app and the CLI write the same file. Every write holds the writer lock (history-lock.ts):
 * appends are single `O_APPEND` writes of whole lines, and compaction — thinning to the last point
 * of each minute for 48 h, the last of each local hour to 90 days, the last of each local day after
 * (shared/history.ts) — rewrites the file through a temp file and a rename, so a reader sees the
 * old file or the new one, and no append can land in a file that is being replaced. A crash can
 * at worst tear the last line, which reading skips.
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Currency, HistoryPoint } from '../../../shared/balance.js';
import { CURRENCIES, isCurrency } from '../../../shared/balance.js';
import { isDecimalString } from '../../../shared/decimal.js';
import type { Change24h } from '../../../shared/change.js';
import { change24h } from '../../../shared/change.js';
import type { LocalOffset } from '../../../shared/history.js';
import { sortPoints, thinHistory } from '../../../shared/history.js';
import { endpointHistoryFileName, HISTORY_FILE_NAME } from '../data-dir.js';
import { DEFAULT_BASE_URL } from '../gate/client.js';
import type { FileSystem } from '../files/private-files.js';
import { createNodeFileSystem, writeFileAtomic } from '../files/private-files.js';
import type { HistoryLock } from './history-lock.js';
import { createFileLock, IN_PROCESS_LOCK } from './history-lock.js';

/**
 * A read takes at most the file's last 8 MiB (~110,000 points, twenty times what it keeps): an
 * oversized file, grown by a foreign writer or planted, is read from its tail, newest points
 * first kept, and the next compaction rewrites it to size.
 */
export const HISTORY_MAX_READ_BYTES = 8 * 1024 * 1024;
/** CSV header, fixed so spreadsheets and scripts can rely on it. */
export const HISTORY_CSV_HEADER = 'timestamp,currency,total';
/**
 * Lines the file may grow past its thinned size before it is compacted again: a day of
 * one-minute points, so compaction runs about once a day and appends stay cheap.
 */
const DEFAULT_HISTORY_SLACK = 1440;

/** One endpoint's identity: scheme, host, port and path, without a trailing slash. */
function endpointKey(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/** The hex digest that names an endpoint's files; null for production Gate (whose files keep their plain names). */
export function endpointDigest(baseUrl: string = DEFAULT_BASE_URL): string | null {
  const key = endpointKey(baseUrl);
  if (key === endpointKey(DEFAULT_BASE_URL)) return null;
  return createHash('sha256').update(key).digest('hex');
}

/** The history file of an endpoint: `history.jsonl` for Gate itself, `history-<hash>.jsonl` for any other. */
export function historyFileName(baseUrl: string = DEFAULT_BASE_URL): string {
  const digest = endpointDigest(baseUrl);
  return digest === null ? HISTORY_FILE_NAME : endpointHistoryFileName(digest);
}

/**
 * How a series' points are stored, one line each: `format` writes a line (with its newline) that
 * `parse` reads back, and every line starts `{"at":…,"currency":"…",` (a reader's cheap filter
 * by currency relies on it); `parse` answers null for a torn, foreign or invalid line.
 */
export interface HistoryLines<P extends HistoryPoint> {
  parse(line: string): P | null;
  format(point: P): string;
}

/** How a HistoryStore is built. */
export interface HistoryStoreOptions {
  /** The app's data dir, shared with the CLI. */
  readonly dir: string;
  /** The Gate API base URL the points come from (default production Gate). */
  readonly baseUrl?: string;
  /** Defaults to real files. */
  readonly fs?: FileSystem;
  /** Defaults to a lock file beside the history with real files, to none with an injected `fs`. */
  readonly lock?: HistoryLock;
  /** Epoch ms, for thinning; defaults to Date.now. */
  readonly now?: () => number;
  /** The local time zone's offset (local days and hours); defaults to the process's zone. */
  readonly localOffset?: LocalOffset;
  /** See DEFAULT_HISTORY_SLACK. */
  readonly slack?: number;
}

// The currencies as a regular expression's alternatives (their codes are plain letters).
const ANY_CURRENCY = CURRENCIES.join('|');

/** The exact form `formatHistoryLine` writes: read without JSON.parse (a CLI run reads a year of lines). */
const STORED_LINE = new RegExp(`^\\{"at":(\\d{1,15}),"currency":"(${ANY_CURRENCY})","total":"(-?\\d{1,100}(?:\\.\\d{1,98})?)"\\}$`);

/** Parses one stored line; null for a torn, foreign or invalid line (which is then skipped). */
export function parseHistoryLine(line: string): HistoryPoint | null {
  const stored = STORED_LINE.exec(line);
  if (stored) return { at: Number(stored[1]), currency: stored[2] as Currency, total: stored[3]! };
  const fields = parseJsonLine(line);
  return fields === null ? null : pointOf(fields);
}

/** A line that is not in a stored form, as JSON: its fields, or null when it is not an object (or not JSON). */
export function parseJsonLine(line: string): Record<string, unknown> | null {
  if (line.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}

/** A point's three fields, each checked (a finite non-negative time, a known currency, a decimal string); null when one fails. */
export function pointOf(fields: Record<string, unknown>): HistoryPoint | null {
  const { at, currency, total } = fields;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
  if (!isCurrency(currency)) return null;
  if (typeof total !== 'string' || !isDecimalString(total)) return null;
  return { at, currency, total };
}

/** The stored form of a point: exactly these three fields, whatever else the caller's object has. */
export function formatHistoryLine(point: HistoryPoint): string {
  return `${JSON.stringify({ at: point.at, currency: point.currency, total: point.total })}\n`;
}

/** Points as CSV: ISO-8601 UTC timestamps, totals exactly as Gate sent them (no float rounding). */
export function historyToCsv(points: readonly HistoryPoint[]): string {
  const rows = points.map((p) => `${new Date(p.at).toISOString()},${p.currency},${p.total}`);
  return `${[HISTORY_CSV_HEADER, ...rows].join('\n')}\n`;
}

/**
 * The first line of a compacted file: when, and how many points it kept. Readers skip it (it is
 * not a point), and a writer knows from it alone whether the file is due for compaction.
 */
function formatHeader(at: number, kept: number): string {
  return `${JSON.stringify({ compacted: at, kept })}\n`;
}

function parseHeader(text: string): number | null {
  const end = text.indexOf('\n');
  const match = /^\{"compacted":\d+,"kept":(\d{1,9})\}$/.exec(end < 0 ? text : text.slice(0, end));
  return match ? Number(match[1]) : null;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return text === '' || text.endsWith('\n') ? count : count + 1;
}

/** Every valid point of a history file's text, in file order. */
function parseHistoryText<P extends HistoryPoint>(text: string, currency: Currency | undefined, parse: (line: string) => P | null): P[] {
  const points: P[] = [];
  // A cheap text test first: a CLI run reads a year of history and wants one currency of it.
  const marker = currency === undefined ? null : `"currency":"${currency}"`;
  for (const line of text.split('\n')) {
    if (marker !== null && !line.includes(marker)) continue;
    const point = parse(line);
    if (point) points.push(point);
  }
  return points;
}

const CHANGE_WINDOW_MS = 24 * 60 * 60_000;

// Lines are split at '\n' only, as parseHistoryText splits them: `(?:^|\n)` is "at a line's
// start" where the `m` flag would also start lines at '\r' and U+2028 (a lookbehind measured
// twice as slow).
/** A line that is neither a stored point (of any currency), a compaction header, nor blank. */
const FOREIGN_LINE = new RegExp(
  `(?:^|\\n)(?!\\{"at":\\d{1,15},"currency":"(?:${ANY_CURRENCY})","total":"|\\{"compacted":|[^\\S\\n]*(?:\\n|$))`,
);
/** Each currency's stored lines, from their start: the `at` captured. */
const STORED_LINES = Object.fromEntries(
  CURRENCIES.map((c) => [c, new RegExp(`(?:^|\\n)\\{"at":(\\d{1,15}),"currency":"${c}","total":"`, 'g')]),
) as Record<Currency, RegExp>;

/**
 * `change24h` of `current` against the points in a history file's text, without parsing every
 * line (a CLI run on a year of history): two regular expressions, which V8 runs as native code
 * from the start, read each stored line's `at` and currency in place and keep the two lines the
 * change can come from (the newest at or before 24 h ago, the oldest), which alone are then
 * parsed and checked. A line not in the stored form (a foreign writer's JSON) or a chosen line
 * that does not check out sends it to the full parse instead, so the answer is always the one
 * `change24h` gives on every valid point.
 */
export function changeInHistoryText(
  text: string,
  current: { readonly currency: Currency; readonly at: number; readonly total: string },
): Change24h | null {
  const full = (): Change24h | null => change24h(parseHistoryText(text, current.currency, parseHistoryLine), current);
  if (FOREIGN_LINE.test(text)) return full();
  const cutoff = current.at - CHANGE_WINDOW_MS;
  const lines = STORED_LINES[current.currency];
  lines.lastIndex = 0;
  let newest = -1;
  let newestAt = Number.NEGATIVE_INFINITY;
  let oldest = -1;
  let oldestAt = Number.POSITIVE_INFINITY;
  for (let m = lines.exec(text); m !== null; m = lines.exec(text)) {
    const at = Number(m[1]);
    if (at >= current.at) continue;
    const start = text.charCodeAt(m.index) === 10 ? m.index + 1 : m.index;
    // Ties as change24h over the stably sorted points: the last at or before the cutoff, the first oldest.
    if (at <= cutoff && at >= newestAt) {
      newest = start;
      newestAt = at;
    }
    if (at < oldestAt) {
      oldest = start;
      oldestAt = at;
    }
  }
  const chosen: HistoryPoint[] = [];
  // In file order, as change24h's ties are decided: when the oldest and the newest-before-the-
  // cutoff share a time on two lines, the later line is the one change24h takes.
  for (const at of [...new Set([newest, oldest])].sort((a, b) => a - b)) {
    if (at < 0) continue;
    const end = text.indexOf('\n', at);
    const point = parseHistoryLine(text.slice(at, end < 0 ? text.length : end));
    if (point === null) return full();
    chosen.push(point);
  }
  return change24h(chosen, current);
}

const systemOffset: LocalOffset = (at) => -new Date(at).getTimezoneOffset() * 60_000;

/** The account's lines: at, currency and total, nothing else. */
const ACCOUNT_LINES: HistoryLines<HistoryPoint> = { parse: parseHistoryLine, format: formatHistoryLine };

/** How a SeriesStore is built: a HistoryStore's options, the file's name and how its lines read. */
export interface SeriesStoreOptions<P extends HistoryPoint> extends HistoryStoreOptions {
  /** The file's name in `dir`. */
  readonly fileName: string;
  readonly lines: HistoryLines<P>;
}

/**
 * One append-only, thinned series file: the machinery every history file shares (the writer lock,
 * whole-line appends, compaction through a temp file, reads from the tail of an oversized file).
 * Operations of one instance run in call order.
 */
export class SeriesStore<P extends HistoryPoint> {
  /** The series file's full path. */
  readonly path: string;
  readonly #lines: HistoryLines<P>;
  readonly #fs: FileSystem;
  readonly #lock: HistoryLock;
  readonly #now: () => number;
  readonly #localOffset: LocalOffset;
  readonly #slack: number;
  /** Lines in the file as this instance knows them (other writers add more), after the first write. */
  #lineCount: number | null = null;
  /** Compact once `#lineCount` passes this: the size at the last compaction plus the slack. */
  #compactAt = 0;
  /** True when the file's last line lacks its newline (a torn append): the next append starts one. */
  #needsNewline = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SeriesStoreOptions<P>) {
    this.path = join(options.dir, options.fileName);
    this.#lines = options.lines;
    this.#fs = options.fs ?? createNodeFileSystem();
    this.#lock = options.lock ?? (options.fs ? IN_PROCESS_LOCK : createFileLock({ path: `${this.path}.lock` }));
    this.#now = options.now ?? (() => Date.now());
    this.#localOffset = options.localOffset ?? systemOffset;
    this.#slack = Math.max(0, Math.floor(options.slack ?? DEFAULT_HISTORY_SLACK));
  }

  /**
   * Appends one point, and compacts when the file has grown `slack` lines past its thinned
   * size. Rejects on I/O failure or when another process holds the lock for too long (the
   * caller decides whether that matters).
   */
  append(point: P): Promise<void> {
    if (!this.#storable(point)) return Promise.reject(new Error('Refusing to store an invalid history point.'));
    return this.#locked(async () => {
      if (this.#lineCount === null) this.#adopt(await this.#readText());
      await this.#appendLine(point);
    });
  }

  #storable(point: P): boolean {
    return this.#lines.parse(this.#lines.format(point).trimEnd()) !== null;
  }

  /** Holding the lock: one line, and a compaction when the file has grown `slack` past its last one. */
  async #appendLine(point: P): Promise<void> {
    const line = (this.#needsNewline ? '\n' : '') + this.#lines.format(point);
    await this.#fs.appendText(this.path, line);
    this.#needsNewline = false;
    this.#lineCount = (this.#lineCount ?? 0) + 1;
    if (this.#lineCount > this.#compactAt) await this.#compact();
  }

  /**
   * Appends `point` and answers its currency's points as they were just before it, oldest
   * first — one read of the file for both (what the app's change tracker needs).
   */
  record(point: P): Promise<P[]> {
    return this.appendAfter(point, (text) => sortPoints(parseHistoryText(text, point.currency, this.#lines.parse)));
  }

  /** Holding the lock: `answer` reads the file's text as it was before `point`, then `point` is appended. */
  protected appendAfter<T>(point: P, answer: (text: string) => T): Promise<T> {
    if (!this.#storable(point)) return Promise.reject(new Error('Refusing to store an invalid history point.'));
    return this.#locked(async () => {
      const text = await this.#readText();
      this.#adopt(text);
      const answered = answer(text);
      await this.#appendLine(point);
      return answered;
    });
  }

  /** In call order with the writes: `answer` of the file's text as it is now. */
  protected readingText<T>(answer: (text: string) => T): Promise<T> {
    return this.#enqueue(async () => answer(await this.#readText()));
  }

  /** Points oldest first, optionally of one currency; invalid or torn lines are skipped. */
  read(currency?: Currency): Promise<P[]> {
    return this.readingText((text) => sortPoints(parseHistoryText(text, currency, this.#lines.parse)));
  }

  /** Forgets every point of this series (the user removed their key and asked to). */
  clear(): Promise<void> {
    return this.#locked(async () => {
      await this.#fs.remove(this.path);
      this.#lineCount = 0;
      this.#compactAt = this.#slack;
      this.#needsNewline = false;
    });
  }

  /** Thins the file now (normally appends do it when due). */
  compact(): Promise<void> {
    return this.#locked(() => this.#compact());
  }

  /** In call order, holding the writer lock (which lives in the data dir, so that comes first). */
  #locked<T>(task: () => Promise<T>): Promise<T> {
    return this.#enqueue(async () => {
      await this.#fs.ensureDir(dirname(this.path));
      return this.#lock.withLock(task);
    });
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #readText(): Promise<string> {
    return (await this.#fs.readText(this.path, { maxBytes: HISTORY_MAX_READ_BYTES, overflow: 'tail' })) ?? '';
  }

  /**
   * Holding the lock, from the file's text: how long it is and whether a crash tore its tail —
   * without parsing it (a file no compaction has written yet, from an earlier version, is due at once).
   */
  #adopt(text: string): void {
    this.#lineCount = countLines(text);
    const kept = parseHeader(text);
    this.#compactAt = (kept === null ? 0 : kept + 1) + this.#slack;
    this.#needsNewline = text !== '' && !text.endsWith('\n');
  }

  /** Holding the lock: rewrites the file atomically with its thinned points, oldest first. */
  async #compact(): Promise<void> {
    const now = this.#now();
    const kept = thinHistory(parseHistoryText(await this.#readText(), undefined, this.#lines.parse), now, this.#localOffset);
    await writeFileAtomic(this.#fs, this.path, formatHeader(now, kept.length) + kept.map((p) => this.#lines.format(p)).join(''));
    this.#lineCount = kept.length + 1;
    this.#compactAt = kept.length + 1 + this.#slack;
    this.#needsNewline = false;
  }
}

/** One endpoint's append-only, thinned history of the account's total (`history.jsonl`). */
export class HistoryStore extends SeriesStore<HistoryPoint> {
  constructor(options: HistoryStoreOptions) {
    super({ ...options, fileName: historyFileName(options.baseUrl), lines: ACCOUNT_LINES });
  }

  /**
   * Appends `point` and answers its 24-hour change against the points before it (`change24h`),
   * in one read of the file and without parsing every line: what a CLI run needs.
   */
  recordChange(point: HistoryPoint): Promise<Change24h | null> {
    return this.appendAfter(point, (text) => changeInHistoryText(text, point));
  }

  /** The 24-hour change of `current` against the stored points, recording nothing (the history could not be written). */
  readChange(current: HistoryPoint): Promise<Change24h | null> {
    return this.readingText((text) => changeInHistoryText(text, current));
  }

  /** The history as CSV (`timestamp,currency,total`), optionally of one currency. */
  async toCsv(currency?: Currency): Promise<string> {
    return historyToCsv(await this.read(currency));
  }
}
