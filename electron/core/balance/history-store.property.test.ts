/**
 * Compaction keeps every minute, hour and day that received a point, whatever the traffic: two
 * writers on one history — the app, refreshing 60 s after each request started (so its points
 * land just under or just over a minute apart) with its latency, and the CLI run by a status bar
 * or a script at any pace from 100 ms to 2 h — whose appends land out of order, with the
 * computer off now and then, and compactions at random moments (due by `slack`, or asked for).
 * After any sequence: every minute of the last 48 h that received a point still has one, every
 * local hour from 48 h to 90 d, every local day beyond; and once compacted, exactly the last
 * point of each (where no tier line cuts the unit).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Currency, HistoryPoint } from '../../../shared/balance.js';
import type { FileSystem } from '../files/private-files.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { logUniform, seededRandom } from '../testing/seeded-random.js';
import type { HistoryLock } from './history-lock.js';
import { HistoryStore, parseHistoryLine } from './history-store.js';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const END = Date.UTC(2026, 8, 30, 9, 17, 23, 456);
/** Fixed local zones (Nepal's +05:45 included: local hours that are not UTC hours). */
const OFFSETS = [0, 8 * H, -5 * H, 5 * H + 45 * MIN, 13 * H];

/** One append: who makes it, when it runs, and the point (dated when its answer came, before the append runs). */
interface Write {
  readonly writer: 0 | 1;
  readonly runsAt: number;
  readonly point: HistoryPoint;
}

/**
 * Both writers' appends over `spanMs` ending at END, ordered by when they run. Totals are unique
 * (writer, count), so a kept point names the write it came from.
 */
function traffic(next: () => number, spanMs: number): Write[] {
  const start = END - spanMs;
  const writes: Write[] = [];
  const currency = (): Currency => (next() < 0.15 ? 'BTC' : 'USDT');
  const latency = (): number => (next() < 0.05 ? logUniform(next, 1000, 10_000) : 80 + next() * 320);
  const writeDelay = (): number => (next() < 0.05 ? next() * 1500 : next() * 30);
  const add = (writer: 0 | 1, requestedAt: number): void => {
    const at = Math.round(requestedAt + latency());
    writes.push({ writer, runsAt: at + writeDelay(), point: { at, currency: currency(), total: `${writer}.${writes.length}` } });
  };
  // The app: sessions of refreshes every 60 s from each request's start, between sleeps.
  for (let t = start + next() * H; t < END;) {
    const sessionEnd = Math.min(END, t + logUniform(next, 2 * MIN, 3 * H));
    for (; t < sessionEnd; t += 60_000) add(0, t);
    t += logUniform(next, 10 * MIN, 4 * DAY);
  }
  // The CLI: 100 ms to 2 h apart, and now and then not run for up to four days.
  for (let t = start + next() * MIN; t < END;) {
    add(1, t);
    t += next() < 0.01 ? logUniform(next, 2 * H, 4 * DAY) : logUniform(next, 100, 2 * H);
  }
  return writes.sort((a, b) => a.runsAt - b.runsAt);
}

/** The minute, local hour or local day a point of this age counts in (per currency), and when that unit starts and ends. */
function unitOf(point: HistoryPoint, age: number, offset: number): { key: string; from: number; to: number } {
  const [size, shift] = age <= 48 * H ? [MIN, 0] : age <= 90 * DAY ? [H, offset] : [DAY, offset];
  const index = Math.floor((point.at + shift) / size);
  return { key: `${point.currency} ${size} ${index}`, from: index * size - shift, to: (index + 1) * size - shift };
}

/**
 * Every received point's unit (by its age now) still has a kept point in it — a kept point of
 * that minute, hour or day, whatever tier the kept one is in itself — and every kept point is one
 * that was received, verbatim.
 */
function expectCovered(received: readonly HistoryPoint[], kept: readonly HistoryPoint[], now: number, offset: number, label: string): void {
  const byTotal = new Map(received.map((p) => [p.total, p]));
  for (const p of kept) expect(byTotal.get(p.total), `${label}: kept ${JSON.stringify(p)} was never written`).toEqual(p);
  // Each kept point counts in its minute, its local hour and its local day alike.
  const keptUnits = new Set(kept.flatMap((p) => [0, 49 * H, 91 * DAY].map((age) => unitOf(p, age, offset).key)));
  const missing = received.filter((p) => !keptUnits.has(unitOf(p, now - p.at, offset).key));
  expect(missing.slice(0, 3), `${label}: ${missing.length} points' units have no point left`).toEqual([]);
}

