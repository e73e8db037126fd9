import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/balance.js';
import { effectiveStatus } from '../../../shared/widget-state.js';
import type { BalanceState, HistoryPort } from './balance-service.js';
import { BalanceService, QUICK_RETRY_MS, WATCHED_MAX_WAIT_MS } from './balance-service.js';
import { MAX_BACKOFF_MS, STALE_SLACK_MS, backoffDelayMs } from './schedule.js';
import { FakeBalanceSource, errorResult, successResult } from '../testing/fake-balance-source.js';
import { VirtualClock } from '../testing/virtual-clock.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
interface Harness {
  clock: VirtualClock;
  source: FakeBalanceSource;
  history: HistoryPoint[];
  historyPort: HistoryPort;
  service: BalanceService;
  states: BalanceState[];
  t0: number;
}

async function setup(options: { latencyMs?: number; random?: () => number; refreshIntervalSec?: number } = {}): Promise<Harness> {
  const clock = new VirtualClock();
  const source = new FakeBalanceSource({ clock, latencyMs: options.latencyMs ?? 0 });
  const history: HistoryPoint[] = [];
  const historyPort: HistoryPort = {
    append: async (p) => {
      history.push(p);
    },
  };
  const states: BalanceState[] = [];
  const service = new BalanceService({
    source,
    history: historyPort,
    clock,
    currency: 'USDT',
    refreshIntervalSec: options.refreshIntervalSec ?? 60,
    random: options.random ?? (() => 0),
    onChange: (s) => states.push(s),
    warn: () => undefined,
  });
  return { clock, source, history, historyPort, service, states, t0: clock.now() };
}

describe('BalanceService: first load', () => {
  it('goes loading → live with the balance, fetchedAt, nextRefreshAt and staleAt', async () => {
    const h = await setup();
    expect(h.service.getState().status).toBe('loading');
    expect(h.service.getState().balance).toBeNull();
    expect(h.service.getState().currency).toBe('USDT');

    const done = h.service.start();
    expect(h.service.getState()).toMatchObject({ status: 'loading', refreshing: true, nextRefreshAt: null });
    const state = await done;

    expect(h.source.calls.map((c) => c.currency)).toEqual(['USDT']);
    expect(state.status).toBe('live');
    expect(state.refreshing).toBe(false);
    expect(state.error).toBeNull();
    expect(state.balance?.total.amount).toBe('10001.75');
    expect(state.balance?.fetchedAt).toBe(h.t0);
    expect(state.nextRefreshAt).toBe(h.t0 + MIN);
    expect(state.staleAt).toBe(h.t0 + 2 * MIN + STALE_SLACK_MS);
    expect(state.rateLimitedUntil).toBeNull();
    expect(h.states.map((s) => [s.status, s.refreshing])).toEqual([
      ['loading', true],
      ['live', false],
    ]);
    // Each emitted state is a new frozen object.
    expect(Object.isFrozen(state)).toBe(true);
    expect(h.states[0]).not.toBe(h.states[1]);
    expect(h.history).toEqual([{ at: h.t0, currency: 'USDT', total: '10001.75' }]);
    h.service.stop();
  });

  it('goes to onboarding and stays there without a schedule when the source says no key is stored', async () => {
    const h = await setup();
    h.source.respondWith(() => errorResult('MISSING_CREDENTIALS'));
    const state = await h.service.start();
    expect(state.status).toBe('onboarding');
    expect(state.error?.code).toBe('MISSING_CREDENTIALS');
    expect(state.nextRefreshAt).toBeNull();
    expect(h.clock.pendingTimers).toBe(0);
    await h.clock.advance(DAY);
    expect(h.source.count).toBe(1);

    // The user saves a key (GlanceApp resets the service): fetch at once, live.
    h.source.respondWith((call) => successResult(h.clock, call.currency, '5'));
    h.service.reset();
    await h.service.whenIdle();
    expect(h.service.getState()).toMatchObject({ status: 'live', error: null });
    expect(h.source.count).toBe(2);
    h.service.stop();
  });

  it('shows an error (no data yet) when the first fetch fails, then goes live on the retry', async () => {
    const h = await setup();
    h.source.enqueue(errorResult('NETWORK'));
    const state = await h.service.start();
    expect(state).toMatchObject({ status: 'error', balance: null, refreshing: false, staleAt: null });
    expect(state.error?.code).toBe('NETWORK');
    expect(state.nextRefreshAt).toBe(h.t0 + MIN);
    await h.clock.advance(MIN);
    expect(h.service.getState().status).toBe('live');
    // While retrying it stayed "error" (with refreshing) rather than pretending to be a first load.
    expect(h.states.map((s) => `${s.status}${s.refreshing ? '+' : ''}`)).toEqual(['loading+', 'error', 'error+', 'live']);
    h.service.stop();
  });

  it('turns a throwing source into an INTERNAL error instead of crashing', async () => {
    const h = await setup();
    h.source.respondWith(() => {
      throw new Error('boom');
    });
    const state = await h.service.start();
    expect(state.status).toBe('error');
    expect(state.error?.code).toBe('INTERNAL');
    h.service.stop();
  });
});

