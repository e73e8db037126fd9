/**
 * Balances and nothing else: fetches `total_balance` from a BalanceSource, keeps the last good
 * snapshot per currency, and runs the refresh schedule — one request at a time, every interval
 * (never faster than Gate's one-minute cache), backing off with jitter on failures, obeying
 * Gate's 429 wait, stopping on errors that retrying cannot fix, pausing while the machine
 * sleeps, and leaving no timer behind when stopped. It publishes one `BalanceState`; GlanceApp
 * adds preferences, credentials and demo mode to make the `WidgetState`. Everything comes in
 * through the options, so tests drive a week of refreshes in virtual time.
 */
import type { BalanceSnapshot, Currency, HistoryPoint } from '../../../shared/balance.js';
import type { AppError } from '../../../shared/errors.js';
import { isPermanentError } from '../../../shared/errors.js';
import type { WidgetState } from '../../../shared/ipc.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { BalanceResult, BalanceSource } from '../gate/types.js';
import { INTERNAL_SOURCE_ERROR, STALE_SLACK_MS, WRONG_CURRENCY_ERROR, backoffDelayMs, intervalMsOf, overdueError } from './schedule.js';

/** The balance part of the WidgetState: the service owns exactly these fields. */
export type BalanceState = Pick<
  WidgetState,
  'status' | 'currency' | 'balance' | 'refreshing' | 'nextRefreshAt' | 'staleAt' | 'error' | 'rateLimitedUntil'
>;

/** Where successful totals are recorded (HistoryStore implements it). */
export interface HistoryPort {
  append(point: HistoryPoint): Promise<void>;
}

export interface BalanceServiceOptions {
  readonly source: BalanceSource;
  /** Each successful total from `source` is appended here; null for a source that is not the user's (demo). */
  readonly history: HistoryPort | null;
  readonly clock: Clock;
  /** The currency shown first. */
  readonly currency: Currency;
  /** Seconds between refreshes; values below Gate's one-minute cache are raised to it. */
  readonly refreshIntervalSec: number;
  /** 0 ≤ random() < 1, for backoff jitter; injectable so tests see exact delays. */
  readonly random?: () => number;
  /** Called with every new state (GlanceApp's one subscription). */
  readonly onChange?: (state: BalanceState) => void;
  /** Non-fatal problems (a history write failed). Defaults to console.warn. */
  readonly warn?: (message: string) => void;
}

/** What can start a fetch. Each goes through the gates of its row in FETCH_GATES. */
export type FetchTrigger = 'start' | 'timer' | 'resume' | 'online' | 'network' | 'reset' | 'unblock' | 'currency' | 'manual';

/**
 * After a wake, an unlock, the network coming back or changing, the first attempt often runs
 * before the network is really up: a failure that says so (QUICK_RETRY_CODES) is retried after
 * these delays (ms) before the normal backoff (one interval and more) begins. Failed attempts
 * fetched nothing, so Gate's one-minute cache is no reason to wait longer.
 */
export const QUICK_RETRY_MS: readonly number[] = [2_000, 5_000, 10_000, 20_000];

/** The triggers after which the network may not be up yet: their attempt starts the quick retries. */
const QUICK_RETRY_TRIGGERS: ReadonlySet<FetchTrigger> = new Set(['resume', 'online', 'network']);

/** The failures that mean "the network is not there (yet)": the only ones retried quickly. */
const QUICK_RETRY_CODES: ReadonlySet<AppError['code']> = new Set(['NETWORK', 'TIMEOUT']);

/** While the popover is open, no wait before the next attempt is longer than this (ms), Gate's own 429 wait excepted. */
export const WATCHED_MAX_WAIT_MS = 60_000;

interface Gates {
  /** 'awake': only between start() and stop() and not paused; 'started': not paused is not needed; 'any': always. */
  readonly runs: 'awake' | 'started' | 'any';
  /** Which permanent stop holds it back: any, only a missing key, or none. */
  readonly stop: 'any' | 'missing-key' | 'none';
  /** Inside Gate's 429 wait: 'defer' arms the timer for the wait's end, 'refuse' does nothing. */
  readonly rateLimit: 'defer' | 'refuse';
  /** No request while the shown data is younger than one interval with no failure since. */
  readonly skipIfFresh: boolean;
}

/**
 * The one table of which gates apply to which trigger. A request already in flight is joined
 * by every trigger. A manual refresh works even when a permanent error stopped the schedule
 * (the user may have fixed the cause) but never inside Gate's 429 wait.
 */
