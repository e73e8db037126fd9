import { describe, expect, it } from 'vitest';
import { appError, ERROR_CODES } from '../errors.js';
import type { Catalogue } from './catalogue.js';
import { en } from './catalogue-en.js';
import { zhCN } from './catalogue-zh-cn.js';
import { zhTW } from './catalogue-zh-tw.js';
import { errorWords } from './error-words.js';
import { placeholdersOf } from './message-format.js';
import { createWords, ENGLISH } from './words.js';

/** Every language's catalogue: each must have English's keys, asking for the same values. */
const CATALOGUES: ReadonlyArray<readonly [string, Catalogue]> = [
  ['en', en],
  ['zh-CN', zhCN],
  ['zh-TW', zhTW],
];

describe('message catalogues', () => {
  it.each(CATALOGUES)('%s: every key of English, every pattern well-formed, the same placeholders', (_name, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, pattern] of Object.entries(en)) {
      const other = catalogue[key as keyof typeof en];
      expect(placeholdersOf(other), key).toEqual(placeholdersOf(pattern));
    }
  });

  it('words every error code: a title, a message and a hint', () => {
    for (const code of ERROR_CODES) {
      for (const part of ['title', 'message', 'hint']) expect(ENGLISH.has(`error.${code}.${part}`), `${code}.${part}`).toBe(true);
    }
  });

  it('has variants only for codes that exist', () => {
    for (const key of Object.keys(en).filter((k) => k.startsWith('error.') && k !== 'error.detail')) {
      const code = key.split('.')[1] ?? '';
      expect(ERROR_CODES as readonly string[], key).toContain(code);
    }
  });

  it('renders another catalogue of the same type without code changes (a zh catalogue is just data)', () => {
    const shouty = Object.fromEntries(
      Object.entries(en).map(([k, v]) => [k, k === 'error.INVALID_KEY.title' ? '网关拒绝了 API 密钥' : v]),
    ) as Catalogue;
    const words = createWords(shouty, 'zh-CN');
    expect(errorWords(words, appError('INVALID_KEY')).title).toBe('网关拒绝了 API 密钥');
    // Gate's own words stay as detail, whatever the language.
    expect(errorWords(words, appError('INVALID_KEY', {}, 'INVALID_KEY: Invalid key')).message).toContain('INVALID_KEY: Invalid key');
  });
});

describe('errorWords', () => {
  it('picks the variant named by the reason, the code’s words otherwise', () => {
    expect(errorWords(ENGLISH, appError('INVALID_KEY', { reason: 'http-401' })).message).toBe('Gate did not accept the API key.');
    expect(errorWords(ENGLISH, appError('INVALID_KEY')).message).toBe('Gate does not recognise this API key.');
  });

  it('words the new OVERDUE code from its seconds', () => {
    const overdue = errorWords(ENGLISH, appError('OVERDUE', { seconds: 185 }));
    expect(overdue.title).toBe('Not refreshed for 3 min');
    expect(overdue.message).toBe('Not refreshed for 3 min.');
    expect(overdue.hint).toMatch(/^The amount shown is the last one received/);
  });

  it('cleans outside text once, where the error is built: one line, no control or bidi characters, bounded', () => {
    const e = appError('NETWORK', {}, 'evil\u202eknil\u0007 line\nbreak ' + 'x'.repeat(400));
    // eslint-disable-next-line no-control-regex -- the control characters are what must be gone
    expect(e.detail).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(e.detail?.startsWith('evilknil line break ')).toBe(true);
    expect(e.detail?.length).toBeLessThanOrEqual(300);
    expect(appError('NETWORK', {}, ' \u0000 ').detail).toBeNull();
  });
});
