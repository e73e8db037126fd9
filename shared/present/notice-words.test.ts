import { describe, expect, it } from 'vitest';
import { appError } from '../errors.js';
import { wordsFor } from './languages.js';
import { noticeText } from './notice-words.js';
import { ENGLISH } from './words.js';

describe('noticeText', () => {
  it('words every notice of a save, an error inside one from its code, in the reader’s language', () => {
    const zh = wordsFor({ language: 'zh-CN', formatLocale: 'zh-CN' });
    expect(noticeText(ENGLISH, { kind: 'key-shape', length: 19 })).toBe(
      "The API key is not 32 hex characters like Gate's APIv4 keys (it is 19 characters); saved as entered.",
    );
    expect(noticeText(zh, { kind: 'key-shape', length: 19 })).toMatch(/19/);
    expect(noticeText(zh, { kind: 'verify-unavailable' })).toMatch(/\p{Script=Han}/u);
    const failed = { kind: 'verify-failed', error: appError('TIMEOUT', { timeoutMs: 10_000 }) } as const;
    expect(noticeText(ENGLISH, failed)).toMatch(/^Could not verify: .+ The key was saved/);
    expect(noticeText(zh, failed)).toContain(zh.t('error.TIMEOUT.message', { timeoutMs: 10_000 }));
  });
});
