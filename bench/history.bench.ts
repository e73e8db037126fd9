// History writes and compaction on a real disk, with a year of use behind them: what every CLI
// `balance` (recordChange: read, append, under the lock file) and every app refresh costs, and
// what the daily compaction costs. Baselines in the same run: one bare append + fsync of a line,
// and one bare write + fsync of the compacted file's bytes. Prints; never asserts.
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHistoryLine, HistoryStore } from '../electron/core/balance/history-store.js';
import type { HistoryPoint } from '../shared/balance.js';
import { thinHistory } from '../shared/history.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const now = Date.now();
const total = (at: number): string => `${38_000 + (Math.floor(at / MIN) % 5000)}.${String(at % 99_999_989).padStart(8, '0')}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeEach(runs: number, task: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

// A year of one-minute refreshes, as the store keeps it, plus the day since the last compaction.
const year: HistoryPoint[] = [];
for (let at = now - 365 * DAY; at < now - DAY; at += MIN) year.push({ at, currency: 'USDT', total: total(at) });
const kept = thinHistory(year, now - DAY, () => 0);
const day: HistoryPoint[] = [];
for (let at = now - DAY; at < now - MIN; at += MIN) day.push({ at, currency: 'USDT', total: total(at) });
const fileText = [...kept, ...day].map(formatHistoryLine).join('');

const dir = mkdtempSync(join(tmpdir(), 'glance-bench-history-'));
try {
  const thinMs = await timeEach(20, () => thinHistory([...kept, ...day], now, () => 0));

  // recordChange as a CLI run does it: a fresh store (no state carried), the lock file, one read, one append.
  writeFileSync(join(dir, 'history.jsonl'), fileText, { mode: 0o600 });
  const appendMs = await timeEach(50, (i) =>
    new HistoryStore({ dir, now: () => now, slack: 1_000_000 }).recordChange({ at: now + i, currency: 'USDT', total: total(now + i) }),
  );
  const bareAppendMs = await timeEach(50, () => {
    const fd = openSync(join(dir, 'bare.jsonl'), 'a', 0o600);
    writeSync(fd, formatHistoryLine({ at: now, currency: 'USDT', total: total(now) }));
    fsyncSync(fd);
    closeSync(fd);
  });

  // The daily compaction: read, thin, write a temp file, fsync, rename, under the lock.
  const store = new HistoryStore({ dir, now: () => now, slack: 1_000_000 });
  const compactTimes: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    writeFileSync(join(dir, 'history.jsonl'), fileText, { mode: 0o600 });
    const start = performance.now();
    await store.compact();
    compactTimes.push(performance.now() - start);
  }
  const compactMs = median(compactTimes);
  const compactedBytes = statSync(join(dir, 'history.jsonl')).size;
  const compactedText = [...kept, ...day].map(formatHistoryLine).join('');
  const bareWriteMs = await timeEach(20, () => {
    const fd = openSync(join(dir, 'bare-write.jsonl'), 'w', 0o600);
    writeSync(fd, compactedText);
    fsyncSync(fd);
    closeSync(fd);
  });

  // A status bar every 15 s for a day (plus the app every minute): what compaction keeps of it.
  const busy: HistoryPoint[] = [];
  for (let at = now - DAY; at < now; at += 15_000) busy.push({ at: at + 200, currency: 'USDT', total: total(at) });
  for (let at = now - DAY; at < now; at += 60_000) busy.push({ at: at + 350, currency: 'USDT', total: total(at) });
  const busyKept = thinHistory(busy, now, () => 0).length;

  console.log(
    `history file: a year of one-minute refreshes + a day since compaction = ${kept.length + day.length} points, ${(fileText.length / 1024).toFixed(0)} KiB`,
  );
  console.log(`thinHistory of it (pure):               ${thinMs.toFixed(2)} ms median of 20`);
  console.log(
    `recordChange (CLI: lock, read, append):  ${appendMs.toFixed(2)} ms median of 50   baseline: bare append + fsync ${bareAppendMs.toFixed(2)} ms`,
  );
  console.log(
    `compact (lock, read, thin, write, rename): ${compactMs.toFixed(2)} ms median of 20 → ${compactedBytes} bytes   baseline: bare write + fsync of the same size ${bareWriteMs.toFixed(2)} ms`,
  );
  console.log(`a day of a 15-s status bar + the app (${busy.length} points) compacts to ${busyKept} (one a minute)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
