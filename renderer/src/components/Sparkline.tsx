/**
 * The local net-worth history as a small inline SVG line (no chart library needed), with
 * the CSV export next to it. Values feed geometry only; no amount is printed here.
 */
import type { HistoryPoint } from '../../../shared/balance.js';
import { shortDateTime } from '../../../shared/present/dates.js';
import { useWords } from '../lib/words.js';

/** Props: the points (oldest first) and the export action. */
export interface SparklineProps {
  readonly points: readonly HistoryPoint[];
  /** Privacy mode hides the line too: its shape alone tells how the money moved. */
  readonly privacy: boolean;
  readonly onExport: () => void;
}

const W = 200;
const H = 36;

/** Builds the SVG path; exported for tests. Flat lines sit in the middle. */
function sparklinePath(points: readonly HistoryPoint[], width = W, height = H): string {
  if (points.length < 2) return '';
  const xs = points.map((p) => p.at);
  const ys = points.map((p) => Number(p.total)); // geometry only
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const pad = 2;
  const sx = (x: number) => (x1 === x0 ? 0 : ((x - x0) / (x1 - x0)) * width);
  const sy = (y: number) => (y1 === y0 ? height / 2 : pad + (1 - (y - y0) / (y1 - y0)) * (height - 2 * pad));
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.at).toFixed(1)},${sy(ys[i] ?? 0).toFixed(1)}`).join(' ');
}

/** History line + "Export CSV". */
export function Sparkline({ points, privacy, onExport }: SparklineProps) {
  const words = useWords();
  const first = points[0];
  const last = points[points.length - 1];
  const label =
    first !== undefined && last !== undefined && points.length >= 2
      ? words.t('history.points', { count: points.length, from: shortDateTime(words, first.at), to: shortDateTime(words, last.at) })
      : words.t('history.too-few');
  return (
    <section className="history" aria-label={words.t('history.label')} data-testid="history">
      {privacy ? (
        <span className="muted sparkline-empty">{words.t('history.hidden')}</span>
      ) : points.length >= 2 ? (
        <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
          <path d={sparklinePath(points)} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
        </svg>
      ) : (
        <span className="muted sparkline-empty">{label}</span>
      )}
      <button type="button" className="link-button" data-testid="export-csv" onClick={onExport}>
        {words.t('history.export')}
      </button>
    </section>
  );
}
