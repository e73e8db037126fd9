import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/balance.js';
import { lineGeometry, linePath } from './line-geometry.js';

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