describe('BalanceService: schedule', () => {
  it('makes exactly 10080 requests in a week of 60 s refreshes, one every 60 s on the dot, even with latency', async () => {
    const h = await setup({ latencyMs: 400 });
    void h.service.start();
    const WEEK = 7 * DAY;
    await h.clock.advanceTo(h.t0 + WEEK - 1);
    expect(h.source.count).toBe(10_080);
    // Not drifting by the 400 ms latency: call k starts at exactly k minutes.
    expect(h.source.calls.every((c, k) => c.at === h.t0 + k * MIN)).toBe(true);
    // The 10081st is due at exactly one week, not before.
    await h.clock.advance(1);
    expect(h.source.count).toBe(10_081);
    await h.clock.advance(400);
    expect(h.service.getState().status).toBe('live');
    expect(h.history).toHaveLength(10_081);
    h.service.stop();
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('joins a manual refresh to the request in flight (same promise, one request)', async () => {
    const h = await setup({ latencyMs: 2 * SEC });
    const first = h.service.start();
    await h.clock.advance(SEC);
    const manual = h.service.refresh();
    const again = h.service.refresh();
    expect(manual).toBe(first);
    expect(again).toBe(first);
    expect(h.source.count).toBe(1);
    await h.clock.advance(SEC);
    const state = await manual;
    expect(state.status).toBe('live');
    expect(h.source.count).toBe(1);
    // A manual refresh after it finished is a new request, and the schedule restarts from it.
    await h.clock.advance(10 * SEC);
    const second = h.service.refresh();
    expect(second).not.toBe(first);
    await h.clock.advance(2 * SEC);
    expect(h.source.count).toBe(2);
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + 12 * SEC + MIN);
    h.service.stop();
  });

  it('obeys a 429 wait: no request (manual or scheduled) before it ends, then recovers', async () => {
    const h = await setup();
    await h.service.start();
    h.source.enqueue(errorResult('RATE_LIMITED', 5 * MIN));
    await h.clock.advance(MIN);
    const failedAt = h.t0 + MIN;
    expect(h.service.getState()).toMatchObject({ status: 'stale', nextRefreshAt: failedAt + 5 * MIN });
    expect(h.service.getState().error?.code).toBe('RATE_LIMITED');
    expect(h.service.getState().balance?.total.amount).toBe('10001.75');
    expect(h.service.getState().rateLimitedUntil).toBe(failedAt + 5 * MIN);

    await h.clock.advance(MIN);
    const manual = await h.service.refresh();
    expect(manual.status).toBe('stale');
    h.service.networkOnline();
    await h.clock.advance(5 * MIN - MIN - 1);
    expect(h.source.count).toBe(2);

    await h.clock.advance(1);
    expect(h.source.count).toBe(3);
    expect(h.source.calls[2]?.at).toBe(failedAt + 5 * MIN);
    expect(h.service.getState().status).toBe('live');
    expect(h.service.getState().rateLimitedUntil).toBeNull();
    h.service.stop();
  });

  it('waits at least the interval after a 429 whose wait is shorter', async () => {
    const h = await setup();
    h.source.enqueue(errorResult('RATE_LIMITED', 3 * SEC));
    await h.service.start();
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + MIN);
    h.service.stop();
  });

  it('backs off 60/120/240/480/900 s over five 5xx in a row, keeps the data stale, then recovers to the normal interval', async () => {
    const h = await setup();
    await h.service.start();
    const good = h.service.getState().balance;
    h.source.enqueue(...Array.from({ length: 5 }, () => errorResult('SERVER_ERROR')));
    await h.clock.advance(MIN); // the regular refresh: failure 1
    const failTimes = [h.t0 + MIN];
    const expectedGaps = [60, 120, 240, 480, 900].map((s) => s * SEC);
    for (let i = 0; i < 5; i += 1) {
      const s = h.service.getState();
      expect(s.status).toBe('stale');
      expect(s.error?.code).toBe('SERVER_ERROR');
      expect(s.balance).toBe(good); // last good data kept, as is
      // The wait says how many failures in a row the service counted.
      expect(s.nextRefreshAt! - failTimes[i]!).toBe(backoffDelayMs(i + 1, MIN, 0));
      expect(s.nextRefreshAt).toBe(failTimes[i]! + expectedGaps[i]!);
      await h.clock.advanceTo(s.nextRefreshAt!);
      failTimes.push(h.clock.now());
    }
    expect(h.source.calls.map((c) => c.at - h.t0)).toEqual([0, 60, 120, 240, 480, 960, 1860].map((s) => s * SEC));
    const recovered = h.service.getState();
    expect(recovered.status).toBe('live');
    expect(recovered.error).toBeNull();
    expect(recovered.nextRefreshAt).toBe(h.t0 + 1860 * SEC + MIN);
    // The count started over: the next failure waits one interval, not 15 min.
    h.source.enqueue(errorResult('SERVER_ERROR'));
    await h.clock.advanceTo(recovered.nextRefreshAt!);
    expect(h.service.getState().nextRefreshAt).toBe(recovered.nextRefreshAt! + MIN);
    h.service.stop();
  });

  it('adds jitter (shorter by up to 20 %) but never retries sooner than the interval, and caps at 15 min', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelayMs(n, MIN, 0) / SEC)).toEqual([60, 120, 240, 480, 900, 900, 900]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, MIN, 0.5) / SEC)).toEqual([60, 108, 216, 432, 810]);
    expect(backoffDelayMs(5, MIN, 0.999999) / SEC).toBeCloseTo(720, 0);
    expect(backoffDelayMs(3, HOUR, 0)).toBe(HOUR); // a long interval is never undercut
    expect(backoffDelayMs(30, MIN, 0)).toBe(MAX_BACKOFF_MS);
  });

  it('uses the injected random for jitter in the real schedule', async () => {
    const h = await setup({ random: () => 0.5 });
    h.source.enqueue(errorResult('NETWORK'), errorResult('NETWORK'));
    await h.service.start();
    await h.clock.advance(MIN);
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + MIN + 108 * SEC);
    h.service.stop();
  });

  it('stops on an invalid key (data kept, stale) until credentials change', async () => {
    const h = await setup();
    await h.service.start();
    h.source.respondWith(() => errorResult('INVALID_KEY'));
    await h.clock.advance(MIN);
    const s = h.service.getState();
    expect(s.status).toBe('stale');
    expect(s.error?.code).toBe('INVALID_KEY');
    expect(s.balance).not.toBeNull();
    expect(s.nextRefreshAt).toBeNull();
    expect(h.clock.pendingTimers).toBe(0);
    await h.clock.advance(7 * DAY);
    expect(h.source.count).toBe(2);
    // Resume and network changes do not restart a dead key either.
    h.service.pause();
    h.service.resume();
    h.service.networkOnline();
    await h.clock.flush();
    expect(h.source.count).toBe(2);

    h.source.respondWith((call) => successResult(h.clock, call.currency, '42'));
    // A new key (GlanceApp resets): the old account's data is dropped at once, it may not be this key's account.
    h.service.reset();
    expect(h.service.getState()).toMatchObject({ balance: null, status: 'loading' });
    await h.service.whenIdle();
    expect(h.service.getState()).toMatchObject({ status: 'live', error: null });
    expect(h.service.getState().balance?.total.amount).toBe('42');
    expect(h.service.getState().nextRefreshAt).toBe(h.clock.now() + MIN);
    await h.clock.advance(MIN);
    expect(h.source.count).toBe(4);
    h.service.stop();
  });

  it('shows "error" for a permanent failure with no data, and a manual retry may restart the schedule', async () => {
    const h = await setup();
    h.source.enqueue(errorResult('FORBIDDEN'));
    const s = await h.service.start();
    expect(s).toMatchObject({ status: 'error', nextRefreshAt: null, balance: null });
    expect(s.error?.code).toBe('FORBIDDEN');
    // The user fixed the permission on Gate's site and pressed Retry.
    const retried = await h.service.refresh();
    expect(retried.status).toBe('live');
    expect(retried.nextRefreshAt).toBe(h.clock.now() + MIN);
    h.service.stop();
  });

  it('follows Gate’s rate-limit headers: with none left, waits for the reset', async () => {
    const h = await setup();
    const resetAt = h.t0 + 4 * MIN;
    h.source.enqueue((call) =>
      successResult(h.clock, call.currency, '1', { rateLimitRemaining: 0, rateLimitResetAt: resetAt, clockOffsetMs: 0 }),
    );
    const s = await h.service.start();
    expect(s.status).toBe('live');
    expect(s.nextRefreshAt).toBe(resetAt);
    expect(s.staleAt).toBe(resetAt + MIN + STALE_SLACK_MS);
    h.service.stop();
  });

  it('changing the interval reschedules live data', async () => {
    const h = await setup();
    await h.service.start();
    h.service.setRefreshInterval(300);
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + 5 * MIN);
    expect(h.service.getState().staleAt).toBe(h.t0 + 10 * MIN + STALE_SLACK_MS);
    await h.clock.advanceTo(h.t0 + 5 * MIN - 1);
    expect(h.source.count).toBe(1);
    await h.clock.advance(1);
    expect(h.source.count).toBe(2);
    h.service.stop();
  });

  it('never polls faster than 60 s even if preferences were written by hand with a smaller value', async () => {
    const h = await setup({ refreshIntervalSec: 5 });
    await h.service.start();
    await h.clock.advance(HOUR - 1);
    expect(h.source.count).toBe(60);
    h.service.stop();
  });
});