/**
 * After a compaction at `now`: one point per unit at most, and in each unit that lies on one side
 * of the 48-hour and 90-day lines, the last point it received. (A unit that a line cuts in two
 * may have given its last point to the finer side when that was all of it: the coarser side
 * keeps the last of what it still has, which the coverage check covers.)
 */
function expectTheLastOfEachUnit(received: readonly HistoryPoint[], kept: readonly HistoryPoint[], now: number, offset: number): void {
  const keptByUnit = new Map<string, HistoryPoint>();
  for (const p of kept) {
    const { key } = unitOf(p, now - p.at, offset);
    expect(keptByUnit.get(key), `two kept points in ${key}`).toBeUndefined();
    keptByUnit.set(key, p);
  }
  const last = new Map<string, HistoryPoint>();
  const lines = [now - 48 * H, now - 90 * DAY];
  for (const p of received) {
    const { key, from, to } = unitOf(p, now - p.at, offset);
    if (lines.some((line) => from < line && line < to)) continue;
    const seen = last.get(key);
    if (seen === undefined || p.at >= seen.at) last.set(key, p);
  }
  for (const [key, p] of last) expect(keptByUnit.get(key)?.at, key).toBe(p.at);
}

/** One lock shared by two stores in one process: the role the lock file plays between processes. */
function sharedLock(): HistoryLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    withLock<T>(task: () => Promise<T>): Promise<T> {
      const run = tail.then(task, task);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

interface Setup {
  readonly dir: string;
  readonly fs?: FileSystem;
  readonly lock?: HistoryLock;
  readonly readText: () => Promise<string>;
}

/**
 * Runs `writes` through two stores (app and CLI) on one history with compactions at random
 * moments, checking coverage at random moments and, after a last compaction, the exact content.
 */
async function replay(seed: number, spanMs: number, setup: Setup): Promise<number> {
  const next = seededRandom(seed);
  const offset = OFFSETS[seed % OFFSETS.length]!;
  const writes = traffic(next, spanMs);
  let now = writes[0]?.runsAt ?? END;
  const store = (): HistoryStore =>
    new HistoryStore({
      dir: setup.dir,
      ...(setup.fs ? { fs: setup.fs } : {}),
      ...(setup.lock ? { lock: setup.lock } : {}),
      now: () => now,
      localOffset: () => offset,
      slack: Math.floor(logUniform(next, 20, 1500)),
    });
  const stores = [store(), store()] as const;
  const received: HistoryPoint[] = [];
  const kept = async (): Promise<HistoryPoint[]> =>
    (await setup.readText())
      .split('\n')
      .map(parseHistoryLine)
      .filter((p): p is HistoryPoint => p !== null);
  let pending: Promise<unknown>[] = [];
  const settle = async (): Promise<void> => {
    await Promise.all(pending);
    pending = [];
  };
  for (const [i, write] of writes.entries()) {
    now = Math.max(now, write.runsAt);
    received.push(write.point);
    pending.push(stores[write.writer].append(write.point));
    if (next() < 0.005) pending.push(stores[next() < 0.5 ? 0 : 1].compact());
    // Up to a handful of operations from both writers overlap before they are awaited.
    if (next() < 0.3) await settle();
    if (next() < 0.001 || i === writes.length - 1) {
      await settle();
      expectCovered(received, await kept(), now, offset, `seed ${seed}, after write ${i} of ${writes.length}`);
    }
  }
  await stores[0].compact();
  const final = await kept();
  expectCovered(received, final, now, offset, `seed ${seed}, compacted`);
  expectTheLastOfEachUnit(received, final, now, offset);
  return writes.length;
}

describe('compaction keeps every minute, hour and day that received a point', () => {
  it('over 95 days of two writers on one history (in memory, one lock), at random moments and at the end', async () => {
    let total = 0;
    for (let seed = 1; seed <= 6; seed += 1) {
      const fs = new MemoryFileSystem();
      total += await replay(seed, 95 * DAY, {
        dir: '/data',
        fs,
        lock: sharedLock(),
        readText: async () => fs.files.get('/data/history.jsonl') ?? '',
      });
    }
    expect(total).toBeGreaterThan(6 * 5000); // the traffic is not trivially small
  }, 120_000);

  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = '';
  });

  it('on a real folder, two stores with the real lock file (three days around the 48-hour line)', async () => {
    // tmpfs where there is one: the same files and lock, without a disk's fsync per append.
    for (let seed = 101; seed <= 102; seed += 1) {
      dir = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'glance-history-property-'));
      const path = join(dir, 'history.jsonl');
      const count = await replay(seed, 3 * DAY, { dir, readText: () => readFile(path, 'utf8').catch(() => '') });
      expect(count).toBeGreaterThan(100);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
