/**
 * `balance --all-profiles`: every key the app reads (the `default` profile and each profile in
 * the app's Settings › Gate accounts, prefs.json's `gateAccounts`), each with its own keychain
 * entry and its own GateClient, read into one list of sources. prefs.json is only read, never
 * written: the app may be running and owns the file. A key that cannot be read (no keychain
 * entry, keychain locked, Gate refusing it, 429, a malformed answer) is that key's source in
 * error, never the command's failure. The keys' reads start KEY_STAGGER_MS apart, so several
 * keys never send their requests in one burst.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Currency } from '../../shared/balance.js';
import type { Source } from '../../shared/portfolio.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/prefs.js';
import type { Clock } from '../core/clock.js';
import { PREFS_FILE_NAME } from '../core/data-dir.js';
import { createNodeFileSystem, type FileSystem } from '../core/files/private-files.js';
import type { GateClient } from '../core/gate/client.js';
import type { BalanceResult, CredentialsProvider } from '../core/gate/types.js';
import { fail } from '../../shared/errors.js';
import { cleanText } from '../../shared/text.js';
import { PREFS_MAX_BYTES, parsePreferencesText } from '../core/prefs/prefs-store.js';
import { DEFAULT_PROFILE } from '../core/secrets/profiles.js';
import type { CliIo } from './io.js';
import { wordsOf } from './output.js';

/** Between the starts of two keys' reads, ms: a few requests per key, spread rather than sent at once. */
export const KEY_STAGGER_MS = 250;

/** `read` of each item, the i-th started i × `staggerMs` after the first: several keys' requests spread, not burst. */
export function staggered<T, R>(items: readonly T[], staggerMs: number, read: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(
    items.map(async (item, index) => {
      if (index > 0 && staggerMs > 0) await delay(index * staggerMs);
      return read(item);
    }),
  );
}

/**
 * Each profile's keychain entry read once, and one profile's read at a time: a GateClient asks
 * for its pair on every request, and reading two profiles' entries at once from a locked
 * gnome-keyring collection was seen to hang until the keychain's 30 s timeout (one profile's
 * reads, even several at once, answer KEYCHAIN_LOCKED at once: keychain-roundtrip.test.ts).
 */
export function readEachOnce(keychainOf: (profile: string) => CredentialsProvider): (profile: string) => CredentialsProvider {
  const answers = new Map<string, ReturnType<CredentialsProvider>>();
  let queue: Promise<unknown> = Promise.resolve();
  return (profile) => () => {
    let answer = answers.get(profile);
    if (answer === undefined) {
      answer = queue.then(() => keychainOf(profile)()).catch(() => fail('KEYCHAIN_ERROR', { reason: 'read-failed' }));
      queue = answer;
      answers.set(profile, answer);
    }
    return answer;
  };
}

/** One key `--all-profiles` reads, with the app's choices for it. */
export interface ProfileEntry {
  readonly profile: string;
  /** The key source's name: the app's alias, else the profile's name. */
  readonly name: string;
  /** The app counts this key's sub-accounts (Settings › Gate accounts). */
  readonly includeSubAccounts: boolean;
  /** Sub-account uids the app leaves out of this key's count. */
  readonly excludedSubAccounts: readonly string[];
}

/** The app's preferences as `--all-profiles` found them: `damaged` when the file could not be read in full. */
export interface AppAccounts {
  readonly gateAccounts: Preferences['gateAccounts'];
  readonly damaged: boolean;
}

/**
 * Reads prefs.json in `dir` without touching it (no folder created, no damaged file set aside:
 * that is the app's part). A missing file is the app never run: no accounts besides `default`.
 */
async function readAppAccounts(dir: string, fs: FileSystem = createNodeFileSystem()): Promise<AppAccounts> {
  let text: string | null;
  try {
    text = await fs.readText(join(dir, PREFS_FILE_NAME), { maxBytes: PREFS_MAX_BYTES, overflow: 'refuse' });
  } catch {
    return { gateAccounts: DEFAULT_PREFERENCES.gateAccounts, damaged: true };
  }
  if (text === null) return { gateAccounts: DEFAULT_PREFERENCES.gateAccounts, damaged: false };
  const parsed = parsePreferencesText(text);
  return { gateAccounts: parsed.prefs.gateAccounts, damaged: parsed.damaged };
}

