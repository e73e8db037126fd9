/**
 * A month of one-minute use, as the browser journeys write it into the app's history file: the
 * same seeded month on every run, swinging a few percent around the live total.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryPoint } from '../../shared/balance.js';
import { thinHistory } from '../../shared/history.js';
import { formatHistoryLine, historyFileName } from '../../electron/core/balance/history-store.js';
import { seededRandom } from '../../electron/core/testing/seeded-random.js';
import type { Harness } from './harness.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Cents as Gate writes money: digits, a point, two decimals (exact; no float ever holds the amount). */
export const money = (cents: bigint): string => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

/** A non-negative decimal string as whole cents, the rest cut off. */
export function toCents(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole + fraction.padEnd(2, '0').slice(0, 2));
}

/**
 * One point a minute for `days` days up to a minute before `now`, swinging a few percent around
 * `nowCents` (a nine-day wave, a daily one and a random walk that ends at zero now), as cents.
 */
export function monthOfMinutes(now: number, nowCents: bigint, days: number): { at: number; cents: bigint }[] {
  const next = seededRandom(20261201);
  const count = Math.floor((days * DAY) / MINUTE);
  const walk: number[] = new Array<number>(count);
  let w = 0;
  for (let i = count - 1; i >= 0; i -= 1) {
    walk[i] = w;
    w += (next() - 0.5) * 0.0016;
  }
  const out: { at: number; cents: bigint }[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = now - (count - i) * MINUTE;
    const t = at - now;
    const factor = 1 + 0.035 * Math.sin((2 * Math.PI * t) / (9 * DAY)) + 0.008 * Math.sin((2 * Math.PI * t) / DAY) + walk[i]!;
    out.push({ at, cents: (nowCents * BigInt(Math.round(factor * 1_000_000))) / 1_000_000n });
  }
  return out;
}

/**
 * Writes `monthOfMinutes` for 29 days before `now` around `liveUsdt` into the history file of the
 * harness's endpoint, thinned as the store keeps it, in the store's own line format (as the CLI
 * or an earlier run would have left it).
 */
export function writeMonthOfHistory(harness: Pick<Harness, 'dataDir' | 'simulatorUrl'>, now: number, liveUsdt: string): void {
  const points = monthOfMinutes(now, toCents(liveUsdt), 29).map((m): HistoryPoint => ({
    at: m.at,
    currency: 'USDT',
    total: money(m.cents),
  }));
  const stored = thinHistory(points, now, () => 0);
  writeFileSync(join(harness.dataDir, historyFileName(harness.simulatorUrl)), stored.map(formatHistoryLine).join(''));
}
