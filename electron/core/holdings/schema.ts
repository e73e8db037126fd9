/**
 * The shapes of Gate's per-coin answers, validated with zod (the mini build, as for
 * total_balance), each with its own bounds: a body larger than its endpoint could honestly be
 * is refused before parsing, and a list or map longer than its cap is refused after. Quantities
 * must be decimal strings and are kept verbatim; objects are loose (Gate adds fields).
 * Bodies are bounded by the transport at each endpoint's `maxBodyBytes`. Field names: Gate's APIv4 docs and the `gate-api` SDK models (SpotAccount, FuturesAccount,
 * UniLend, UnifiedAccount/UnifiedBalance, Ticker).
 */
import * as z from 'zod/mini';
import { isDecimalString } from '../../../shared/decimal.js';
import type { Result } from '../../../shared/errors.js';
import { fail, ok } from '../../../shared/errors.js';
import type { EndpointBounds } from '../gate/limits.js';
import { defineBounds, KIB } from '../gate/limits.js';
import { bodyParams } from '../gate/schema.js';
import { cleanText } from '../../../shared/text.js';

/**
 * Per-endpoint bounds. Spot lists every currency the account ever held (hundreds at most);
 * Earn is read a page of ≤ 100 at a time; all-pairs tickers are 1-2 MB today (≈ 2,500 pairs
 * of ~500 bytes), so that endpoint gets room to grow to 8 MiB and 20,000 pairs.
 */
export const HOLDINGS_BOUNDS = {
  spotAccounts: defineBounds({ maxBodyBytes: 2048 * KIB, maxEntries: 5000 }),
  futuresAccount: defineBounds({ maxBodyBytes: 64 * KIB, maxEntries: 0 }),
  uniLendsPage: defineBounds({ maxBodyBytes: 512 * KIB, maxEntries: 100 }),
  unifiedAccounts: defineBounds({ maxBodyBytes: 2048 * KIB, maxEntries: 5000 }),
  spotTickers: defineBounds({ maxBodyBytes: 8192 * KIB, maxEntries: 20_000 }),
} as const;

export const decimal = z.string().check(z.refine((v) => isDecimalString(v), { message: 'not a decimal string' }));
// Gate's currency codes (BTC, 1INCH, BTC3L): letters, digits and a few separators. Anything else
// (control characters, escapes, bidi marks) is not a coin Gate lists and is never printed.
export const code = z.string().check(z.regex(/^[\p{L}\p{N}_.-]{1,32}$/u));

const spotAccount = z.looseObject({ currency: code, available: decimal, locked: decimal });
const futuresAccount = z.looseObject({
  total: decimal,
  unrealised_pnl: z.optional(decimal),
  available: z.optional(decimal),
  currency: z.optional(z.string()),
});
const uniLend = z.looseObject({ currency: code, amount: decimal });
const unifiedBalance = z.looseObject({ equity: z.optional(decimal), available: z.optional(decimal), freeze: z.optional(decimal) });
/**
 * `balances` straight into `[coin, balance]` pairs, never through an object written by key: a
 * coin named `__proto__` is a coin (JSON.parse defines it as a plain property; z.record would
 * assign it and so replace the object's prototype, dropping it).
 */
const unifiedBalances = z.pipe(
  z.custom<Readonly<Record<string, unknown>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'not an object',
  }),
  z.transform((balances, ctx): Array<readonly [string, z.infer<typeof unifiedBalance>]> => {
    const pairs: Array<readonly [string, z.infer<typeof unifiedBalance>]> = [];
    for (const coin of Object.keys(balances)) {
      const checked = code.safeParse(coin);
      const entry = unifiedBalance.safeParse(balances[coin]);
      const issues = [...(checked.success ? [] : checked.error.issues), ...(entry.success ? [] : entry.error.issues)];
      if (issues.length > 0) {
        for (const issue of issues)
          ctx.issues.push({ code: 'custom', message: issue.message, input: issue.input, path: [coin, ...issue.path] });
        return z.NEVER;
      }
      if (entry.success) pairs.push([coin, entry.data]);
    }
    return pairs;
  }),
);
const unifiedAccounts = z.looseObject({ mode: z.optional(z.string()), balances: z.optional(unifiedBalances) });
// `last` is kept as Gate's string, checked only when a coin is priced (an empty one is "no price", not a bad answer).
const ticker = z.looseObject({ currency_pair: z.string(), last: z.optional(z.nullable(z.string())) });

