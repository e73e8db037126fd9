/**
 * The combined figure against an independent oracle: random sources with up to 40 significant
 * digits (signs, zeros, missing totals, stale ones), summed with BigInt at a common scale.
 */
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../shared/portfolio.js';
import { combineSources } from '../../../shared/portfolio.js';
import { seededRandom } from '../testing/seeded-random.js';

const SCALE = 40;

function randomDecimal(next: () => number): string {
  const digits = 1 + Math.floor(next() * 40);
  let text = '';
  for (let i = 0; i < digits; i += 1) text += String(Math.floor(next() * 10));
  const point = Math.floor(next() * (digits + 1));
  const whole = text.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = text.slice(point);
  return `${next() < 0.2 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function scaled(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const units = BigInt(whole + fraction.padEnd(SCALE, '0'));
  return negative ? -units : units;
}

function unscaled(units: bigint): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(SCALE + 1, '0');
  const fraction = text.slice(-SCALE).replace(/0+$/, '');
  return `${negative ? '-' : ''}${text.slice(0, -SCALE)}${fraction ? `.${fraction}` : ''}`;
}

describe('combineSources, by an independent oracle', () => {
  it('is the exact sum of the totals it counts, for 500 random portfolios', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const next = seededRandom(seed);
      const n = 1 + Math.floor(next() * 8);
      const sources: Source[] = Array.from({ length: n }, (_, i) => {
        const missing = next() < 0.15;
        return {
          id: `sub:p:${i}`,
          kind: i === 0 ? 'key' : 'sub-account',
          profile: 'p',
          uid: String(i),
          name: `s${i}`,
          total: missing ? null : { currency: 'CNY', amount: randomDecimal(next) },
          estimated: i > 0,
          partial: i > 0 && next() < 0.5,
          covers: [],
          unpriced: [],
          status: missing ? 'error' : next() < 0.2 ? 'stale' : 'ok',
          error: null,
          fetchedAt: 0,
          rate: null,
          accounts: [],
        };
      });
      const counted = sources.filter((s) => s.total !== null);
      const expected = unscaled(counted.reduce((acc, s) => acc + scaled(s.total!.amount), 0n));
      const combined = combineSources(sources, 'CNY');
      expect(scaled(combined.amount), `seed ${seed}`).toBe(scaled(expected));
      expect(combined.partial, `seed ${seed}`).toBe(counted.length < n || sources.some((s) => s.partial));
      expect(combined.stale, `seed ${seed}`).toBe(sources.some((s) => s.status === 'stale'));
    }
  });
});