describe('BalanceService: suspend, resume, network', () => {
  it('pauses the schedule on suspend and refreshes at once on resume after a long sleep', async () => {
    const h = await setup();
    await h.service.start();
    h.service.pause();
    expect(h.service.getState().nextRefreshAt).toBeNull();
    h.clock.sleep(2 * HOUR);
    // The machine slept: the state still says live, but staleAt has passed, so every reader shows stale.
    expect(effectiveStatus(h.service.getState(), h.clock.now())).toBe('stale');
    await h.clock.advance(10 * MIN);
    expect(h.source.count).toBe(1);

    h.service.resume();
    expect(h.service.getState().refreshing).toBe(true);
    await h.service.whenIdle();
    expect(h.source.count).toBe(2);
    expect(h.source.calls[1]?.at).toBe(h.clock.now());
    const s = h.service.getState();
    expect(s.status).toBe('live');
    expect(effectiveStatus(s, h.clock.now())).toBe('live');
    expect(s.nextRefreshAt).toBe(h.clock.now() + MIN);
    h.service.stop();
  });

  it('a short lock does not cost an extra request: the schedule continues from the last fetch', async () => {
    const h = await setup();
    await h.service.start();
    await h.clock.advance(10 * SEC);
    h.service.pause();
    await h.clock.advance(20 * SEC);
    h.service.resume();
    await h.clock.flush();
    expect(h.source.count).toBe(1);
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + MIN);
    await h.clock.advanceTo(h.t0 + MIN);
    expect(h.source.count).toBe(2);
    h.service.stop();
  });

  it('a request in flight at a screen lock (pause) may finish, but nothing is scheduled until resume', async () => {
    const h = await setup({ latencyMs: SEC });
    void h.service.start();
    h.service.pause();
    await h.clock.advance(SEC);
    expect(h.service.getState()).toMatchObject({ status: 'live', nextRefreshAt: null });
    await h.clock.advance(HOUR);
    expect(h.source.count).toBe(1);
    h.service.stop();
  });

  it('retries at once when the network comes back after a failure, not when data is fresh', async () => {
    const h = await setup();
    await h.service.start();
    h.service.networkOnline();
    await h.clock.flush();
    expect(h.source.count).toBe(1);

    h.source.enqueue(errorResult('NETWORK'), errorResult('NETWORK'));
    await h.clock.advance(MIN);
    await h.clock.advance(MIN); // second failure: the next try is 120 s away
    expect(h.service.getState().status).toBe('stale');
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + 4 * MIN);
    await h.clock.advance(30 * SEC);
    h.service.networkOnline();
    await h.service.whenIdle();
    expect(h.source.count).toBe(4);
    expect(h.source.calls[3]?.at).toBe(h.t0 + 2 * MIN + 30 * SEC);
    expect(h.service.getState().status).toBe('live');
    h.service.stop();
  });
});

