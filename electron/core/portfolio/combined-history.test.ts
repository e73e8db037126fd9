import { describe, expect, it, vi } from 'vitest';
import type { Source } from '../../../shared/portfolio.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { keySourceOf, portfolioOf, subSourceOf } from '../testing/portfolio-state.js';
import { seededRandom } from '../testing/seeded-random.js';
import { historyFileName, parseHistoryLine } from '../balance/history-store.js';
import type { CombinedPoint } from './combined-history.js';
import {
  CombinedHistory,
  combinedHistoryFileName,
  formatCombinedLine,
  parseCombinedLine,
  sourceSetFingerprint,
} from './combined-history.js';

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.UTC(2026, 11, 1);
const PATH = '/data/history-combined.jsonl';

const MAIN = (amount: string, extra: Partial<Source> = {}): Source => keySourceOf('default', amount, extra);
const FAMILY = (amount: string, extra: Partial<Source> = {}): Source => keySourceOf('family', amount, extra);

function setup(extra: { slack?: number; now?: number } = {}): { fs: MemoryFileSystem; history: CombinedHistory; onChange: () => void } {
  const fs = new MemoryFileSystem();
  const onChange = vi.fn();
  const history = new CombinedHistory({ dir: '/data', fs, onChange, now: () => extra.now ?? T0 + 30 * H, slack: extra.slack ?? 1000 });
  return { fs, history, onChange };
}

async function loaded(history: CombinedHistory): Promise<void> {
  const any = portfolioOf([MAIN('1')]);
  history.knownChange(any, T0);
  await vi.waitFor(() => expect(history.knownChange(any, T0)).not.toBeUndefined());
}

