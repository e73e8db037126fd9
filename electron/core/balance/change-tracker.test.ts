import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/balance.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { ChangeTracker } from './change-tracker.js';
import { HistoryStore } from './history-store.js';

const NOW = Date.UTC(2026, 2, 10, 12);
const H = 3_600_000;
const point = (at: number, total: string): HistoryPoint => ({ at, currency: 'USDT', total });

function setup(lines: HistoryPoint[]) {
  const fs = new MemoryFileSystem();
  const store = new HistoryStore({ dir: '/data', fs, now: () => NOW });
  fs.files.set(store.path, lines.map((p) => `${JSON.stringify(p)}\n`).join(''));
  let changes = 0;
  const tracker = new ChangeTracker({ history: store, onChange: () => (changes += 1) });
  return { fs, store, tracker, changes: () => changes };
}

describe('ChangeTracker', () => {
  it('knows the change of the total it last recorded, and only of that total', async () => {
    const { tracker, store, changes } = setup([point(NOW - 25 * H, '100')]);
    const now = point(NOW, '110');
    await tracker.append(now);
    expect(changes()).toBe(1);
    expect(tracker.knownChange({ currency: 'USDT', at: NOW, total: '110' })).toMatchObject({
      from: NOW - 25 * H,
      amount: '10',
      percent: '+10.00',
    });
    // Another total, or the same instant with another figure, is not the one recorded.
    expect(tracker.knownChange({ currency: 'USDT', at: NOW - 1, total: '110' })).toBeUndefined();
    expect(tracker.knownChange({ currency: 'USDT', at: NOW, total: '111' })).toBeUndefined();
    expect(tracker.knownChange({ currency: 'BTC', at: NOW, total: '110' })).toBeUndefined();
    expect((await store.read()).at(-1)).toEqual(now);
    tracker.clear();
    expect(tracker.knownChange({ currency: 'USDT', at: NOW, total: '110' })).toBeUndefined();
  });

  it('a history it cannot write still gives the change from a read, and the write error is passed on', async () => {
    const { tracker, fs } = setup([point(NOW - 25 * H, '100')]);
    fs.inject({ op: 'appendText' });
    await expect(tracker.append(point(NOW, '90'))).rejects.toThrow(/simulated error in appendText/);
    expect(tracker.knownChange({ currency: 'USDT', at: NOW, total: '90' })).toMatchObject({
      amount: '-10',
      percent: '-10.00',
      direction: -1,
    });
  });

  it('a history it can neither write nor read: the change is unknown (null), and the write error is passed on', async () => {
    const { tracker, fs } = setup([point(NOW - 25 * H, '100')]);
    fs.inject({ op: 'readText' });
    await expect(tracker.append(point(NOW, '90'))).rejects.toThrow(/simulated error/);
    // Known to be unknown: no earlier point could be read.
    expect(tracker.knownChange({ currency: 'USDT', at: NOW, total: '90' })).toBeNull();
  });
});
