/**
 * The CLI's words: the shared catalogue (errors, amounts, the balance table) plus the CLI's own
 * (help, usage errors, login/status lines, history and holdings tables), in one language.
 */
import type { LocaleChoice } from '../locale.js';
import type { CliCatalogue, CliMessageKey } from './catalogue.js';
import { cliEn } from './cli-catalogue-en.js';
import { cliZhCN } from './cli-catalogue-zh-cn.js';
import { cliZhTW } from './cli-catalogue-zh-tw.js';
import { wordsFor } from './languages.js';
import type { MessageParams } from './message-format.js';
import { ENGLISH, renderPattern, type Words } from './words.js';

/** Words that also speak the CLI's own messages. */
export interface CliWords extends Words {
  /** Renders one of the CLI's own messages. */
  cli(key: CliMessageKey, params?: MessageParams): string;
}

function withCli(words: Words, catalogue: CliCatalogue): CliWords {
  return { ...words, cli: (key, params) => renderPattern(words, catalogue[key], params) };
}

/** The CLI in English, numbers in the runtime's default locale (commands run without `runCli`). */
export const CLI_ENGLISH: CliWords = withCli(ENGLISH, cliEn);

/** The CLI's words for a locale choice. */
export function cliWordsFor(choice: LocaleChoice): CliWords {
  const catalogue = choice.language === 'zh-CN' ? cliZhCN : choice.language === 'zh-TW' ? cliZhTW : cliEn;
  return withCli(wordsFor(choice), catalogue);
}
