/**
 * The key's health in the words' language: Gate's permission names (a list joined the
 * language's way: "Spot, Wallet", "现货、钱包"), the facts Settings and `gate-glance status`
 * show, and each warning as a sentence. Every date is "about": the expiry is an estimate.
 */
import type { KeyHealth, KeyWarning } from '../key-health.js';
import { daysUntilExpiry } from '../key-health.js';
import type { Words } from './message-words.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "Dec 16, 2026" / "2026年12月16日": the day of an estimated expiry. */
export function calendarDate(words: Words, epochMs: number, timeZone?: string): string {
  const id = `${words.numberLocale ?? words.language}|${timeZone ?? ''}`;
  let f = dateFormats.get(id);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(words.numberLocale ?? words.language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(timeZone ? { timeZone } : {}),
    });
    dateFormats.set(id, f);
  }
  return f.format(epochMs);
}

/** One of Gate's permission names in words ("spot" → "Spot" / "现货"); a name we do not know is "another permission". */
function permissionName(words: Words, name: string): string {
  const key = `key-health.permission.${name}`;
  return words.has(key) ? words.t(key) : words.t('key-health.permission.other');
}

/** Gate's permission names as one list in words, each once. */
export function permissionList(words: Words, names: readonly string[]): string {
  return [...new Set(names.map((n) => permissionName(words, n)))].join(words.t('key-health.list-separator'));
}

/** One warning as a sentence (for `status`, `login`, Settings and onboarding). */
export function keyWarningText(words: Words, warning: KeyWarning, health: KeyHealth, now: number, timeZone?: string): string {
  const date = health.expiresAt === null ? '' : calendarDate(words, health.expiresAt, timeZone);
  switch (warning) {
    case 'WRITE_PERMISSIONS':
      return words.t('key-health.warning.WRITE_PERMISSIONS', { permissions: permissionList(words, health.writePermissions) });
    case 'EXPIRES_SOON':
      return words.t('key-health.warning.EXPIRES_SOON', {
        days: Math.max(0, health.expiresAt === null ? 0 : daysUntilExpiry(health.expiresAt, now)),
        date,
      });
    case 'NO_IP_WHITELIST':
      return words.t('key-health.warning.NO_IP_WHITELIST', { known: health.expiresAt === null ? 'no' : 'yes', date });
    case 'KEY_LOCKED':
      return words.t('key-health.warning.KEY_LOCKED', { state: health.state ?? 'locked' });
    case 'ACCOUNT_PERMISSION_MISSING':
      return words.t('key-health.warning.ACCOUNT_PERMISSION_MISSING');
  }
}

/** One fact of the key: its label, its value in words, and whether it is as it should be (null: unknown or neutral). */
export interface KeyFact {
  readonly id: 'read-only' | 'ip-bound' | 'expiry' | 'state';
  readonly label: string;
  readonly value: string;
  readonly good: boolean | null;
}

/** When the key stops working, in words: "in about 10 days (around Dec 16, 2026)". */
function expiryText(words: Words, health: KeyHealth, now: number, timeZone?: string): string {
  if (health.expiresAt === null) return health.ipBound === true ? words.t('key-health.no-expiry') : words.t('key-health.unknown');
  const days = daysUntilExpiry(health.expiresAt, now);
  const date = calendarDate(words, health.expiresAt, timeZone);
  return days >= 0 ? words.t('key-health.expires-in', { days, date }) : words.t('key-health.expired-ago', { days: -days, date });
}

/** The facts Settings and `gate-glance status` list, in this order. */
export function keyHealthFacts(words: Words, health: KeyHealth, now: number, timeZone?: string): readonly KeyFact[] {
  const yesNo = (value: boolean | null): string =>
    value === null ? words.t('key-health.unknown') : words.t(value ? 'key-health.yes' : 'key-health.no');
  return [
    {
      id: 'read-only',
      label: words.t('key-health.read-only'),
      value:
        health.readOnly === false
          ? words.t('key-health.can-write', { permissions: permissionList(words, health.writePermissions) })
          : yesNo(health.readOnly),
      good: health.readOnly,
    },
    { id: 'ip-bound', label: words.t('key-health.ip-bound'), value: yesNo(health.ipBound), good: health.ipBound },
    {
      id: 'expiry',
      label: words.t('key-health.expiry'),
      value: expiryText(words, health, now, timeZone),
      good: health.expiresAt === null ? (health.ipBound === true ? true : null) : !health.warnings.includes('EXPIRES_SOON'),
    },
    {
      id: 'state',
      label: words.t('key-health.state'),
      value: words.t('key-health.state-value', { state: health.state ?? 'unknown' }),
      good: health.state === null ? null : health.state === 'normal',
    },
  ];
}