describe('CombinedHistory', () => {
  it('names its file per endpoint, never a name an account history could have', () => {
    expect(combinedHistoryFileName()).toBe('history-combined.jsonl');
    expect(combinedHistoryFileName('https://api.gateio.ws/api/v4/')).toBe('history-combined.jsonl');
    const testnet = combinedHistoryFileName('https://api-testnet.gateapi.io/api/v4');
    expect(testnet).toMatch(/^history-combined-[0-9a-f]{16}\.jsonl$/);
    expect(testnet).not.toBe(historyFileName('https://api-testnet.gateapi.io/api/v4'));
    expect(new CombinedHistory({ dir: '/data', fs: new MemoryFileSystem() }).path).toBe(PATH);
  });

  it('records a whole figure with the fingerprint of its sources, and no id, uid or name', async () => {
    const { fs, history } = setup();
    const portfolio = portfolioOf([MAIN('100.5', { uid: '10001' }), subSourceOf('20002', '7.25'), FAMILY('42')]);
    await history.record(portfolio, T0);
    const text = fs.files.get(PATH) ?? '';
    const fingerprint = sourceSetFingerprint(portfolio.sources);
    expect(text).toBe(`{"at":${T0},"currency":"USDT","total":"149.75","sources":"${fingerprint}"}\n`);
    for (const word of ['default', 'family', '10001', '20002', 'bot']) expect(text).not.toContain(word);
  });

  it('records nothing when a source is stale, in error, without a total or in another currency', async () => {
    const { fs, history } = setup();
    const cases = [
      portfolioOf([MAIN('1'), FAMILY('2', { status: 'stale' })]),
      portfolioOf([MAIN('1'), keySourceOf('family', null)]),
      portfolioOf([MAIN('1'), FAMILY('2', { total: { currency: 'BTC', amount: '2' } })]),
      portfolioOf([]),
    ];
    for (const portfolio of cases) await history.record(portfolio, T0);
    expect(fs.files.get(PATH)).toBeUndefined();
    // A sub-account is always partial (spot only): that alone does not stop it.
    await history.record(portfolioOf([MAIN('1'), subSourceOf('7', '2')]), T0);
    expect(fs.files.get(PATH)).toContain('"total":"3"');
  });

  it('fingerprints what is counted: the set of sources, once each, and what a sub-account estimate covers', () => {
    const base = [MAIN('1'), subSourceOf('7', '2')];
    const fp = sourceSetFingerprint(base);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    // Amounts, order and status do not change it.
    expect(sourceSetFingerprint([subSourceOf('7', '900', { status: 'stale' }), MAIN('5')])).toBe(fp);
    expect(sourceSetFingerprint([...base, FAMILY('3')])).not.toBe(fp);
    expect(sourceSetFingerprint([MAIN('1')])).not.toBe(fp);
    expect(sourceSetFingerprint([MAIN('1'), subSourceOf('7', '2', { covers: ['spot', 'futures'] })])).not.toBe(fp);
    expect(sourceSetFingerprint([MAIN('1'), subSourceOf('7', '2', { unpriced: ['XYZ'] })])).not.toBe(fp);
    expect(sourceSetFingerprint([MAIN('1'), subSourceOf('7', '2', { rate: 'usd-par' })])).not.toBe(fp);
    // A sub-account also read through its own key is counted once, as the key: the set is the key's.
    const keyed = [MAIN('1', { uid: '1' }), keySourceOf('bot', '2', { uid: '7' })];
    expect(sourceSetFingerprint([...keyed, subSourceOf('7', '2')])).toBe(sourceSetFingerprint(keyed));
  });

  it('knows no change until loaded, loads once asked, then compares only with points of the same sources', async () => {
    const { fs, history, onChange } = setup();
    const two = (a: string, b: string): ReturnType<typeof portfolioOf> => portfolioOf([MAIN(a), FAMILY(b)]);
    const fp2 = sourceSetFingerprint(two('0', '0').sources);
    const fp1 = sourceSetFingerprint([MAIN('0')]);
    fs.files.set(
      PATH,
      [
        formatCombinedLine({ at: T0, currency: 'USDT', total: '100', sources: fp1 }),
        formatCombinedLine({ at: T0 + 2 * H, currency: 'USDT', total: '150', sources: fp2 }),
      ].join(''),
    );
    expect(history.knownChange(two('100', '60'), T0 + 26 * H)).toBeUndefined();
    expect(onChange).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    // Against the two-source point only (the one-source 100 would call Family's money a gain).
    expect(history.knownChange(two('100', '60'), T0 + 26 * H)).toMatchObject({ from: T0 + 2 * H, fromTotal: '150', amount: '10' });
    // Family added a moment ago: a new set without an earlier point has no change.
    expect(history.knownChange(portfolioOf([MAIN('100'), FAMILY('60'), subSourceOf('9', '1')]), T0 + 26 * H)).toBeNull();
    // Back to the main key alone: compared with its own earlier point.
    expect(history.knownChange(portfolioOf([MAIN('90')]), T0 + 26 * H)).toMatchObject({ fromTotal: '100', amount: '-10', partial: false });
    // A stale source's last good total still compares (the figure says it is stale); an errored one does not.
    expect(history.knownChange(portfolioOf([MAIN('100'), FAMILY('50', { status: 'stale' })]), T0 + 26 * H)).toMatchObject({ amount: '0' });
    expect(history.knownChange(portfolioOf([MAIN('100'), keySourceOf('family', null)]), T0 + 26 * H)).toBeNull();
  });

  it('adds what it records to what it knows, without reading the file again', async () => {
    const { fs, history } = setup();
    await loaded(history);
    await history.record(portfolioOf([MAIN('100')]), T0);
    await history.record(portfolioOf([MAIN('100'), FAMILY('50')]), T0 + H);
    fs.files.delete(PATH);
    expect(history.knownChange(portfolioOf([MAIN('120')]), T0 + 2 * H)).toMatchObject({ fromTotal: '100', amount: '20', partial: true });
    expect(history.knownChange(portfolioOf([MAIN('120'), FAMILY('50')]), T0 + 2 * H)).toMatchObject({ fromTotal: '150', amount: '20' });
    // The point being shown, recorded at `at`, is not its own earlier point.
    expect(history.knownChange(portfolioOf([MAIN('100')]), T0)).toBeNull();
  });

  it("breaks the chart's line where the sources changed, however close the points, and sends no fingerprint", async () => {
    const { history } = setup({ now: T0 + 10 * MIN });
    for (let i = 0; i < 6; i += 1) {
      const sources = i < 3 ? [MAIN('100')] : [MAIN('100'), FAMILY('50')];
      await history.record(portfolioOf(sources), T0 + i * MIN);
    }
    const result = await history.view({ currency: 'USDT', range: '24h' }, { now: T0 + 10 * MIN, refreshIntervalMs: MIN });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.points.map((p) => p.total)).toEqual(['100', '100', '100', '150', '150', '150']);
    expect(result.value.gaps).toEqual([3]);
    expect(result.value.points[0]).toEqual({ at: T0, currency: 'USDT', total: '100' });
    expect(result.value.high).toEqual({ at: T0 + 3 * MIN, currency: 'USDT', total: '150' });
    expect(await history.view({ currency: 'BTC', range: '24h' }, { now: T0, refreshIntervalMs: MIN })).toMatchObject({
      ok: true,
      value: { points: [], last: null },
    });
  });

  it('breaks the line between sent points when the change lies among points the chart leaves out', async () => {
    const { history } = setup({ now: T0 + 2000 * MIN });
    const a = [MAIN('100')];
    const b = [MAIN('100'), FAMILY('0')];
    // 1 500 one-minute points, thinned to ~500 for the chart; the set changes for one minute in the middle.
    for (let i = 0; i < 1500; i += 1) await history.record(portfolioOf(i === 700 ? b : a), T0 + i * MIN);
    const result = await history.view({ currency: 'USDT', range: '7d' }, { now: T0 + 2000 * MIN, refreshIntervalMs: MIN });
    if (!result.ok) throw new Error('view failed');
    const { points, gaps } = result.value;
    expect(points.length).toBeLessThan(1500);
    const before = points.findIndex((p) => p.at > T0 + 700 * MIN) - 1;
    // The break lies at the sent point after minute 700, and at 701 too if 700 itself was sent.
    expect(gaps.length).toBeGreaterThanOrEqual(1);
    expect(gaps).toContain(points[before]!.at === T0 + 700 * MIN ? before : before + 1);
  });

  it('keeps the fingerprints through compaction (the last point of each minute, whichever set it counts)', async () => {
    const { fs, history } = setup({ slack: 0, now: T0 + 3 * H });
    const at = [T0, T0 + 30_000, T0 + MIN, T0 + MIN + 30_000];
    for (let i = 0; i < 4; i += 1) await history.record(portfolioOf(i < 2 ? [MAIN(`${i}`)] : [MAIN(`${i}`), FAMILY('1')]), at[i]!);
    const lines = (fs.files.get(PATH) ?? '').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\{"compacted":\d+,"kept":2\}$/);
    expect(lines.slice(1).map(parseCombinedLine)).toEqual([
      { at: T0 + 30_000, currency: 'USDT', total: '1', sources: sourceSetFingerprint([MAIN('0')]) },
      { at: T0 + MIN + 30_000, currency: 'USDT', total: '4', sources: sourceSetFingerprint([MAIN('0'), FAMILY('0')]) },
    ]);
    const view = await history.view({ currency: 'USDT', range: '24h' }, { now: T0 + 3 * H, refreshIntervalMs: MIN });
    expect(view).toMatchObject({ ok: true, value: { gaps: [1] } });
  });

  it('skips hostile and foreign lines, a torn tail included, and stores only its four fields', async () => {
    const { fs, history } = setup();
    const fp = sourceSetFingerprint([MAIN('0')]);
    const good: CombinedPoint = { at: T0, currency: 'USDT', total: '5', sources: fp };
    fs.files.set(
      PATH,
      [
        `{"at":${T0 - 1},"currency":"USDT","total":"9"}`,
        `{"at":${T0 - 2},"currency":"USDT","total":"9","sources":"NOTHEX"}`,
        `{"at":${T0 - 3},"currency":"XXX","total":"9","sources":"${fp}"}`,
        `{"at":-1,"currency":"USDT","total":"9","sources":"${fp}"}`,
        `{"at":${T0 - 4},"currency":"USDT","total":"1e9","sources":"${fp}"}`,
        '[1,2,3]',
        'not json',
        formatCombinedLine(good).trimEnd(),
        `{"sources":"${fp}","total":"6","currency":"USDT","at":${T0 + 1},"extra":true}`,
        `{"at":${T0 + 2},"currency":"USDT","total":"7","sour`,
      ].join('\n'),
    );
    expect(await history.view({ currency: 'USDT', range: 'all' }, { now: T0 + H, refreshIntervalMs: MIN })).toMatchObject({
      ok: true,
      value: { total: 2, last: { at: T0 + 1, total: '6' } },
    });
    // An account reader given this file sees its points, without fingerprints; an account line is not a combined one.
    expect(parseHistoryLine(formatCombinedLine(good).trimEnd())).toEqual({ at: T0, currency: 'USDT', total: '5' });
    expect(parseCombinedLine(`{"at":${T0},"currency":"USDT","total":"5"}`)).toBeNull();
    const sneaky = { ...good, secret: 'S3CR3T' } as CombinedPoint;
    expect(formatCombinedLine(sneaky)).not.toContain('S3CR3T');
    // The torn tail gets its newline before the next append.
    await history.record(portfolioOf([MAIN('8')]), T0 + 3);
    expect((fs.files.get(PATH) ?? '').split('\n').at(-2)).toBe(formatCombinedLine({ ...good, at: T0 + 3, total: '8' }).trimEnd());
  });

  it('forgets everything on clear', async () => {
    const { fs, history, onChange } = setup();
    await loaded(history);
    await history.record(portfolioOf([MAIN('100')]), T0);
    await history.clear();
    expect(fs.files.has(PATH)).toBe(false);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(history.knownChange(portfolioOf([MAIN('120')]), T0 + H)).toBeNull();
  });

  it('answers a failed read as an error value, and tries loading again later', async () => {
    const { fs, history } = setup();
    fs.files.set(PATH, '');
    const read = vi.spyOn(fs, 'readText').mockRejectedValue(new Error('EIO'));
    expect(await history.view({ currency: 'USDT', range: '24h' }, { now: T0, refreshIntervalMs: MIN })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', params: { reason: 'history-read' } },
    });
    expect(history.knownChange(portfolioOf([MAIN('1')]), T0)).toBeUndefined();
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    read.mockRestore();
    await loaded(history);
  });
});

