/**
 * One language's words, ready to render (no catalogue in here: the renderer imports this module
 * and loads its catalogues on demand; words.ts adds English for main, the CLI and tests): the catalogue, the language its plurals follow and
 * the locale numbers and dates follow (the user's regional locale, which may differ from the
 * language when a catalogue is missing: `de_DE` still groups `1.234,5` in English words).
 */
import type { Catalogue, MessageKey } from './catalogue.js';
import { formatMessage, type CustomFormat, type MessageParams } from './message-format.js';

/** Words of one language, and the one function that renders them. */
export interface Words {
  /** BCP 47 tag of the catalogue's language (`en`, `zh-CN`, `zh-TW`). */
  readonly language: string;
  /** BCP 47 locale for numbers and dates; undefined means the runtime's default. */
  readonly numberLocale: string | undefined;
  /** Renders a message with its values. */
  t(key: MessageKey, params?: MessageParams): string;
  /** Whether the catalogue has a (variant) key; variants are looked up by name at run time. */
  has(key: string): key is MessageKey;
}

/** Builds the words of a catalogue. */
export function createWords(catalogue: Catalogue, language: string, numberLocale?: string): Words {
  const words: Words = {
    language,
    numberLocale,
    t(key, params = {}) {
      return renderPattern(words, catalogue[key], params);
    },
    has(key): key is MessageKey {
      return Object.hasOwn(catalogue, key);
    },
  };
  return words;
}

/** Renders a pattern of another catalogue of the same language (the CLI's) with these words' locale and time words. */
export function renderPattern(words: Words, pattern: string, params: MessageParams = {}): string {
  return formatMessage(pattern, params, {
    locale: words.numberLocale ?? words.language,
    custom: (format, value) => custom(words, format, value),
  });
}

/** Codes or phrases listed in a sentence: "a, b, c" in English, "a、b、c" in Chinese (never English commas in a Chinese sentence). */
export function formatList(words: Words, items: readonly string[]): string {
  return items.join(words.t('list.separator'));
}

/** "250 ms", "1 second", "10 seconds" (rounded up): how long something may take. */
export function formatDuration(words: Words, ms: number): string {
  if (ms < 1000) return words.t('time.milliseconds', { count: Math.max(0, Math.round(ms)) });
  return words.t('time.seconds', { count: Math.max(1, Math.ceil(ms / 1000)) });
}

/** "just now", "45 s", "3 min", "2 h", "3 d": a compact age for banners, tooltips and menus. */
export function formatAge(words: Words, seconds: number): string {
  if (seconds < 5) return words.t('time.age.now');
  if (seconds < 60) return words.t('time.age.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return words.t('time.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return words.t('time.age.hours', { count: hours });
  return words.t('time.age.days', { count: Math.floor(hours / 24) });
}

/** "42 s" below two minutes, else "3 min" (rounded up): a countdown that does not jump around. */
export function formatCountdown(words: Words, seconds: number): string {
  return seconds < 120
    ? words.t('time.countdown.seconds', { count: seconds })
    : words.t('time.countdown.minutes', { count: Math.ceil(seconds / 60) });
}

function custom(words: Words, format: CustomFormat, value: number): string {
  return format === 'duration' ? formatDuration(words, value) : formatAge(words, Math.max(0, Math.floor(value)));
}