describe('BalanceService: waking, networks and an open popover (issue 22 §5)', () => {
  /** Virtual times of the calls after the first `from`, relative to `base`. */
  const callsAfter = (h: Harness, from: number, base: number) => h.source.calls.slice(from).map((c) => c.at - base);

  it('after a resume whose network is not up yet, retries after 2, 5, 10 and 20 s, then backs off from one interval', async () => {
    const h = await setup();
    await h.service.start();
    h.service.pause();
    h.clock.sleep(2 * HOUR);
    h.source.enqueue(...Array.from({ length: 6 }, () => errorResult('NETWORK')));
    const woke = h.clock.now();
    h.service.resume();
    await h.clock.advance(2 * MIN);
    // The wake's own attempt, four quick retries, then the normal backoff's first step (one interval).
    const quick = QUICK_RETRY_MS.reduce<number[]>((at, d) => [...at, (at.at(-1) ?? 0) + d], [0]);
    expect(callsAfter(h, 1, woke)).toEqual([...quick, quick.at(-1)! + MIN]);
    await h.clock.advance(2 * MIN);
    expect(h.service.getState().status).toBe('live');
    h.service.stop();
  });

  it('the network coming back retries quickly; a success ends the quick retries, and an error they do not fit waits the backoff', async () => {
    const h = await setup();
    await h.service.start();
    h.source.enqueue(errorResult('TIMEOUT'), errorResult('NETWORK'));
    await h.clock.advance(MIN); // the timer's attempt fails: the normal backoff, 60 s
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + 2 * MIN);
    h.service.networkOnline(); // at once: fails again, then 2 s
    await h.clock.flush();
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + MIN + QUICK_RETRY_MS[0]!);
    await h.clock.advance(QUICK_RETRY_MS[0]!);
    expect(h.service.getState().status).toBe('live');
    expect(h.service.getState().nextRefreshAt).toBe(h.clock.now() + MIN);
    // A server error after the network came back is not "the network is not up yet": the backoff applies.
    h.source.enqueue(errorResult('SERVER_ERROR'));
    await h.clock.advance(10 * SEC);
    h.service.networkOnline();
    await h.clock.advance(MIN - 10 * SEC);
    expect(h.service.getState().error?.code).toBe('SERVER_ERROR');
    expect(h.service.getState().nextRefreshAt! - h.clock.now()).toBeGreaterThanOrEqual(MIN);
    h.service.stop();
  });

  it('suspend aborts the request in flight (its connection dies in sleep); the wake fetches again', async () => {
    const h = await setup({ latencyMs: 5 * SEC });
    void h.service.start();
    await h.clock.advance(5 * SEC);
    await h.clock.advanceTo(h.t0 + MIN + SEC); // the timer's request is now in flight
    expect(h.service.getState().refreshing).toBe(true);
    const inFlight = h.source.calls.at(-1)!;
    h.service.suspend();
    expect(inFlight.signal?.aborted).toBe(true);
    expect(h.service.getState()).toMatchObject({ refreshing: false, nextRefreshAt: null });
    h.clock.sleep(HOUR);
    await h.clock.advance(MIN);
    expect(h.source.count).toBe(2);
    h.service.resume();
    await h.clock.advance(5 * SEC);
    expect(h.source.count).toBe(3);
    expect(h.service.getState().status).toBe('live');
    h.service.stop();
  });

  it('a network change without an offline period resends a request in flight and retries a failed state at once', async () => {
    const h = await setup({ latencyMs: 30 * SEC });
    void h.service.start();
    await h.clock.advance(10 * SEC);
    const first = h.source.calls[0]!;
    h.service.networkChanged();
    expect(first.signal?.aborted).toBe(true);
    await h.clock.flush();
    expect(h.source.count).toBe(2);
    await h.clock.advance(30 * SEC);
    expect(h.service.getState().status).toBe('live');
    // Fresh data: a change costs no request.
    h.service.networkChanged();
    await h.clock.flush();
    expect(h.source.count).toBe(2);
    h.service.stop();
  });

  it('while the popover is open no wait exceeds a minute (backoff and a long interval alike), except Gate’s own 429 wait', async () => {
    const h = await setup({ refreshIntervalSec: 600 });
    await h.service.start();
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + 10 * MIN);
    h.service.setWatched(true);
    expect(h.service.getState().nextRefreshAt).toBe(h.t0 + WATCHED_MAX_WAIT_MS);
    h.source.enqueue(errorResult('SERVER_ERROR'), errorResult('SERVER_ERROR'), errorResult('SERVER_ERROR'));
    for (let i = 0; i < 3; i += 1) {
      await h.clock.advanceTo(h.service.getState().nextRefreshAt!);
      expect(h.service.getState().nextRefreshAt! - h.clock.now()).toBeLessThanOrEqual(WATCHED_MAX_WAIT_MS);
    }
    h.source.enqueue(errorResult('RATE_LIMITED', 5 * MIN));
    await h.clock.advanceTo(h.service.getState().nextRefreshAt!); // the third failure's retry is refused by Gate
    expect(h.service.getState().nextRefreshAt).toBe(h.clock.now() + 5 * MIN);
    // Closed again: the interval applies after the next attempt.
    await h.clock.advanceTo(h.service.getState().nextRefreshAt!);
    h.service.setWatched(false);
    await h.clock.advanceTo(h.service.getState().nextRefreshAt!);
    expect(h.service.getState().nextRefreshAt).toBe(h.clock.now() + 10 * MIN);
    h.service.stop();
  });
});

