/**
 * Which language Gate Glance speaks, and which locale its numbers and dates follow. Two things
 * kept apart on purpose: the messages come in one of the three languages we have words for,
 * while numbers and dates keep following the user's regional locale where that does not clash
 * with the words (`de_DE` reads English messages but still groups `1.234,5`).
 *
 * Pure functions: the app's shell passes in what Electron reports, the CLI its environment.
 */

/** The languages Gate Glance has words for. */
const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;

/** One language Gate Glance speaks (a BCP 47 tag). */
export type Language = (typeof LANGUAGES)[number];

/** The language setting: follow the system, or one language whatever the system says. */
export type LocalePreference = (typeof LOCALE_PREFERENCES)[number];

/** Every value of the language setting, in the order Settings lists them. */
export const LOCALE_PREFERENCES = ['system', ...LANGUAGES] as const;

/** What every surface renders with. */
export interface LocaleChoice {
  /** The message language. */
  readonly language: Language;
  /** BCP 47 locale for numbers and dates; undefined means the runtime's default. */
  readonly formatLocale: string | undefined;
}

/** True for `en`, `zh-CN` and `zh-TW`, the exact tags `--locale` and Settings accept. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** True for a value of the language setting. */
export function isLocalePreference(value: unknown): value is LocalePreference {
  return value === 'system' || isLanguage(value);
}

/** The `C` and `POSIX` locales (with or without a codeset, `C.UTF-8`): no language at all. */
function isCLocale(name: string): boolean {
  return /^(?:C|POSIX)(?:[.@]|$)/.test(name);
}

/**
 * A BCP 47 tag from a POSIX locale name (`zh_CN.UTF-8` → `zh-CN`, `zh_TW.Big5@euro` → `zh-TW`)
 * or from a BCP 47 tag itself (canonicalised); null for `C`/`POSIX` and anything unreadable.
 */
export function toBcp47(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '' || isCLocale(trimmed)) return null;
  const base = trimmed.replace(/[.@].*$/, '').replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(base)[0] ?? null;
  } catch {
    return null;
  }
}

const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * The language we speak for a locale (BCP 47 or POSIX), or null when we have no words for it.
 * Chinese: the script wins (`zh-Hans-HK` is Simplified, `zh-Hant` Traditional); without one,
 * TW/HK/MO are Traditional, CN/SG and a bare `zh` Simplified, and any other region takes the
 * script CLDR's likely subtags give it (`zh-MY` is Simplified).
 */
export function languageOf(name: string): Language | null {
  const tag = toBcp47(name);
  if (tag === null) return null;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return null;
  }
  if (locale.language === 'en') return 'en';
  if (locale.language !== 'zh') return null;
  if (locale.script === 'Hans') return 'zh-CN';
  if (locale.script === 'Hant') return 'zh-TW';
  if (locale.region === undefined || locale.region === 'CN' || locale.region === 'SG') return 'zh-CN';
  if (TRADITIONAL_REGIONS.has(locale.region)) return 'zh-TW';
  return locale.maximize().script === 'Hant' ? 'zh-TW' : 'zh-CN';
}

/**
 * The locale for numbers and dates, given the message language and the user's regional locale:
 * the regional locale when it speaks the same language (`en-GB`, `zh-HK`), or when the messages
 * fell back to English from a language we have no words for (`de-DE`); otherwise the message
 * language itself, so Chinese words never sit beside another language's month names.
 */
function formatLocaleFor(language: Language, regional: string | null): string | undefined {
  if (regional === null) return language === 'en' ? undefined : language;
  const regionalLanguage = languageOf(regional);
  if (regionalLanguage === language) return regional;
  if (regionalLanguage === null && language === 'en') return regional;
  return language;
}

/** What the Electron shell reports about the system's languages. */
export interface SystemLanguages {
  /** `app.getPreferredSystemLanguages()`, most preferred first. */
  readonly preferredLanguages: readonly string[];
  /** `app.getLocale()`. */
  readonly appLocale: string;
}

/** The system's languages and the language setting. */
export interface AppLocaleInput extends SystemLanguages {
  readonly preference: LocalePreference;
}

/**
 * The app's language: the setting when it names one, else the first preferred system language
 * we speak, else `app.getLocale()` when we speak it, else English. Numbers and dates follow the
 * most preferred system language (the user's region), as `formatLocaleFor` allows.
 */
export function chooseAppLocale(input: AppLocaleInput): LocaleChoice {
  const candidates = [...input.preferredLanguages, input.appLocale];
  const regional = candidates.map(toBcp47).find((tag) => tag !== null) ?? null;
  const language: Language =
    input.preference !== 'system' ? input.preference : (candidates.map(languageOf).find((l) => l !== null) ?? 'en');
  return { language, formatLocale: formatLocaleFor(language, regional) };
}

/** What the CLI knows about its surroundings. */
export interface CliLocaleInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `process.platform`. */
  readonly platform: string;
  /**
   * The system locale as Intl reports it (`Intl.NumberFormat().resolvedOptions().locale`). Asked
   * only on Windows and macOS when no variable decides: the first Intl call starts ICU (~20 ms),
   * which a command line that never formats a number must not pay up front.
   */
  readonly systemLocale: () => string | undefined;
  /** `--locale`, already checked with `isLanguage`. */
  readonly override?: Language | undefined;
}

/**
 * The CLI's language, as gettext picks it: the first set (non-empty) of `LC_ALL`, `LC_MESSAGES`,
 * `LANG`; on Windows and macOS without them, the system locale. `C`/`POSIX` (any codeset) means
 * English and ignores `LANGUAGE`; otherwise a non-empty `LANGUAGE` is a priority list that
 * replaces the locale (its first entry we speak wins; none means English, as in gettext).
 * `--locale` overrides all of it. Numbers and dates follow `LC_ALL`, `LC_NUMERIC`, `LANG`.
 */
export function chooseCliLocale(input: CliLocaleInput): LocaleChoice {
  const get = (name: string): string | undefined => {
    const value = input.env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const desktopDefault = (): string | undefined =>
    input.platform === 'win32' || input.platform === 'darwin' ? input.systemLocale() : undefined;
  const messages = get('LC_ALL') ?? get('LC_MESSAGES') ?? get('LANG') ?? desktopDefault() ?? 'C';
  const numeric = get('LC_ALL') ?? get('LC_NUMERIC') ?? get('LANG') ?? desktopDefault();
  const regional = numeric === undefined ? null : toBcp47(numeric);
  let language: Language = 'en';
  if (input.override !== undefined) {
    language = input.override;
  } else if (!isCLocale(messages)) {
    const priority = (get('LANGUAGE') ?? '').split(':').filter((n) => n !== '');
    const names = priority.length > 0 ? priority : [messages];
    language = names.map(languageOf).find((l) => l !== null) ?? 'en';
  }
  return { language, formatLocale: formatLocaleFor(language, regional) };
}
