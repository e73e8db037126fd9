/**
 * Alert rules as the user sets them (a field of Preferences, set through `prefs:set`): the net
 * worth above X or below Y in a chosen currency, a move of more than P % within 24 hours, and
 * "Gate Glance cannot read your account any more". Core decides when one fires.
 */
import type { Currency, DecimalString } from './balance.js';
import type { Change24h } from './change.js';

export type AlertRule =
  | { readonly id: string; readonly kind: 'above' | 'below'; readonly currency: Currency; readonly threshold: DecimalString }
  | { readonly id: string; readonly kind: 'move'; readonly currency: Currency; readonly percent: DecimalString }
  /** A permanent error (wrong key, permission removed), or no fresh data for `staleMinutes`. */
  | { readonly id: string; readonly kind: 'unreadable'; readonly staleMinutes: number };

/** More would be a dashboard, not a glance. */
export const MAX_ALERTS = 10;
/** "Cannot read" waits at least this long for fresh data (several refreshes) and at most a week. */
export const MIN_UNREADABLE_MINUTES = 10;
export const MAX_UNREADABLE_MINUTES = 7 * 24 * 60;

/** The currencies whose totals the rules watch: each refresh fetches these too (at most once a minute). */
export function alertCurrencies(rules: readonly AlertRule[]): Currency[] {
  const out = new Set<Currency>();
  for (const rule of rules) if (rule.kind !== 'unreadable') out.add(rule.currency);
  return [...out];
}

/**
 * An alert that fired, as values (core decides, the edge words it: shared/present/alert-words.ts).
 * `move` carries the change it was judged on (never null: no change, no move).
 */
export type AlertEvent =
  | {
      readonly ruleId: string;
      readonly kind: 'above' | 'below';
      readonly currency: Currency;
      readonly threshold: DecimalString;
      readonly total: DecimalString;
    }
  | {
      readonly ruleId: string;
      readonly kind: 'move';
      readonly currency: Currency;
      readonly percent: DecimalString;
      readonly change: Change24h;
    }
  | {
      readonly ruleId: string;
      readonly kind: 'unreadable';
      readonly reason: 'permanent' | 'stale';
      readonly staleMinutes: number;
      /**
       * With several sources (issue 25) while the first key reads fine: the names of the other
       * sources that cannot be read; absent when the first key's own account is the one failing.
       */
      readonly sources?: readonly string[];
    };
