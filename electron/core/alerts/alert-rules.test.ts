import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../../shared/alerts.js';
import { alertCurrencies } from '../../../shared/alerts.js';
import type { Change24h } from '../../../shared/change.js';
import type { AlertMemory, AlertObservation } from './alert-rules.js';
import { evaluateAlerts } from './alert-rules.js';

const NOW = Date.UTC(2026, 2, 10, 9);
const ABOVE: AlertRule = { id: 'a', kind: 'above', currency: 'USDT', threshold: '10000' };
const BELOW: AlertRule = { id: 'b', kind: 'below', currency: 'BTC', threshold: '0.5' };
const MOVE: AlertRule = { id: 'm', kind: 'move', currency: 'USDT', percent: '5' };
const UNREADABLE: AlertRule = { id: 'u', kind: 'unreadable', staleMinutes: 30 };

function obs(over: Partial<AlertObservation> & { usdt?: string; btc?: string; move?: string | null } = {}): AlertObservation {
  const { usdt, btc, move, ...rest } = over;
  const change = (percent: string): Change24h => ({
    from: NOW - 86_400_000,
    fromTotal: '1',
    amount: percent.startsWith('-') ? '-1' : '1',
    percent,
    partial: false,
    direction: percent.startsWith('-') ? -1 : 1,
  });
  return {
    now: NOW,
    demo: false,
    totals: {
      ...(usdt !== undefined ? { USDT: { total: usdt, at: NOW } } : {}),
      ...(btc !== undefined ? { BTC: { total: btc, at: NOW } } : {}),
    },
    changes: move === undefined ? {} : { USDT: move === null ? null : change(move) },
    lastSuccessAt: NOW,
    permanentFailure: false,
    ...rest,
  };
}

/** Runs a sequence of observations through one rule set, carrying the memory like the app does. */
function run(rules: AlertRule[], steps: AlertObservation[], start: Record<string, AlertMemory> = {}) {
  let memory = start;
  return steps.map((o) => {
    const d = evaluateAlerts(rules, memory, o);
    memory = { ...d.memory };
    return d.notifications.map((n) => n.ruleId).join(',');
  });
}

