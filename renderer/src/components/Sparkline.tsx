/**
 * The last 24 hours of the local net-worth history as a small inline SVG line next to the
 * change (no chart library needed). A gap in the history (the app was not running) breaks the
 * line instead of bridging it, and a point alone between gaps is a dot. Values feed geometry
 * only; no amount is printed here.
 */
import type { HistoryPoint } from '../../../shared/balance.js';
import { lonePoints } from '../../../shared/history.js';
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

/** Where each point sits in the 96×24 box. Flat lines sit in the middle. */
function sparklineGeometry(points: readonly HistoryPoint[]): { x: (at: number) => number; y: (total: string) => number } {
  const xs = points.map((p) => p.at);
  const ys = points.map((p) => Number(p.total)); // geometry only
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const pad = 2;
  return {
    x: (at) => (x1 === x0 ? 0 : ((at - x0) / (x1 - x0)) * W),
    y: (total) => (y1 === y0 ? H / 2 : pad + (1 - (Number(total) - y0) / (y1 - y0)) * (H - 2 * pad)),
  };
}

/** The SVG path: a new `M` after each gap. */
function sparklinePath(points: readonly HistoryPoint[], gaps: readonly number[], g: ReturnType<typeof sparklineGeometry>): string {
  const breaks = new Set(gaps);
  return points.map((p, i) => `${i === 0 || breaks.has(i) ? 'M' : 'L'}${g.x(p.at).toFixed(1)},${g.y(p.total).toFixed(1)}`).join(' ');
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
  const g = sparklineGeometry(points);
  const label = words.t('history.points', { count: points.length, from: shortDateTime(words, first.at), to: shortDateTime(words, last.at) });
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="sparkline">
      <path d={sparklinePath(points, gaps, g)} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
      {lonePoints(points.length, gaps).map((i) => (
        <circle key={i} cx={g.x(points[i]!.at)} cy={g.y(points[i]!.total)} r="1.5" fill="currentColor" data-testid="sparkline-dot" />
      ))}
    </svg>
  );
}