describe('BalanceService: currency', () => {
  it('switches to a currency without cache: loading (no old-currency figure shown), then live', async () => {
    const h = await setup();
    await h.service.start();
    h.service.setCurrency('BTC');
    const s = h.service.getState();
    expect(s).toMatchObject({ currency: 'BTC', balance: null, status: 'loading', refreshing: true });
    await h.service.whenIdle();
    expect(h.service.getState().status).toBe('live');
    expect(h.service.getState().balance?.currency).toBe('BTC');
    expect(h.source.calls.map((c) => c.currency)).toEqual(['USDT', 'BTC']);
    h.service.stop();
  });

  it('shows an old cached snapshot at once, marked stale with its age, then refreshes it', async () => {
    const h = await setup();
    await h.service.start();
    h.service.setCurrency('BTC');
    await h.service.whenIdle();
    await h.clock.advance(10 * MIN);
    const usdtFetchedAt = h.t0;
    h.service.setCurrency('USDT');
    const shownAtOnce = h.states.find((st) => st.currency === 'USDT' && st.balance !== null && st.refreshing);
    expect(shownAtOnce?.status).toBe('stale');
    expect(shownAtOnce?.balance?.fetchedAt).toBe(usdtFetchedAt);
    // Nothing timed out: the cached figure is just old.
    expect(shownAtOnce?.error?.code).toBe('OVERDUE');
    expect(said(shownAtOnce!.error!).message).toContain('10 min');
    await h.service.whenIdle();
    expect(h.service.getState()).toMatchObject({ status: 'live', currency: 'USDT' });
    expect(h.service.getState().balance?.fetchedAt).toBe(h.clock.now());
    h.service.stop();
  });

  it('shows a fresh cached snapshot as live and does not spend a request on it', async () => {
    const h = await setup();
    await h.service.start();
    h.service.setCurrency('BTC');
    await h.service.whenIdle();
    await h.clock.advance(20 * SEC);
    const before = h.source.count;
    h.service.setCurrency('USDT');
    const s = h.service.getState();
    expect(s).toMatchObject({ status: 'live', currency: 'USDT', refreshing: false });
    expect(s.balance?.fetchedAt).toBe(h.t0);
    expect(s.nextRefreshAt).toBe(h.t0 + MIN);
    expect(h.source.count).toBe(before);
    await h.clock.advanceTo(h.t0 + MIN);
    expect(h.source.calls.at(-1)?.currency).toBe('USDT');
    h.service.stop();
  });

  it('discards the answer for the previous currency when the user switches mid-request', async () => {
    const h = await setup({ latencyMs: 5 * SEC });
    void h.service.start();
    await h.clock.advance(SEC);
    h.service.setCurrency('CNY');
    expect(h.source.calls[0]?.signal?.aborted).toBe(true);
    await h.clock.advance(5 * SEC);
    const s = h.service.getState();
    expect(s.currency).toBe('CNY');
    expect(s.balance?.currency).toBe('CNY');
    expect(h.states.every((st) => st.balance === null || st.balance.currency === st.currency)).toBe(true);
    h.service.stop();
  });

  it('keeps onboarding through a currency switch when no key is stored', async () => {
    const h = await setup();
    h.source.respondWith(() => errorResult('MISSING_CREDENTIALS'));
    await h.service.start();
    const seen = h.states.length;
    h.service.setCurrency('CNY');
    await h.service.whenIdle();
    expect(h.states.slice(seen).every((s) => s.status === 'onboarding')).toBe(true);
    expect(h.service.getState()).toMatchObject({ currency: 'CNY', status: 'onboarding' });
    expect(h.source.count).toBe(1);
    // Once the missing key is known: neither start() nor a switch asks again until credentials change.
    await h.service.start();
    h.service.setCurrency('BTC');
    await h.service.whenIdle();
    expect(h.source.count).toBe(1);
    expect(h.service.getState().currency).toBe('BTC');
    h.service.stop();
  });

  it('asks nothing before start: a switch only shows, start() fetches what is shown', async () => {
    const h = await setup();
    h.service.setCurrency('BTC');
    await h.service.whenIdle();
    expect(h.source.count).toBe(0);
    await h.service.start();
    expect(h.source.calls.map((c) => c.currency)).toEqual(['BTC']);
    h.service.stop();
  });
});

