// Alerts once more than the first key's own account is counted (WidgetState.portfolio): above,
// below and move judge the combined figure; "cannot read" also fires for another source that was
// read and now fails, naming it. AlertService alone, fed states as GlanceApp publishes them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertRule } from '../../../shared/alerts.js';
import type { Change24h } from '../../../shared/change.js';
import { appError } from '../../../shared/errors.js';
import type { WidgetState } from '../../../shared/ipc.js';
import type { Source } from '../../../shared/portfolio.js';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import type { AlertText } from '../../../shared/present/alert-words.js';
import { widgetState } from '../../../shared/testing/widget-state.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { keySourceOf, portfolioOf, subSourceOf } from '../testing/portfolio-state.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { AlertService } from './alert-service.js';
import { evaluateAlerts, emptyMemory } from './alert-rules.js';

const T0 = Date.UTC(2026, 11, 7, 4);
const MIN = 60_000;

const services: AlertService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
});

async function setup() {
  const clock = new VirtualClock(T0);
  const notes: AlertText[] = [];
  const fetchTotal = vi.fn(() => Promise.reject(new Error('no side request expected')));
  const service = new AlertService({
    clock,
    dataDir: '/data',
    fs: new MemoryFileSystem(),
    fetchTotal,
    changes: { append: () => Promise.resolve(), knownChange: () => null },
    notify: (text) => notes.push(text),
    log: () => undefined,
  });
  services.push(service);
  await service.load();
  return { clock, notes, fetchTotal, service };
}

/** The state GlanceApp publishes: the first key's own balance `main`, and a portfolio of `sources`. */
function state(
  sources: readonly Source[],
  alerts: readonly AlertRule[],
  extra: { at?: number; change?: Change24h | null } = {},
): WidgetState {
  const main = sources.find((s) => s.id === 'key:default');
  const at = extra.at ?? T0;
  return widgetState({
    status: 'live',
    balance: {
      currency: 'USDT',
      total: { amount: main?.total?.amount ?? '0', unrealisedPnl: null, borrowed: null },
      accounts: [],
      fetchedAt: at,
    },
    credentials: { stored: true, keyHint: '…a1b2', keychainError: null, checking: false },
    portfolio: portfolioOf(sources, { change24h: extra.change ?? null }),
    prefs: { ...DEFAULT_PREFERENCES, alerts },
  });
}

const main = (amount: string, at = T0): Source => keySourceOf('default', amount, { name: 'Main', fetchedAt: at });
const family = (amount: string, extra: Partial<Source> = {}): Source =>
  keySourceOf('family', amount, { name: 'Family', fetchedAt: T0, ...extra });

const ABOVE: AlertRule = { id: 'above', kind: 'above', currency: 'USDT', threshold: '1000' };
const BELOW: AlertRule = { id: 'below', kind: 'below', currency: 'USDT', threshold: '900' };

