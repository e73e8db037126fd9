/**
 * The history chart, opened from the main view under the total: one currency's local history
 * over 24 h / 7 d / 30 d / all (`history:get`, thinned by main to about 500 points that span the
 * range), two or three values labelled on its y-axis, its high, low and last under it, a readout
 * that follows the pointer and the arrow keys (the how-to sentence until then), and a table of
 * the same points. A stretch the app was not running (`view.gaps`) is a
 * break in the line, never a straight line across. Privacy mode shows none of it. Loaded
 * lazily: the first view's JavaScript does not carry it.
 */
import { useEffect, useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Currency, HistoryPoint } from '../../../shared/balance.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { HISTORY_RANGES, lonePoints, type HistoryRange, type HistoryView } from '../../../shared/history.js';
import type { HistoryQuery } from '../../../shared/ipc.js';
import { displayAmount, displayMoney } from '../../../shared/present/amounts.js';
import { shortDateTime } from '../../../shared/present/dates.js';
import { errorWords } from '../../../shared/present/error-words.js';
import type { Words } from '../../../shared/present/words.js';
import { lineGeometry, linePath } from '../lib/line-geometry.js';
import { useFocusOnOpen } from '../lib/use-focus-on-open.js';
import { useWords } from '../lib/words.js';
import { yAxisValues } from '../lib/y-axis.js';

/** What the chart shows and how it reaches main. */
export interface HistoryChartPanelProps {
  readonly currency: Currency;
  readonly privacy: boolean;
  /** The demo records no history, so its empty chart says so rather than "each refresh adds a point". */
  readonly demo?: boolean;
  /** Changes with each new balance, so the open chart takes the new point in. */
  readonly fetchedAt: number | null;
  readonly load: (query: HistoryQuery) => Promise<Result<HistoryView>>;
  readonly onBack: () => void;
  /** `combined`: the combined net worth of every source (a portfolio), with its breaks; absent: the first key's account. */
  readonly series?: 'combined';
}

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'view'; readonly view: HistoryView; readonly key: string }
  | { readonly kind: 'error'; readonly error: AppError; readonly key: string };

const RANGE_WORDS = {
  '24h': 'chart.range-24h',
  '7d': 'chart.range-7d',
  '30d': 'chart.range-30d',
  all: 'chart.range-all',
} as const satisfies Readonly<Record<HistoryRange, string>>;

const W = 336;
/** The plot's height, px (one viewBox unit each): high, low and last fit under it at 360×480. */
const H = 96;
/** Room above the high and below the low for the axis labels that sit on them. */
const PAD_Y = 8;
const BOX = { width: W, height: H, padY: PAD_Y } as const;

function pointWords(words: Words, point: HistoryPoint, currency: Currency): string {
  return words.t('chart.point', {
    time: shortDateTime(words, point.at),
    money: displayMoney(words, point.total, currency, { privacy: false }),
  });
}