describe('BalanceService: stale marking', () => {
  it('marks data stale right after a failure, with the reason, and the age from fetchedAt', async () => {
    const h = await setup();
    await h.service.start();
    h.source.enqueue(errorResult('TIMEOUT'));
    await h.clock.advance(MIN);
    const s = h.service.getState();
    expect(s.status).toBe('stale');
    expect(s.error?.code).toBe('TIMEOUT');
    expect(s.balance?.fetchedAt).toBe(h.t0);
    expect(s.staleAt).toBeNull();
    h.service.stop();
  });

  it('turns live data stale when staleAt passes with no refresh (the state itself, not only readers)', async () => {
    const h = await setup();
    await h.service.start();
    h.service.pause();
    const staleAt = h.service.getState().staleAt!;
    await h.clock.advanceTo(staleAt - 1);
    expect(h.service.getState().status).toBe('live');
    expect(effectiveStatus(h.service.getState(), h.clock.now())).toBe('live');
    await h.clock.advance(1);
    const s = h.service.getState();
    expect(s.status).toBe('stale');
    // Overdue, not a timeout: no request was made, so none can have timed out.
    expect(s.error?.code).toBe('OVERDUE');
    expect(said(s.error!).message).toContain('2 min');
    expect(s.balance).not.toBeNull();
    h.service.stop();
  });

  it('turns stale while a request hangs past staleAt, and live again when it lands', async () => {
    const h = await setup();
    await h.service.start();
    h.source.enqueue(
      () =>
        new Promise((resolve) => {
          h.clock.setTimeout(() => resolve(successResult(h.clock, 'USDT', '7')), 5 * MIN);
        }),
    );
    await h.clock.advance(MIN + 90 * SEC);
    expect(h.service.getState()).toMatchObject({ status: 'stale', refreshing: true });
    await h.clock.advance(5 * MIN);
    expect(h.service.getState()).toMatchObject({ status: 'live', refreshing: false });
    h.service.stop();
  });
});

