/**
 * The donut of positive accounts with its legend. Hovering or focusing a legend row (or
 * hovering a slice) highlights both. In privacy mode the slices would still give the
 * shares away, so a plain ring is drawn instead.
 */
import { useState } from 'react';
import { Pie, PieChart, Sector, type PieSectorShapeProps } from 'recharts';
import type { Currency } from '../../../shared/balance.js';
import { displayAmount, displayShare, exactMoney } from '../../../shared/present/amounts.js';
import { formatList } from '../../../shared/present/message-words.js';
import { OTHER_KEY, type Slice } from '../lib/slices.js';
import { useWords } from '../lib/words.js';
import { Breakable } from './Breakable.js';

/** Props: the slices (shares add to 100.00), currency for formatting, privacy, motion. */
export interface BreakdownChartProps {
  readonly slices: readonly Slice[];
  readonly currency: Currency;
  readonly privacy: boolean;
  readonly reducedMotion: boolean;
  /** Activating a one-account slice or its legend entry opens that account's holdings. */
  readonly onOpenAccount?: (account: string) => void;
  /** What activating a row opens, for screen readers; "its coins" when absent. */
  readonly openHint?: string;
  /** What the pie's centre counts ("accounts" when absent; the "By source" pie counts sources). */
  readonly countWord?: (count: number) => string;
}

const SIZE = 100;
/**
 * Amounts longer than this (characters as shown, e.g. "1,234,567.89") go under their account's
 * name instead of beside it; the legend's column is too narrow for name, amount and share then.
 */
const ONE_LINE_AMOUNT = 12;

interface Datum {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly fill: string;
}

/** Pie + legend. */
export function BreakdownChart({ slices, currency, privacy, reducedMotion, onOpenAccount, openHint, countWord }: BreakdownChartProps) {
  const words = useWords();
  // "Other" groups several accounts: it has no single account to open.
  const accountOf = (key: string | undefined): string | null => {
    const slice = slices.find((s) => s.key === key);
    return slice !== undefined && slice.members.length === 1 ? (slice.members[0]?.name ?? null) : null;
  };
  const open = (key: string | undefined): void => {
    const account = accountOf(key);
    if (account !== null) onOpenAccount?.(account);
  };
  const [active, setActive] = useState<string | null>(null);
  const activeSlice = slices.find((s) => s.key === active) ?? null;
  const accounts = slices.reduce((n, s) => n + s.members.length, 0);
  // Geometry only: the angle of a slice is its exact two-decimal share read as a number.
  const data: Datum[] = slices.map((s) => ({
    key: s.key,
    label: s.label,
    value: Math.max(Number(s.share), 0.01),
    fill: s.colour,
  }));
  const item = (label: string, share: string): string =>
    words.t('breakdown.chart-item', { account: label, share: displayShare(words, share, false) });
  const described = privacy
    ? words.t('breakdown.chart-private', { count: slices.length })
    : words.t('breakdown.chart-described', {
        list: formatList(
          words,
          slices.map((s) => item(s.label, s.share)),
        ),
      });

  const shape = (props: PieSectorShapeProps) => {
    // recharts hands the React key inside the props; it must not be spread into JSX.
    const { key: _reactKey, ...sector } = props as PieSectorShapeProps & { key?: unknown };
    const name = (sector.payload as Datum | undefined)?.key;
    const dim = active !== null && name !== active;
    return <Sector {...sector} opacity={dim ? 0.3 : 1} />;
  };

  const amounts = slices.map((s) => displayAmount(words, s.amount, currency, { privacy }));
  const stacked = amounts.some((a) => a.length > ONE_LINE_AMOUNT);
  return (
    <div className="chart-block" data-testid="breakdown-chart">
      <div className="chart" role="img" aria-label={described} style={{ width: SIZE, height: SIZE }}>
        {privacy ? (
          <div className="ring-placeholder" data-testid="chart-masked" />
        ) : (
          <PieChart width={SIZE} height={SIZE} accessibilityLayer={false}>
            <Pie
              data={data}
              dataKey="value"
              nameKey="label"
              innerRadius={32}
              outerRadius={49}
              paddingAngle={slices.length > 1 ? 1 : 0}
              startAngle={90}
              endAngle={-270}
              stroke="none"
              isAnimationActive={!reducedMotion}
              animationBegin={0}
              animationDuration={400}
              rootTabIndex={-1}
              shape={shape}
              onMouseEnter={(d) => setActive((d.payload as Datum | undefined)?.key ?? null)}
              onMouseLeave={() => setActive(null)}
              onClick={(d) => open((d.payload as Datum | undefined)?.key)}
            />
          </PieChart>
        )}
        <div className="chart-centre" aria-hidden="true">
          {activeSlice !== null ? (
            <>
              <strong>{displayShare(words, activeSlice.share, privacy)}</strong>
              <span>{activeSlice.label}</span>
            </>
          ) : (
            <>
              <strong>{accounts}</strong>
              <span>{countWord ? countWord(accounts) : words.t('breakdown.accounts', { count: accounts })}</span>
            </>
          )}
        </div>
      </div>
      {/* One line per account (name, amount, share), so eight fit beside the pie; long amounts go under the name. */}
      <ul className={`legend${stacked ? ' legend-stacked' : ''}`} aria-label={words.t('breakdown.legend')} data-testid="legend">
        {slices.map((s, i) => (
          <li
            key={s.key}
            tabIndex={0}
            className={`legend-item${active === s.key ? ' active' : ''}`}
            data-testid={`legend-${s.key === OTHER_KEY ? '__other__' : (s.members[0]?.name ?? '')}`}
            onMouseEnter={() => setActive(s.key)}
            onMouseLeave={() => setActive(null)}
            onFocus={() => setActive(s.key)}
            onBlur={() => setActive(null)}
            onClick={() => open(s.key)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              open(s.key);
            }}
            aria-description={onOpenAccount && accountOf(s.key) !== null ? (openHint ?? words.t('breakdown.open-hint')) : undefined}
            title={privacy ? undefined : s.members.length > 1 ? s.members.map((m) => item(m.label, m.share)).join('\n') : s.label}
          >
            {/* Masked, the ring is plain: a colour would point at a slice that is not drawn. */}
            <span className="swatch" style={privacy ? undefined : { background: s.colour }} aria-hidden="true" />
            <span className="legend-label">{s.label}</span>
            <span className="legend-amount" data-testid="legend-amount" title={exactMoney(words, s.amount, currency, privacy)}>
              <Breakable text={amounts[i] ?? ''} />
            </span>
            <span className="legend-share" data-testid="legend-share">
              {displayShare(words, s.share, privacy)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
