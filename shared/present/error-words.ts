/**
 * An AppError's words, rendered from its code and values: a short title, what happened (with
 * Gate's or the system's own words as detail), and what to do. The CLI, the tray and the
 * popover all read errors through here, so they say the same thing.
 */
import type { AppError } from '../errors.js';
import type { MessageKey } from './catalogue.js';
import { permissionList } from './key-health-words.js';
import type { Words } from './words.js';

/** What people read about one error. */
export interface ErrorWords {
  readonly title: string;
  /** What happened, with the detail worked in when there is one. */
  readonly message: string;
  /** What happened in these words alone, without the detail: the sentence a screen shows, the detail kept behind "Details". */
  readonly summary: string;
  readonly hint: string;
  /** Gate's or the system's own words, as carried by the error; a failed connection's cause in these words. */
  readonly detail: string | null;
}

/**
 * A failed connection's cause in these words (a NETWORK error carries it by name and values:
 * `cause`, `code`, `where`…), then where it failed; null for params without a cause we know.
 */
export function networkCauseWords(words: Words, params: AppError['params']): string | null {
  const cause = params['cause'];
  const key = `error.NETWORK.cause.${String(cause)}`;
  if (typeof cause !== 'string' || !words.has(key)) return null;
  const text = words.t(key, params);
  return params['where'] === undefined ? text : text + words.t('error.NETWORK.where', params);
}

function variant(words: Words, base: string, reason: string | number | undefined): MessageKey {
  if (reason !== undefined) {
    const key = `${base}.${reason}`;
    if (words.has(key)) return key;
  }
  // Every code has its base keys (checked by the catalogue test).
  return base as MessageKey;
}

/** The title, message and hint of an error in these words. */
export function errorWords(words: Words, error: AppError): ErrorWords {
  const { code } = error;
  // Gate's permission names travel as codes ("spot,wallet") and are worded here, as a list in the reader's language.
  const params =
    code === 'KEY_CAN_WRITE'
      ? { ...error.params, permissions: permissionList(words, String(error.params['permissions'] ?? '').split(',')) }
      : error.params;
  // The cause's words replace the English ones the error carries for logs and `--json`.
  const cause = code === 'NETWORK' ? networkCauseWords(words, params) : null;
  const detail = cause ?? error.detail;
  const reason = params['reason'];
  const summary = words.t(variant(words, `error.${code}.message`, reason), params);
  const detailKey = `error.${code}.detail`;
  const template: MessageKey = words.has(detailKey) ? detailKey : 'error.detail';
  const message =
    detail === null ? summary : words.t(template, { ...params, message: summary, statement: summary.replace(/[.。]$/u, ''), detail });
  return {
    title: words.t(variant(words, `error.${code}.title`, undefined), params),
    message,
    // A cause worded here belongs in the sentence; Gate's or the system's own words do not.
    summary: cause === null ? summary : message,
    hint: words.t(variant(words, `error.${code}.hint`, reason), params),
    detail,
  };
}

/** One line, newlines folded: for stderr, status bars and tooltips. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
