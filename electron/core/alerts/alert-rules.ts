/**
 * When an alert fires, as one pure function of the rules, what each rule remembers, and what is
 * known now. Each rule fires once per crossing and re-arms only after the value has gone back
 * past its threshold by at least 1 % of it (hysteresis), so a total hovering at the line does
 * not notify every minute; the memory is persisted by the caller, so a restart neither repeats
 * nor forgets a fired alert. Demo data never fires anything. Only failures of the balance
 * itself count for "cannot read your account" (a holdings request that fails is not this).
 */
import type { AlertEvent, AlertRule } from '../../../shared/alerts.js';
import type { Currency, DecimalString } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { compareDecimals, multiplyDecimals, signOfDecimal, subtractDecimals, sumDecimals } from '../../../shared/decimal.js';

/** What one rule remembers between evaluations (and restarts). */
export interface AlertMemory {
  /** False once fired, until the value has gone back past the re-arm line. */
  readonly armed: boolean;
  /** When it last fired (epoch ms), for the record. */
  readonly firedAt: number | null;
}

/** Everything the rules are judged on. */
export interface AlertObservation {
  readonly now: number;
  /** The app shows the demo portfolio: nothing is judged and nothing changes. */
  readonly demo: boolean;
  /** The newest successful total per currency (the shown one and each alert's own). */
  readonly totals: Partial<Record<Currency, { readonly total: DecimalString; readonly at: number }>>;
  /** The 24-hour change per currency, from the local history. */
  readonly changes: Partial<Record<Currency, Change24h | null>>;
  /** When the balance last succeeded (any currency); null before the first success. */
  readonly lastSuccessAt: number | null;
  /** True while a permanent failure of the balance request (bad key, no permission) stops the schedule. */
  readonly permanentFailure: boolean;
  /**
   * With a portfolio: each counted source other than the first key's own account that was read and
   * now fails (stale), with when its data was fetched and whether Gate refuses its key for good.
   */
  readonly failingSources?: readonly FailingSource[];
}

/** A source that was read and now fails. */
export interface FailingSource {
  readonly name: string;
  /** Local epoch ms of its last good data. */
  readonly lastSuccessAt: number;
  readonly permanent: boolean;
}

/** The failing sources an unreadable rule of `staleMinutes` calls unreadable: refused for good, or without fresh data that long. */
function unreadableSources(o: AlertObservation, staleMinutes: number): FailingSource[] {
  return (o.failingSources ?? []).filter((s) => s.permanent || o.now - s.lastSuccessAt > staleMinutes * 60_000);
}

function ownFailure(o: AlertObservation, staleMinutes: number): boolean {
  return o.permanentFailure || (o.lastSuccessAt !== null && o.now - o.lastSuccessAt > staleMinutes * 60_000);
}

/** What an evaluation decided: the memory to keep, and one event per rule that fired. */
export interface AlertDecision {
  readonly memory: Readonly<Record<string, AlertMemory>>;
  readonly notifications: readonly AlertEvent[];
}

const ARMED: AlertMemory = { armed: true, firedAt: null };

/**
 * An empty memory, keyed by rule id with no prototype: an id is the user's text, and `__proto__`
 * or `constructor` must be a rule like any other (on `{}`, the first would replace the prototype
 * and the second would read as a function).
 */
export function emptyMemory(): Record<string, AlertMemory> {
  return Object.create(null) as Record<string, AlertMemory>;
}

/** `|x| × 1 %`, exact. */
function onePercentOf(value: DecimalString): DecimalString {
  const abs = signOfDecimal(value) < 0 ? subtractDecimals('0', value) : value;
  return multiplyDecimals(abs, '0.01');
}

function absPercent(percent: string): DecimalString {
  return percent.replace(/^[+-]/, '');
}

/** Is the rule's condition met now (null: nothing to judge on yet), and may it re-arm? */
function judge(rule: AlertRule, o: AlertObservation): { met: boolean; clear: boolean } | null {
  switch (rule.kind) {
    case 'above':
    case 'below': {
      const seen = o.totals[rule.currency];
      if (!seen) return null;
      const margin = onePercentOf(rule.threshold);
      if (rule.kind === 'above') {
        return {
          met: compareDecimals(seen.total, rule.threshold) > 0,
          clear: compareDecimals(seen.total, subtractDecimals(rule.threshold, margin)) <= 0,
        };
      }
      return {
        met: compareDecimals(seen.total, rule.threshold) < 0,
        clear: compareDecimals(seen.total, sumDecimals([rule.threshold, margin])) >= 0,
      };
    }
    case 'move': {
      const change = o.changes[rule.currency];
      if (change === undefined) return null;
      // No earlier point, or no percent (an earlier total ≤ 0): no move to judge, and calm. A
      // partial change (history shorter than a day) is still a move within 24 hours.
      if (change === null || change.percent === null) return { met: false, clear: true };
      const size = absPercent(change.percent);
      return {
        met: compareDecimals(size, rule.percent) > 0,
        clear: compareDecimals(size, subtractDecimals(rule.percent, onePercentOf(rule.percent))) <= 0,
      };
    }
    case 'unreadable': {
      // One rule, one notification: it fires when the first key or any other source becomes unreadable, and
      // re-arms once every one reads again.
      const met = ownFailure(o, rule.staleMinutes) || unreadableSources(o, rule.staleMinutes).length > 0;
      return { met, clear: !met };
    }
  }
}

/** What fired, as values: the rule, and what it was judged on. */
function eventOf(rule: AlertRule, o: AlertObservation): AlertEvent {
  switch (rule.kind) {
    case 'above':
    case 'below':
      return {
        ruleId: rule.id,
        kind: rule.kind,
        currency: rule.currency,
        threshold: rule.threshold,
        total: o.totals[rule.currency]!.total,
      };
    case 'move':
      return { ruleId: rule.id, kind: 'move', currency: rule.currency, percent: rule.percent, change: o.changes[rule.currency]! };
    case 'unreadable': {
      const base = { ruleId: rule.id, kind: 'unreadable', staleMinutes: rule.staleMinutes } as const;
      if (ownFailure(o, rule.staleMinutes)) return { ...base, reason: o.permanentFailure ? 'permanent' : 'stale' };
      const failing = unreadableSources(o, rule.staleMinutes);
      return { ...base, reason: failing.some((s) => s.permanent) ? 'permanent' : 'stale', sources: failing.map((s) => s.name) };
    }
  }
}

/**
 * Judges every rule: a rule fires when it is armed and its condition is met, and is armed again
 * once its value is back past the re-arm line. Unknown values (no total of that currency yet)
 * change nothing. Memory of rules that no longer exist is dropped.
 */
export function evaluateAlerts(
  rules: readonly AlertRule[],
  memory: Readonly<Record<string, AlertMemory>>,
  o: AlertObservation,
): AlertDecision {
  const next = emptyMemory();
  const notifications: AlertEvent[] = [];
  for (const rule of rules) {
    const before = Object.hasOwn(memory, rule.id) ? memory[rule.id]! : ARMED;
    const verdict = o.demo ? null : judge(rule, o);
    if (verdict === null) {
      next[rule.id] = before;
    } else if (before.armed && verdict.met) {
      next[rule.id] = { armed: false, firedAt: o.now };
      notifications.push(eventOf(rule, o));
    } else if (!before.armed && verdict.clear) {
      next[rule.id] = { armed: true, firedAt: before.firedAt };
    } else {
      next[rule.id] = before;
    }
  }
  return { memory: next, notifications };
}
