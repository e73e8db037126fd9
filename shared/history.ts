/**
 * Net-worth history as pure functions: how the stored history is thinned so it stays bounded
 * (core applies it when it compacts the file), and what a chart of one range receives (points
 * thinned to a bounded count that still spans the whole range, its high, low and last, and where
 * the line must break because the app was not running).
 */
import type { Currency, HistoryPoint } from './balance.js';
import { compareDecimals } from './decimal.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The last point of each clock minute is kept this long (Gate caches the figure for up to a
 * minute, so nothing finer carries information).
 */
const KEEP_MINUTES_MS = 48 * HOUR_MS;
/** Then the last point of each local hour, up to this age; the last of each local day after. */
const KEEP_HOURLY_MS = 90 * DAY_MS;

/** The ranges a chart (and `gate-glance history --range`) offers. */
export const HISTORY_RANGES = ['24h', '7d', '30d', 'all'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

/** Narrows untrusted input to a HistoryRange. */
export function isHistoryRange(value: unknown): value is HistoryRange {
  return typeof value === 'string' && (HISTORY_RANGES as readonly string[]).includes(value);
}

const RANGE_MS: Readonly<Record<HistoryRange, number>> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  all: Number.POSITIVE_INFINITY,
};

/** The local time zone's offset from UTC at an instant, ms (UTC+8 → 28 800 000). */
export type LocalOffset = (at: number) => number;

/** Oldest first; points at the same instant keep their order (stable sort). */
export function sortPoints<P extends HistoryPoint>(points: readonly P[]): P[] {
  return [...points].sort((a, b) => a.at - b.at);
}

/**
 * The points a compacted history file keeps, oldest first: the last point of each clock minute
 * of the last 48 hours, then the last point of each local hour up to 90 days, then the last of
 * each local day. Each currency is thinned on its own, and points of different buckets are never
 * merged: every minute, hour or day that had a point keeps one, so thinning a thinned history
 * changes nothing. Points dated after `now` (a clock that was ahead) are kept as they are.
 */
export function thinHistory<P extends HistoryPoint>(points: readonly P[], now: number, localOffset: LocalOffset): P[] {
  const sorted = sortPoints(points);
  const kept: P[] = [];
  // Per currency, bucket → index in `kept` of the bucket's latest point so far (sorted: the later
  // replaces). A bucket is a number: its minute, hour or day index × 3 + its tier.
  const buckets = new Map<Currency, Map<number, number>>();
  let ordered = true;
  for (const point of sorted) {
    const age = now - point.at;
    if (age < 0) {
      kept.push(point);
      continue;
    }
    let bucket: number;
    if (age <= KEEP_MINUTES_MS) {
      // Every zone in use today is offset from UTC by whole minutes: a UTC minute is a local one.
      bucket = Math.floor(point.at / MINUTE_MS) * 3;
    } else {
      const local = point.at + localOffset(point.at);
      bucket = age <= KEEP_HOURLY_MS ? Math.floor(local / HOUR_MS) * 3 + 1 : Math.floor(local / DAY_MS) * 3 + 2;
    }
    let mine = buckets.get(point.currency);
    if (mine === undefined) buckets.set(point.currency, (mine = new Map()));
    const index = mine.get(bucket);
    if (index === undefined) {
      mine.set(bucket, kept.length);
      kept.push(point);
    } else {
      // Another currency's point may sit between: then the later one takes an earlier place.
      if (index !== kept.length - 1) ordered = false;
      kept[index] = point;
    }
  }
  return ordered ? kept : sortPoints(kept);
}

/** The spacing a history of this age has at most, when the app ran the whole time (ms). */
function expectedSpacingMs(ageMs: number, refreshIntervalMs: number): number {
  if (ageMs <= KEEP_MINUTES_MS) return Math.max(MINUTE_MS, refreshIntervalMs);
  if (ageMs <= KEEP_HOURLY_MS) return HOUR_MS;
  return DAY_MS;
}

/**
 * The points of `range` ending `now`, oldest first. Points dated after `now` (a clock that
 * jumped back) are left out here as everywhere the history is read.
 */
export function pointsInRange<P extends HistoryPoint>(points: readonly P[], range: HistoryRange, now: number): P[] {
  const from = now - RANGE_MS[range];
  return sortPoints(points.filter((p) => p.at <= now && p.at >= from));
}

