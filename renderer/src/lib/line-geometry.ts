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

/** The part of a history a sparkline draws: its points (oldest first) and where the line breaks. */
export interface LineWindow {
  readonly points: readonly HistoryPoint[];
  /** Indices i where the line breaks between points i-1 and i. */
  readonly gaps: readonly number[];
}

const MINUTE_MS = 60_000;

/** The point a change is measured against: its time (epoch ms) and Gate's total then. */
export interface ChangeBase {
  readonly from: number;
  readonly fromTotal: string;
}

/**
 * The stretch of `day` (the last 24 hours' view) that the change figure covers: from the point
 * the change is measured against to the newest. That point is usually a little older than the
 * 24 hours (the newest at or before them), so it is put first when the view does not hold it;
 * the line breaks between it and the next point when they are further apart than three
 * refreshes (`intervalMs`), as the history view breaks its own line. Points older than it
 * (a partial change, measured since the oldest point) are left out.
 */
export function changeWindow(day: LineWindow, base: ChangeBase, intervalMs: number): LineWindow {
  const start = day.points.findIndex((p) => p.at >= base.from);
  if (start < 0) return { points: [], gaps: [] };
  const kept = day.points.slice(start);
  const keptGaps = day.gaps.filter((i) => i > start).map((i) => i - start);
  const first = kept[0]!;
  if (first.at === base.from) return { points: kept, gaps: keptGaps };
  const basePoint: HistoryPoint = { at: base.from, currency: first.currency, total: base.fromTotal };
  const breakAfterBase = first.at - base.from > 3 * Math.max(MINUTE_MS, intervalMs);
  return { points: [basePoint, ...kept], gaps: [...(breakAfterBase ? [1] : []), ...keptGaps.map((i) => i + 1)] };
}