const FETCH_GATES: Readonly<Record<FetchTrigger, Gates>> = {
  start: { runs: 'awake', stop: 'any', rateLimit: 'defer', skipIfFresh: false },
  timer: { runs: 'awake', stop: 'any', rateLimit: 'defer', skipIfFresh: false },
  resume: { runs: 'awake', stop: 'any', rateLimit: 'defer', skipIfFresh: true },
  online: { runs: 'awake', stop: 'any', rateLimit: 'defer', skipIfFresh: true },
  network: { runs: 'awake', stop: 'any', rateLimit: 'defer', skipIfFresh: true },
  reset: { runs: 'awake', stop: 'none', rateLimit: 'defer', skipIfFresh: false },
  unblock: { runs: 'awake', stop: 'none', rateLimit: 'defer', skipIfFresh: false },
  currency: { runs: 'started', stop: 'missing-key', rateLimit: 'defer', skipIfFresh: true },
  manual: { runs: 'any', stop: 'none', rateLimit: 'refuse', skipIfFresh: false },
};

interface CacheEntry {
  readonly snapshot: BalanceSnapshot;
  /** The last failure for this currency since the snapshot, if any. */
  error: AppError | null;
}

interface InFlight {
  readonly promise: Promise<BalanceState>;
  readonly controller: AbortController;
}

function shallowEqual(a: BalanceState, b: BalanceState): boolean {
  return (Object.keys(b) as (keyof BalanceState)[]).every((k) => Object.is(a[k], b[k]));
}

/** The balance fetcher, cache and scheduler. One per app (or CLI run). */
export class BalanceService {
  #source: BalanceSource;
  #history: HistoryPort | null;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #warn: (message: string) => void;
  readonly #onChange: (state: BalanceState) => void;
  /** Last good snapshot per currency, for an instant currency switch. Cleared when the account may have changed. */
  readonly #cache = new Map<Currency, CacheEntry>();
  #intervalMs: number;

  #state: BalanceState;
  #started = false;
  #paused = false;
  /** A permanent error (bad key, no permission…) stopped the schedule until something changes. */
  #stoppedBy: AppError | null = null;
  /** Consecutive failed attempts; drives the backoff. */
  #failures = 0;
  #refreshTimer: TimerHandle | null = null;
  #watchdogTimer: TimerHandle | null = null;
  #watchdogAt: number | null = null;
  #inFlight: InFlight | null = null;
  /** Bumped whenever an in-flight answer would no longer belong to what is shown (currency, source, account). */
  #generation = 0;
  /** Index into QUICK_RETRY_MS of the next quick retry after a wake or a network change; null when none is due. */
  #quickRetry: number | null = null;
  /** The popover is open: no wait exceeds WATCHED_MAX_WAIT_MS. */
  #watched = false;

