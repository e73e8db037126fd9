import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/balance.js';
import { createNodeFileSystem } from '../prefs/file-system.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { HISTORY_CSV_HEADER, HistoryStore, historyToCsv, parseHistoryLine } from './history-store.js';

const T0 = Date.UTC(2026, 0, 1);
const PATH = '/data/history.jsonl';
const BIG = '591702859674467879.6488202650892478553852';

function point(i: number, currency: HistoryPoint['currency'] = 'USDT', total = `${i}.5`): HistoryPoint {
  return { at: T0 + i * 60_000, currency, total };
}

describe('HistoryStore', () => {
  it('appends one JSON line per point and reads them back, optionally by currency', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs });
    await store.append(point(0));
    await store.append(point(1, 'BTC', '0.00000001'));
    await store.append(point(2, 'USDT', BIG));
    expect(fs.files.get(PATH)?.split('\n')).toEqual([
      `{"at":${T0},"currency":"USDT","total":"0.5"}`,
      `{"at":${T0 + 60_000},"currency":"BTC","total":"0.00000001"}`,
      `{"at":${T0 + 120_000},"currency":"USDT","total":"${BIG}"}`,
      '',
    ]);
    expect(await store.read()).toEqual([point(0), point(1, 'BTC', '0.00000001'), point(2, 'USDT', BIG)]);
    expect(await store.read('USDT')).toEqual([point(0), point(2, 'USDT', BIG)]);
    expect(await store.read('CNY')).toEqual([]);
    // A new instance (next app start) sees the same.
    expect(await new HistoryStore({ dir: '/data', fs }).read('BTC')).toEqual([point(1, 'BTC', '0.00000001')]);
  });

  it('stores only at/currency/total, whatever else the object carries', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs });
    const sneaky = { ...point(0), secret: 'S3CR3T', key: 'K3Y' } as HistoryPoint;
    await store.append(sneaky);
    expect(fs.files.get(PATH)).not.toContain('S3CR3T');
    expect(fs.files.get(PATH)).not.toContain('K3Y');
  });

  it('refuses an invalid point (a number total, an unknown currency) without touching the file', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs });
    await expect(store.append({ at: T0, currency: 'USDT', total: 1.5 as unknown as string })).rejects.toThrow(/invalid/);
    await expect(store.append({ at: T0, currency: 'EUR' as 'USD', total: '1' })).rejects.toThrow(/invalid/);
    await expect(store.append({ at: T0, currency: 'USD', total: '1e5' })).rejects.toThrow(/invalid/);
    expect(fs.files.has(PATH)).toBe(false);
    await store.append(point(0)); // the queue keeps working after a rejection
    expect(await store.read()).toEqual([point(0)]);
  });

  it('tolerates a torn last line and does not glue the next point onto it', async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(PATH, `${JSON.stringify(point(0))}\n${JSON.stringify(point(1))}\n{"at":${T0 + 120_000},"curr`);
    const store = new HistoryStore({ dir: '/data', fs });
    expect(await store.read()).toEqual([point(0), point(1)]);
    await store.append(point(3));
    expect(await store.read()).toEqual([point(0), point(1), point(3)]);
    expect(fs.files.get(PATH)?.endsWith(`\n${JSON.stringify(point(3))}\n`)).toBe(true);
  });

  it('skips foreign or damaged lines in the middle', async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(PATH, [JSON.stringify(point(0)), 'garbage', '{"at":"x","currency":"USDT","total":"1"}', JSON.stringify(point(1)), ''].join('\n'));
    expect(await new HistoryStore({ dir: '/data', fs }).read()).toEqual([point(0), point(1)]);
  });

  it('caps the file: compacts to the newest maxPoints once it passes maxPoints + slack', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs, maxPoints: 10, slack: 5 });
    const lines = (): number => (fs.files.get(PATH) ?? '').split('\n').filter(Boolean).length;
    for (let i = 0; i < 15; i += 1) await store.append(point(i));
    expect(lines()).toBe(15); // within slack: appends only
    expect((await store.read()).map((p) => p.at)).toEqual(Array.from({ length: 10 }, (_, k) => point(k + 5).at)); // reads show the cap anyway
    await store.append(point(15));
    expect(lines()).toBe(10);
    expect((await store.read()).map((p) => p.at)).toEqual(Array.from({ length: 10 }, (_, k) => point(k + 6).at));
    expect(fs.log.filter((l) => l.startsWith('rename'))).toEqual([expect.stringMatching(/^rename \/data\/history\.jsonl\.[0-9a-f]{16}\.tmp -> \/data\/history\.jsonl$/)]); // atomic compaction
    for (let i = 16; i < 100; i += 1) await store.append(point(i));
    expect(lines()).toBeLessThanOrEqual(15);
    expect((await store.read()).at(-1)).toEqual(point(99));
  });

  it('counts existing lines at start, so the cap holds across restarts', async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(PATH, Array.from({ length: 15 }, (_, i) => JSON.stringify(point(i))).join('\n') + '\n');
    const store = new HistoryStore({ dir: '/data', fs, maxPoints: 10, slack: 5 });
    await store.append(point(15));
    expect((fs.files.get(PATH) ?? '').split('\n').filter(Boolean)).toHaveLength(10);
  });

  it('exports CSV with an ISO timestamp and the total verbatim', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs });
    await store.append(point(0, 'USDT', BIG));
    await store.append(point(1, 'BTC', '-0.000000010'));
    expect(await store.toCsv()).toBe(
      `${HISTORY_CSV_HEADER}\n2026-01-01T00:00:00.000Z,USDT,${BIG}\n2026-01-01T00:01:00.000Z,BTC,-0.000000010\n`,
    );
    expect(await store.toCsv('BTC')).toBe('timestamp,currency,total\n2026-01-01T00:01:00.000Z,BTC,-0.000000010\n');
    expect(historyToCsv([])).toBe('timestamp,currency,total\n');
  });

  it('clear() forgets everything', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs });
    await store.append(point(0));
    await store.clear();
    expect(await store.read()).toEqual([]);
    await store.append(point(1));
    expect(await store.read()).toEqual([point(1)]);
  });

  it('parseHistoryLine rejects what is not a point', () => {
    expect(parseHistoryLine('')).toBeNull();
    expect(parseHistoryLine('null')).toBeNull();
    expect(parseHistoryLine('{"at":-1,"currency":"USDT","total":"1"}')).toBeNull();
    expect(parseHistoryLine('{"at":1,"currency":"USDT","total":"NaN"}')).toBeNull();
    expect(parseHistoryLine('{"at":1,"currency":"USDT","total":"1"}')).toEqual({ at: 1, currency: 'USDT', total: '1' });
  });
});

describe('HistoryStore on real files', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = '';
  });

  it('appends, survives a torn tail written by a crash, and compacts', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-history-'));
    const store = new HistoryStore({ dir, fs: createNodeFileSystem(), maxPoints: 3, slack: 1 });
    await store.append(point(0));
    await store.append(point(1));
    await writeFile(join(dir, 'history.jsonl'), `${await readFile(join(dir, 'history.jsonl'), 'utf8')}{"at":12`);
    const reopened = new HistoryStore({ dir, fs: createNodeFileSystem(), maxPoints: 3, slack: 1 });
    expect(await reopened.read()).toEqual([point(0), point(1)]);
    await reopened.append(point(2));
    await reopened.append(point(3)); // 5 lines incl. the torn one > 3 + 1: compacts to the 3 newest valid points
    expect(await readFile(join(dir, 'history.jsonl'), 'utf8')).toBe([point(1), point(2), point(3)].map((p) => `${JSON.stringify(p)}\n`).join(''));
  });
});