describe('BalanceService: stop leaves nothing behind', () => {
  const scenarios: [string, (h: Harness) => Promise<void>][] = [
    ['live', async (h) => void (await h.service.start())],
    [
      'backing off',
      async (h) => {
        h.source.respondWith(() => errorResult('SERVER_ERROR'));
        await h.service.start();
      },
    ],
    [
      'rate limited',
      async (h) => {
        h.source.respondWith(() => errorResult('RATE_LIMITED', 10 * MIN));
        await h.service.start();
      },
    ],
    [
      'request in flight',
      async (h) => {
        void h.service.start();
        await h.clock.advance(SEC);
      },
    ],
    [
      'paused',
      async (h) => {
        await h.service.start();
        h.service.pause();
      },
    ],
  ];
  for (const [name, arrange] of scenarios) {
    it(`stop() while ${name}: no timers, no more requests`, async () => {
      const h = await setup({ latencyMs: name === 'request in flight' ? 5 * SEC : 0 });
      await arrange(h);
      expect(h.clock.pendingTimers).toBeGreaterThan(0);
      const calls = h.source.count;
      h.service.stop();
      expect(h.clock.pendingTimers).toBe(0);
      expect(h.service.getState()).toMatchObject({ nextRefreshAt: null, refreshing: false });
      await h.clock.advance(DAY);
      expect(h.source.count).toBe(calls);
      expect(h.clock.pendingTimers).toBe(0);
    });
  }

  it('can start again after stop', async () => {
    const h = await setup();
    await h.service.start();
    h.service.stop();
    await h.service.start();
    expect(h.source.count).toBe(2);
    await h.clock.advance(MIN);
    expect(h.source.count).toBe(3);
    h.service.stop();
    expect(h.clock.pendingTimers).toBe(0);
  });
});

