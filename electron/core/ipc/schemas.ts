/**
 * Runtime schemas for every invoke channel's arguments. TypeScript types prove nothing about
 * what a (possibly compromised) renderer sends, so main parses each payload with these before
 * any handler runs: strict objects (no extra fields), bounded strings, exact tuples.
 */
import { z } from 'zod';
import { CURRENCIES } from '../../../shared/balance.js';
import { HISTORY_RANGES } from '../../../shared/history.js';
import type { InvokeArgs, InvokeChannel } from '../../../shared/ipc.js';
import { MAX_ALIAS_LENGTH, preferencesPatchSchema } from '../prefs/prefs-store.js';
import { isProfileName } from '../secrets/profiles.js';
// The same bounds the credentials service validates with (one source of truth).
import { MAX_KEY_LENGTH, MAX_SECRET_LENGTH } from '../secrets/validate-credentials.js';

const currency = z.enum(CURRENCIES);

const saveCredentialsInput = z.strictObject({
  key: z.string().max(MAX_KEY_LENGTH),
  secret: z.string().max(MAX_SECRET_LENGTH),
  verify: z.boolean(),
  allowWriteKey: z.boolean().optional(),
});

const addGateAccountInput = saveCredentialsInput.extend({ alias: z.string().max(MAX_ALIAS_LENGTH) });

const profileName = z.string().max(32).refine(isProfileName);

const gateAccountPatch = z.strictObject({
  profile: profileName,
  alias: z.string().max(MAX_ALIAS_LENGTH).optional(),
  includeSubAccounts: z.boolean().optional(),
  excludedSubAccounts: preferencesPatchSchema.shape.gateAccounts.unwrap().element.shape.excludedSubAccounts.optional(),
});

// A source id names a profile and a Gate uid (shared/portfolio.ts).
const SOURCE_ID_MAX = 64;

// Gate's account names are short words; a longer one is not a slice the popover could show.
const HOLDINGS_ACCOUNT_NAME_MAX = 200;

const none = z.tuple([]);

/** One schema per channel, typed so the compiler insists every channel has one and it parses to the contract's args. */
const CHANNEL_ARG_SCHEMAS: { readonly [C in InvokeChannel]: z.ZodType<InvokeArgs<C>> } = {
  'state:get': none,
  'balance:refresh': none,
  'currency:set': z.tuple([currency]),
  'credentials:save': z.tuple([saveCredentialsInput]),
  'credentials:clear': z.tuple([z.strictObject({ forgetHistory: z.boolean() })]),
  'demo:start': none,
  'prefs:set': z.tuple([preferencesPatchSchema]),
  'history:get': z.tuple([z.strictObject({ currency, range: z.enum(HISTORY_RANGES), series: z.enum(['account', 'combined']).optional() })]),
  'history:export-csv': none,
  'holdings:get': z.tuple([
    z.strictObject({ account: z.string().max(HOLDINGS_ACCOUNT_NAME_MAX), currency, source: z.string().max(SOURCE_ID_MAX).optional() }),
  ]),
  'window:hide': none,
  'external:open-key-page': none,
  'diagnostics:get': none,
  'update:check': none,
  'update:download': none,
  'update:restart': none,
  'update:open-release': none,
  'key-health:check': none,
  'login-item:open-settings': none,
  'accounts:add': z.tuple([addGateAccountInput]),
  'accounts:remove': z.tuple([profileName]),
  'accounts:set': z.tuple([gateAccountPatch]),
};

/** Field names from the contract that may be named in an error message (anything else is described, not echoed). */
const SAFE_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the arguments';
  const [first, ...rest] = path;
  const parts = rest.map((p) => (typeof p === 'string' && SAFE_FIELD.test(p) ? p : typeof p === 'number' ? `[${p}]` : '(field)'));
  const argument = typeof first === 'number' ? `argument ${first + 1}` : 'the arguments';
  return parts.length === 0 ? argument : `${argument} field "${parts.join('.').replace(/\.\[/g, '[')}"`;
}

/** A short reason per zod issue that never quotes the input value (it could be a secret). */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = describePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${where} must be ${issue.expected === 'tuple' ? 'a list' : issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
    case 'too_big':
      if (issue.origin === 'array') return `${where} has too many items (at most ${String(issue.maximum)})`;
      if (issue.origin === 'string') return `${where} is too long (at most ${String(issue.maximum)} characters)`;
      return `${where} is too large (at most ${String(issue.maximum)})`;
    case 'too_small':
      if (issue.origin === 'array') return `${where} has too few items (at least ${String(issue.minimum)})`;
      if (issue.origin === 'string') return `${where} is too short`;
      return `${where} is too small (at least ${String(issue.minimum)})`;
    case 'invalid_value':
      return `${where} must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys': {
      const named = issue.keys.filter((k) => SAFE_FIELD.test(k));
      const label = named.length === issue.keys.length ? named.map((k) => `"${k}"`).join(', ') : `${issue.keys.length} unexpected field(s)`;
      return `${where} has unexpected field(s) ${label}`;
    }
    case 'not_multiple_of':
      return `${where} must be a whole number`;
    default:
      return `${where} is not valid`;
  }
}

/** The parse outcome: the typed args, or what is wrong, in the schema's terms (no input values). */
export type ArgsParse<C extends InvokeChannel> =
  { readonly ok: true; readonly args: InvokeArgs<C> } | { readonly ok: false; readonly message: string };

/** Validates one channel's arguments against its schema. */
export function parseChannelArgs<C extends InvokeChannel>(channel: C, args: unknown): ArgsParse<C> {
  const schema = CHANNEL_ARG_SCHEMAS[channel] as z.ZodType<InvokeArgs<C>>;
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  const reasons = parsed.error.issues.slice(0, 3).map(describeIssue);
  return { ok: false, message: reasons.join('; ') };
}
