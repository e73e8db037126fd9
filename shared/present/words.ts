/**
 * Words, with English at hand: for main, the CLI and tests, which are bundled whole. The renderer
 * imports message-words.ts instead (lint holds it to that), so its first view carries only the
 * catalogue of the language shown.
 */
import { en } from './catalogue-en.js';
import { createWords, type Words } from './message-words.js';

export * from './message-words.js';

/** English, with numbers in the runtime's default locale: what every surface speaks today. */
export const ENGLISH: Words = /* @__PURE__ */ createWords(en, 'en');

/** English words with numbers and dates in a given regional locale (the CLI's `--locale`, tests). */
export function englishFor(numberLocale: string | undefined): Words {
  return numberLocale === undefined ? ENGLISH : createWords(en, 'en', numberLocale);
}