/** A Spot balance: `available` + `locked` is the holding. */
export type SpotAccountEntry = z.infer<typeof spotAccount>;
/** One settle currency's futures account. */
export type FuturesAccountEntry = z.infer<typeof futuresAccount>;
/** One Earn lend: `amount` is Gate's "Total Lending Amount". */
export type UniLendEntry = z.infer<typeof uniLend>;
/** The unified account: `mode` and `balances` as `[coin, balance]` pairs in Gate's order. */
export type UnifiedAccountsBody = z.infer<typeof unifiedAccounts>;

/** Which answer was bad, as a code the catalogues word (never English dropped into a sentence). */
export type Answer =
  | 'spot-accounts'
  | 'futures-account'
  | 'earn-lends'
  | 'unified-account'
  | 'spot-tickers'
  | 'sub-accounts'
  | 'sub-account-balances'
  | 'sub-account-futures'
  | 'sub-account-cross-margin'
  | 'sub-account-margin';

function badShape(what: Answer, issues: readonly z.core.$ZodIssue[]): Result<never> {
  const issue = issues[0];
  // A path segment may be a coin or a key Gate sent: outside text, cleaned and bounded like any other.
  const where = issue && issue.path.length > 0 ? issue.path.map((p) => cleanText(String(p), 40)).join('.') : 'the body';
  return fail('BAD_RESPONSE', { reason: 'holdings-shape', what, path: where, issue: cleanText(issue?.message ?? 'invalid', 120) });
}

// The body bound itself is the transport's (it stops reading there); entry caps are checked here.
function parseJson(body: string, what: Answer): Result<unknown> {
  try {
    return ok(JSON.parse(body) as unknown);
  } catch {
    return fail('BAD_RESPONSE', { reason: 'holdings-not-json', what, ...bodyParams(body) });
  }
}

/** A JSON list of `item`s, at most `bounds.maxEntries` of them. */
export function parseList<S extends z.ZodMiniType>(body: string, what: Answer, bounds: EndpointBounds, item: S): Result<z.infer<S>[]> {
  const json = parseJson(body, what);
  if (!json.ok) return json;
  if (Array.isArray(json.value) && json.value.length > bounds.maxEntries) {
    return fail('BAD_RESPONSE', { reason: 'holdings-too-many', what, max: bounds.maxEntries });
  }
  const parsed = z.array(item).safeParse(json.value);
  return parsed.success ? ok(parsed.data) : badShape(what, parsed.error.issues);
}

/** `GET /spot/accounts`. */
export function parseSpotAccounts(body: string): Result<SpotAccountEntry[]> {
  return parseList(body, 'spot-accounts', HOLDINGS_BOUNDS.spotAccounts, spotAccount);
}

/** `GET /futures/{settle}/accounts`. */
export function parseFuturesAccount(body: string): Result<FuturesAccountEntry> {
  const json = parseJson(body, 'futures-account');
  if (!json.ok) return json;
  const parsed = futuresAccount.safeParse(json.value);
  return parsed.success ? ok(parsed.data) : badShape('futures-account', parsed.error.issues);
}

/** One page of `GET /earn/uni/lends`. */
export function parseUniLendsPage(body: string): Result<UniLendEntry[]> {
  return parseList(body, 'earn-lends', HOLDINGS_BOUNDS.uniLendsPage, uniLend);
}

/** `GET /unified/accounts`. */
export function parseUnifiedAccounts(body: string): Result<UnifiedAccountsBody> {
  const bounds = HOLDINGS_BOUNDS.unifiedAccounts;
  const json = parseJson(body, 'unified-account');
  if (!json.ok) return json;
  const parsed = unifiedAccounts.safeParse(json.value);
  if (!parsed.success) return badShape('unified-account', parsed.error.issues);
  if ((parsed.data.balances ?? []).length > bounds.maxEntries) {
    return fail('BAD_RESPONSE', { reason: 'unified-too-many', max: bounds.maxEntries });
  }
  return ok(parsed.data);
}

/** `GET /spot/tickers` (all pairs): `last` by pair, Gate's strings (empty ones included). */
export function parseSpotTickers(body: string): Result<Map<string, string>> {
  const list = parseList(body, 'spot-tickers', HOLDINGS_BOUNDS.spotTickers, ticker);
  if (!list.ok) return list;
  const prices = new Map<string, string>();
  for (const t of list.value) prices.set(t.currency_pair, t.last ?? '');
  return ok(prices);
}
