/**
 * The words of a `LocaleChoice` for what core renders itself (notifications): every catalogue
 * is at hand here (main is not size-bound like the popover's first view).
 */
import type { LocaleChoice } from '../../../shared/locale.js';
import { zhCN } from '../../../shared/present/catalogue-zh-cn.js';
import { zhTW } from '../../../shared/present/catalogue-zh-tw.js';
import type { Words } from '../../../shared/present/words.js';
import { createWords, englishFor } from '../../../shared/present/words.js';

/** English, Simplified or Traditional Chinese, with numbers and dates in the choice's format locale. */
export function wordsForLocale(choice: LocaleChoice): Words {
  switch (choice.language) {
    case 'zh-CN':
      return createWords(zhCN, 'zh-CN', choice.formatLocale);
    case 'zh-TW':
      return createWords(zhTW, 'zh-TW', choice.formatLocale);
    default:
      return englishFor(choice.formatLocale);
  }
}
