/**
 * "What changed since yesterday" as pure functions: the 24-hour change of a total against the
 * local history (exact decimals), and which colour a rise or a fall wears.
 */
import type { Currency, DecimalString, HistoryPoint } from './balance.js';
import { signedPercent, signOfDecimal, subtractDecimals } from './decimal.js';

const CHANGE_WINDOW_MS = 24 * 60 * 60_000;

/** The change of the total now against an earlier point of the same currency. */
export interface Change24h {
  /** Epoch ms of the earlier point. */
  readonly from: number;
  /** The earlier point's total (Gate's string). */
  readonly fromTotal: DecimalString;
  /** Total now minus total then, exact and canonical: `"-12.5"` for a loss, never a '+'. */
  readonly amount: DecimalString;
  /** `"+1.23"`, `"-1.23"` or `"0.00"`, relative to the earlier total; null when that total is ≤ 0. */
  readonly percent: string | null;
  /** True when the history does not reach back 24 hours: the change is since `from` only. */
  readonly partial: boolean;
  readonly direction: -1 | 0 | 1;
}

/**
 * The change of `current` against the history of its currency: the earlier point is the newest
 * one at or before 24 hours before `current.at`; when the history does not reach that far, the
 * oldest one (`partial`). Only points strictly before `current.at` count, so points dated in
 * the future (a clock that jumped back) and `current` itself, if already recorded, are ignored.
 * Null when there is no earlier point.
 */
export function change24h(
  points: readonly HistoryPoint[],
  current: { readonly currency: Currency; readonly at: number; readonly total: DecimalString },
): Change24h | null {
  const cutoff = current.at - CHANGE_WINDOW_MS;
  let atOrBefore: HistoryPoint | null = null;
  let oldest: HistoryPoint | null = null;
  for (const p of points) {
    if (p.currency !== current.currency || p.at >= current.at) continue;
    if (p.at <= cutoff && (atOrBefore === null || p.at >= atOrBefore.at)) atOrBefore = p;
    if (oldest === null || p.at < oldest.at) oldest = p;
  }
  const earlier = atOrBefore ?? oldest;
  if (earlier === null) return null;
  const amount = subtractDecimals(current.total, earlier.total);
  return {
    from: earlier.at,
    fromTotal: earlier.total,
    amount,
    percent: signOfDecimal(earlier.total) > 0 ? signedPercent(amount, earlier.total) : null,
    partial: atOrBefore === null,
    direction: signOfDecimal(amount),
  };
}

/** How a rise and a fall are coloured. */
export const CHANGE_COLOUR_RULES = ['auto', 'green-up', 'red-up'] as const;
export type ChangeColourRule = (typeof CHANGE_COLOUR_RULES)[number];

/** The colour a change wears; `neutral` for no change. */
export type ChangeColour = 'green' | 'red' | 'neutral';

/**
 * `auto` follows the reader's convention: in mainland China and Taiwan (zh-CN, zh-TW, zh-Hans,
 * zh-Hant without a region) a rise is red and a fall green (紅漲綠跌, as Taiwan's exchange and
 * brokers show it); Hong Kong and Macau follow the Western way, as HKEX quotes do, and so does
 * Singapore; elsewhere a rise is green.
 */
export function changeColour(direction: -1 | 0 | 1, rule: ChangeColourRule, locale: string): ChangeColour {
  if (direction === 0) return 'neutral';
  const redUp = rule === 'red-up' || (rule === 'auto' && risesRed(locale));
  const up = direction > 0;
  return up === redUp ? 'red' : 'green';
}

function risesRed(locale: string): boolean {
  const parts = locale.replace(/_/g, '-').toLowerCase().split('-');
  if (parts[0] !== 'zh') return false;
  return !parts.slice(1).some((p) => p === 'hk' || p === 'mo' || p === 'sg');
}
