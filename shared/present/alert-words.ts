/**
 * A fired alert in words (the notification's title and body), rendered at the edge in the
 * user's language. In privacy mode a notification carries no amount, threshold or percent of
 * the net worth: only which kind of line was crossed.
 */
import type { AlertEvent } from '../alerts.js';
import { displayMoney } from './amounts.js';
import { calendarDate } from './key-health-words.js';
import type { Words } from './words.js';

/** What a notification shows. */
export interface AlertText {
  readonly title: string;
  readonly body: string;
}

/** The words of one fired alert. */
export function alertWords(words: Words, event: AlertEvent, privacy: boolean): AlertText {
  const hidden = privacy ? 'yes' : 'no';
  switch (event.kind) {
    case 'above':
    case 'below': {
      const line = privacy ? words.t('alert.threshold-private') : displayMoney(words, event.threshold, event.currency, { privacy: false });
      const money = privacy ? '' : displayMoney(words, event.total, event.currency, { privacy: false });
      return {
        title: words.t('alert.crossed.title', { kind: event.kind, line }),
        body: words.t('alert.crossed.body', { kind: event.kind, line, privacy: hidden, money }),
      };
    }
    case 'move': {
      const size = event.change.percent === null || privacy ? '' : event.change.percent.replace(/^[+-]/, '');
      return {
        title: words.t('alert.move.title', {
          direction: event.change.direction > 0 ? 'up' : 'down',
          size: size === '' ? 'none' : 'some',
          percent: size,
        }),
        body: words.t('alert.move.body', { currency: event.currency, percent: event.percent }),
      };
    }
    case 'unreadable':
      if (event.sources !== undefined)
        return {
          title: words.t('alerts.portfolio.unreadable.title', { names: event.sources.join(', ') }),
          body: words.t('alerts.portfolio.unreadable.body', {
            names: event.sources.join(', '),
            reason: event.reason,
            minutes: event.staleMinutes,
          }),
        };
      return {
        title: words.t('alert.unreadable.title'),
        body:
          event.reason === 'permanent'
            ? words.t('alert.unreadable.body.permanent')
            : words.t('alert.unreadable.body.stale', { minutes: event.staleMinutes }),
      };
  }
}

/** The notice before the key's estimated expiry: days and an "about" date, never an amount. */
export function keyExpiryWords(words: Words, days: number, expiresAt: number): AlertText {
  return {
    title: words.t('alert.key-expiry.title', { days: Math.max(1, days) }),
    body: words.t('alert.key-expiry.body', { date: calendarDate(words, expiresAt) }),
  };
}
