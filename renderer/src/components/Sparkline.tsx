/**
 * The last 24 hours of the local net-worth history as a small inline SVG line next to the
 * change (no chart library needed). A gap in the history (the app was not running) breaks the
 * line instead of bridging it, and a point alone between gaps is a dot. Values feed geometry
 * only; no amount is printed here.
 */
import type { HistoryPoint } from '../../../shared/balance.js';
import { lonePoints } from '../../../shared/history.js';
import { shortDateTime } from '../../../shared/present/dates.js';
import { lineGeometry, linePath } from '../lib/line-geometry.js';
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
const BOX = { width: W, height: H, padY: 2 } as const;

/** The 24-hour line, or nothing with fewer than two points. */
export function Sparkline({ points, gaps, privacy }: SparklineProps) {
  const words = useWords();
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < 2) return null;
  if (privacy) {
    // Same room, no shape: the layout does not jump when privacy is switched.
    return (
      <svg
        className="sparkline sparkline-hidden"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={words.t('history.hidden')}
        data-testid="sparkline"
      >
        <path
          d={`M0,${H / 2} L${W},${H / 2}`}
          fill="none"
          stroke="currentColor"
          strokeWidth="1"
          strokeDasharray="2 3"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    );
  }
  const g = lineGeometry(points, BOX);
  const label = words.t('history.points', {
    count: points.length,
    from: shortDateTime(words, first.at),
    to: shortDateTime(words, last.at),
  });
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="sparkline">
      <path d={linePath(points, gaps, g)} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
      {lonePoints(points.length, gaps).map((i) => (
        <circle key={i} cx={g.x(points[i]!.at)} cy={g.y(points[i]!.total)} r="1.5" fill="currentColor" data-testid="sparkline-dot" />
      ))}
    </svg>
  );
}