describe('the combined change, over any history (property)', () => {
  it('is always against the newest point of the same sources at or before 24 h earlier, else its oldest', async () => {
    const random = seededRandom(25);
    const sets: Source[][] = [[MAIN('0')], [MAIN('0'), FAMILY('0')], [MAIN('0'), subSourceOf('3', '0')]];
    for (let run = 0; run < 30; run += 1) {
      const { history } = setup({ slack: 100_000 });
      await loaded(history);
      const written: { at: number; set: number; total: string }[] = [];
      let at = T0;
      for (let i = 0; i < 40; i += 1) {
        at += Math.floor(random() * 4 * H);
        const set = Math.floor(random() * sets.length);
        const total = String(Math.floor(random() * 1000));
        const sources = sets[set]!.map((s) => ({
          ...s,
          total: { currency: 'USDT' as const, amount: s.id === 'key:default' ? total : '0' },
        }));
        await history.record(portfolioOf(sources), at);
        written.push({ at, set, total });
      }
      const now = at + Math.floor(random() * 30 * H);
      for (let set = 0; set < sets.length; set += 1) {
        const mine = written.filter((w) => w.set === set && w.at < now);
        const atOrBefore = mine.filter((w) => w.at <= now - 24 * H).at(-1);
        const expected = atOrBefore ?? mine[0];
        const change = history.knownChange(portfolioOf(sets[set]!), now);
        if (expected === undefined) expect(change).toBeNull();
        else expect(change).toMatchObject({ from: expected.at, fromTotal: expected.total, partial: atOrBefore === undefined });
      }
    }
  });
});