describe('alerts with a portfolio', () => {
  it('judge the combined figure, not the first key alone, and ask nothing on the side', async () => {
    const { notes, fetchTotal, service } = await setup();
    const rules = [ABOVE, { ...BELOW, currency: 'BTC' as const }];
    service.observe(state([main('800'), family('100')], rules));
    expect(notes).toEqual([]);
    service.observe(state([main('800', T0 + MIN), family('300', { fetchedAt: T0 + MIN })], rules, { at: T0 + MIN }));
    expect(notes.map((n) => n.title)).toEqual(['Net worth above 1,000.00 USDT']);
    expect(notes[0]!.body).toContain('1,100.00 USDT');
    await service.whenIdle();
    expect(fetchTotal).not.toHaveBeenCalled();
  });

  it('never judge a figure missing a source (it would read as a fall), nor one of sources no longer counted', async () => {
    const { notes, service } = await setup();
    service.observe(state([main('800'), family('300')], [BELOW]));
    // Family cannot be read: the combined figure would be 800, below 900, but it leaves Family out.
    service.observe(state([main('800'), keySourceOf('family', null, { name: 'Family' })], [BELOW]));
    expect(notes).toEqual([]);
    // Family removed from the list: the 1,100 counted with it is not judged either; 800 alone is.
    service.observe(state([main('800', T0 + MIN), subSourceOf('7', '0', { fetchedAt: T0 + MIN })], [BELOW], { at: T0 + MIN }));
    expect(notes.map((n) => n.title)).toEqual(['Net worth below 900.00 USDT']);
  });

  it('judge a move on the combined change, and keep a fired move rule fired while that change is not known', async () => {
    const { notes, service } = await setup();
    const move: AlertRule = { id: 'move', kind: 'move', currency: 'USDT', percent: '5' };
    const jump: Change24h = { from: T0 - 86_400_000, fromTotal: '1000', amount: '100', percent: '+10.00', partial: false, direction: 1 };
    service.observe(state([main('800'), family('300')], [move], { change: jump }));
    expect(notes.map((n) => n.title)).toEqual(['Net worth up 10.00 % in 24 hours']);
    service.observe(state([main('800', T0 + MIN), family('300')], [move], { at: T0 + MIN, change: null }));
    service.observe(state([main('800', T0 + 2 * MIN), family('300')], [move], { at: T0 + 2 * MIN, change: jump }));
    expect(notes).toHaveLength(1);
  });

  it('"cannot read" fires once for another source that was read and now fails, naming it, and re-arms once it reads', async () => {
    const { clock, notes, service } = await setup();
    const rules: AlertRule[] = [{ id: 'unreadable', kind: 'unreadable', staleMinutes: 10 }];
    const stale = (at: number, error = appError('NETWORK')): Source => family('300', { status: 'stale', fetchedAt: at, error });
    service.observe(state([main('800'), stale(T0)], rules));
    expect(notes).toEqual([]);
    await clock.advanceTo(T0 + 11 * MIN);
    service.observe(state([main('800', T0 + 11 * MIN), stale(T0), subSourceOf('7', null)], rules, { at: T0 + 11 * MIN }));
    expect(notes).toEqual([
      {
        title: 'Gate Glance cannot read Family any more',
        body: 'No fresh data for it for more than 10 minutes. The net worth counts its last known value. Open Gate Glance to see why.',
      },
    ]);
    service.observe(state([main('800', T0 + 12 * MIN), stale(T0)], rules, { at: T0 + 12 * MIN }));
    expect(notes).toHaveLength(1);
    await clock.advanceTo(T0 + 14 * MIN);
    service.observe(state([main('800', T0 + 13 * MIN), family('300', { fetchedAt: T0 + 13 * MIN })], rules, { at: T0 + 13 * MIN }));
    // Refused for good: at once, without waiting for the rule's minutes.
    service.observe(state([main('800', T0 + 14 * MIN), stale(T0 + 13 * MIN, appError('INVALID_KEY'))], rules, { at: T0 + 14 * MIN }));
    expect(notes.map((n) => n.title)).toEqual(['Gate Glance cannot read Family any more', 'Gate Glance cannot read Family any more']);
    expect(notes[1]!.body).toMatch(/^Gate refuses a key/);
  });
});

describe('the unreadable rule over failing sources', () => {
  const rule: AlertRule = { id: 'u', kind: 'unreadable', staleMinutes: 10 };
  const base = { now: T0, demo: false, totals: {}, changes: {}, lastSuccessAt: T0, permanentFailure: false };

  it("names the failing sources when the first key reads fine, and says the first key's own failure as before", () => {
    const failing = [
      { name: 'Family', lastSuccessAt: T0 - 11 * MIN, permanent: false },
      { name: 'bot7', lastSuccessAt: T0 - 5 * MIN, permanent: false },
    ];
    expect(evaluateAlerts([rule], emptyMemory(), { ...base, failingSources: failing }).notifications).toEqual([
      { ruleId: 'u', kind: 'unreadable', reason: 'stale', staleMinutes: 10, sources: ['Family'] },
    ]);
    expect(evaluateAlerts([rule], emptyMemory(), { ...base, failingSources: [failing[1]!] }).notifications).toEqual([]);
    expect(evaluateAlerts([rule], emptyMemory(), { ...base, permanentFailure: true, failingSources: failing }).notifications).toEqual([
      { ruleId: 'u', kind: 'unreadable', reason: 'permanent', staleMinutes: 10 },
    ]);
  });
});
