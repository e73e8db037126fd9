import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/balance.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { formatHistoryLine, HISTORY_CSV_HEADER, HistoryStore, historyFileName, historyToCsv, parseHistoryLine } from './history-store.js';

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
    fs.files.set(
      PATH,
      [JSON.stringify(point(0)), 'garbage', '{"at":"x","currency":"USDT","total":"1"}', JSON.stringify(point(1)), ''].join('\n'),
    );
    expect(await new HistoryStore({ dir: '/data', fs }).read()).toEqual([point(0), point(1)]);
  });

  it('compacts by itself once the file has grown `slack` lines past its thinned size, atomically', async () => {
    const fs = new MemoryFileSystem();
    const now = T0 + 10 * 24 * 3600_000;
    const store = new HistoryStore({ dir: '/data', fs, slack: 5, now: () => now, localOffset: () => 0 });
    const lines = (): number => (fs.files.get(PATH) ?? '').split('\n').filter((l) => parseHistoryLine(l) !== null).length;
    // Ten points in one hour, three days ago: they thin to one.
    for (let i = 0; i < 5; i += 1) await store.append(point(i));
    expect(lines()).toBe(5); // within slack: appends only
    await store.append(point(5));
    expect(lines()).toBe(1);
    expect(fs.files.get(PATH)).toBe(`{"compacted":${now},"kept":1}\n${JSON.stringify(point(5))}\n`); // a header says what compaction kept
    expect(await store.read()).toEqual([point(5)]);
    expect(fs.log.filter((l) => l.startsWith('rename'))).toEqual([
      expect.stringMatching(/^rename \/data\/history\.jsonl\.[0-9a-f]{16}\.tmp -> \/data\/history\.jsonl$/),
    ]); // atomic compaction
    for (let i = 6; i < 100; i += 1) await store.append(point(i));
    expect(lines()).toBeLessThanOrEqual(2 + 5); // two hours of old points, plus slack
    expect(fs.files.get(PATH)?.startsWith('{"compacted":')).toBe(true);
    expect((await store.read()).at(-1)).toEqual(point(99));
  });

  it('counts existing lines at start, so the bound holds across restarts', async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(PATH, Array.from({ length: 15 }, (_, i) => JSON.stringify(point(i))).join('\n') + '\n');
    const store = new HistoryStore({ dir: '/data', fs, slack: 5, now: () => T0 + 30 * 24 * 3600_000, localOffset: () => 0 });
    await store.append(point(15)); // 16 lines, and no compaction has written this file yet: due at once
    expect((fs.files.get(PATH) ?? '').split('\n').filter(Boolean).slice(1)).toEqual([JSON.stringify(point(15))]);
    // The header it wrote carries the bound across the next restart: 1 kept + 5 slack.
    const next = new HistoryStore({ dir: '/data', fs, slack: 5, now: () => T0 + 30 * 24 * 3600_000, localOffset: () => 0 });
    for (let i = 16; i < 21; i += 1) await next.append(point(i));
    expect((fs.files.get(PATH) ?? '').split('\n').filter(Boolean)).toHaveLength(7);
    await next.append(point(21));
    expect((fs.files.get(PATH) ?? '').split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('thins: every point of the last 48 h (7 and 13 min apart: each its own minute), the last of each local hour to 90 days, the last of each local day after', async () => {
    const fs = new MemoryFileSystem();
    const HOUR = 3600_000;
    const DAY = 24 * HOUR;
    const now = Date.UTC(2026, 5, 1, 12);
    const offset = 8 * HOUR; // UTC+8: a local day starts at 16:00 UTC
    const all: HistoryPoint[] = [];
    for (let at = now - 100 * DAY; at <= now; at += 7 * 60_000) all.push({ at, currency: 'USDT', total: String(at) });
    for (let at = now - 100 * DAY; at <= now; at += 13 * 60_000) all.push({ at, currency: 'BTC', total: '0.5' });
    fs.files.set(PATH, all.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const store = new HistoryStore({ dir: '/data', fs, now: () => now, localOffset: () => offset });
    await store.compact();
    const kept = await store.read();
    for (const currency of ['USDT', 'BTC'] as const) {
      const mine = kept.filter((p) => p.currency === currency);
      const source = all.filter((p) => p.currency === currency);
      // Recent: every point.
      expect(mine.filter((p) => now - p.at <= 48 * HOUR)).toEqual(source.filter((p) => now - p.at <= 48 * HOUR));
      // 48 h – 90 d: exactly the last point of each local hour that had one.
      const hourly = (list: HistoryPoint[]): Map<number, number> => {
        const m = new Map<number, number>();
        for (const p of list) if (now - p.at > 48 * HOUR && now - p.at <= 90 * DAY) m.set(Math.floor((p.at + offset) / HOUR), p.at);
        return m;
      };
      const keptHourly = mine.filter((p) => now - p.at > 48 * HOUR && now - p.at <= 90 * DAY).map((p) => p.at);
      expect(keptHourly).toEqual([...hourly(source).values()]);
      // Beyond 90 days: the last point of each local (UTC+8) day.
      const daily = new Map<number, number>();
      for (const p of source) if (now - p.at > 90 * DAY) daily.set(Math.floor((p.at + offset) / DAY), p.at);
      expect(mine.filter((p) => now - p.at > 90 * DAY).map((p) => p.at)).toEqual([...daily.values()]);
      // …which in UTC+8 is the point just before 16:00 UTC (local midnight), not before 00:00 UTC.
      const step = currency === 'USDT' ? 7 * 60_000 : 13 * 60_000;
      expect([...daily.values()].slice(0, -1).every((at) => (at + offset) % DAY >= DAY - step)).toBe(true);
    }
    // Totals stay Gate's strings, verbatim.
    expect(kept.find((p) => p.currency === 'USDT')?.total).toBe(String(kept.find((p) => p.currency === 'USDT')?.at));
  });

  it('keeps the last point of each clock minute of one currency (the later one stays), not across currencies', async () => {
    const fs = new MemoryFileSystem();
    const now = T0 + 3600_000;
    const store = new HistoryStore({ dir: '/data', fs, now: () => now, localOffset: () => 0 });
    const pts: HistoryPoint[] = [
      { at: T0, currency: 'USDT', total: '1' },
      { at: T0 + 20_000, currency: 'USDT', total: '2' },
      { at: T0 + 30_000, currency: 'BTC', total: '3' },
      { at: T0 + 59_000, currency: 'USDT', total: '4' },
      { at: T0 + 119_000, currency: 'USDT', total: '5' },
    ];
    for (const p of pts) await store.append(p);
    await store.compact();
    expect(await store.read()).toEqual([pts[2], pts[3], pts[4]]);
  });

  it('keeps one file per endpoint: Gate in history.jsonl, a testnet in its own; a trailing slash is the same endpoint', async () => {
    expect(historyFileName()).toBe('history.jsonl');
    expect(historyFileName('https://api.gateio.ws/api/v4/')).toBe('history.jsonl');
    expect(historyFileName('https://API.gateio.ws/api/v4')).toBe('history.jsonl');
    const testnet = historyFileName('https://api-testnet.gateapi.io/api/v4');
    expect(testnet).toMatch(/^history-[0-9a-f]{16}\.jsonl$/);
    expect(historyFileName('http://127.0.0.1:8080/api/v4')).not.toBe(testnet);
    const fs = new MemoryFileSystem();
    const gate = new HistoryStore({ dir: '/data', fs });
    const test = new HistoryStore({ dir: '/data', fs, baseUrl: 'https://api-testnet.gateapi.io/api/v4' });
    await gate.append(point(0));
    await test.append(point(1, 'USDT', '99'));
    expect(await gate.read()).toEqual([point(0)]);
    expect(await test.read()).toEqual([point(1, 'USDT', '99')]);
    await test.clear();
    expect(await gate.read()).toEqual([point(0)]);
    expect(await test.read()).toEqual([]);
  });

  it('record() answers the currency’s points as they were before it, then appends it', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs });
    expect(await store.record(point(0))).toEqual([]);
    await store.append(point(1, 'BTC', '1'));
    expect(await store.record(point(2))).toEqual([point(0)]);
    expect(await store.read('USDT')).toEqual([point(0), point(2)]);
    await expect(store.record({ at: T0, currency: 'USDT', total: 'x' })).rejects.toThrow(/invalid/);
  });

  it('reads oldest first even when writers appended out of order', async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(PATH, [point(2), point(0), point(1)].map((p) => JSON.stringify(p)).join('\n') + '\n');
    expect(await new HistoryStore({ dir: '/data', fs }).read()).toEqual([point(0), point(1), point(2)]);
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
    const opts = { dir, now: () => T0 + 30 * 24 * 3600_000, localOffset: () => 0, slack: 2 };
    const store = new HistoryStore(opts);
    await store.append(point(0));
    await store.append(point(1));
    await writeFile(join(dir, 'history.jsonl'), `${await readFile(join(dir, 'history.jsonl'), 'utf8')}{"at":12`);
    const reopened = new HistoryStore(opts);
    expect(await reopened.read()).toEqual([point(0), point(1)]);
    await reopened.append(point(2)); // 4 lines incl. the torn one > 2 of slack: compacts to the hour's last point
    expect(await readFile(join(dir, 'history.jsonl'), 'utf8')).toBe(`{"compacted":${opts.now()},"kept":1}\n${JSON.stringify(point(2))}\n`);
    expect(await readdir(dir)).toEqual(['history.jsonl']); // no lock or temp file left behind
    expect((await stat(join(dir, 'history.jsonl'))).mode & 0o777).toBe(0o600);
  });
});

