/**
 * The last 24 hours of the local net-worth history as a small inline SVG line next to the
 * change (no chart library needed). A gap in the history (the app was not running) breaks the
 * line instead of bridging it. Values feed geometry only; no amount is printed here.
 */
import type { HistoryPoint } from '../../../shared/balance.js';
import { shortDateTime } from '../../../shared/present/dates.js';
import { useWords } from '../lib/words.js';

/** Props: the points (oldest first), where the line breaks, and privacy. */
export interface SparklineProps {
  readonly points: readonly HistoryPoint[];
  /** Indices i where the line breaks between points i-1 and i (`HistoryView.gaps`). */
  readonly gaps: readonly number[];
  /** Privacy mode hides the line's shape too: it alone tells how the money moved. */
  readonly privacy: boolean;
}

const W = 96;
const H = 24;

/** The SVG path: a new `M` after each gap. Flat lines sit in the middle. */
function sparklinePath(points: readonly HistoryPoint[], gaps: readonly number[]): string {
  if (points.length < 2) return '';
  const breaks = new Set(gaps);
  const xs = points.map((p) => p.at);
  const ys = points.map((p) => Number(p.total)); // geometry only
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const pad = 2;
  const sx = (x: number) => (x1 === x0 ? 0 : ((x - x0) / (x1 - x0)) * W);
  const sy = (y: number) => (y1 === y0 ? H / 2 : pad + (1 - (y - y0) / (y1 - y0)) * (H - 2 * pad));
  return points.map((p, i) => `${i === 0 || breaks.has(i) ? 'M' : 'L'}${sx(p.at).toFixed(1)},${sy(ys[i] ?? 0).toFixed(1)}`).join(' ');
}

/** The 24-hour line, or nothing with fewer than two points. */
export function Sparkline({ points, gaps, privacy }: SparklineProps) {
  const words = useWords();
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < 2) return null;
  if (privacy) {
    // Same room, no shape: the layout does not jump when privacy is switched.
    return (
      <svg className="sparkline sparkline-hidden" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={words.t('history.hidden')} data-testid="sparkline">
        <path d={`M0,${H / 2} L${W},${H / 2}`} fill="none" stroke="currentColor" strokeWidth="1" strokeDasharray="2 3" vectorEffect="non-scaling-stroke" />
      </svg>
    );
  }
  const label = words.t('history.points', { count: points.length, from: shortDateTime(words, first.at), to: shortDateTime(words, last.at) });
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="sparkline">
      <path d={sparklinePath(points, gaps)} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