  constructor(options: BalanceServiceOptions) {
    this.#source = options.source;
    this.#history = options.history;
    this.#clock = options.clock;
    this.#random = options.random ?? Math.random;
    this.#warn = options.warn ?? ((message) => console.warn(`[balance] ${message}`));
    this.#onChange = options.onChange ?? (() => undefined);
    this.#intervalMs = intervalMsOf(options.refreshIntervalSec);
    this.#state = Object.freeze<BalanceState>({
      status: 'loading',
      currency: options.currency,
      balance: null,
      refreshing: false,
      nextRefreshAt: null,
      staleAt: null,
      error: null,
      rateLimitedUntil: null,
    });
  }

  /** The current state (immutable; a new object for every change). */
  getState(): BalanceState {
    return this.#state;
  }

  /** Resolves with the state once no request is in flight (at once if none is). */
  whenIdle(): Promise<BalanceState> {
    return this.#inFlight ? this.#inFlight.promise : Promise.resolve(this.#state);
  }

  // ── Lifecycle ──────────────────────────────────────────────────────────────

  /** Starts the schedule with an immediate fetch; resolves when that first fetch is done. */
  start(): Promise<BalanceState> {
    if (this.#started) return this.whenIdle();
    this.#started = true;
    return this.#request('start');
  }

  /** Cancels the request in flight and every timer. Data is kept (and ages honestly via staleAt). */
  stop(): void {
    this.#started = false;
    this.#abortInFlight();
    this.#clearRefreshTimer();
    this.#setState({ refreshing: false, nextRefreshAt: null });
    this.#syncWatchdog();
  }

  /** System suspend or screen lock: no scheduled requests until resume(). A request in flight may finish (see suspend()). */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    this.#clearRefreshTimer();
    this.#setState({ nextRefreshAt: null });
  }

  /** The machine goes to sleep: pauses, and aborts a request in flight (its connection will be dead on wake). */
  suspend(): void {
    this.pause();
    if (this.#inFlight === null) return;
    this.#abortInFlight();
    this.#setState({ refreshing: false });
  }

  /** Wake or unlock: refreshes at once unless the shown data is younger than one interval, retrying quickly if the network is not up yet. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    void this.#request('resume');
  }

  /** The OS reports connectivity again: retry at once if the last attempt failed or the data is old, then quickly. */
  networkOnline(): void {
    void this.#request('online');
  }

  /**
   * The network changed without going offline (Wi-Fi to VPN): a request in flight may hang on the
   * old route, so it is sent again; otherwise like networkOnline().
   */
  networkChanged(): void {
    if (this.#inFlight !== null && this.#started && !this.#paused) {
      this.#abortInFlight();
      this.#setState({ refreshing: false });
    }
    void this.#request('network');
  }

  /** The popover opened (true) or closed: while open, the next attempt is never more than WATCHED_MAX_WAIT_MS away. */
  setWatched(watched: boolean): void {
    if (watched === this.#watched) return;
    this.#watched = watched;
    const next = this.#state.nextRefreshAt;
    if (watched && this.#refreshTimer !== null && next !== null && next > this.#clock.now() + WATCHED_MAX_WAIT_MS) this.#scheduleAt(next);
  }

  // ── What the user or the app changes ───────────────────────────────────────

  /** Fetches now (the user asked). Joins a request in flight; does nothing inside Gate's 429 wait. */
  refresh(): Promise<BalanceState> {
    return this.#request('manual');
  }

  /**
   * Shows `currency` at once — its cached snapshot if there is one, marked live or stale by its
   * age — then fetches it unless that snapshot is younger than one interval.
   */
  setCurrency(currency: Currency): void {
    if (currency === this.#state.currency) return;
    this.#abortInFlight();
    if (this.#stoppedBy?.code === 'INVALID_CURRENCY') this.#stoppedBy = null;
    if (this.#stoppedBy?.code === 'MISSING_CREDENTIALS') {
      this.#setState({ currency, refreshing: false });
      return;
    }
    const now = this.#clock.now();
    const entry = this.#cache.get(currency);
    if (!entry) {
      // Before the first answer confirms a missing key, keep onboarding rather than flash "loading".
      const status = this.#state.status === 'onboarding' ? 'onboarding' : 'loading';
      this.#setState({ currency, balance: null, status, error: null, staleAt: null, refreshing: false, nextRefreshAt: null });
    } else {
      const staleAt = this.#staleAt(entry.snapshot.fetchedAt, null);
      const live = entry.error === null && now < staleAt;
      this.#setState({
        currency,
        balance: entry.snapshot,
        status: live ? 'live' : 'stale',
        error: live ? null : (entry.error ?? overdueError(now - entry.snapshot.fetchedAt)),
        staleAt: live ? staleAt : null,
        refreshing: false,
        nextRefreshAt: null,
      });
    }
    void this.#request('currency');
  }

  /** A new refresh interval: live data gets a new staleAt, and a regular schedule is re-armed. */
  setRefreshInterval(sec: number): void {
    const intervalMs = intervalMsOf(sec);
    if (intervalMs === this.#intervalMs) return;
    this.#intervalMs = intervalMs;
    const s = this.#state;
    if (s.status !== 'live' || s.balance === null) return;
    const nextAt = s.balance.fetchedAt + intervalMs;
    const regular = this.#refreshTimer !== null && this.#failures === 0 && this.#waitUntil() === null;
    this.#setState({
      staleAt: this.#staleAt(s.balance.fetchedAt, nextAt),
      ...(regular ? { nextRefreshAt: this.#armRefresh(nextAt) } : {}),
    });
  }

  /**
   * Switches to another source (the demo simulator or the user's account). Everything cached is
   * dropped — demo figures must never be shown as the user's, nor the reverse — and the schedule
   * starts over. `history` is where this source's totals are recorded (null: nowhere).
   */
  setSource(source: BalanceSource, history: HistoryPort | null): void {
    this.#source = source;
    this.#history = history;
    this.reset();
  }

  /** The account may have changed (a key saved, replaced or removed): forget all data and fetch again. */
  reset(): void {
    this.#abortInFlight();
    this.#clearRefreshTimer();
    this.#cache.clear();
    this.#failures = 0;
    this.#quickRetry = null;
    this.#stoppedBy = null;
    this.#setState({
      status: 'loading',
      balance: null,
      error: null,
      staleAt: null,
      refreshing: false,
      nextRefreshAt: null,
      rateLimitedUntil: null,
    });
    void this.#request('reset');
  }

  /** Something a permanent error may depend on changed (the keychain was unlocked): lift the stop and fetch. */
  unblock(): void {
    if (this.#stoppedBy === null) return;
    this.#stoppedBy = null;
    void this.#request('unblock');
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  /** The one entry point of every fetch: applies the trigger's gates, then joins, defers or sends. */
  #request(trigger: FetchTrigger): Promise<BalanceState> {
    if (this.#inFlight) return this.#inFlight.promise;
    const gates = FETCH_GATES[trigger];
    const idle = Promise.resolve(this.#state);
    if (gates.runs !== 'any' && !this.#started) return idle;
    if (gates.runs === 'awake' && this.#paused) return idle;
    const stop = this.#stoppedBy;
    if (stop !== null && (gates.stop === 'any' || (gates.stop === 'missing-key' && stop.code === 'MISSING_CREDENTIALS'))) return idle;
    const wait = this.#waitUntil();
    if (wait !== null) {
      if (gates.rateLimit === 'defer') this.#scheduleAt(wait);
      return idle;
    }
    const s = this.#state;
    if (gates.skipIfFresh && s.status === 'live' && s.balance !== null && this.#failures === 0) {
      const dueAt = s.balance.fetchedAt + this.#intervalMs;
      if (this.#clock.now() < dueAt) {
        this.#scheduleAt(dueAt);
        return idle;
      }
    }
    if (QUICK_RETRY_TRIGGERS.has(trigger)) this.#quickRetry = 0;
    return this.#fetch();
  }

  /** Until when Gate asked us to wait, if that is still ahead. */
  #waitUntil(): number | null {
    const until = this.#state.rateLimitedUntil;
    return until !== null && until > this.#clock.now() ? until : null;
  }

  /** When data fetched at `fetchedAt` (next refresh due at `nextAt`) stops being live. */
  #staleAt(fetchedAt: number, nextAt: number | null): number {
    const interval = this.#intervalMs;
    return Math.max(fetchedAt + interval, nextAt ?? 0) + interval + STALE_SLACK_MS;
  }

  #setState(patch: Partial<BalanceState>): void {
    const next: BalanceState = { ...this.#state, ...patch };
    if (shallowEqual(this.#state, next)) return;
    this.#state = Object.freeze(next);
    this.#syncWatchdog();
    this.#onChange(this.#state);
  }

  #clearRefreshTimer(): void {
    if (this.#refreshTimer !== null) {
      this.#clock.clearTimeout(this.#refreshTimer);
      this.#refreshTimer = null;
    }
  }

  /**
   * Arms the refresh timer for `at` (epoch ms) if the schedule may run, and answers the value
   * for `nextRefreshAt` (null when stopped, paused or halted), so callers emit one state. While
   * the popover is open it is no later than WATCHED_MAX_WAIT_MS from now, unless Gate asked to
   * wait until `gateWaitUntil` (a 429, or a spent rate-limit window) or longer.
   */
  #armRefresh(at: number, gateWaitUntil: number | null = this.#waitUntil()): number | null {
    this.#clearRefreshTimer();
    if (!this.#started || this.#paused || this.#stoppedBy !== null) return null;
    const now = this.#clock.now();
    let when = Math.max(at, now);
    if (this.#watched) when = Math.min(when, Math.max(now + WATCHED_MAX_WAIT_MS, gateWaitUntil ?? 0));
    this.#refreshTimer = this.#clock.setTimeout(() => {
      this.#refreshTimer = null;
      void this.#request('timer');
    }, when - now);
    return when;
  }

  #scheduleAt(at: number): void {
    this.#setState({ nextRefreshAt: this.#armRefresh(at) });
  }

  /** One timer at `staleAt` while live and started, so the state itself turns stale if no refresh lands in time. */
  #syncWatchdog(): void {
    const s = this.#state;
    const want = this.#started && s.status === 'live' && s.staleAt !== null ? s.staleAt : null;
    if (want === this.#watchdogAt) return;
    if (this.#watchdogTimer !== null) {
      this.#clock.clearTimeout(this.#watchdogTimer);
      this.#watchdogTimer = null;
    }
    this.#watchdogAt = want;
    if (want === null) return;
    this.#watchdogTimer = this.#clock.setTimeout(
      () => {
        this.#watchdogTimer = null;
        this.#watchdogAt = null;
        const st = this.#state;
        if (st.status !== 'live' || st.balance === null) return;
        const error = overdueError(this.#clock.now() - st.balance.fetchedAt);
        const entry = this.#cache.get(st.currency);
        if (entry) entry.error = error;
        this.#setState({ status: 'stale', error, staleAt: null });
      },
      Math.max(0, want - this.#clock.now()),
    );
  }

  #abortInFlight(): void {
    this.#generation += 1;
    if (this.#inFlight) {
      this.#inFlight.controller.abort();
      this.#inFlight = null;
    }
  }

  #fetch(): Promise<BalanceState> {
    const currency = this.#state.currency;
    const source = this.#source;
    const generation = this.#generation;
    const controller = new AbortController();
    const startedAt = this.#clock.now();
    this.#clearRefreshTimer();
    const s = this.#state;
    const status = s.balance !== null || s.status === 'error' || s.status === 'onboarding' ? s.status : 'loading';
    this.#setState({ refreshing: true, nextRefreshAt: null, status });

    const run = async (): Promise<BalanceState> => {
      // Superseded before it even started (a currency switch in the same tick): spend no request.
      if (generation !== this.#generation) return this.#state;
      let result: BalanceResult;
      try {
        result = await source.getTotalBalance(currency, { signal: controller.signal });
      } catch {
        result = { ok: false, error: INTERNAL_SOURCE_ERROR };
      }
      if (this.#inFlight?.controller === controller) this.#inFlight = null;
      if (generation !== this.#generation) return this.#state;
      this.#settle(currency, startedAt, result);
      return this.#state;
    };
    // Deferred one microtask so #inFlight is set before the source runs (even if it answers synchronously).
    const promise = Promise.resolve().then(run);
    this.#inFlight = { promise, controller };
    return promise;
  }

  #settle(currency: Currency, startedAt: number, answer: BalanceResult): void {
    const now = this.#clock.now();
    const result: BalanceResult = answer.ok && answer.balance.currency !== currency ? { ok: false, error: WRONG_CURRENCY_ERROR } : answer;
    if (result.ok) {
      const snapshot = result.balance;
      this.#failures = 0;
      this.#quickRetry = null;
      this.#stoppedBy = null;
      let nextAt = Math.max(startedAt + this.#intervalMs, now);
      let gateWaitUntil: number | null = null;
      const { rateLimitRemaining, rateLimitResetAt } = result.meta;
      if (rateLimitRemaining === 0 && rateLimitResetAt !== null && rateLimitResetAt > nextAt) nextAt = gateWaitUntil = rateLimitResetAt;
      this.#cache.set(currency, { snapshot, error: null });
      this.#record(snapshot);
      this.#setState({
        status: 'live',
        balance: snapshot,
        error: null,
        refreshing: false,
        rateLimitedUntil: null,
        staleAt: this.#staleAt(snapshot.fetchedAt, nextAt),
        nextRefreshAt: this.#armRefresh(nextAt, gateWaitUntil),
      });
      return;
    }

    const error = result.error;
    const quick = this.#quickRetry !== null && QUICK_RETRY_CODES.has(error.code) ? QUICK_RETRY_MS[this.#quickRetry] : undefined;
    this.#quickRetry = quick !== undefined && this.#quickRetry !== null ? this.#quickRetry + 1 : null;
    // A quick retry is not yet a failure of the normal schedule: its backoff starts at one interval afterwards.
    if (quick === undefined) this.#failures += 1;
    if (error.code === 'MISSING_CREDENTIALS') {
      // No key at all: nothing shown can belong to anyone any more.
      this.#cache.clear();
      this.#stoppedBy = error;
      this.#clearRefreshTimer();
      this.#setState({ status: 'onboarding', balance: null, error, refreshing: false, staleAt: null, nextRefreshAt: null });
      return;
    }
    const entry = this.#cache.get(currency);
    if (entry) entry.error = error;
    let nextAt: number;
    let rateLimitedUntil: number | null = null;
    if (isPermanentError(error.code)) {
      this.#stoppedBy = error;
      nextAt = now;
    } else {
      let delay = quick ?? backoffDelayMs(this.#failures, this.#intervalMs, this.#random());
      if (error.code === 'RATE_LIMITED' && error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
        rateLimitedUntil = now + error.retryAfterMs;
        delay = Math.max(delay, error.retryAfterMs);
      }
      nextAt = now + delay;
    }
    this.#setState({
      status: this.#state.balance !== null ? 'stale' : 'error',
      error,
      refreshing: false,
      staleAt: null,
      rateLimitedUntil,
      nextRefreshAt: this.#armRefresh(nextAt, rateLimitedUntil),
    });
  }

  #record(snapshot: BalanceSnapshot): void {
    if (this.#history === null) return;
    const point: HistoryPoint = { at: snapshot.fetchedAt, currency: snapshot.currency, total: snapshot.total.amount };
    this.#history.append(point).catch((error: unknown) => {
      this.#warn(`Could not record history: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
  }
}
