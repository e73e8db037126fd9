/** The one runtime check of alert rules, for the preferences file and for `prefs:set` alike. */
import { z } from 'zod';
import type { AlertRule } from '../../../shared/alerts.js';
import { MAX_ALERTS, MAX_UNREADABLE_MINUTES, MIN_UNREADABLE_MINUTES } from '../../../shared/alerts.js';
import { CURRENCIES } from '../../../shared/balance.js';
import { compareDecimals, isDecimalString } from '../../../shared/decimal.js';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const decimal = z.string().max(60).refine(isDecimalString);
const percent = decimal.refine((p) => compareDecimals(p, '0') > 0 && compareDecimals(p, '1000') <= 0);

const rule = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.enum(['above', 'below']), currency: z.enum(CURRENCIES), threshold: decimal }),
  z.strictObject({ id, kind: z.literal('move'), currency: z.enum(CURRENCIES), percent }),
  z.strictObject({
    id,
    kind: z.literal('unreadable'),
    staleMinutes: z.number().int().min(MIN_UNREADABLE_MINUTES).max(MAX_UNREADABLE_MINUTES),
  }),
]);

/** At most MAX_ALERTS rules with distinct ids. */
export const alertRulesSchema: z.ZodType<readonly AlertRule[]> = z
  .array(rule)
  .max(MAX_ALERTS)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length);

/** What the rules accept, in words. */
export const ALERT_RULES_RULE = `at most ${MAX_ALERTS} alerts with distinct ids: above/below a decimal threshold in a currency, a move of more than 0–1000 %, or "cannot read" after ${MIN_UNREADABLE_MINUTES}–${MAX_UNREADABLE_MINUTES} minutes`;
