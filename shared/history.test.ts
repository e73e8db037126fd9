import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from './balance.js';
import { historyView, lonePoints, thinHistory } from './history.js';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const NOW = Date.UTC(2026, 2, 10, 12);
const pt = (at: number, total: string): HistoryPoint => ({ at, currency: 'USDT', total });

describe('historyView', () => {
  it('answers every point of a short range with its high, low and last', () => {
    const pts = [pt(NOW - 3 * H, '10'), pt(NOW - 2 * H, '30'), pt(NOW - H, '5'), pt(NOW - 30 * H, '1000')];
    const v = historyView(pts, '24h', { now: NOW });
    expect(v.points.map((p) => p.total)).toEqual(['10', '30', '5']);
    expect([v.high?.total, v.low?.total, v.last?.total, v.total]).toEqual(['30', '5', '5', 3]);
    expect(historyView(pts, 'all', { now: NOW }).high?.total).toBe('1000');
    expect(historyView([], '7d', { now: NOW })).toMatchObject({ points: [], high: null, low: null, last: null, gaps: [] });
  });

  it('thins a long range to at most 500 points that still span all of it, keeping its peak and trough', () => {
    const pts: HistoryPoint[] = [];
    for (let at = NOW - 30 * DAY; at <= NOW; at += 5 * MIN) pts.push(pt(at, String(1000 + Math.round(100 * Math.sin(at / DAY)))));
    pts[4000] = pt(pts[4000]!.at, '99999');
    pts[6000] = pt(pts[6000]!.at, '-5');
    const v = historyView(pts, '30d', { now: NOW, refreshIntervalMs: 5 * MIN });
    expect(pts.length).toBeGreaterThan(8000);
    expect(v.points.length).toBeLessThanOrEqual(500);
    expect(v.points.length).toBeGreaterThan(400);
    expect(v.points[0]).toEqual(pts[0]); // the oldest: not a cut tail
    expect(v.points.at(-1)).toEqual(pts.at(-1));
    expect(v.points.map((p) => p.total)).toContain('99999');
    expect(v.points.map((p) => p.total)).toContain('-5');
    expect([v.high?.total, v.low?.total, v.total]).toEqual(['99999', '-5', pts.length]);
    expect(v.gaps).toEqual([]);
    expect(v.points.every((p, i) => i === 0 || p.at > v.points[i - 1]!.at)).toBe(true);
  });

  it('breaks the line where no point came for more than 3× the expected spacing', () => {
    const pts = [
      pt(NOW - 10 * H, '1'),
      pt(NOW - 10 * H + MIN, '1'),
      pt(NOW - 10 * H + 3 * MIN, '1'),
      pt(NOW - 10 * H + 7 * MIN, '2'),
      pt(NOW - H, '3'),
    ];
    // 1 min, 2 min (≤ 3 min: no gap), 4 min (> 3 min: gap), 9 h (gap).
    expect(historyView(pts, '24h', { now: NOW }).gaps).toEqual([3, 4]);
    // With a 5-minute refresh interval a 4-minute spacing is normal.
    expect(historyView(pts, '24h', { now: NOW, refreshIntervalMs: 5 * MIN }).gaps).toEqual([4]);
    // Older history is hourly after thinning: 2 h apart is fine, 4 h is a gap.
    const old = [pt(NOW - 10 * DAY, '1'), pt(NOW - 10 * DAY + 2 * H, '1'), pt(NOW - 10 * DAY + 6 * H, '1')];
    expect(historyView(old, '30d', { now: NOW }).gaps).toEqual([2]);
  });

  it('leaves out points dated in the future', () => {
    expect(historyView([pt(NOW - H, '1'), pt(NOW + H, '2')], 'all', { now: NOW }).points).toEqual([pt(NOW - H, '1')]);
  });
});