describe('evaluateAlerts', () => {
  it('above X: fires once per crossing, re-arms only after dropping 1 % of X below it', () => {
    const fired = run(
      [ABOVE],
      ['9999', '10000.01', '10500', '9950', '10001', '9900', '9899.99', '10000.5'].map((usdt) => obs({ usdt })),
    );
    // 9950 and 9900 are within 1 % of 10 000: no re-arm; 9899.99 is past it.
    expect(fired).toEqual(['', 'a', '', '', '', '', '', 'a']);
  });

  it('below Y in its own currency: exact decimals, re-arms at Y + 1 %', () => {
    const fired = run(
      [BELOW],
      [
        obs({ btc: '0.50000001' }),
        obs({ btc: '0.49999999' }),
        obs({ btc: '0.5049' }),
        obs({ btc: '0.4' }),
        obs({ btc: '0.505' }),
        obs({ btc: '0.3' }),
      ],
    );
    expect(fired).toEqual(['', 'b', '', '', '', 'b']);
    // A total of another currency says nothing about a BTC rule.
    expect(run([BELOW], [obs({ usdt: '0.1' })])).toEqual(['']);
  });

  it('moves more than P % within 24 h, either way; re-arms when the move is back within 99 % of P', () => {
    expect(
      run(
        [MOVE],
        [
          obs({ move: '+4.99' }),
          obs({ move: '+5.01' }),
          obs({ move: '+5.50' }),
          obs({ move: '-4.96' }),
          obs({ move: '-5.20' }),
          obs({ move: '+4.95' }),
          obs({ move: '-5.01' }),
        ],
      ),
    ).toEqual(['', 'm', '', '', '', '', 'm']);
    // No earlier point, or a percent that cannot be computed: nothing, and calm.
    expect(run([MOVE], [obs({ move: null }), obs({ move: '+6.00' })])).toEqual(['', 'm']);
  });

  it('cannot read: a permanent failure, or no fresh data for longer than the set time; once, until data comes back', () => {
    const steps = [
      obs({ lastSuccessAt: NOW - 29 * 60_000 }),
      obs({ lastSuccessAt: NOW - 31 * 60_000 }),
      obs({ lastSuccessAt: NOW - 60 * 60_000 }),
      obs({ lastSuccessAt: NOW }),
      obs({ permanentFailure: true }),
      obs({ permanentFailure: true }),
    ];
    expect(run([UNREADABLE], steps)).toEqual(['', 'u', '', '', 'u', '']);
    const d = evaluateAlerts([UNREADABLE], {}, obs({ permanentFailure: true }));
    expect(d.notifications[0]).toEqual({ ruleId: 'u', kind: 'unreadable', reason: 'permanent', staleMinutes: 30 });
    expect(evaluateAlerts([UNREADABLE], {}, obs({ lastSuccessAt: NOW - 31 * 60_000 })).notifications[0]).toMatchObject({ reason: 'stale' });
  });

  it('a rule id that names an object member (__proto__, constructor, toString…) is a rule like any other', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const rule: AlertRule = { ...ABOVE, id };
      expect(run([rule], [obs({ usdt: '20000' }), obs({ usdt: '20000' }), obs({ usdt: '9000' }), obs({ usdt: '20000' })]), id).toEqual([
        id,
        '',
        '',
        id,
      ]);
      const fired = evaluateAlerts([rule, ABOVE], {}, obs({ usdt: '20000' }));
      expect(Object.keys(fired.memory), id).toEqual([id, 'a']);
      const persisted = JSON.parse(JSON.stringify(fired.memory)) as Record<string, AlertMemory>;
      expect(evaluateAlerts([rule], persisted, obs({ usdt: '20000' })).notifications, id).toEqual([]);
    }
  });

  it('the fired state survives a restart: the memory is all it needs', () => {
    const first = evaluateAlerts([ABOVE], {}, obs({ usdt: '20000' }));
    expect(first.notifications).toHaveLength(1);
    const persisted = JSON.parse(JSON.stringify(first.memory)) as Record<string, AlertMemory>;
    expect(evaluateAlerts([ABOVE], persisted, obs({ usdt: '20000' })).notifications).toEqual([]);
    expect(persisted['a']).toEqual({ armed: false, firedAt: NOW });
  });

  it('demo data raises none and changes no memory; unknown values change nothing', () => {
    const memory = { a: { armed: true, firedAt: null } };
    expect(evaluateAlerts([ABOVE, UNREADABLE], memory, obs({ demo: true, usdt: '99999', permanentFailure: true }))).toEqual({
      memory: { a: memory.a, u: { armed: true, firedAt: null } },
      notifications: [],
    });
    expect(evaluateAlerts([ABOVE, MOVE], {}, obs({})).notifications).toEqual([]);
  });

  it('says what fired as values: the rule, its threshold and what it was judged on', () => {
    expect(evaluateAlerts([ABOVE], {}, obs({ usdt: '12345.678' })).notifications).toEqual([
      { ruleId: 'a', kind: 'above', currency: 'USDT', threshold: '10000', total: '12345.678' },
    ]);
    const [move] = evaluateAlerts([MOVE], {}, obs({ move: '-7.25' })).notifications;
    expect(move).toMatchObject({ ruleId: 'm', kind: 'move', currency: 'USDT', percent: '5', change: { percent: '-7.25', direction: -1 } });
  });

  it('drops the memory of removed rules; alertCurrencies lists what must be fetched', () => {
    expect(Object.keys(evaluateAlerts([MOVE], { gone: { armed: false, firedAt: 1 } }, obs({})).memory)).toEqual(['m']);
    expect(alertCurrencies([ABOVE, BELOW, MOVE, UNREADABLE])).toEqual(['USDT', 'BTC']);
  });
});
