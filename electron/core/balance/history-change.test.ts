/**
 * The CLI's fast path to the 24-hour change (changeInHistoryText: one scan, two lines parsed)
 * answers exactly what change24h answers on every valid point of the file, whatever the file
 * holds: ties, other currencies, points in the future, a compaction header, torn and foreign
 * lines, and line breaks other than '\n' inside a line.
 */
import { describe, expect, it } from 'vitest';
import type { Currency, HistoryPoint } from '../../../shared/balance.js';
import { CURRENCIES } from '../../../shared/balance.js';
import { change24h } from '../../../shared/change.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { seededRandom as random } from '../testing/seeded-random.js';
import { changeInHistoryText, formatHistoryLine, HistoryStore, parseHistoryLine } from './history-store.js';

const NOW = Date.UTC(2026, 2, 10, 12);
const H = 3_600_000;

function slow(text: string, current: { currency: Currency; at: number; total: string }) {
  const points = text
    .split('\n')
    .map(parseHistoryLine)
    .filter((p): p is HistoryPoint => p !== null);
  return change24h(points, current);
}

describe('changeInHistoryText', () => {
  it('agrees with change24h on every valid point, over a thousand generated files', () => {
    for (let seed = 1; seed <= 1000; seed += 1) {
      const next = random(seed);
      const lines: string[] = [];
      if (next() < 0.3) lines.push('{"compacted":1773000000000,"kept":3}');
      const count = Math.floor(next() * 40);
      for (let i = 0; i < count; i += 1) {
        // Hours around the 24-hour line, some in the future, many ties.
        const at = NOW + Math.round((next() * 60 - 50) * 4) * (H / 4);
        const currency = CURRENCIES[Math.floor(next() * CURRENCIES.length)]!;
        const total = next() < 0.1 ? '0' : `${Math.floor(next() * 1000)}.${Math.floor(next() * 100)}`;
        const kind = next();
        if (kind < 0.03)
          lines.push(JSON.stringify({ total, currency, at })); // a foreign writer's key order
        else if (kind < 0.05) lines.push('not json at all');
        else if (kind < 0.06) lines.push('{"at":12');
        else if (kind < 0.08) lines.push(`{"at":${at},"currency":"${currency}","total":"1e5"}`);
        else if (kind < 0.09) lines.push('');
        // Lines split at '\n' only: a '\r' or U+2028 inside a line does not start another.
        else if (kind < 0.1)
          lines.push(
            `${formatHistoryLine({ at, currency, total }).trimEnd()}${next() < 0.5 ? '\r' : '\u2028'}${formatHistoryLine({ at: at - 26 * H, currency, total }).trimEnd()}`,
          );
        else lines.push(formatHistoryLine({ at, currency, total }).trimEnd());
      }
      let text = lines.join('\n') + (next() < 0.5 ? '\n' : '');
      if (next() < 0.2) text += `{"at":${NOW - 30 * H},"currency":"USDT","tot`; // a torn last line
      const current = { currency: 'USDT' as const, at: NOW, total: '500' };
      expect(changeInHistoryText(text, current), `seed ${seed}`).toEqual(slow(text, current));
    }
  });

  it('two lines at the same time, the oldest and the last before the cutoff: the later line, as change24h', () => {
    const text = [
      formatHistoryLine({ at: NOW - 26 * H, currency: 'USDT', total: '836.71' }),
      formatHistoryLine({ at: NOW - 2 * H, currency: 'USDT', total: '749.17' }),
      formatHistoryLine({ at: NOW - 26 * H, currency: 'USDT', total: '500.89' }),
    ].join('');
    const current = { currency: 'USDT' as const, at: NOW, total: '500' };
    expect(changeInHistoryText(text, current)).toEqual(slow(text, current));
    expect(changeInHistoryText(text, current)).toMatchObject({ fromTotal: '500.89', amount: '-0.89' });
  });

  it('a year of history: the same answer as the full parse', () => {
    const lines: string[] = [];
    for (let at = NOW - 365 * 24 * H; at < NOW; at += H / 2)
      lines.push(formatHistoryLine({ at, currency: at % (3 * H) === 0 ? 'BTC' : 'USDT', total: `${38_000 + (at % 5000)}.5` }));
    const text = lines.join('');
    const current = { currency: 'USDT' as const, at: NOW, total: '40000' };
    expect(changeInHistoryText(text, current)).toEqual(slow(text, current));
    expect(changeInHistoryText(text, current)).toMatchObject({ partial: false, from: NOW - 24 * H - H / 2 });
  });

  it('recordChange: the change against the points before, then the point is recorded; readChange records nothing', async () => {
    const fs = new MemoryFileSystem();
    const store = new HistoryStore({ dir: '/data', fs, now: () => NOW });
    await store.append({ at: NOW - 25 * H, currency: 'USDT', total: '100' });
    expect(await store.recordChange({ at: NOW, currency: 'USDT', total: '110' })).toMatchObject({
      from: NOW - 25 * H,
      amount: '10',
      percent: '+10.00',
      partial: false,
    });
    expect((await store.read('USDT')).map((p) => p.total)).toEqual(['100', '110']);
    expect(await store.readChange({ at: NOW + H, currency: 'USDT', total: '99' })).toMatchObject({ from: NOW - 25 * H, amount: '-1' });
    expect(await store.read('USDT')).toHaveLength(2);
  });
});