/** What a chart of one range receives. */
export interface HistoryView {
  readonly range: HistoryRange;
  /** Oldest first, at most `maxPoints`, spanning the whole range (never only its newest part). */
  readonly points: readonly HistoryPoint[];
  /** Indices i where the line breaks between points i-1 and i: no point for > 3× the expected spacing. */
  readonly gaps: readonly number[];
  /** Over every point of the range, not only the ones sent. Null when the range has none. */
  readonly high: HistoryPoint | null;
  readonly low: HistoryPoint | null;
  readonly last: HistoryPoint | null;
  /** How many points the range holds before thinning. */
  readonly total: number;
}

/** About this many points reach a chart; a 360 px popover cannot show more. */
const VIEW_MAX_POINTS = 500;

/**
 * Min and max of each of ⌊(max−2)/2⌋ equal time buckets, plus the first and last point: at most
 * `max` points that keep every peak and trough visible and span the whole range.
 */
function downsample(points: readonly HistoryPoint[], max: number): { indices: number[]; bucketMs: number } {
  if (points.length <= max) return { indices: points.map((_, i) => i), bucketMs: 0 };
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const count = Math.max(1, Math.floor((max - 2) / 2));
  const span = Math.max(1, last.at - first.at);
  const bucketMs = span / count;
  const chosen = new Set<number>([0, points.length - 1]);
  let start = 0;
  for (let b = 0; b < count && start < points.length; b += 1) {
    const end = b === count - 1 ? last.at + 1 : first.at + (b + 1) * bucketMs;
    let lo = -1;
    let hi = -1;
    let i = start;
    for (; i < points.length && points[i]!.at < end; i += 1) {
      if (lo < 0 || compareDecimals(points[i]!.total, points[lo]!.total) < 0) lo = i;
      if (hi < 0 || compareDecimals(points[i]!.total, points[hi]!.total) > 0) hi = i;
    }
    if (lo >= 0) chosen.add(lo);
    if (hi >= 0) chosen.add(hi);
    start = i;
  }
  return { indices: [...chosen].sort((a, b) => a - b), bucketMs };
}

/** Options of `historyView`. */
export interface HistoryViewOptions<P extends HistoryPoint = HistoryPoint> {
  readonly now: number;
  /** The app's refresh interval: the expected spacing of the last 48 hours (default one minute). */
  readonly refreshIntervalMs?: number;
  readonly maxPoints?: number;
  /**
   * True where the line must break between two consecutive points whatever their spacing (the
   * combined series: its sources changed). A change between two points the view leaves out breaks
   * the line between the sent points around it.
   */
  readonly breaksBetween?: (earlier: P, later: P) => boolean;
}

/**
 * The chart's view of one currency's history over `range` ending now. Points dated after `now`
 * (a clock that jumped back) are left out, like everywhere else that reads the history.
 */
export function historyView<P extends HistoryPoint>(
  points: readonly P[],
  range: HistoryRange,
  options: HistoryViewOptions<P>,
): HistoryView {
  const { now } = options;
  const inRange = pointsInRange(points, range, now);
  let high: HistoryPoint | null = null;
  let low: HistoryPoint | null = null;
  for (const p of inRange) {
    if (high === null || compareDecimals(p.total, high.total) > 0) high = p;
    if (low === null || compareDecimals(p.total, low.total) < 0) low = p;
  }
  const { indices, bucketMs } = downsample(inRange, Math.max(4, options.maxPoints ?? VIEW_MAX_POINTS));
  const sent = indices.map((i) => inRange[i]!);
  // breaks[k]: how many forced breaks lie between inRange[0] and inRange[k] (a running count).
  const breaks: number[] = [0];
  for (let k = 1; k < inRange.length; k += 1) breaks.push(breaks[k - 1]! + (options.breaksBetween?.(inRange[k - 1]!, inRange[k]!) ? 1 : 0));
  const interval = options.refreshIntervalMs ?? MINUTE_MS;
  const gaps: number[] = [];
  for (let i = 1; i < sent.length; i += 1) {
    const spacing = Math.max(expectedSpacingMs(now - sent[i]!.at, interval), expectedSpacingMs(now - sent[i - 1]!.at, interval), bucketMs);
    if (sent[i]!.at - sent[i - 1]!.at > 3 * spacing || breaks[indices[i]!]! > breaks[indices[i - 1]!]!) gaps.push(i);
  }
  return { range, points: sent, gaps, high, low, last: inRange.at(-1) ?? null, total: inRange.length };
}

/**
 * Indices of the points with a gap (or an end of the view) on both sides. No line reaches them,
 * so a chart draws each as a dot; otherwise a point alone after a gap (the first refresh after
 * the computer slept) would not be drawn at all.
 */
export function lonePoints(count: number, gaps: readonly number[]): number[] {
  const breaks = new Set(gaps);
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) if ((i === 0 || breaks.has(i)) && (i === count - 1 || breaks.has(i + 1))) out.push(i);
  return out;
}
