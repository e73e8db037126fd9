/**
 * The shape every language's catalogue has: exactly English's keys, each an ICU-style pattern.
 * A zh-CN or zh-TW catalogue is `const zhCN: Catalogue = { … }`; a key it lacks (or adds)
 * fails `tsc`.
 */
import type { cliEn } from './cli-catalogue-en.js';
import type { en } from './catalogue-en.js';

/** The name of one message. */
export type MessageKey = keyof typeof en;

/** One language's words. */
export type Catalogue = { readonly [K in MessageKey]: string };

/** The name of one of the CLI's own messages (help, usage errors, its tables). */
export type CliMessageKey = keyof typeof cliEn;

/** One language's CLI words: exactly English's CLI keys. */
export type CliCatalogue = { readonly [K in CliMessageKey]: string };
