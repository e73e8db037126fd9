import { describe, expect, it } from 'vitest';
import type { Catalogue } from './catalogue.js';
import { en } from './catalogue-en.js';
import { zhCN } from './catalogue-zh-cn.js';
import { zhTW } from './catalogue-zh-tw.js';
import { cliEn } from './cli-catalogue-en.js';
import { cliZhCN } from './cli-catalogue-zh-cn.js';
import { cliZhTW } from './cli-catalogue-zh-tw.js';
import { appError } from '../errors.js';
import { errorWords } from './error-words.js';
import { formatMessage, placeholdersOf } from './message-format.js';
import { createWords, formatList } from './message-words.js';

type Patterns = Readonly<Record<string, string>>;

// Each translation beside its English: the shared catalogue and the CLI's own.
const TRANSLATIONS: ReadonlyArray<[string, string, Patterns, Patterns]> = [
  ['zh-CN', 'shared', en, zhCN satisfies Catalogue],
  ['zh-TW', 'shared', en, zhTW satisfies Catalogue],
  ['zh-CN', 'CLI', cliEn, cliZhCN],
  ['zh-TW', 'CLI', cliEn, cliZhTW],
];

// Messages that read the same in Chinese: names, symbols and pure placeholders.
const SAME_IN_EVERY_LANGUAGE = new Set([
  'popover.app-name',
  'cli.table.no-share',
  'breakdown.chart-item',
  'tray.title.stale',
  'onboarding.key',
  'onboarding.secret',
  'unaccounted.amount.more',
  'language.en',
]);

const HAN = /\p{Script=Han}/u;

describe.each(TRANSLATIONS)('the %s %s catalogue', (language, _part, source, catalogue) => {
  it("has exactly English's keys", () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(source).sort());
  });

  it('asks for the same values as English in every message', () => {
    for (const key of Object.keys(source) as string[]) {
      expect({ key, names: placeholdersOf(catalogue[key] ?? '') }).toEqual({ key, names: placeholdersOf(source[key] ?? '') });
    }
  });

  it('renders every message without leaving a placeholder behind', () => {
    const values = new Proxy(
      {},
      {
        get: (_t, name) => (name === 'count' || name === 'seconds' || name === 'waitMs' || name === 'timeoutMs' ? 3 : `<${String(name)}>`),
        has: () => true,
      },
    );
    for (const key of Object.keys(source) as string[]) {
      const params = Object.fromEntries(placeholdersOf(source[key] ?? '').map((n) => [n, (values as Record<string, string | number>)[n]!]));
      const text = formatMessage(catalogue[key] ?? '', params, { locale: language, custom: () => '3' });
      expect({ key, text }).not.toEqual({ key, text: expect.stringMatching(/\{[\w-]+\}/) });
    }
  });

  it('is written in Chinese: no message with English words is left as the English one', () => {
    const words = (pattern: string, locale: string): string => {
      const params = Object.fromEntries(placeholdersOf(pattern).map((n) => [n, '']));
      return formatMessage(pattern, params, { locale, custom: () => '' });
    };
    const untranslated = (Object.keys(source) as string[]).filter((key) => {
      const english = words(source[key] ?? '', 'en');
      const chinese = words(catalogue[key] ?? '', language);
      return !SAME_IN_EVERY_LANGUAGE.has(key) && /\p{L}/u.test(english) && !HAN.test(chinese) && chinese === english;
    });
    expect(untranslated).toEqual([]);
  });
});

describe('Simplified and Traditional', () => {
  it('differ where the scripts differ', () => {
    expect(zhCN['tray.menu.refresh']).not.toBe(zhTW['tray.menu.refresh']);
    expect(zhCN['breakdown.title']).toBe('账户');
    expect(zhTW['breakdown.title']).toBe('帳戶');
  });

  it('read CNY as ¥ in Simplified only (Taiwan writes the code)', () => {
    const money = (pattern: string, sign = ''): string =>
      formatMessage(pattern, { sign, amount: '1', currency: 'CNY' }, { locale: 'zh', custom: () => '' });
    expect(money(zhCN['amount.money'])).toBe('¥1');
    expect(money(zhTW['amount.money'])).toBe('1 CNY');
    expect(money(en['amount.money'])).toBe('1 CNY');
    // The sign before ¥, as Intl writes CNY in zh-CN.
    expect(money(zhCN['amount.money'], '-')).toBe('-¥1');
    expect(money(zhTW['amount.money'], '-')).toBe('-1 CNY');
  });
});

describe('values put into Chinese sentences', () => {
  const zh = createWords(zhCN, 'zh-CN');
  const tw = createWords(zhTW, 'zh-TW');
  // Latin words other than the names that stay as written (Gate, API, JSON…).
  const english = (text: string): string[] =>
    (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !['Gate', 'API', 'Key', 'JSON'].includes(w));

  it('word the permission an account needs and the answer that was bad, from their codes', () => {
    const permission = errorWords(zh, appError('FORBIDDEN', { reason: 'holdings-permission', account: 'spot' }));
    expect(permission.message).toBe('此密钥未开启“现货”只读权限，因此 Gate 不会列出此账户的币种。');
    expect(permission.hint).toContain('请开启“现货：只读”');
    expect(errorWords(tw, appError('FORBIDDEN', { reason: 'holdings-permission', account: 'futures' })).message).toContain('「永續合約」');
    const shape = errorWords(zh, appError('BAD_RESPONSE', { reason: 'holdings-shape', what: 'earn-lends', path: '0', issue: '?' }));
    expect(english(shape.message)).toEqual([]);
    expect(createWords(en, 'en').t('error.FORBIDDEN.message.holdings-permission', { account: 'unified' })).toContain('Unified Account');
  });

  it("join a list of codes with the language's own separator", () => {
    expect(formatList(zh, ['24h', '7d', 'all'])).toBe('24h、7d、all');
    expect(formatList(tw, ['BTC', 'CNY'])).toBe('BTC、CNY');
    expect(formatList(createWords(en, 'en'), ['BTC', 'CNY'])).toBe('BTC, CNY');
  });

  it("put Gate's detail before the full stop, once", () => {
    const detailed = errorWords(zh, appError('INVALID_KEY', {}, 'INVALID_KEY: bad'));
    expect(detailed.message).toBe('Gate 无法识别此 API Key（Gate：INVALID_KEY: bad）。');
  });
});
