/**
 * The CLI's words: the shared catalogue (errors, amounts, the balance table) plus the CLI's own
 * (help, usage errors, login/status lines, history and holdings tables), in one language.
 * English is at hand; a Chinese pair of catalogues is loaded only when chosen (the bundler
 * splits each into its own chunk), so an English command line never parses ~100 kB of words
 * it cannot show.
 */
import type { Language, LocaleChoice } from '../locale.js';
import type { Catalogue, CliCatalogue, CliMessageKey } from './catalogue.js';
import { en } from './catalogue-en.js';
import { cliEn } from './cli-catalogue-en.js';
import type { MessageParams } from './message-format.js';
import { createWords, ENGLISH, renderPattern, type Words } from './words.js';

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

// Not the popover's importCatalogue (renderer/src/lib/use-locale-words.ts): that one imports English
// dynamically too, which would split it out of the CLI's main bundle into a chunk every start reads.
async function catalogues(language: Language): Promise<readonly [Catalogue, CliCatalogue]> {
  switch (language) {
    case 'en':
      return [en, cliEn];
    case 'zh-CN': {
      const [shared, cli] = await Promise.all([import('./catalogue-zh-cn.js'), import('./cli-catalogue-zh-cn.js')]);
      return [shared.zhCN, cli.cliZhCN];
    }
    case 'zh-TW': {
      const [shared, cli] = await Promise.all([import('./catalogue-zh-tw.js'), import('./cli-catalogue-zh-tw.js')]);
      return [shared.zhTW, cli.cliZhTW];
    }
  }
}

/** The CLI's words for a locale choice, its catalogues loaded first. */
export async function loadCliWords(choice: LocaleChoice): Promise<CliWords> {
  const [shared, cli] = await catalogues(choice.language);
  return withCli(createWords(shared, choice.language, choice.formatLocale), cli);
}
