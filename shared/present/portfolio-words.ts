/**
 * The words every surface uses for the sources of a net worth: a key's name (its alias, or "Main"
 * for the first key without one), and what a combined figure includes ("Main + 2 sub-accounts
 * (estimated) + Family", and which sources are unavailable). The popover's line and the tray's
 * tooltip both read these, so they never say it differently.
 */
import { DEFAULT_PROFILE, type Source } from '../portfolio.js';
import type { Words } from './words.js';

/** A key's name as people read it: its alias, or "Main" for the first key when it has none (its name is then its profile's). */
export function keyName(words: Words, profile: string, name: string): string {
  return profile === DEFAULT_PROFILE && (name === '' || name === DEFAULT_PROFILE) ? words.t('portfolio.main-key') : name;
}

/** A source's name as people read it: a key's by keyName, a sub-account's as Gate lists it. */
export function sourceName(words: Words, source: Source): string {
  return source.kind === 'key' ? keyName(words, source.profile, source.name) : source.name;
}

/** What a combined figure counts, in parts to join, and the sources that have no figure in it. */
export interface IncludedSources {
  /** Each key that answered, followed by how many of its sub-accounts are counted ("2 sub-accounts (estimated)"). */
  readonly parts: readonly string[];
  /** The names of the sources in error. */
  readonly unavailable: readonly string[];
}

/** The parts of "Main + 2 sub-accounts (estimated) + Family", keys in the portfolio's order, and who is unavailable. */
export function includedSources(words: Words, sources: readonly Source[]): IncludedSources {
  const parts: string[] = [];
  const unavailable: string[] = [];
  const keys = sources.filter((s) => s.kind === 'key');
  // Sub-accounts whose key is not itself a counted source still count, after the keys.
  const profiles = [
    ...keys.map((k) => k.profile),
    ...sources.filter((s) => !keys.some((k) => k.profile === s.profile)).map((s) => s.profile),
  ];
  for (const profile of [...new Set(profiles)]) {
    const key = keys.find((k) => k.profile === profile);
    if (key !== undefined) {
      if (key.status === 'error') unavailable.push(sourceName(words, key));
      else parts.push(sourceName(words, key));
    }
    const subs = sources.filter((s) => s.kind === 'sub-account' && s.profile === profile);
    const counted = subs.filter((s) => s.status !== 'error');
    for (const s of subs) if (s.status === 'error') unavailable.push(s.name);
    if (counted.length > 0) {
      parts.push(
        words.t(counted.some((s) => s.estimated) ? 'portfolio.includes-subs-estimated' : 'portfolio.includes-subs', {
          count: counted.length,
        }),
      );
    }
  }
  return { parts, unavailable };
}
