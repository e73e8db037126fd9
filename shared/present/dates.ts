/**
 * Clock times and dates in the words' locale (or the runtime's default): when data arrived and
 * when a point of history was taken. Formatters are cached per locale and shape.
 */
import type { Words } from './words.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(words: Words, shape: 'time' | 'minutes' | 'day' | 'date-time', timeZone: string | undefined): Intl.DateTimeFormat {
  const id = `${words.numberLocale ?? ''}|${shape}|${timeZone ?? ''}`;
  let f = cache.get(id);
  if (f === undefined) {
    const options: Intl.DateTimeFormatOptions =
      shape === 'time'
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
        : shape === 'minutes'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : shape === 'day'
            ? { month: 'short', day: 'numeric' }
            : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    f = new Intl.DateTimeFormat(words.numberLocale, { ...options, ...(timeZone ? { timeZone } : {}) });
    cache.set(id, f);
  }
  return f;
}

/** "14:05:09" in local time: when the data arrived. */
export function clockTime(words: Words, epochMs: number, timeZone?: string): string {
  return formatter(words, 'time', timeZone).format(epochMs);
}

/** "14:05": when the data arrived, where room is short (the tray). */
export function clockMinutes(words: Words, epochMs: number, timeZone?: string): string {
  return formatter(words, 'minutes', timeZone).format(epochMs);
}

/** "14:05:09", or "Nov 24, 14:05:09" when the data is from another day than `now`. */
export function asOfTime(words: Words, epochMs: number, now: number): string {
  const a = new Date(epochMs);
  const b = new Date(now);
  const sameDay = a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  const time = clockTime(words, epochMs);
  return sameDay ? time : words.t('time.day-and-time', { day: formatter(words, 'day', undefined).format(epochMs), time });
}

/** "Nov 25, 14:05": a point of history. */
export function shortDateTime(words: Words, epochMs: number): string {
  return formatter(words, 'date-time', undefined).format(epochMs);
}