/** The chart view. */
export function HistoryChartPanel({ currency, privacy, demo = false, fetchedAt, load, onBack, series }: HistoryChartPanelProps) {
  const words = useWords();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [range, setRange] = useState<HistoryRange>('24h');
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [active, setActive] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${currency} ${range} ${series ?? 'account'}`;

  useEffect(() => {
    let alive = true;
    void load({ currency, range, ...(series !== undefined ? { series } : {}) }).then((r) => {
      if (!alive) return;
      setLoaded(r.ok ? { kind: 'view', view: r.value, key } : { kind: 'error', error: r.error, key });
    });
    return () => {
      alive = false;
    };
  }, [currency, range, key, load, fetchedAt, attempt, series]);

  // What was loaded for another range or currency is not this chart's.
  const current = loaded.kind !== 'loading' && loaded.key === key ? loaded : null;
  const view = current?.kind === 'view' ? current.view : null;
  const points = view?.points ?? [];
  const g = points.length > 0 ? lineGeometry(points, BOX) : null;
  const shown = active !== null && active < points.length ? active : null;
  const focus = shown !== null ? points[shown] : undefined;

  const pickRange = (next: HistoryRange) => {
    setActive(null);
    setRange(next);
  };

  const onPointer = (event: PointerEvent<SVGSVGElement>) => {
    if (g === null) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = box.width === 0 ? 0 : ((event.clientX - box.left) / box.width) * W;
    let best = 0;
    points.forEach((p, i) => {
      if (Math.abs(g.x(p.at) - x) < Math.abs(g.x(points[best]!.at) - x)) best = i;
    });
    setActive(best);
  };

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (points.length === 0) return;
    const last = points.length - 1;
    const from = shown ?? last;
    const step = Math.max(1, Math.round(points.length / 10));
    const next: Record<string, number> = {
      ArrowLeft: from - 1,
      ArrowRight: from + 1,
      Home: 0,
      End: last,
      PageUp: from - step,
      PageDown: from + step,
    };
    const to = next[event.key];
    if (to === undefined) return;
    event.preventDefault();
    setActive(Math.min(last, Math.max(0, to)));
  };

  const marks =
    view !== null && g !== null
      ? ([
          ['high', view.high],
          ['low', view.low],
          ['last', view.last],
        ] as const)
      : [];

  return (
    <section className="chart-view" aria-labelledby={`${id}-title`} data-testid="chart-view">
      <div className="section-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {words.t('chart.title', { currency })}
        </h2>
        <button type="button" className="link-button" data-testid="chart-back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {words.t('chart.back')}
        </button>
      </div>
      {series === 'combined' ? (
        <p className="includes" data-testid="chart-combined" title={words.t('portfolio.history-combined')}>
          {words.t('portfolio.history-combined')}
        </p>
      ) : null}
      <div className="segmented ranges" role="group" aria-label={words.t('chart.ranges')} data-testid="chart-ranges">
        {HISTORY_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            className="segment"
            aria-pressed={r === range}
            data-testid={`range-${r}`}
            onClick={() => pickRange(r)}
          >
            {words.t(RANGE_WORDS[r])}
          </button>
        ))}
      </div>

      {privacy ? (
        <p className="muted" data-testid="chart-hidden">
          {words.t('history.hidden')}
        </p>
      ) : current === null ? (
        <div className="sk chart-skeleton" role="status" aria-label={words.t('chart.loading')} />
      ) : current.kind === 'error' ? (
        <div className="holdings-error" role="alert" data-testid="chart-error" data-code={current.error.code}>
          <p>{errorWords(words, current.error).message}</p>
          <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
            {words.t('panel.retry')}
          </button>
        </div>
      ) : points.length === 0 || g === null ? (
        <p className="muted" data-testid="chart-empty">
          {words.t(demo ? 'chart.empty-demo' : 'chart.empty')}
        </p>
      ) : (
        <>
          <div
            className="chart-plot"
            role="slider"
            tabIndex={0}
            aria-label={words.t('chart.label', { currency })}
            aria-valuemin={0}
            aria-valuemax={points.length - 1}
            aria-valuenow={shown ?? points.length - 1}
            aria-valuetext={pointWords(words, focus ?? points[points.length - 1]!, currency)}
            data-testid="chart-plot"
            onKeyDown={onKey}
            onBlur={() => setActive(null)}
          >
            <svg
              viewBox={`0 0 ${W} ${H}`}
              preserveAspectRatio="none"
              aria-hidden="true"
              onPointerMove={onPointer}
              onPointerLeave={() => setActive(null)}
            >
              <path
                className="chart-line"
                d={linePath(points, view!.gaps, g)}
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
                strokeLinecap="round"
                vectorEffect="non-scaling-stroke"
                data-testid="chart-line"
              />
              {lonePoints(points.length, view!.gaps).map((i) => (
                <circle
                  key={`lone-${i}`}
                  className="chart-dot"
                  cx={g.x(points[i]!.at)}
                  cy={g.y(points[i]!.total)}
                  r="2"
                  data-testid="chart-dot"
                />
              ))}
              {marks.map(([name, p]) =>
                p === null ? null : (
                  <circle key={name} className={`chart-mark chart-mark-${name}`} cx={g.x(p.at)} cy={g.y(p.total)} r="2.5" />
                ),
              )}
              {focus !== undefined ? (
                <line
                  className="chart-cursor"
                  x1={g.x(focus.at)}
                  x2={g.x(focus.at)}
                  y1={0}
                  y2={H}
                  vectorEffect="non-scaling-stroke"
                  data-testid="chart-cursor"
                />
              ) : null}
            </svg>
            {view!.high !== null && view!.low !== null ? (
              <div className="chart-y" aria-hidden="true">
                {yAxisValues(view!.low.total, view!.high.total, (v) =>
                  displayAmount(words, v, currency, { privacy: false, short: true }),
                ).map((tick) => (
                  <span
                    key={tick.text}
                    className="chart-y-tick"
                    style={{ top: `${Math.min(100, Math.max(0, (g.y(tick.value) / H) * 100))}%` }}
                    data-testid="chart-y-tick"
                  >
                    {tick.text}
                  </span>
                ))}
              </div>
            ) : null}
          </div>
          <div className="chart-axis muted">
            <span>{shortDateTime(words, points[0]!.at)}</span>
            <span>{shortDateTime(words, points[points.length - 1]!.at)}</span>
          </div>
          <dl className="chart-marks">
            {marks.map(([name, p]) =>
              p === null ? null : (
                <div key={name} data-testid={`chart-${name}`}>
                  <dt>{words.t(`chart.${name}`)}</dt>
                  <dd>
                    {displayMoney(words, p.total, currency, { privacy: false })} <span className="muted">{shortDateTime(words, p.at)}</span>
                  </dd>
                </div>
              ),
            )}
          </dl>
          <div className="chart-readout" aria-live="polite" data-testid="chart-readout">
            {focus !== undefined ? pointWords(words, focus, currency) : words.t('chart.hint')}
          </div>
          <details className="chart-table" data-testid="chart-table">
            <summary>
              {view!.total > points.length
                ? words.t('chart.table-thinned', { count: points.length, total: view!.total })
                : words.t('chart.table-summary', { count: points.length })}
            </summary>
            <table>
              <caption className="visually-hidden">{words.t('chart.label', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.t('chart.table-time')}</th>
                  <th scope="col" className="num">
                    {words.t('chart.table-total', { currency })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((p, i) => (
                  <tr key={`${p.at}-${i}`} className={view!.gaps.includes(i) ? 'after-gap' : undefined}>
                    <td>{shortDateTime(words, p.at)}</td>
                    <td className="num">{displayMoney(words, p.total, currency, { privacy: false })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