/**
 * The app's Gate accounts for a command (`dataDir` from the environment, as for the history). A
 * file that cannot be read in full is one warning line: the keys it lists may be missing.
 */
export async function appGateAccounts(io: CliIo, dataDir: (env: CliIo['env']) => string): Promise<AppAccounts['gateAccounts']> {
  let found: AppAccounts;
  try {
    found = await readAppAccounts(dataDir(io.env));
  } catch {
    found = { gateAccounts: [], damaged: true };
  }
  if (found.damaged) {
    const words = wordsOf(io);
    io.stderr.write(`${words.cli('cli.warning', { text: words.cli('cli.sources.prefs-unread') })}\n`);
  }
  return found.gateAccounts;
}

/**
 * The keys to read, in the app's order: `default` first unless the app lists it elsewhere, then
 * `chosen` (`--profile NAME`) when the app does not list it. `allSubAccounts` (`--sub-accounts`)
 * counts every key's sub-accounts; without it, a key's are counted when the app counts them.
 */
export function profilesToRead(gateAccounts: Preferences['gateAccounts'], chosen: string, allSubAccounts: boolean): ProfileEntry[] {
  const listed = gateAccounts.map((a) => ({
    profile: a.profile,
    // The alias is the user's text from a file: it reaches a terminal only through the one sanitiser.
    name: cleanText(a.alias) || a.profile,
    includeSubAccounts: allSubAccounts || a.includeSubAccounts,
    excludedSubAccounts: a.excludedSubAccounts,
  }));
  const bare = (profile: string): ProfileEntry => ({ profile, name: profile, includeSubAccounts: allSubAccounts, excludedSubAccounts: [] });
  const entries = listed.some((a) => a.profile === DEFAULT_PROFILE) ? listed : [bare(DEFAULT_PROFILE), ...listed];
  return entries.some((a) => a.profile === chosen) ? entries : [...entries, bare(chosen)];
}

/** How `readAllProfiles` reaches Gate and time. */
export interface AllProfilesReadOptions {
  readonly entries: readonly ProfileEntry[];
  /** The profile whose own answer is `total` (`--profile NAME`, else `default`). */
  readonly chosen: string;
  readonly currency: Currency;
  /** A client signed with the profile's own key pair. */
  readonly clientFor: (profile: string) => GateClient;
  readonly clock?: Pick<Clock, 'now'>;
  /** Default KEY_STAGGER_MS. */
  readonly staggerMs?: number;
}

/** The chosen key's own answer and every key's sources, keys in `entries`' order, each followed by its sub-accounts. */
export async function readAllProfiles(options: AllProfilesReadOptions): Promise<{ total: BalanceResult; sources: Source[] }> {
  const [{ readProfileSources }, { SubAccountReader }] = await Promise.all([
    import('../core/portfolio/profile-sources.js'),
    import('../core/portfolio/sub-account-reader.js'),
  ]);
  const stagger = options.staggerMs ?? KEY_STAGGER_MS;
  const done = await staggered(options.entries, stagger, async (entry) => {
    const client = options.clientFor(entry.profile);
    const read = await readProfileSources({
      profile: entry.profile,
      client,
      currency: options.currency,
      // Gate's user ids let a sub-account that is also read through its own key count once.
      identify: options.entries.length > 1,
      ...(entry.includeSubAccounts
        ? { subAccounts: new SubAccountReader({ client, ...(options.clock ? { clock: options.clock } : {}) }) }
        : {}),
    });
    const excluded = new Set(entry.excludedSubAccounts);
    const sources = read.sources
      .filter((s) => s.kind === 'key' || s.uid === null || !excluded.has(s.uid))
      .map((s) => (s.kind === 'key' ? { ...s, name: entry.name } : s));
    return { profile: entry.profile, total: read.total, sources };
  });
  const chosen = done.find((d) => d.profile === options.chosen) ?? done[0]!;
  return { total: chosen.total, sources: done.flatMap((d) => d.sources) };
}
