/**
 * The popover's words for the language core chose: English is at hand, a Chinese catalogue is
 * fetched on demand (a dynamic import the bundler splits into its own chunk, so the first view
 * carries only the active catalogue). Sets `lang` on the document to the language shown, so
 * screen readers, the CJK font stack and line breaking follow it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Language, LocaleChoice } from '../../../shared/locale.js';
import type { Catalogue } from '../../../shared/present/catalogue.js';
import { createWords, englishFor, type Words } from '../../../shared/present/words.js';

type Chinese = Exclude<Language, 'en'>;

// Loaded once per session: a popover that remounts (or a second language switch) renders at once.
const loaded = new Map<Chinese, Catalogue>();

async function loadCatalogue(language: Chinese): Promise<Catalogue> {
  const catalogue =
    language === 'zh-CN'
      ? (await import('../../../shared/present/catalogue-zh-cn.js')).zhCN
      : (await import('../../../shared/present/catalogue-zh-tw.js')).zhTW;
  loaded.set(language, catalogue);
  return catalogue;
}

function wordsNow(language: Language, formatLocale: string | undefined): Words | null {
  if (language === 'en') return englishFor(formatLocale);
  const catalogue = loaded.get(language);
  return catalogue === undefined ? null : createWords(catalogue, language, formatLocale);
}

/**
 * The words for `choice` (null `choice`: English, before the first state arrives), or null while
 * the first Chinese catalogue loads. While another one loads, the words shown so far stay.
 */
export function useLocaleWords(choice: LocaleChoice | null): Words | null {
  const language = choice?.language ?? 'en';
  const formatLocale = choice?.formatLocale;
  const key = `${language}|${formatLocale ?? ''}`;
  const [made, setMade] = useState<{ readonly key: string; readonly words: Words } | null>(null);
  // The words last shown: kept while another catalogue loads, so an open panel stays open.
  const [shown, setShown] = useState<Words | null>(null);

  const ready = useMemo(() => (made?.key === key ? made.words : wordsNow(language, formatLocale)), [made, key, language, formatLocale]);
  useEffect(() => {
    if (ready !== null || language === 'en') return;
    let live = true;
    void loadCatalogue(language).then(
      (catalogue) => {
        if (live) setMade({ key, words: createWords(catalogue, language, formatLocale) });
      },
      // A chunk of our own bundle hardly fails to load; if it does, English beats a blank popover.
      () => {
        if (live) setMade({ key, words: englishFor(formatLocale) });
      },
    );
    return () => {
      live = false;
    };
  }, [ready, key, language, formatLocale]);

  // Derived state, adjusted while rendering (React's pattern for it), not in an effect.
  if (ready !== null && ready !== shown) setShown(ready);
  const words = ready ?? shown;
  useEffect(() => {
    if (words !== null) document.documentElement.lang = words.language;
  }, [words]);
  return words;
}
