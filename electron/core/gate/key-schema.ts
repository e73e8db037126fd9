/**
 * The shapes of Gate's answers about the key itself, validated with zod (mini, as for
 * total_balance): `GET /account/main_keys` and `GET /account/detail`. What we relied on:
 * - the SDKs type main_keys' answer as one `AccountKeyInfo` object (gate/gateapi-python
 *   docs/Key.md, gate/gateapi-php docs/Model/AccountKeyInfo.md): `state` (1 normal, 2 locked,
 *   3 frozen), `mode`, `ip_whitelist`, `perms` [{name, read_only}], `key` {mode}, and
 *   `created_at` / `updated_at` / `last_access` typed as strings;
 * - Gate's APIv4 page ("Query All Main Account Key Information") shows a list of such entries
 *   instead, each with `key` as a masked string ("c5dcfbf1f3a7*****"), integer times and the
 *   spelling `update_at`. Both are read: a list is searched for the entry whose masked key
 *   matches ours (or its only entry);
 * - `/account/detail` answers `AccountDetail` {user_id, ip_whitelist, currency_pairs, key: {mode}, tier}
 *   (gateio/gateapi-go docs/AccountApi.md, docs/AccountDetail.md).
 * Times are Unix seconds, as a number or a numeric string; anything else is "not said" (null).
 */
import * as z from 'zod/mini';
import type { Result } from '../../../shared/errors.js';
import { fail, ok } from '../../../shared/errors.js';
import { KIB, defineBounds } from './limits.js';
import { bodyParams } from './schema.js';

/**
 * One key's info is well under 2 KB; the main account may list up to some dozens of keys (Gate
 * allows 20 APIv4 keys per account today). The bounds leave room for 200 keys and refuse more.
 */
export const MAIN_KEYS_BOUNDS = defineBounds({ maxBodyBytes: 256 * KIB, maxEntries: 200 });

/** AccountDetail is a few hundred bytes; its IP whitelist holds at most a few dozen addresses. */
export const ACCOUNT_DETAIL_BOUNDS = defineBounds({ maxBodyBytes: 64 * KIB, maxEntries: 0 });

/** One permission of a key as Gate names it: `spot`, `wallet`, `futures`, … */
interface KeyPermission {
  readonly name: string;
  readonly readOnly: boolean;
}

/** What main_keys says of our key; null where Gate did not say it. Times are epoch ms. */
export interface KeyInfo {
  readonly state: number | null;
  readonly ipWhitelist: readonly string[] | null;
  readonly perms: readonly KeyPermission[] | null;
  readonly createdAt: number | null;
  readonly updatedAt: number | null;
}

/** What /account/detail says that key health reads. */
export interface AccountDetailInfo {
  readonly ipWhitelist: readonly string[] | null;
  /** Gate's user id of the key's account (a sub-account's own key answers the sub-account's); absent when Gate sent none. */
  readonly userId?: string;
}

// Gate's permission names are lower-case words (`spot`, `crossx`); anything else is not shown.
const permName = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,31}$/));
const perm = z.looseObject({ name: permName, read_only: z.boolean() });
const time = z.optional(z.nullable(z.union([z.number(), z.string()])));
const keyInfo = z.looseObject({
  state: z.optional(z.nullable(z.number())),
  ip_whitelist: z.optional(z.nullable(z.array(z.string()))),
  perms: z.optional(z.nullable(z.array(perm))),
  key: z.optional(z.unknown()),
  created_at: time,
  updated_at: time,
  update_at: time,
});
const accountDetail = z.looseObject({
  ip_whitelist: z.optional(z.nullable(z.array(z.string()))),
  user_id: z.optional(z.nullable(z.number().check(z.int(), z.nonnegative()))),
});

type KeyInfoBody = z.infer<typeof keyInfo>;

/** Unix seconds as a number or a numeric string → epoch ms; null for anything else (0, "", "abc"). */
export function unixSeconds(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : /^\d{1,12}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n * 1000 : null;
}

function toKeyInfo(body: KeyInfoBody): KeyInfo {
  return {
    state: body.state ?? null,
    ipWhitelist: body.ip_whitelist ?? null,
    perms: body.perms?.map((p) => ({ name: p.name, readOnly: p.read_only })) ?? null,
    createdAt: unixSeconds(body.created_at),
    updatedAt: unixSeconds(body.updated_at ?? body.update_at),
  };
}

/** Whether a list entry's masked `key` ("c5dcfbf1f3a7*****") is our key: its visible part begins ours. */
function matchesKey(entry: KeyInfoBody, apiKey: string): boolean {
  if (typeof entry.key !== 'string') return false;
  const visible = entry.key.replace(/\*+$/, '');
  return visible.length >= 4 && apiKey.startsWith(visible);
}

// The reasons are the per-coin answers' ("Gate's {what} answer …"): the words fit any endpoint's body.
function parseJson(body: string, what: string): Result<unknown> {
  try {
    return ok(JSON.parse(body) as unknown);
  } catch {
    return fail('BAD_RESPONSE', { reason: 'holdings-not-json', what, ...bodyParams(body) });
  }
}

function badShape(what: string, issues: readonly z.core.$ZodIssue[]): Result<never> {
  const issue = issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the body';
  return fail('BAD_RESPONSE', { reason: 'holdings-shape', what, path: where, issue: issue?.message ?? 'invalid' });
}

/**
 * main_keys' 200 body → our key's info: the object the SDKs document, or the entry of the
 * documented list that is ours (the only entry when just one is listed). A list without our
 * key is an answer with nothing said (every fact null), not a failure.
 */
export function parseMainKeys(body: string, apiKey: string): Result<KeyInfo> {
  const json = parseJson(body, 'account/main_keys');
  if (!json.ok) return json;
  if (Array.isArray(json.value)) {
    if (json.value.length > MAIN_KEYS_BOUNDS.maxEntries) {
      return fail('BAD_RESPONSE', { reason: 'holdings-too-many', what: 'account/main_keys', max: MAIN_KEYS_BOUNDS.maxEntries });
    }
    const parsed = z.array(keyInfo).safeParse(json.value);
    if (!parsed.success) return badShape('account/main_keys', parsed.error.issues);
    const ours = parsed.data.find((entry) => matchesKey(entry, apiKey.trim())) ?? (parsed.data.length === 1 ? parsed.data[0] : undefined);
    return ok(ours === undefined ? { state: null, ipWhitelist: null, perms: null, createdAt: null, updatedAt: null } : toKeyInfo(ours));
  }
  const parsed = keyInfo.safeParse(json.value);
  return parsed.success ? ok(toKeyInfo(parsed.data)) : badShape('account/main_keys', parsed.error.issues);
}

/** /account/detail's 200 body → the IP whitelist it lists. */
export function parseAccountDetail(body: string): Result<AccountDetailInfo> {
  const json = parseJson(body, 'account/detail');
  if (!json.ok) return json;
  const parsed = accountDetail.safeParse(json.value);
  if (!parsed.success) return badShape('account/detail', parsed.error.issues);
  const userId = parsed.data.user_id;
  return ok(
    userId === undefined || userId === null
      ? { ipWhitelist: parsed.data.ip_whitelist ?? null }
      : { ipWhitelist: parsed.data.ip_whitelist ?? null, userId: String(userId) },
  );
}
