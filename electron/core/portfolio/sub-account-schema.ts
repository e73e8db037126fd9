/**
 * The shapes of Gate's sub-account answers (`GET /sub_accounts`, `/wallet/sub_account_balances`,
 * `…_futures_balances`, `…_cross_margin_balances`, `…_margin_balances`; field names from the
 * gate-api SDK models SubAccount, SubAccountBalance, SubAccountFuturesBalance, SubCrossMarginAccount,
 * MarginAccount), validated with zod like the holdings answers, each with its bounds. Open maps
 * keyed by coin are read into `[coin, value]` pairs, never written by key (a coin named
 * `__proto__` stays a coin). What the simulator's tests record of Gate's behaviour is relied on here.
 */
import * as z from 'zod/mini';
import type { Result } from '../../../shared/errors.js';
import { ok } from '../../../shared/errors.js';
import { cleanText } from '../../../shared/text.js';
import type { Answer } from '../holdings/schema.js';
import { code, decimal, parseList } from '../holdings/schema.js';
import type { EndpointBounds } from '../gate/limits.js';
import { defineBounds, KIB } from '../gate/limits.js';

/**
 * A main account has at most a few hundred sub-accounts; the list is unpaged. A balances page
 * holds at most SUB_ACCOUNT_PAGE_SIZE sub-accounts; the unpaged balance endpoints are asked for at
 * most that many uids at once, each with a few hundred coins at most.
 */
export const SUB_ACCOUNT_BOUNDS = {
  list: defineBounds({ maxBodyBytes: 2048 * KIB, maxEntries: 5000 }),
  balances: defineBounds({ maxBodyBytes: 4096 * KIB, maxEntries: 100 }),
} as const;

// Gate sends uids as strings ("10003") in the balance answers and as numbers in the list.
const uid = z.pipe(
  z.union([z.string().check(z.regex(/^\d{1,20}$/)), z.number().check(z.int(), z.nonnegative())]),
  z.transform((v) => String(v)),
);

/** An open map read into `[key, value]` pairs (keys checked as coin codes, values against `value`). */
function pairs<S extends z.ZodMiniType>(value: S) {
  return z.pipe(
    z.custom<Readonly<Record<string, unknown>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      message: 'not an object',
    }),
    z.transform((map, ctx): Array<readonly [string, z.infer<S>]> => {
      const out: Array<readonly [string, z.infer<S>]> = [];
      for (const key of Object.keys(map)) {
        const checked = code.safeParse(key);
        const entry = value.safeParse(map[key]);
        const issues = [...(checked.success ? [] : checked.error.issues), ...(entry.success ? [] : entry.error.issues)];
        if (issues.length > 0) {
          for (const issue of issues)
            ctx.issues.push({ code: 'custom', message: issue.message, input: issue.input, path: [key, ...issue.path] });
          return z.NEVER;
        }
        if (entry.success) out.push([key, entry.data as z.infer<S>]);
      }
      return out;
    }),
  );
}

const subAccount = z.looseObject({
  user_id: z.number().check(z.int(), z.nonnegative()),
  login_name: z.optional(z.string()),
  remark: z.optional(z.nullable(z.string())),
  state: z.optional(z.number()),
  type: z.optional(z.number()),
});
const spotBalance = z.looseObject({ uid, available: z.optional(pairs(decimal)), locking: z.optional(pairs(decimal)) });
const futuresAccount = z.looseObject({ total: decimal, unrealised_pnl: z.optional(decimal), currency: z.optional(code) });
const futuresBalance = z.looseObject({ uid, available: z.optional(pairs(futuresAccount)) });
const crossCoin = z.looseObject({
  available: z.optional(decimal),
  freeze: z.optional(decimal),
  borrowed: z.optional(decimal),
  interest: z.optional(decimal),
});
const crossBalance = z.looseObject({
  uid,
  available: z.optional(z.looseObject({ user_id: z.optional(z.number()), balances: z.optional(pairs(crossCoin)) })),
});
const marginSide = z.looseObject({
  currency: code,
  available: z.optional(decimal),
  locked: z.optional(decimal),
  borrowed: z.optional(decimal),
  interest: z.optional(decimal),
});
const marginBalance = z.looseObject({
  uid,
  available: z.optional(
    z.array(z.looseObject({ currency_pair: z.optional(z.string()), base: z.optional(marginSide), quote: z.optional(marginSide) })),
  ),
});

/** One sub-account as `GET /sub_accounts` lists it; `loginName` and `remark` are outside text, cleaned. */
export interface SubAccountRecord {
  readonly uid: string;
  readonly loginName: string;
  readonly remark: string;
  /** Gate: 1 normal, 2 locked. */
  readonly state: number;
  /** Gate: 1 regular, 3 cross margin. */
  readonly type: number;
}

export type SpotBalanceEntry = z.infer<typeof spotBalance>;
export type FuturesBalanceEntry = z.infer<typeof futuresBalance>;
export type CrossMarginBalanceEntry = z.infer<typeof crossBalance>;
export type MarginBalanceEntry = z.infer<typeof marginBalance>;

/** `GET /sub_accounts?type=0`. */
export function parseSubAccounts(body: string): Result<SubAccountRecord[]> {
  const list = parseList(body, 'sub-accounts', SUB_ACCOUNT_BOUNDS.list, subAccount);
  if (!list.ok) return list;
  return ok(
    list.value.map((s) => ({
      uid: String(s.user_id),
      loginName: cleanText(s.login_name ?? '', 64),
      remark: cleanText(s.remark ?? '', 64),
      state: s.state ?? 1,
      type: s.type ?? 1,
    })),
  );
}

function balances<S extends z.ZodMiniType>(
  body: string,
  what: Answer,
  item: S,
  bounds: EndpointBounds = SUB_ACCOUNT_BOUNDS.balances,
): Result<z.infer<S>[]> {
  return parseList(body, what, bounds, item);
}

/** One page of `GET /wallet/sub_account_balances`. */
export function parseSubAccountSpot(body: string): Result<SpotBalanceEntry[]> {
  return balances(body, 'sub-account-balances', spotBalance);
}

/** `GET /wallet/sub_account_futures_balances` (one settle). */
export function parseSubAccountFutures(body: string): Result<FuturesBalanceEntry[]> {
  return balances(body, 'sub-account-futures', futuresBalance);
}

/** `GET /wallet/sub_account_cross_margin_balances`. */
export function parseSubAccountCrossMargin(body: string): Result<CrossMarginBalanceEntry[]> {
  return balances(body, 'sub-account-cross-margin', crossBalance);
}

/** `GET /wallet/sub_account_margin_balances`. */
export function parseSubAccountMargin(body: string): Result<MarginBalanceEntry[]> {
  return balances(body, 'sub-account-margin', marginBalance);
}