describe('BalanceService: demo and source switching', () => {
  it('never shows demo data as the user’s (nor the reverse) and keeps demo out of history', async () => {
    const h = await setup();
    await h.service.start();
    expect(h.history).toHaveLength(1);
    const demo = new FakeBalanceSource({ clock: h.clock, respond: (c) => successResult(h.clock, c.currency, '999999') });
    h.service.setSource(demo, null);
    const switched = h.service.getState();
    expect(switched).toMatchObject({ balance: null, status: 'loading' });
    await h.service.whenIdle();
    expect(h.service.getState()).toMatchObject({ status: 'live' });
    expect(h.service.getState().balance?.total.amount).toBe('999999');
    // Demo caches do not leak into a currency switch later on either.
    h.service.setCurrency('BTC');
    await h.service.whenIdle();
    expect(h.history).toHaveLength(1);

    h.service.setSource(h.source, h.historyPort);
    expect(h.service.getState()).toMatchObject({ balance: null });
    await h.service.whenIdle();
    expect(h.service.getState().balance?.total.amount).toBe('1.23456789');
    h.service.setCurrency('USDT');
    expect(h.service.getState().balance).toBeNull(); // the demo USDT snapshot is gone
    await h.service.whenIdle();
    expect(h.service.getState().balance?.total.amount).toBe('10001.75');
    expect(h.history.map((p) => p.total)).toEqual(['10001.75', '1.23456789', '10001.75']);
    h.service.stop();
  });

  it('ignores an answer from the previous source that lands after the switch', async () => {
    const h = await setup({ latencyMs: 5 * SEC });
    void h.service.start();
    await h.clock.advance(SEC);
    const demo = new FakeBalanceSource({ clock: h.clock, latencyMs: 5 * SEC, respond: (c) => successResult(h.clock, c.currency, '1') });
    h.service.setSource(demo, null);
    const switchedAt = h.states.length;
    await h.clock.advance(10 * SEC);
    expect(h.states.slice(switchedAt).some((s) => s.balance?.total.amount === '10001.75')).toBe(false);
    expect(h.service.getState().balance?.total.amount).toBe('1');
    h.service.stop();
  });

  it('a keychain that comes back unlocked restarts a schedule stopped by KEYCHAIN_DENIED (GlanceApp unblocks it)', async () => {
    const h = await setup();
    h.source.enqueue(errorResult('KEYCHAIN_DENIED'));
    await h.service.start();
    expect(h.service.getState()).toMatchObject({ status: 'error', nextRefreshAt: null, error: { code: 'KEYCHAIN_DENIED' } });
    await h.clock.advance(DAY);
    expect(h.source.count).toBe(1);
    h.service.unblock();
    await h.service.whenIdle();
    expect(h.service.getState().status).toBe('live');
    h.service.stop();
  });
});
