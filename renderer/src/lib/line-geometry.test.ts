import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/balance.js';
import { changeWindow, lineGeometry, linePath } from './line-geometry.js';

const pt = (at: number, total: string): HistoryPoint => ({ at, currency: 'USDT', total });
const BOX = { width: 100, height: 20, padY: 2 };

describe('lineGeometry', () => {
  it('spans the width by time and the padded height by value, the high at the top', () => {
    const g = lineGeometry([pt(1_000, '5'), pt(2_000, '15'), pt(3_000, '10')], BOX);
    expect([g.x(1_000), g.x(2_000), g.x(3_000)]).toEqual([0, 50, 100]);
    expect([g.y('15'), g.y('5'), g.y('10')]).toEqual([2, 18, 10]);
  });

  it('puts one value, or one time, in the middle instead of dividing by zero', () => {
    const flat = lineGeometry([pt(1_000, '7'), pt(9_000, '7')], BOX);
    expect(flat.y('7')).toBe(10);
    const instant = lineGeometry([pt(5_000, '1'), pt(5_000, '2')], BOX);
    expect(instant.x(5_000)).toBe(50);
  });
});

describe('linePath', () => {
  it('starts a new run after each gap', () => {
    const points = [pt(0, '0'), pt(1, '1'), pt(2, '0'), pt(3, '1')];
    const g = lineGeometry(points, BOX);
    expect(linePath(points, [2], g)).toBe('M0.0,18.0 L33.3,2.0 M66.7,18.0 L100.0,2.0');
    expect(linePath(points, [], g).match(/M/g)).toHaveLength(1);
  });
});

describe('changeWindow', () => {
  const MIN = 60_000;
  const day = { points: [pt(10 * MIN, '100'), pt(11 * MIN, '101'), pt(12 * MIN, '99'), pt(20 * MIN, '98')], gaps: [3] };

  it('starts at the point the change is measured against, put first when the day view does not hold it', () => {
    const w = changeWindow(day, { from: 9 * MIN, fromTotal: '105' }, MIN);
    expect(w.points.map((p) => [p.at, p.total])).toEqual([
      [9 * MIN, '105'],
      [10 * MIN, '100'],
      [11 * MIN, '101'],
      [12 * MIN, '99'],
      [20 * MIN, '98'],
    ]);
    // The day's own break moves with its points; base and first point are one refresh apart: no break.
    expect(w.gaps).toEqual([4]);
  });

  it('breaks the line after the base point when more than three refreshes separate them', () => {
    expect(changeWindow(day, { from: 5 * MIN, fromTotal: '105' }, MIN).gaps).toEqual([1, 4]);
    // A five-minute refresh interval makes the same distance ordinary.
    expect(changeWindow(day, { from: 5 * MIN, fromTotal: '105' }, 5 * MIN).gaps).toEqual([4]);
  });

  it('leaves out points older than the base (a change since the oldest point is the whole window), keeping its breaks', () => {
    const w = changeWindow(day, { from: 11 * MIN, fromTotal: '101' }, MIN);
    expect(w.points.map((p) => p.at)).toEqual([11 * MIN, 12 * MIN, 20 * MIN]);
    expect(w.gaps).toEqual([2]);
  });

  it('is empty when every point of the view is older than the base', () => {
    expect(changeWindow(day, { from: 21 * MIN, fromTotal: '1' }, MIN)).toEqual({ points: [], gaps: [] });
  });
});
