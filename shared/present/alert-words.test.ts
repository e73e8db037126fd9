import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../alerts.js';
import type { Change24h } from '../change.js';
import { alertWords } from './alert-words.js';
import { englishFor } from './words.js';

const words = englishFor('en-US');
const ABOVE: AlertEvent = { ruleId: 'a', kind: 'above', currency: 'USDT', threshold: '10000', total: '12345.678' };
const BELOW: AlertEvent = { ruleId: 'b', kind: 'below', currency: 'BTC', threshold: '0.5', total: '0.49999999' };
const fall: Change24h = { from: 0, fromTotal: '100', amount: '-7.25', percent: '-7.25', partial: false, direction: -1 };
const MOVE: AlertEvent = { ruleId: 'm', kind: 'move', currency: 'USDT', percent: '5', change: fall };

describe('alertWords', () => {
  it('says the amounts: the threshold crossed and the total now', () => {
    expect(alertWords(words, ABOVE, false)).toEqual({
      title: 'Net worth above 10,000.00 USDT',
      body: "Your Gate.io net worth went above 10,000.00 USDT. It is now 12,345.68 USDT (Gate's estimate).",
    });
    expect(alertWords(words, BELOW, false).title).toBe('Net worth below 0.50000000 BTC');
    expect(alertWords(words, MOVE, false)).toEqual({
      title: 'Net worth down 7.25 % in 24 hours',
      body: 'Your Gate.io net worth in USDT moved more than 5 % within 24 hours.',
    });
    expect(alertWords(words, { ...MOVE, change: { ...fall, amount: '3', percent: '+3.00', direction: 1 } }, false).title).toBe(
      'Net worth up 3.00 % in 24 hours',
    );
  });

  it('privacy mode: no amount, threshold or percent of the net worth', () => {
    const hidden = [ABOVE, MOVE].map((e) => alertWords(words, e, true));
    for (const n of hidden) expect(`${n.title} ${n.body}`).not.toMatch(/12,345|10,000|7\.25|USDT \(/);
    expect(hidden.map((n) => n.title)).toEqual(['Net worth above the threshold you set', 'Net worth down in 24 hours']);
    expect(hidden[0]!.body).toBe('Your Gate.io net worth went above the threshold you set.');
  });

  it('cannot read: why, and what to do', () => {
    const permanent = alertWords(words, { ruleId: 'u', kind: 'unreadable', reason: 'permanent', staleMinutes: 30 }, false);
    expect(permanent).toEqual({
      title: 'Gate Glance cannot read your account any more',
      body: 'Gate refuses the API key (wrong key, or its wallet permission was removed). Open Gate Glance to fix the key.',
    });
    expect(alertWords(words, { ruleId: 'u', kind: 'unreadable', reason: 'stale', staleMinutes: 45 }, true).body).toBe(
      'No fresh data from Gate for more than 45 minutes. Open Gate Glance to see why.',
    );
  });
});
