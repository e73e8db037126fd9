import { describe, expect, it } from 'vitest';
import {
  chooseAppLocale,
  chooseCliLocale,
  isLanguage,
  isLocalePreference,
  languageOf,
  LOCALE_PREFERENCES,
  toBcp47,
  type CliLocaleInput,
} from './locale.js';

describe('languageOf', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-Hans-TW', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hant-CN', 'zh-TW'],
    ['zh-MY', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh_CN.GB18030', 'zh-CN'],
    ['zh_SG.GBK', 'zh-CN'],
    ['zh_TW.UTF-8', 'zh-TW'],
    ['zh_TW.Big5', 'zh-TW'],
    ['zh_HK.UTF-8', 'zh-TW'],
    ['zh_HK.UTF-8@modifier', 'zh-TW'],
    ['ZH-tw', 'zh-TW'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en_GB.UTF-8', 'en'],
    ['en-150', 'en'],
  ] as const)('%s → %s', (name, language) => {
    expect(languageOf(name)).toBe(language);
  });

  it.each(['de-DE', 'de_DE.UTF-8', 'ja-JP', 'fr', 'yue-Hant-HK', 'C', 'POSIX', 'C.UTF-8', 'C.utf8', '', '  ', 'not a locale', '12', 'zh-'])(
    '%j is not a language we speak',
    (name) => {
      expect(languageOf(name)).toBeNull();
    },
  );
});