describe('the history after a year of use', () => {
  it('stays bounded: a year of one-minute refreshes compacts to about 5,300 points (~340 KB) per currency', async () => {
    const MIN = 60_000;
    const DAY = 24 * 60 * MIN;
    const end = Date.UTC(2027, 0, 1);
    const start = end - 365 * DAY;
    let now = start;
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs, now: () => now, localOffset: () => 8 * 3600_000 });
    // A year, a day at a time: a day of one-minute points (a realistic 16-digit Gate total,
    // moving every minute) lands in the file, then the daily compaction runs.
    let longest = 0;
    for (let day = start; day < end; day += DAY) {
      const lines: string[] = [];
      for (let at = day; at < day + DAY; at += MIN)
        lines.push(
          formatHistoryLine({ at, currency: 'USDT', total: `${38_000 + ((at / MIN) % 5000)}.${String(at % 99_999_989).padStart(8, '0')}` }),
        );
      fs.files.set(PATH, (fs.files.get(PATH) ?? '') + lines.join(''));
      longest = Math.max(longest, fs.files.get(PATH)!.length);
      now = day + DAY - MIN;
      await store.compact();
    }
    const text = fs.files.get(PATH) ?? '';
    const kept = text.split('\n').filter((l) => parseHistoryLine(l) !== null).length;
    // 48 h of minutes + hourly to 90 days + daily for the rest of the year (± the buckets cut
    // by the tiers' edges; the exact rule is pinned by the thinning test above).
    expect(Math.abs(kept - (2880 + (90 - 2) * 24 + (365 - 90)))).toBeLessThanOrEqual(3);
    // The README's figure: about 340 KB compacted, and at most ~0.43 MB just before a compaction.
    expect(text.length).toBeLessThan(350_000);
    expect(text.length).toBeGreaterThan(320_000);
    expect(longest).toBeLessThan(460_000);
  }, 180_000);
});
