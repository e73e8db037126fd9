/**
 * Local net-worth history for the sparkline and CSV export: one JSON line per successful
 * fetch (`{"at":…,"currency":"USDT","total":"…"}`), append-only so a crash can at worst tear
 * the last line (which reading skips), and capped so it never grows without bound. It holds
 * timestamps, currencies and totals only — never a key, a secret or anything about the account.
 */
import { dirname, join } from 'node:path';
import type { Currency, HistoryPoint } from '../../../shared/balance.js';
import { isCurrency } from '../../../shared/balance.js';
import { isDecimalString } from '../../../shared/decimal.js';
import type { FileSystem } from '../prefs/file-system.js';
import { createNodeFileSystem, writeFileAtomic } from '../prefs/file-system.js';

/** The file's name inside the data dir. */
const HISTORY_FILE_NAME = 'history.jsonl';
/** About two weeks of one-minute points for one currency, ~1 MB on disk. */
const DEFAULT_HISTORY_MAX_POINTS = 20_000;
/**
 * A read takes at most the file's last 8 MiB (~110,000 points, several times what it keeps):
 * an oversized file, grown by a foreign writer or planted, is read from its tail, newest points
 * first kept, and the next compaction rewrites it to size.
 */
export const HISTORY_MAX_READ_BYTES = 8 * 1024 * 1024;
/** CSV header, fixed so spreadsheets and scripts can rely on it. */
export const HISTORY_CSV_HEADER = 'timestamp,currency,total';

/** How a HistoryStore is built. */
export interface HistoryStoreOptions {
  /** The app's data dir. */
  readonly dir: string;
  /** Defaults to real files. */
  readonly fs?: FileSystem;
  /** Keep at most this many newest points (default 20 000). */
  readonly maxPoints?: number;
  /**
   * The file may grow this far past `maxPoints` before it is compacted back to `maxPoints`
   * (default a quarter of `maxPoints`), so compaction is rare and appends stay cheap.
   */
  readonly slack?: number;
}

/** Parses one stored line; null for a torn, foreign or invalid line (which is then skipped). */
export function parseHistoryLine(line: string): HistoryPoint | null {
  if (line.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { at, currency, total } = json as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
  if (!isCurrency(currency)) return null;
  if (typeof total !== 'string' || !isDecimalString(total)) return null;
  return { at, currency, total };
}

/** The stored form of a point: exactly these three fields, whatever else the caller's object has. */
function formatHistoryLine(point: HistoryPoint): string {
  return `${JSON.stringify({ at: point.at, currency: point.currency, total: point.total })}\n`;
}

/** Points as CSV: ISO-8601 UTC timestamps, totals exactly as Gate sent them (no float rounding). */
export function historyToCsv(points: readonly HistoryPoint[]): string {
  const rows = points.map((p) => `${new Date(p.at).toISOString()},${p.currency},${p.total}`);
  return `${[HISTORY_CSV_HEADER, ...rows].join('\n')}\n`;
}

/** The append-only, capped history file. Operations run one at a time, in call order. */
export class HistoryStore {
  /** The history file's full path. */
  readonly path: string;
  readonly #fs: FileSystem;
  readonly #maxPoints: number;
  readonly #slack: number;
  /** Lines in the file (valid or not), known after the first operation. */
  #lineCount: number | null = null;
  /** True when the file's last line lacks its newline (a torn append): the next append starts one. */
  #needsNewline = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: HistoryStoreOptions) {
    this.path = join(options.dir, HISTORY_FILE_NAME);
    this.#fs = options.fs ?? createNodeFileSystem();
    this.#maxPoints = Math.max(1, Math.floor(options.maxPoints ?? DEFAULT_HISTORY_MAX_POINTS));
    this.#slack = Math.max(0, Math.floor(options.slack ?? Math.ceil(this.#maxPoints / 4)));
  }

  /**
   * Appends one point; compacts to the newest `maxPoints` when the file has grown past
   * `maxPoints + slack`. Rejects only on I/O failure (the caller decides whether that matters).
   */
  append(point: HistoryPoint): Promise<void> {
    return this.#enqueue(async () => {
      if (parseHistoryLine(formatHistoryLine(point).trimEnd()) === null) {
        throw new Error('Refusing to store an invalid history point.');
      }
      if (this.#lineCount === null) await this.#scan();
      const line = (this.#needsNewline ? '\n' : '') + formatHistoryLine(point);
      await this.#fs.ensureDir(dirname(this.path));
      await this.#fs.appendText(this.path, line);
      this.#needsNewline = false;
      this.#lineCount = (this.#lineCount ?? 0) + 1;
      if (this.#lineCount > this.#maxPoints + this.#slack) await this.#compact();
    });
  }

  /** Points oldest first, optionally of one currency; invalid or torn lines are skipped. */
  read(currency?: Currency): Promise<HistoryPoint[]> {
    return this.#enqueue(async () => {
      const points = await this.#readAll();
      const kept = points.slice(-this.#maxPoints);
      return currency === undefined ? kept : kept.filter((p) => p.currency === currency);
    });
  }

  /** The history as CSV (`timestamp,currency,total`), optionally of one currency. */
  async toCsv(currency?: Currency): Promise<string> {
    return historyToCsv(await this.read(currency));
  }

  /** Forgets every point (e.g. when the user removes their account from the app). */
  clear(): Promise<void> {
    return this.#enqueue(async () => {
      await this.#fs.remove(this.path);
      this.#lineCount = 0;
      this.#needsNewline = false;
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

  async #scan(): Promise<void> {
    const text = await this.#readText();
    this.#lineCount = text === '' ? 0 : text.split('\n').filter((l) => l !== '').length;
    this.#needsNewline = text !== '' && !text.endsWith('\n');
  }

  async #readAll(): Promise<HistoryPoint[]> {
    const text = await this.#readText();
    const points: HistoryPoint[] = [];
    for (const line of text.split('\n')) {
      const point = parseHistoryLine(line);
      if (point) points.push(point);
    }
    return points;
  }

  /** Rewrites the file atomically with the newest `maxPoints` valid points. */
  async #compact(): Promise<void> {
    const kept = (await this.#readAll()).slice(-this.#maxPoints);
    await writeFileAtomic(this.#fs, this.path, kept.map(formatHistoryLine).join(''));
    this.#lineCount = kept.length;
    this.#needsNewline = false;
  }
}