describe('toBcp47', () => {
  it('turns POSIX names into BCP 47 tags and drops codeset and modifier', () => {
    expect(toBcp47('zh_CN.UTF-8')).toBe('zh-CN');
    expect(toBcp47('de_DE.UTF-8@euro')).toBe('de-DE');
    expect(toBcp47('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(toBcp47('en')).toBe('en');
  });
  it('has no tag for C, POSIX or nonsense', () => {
    for (const name of ['C', 'POSIX', 'C.UTF-8', '', '%%', 'a_b_c_d_e_f_g_h_i']) expect(toBcp47(name)).toBeNull();
  });
});

describe('isLanguage / isLocalePreference', () => {
  it('accepts exactly the three tags, and system for the setting', () => {
    expect(['en', 'zh-CN', 'zh-TW'].every(isLanguage)).toBe(true);
    for (const bad of ['zh', 'zh-cn', 'zh_CN', 'EN', 'system', 'de', '', null, 1, undefined]) expect(isLanguage(bad)).toBe(false);
    expect(LOCALE_PREFERENCES).toEqual(['system', 'en', 'zh-CN', 'zh-TW']);
    expect(LOCALE_PREFERENCES.every(isLocalePreference)).toBe(true);
    expect(isLocalePreference('auto')).toBe(false);
  });
});

describe('chooseAppLocale', () => {
  const app = (preferredLanguages: string[], appLocale: string, preference: 'system' | 'en' | 'zh-CN' | 'zh-TW' = 'system') =>
    chooseAppLocale({ preferredLanguages, appLocale, preference });

  it('takes the first preferred system language it speaks', () => {
    expect(app(['zh-Hans-CN', 'en-US'], 'en-US')).toEqual({ language: 'zh-CN', formatLocale: 'zh-Hans-CN' });
    expect(app(['zh-Hant-TW'], 'zh-TW')).toEqual({ language: 'zh-TW', formatLocale: 'zh-Hant-TW' });
    expect(app(['en-GB', 'zh-CN'], 'zh-CN')).toEqual({ language: 'en', formatLocale: 'en-GB' });
  });

  it('skips languages it has no words for; the region still formats numbers when the words are English', () => {
    expect(app(['de-DE', 'zh-HK'], 'de')).toEqual({ language: 'zh-TW', formatLocale: 'zh-TW' });
    expect(app(['de-DE', 'fr-FR'], 'de')).toEqual({ language: 'en', formatLocale: 'de-DE' });
  });

  it('falls back to app.getLocale(), then to English', () => {
    expect(app([], 'zh-CN')).toEqual({ language: 'zh-CN', formatLocale: 'zh-CN' });
    expect(app(['ja-JP'], 'zh-TW')).toEqual({ language: 'zh-TW', formatLocale: 'zh-TW' });
    expect(app([], 'en-US')).toEqual({ language: 'en', formatLocale: 'en-US' });
    expect(app([], '')).toEqual({ language: 'en', formatLocale: undefined });
  });

  it('lets the setting override the system', () => {
    expect(app(['zh-CN'], 'zh-CN', 'en')).toEqual({ language: 'en', formatLocale: 'en' });
    expect(app(['en-US'], 'en-US', 'zh-TW')).toEqual({ language: 'zh-TW', formatLocale: 'zh-TW' });
    expect(app(['zh-HK'], 'zh-HK', 'zh-TW')).toEqual({ language: 'zh-TW', formatLocale: 'zh-HK' });
    expect(app(['de-DE'], 'de', 'en')).toEqual({ language: 'en', formatLocale: 'de-DE' });
    expect(app(['de-DE'], 'de', 'zh-CN')).toEqual({ language: 'zh-CN', formatLocale: 'zh-CN' });
  });
});

describe('chooseCliLocale', () => {
  const cli = (env: CliLocaleInput['env'], extra: Partial<CliLocaleInput> = {}) =>
    chooseCliLocale({ env, platform: 'linux', systemLocale: () => 'en-US', ...extra });

  it('reads LANG', () => {
    expect(cli({ LANG: 'zh_CN.UTF-8' })).toEqual({ language: 'zh-CN', formatLocale: 'zh-CN' });
    expect(cli({ LANG: 'zh_TW.UTF-8' })).toEqual({ language: 'zh-TW', formatLocale: 'zh-TW' });
    expect(cli({ LANG: 'zh_HK.UTF-8' })).toEqual({ language: 'zh-TW', formatLocale: 'zh-HK' });
    expect(cli({ LANG: 'en_US.UTF-8' })).toEqual({ language: 'en', formatLocale: 'en-US' });
  });

  it('prefers LC_ALL, then LC_MESSAGES, then LANG; an empty variable counts as unset', () => {
    expect(cli({ LC_ALL: 'zh_TW.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }).language).toBe('zh-TW');
    expect(cli({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_TW.UTF-8' }).language).toBe('zh-CN');
    expect(cli({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_TW.UTF-8' }).language).toBe('zh-TW');
    expect(cli({ LC_ALL: '', LANG: '' }).language).toBe('en');
  });

  it('speaks English for C, POSIX and C.UTF-8, and then ignores LANGUAGE', () => {
    for (const c of ['C', 'POSIX', 'C.UTF-8', 'C.utf8']) {
      expect(cli({ LANG: c })).toEqual({ language: 'en', formatLocale: undefined });
      expect(cli({ LC_ALL: c, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' }).language).toBe('en');
    }
    expect(cli({ LANGUAGE: 'zh_CN' }).language).toBe('en');
  });

  it('honours LANGUAGE as a priority list over the locale', () => {
    expect(cli({ LANG: 'en_US.UTF-8', LANGUAGE: 'zh_TW:zh_CN' }).language).toBe('zh-TW');
    expect(cli({ LANG: 'en_US.UTF-8', LANGUAGE: 'de:zh_CN:en' }).language).toBe('zh-CN');
    expect(cli({ LANG: 'zh_CN.UTF-8', LANGUAGE: 'en_GB:zh_CN' }).language).toBe('en');
    expect(cli({ LANG: 'zh_CN.UTF-8', LANGUAGE: 'de:fr' }).language).toBe('en');
    expect(cli({ LANG: 'zh_CN.UTF-8', LANGUAGE: '' }).language).toBe('zh-CN');
    expect(cli({ LANG: 'zh_CN.UTF-8', LANGUAGE: '::' }).language).toBe('zh-CN');
  });

  it('keeps the regional locale for numbers where the messages fall back to English', () => {
    expect(cli({ LANG: 'de_DE.UTF-8' })).toEqual({ language: 'en', formatLocale: 'de-DE' });
    expect(cli({ LC_MESSAGES: 'en_US.UTF-8', LC_NUMERIC: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' })).toEqual({
      language: 'en',
      formatLocale: 'de-DE',
    });
    expect(cli({ LC_ALL: 'fr_FR.UTF-8', LC_NUMERIC: 'de_DE.UTF-8' })).toEqual({ language: 'en', formatLocale: 'fr-FR' });
    expect(cli({ LANG: 'de_DE.UTF-8', LANGUAGE: 'zh_CN' })).toEqual({ language: 'zh-CN', formatLocale: 'zh-CN' });
  });

  it('uses the system locale on Windows and macOS when no variable is set, but not on Linux', () => {
    expect(cli({}, { platform: 'win32', systemLocale: () => 'zh-CN' })).toEqual({ language: 'zh-CN', formatLocale: 'zh-CN' });
    expect(cli({}, { platform: 'darwin', systemLocale: () => 'zh-Hant-TW' })).toEqual({ language: 'zh-TW', formatLocale: 'zh-Hant-TW' });
    expect(cli({}, { platform: 'darwin', systemLocale: () => 'de-DE' })).toEqual({ language: 'en', formatLocale: 'de-DE' });
    expect(cli({ LANG: 'en_US.UTF-8' }, { platform: 'darwin', systemLocale: () => 'zh-CN' }).language).toBe('en');
    expect(cli({}, { platform: 'linux', systemLocale: () => 'zh-CN' })).toEqual({ language: 'en', formatLocale: undefined });
    expect(cli({}, { platform: 'win32', systemLocale: () => undefined })).toEqual({ language: 'en', formatLocale: undefined });
  });

  it('asks for the system locale only when it decides (asking starts ICU)', () => {
    let asked = 0;
    const systemLocale = (): string => {
      asked += 1;
      return 'zh-CN';
    };
    cli({}, { platform: 'linux', systemLocale });
    cli({ LANG: 'en_US.UTF-8' }, { platform: 'darwin', systemLocale });
    cli({ LC_ALL: 'zh_CN.UTF-8' }, { platform: 'win32', systemLocale });
    expect(asked).toBe(0);
    expect(cli({ LANG: 'en_US.UTF-8', LC_MESSAGES: '' }, { platform: 'darwin', systemLocale }).language).toBe('en');
    expect(asked).toBe(0);
    expect(cli({}, { platform: 'darwin', systemLocale }).language).toBe('zh-CN');
    expect(asked).toBeGreaterThan(0);
  });

  it('lets --locale override everything', () => {
    expect(cli({ LC_ALL: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' }, { override: 'en' })).toEqual({ language: 'en', formatLocale: 'en' });
    expect(cli({ LANG: 'C' }, { override: 'zh-CN' })).toEqual({ language: 'zh-CN', formatLocale: 'zh-CN' });
    expect(cli({ LANG: 'de_DE.UTF-8' }, { override: 'en' })).toEqual({ language: 'en', formatLocale: 'de-DE' });
    expect(cli({ LANG: 'zh_HK.UTF-8' }, { override: 'zh-TW' })).toEqual({ language: 'zh-TW', formatLocale: 'zh-HK' });
  });
});
