/**
 * A credentials notice (after a save: an unusual key shape, a verification that could not run)
 * in the words' language; an error inside one is worded from its code, as everywhere.
 */
import type { CredentialsNotice } from '../ipc.js';
import { errorWords } from './error-words.js';
import type { Words } from './message-words.js';

/** One notice as a sentence. */
export function noticeText(words: Words, notice: CredentialsNotice): string {
  switch (notice.kind) {
    case 'key-shape':
      return words.t('notice.key-shape', { length: notice.length });
    case 'secret-shape':
      return words.t('notice.secret-shape', { length: notice.length });
    case 'verify-unavailable':
      return words.t('notice.verify-unavailable');
    case 'verify-failed':
      return words.t('notice.verify-failed', { message: errorWords(words, notice.error).message });
  }
}
