/**
 * The popover's words: App provides the chosen language's (its catalogue loaded on demand, see
 * use-locale-words.ts) to every component below it.
 */
import { createContext, useContext } from 'react';
import type { Words } from '../../../shared/present/words.js';
import { lastShownWords } from './use-locale-words.js';

/** The words every component renders with; null outside App's provider. */
export const WordsContext = createContext<Words | null>(null);

/**
 * The words of the nearest provider; outside one (a component drawn on its own), the words last
 * shown, else English once it has arrived.
 */
export function useWords(): Words {
  const words = useContext(WordsContext) ?? lastShownWords();
  if (words === null) throw new Error('useWords: no words provider, and no catalogue has arrived yet');
  return words;
}
