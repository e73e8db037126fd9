/**
 * The user's preferences as a validated JSON file in the app's data dir. Reading never
 * crashes the app: a missing file means defaults, a damaged one is kept aside for the user
 * (`prefs.json.corrupt-<epoch ms>`) and whatever fields are still valid are kept. Writing is
 * atomic (temp file + fsync + rename), so a crash mid-save leaves the previous file intact.
 */
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ALERT_RULES_RULE, alertRulesSchema } from '../alerts/alert-schema.js';
import { CURRENCIES } from '../../../shared/balance.js';
import { LOCALE_PREFERENCES } from '../../../shared/locale.js';
import { CHANGE_COLOUR_RULES } from '../../../shared/change.js';
import type { Result } from '../../../shared/errors.js';
import { fail, ok } from '../../../shared/errors.js';
import type { PreferencesPatch } from '../../../shared/ipc.js';
import type { Preferences } from '../../../shared/prefs.js';
import {
  DEFAULT_PREFERENCES,
  MAX_REFRESH_INTERVAL_SEC,
  MAX_SMALL_SLICE_THRESHOLD_PERCENT,
  MIN_REFRESH_INTERVAL_SEC,
  TRAY_PANEL_PREFERENCES,
} from '../../../shared/prefs.js';
import { GLOBAL_SHORTCUT_RULE, globalShortcutSchema } from '../app/accelerator.js';
import type { FileSystem } from '../files/private-files.js';
import { isProfileName } from '../secrets/profiles.js';
import { PREFS_FILE_NAME } from '../data-dir.js';
import { UnsafeFileError, createNodeFileSystem, describeFileError, removeStaleTemps, writeFileAtomic } from '../files/private-files.js';

/** Written into the file so a later version can migrate it. */
export const PREFS_FILE_VERSION = 1;
/** A saved file is ~200 bytes; a larger one than this is not ours and is set aside like a damaged one, unread. */
export const PREFS_MAX_BYTES = 64 * 1024;

/** Keys one person holds on Gate: far more than anyone adds, few enough that requests stay within every key's limit. */
const MAX_GATE_ACCOUNTS = 10;
/** An alias is a short label in a list row. */
export const MAX_ALIAS_LENGTH = 40;
/** Gate's sub-account ids left out of one key's count (Gate allows far fewer sub-accounts than this per account). */
const MAX_EXCLUDED_SUB_ACCOUNTS = 1000;
/** Gate user ids are decimal digits. */
const SUB_ACCOUNT_UID = /^\d{1,20}$/;
/** `key:<profile>` or `sub:<profile>:<uid>` (shared/portfolio.ts). */
const SOURCE_ID = /^(key:[A-Za-z0-9][A-Za-z0-9_-]{0,31}|sub:[A-Za-z0-9][A-Za-z0-9_-]{0,31}:\d{1,20})$/;

const gateAccountPrefsSchema = z.strictObject({
  profile: z.string().refine(isProfileName),
  alias: z.string().max(MAX_ALIAS_LENGTH),
  includeSubAccounts: z.boolean(),
  excludedSubAccounts: z.array(z.string().regex(SUB_ACCOUNT_UID)).max(MAX_EXCLUDED_SUB_ACCOUNTS),
});

const gateAccountsSchema = z
  .array(gateAccountPrefsSchema)
  .max(MAX_GATE_ACCOUNTS)
  .refine((list) => new Set(list.map((a) => a.profile)).size === list.length);

/** One schema per field, so a damaged file keeps its valid fields and a patch names its bad ones. */
const FIELD_SCHEMAS = {
  currency: z.enum(CURRENCIES),
  refreshIntervalSec: z.number().int().min(MIN_REFRESH_INTERVAL_SEC).max(MAX_REFRESH_INTERVAL_SEC),
  privacy: z.boolean(),
  smallSliceThresholdPercent: z.number().min(0).max(MAX_SMALL_SLICE_THRESHOLD_PERCENT),
  launchAtLogin: z.boolean(),
  locale: z.enum(LOCALE_PREFERENCES),
  trayPanel: z.enum(TRAY_PANEL_PREFERENCES),
  changeColours: z.enum(CHANGE_COLOUR_RULES),
  trayShowsChange: z.boolean(),
  alerts: alertRulesSchema,
  globalShortcut: globalShortcutSchema,
  checkForUpdates: z.boolean(),
  downloadUpdatesAutomatically: z.boolean(),
  gateAccounts: gateAccountsSchema,
  traySource: z.string().regex(SOURCE_ID).nullable(),
} satisfies { [K in keyof Preferences]: z.ZodType<Preferences[K]> };

/**
 * A patch as the IPC boundary checks it (`prefs:set`): every field optional, nothing else
 * allowed. Derived here so a field added to the preferences is accepted over IPC at once.
 */
export const preferencesPatchSchema = z.strictObject(FIELD_SCHEMAS).partial();

