import { describe, expect, it } from 'vitest';
import { ENGLISH, formatAge } from './present/words.js';
import { dataAgeSeconds, effectiveStatus } from './widget-state.js';
import type { BalanceSnapshot } from './balance.js';

const snapshot: BalanceSnapshot = {
  currency: 'USDT',
  total: { amount: '1', unrealisedPnl: null, borrowed: null },
  accounts: [],
  fetchedAt: 1_000_000,
};

describe('effectiveStatus', () => {
  it('reads live data past staleAt as stale', () => {
    const state = { status: 'live' as const, staleAt: 2_000_000, balance: snapshot };
    expect(effectiveStatus(state, 1_999_999)).toBe('live');
    expect(effectiveStatus(state, 2_000_000)).toBe('stale');
  });
  it('leaves other statuses alone', () => {
    expect(effectiveStatus({ status: 'error', staleAt: 0, balance: null }, 10)).toBe('error');
    expect(effectiveStatus({ status: 'live', staleAt: null, balance: snapshot }, 9e15)).toBe('live');
  });
});

describe('ages', () => {
  it('measures and words the age of the data', () => {
    expect(dataAgeSeconds({ balance: snapshot }, 1_045_999)).toBe(45);
    expect(dataAgeSeconds({ balance: snapshot }, 0)).toBe(0);
    expect(dataAgeSeconds({ balance: null }, 5)).toBeNull();
    expect([3, 45, 180, 7200, 3 * 86400].map((s) => formatAge(ENGLISH, s))).toEqual(['just now', '45 s', '3 min', '2 h', '3 d']);
  });
});
