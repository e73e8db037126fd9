// Where a history's points sit in an SVG box, shared by the history chart and the sparkline.
// Values feed geometry only: every figure printed anywhere is Gate's exact string.
import type { HistoryPoint } from '../../../shared/balance.js';

/** Maps a point's time and total to the box's x and y. */
export interface LineGeometry {
  readonly x: (at: number) => number;
  readonly y: (total: string) => number;
}

/** The box in viewBox units; `padY` keeps the extremes off the top and bottom edges. */
export interface LineBox {
  readonly width: number;
  readonly height: number;
  readonly padY: number;
}

/** x by time over the points' span, y by value over their range; one time or one value sits in the middle. */
export function lineGeometry(points: readonly HistoryPoint[], box: LineBox): LineGeometry {
  const ats = points.map((p) => p.at);
  const ys = points.map((p) => Number(p.total));
  const x0 = Math.min(...ats);
  const x1 = Math.max(...ats);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const { width, height, padY } = box;
  return {
    x: (at) => (x1 === x0 ? width / 2 : ((at - x0) / (x1 - x0)) * width),
    y: (total) => (y1 === y0 ? height / 2 : padY + (1 - (Number(total) - y0) / (y1 - y0)) * (height - 2 * padY)),
  };
}

/** One `M…L…` run per stretch without a gap: the line breaks where the app was not running. */
export function linePath(points: readonly HistoryPoint[], gaps: readonly number[], g: LineGeometry): string {
  const breaks = new Set(gaps);
  return points.map((p, i) => `${i === 0 || breaks.has(i) ? 'M' : 'L'}${g.x(p.at).toFixed(1)},${g.y(p.total).toFixed(1)}`).join(' ');
}
