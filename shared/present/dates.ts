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

/** A moment as a wall clock shows it in one zone, with that zone's offset from UTC in minutes (east positive). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly offsetMinutes: number;
}

const zoneParts = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock at `epochMs` in `timeZone`, or in the system's zone without one. The system's
 * zone is read through Date's own getters: no Intl formatter is built on the CLI's start path.
 */
export function wallClock(epochMs: number, timeZone?: string): WallClock {
  if (timeZone === undefined) {
    const d = new Date(epochMs);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
      offsetMinutes: -d.getTimezoneOffset(),
    };
  }
  let f = zoneParts.get(timeZone);
  if (f === undefined) {
    const numeric = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    f = new Intl.DateTimeFormat('en-US', { ...numeric, hourCycle: 'h23', timeZone });
    zoneParts.set(timeZone, f);
  }
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(f.formatToParts(epochMs).find((p) => p.type === type)?.value);
  const [year, month, day, hour, minute, second] = [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return { year, month, day, hour, minute, second, offsetMinutes: Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000) };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `UTC+08:00`, `UTC-03:30`, or `UTC` for no offset: the zone a local time is in, said once per output. */
export function utcOffsetText(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const size = Math.abs(offsetMinutes);
  return `UTC${offsetMinutes > 0 ? '+' : '-'}${two(Math.floor(size / 60))}:${two(size % 60)}`;
}

/** The parameters of a date pattern (`cli.time.stamp`): month and day in two digits, so a column of dates lines up. */
export function wallClockParams(clock: WallClock): Readonly<Record<string, string>> {
  return {
    year: String(clock.year),
    month: two(clock.month),
    day: two(clock.day),
    time: `${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}`,
    minutes: `${two(clock.hour)}:${two(clock.minute)}`,
  };
}
