/**
 * The popover's words: English until a language is chosen. Another catalogue (zh-CN, zh-TW) is
 * loaded on demand and handed down through this context, so it costs the first view nothing.
 */
import { createContext, useContext } from 'react';
import { ENGLISH, type Words } from '../../../shared/present/words.js';

/** The words every component renders with (App provides the chosen language's). */
export const WordsContext = createContext<Words>(ENGLISH);

/** The words of the nearest provider (English without one). */
export function useWords(): Words {
  return useContext(WordsContext);
}
