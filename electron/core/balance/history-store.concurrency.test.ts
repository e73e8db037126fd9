import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../testing/bundle.js';
import { PROJECT_ROOT } from '../testing/project-root.js';
import { createFileLock, LockTimeoutError } from './history-lock.js';
import { HistoryStore, parseHistoryLine } from './history-store.js';

const NOW = Date.UTC(2026, 5, 1, 12);
let writer = '';

function run(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

let dir = '';
beforeAll(async () => {
  writer = await bundleForNode(join(PROJECT_ROOT, 'electron/core/testing/history-writer.ts'), 'history-concurrency', 'history-writer');
}, 60_000);
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

describe('two processes writing one history at once', () => {
  it('lose nothing and corrupt nothing, while both keep compacting the file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-history-concurrent-'));
    const count = 300;
    // slack 7: each writer compacts every few appends, so compactions and appends interleave.
    await Promise.all([run([dir, '0', '2', String(count), '7', String(NOW)]), run([dir, '1', '2', String(count), '7', String(NOW)])]);
    const text = await readFile(join(dir, 'history.jsonl'), 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    // Every line is a whole point (after the last compaction's header): no torn or interleaved writes.
    expect(lines[0]).toMatch(/^\{"compacted":\d+,"kept":\d+\}$/);
    expect(lines.slice(1).filter((l) => parseHistoryLine(l) === null)).toEqual([]);
    const points = lines.slice(1).map((l) => parseHistoryLine(l)!);
    const recent = points.filter((p) => NOW - p.at <= 48 * 3600_000);
    // Both writers' recent points, every one of them, each once.
    const expected = Array.from({ length: 2 * count }, (_, m) => NOW - 40 * 3600_000 + m * 60_000).sort((a, b) => a - b);
    expect(recent.map((p) => p.at).sort((a, b) => a - b)).toEqual(expected);
    expect(new Set(recent.map((p) => p.total)).size).toBe(2 * count);
    // The old points were thinned (to at most their hour's last, plus what came after the last compaction).
    expect(points.length - recent.length).toBeLessThan(2 * Math.ceil(count / 5));
    expect(await readdir(dir)).toEqual(['history.jsonl']); // no lock or temp file left
  }, 60_000);
});

describe('the writer lock', () => {
  it('waits for a live holder, then gives up with LockTimeoutError; breaks the lock of a process that is gone', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-history-lock-'));
    const path = join(dir, 'history.jsonl.lock');
    const lock = createFileLock({ path, timeoutMs: 200 });
    // Held by this (live) process: the second taker waits and times out.
    let release!: () => void;
    const held = lock.withLock(() => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await expect(createFileLock({ path, timeoutMs: 200 }).withLock(async () => 'x')).rejects.toBeInstanceOf(LockTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    release();
    await held;
    // Left by a crashed process (a pid that does not exist on this host): broken at once.
    await writeFile(path, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), at: Date.now() }));
    expect(await createFileLock({ path, timeoutMs: 100 }).withLock(async () => 'taken')).toBe('taken');
    // Left long ago by another host: broken once older than staleMs.
    await writeFile(path, JSON.stringify({ pid: 1, host: 'elsewhere', at: 0 }));
    await new Promise((r) => setTimeout(r, 60));
    expect(await createFileLock({ path, timeoutMs: 500, staleMs: 50 }).withLock(async () => 'taken')).toBe('taken');
    expect(await readdir(dir)).toEqual([]);
  });

  it('releases only the lock it holds: one broken meanwhile (held past staleMs) and taken by another stays', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-history-lock-'));
    const path = join(dir, 'history.jsonl.lock');
    let releaseFirst!: () => void;
    const first = createFileLock({ path, staleMs: 50 }).withLock(() => new Promise<void>((r) => (releaseFirst = r)));
    await new Promise((r) => setTimeout(r, 120)); // the first writer holds it past staleMs…
    let releaseSecond!: () => void;
    let secondHolds!: () => void;
    const holding = new Promise<void>((r) => (secondHolds = r));
    const second = createFileLock({ path, staleMs: 50 }).withLock(async () => {
      secondHolds();
      await new Promise<void>((r) => (releaseSecond = r));
    });
    await holding; // …so another broke it and holds its own now
    const secondLock = await readFile(path, 'utf8');
    releaseFirst();
    await first;
    // The first writer's release left the second's lock in place, and a third still has to wait for it.
    expect(await readFile(path, 'utf8')).toBe(secondLock);
    await expect(createFileLock({ path, timeoutMs: 100 }).withLock(async () => 'x')).rejects.toBeInstanceOf(LockTimeoutError);
    releaseSecond();
    await second;
    expect(await readdir(dir)).toEqual([]);
  });

  it('a store whose lock stays taken rejects its append and writes nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-history-lock-'));
    await writeFile(join(dir, 'history.jsonl.lock'), JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
    const store = new HistoryStore({ dir, lock: createFileLock({ path: join(dir, 'history.jsonl.lock'), timeoutMs: 100 }) });
    await expect(store.append({ at: NOW, currency: 'USDT', total: '1' })).rejects.toBeInstanceOf(LockTimeoutError);
    expect(await readdir(dir)).toEqual(['history.jsonl.lock']);
  });
});
