/**
 * When an alert fires, as one pure function of the rules, what each rule remembers, and what is
 * known now. Each rule fires once per crossing and re-arms only after the value has gone back
 * past its threshold by at least 1 % of it (hysteresis), so a total hovering at the line does
 * not notify every minute; the memory is persisted by the caller, so a restart neither repeats
 * nor forgets a fired alert. Demo data never fires anything. Only failures of the balance
 * itself count for "cannot read your account" (a holdings request that fails is not this).
 */
import type { AlertRule } from '../../../shared/alerts.js';
import type { Currency, DecimalString } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { compareDecimals, formatMoney, multiplyDecimals, signOfDecimal, subtractDecimals, sumDecimals } from '../../../shared/decimal.js';

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
  /** Notifications carry no amounts. */
  readonly privacy: boolean;
}

/** One notification for main to show; clicking it opens the popover. */
interface AlertNotification {
  readonly ruleId: string;
  readonly title: string;
  readonly body: string;
}

/** What an evaluation decided. */
export interface AlertDecision {
  readonly memory: Readonly<Record<string, AlertMemory>>;
  readonly notifications: readonly AlertNotification[];
}

const ARMED: AlertMemory = { armed: true, firedAt: null };

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
        return { met: compareDecimals(seen.total, rule.threshold) > 0, clear: compareDecimals(seen.total, subtractDecimals(rule.threshold, margin)) <= 0 };
      }
      return { met: compareDecimals(seen.total, rule.threshold) < 0, clear: compareDecimals(seen.total, sumDecimals([rule.threshold, margin])) >= 0 };
    }
    case 'move': {
      const change = o.changes[rule.currency];
      if (change === undefined) return null;
      // No earlier point, or no percent (an earlier total ≤ 0): no move to judge, and calm. A
      // partial change (history shorter than a day) is still a move within 24 hours.
      if (change === null || change.percent === null) return { met: false, clear: true };
      const size = absPercent(change.percent);
      return { met: compareDecimals(size, rule.percent) > 0, clear: compareDecimals(size, subtractDecimals(rule.percent, onePercentOf(rule.percent))) <= 0 };
    }
    case 'unreadable': {
      const stale = o.lastSuccessAt !== null && o.now - o.lastSuccessAt > rule.staleMinutes * 60_000;
      const met = o.permanentFailure || stale;
      return { met, clear: !met };
    }
  }
}

function words(rule: AlertRule, o: AlertObservation): { title: string; body: string } {
  switch (rule.kind) {
    case 'above':
    case 'below': {
      const seen = o.totals[rule.currency]!;
      const line = o.privacy ? 'the threshold you set' : formatMoney(rule.threshold, { currency: rule.currency });
      const now = o.privacy ? '' : ` It is now ${formatMoney(seen.total, { currency: rule.currency })} (Gate's estimate).`;
      return { title: `Net worth ${rule.kind === 'above' ? 'above' : 'below'} ${line}`, body: `Your Gate.io net worth went ${rule.kind} ${line}.${now}` };
    }
    case 'move': {
      const change = o.changes[rule.currency]!;
      const up = change !== null && change.direction > 0;
      const size = o.privacy || change === null || change.percent === null ? '' : ` ${change.percent} %`;
      return {
        title: `Net worth ${up ? 'up' : 'down'}${size} in 24 hours`,
        body: `Your Gate.io net worth in ${rule.currency} moved more than ${rule.percent} % within 24 hours.`,
      };
    }
    case 'unreadable':
      return o.permanentFailure
        ? { title: 'Gate Glance cannot read your account any more', body: 'Gate refuses the API key (wrong key, or its wallet permission was removed). Open Gate Glance to fix the key.' }
        : { title: 'Gate Glance cannot read your account any more', body: `No fresh data from Gate for more than ${rule.staleMinutes} minutes. Open Gate Glance to see why.` };
  }
}

/**
 * Judges every rule: a rule fires when it is armed and its condition is met, and is armed again
 * once its value is back past the re-arm line. Unknown values (no total of that currency yet)
 * change nothing. Memory of rules that no longer exist is dropped.
 */
export function evaluateAlerts(rules: readonly AlertRule[], memory: Readonly<Record<string, AlertMemory>>, o: AlertObservation): AlertDecision {
  const next: Record<string, AlertMemory> = {};
  const notifications: AlertNotification[] = [];
  for (const rule of rules) {
    const before = Object.hasOwn(memory, rule.id) ? memory[rule.id]! : ARMED;
    const verdict = o.demo ? null : judge(rule, o);
    if (verdict === null) {
      next[rule.id] = before;
    } else if (before.armed && verdict.met) {
      next[rule.id] = { armed: false, firedAt: o.now };
      notifications.push({ ruleId: rule.id, ...words(rule, o) });
    } else if (!before.armed && verdict.clear) {
      next[rule.id] = { armed: true, firedAt: before.firedAt };
    } else {
      next[rule.id] = before;
    }
  }
  return { memory: next, notifications };
}