describe('lonePoints', () => {
  it('names the points no line reaches: a gap, or an end of the view, on both sides', () => {
    // 0–1 a run; 2 alone between gaps; 3–4 a run; 5 alone at the end (the refresh after a sleep).
    expect(lonePoints(6, [2, 3, 5])).toEqual([2, 5]);
    expect(lonePoints(6, [])).toEqual([]);
    expect(lonePoints(1, [])).toEqual([0]);
    expect(lonePoints(3, [1, 2])).toEqual([0, 1, 2]);
    expect(lonePoints(0, [])).toEqual([]);
  });

  it('agrees with a view: after a night without points, the first refresh is alone', () => {
    const pts = [pt(NOW - 12 * H, '1'), pt(NOW - 12 * H + MIN, '2'), pt(NOW, '3')];
    const v = historyView(pts, '24h', { now: NOW });
    expect(v.gaps).toEqual([2]);
    expect(lonePoints(v.points.length, v.gaps)).toEqual([2]);
  });
});

describe('thinHistory', () => {
  it('keeps future points (a clock that was ahead) and sorts oldest first', () => {
    const pts = [pt(NOW + DAY, '2'), pt(NOW - 3 * DAY, '1')];
    expect(thinHistory(pts, NOW, () => 0)).toEqual([pt(NOW - 3 * DAY, '1'), pt(NOW + DAY, '2')]);
  });
});

describe('thinHistory keeps every minute', () => {
  const minutesOf = (pts: readonly HistoryPoint[]): number[] => [...new Set(pts.map((p) => Math.floor(p.at / MIN)))];

  it('keeps the last point of each clock minute of the last 48 h, however close the points (a status bar every 15 s)', () => {
    // 30 h every 15 s: 7,200 points in 1,800 minutes (an earlier fold kept 1 of them).
    const every15s = Array.from({ length: 7200 }, (_, i) => pt(NOW - 30 * H + i * 15_000, String(i)));
    const kept = thinHistory(every15s, NOW, () => 0);
    expect(kept).toHaveLength(1800);
    expect(minutesOf(kept)).toEqual(minutesOf(every15s));
    // The last of each minute: the fourth of its four points.
    expect(kept.every((p) => Number(p.total) % 4 === 3)).toBe(true);
  });

  it('never merges points of different minutes, even 59 s apart, or the app’s refreshes that land just under a minute apart', () => {
    const every59s = Array.from({ length: 1830 }, (_, i) => pt(NOW - 30 * H + i * 59_000, String(i)));
    expect(thinHistory(every59s, NOW, () => 0)).toHaveLength(minutesOf(every59s).length);
    // 60 s from each request's start, plus 80–400 ms of latency: no minute that had a point loses it.
    const app: HistoryPoint[] = [];
    for (let at = NOW - 47 * H, i = 0; at < NOW; at += 60_000, i += 1) app.push(pt(at + 80 + ((i * 7919) % 320), String(i)));
    const kept = thinHistory(app, NOW, () => 0);
    expect(minutesOf(kept)).toEqual(minutesOf(app));
    expect(kept).toHaveLength(app.length);
  });

  it('leaves a history an earlier version thinned too far as it is: nothing to repair, nothing more removed', () => {
    // What the old fold left: one point now and then within the 48 h, hourly and daily points beyond.
    const thinned = [
      pt(NOW - 200 * DAY + 5 * H, '1'),
      pt(NOW - 120 * DAY + 7 * H, '2'),
      pt(NOW - 30 * DAY + 3 * H + 59 * MIN, '3'),
      pt(NOW - 30 * DAY + 4 * H + 2 * MIN, '4'),
      pt(NOW - 40 * H + 17_000, '5'),
      pt(NOW - 34 * H, '6'),
      pt(NOW - 6 * MIN + 59_000, '7'),
      pt(NOW - 5 * MIN, '8'),
    ];
    expect(thinHistory(thinned, NOW, () => 8 * H)).toEqual(thinned);
    // Later compactions move points into coarser tiers as they age, and only there.
    const later = thinHistory(thinned, NOW + 3 * DAY, () => 8 * H);
    expect(later).toEqual(thinned.filter((p) => p.total !== '7'));
  });
});
