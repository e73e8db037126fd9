import { describe, expect, it } from 'vitest';
import { evaluateKeyExpiry, type KeyExpiryMemory } from './key-expiry-rules.js';

const DAY = 86_400_000;
const EXPIRES = Date.UTC(2027, 1, 24, 12);

/** Walks day by day from `fromDays` before the expiry to the day after it, answering the days of the notices sent. */
function walk(fromDays: number, start: KeyExpiryMemory | null = null): number[] {
  let memory = start;
  const sent: number[] = [];
  for (let d = fromDays; d >= -1; d -= 1) {
    for (const hour of [0, 6, 12]) {
      const r = evaluateKeyExpiry(EXPIRES, memory, EXPIRES - d * DAY + hour * 3_600_000);
      memory = r.memory;
      if (r.notice) sent.push(r.notice.days);
    }
  }
  return sent;
}

describe('evaluateKeyExpiry', () => {
  it('sends once at 14, 7 and 1 days before the estimated expiry, never again, nothing after it', () => {
    expect(walk(30)).toEqual([14, 7, 1]);
  });

  it('a first look at 5 days left sends one notice (not the 14-day one it missed), then the 1-day one', () => {
    expect(walk(5)).toEqual([5, 1]);
  });

  it('remembers across restarts: a memory that already sent 14 sends 7 next', () => {
    expect(walk(10, { expiresAt: EXPIRES, sent: [14] })).toEqual([7, 1]);
  });

  it('another expiry (a new key) starts afresh; no expiry (an IP-bound key) sends nothing and keeps the memory', () => {
    const old: KeyExpiryMemory = { expiresAt: EXPIRES - 30 * DAY, sent: [14, 7, 1] };
    expect(evaluateKeyExpiry(EXPIRES, old, EXPIRES - 13 * DAY).notice).toEqual({ days: 13, expiresAt: EXPIRES });
    expect(evaluateKeyExpiry(null, old, EXPIRES)).toEqual({ memory: old, notice: null });
  });
});
