/**
 * The popover's words: App provides the chosen language's (its catalogue loaded on demand, see
 * use-locale-words.ts) to every component below it.
 */
import { createContext, useContext } from 'react';
import type { Words } from '../../../shared/present/words.js';

/** The words every component renders with; null outside App's provider. */
export const WordsContext = createContext<Words | null>(null);

/** The words of the nearest provider. Only components under App's provider ask. */
export function useWords(): Words {
  const words = useContext(WordsContext);
  if (words === null) throw new Error('useWords: no words provider above this component');
  return words;
}
