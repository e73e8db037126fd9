/**
 * The popover's words for the language core chose. Every catalogue, English too, is fetched on
 * demand (a dynamic import the bundler splits into its own chunk), so the first view carries
 * only the active one: Chinese words never ride along with an unused English catalogue. Sets
 * `lang` on the document to the language shown, so screen readers, the CJK font stack and line
 * breaking follow it.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { Language, LocaleChoice } from '../../../shared/locale.js';
import type { Catalogue } from '../../../shared/present/catalogue.js';
import { createWords, type Words } from '../../../shared/present/message-words.js';

// Loaded once per session: a popover that remounts (or a second language switch) renders at once.
const loaded = new Map<Language, Catalogue>();
// The words last shown, for the render-error panel, which sits outside App's provider.
let lastShown: Words | null = null;

async function importCatalogue(language: Language): Promise<Catalogue> {
  switch (language) {
    case 'en':
      return (await import('../../../shared/present/catalogue-en.js')).en;
    case 'zh-CN':
      return (await import('../../../shared/present/catalogue-zh-cn.js')).zhCN;
    case 'zh-TW':
      return (await import('../../../shared/present/catalogue-zh-tw.js')).zhTW;
  }
}

/** Fetches a language's catalogue (once); resolves when its words can be made synchronously. */
export async function preloadCatalogue(language: Language): Promise<Catalogue> {
  const catalogue = loaded.get(language) ?? (await importCatalogue(language));
  loaded.set(language, catalogue);
  return catalogue;
}

function wordsNow(language: Language, formatLocale: string | undefined): Words | null {
  const catalogue = loaded.get(language);
  return catalogue === undefined ? null : createWords(catalogue, language, formatLocale);
}

/** The words shown most recently by any popover, else English if it has arrived, else null. */
export function lastShownWords(): Words | null {
  return lastShown ?? wordsNow('en', undefined);
}

/**
 * The words for `choice` (null `choice`: English, before the first state arrives), or null while
 * the first catalogue of a choice loads. While another one loads, the words chosen before stay.
 */
export function useLocaleWords(choice: LocaleChoice | null): Words | null {
  const language = choice?.language ?? 'en';
  const formatLocale = choice?.formatLocale;
  const key = `${language}|${formatLocale ?? ''}`;
  const [made, setMade] = useState<{ readonly key: string; readonly words: Words } | null>(null);
  // The words last shown for a real choice: kept while another catalogue loads, so an open panel
  // stays open. English shown before the first state is not kept: a Chinese reader would see it flash.
  const [shown, setShown] = useState<{ readonly words: Words; readonly chosen: boolean } | null>(null);

  const ready = useMemo(() => (made?.key === key ? made.words : wordsNow(language, formatLocale)), [made, key, language, formatLocale]);
  useEffect(() => {
    if (ready !== null) return;
    let live = true;
    void preloadCatalogue(language).then(
      (catalogue) => {
        if (live) setMade({ key, words: createWords(catalogue, language, formatLocale) });
      },
      // A chunk of our own bundle hardly fails to load; if a Chinese one does, English beats a blank popover.
      () => {
        if (live && language !== 'en')
          void preloadCatalogue('en').then((en) => live && setMade({ key, words: createWords(en, 'en', formatLocale) }));
      },
    );
    return () => {
      live = false;
    };
  }, [ready, key, language, formatLocale]);

  // Derived state, adjusted while rendering (React's pattern for it), not in an effect.
  const chosen = choice !== null;
  if (ready !== null && (ready !== shown?.words || chosen !== shown.chosen)) setShown({ words: ready, chosen });
  const words = ready ?? (shown?.chosen === true ? shown.words : null);
  // Before the paint, so the words and their `lang` reach the screen (and a screen reader) together.
  useLayoutEffect(() => {
    if (words === null) return;
    lastShown = words;
    document.documentElement.lang = words.language;
  }, [words]);
  return words;
}