type PrefKey = keyof Preferences;
const PREF_KEYS = Object.keys(FIELD_SCHEMAS) as PrefKey[];

/** What each field accepts, in words (used in errors and warnings; never echoes the value). */
const FIELD_RULES: Readonly<Record<PrefKey, string>> = {
  currency: `one of ${CURRENCIES.join(', ')}`,
  refreshIntervalSec: `a whole number of seconds from ${MIN_REFRESH_INTERVAL_SEC} to ${MAX_REFRESH_INTERVAL_SEC}`,
  privacy: 'true or false',
  smallSliceThresholdPercent: `a number from 0 to ${MAX_SMALL_SLICE_THRESHOLD_PERCENT}`,
  launchAtLogin: 'true or false',
  locale: `one of ${LOCALE_PREFERENCES.join(', ')}`,
  trayPanel: `one of ${TRAY_PANEL_PREFERENCES.join(', ')}`,
  changeColours: `one of ${CHANGE_COLOUR_RULES.join(', ')}`,
  trayShowsChange: 'true or false',
  alerts: ALERT_RULES_RULE,
  globalShortcut: GLOBAL_SHORTCUT_RULE,
  checkForUpdates: 'true or false',
  downloadUpdatesAutomatically: 'true or false',
  gateAccounts: `at most ${MAX_GATE_ACCOUNTS} keys, each with a distinct profile name, an alias of at most ${MAX_ALIAS_LENGTH} characters and at most ${MAX_EXCLUDED_SUB_ACCOUNTS} excluded sub-account ids`,
  traySource: 'null or a source id such as key:default or sub:default:123',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a partial update: every given field must be valid and known. Exists apart from
 * the store so callers (IPC, CLI) can check input without touching disk.
 */
export function validatePreferencesPatch(patch: unknown): Result<PreferencesPatch> {
  if (!isPlainObject(patch)) {
    return fail('INVALID_REQUEST', { reason: 'prefs-not-object' });
  }
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!(PREF_KEYS as string[]).includes(key)) {
      problems.push(/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key) ? `"${key}" is not a preference` : 'an unknown field was given');
      continue;
    }
    const k = key as PrefKey;
    if (value === undefined) continue;
    const parsed = FIELD_SCHEMAS[k].safeParse(value);
    if (parsed.success) out[k] = parsed.data;
    else problems.push(`${k} must be ${FIELD_RULES[k]}`);
  }
  if (problems.length > 0) {
    return fail('INVALID_REQUEST', { reason: 'prefs-invalid' }, problems.join('; '));
  }
  return ok(out as PreferencesPatch);
}

/** What reading a preferences file text yields: the preferences to use and what was wrong. */
export interface ParsedPreferences {
  readonly prefs: Preferences;
  /** Human sentences for a log or a notice; empty when the file was fine. */
  readonly warnings: readonly string[];
  /** True when the file was damaged (not JSON, not an object, or a field out of range). */
  readonly damaged: boolean;
}

/**
 * Reads a preferences file's text leniently: fields missing (an older version's file) take
 * their defaults silently; fields present but invalid take their defaults with a warning;
 * unknown fields (a newer version's) are ignored. Pure, so it is tested without any file.
 */
export function parsePreferencesText(text: string, defaults: Preferences = DEFAULT_PREFERENCES): ParsedPreferences {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { prefs: defaults, warnings: ['The preferences file is not valid JSON; defaults are used.'], damaged: true };
  }
  if (!isPlainObject(json)) {
    return { prefs: defaults, warnings: ['The preferences file does not hold an object; defaults are used.'], damaged: true };
  }
  const prefs: Record<string, unknown> = { ...defaults };
  const warnings: string[] = [];
  for (const key of PREF_KEYS) {
    if (!(key in json) || json[key] === undefined) continue;
    const parsed = FIELD_SCHEMAS[key].safeParse(json[key]);
    if (parsed.success) prefs[key] = parsed.data;
    else warnings.push(`The saved ${key} was not ${FIELD_RULES[key]}; the default (${String(defaults[key])}) is used.`);
  }
  return { prefs: prefs as unknown as Preferences, warnings, damaged: warnings.length > 0 };
}

