/**
 * Words for a locale choice, every catalogue at hand: for main (the tray) and the CLI, which
 * are bundled whole. The renderer does not import this module; it loads the active catalogue on
 * demand (renderer/src/lib/use-locale-words.ts), so its first view carries only that one.
 */
import type { LocaleChoice } from '../locale.js';
import { en } from './catalogue-en.js';
import { zhCN } from './catalogue-zh-cn.js';
import { zhTW } from './catalogue-zh-tw.js';
import { createWords, type Words } from './words.js';

const made = new Map<string, Words>();

/** The words of a locale choice (made once per choice). */
export function wordsFor(choice: LocaleChoice): Words {
  const key = `${choice.language}|${choice.formatLocale ?? ''}`;
  let words = made.get(key);
  if (words === undefined) {
    const catalogue = choice.language === 'zh-CN' ? zhCN : choice.language === 'zh-TW' ? zhTW : en;
    words = createWords(catalogue, choice.language, choice.formatLocale);
    made.set(key, words);
  }
  return words;
}
