/**
 * The shape every language's catalogue has: exactly English's keys, each an ICU-style pattern.
 * A zh-CN or zh-TW catalogue is `const zhCN: Catalogue = { … }`; a key it lacks (or adds)
 * fails `tsc`.
 */
import type { en } from './catalogue-en.js';

/** The name of one message. */
export type MessageKey = keyof typeof en;

/** One language's words. */
export type Catalogue = { readonly [K in MessageKey]: string };
