/**
 * The shape of Gate's `GET /wallet/total_balance` answer, validated with zod (the mini build,
 * which tree-shakes to a few KB so the CLI's cold start stays small). Amounts must be decimal
 * strings and are kept verbatim (40 digits stay 40 digits); `details` is an open map so an
 * account Gate adds tomorrow is kept, not dropped; `unrealised_pnl` and `borrowed` are optional.
 */
import * as z from 'zod/mini';
import type { AccountEntry, BalanceSnapshot, Currency } from '../../../shared/balance.js';
import { isDecimalString } from '../../../shared/decimal.js';
import type { Result } from '../../../shared/errors.js';
import { fail, ok } from '../../../shared/errors.js';
import { cleanText } from '../../../shared/text.js';
import { KIB, defineBounds } from './limits.js';

/**
 * total_balance answers a few KB (a dozen accounts); the bounds leave room for 1,000
 * accounts with 40-digit amounts (about 200 KB) and refuse anything past that as not Gate.
 */
export const TOTAL_BALANCE_BOUNDS = defineBounds({ maxBodyBytes: 512 * KIB, maxEntries: 1000 });

/** `{"server_time":…}` is 30 bytes; the bound leaves room for a proxy's HTML error page to be described. */
export const SERVER_TIME_BOUNDS = defineBounds({ maxBodyBytes: 64 * KIB, maxEntries: 0 });

const decimal = z.string().check(z.refine((v) => isDecimalString(v), { message: 'not a decimal string' }));

// Objects are loose: Gate may add fields; we read the ones we know and ignore the rest.
const entrySchema = z.looseObject({
  amount: decimal,
  currency: z.optional(z.string()),
  unrealised_pnl: z.optional(z.nullable(decimal)),
  borrowed: z.optional(z.nullable(decimal)),
});

/**
 * `details` straight into entries, never through an object: every own key is an account,
 * `__proto__` and `constructor` included (JSON.parse defines them as plain properties, but
 * z.record or any `{}` written by key would drop the first and inherit the second).
 */
const detailsSchema = z.pipe(
  z.custom<Readonly<Record<string, unknown>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'not an object',
  }),
  z.transform((details, ctx): AccountEntry[] => {
    const names = Object.keys(details);
    const accounts: AccountEntry[] = [];
    for (const name of names) {
      const entry = entrySchema.safeParse(details[name]);
      if (!entry.success) {
        for (const issue of entry.error.issues)
          ctx.issues.push({ code: 'custom', message: issue.message, input: issue.input, path: [name, ...issue.path] });
        return z.NEVER;
      }
      accounts.push({
        name,
        amount: entry.data.amount,
        unrealisedPnl: entry.data.unrealised_pnl ?? null,
        borrowed: entry.data.borrowed ?? null,
      });
    }
    return accounts;
  }),
);

/** Gate's 200 body for total_balance. */
const totalBalanceSchema = z.looseObject({
  total: entrySchema,
  // Absent `details` reads as "no accounts" rather than a failure: the total is still true.
  details: z.optional(detailsSchema),
});

/** `server_time` of `GET /spot/time` (epoch ms). */
const serverTimeSchema = z.looseObject({ server_time: z.number().check(z.positive()) });

/**
 * Parses a 200 body into a snapshot (all but `fetchedAt`), or BAD_RESPONSE naming the first
 * problem (a path such as `details.spot.amount`, never the body itself).
 */
export function parseTotalBalance(body: string, currency: Currency): Result<Omit<BalanceSnapshot, 'fetchedAt'>> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail('BAD_RESPONSE', { reason: 'not-json', ...bodyParams(body) });
  }
  // Counted before any entry is validated: a million accounts are refused at the cost of counting them.
  const accountCount = countAccounts(json);
  if (accountCount > TOTAL_BALANCE_BOUNDS.maxEntries) {
    return fail('BAD_RESPONSE', { reason: 'too-many-accounts', count: accountCount, max: TOTAL_BALANCE_BOUNDS.maxEntries });
  }
  const parsed = totalBalanceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A path segment may be an account name: Gate's text, so cleaned and bounded like any other.
    const where = issue && issue.path.length > 0 ? issue.path.map((p) => cleanText(String(p), 40)).join('.') : 'the body';
    return fail('BAD_RESPONSE', { reason: 'shape', path: where, issue: issue?.message ?? 'invalid' });
  }
  const data = parsed.data;
  if (data.total.currency !== undefined && data.total.currency !== currency) {
    return fail('BAD_RESPONSE', { reason: 'other-currency', answered: cleanText(data.total.currency, 12), currency });
  }
  return ok({
    currency,
    total: { amount: data.total.amount, unrealisedPnl: data.total.unrealised_pnl ?? null, borrowed: data.total.borrowed ?? null },
    accounts: data.details ?? [],
  });
}

/** How many keys the body's `details` object has (0 when it has none, or no object there). */
function countAccounts(json: unknown): number {
  if (typeof json !== 'object' || json === null) return 0;
  const details: unknown = (json as { readonly details?: unknown }).details;
  return typeof details === 'object' && details !== null && !Array.isArray(details) ? Object.keys(details).length : 0;
}

/** Parses `GET /spot/time`'s body into epoch ms, or null when it is not Gate's shape. */
export function parseServerTime(body: string): number | null {
  try {
    const parsed = serverTimeSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.server_time : null;
  } catch {
    return null;
  }
}

/** The kind and size of a body that is not what we expected, never its content: values for the error's words. */
export function bodyParams(body: string): { readonly bodyKind: 'html' | 'empty' | 'text'; readonly bytes: number } {
  const head = body.trimStart().slice(0, 64).toLowerCase();
  if (head.startsWith('<')) return { bodyKind: 'html', bytes: body.length };
  if (body.trim() === '') return { bodyKind: 'empty', bytes: 0 };
  return { bodyKind: 'text', bytes: body.length };
}