/** Serialises preferences the way the store writes them (versioned, stable key order, trailing newline). */
function serializePreferences(prefs: Preferences): string {
  const ordered: Record<string, unknown> = { version: PREFS_FILE_VERSION };
  for (const key of PREF_KEYS) ordered[key] = prefs[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** What `load()` found. */
export interface PrefsLoadResult {
  readonly prefs: Preferences;
  /** Empty when all was well; otherwise sentences for the log or a one-time notice. */
  readonly warnings: readonly string[];
  /** Where a damaged file was kept, or null. */
  readonly movedAsideTo: string | null;
}

/** How a PrefsStore is built. */
export interface PrefsStoreOptions {
  /** The app's data dir (Electron's userData, or the CLI's config dir). */
  readonly dir: string;
  /** Defaults to real files. */
  readonly fs?: FileSystem;
  /** For the `.corrupt-<ms>` suffix; defaults to Date.now. */
  readonly now?: () => number;
  /** Where warnings go besides `load()`'s answer; defaults to console.warn. */
  readonly warn?: (message: string) => void;
  /** A first run's preferences, and what a missing or damaged field takes (`defaultPreferences(platform)`); DEFAULT_PREFERENCES by default. */
  readonly defaults?: Preferences;
}

/** Loads, validates and atomically saves preferences. One instance per data dir. */
export class PrefsStore {
  /** The preferences file's full path. */
  readonly path: string;
  readonly #fs: FileSystem;
  readonly #now: () => number;
  readonly #warn: (message: string) => void;
  readonly #defaults: Preferences;
  #current: Preferences;
  /** An update before any load() reads the file first, so it cannot overwrite fields it never saw. */
  #loaded = false;
  /** Serialises writes so two quick changes cannot interleave or land out of order. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: PrefsStoreOptions) {
    this.path = join(options.dir, PREFS_FILE_NAME);
    this.#fs = options.fs ?? createNodeFileSystem();
    this.#now = options.now ?? (() => Date.now());
    this.#warn = options.warn ?? ((message) => console.warn(`[prefs] ${message}`));
    this.#defaults = options.defaults ?? DEFAULT_PREFERENCES;
    this.#current = this.#defaults;
  }

  /** The current preferences (the defaults until `load()`). */
  get(): Preferences {
    return this.#current;
  }

  /** Reads the file. Never rejects: every problem becomes defaults plus a warning. */
  load(): Promise<PrefsLoadResult> {
    return this.#enqueue(() => this.#load());
  }

  /** Validates `patch` (every field, ranges, no unknown keys), writes atomically, then adopts it. */
  update(patch: PreferencesPatch): Promise<Result<Preferences>> {
    const valid = validatePreferencesPatch(patch);
    if (!valid.ok) return Promise.resolve(valid);
    return this.#enqueue(async () => {
      if (!this.#loaded) await this.#load();
      const next: Preferences = { ...this.#current, ...valid.value };
      try {
        await writeFileAtomic(this.#fs, this.path, serializePreferences(next));
      } catch (error) {
        return fail<Preferences>('INTERNAL', { reason: 'prefs-write' }, describeFileError(error));
      }
      this.#current = next;
      return ok(next);
    });
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #load(): Promise<PrefsLoadResult> {
    this.#loaded = true;
    let text: string | null;
    try {
      // Loading is the app's first touch of its folder: make it private and clear a crash's debris.
      await this.#fs.ensureDir(dirname(this.path));
      await removeStaleTemps(this.#fs, this.path);
      text = await this.#fs.readText(this.path, { maxBytes: PREFS_MAX_BYTES, overflow: 'refuse' });
    } catch (error) {
      if (error instanceof UnsafeFileError && error.code === 'FILE_TOO_LARGE') {
        this.#current = this.#defaults;
        return this.#setAside(this.#defaults, [
          `The preferences file is larger than ${PREFS_MAX_BYTES / 1024} KiB, so it is not ours; defaults are used.`,
        ]);
      }
      const warning = `Could not read the preferences file (${describeFileError(error)}); defaults are used for now.`;
      this.#warn(warning);
      this.#current = this.#defaults;
      return { prefs: this.#defaults, warnings: [warning], movedAsideTo: null };
    }
    if (text === null) {
      this.#current = this.#defaults;
      return { prefs: this.#defaults, warnings: [], movedAsideTo: null };
    }
    const parsed = parsePreferencesText(text, this.#defaults);
    this.#current = parsed.prefs;
    if (!parsed.damaged) return { prefs: parsed.prefs, warnings: [], movedAsideTo: null };
    return this.#setAside(parsed.prefs, parsed.warnings);
  }

  /** Keeps the damaged file as `prefs.json.corrupt-<ms>` for the user and writes `prefs` in its place. */
  async #setAside(prefs: Preferences, found: readonly string[]): Promise<PrefsLoadResult> {
    const warnings = [...found];
    const aside = `${this.path}.corrupt-${this.#now()}`;
    let movedAsideTo: string | null = null;
    try {
      await this.#fs.rename(this.path, aside);
      movedAsideTo = aside;
      warnings.push(`The damaged file was kept as ${aside}.`);
      await writeFileAtomic(this.#fs, this.path, serializePreferences(prefs));
    } catch (error) {
      warnings.push(`Could not ${movedAsideTo ? 'rewrite' : 'set aside'} the preferences file (${describeFileError(error)}).`);
    }
    for (const warning of warnings) this.#warn(warning);
    return { prefs, warnings, movedAsideTo };
  }
}
