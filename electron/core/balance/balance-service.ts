/**
 * The one place that decides what the widget shows and when Gate is asked again. It owns a
 * single `WidgetState`, emits every change (main pushes it to the renderer and the tray), and
 * runs the refresh schedule: one request at a time, every `refreshIntervalSec` (never faster
 * than Gate's one-minute cache), backing off with jitter on failures, obeying Gate's 429 wait,
 * stopping on errors that retrying cannot fix, and leaving no timer behind when stopped.
 * Everything comes in through the options (source, clock, prefs, history), so tests drive a
 * week of refreshes in virtual time and the CLI reuses the same class.
 */
import type { BalanceSnapshot, Currency, HistoryPoint } from '../../../shared/balance.js';
import { isCurrency } from '../../../shared/balance.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { fail, isPermanentError } from '../../../shared/errors.js';
import type { CredentialsStatus, PreferencesPatch, WidgetState } from '../../../shared/ipc.js';
import type { Preferences } from '../../../shared/prefs.js';
import { MIN_REFRESH_INTERVAL_SEC } from '../../../shared/prefs.js';
import { formatAge } from '../../../shared/widget-state.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { BalanceResult, BalanceSource } from '../gate/types.js';
import type { PrefsPort } from '../prefs/prefs-store.js';

/** Longest wait between attempts after repeated failures. */
export const MAX_BACKOFF_MS = 15 * 60_000;
/** Backoff delays are shortened by up to this fraction at random, so many clients do not retry in step. */
const BACKOFF_JITTER = 0.2;
/**
 * Live data turns stale when no refresh has succeeded for one interval past the next due
 * refresh, plus this much for a slow request. With the default 60 s: fetchedAt + 150 s.
 */
export const STALE_SLACK_MS = 30_000;

/** Where successful totals are recorded (HistoryStore implements it). */
export interface HistoryPort {
  append(point: HistoryPoint): Promise<void>;
}

/** What a BalanceService is built from. */
export interface BalanceServiceOptions {
  readonly source: BalanceSource;
  readonly clock: Clock;
  /** Current preferences and where currency/interval changes are persisted. Load it first. */
  readonly prefs: PrefsPort;
  /** Each successful real-account total is appended here (never in demo mode). */
  readonly history?: HistoryPort;
  /** 0 ≤ random() < 1, for backoff jitter; injectable so tests see exact delays. */
  readonly random?: () => number;
  /** True when `source` serves the simulator's demo portfolio. */
  readonly demo?: boolean;
  /** What the keychain holds, shown in the state; the source remains the judge of whether it works. */
  readonly credentials?: CredentialsStatus;
  /** Non-fatal problems (a history write failed, a listener threw). Defaults to console.warn. */
  readonly warn?: (message: string) => void;
}

/** Receives every new state. */
export type WidgetStateListener = (state: WidgetState) => void;

/** Options of `setSource`. */
export interface SetSourceOptions {
  readonly demo: boolean;
}

/** What the state says about credentials before anything is known. */
const UNKNOWN_CREDENTIALS: CredentialsStatus = { stored: false, keyHint: null, keychainError: null };

/**
 * The wait before retry number `failures` (1 = after the first failure): the refresh interval,
 * doubled per further failure, capped at MAX_BACKOFF_MS, minus up to 20 % jitter, and never
 * shorter than the interval (a retry sooner than Gate's one-minute cache buys nothing).
 * With a 60 s interval and no jitter: 60, 120, 240, 480, 900, 900… seconds.
 */
export function backoffDelayMs(failures: number, intervalMs: number, random: number): number {
  const n = Math.max(1, Math.floor(failures));
  const raw = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.max(intervalMs, Math.round(raw * (1 - BACKOFF_JITTER * r)));
}

/** The refresh interval in ms, with the one-minute floor enforced even if prefs were bypassed. */
function refreshIntervalMs(prefs: Preferences): number {
  const sec = Number.isFinite(prefs.refreshIntervalSec) ? prefs.refreshIntervalSec : MIN_REFRESH_INTERVAL_SEC;
  return Math.max(MIN_REFRESH_INTERVAL_SEC, Math.floor(sec)) * 1000;
}

interface CacheEntry {
  readonly snapshot: BalanceSnapshot;
  /** The last failure for this currency since the snapshot, if any. */
  error: AppError | null;
}

interface InFlight {
  readonly promise: Promise<WidgetState>;
  readonly controller: AbortController;
}

function sameCredentials(a: CredentialsStatus, b: CredentialsStatus): boolean {
  return a.stored === b.stored && a.keyHint === b.keyHint && a.keychainError?.code === b.keychainError?.code;
}

function shallowEqual(a: WidgetState, b: WidgetState): boolean {
  const keys = Object.keys(b) as (keyof WidgetState)[];
  return keys.every((k) => Object.is(a[k], b[k]));
}

/** The balance state machine and refresh scheduler. One per app (or CLI run). */
export class BalanceService {
  #source: BalanceSource;
  readonly #clock: Clock;
  readonly #prefs: PrefsPort;
  readonly #history: HistoryPort | undefined;
  readonly #random: () => number;
  readonly #warn: (message: string) => void;
  readonly #listeners = new Set<WidgetStateListener>();
  /** Last good snapshot per currency, for an instant currency switch. Cleared when the account may have changed. */
  readonly #cache = new Map<Currency, CacheEntry>();

  #state: WidgetState;
  #started = false;
  #paused = false;
  /** A permanent error (bad key, no permission…) stopped the schedule until credentials or source change. */
  #stoppedBy: AppError | null = null;
  /** Consecutive failed attempts; drives the backoff. */
  #failures = 0;
  /** Gate told us to wait until then (epoch ms); no request before it, manual or not. */
  #rateLimitedUntil: number | null = null;
  #refreshTimer: TimerHandle | null = null;
  #watchdogTimer: TimerHandle | null = null;
  #watchdogAt: number | null = null;
  #inFlight: InFlight | null = null;
  /** Bumped whenever an in-flight answer would no longer belong to what is shown (currency, source, credentials). */
  #generation = 0;

  constructor(options: BalanceServiceOptions) {
    this.#source = options.source;
    this.#clock = options.clock;
    this.#prefs = options.prefs;
    this.#history = options.history;
    this.#random = options.random ?? Math.random;
    this.#warn = options.warn ?? ((message) => console.warn(`[balance] ${message}`));
    const prefs = options.prefs.get();
    const demo = options.demo ?? false;
    const credentials = options.credentials ?? UNKNOWN_CREDENTIALS;
    this.#state = Object.freeze<WidgetState>({
      status: BalanceService.#initialStatus(demo, options.credentials ?? null),
      currency: prefs.currency,
      balance: null,
      refreshing: false,
      nextRefreshAt: null,
      staleAt: null,
      error: null,
      demo,
      credentials,
      prefs,
    });
  }

  /** Before the first answer: onboarding when we know no key is stored, loading otherwise. */
  static #initialStatus(demo: boolean, credentials: CredentialsStatus | null): WidgetState['status'] {
    if (!demo && credentials !== null && !credentials.stored && credentials.keychainError === null) return 'onboarding';
    return 'loading';
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  /** The current state (an immutable object; a new one is made for every change). */
  getState(): WidgetState {
    return this.#state;
  }

  /** Calls `listener` with every new state (not the current one); returns the unsubscribe function. */
  subscribe(listener: WidgetStateListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** True between start() and stop(). */
  get running(): boolean {
    return this.#started;
  }

  /** True between pause() and resume(). */
  get paused(): boolean {
    return this.#paused;
  }

  /** Consecutive failed attempts (0 after a success). */
  get consecutiveFailures(): number {
    return this.#failures;
  }

  /** The permanent error that stopped the schedule, or null. */
  get stoppedBy(): AppError | null {
    return this.#stoppedBy;
  }

  /** Until when Gate asked us to wait (epoch ms), or null. */
  get rateLimitedUntil(): number | null {
    return this.#rateLimitedUntil !== null && this.#rateLimitedUntil > this.#clock.now() ? this.#rateLimitedUntil : null;
  }

  /** Resolves with the state once no request is in flight (at once if none is). */
  whenIdle(): Promise<WidgetState> {
    return this.#inFlight ? this.#inFlight.promise : Promise.resolve(this.#state);
  }

  // ── Lifecycle ──────────────────────────────────────────────────────────────

  /** Starts the schedule with an immediate fetch; resolves when that first fetch is done. */
  start(): Promise<WidgetState> {
    if (this.#started) return this.whenIdle();
    this.#started = true;
    if (this.#paused) return Promise.resolve(this.#state);
    return this.#kick();
  }

  /** Stops everything: cancels the request in flight and every timer. Data is kept (and ages honestly via staleAt). */
  stop(): void {
    this.#started = false;
    this.#abortInFlight();
    this.#clearRefreshTimer();
    this.#setState({ refreshing: false, nextRefreshAt: null });
    this.#syncWatchdog();
  }

  /** stop() and forget every listener. */
  dispose(): void {
    this.stop();
    this.#listeners.clear();
  }

  /** System suspend or screen lock: no scheduled requests until resume(). A request in flight may finish. */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    this.#clearRefreshTimer();
    this.#setState({ nextRefreshAt: null });
  }

  /** Wake or unlock: refreshes at once unless the shown data is younger than one interval. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    if (this.#started) void this.#resumeSchedule();
  }

  /** The OS reports connectivity again: retry at once if the last attempt failed or the data is old. */
  networkOnline(): void {
    if (this.#started && !this.#paused) void this.#resumeSchedule();
  }

  // ── Requests ───────────────────────────────────────────────────────────────

  /**
   * Fetches now (the user asked). Joins a request already in flight (same promise). Does not
   * send while Gate's 429 wait lasts (resolves with the unchanged state). Works even when the
   * schedule is stopped by a permanent error: a success restarts the schedule.
   */
  refresh(): Promise<WidgetState> {
    if (this.#inFlight) return this.#inFlight.promise;
    if (this.rateLimitedUntil !== null) return Promise.resolve(this.#state);
    return this.#startFetch();
  }

  /**
   * Shows `currency` at once — its cached snapshot if there is one, marked live or stale by its
   * age — then refreshes unless that snapshot is younger than one interval. Persists the choice.
   */
  async setCurrency(currency: Currency): Promise<Result<Preferences>> {
    if (!isCurrency(currency)) {
      return fail('INVALID_CURRENCY', 'That is not a currency Gate can convert to.', 'Use one of BTC, CNY, USD or USDT.');
    }
    if (currency !== this.#state.currency) this.#switchCurrency(currency);
    return this.#persist({ currency });
  }

  /** Validates and persists a preferences change, then applies it (interval → reschedule, currency → switch). */
  async setPrefs(patch: PreferencesPatch): Promise<Result<Preferences>> {
    const saved = await this.#prefs.update(patch);
    if (!saved.ok) return saved;
    const previous = this.#state.prefs;
    if (patch.currency !== undefined && saved.value.currency !== this.#state.currency) this.#switchCurrency(saved.value.currency);
    this.#setState({ prefs: { ...saved.value, currency: this.#state.currency } });
    if (saved.value.refreshIntervalSec !== previous.refreshIntervalSec) this.#intervalChanged();
    return saved;
  }

  /**
   * Switches between the demo simulator and the user's account (or a new client). Everything
   * cached is dropped — demo figures must never be shown as the user's, nor the reverse — and
   * the schedule starts over.
   */
  setSource(source: BalanceSource, options: SetSourceOptions): void {
    this.#source = source;
    this.#reset({ demo: options.demo });
  }

  /**
   * Credentials were saved, replaced or removed: drop everything cached (it may be another
   * account), lift a permanent stop, and fetch again.
   */
  credentialsChanged(status?: CredentialsStatus): void {
    this.#reset(status ? { credentials: status } : {});
  }

  /**
   * Updates what the state says about the keychain. A different key (stored/keyHint) counts as
   * credentialsChanged; any other change (e.g. the keychain was unlocked) lifts a permanent stop.
   */
  setCredentialsStatus(status: CredentialsStatus): void {
    const current = this.#state.credentials;
    if (status.stored !== current.stored || status.keyHint !== current.keyHint) {
      this.credentialsChanged(status);
      return;
    }
    const changed = !sameCredentials(status, current);
    this.#setState({ credentials: status });
    if (changed && this.#stoppedBy !== null) {
      this.#stoppedBy = null;
      if (this.#started && !this.#paused) void this.#kick();
    }
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  #intervalMs(): number {
    return refreshIntervalMs(this.#state.prefs);
  }

  /** When data fetched at `fetchedAt` (next refresh due at `nextAt`) stops being live. */
  #staleAt(fetchedAt: number, nextAt: number | null): number {
    const interval = this.#intervalMs();
    return Math.max(fetchedAt + interval, nextAt ?? 0) + interval + STALE_SLACK_MS;
  }

  #setState(patch: Partial<WidgetState>): void {
    const next: WidgetState = { ...this.#state, ...patch };
    if (shallowEqual(this.#state, next)) return;
    this.#state = Object.freeze(next);
    this.#syncWatchdog();
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state);
      } catch (error) {
        this.#warn(`A state listener threw: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
  }

  #clearRefreshTimer(): void {
    if (this.#refreshTimer !== null) {
      this.#clock.clearTimeout(this.#refreshTimer);
      this.#refreshTimer = null;
    }
  }

  /**
   * Arms the refresh timer for `at` (epoch ms) if the schedule may run, and answers the value
   * for `nextRefreshAt` (null when stopped, paused or halted), so callers emit one state.
   */
  #armRefresh(at: number): number | null {
    this.#clearRefreshTimer();
    if (!this.#started || this.#paused || this.#stoppedBy !== null) return null;
    const now = this.#clock.now();
    const when = Math.max(at, now);
    this.#refreshTimer = this.#clock.setTimeout(() => {
      this.#refreshTimer = null;
      void this.#startFetch();
    }, when - now);
    return when;
  }

  #scheduleAt(at: number): void {
    this.#setState({ nextRefreshAt: this.#armRefresh(at) });
  }

  /**
   * Keeps one timer at `staleAt` while the state is live and the service runs, so the state
   * itself turns stale if no refresh lands in time (readers also apply `effectiveStatus`).
   */
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
    this.#watchdogTimer = this.#clock.setTimeout(() => {
      this.#watchdogTimer = null;
      this.#watchdogAt = null;
      const st = this.#state;
      if (st.status !== 'live' || st.balance === null) return;
      const error = overdueError(this.#clock.now() - st.balance.fetchedAt);
      const entry = this.#cache.get(st.currency);
      if (entry) entry.error = error;
      this.#setState({ status: 'stale', error, staleAt: null });
    }, Math.max(0, want - this.#clock.now()));
  }

  #abortInFlight(): void {
    this.#generation += 1;
    if (this.#inFlight) {
      this.#inFlight.controller.abort();
      this.#inFlight = null;
    }
  }

  /** Fetch now unless stopped or told to wait. */
  #kick(): Promise<WidgetState> {
    if (this.#inFlight) return this.#inFlight.promise;
    if (this.#stoppedBy !== null) return Promise.resolve(this.#state);
    const wait = this.rateLimitedUntil;
    if (wait !== null) {
      this.#scheduleAt(wait);
      return Promise.resolve(this.#state);
    }
    return this.#startFetch();
  }

  #resumeSchedule(): Promise<WidgetState> {
    if (this.#inFlight) return this.#inFlight.promise;
    const s = this.#state;
    const interval = this.#intervalMs();
    const fresh =
      this.#stoppedBy === null &&
      this.#failures === 0 &&
      s.status === 'live' &&
      s.balance !== null &&
      this.#clock.now() - s.balance.fetchedAt < interval;
    if (fresh && s.balance !== null) {
      this.#scheduleAt(s.balance.fetchedAt + interval);
      return Promise.resolve(this.#state);
    }
    return this.#kick();
  }

  #startFetch(): Promise<WidgetState> {
    if (this.#inFlight) return this.#inFlight.promise;
    const currency = this.#state.currency;
    const source = this.#source;
    const generation = this.#generation;
    const controller = new AbortController();
    const startedAt = this.#clock.now();
    this.#clearRefreshTimer();
    const s = this.#state;
    const status = s.balance !== null || s.status === 'error' || s.status === 'onboarding' ? s.status : 'loading';
    this.#setState({ refreshing: true, nextRefreshAt: null, status });

    const run = async (): Promise<WidgetState> => {
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

  #settle(currency: Currency, startedAt: number, result: BalanceResult): void {
    const now = this.#clock.now();
    if (result.ok && result.balance.currency !== currency) {
      result = { ok: false, error: WRONG_CURRENCY_ERROR };
    }
    if (result.ok) {
      const snapshot = result.balance;
      this.#failures = 0;
      this.#rateLimitedUntil = null;
      this.#stoppedBy = null;
      let nextAt = Math.max(startedAt + this.#intervalMs(), now);
      const { rateLimitRemaining, rateLimitResetAt } = result.meta;
      if (rateLimitRemaining === 0 && rateLimitResetAt !== null && rateLimitResetAt > nextAt) nextAt = rateLimitResetAt;
      this.#cache.set(currency, { snapshot, error: null });
      this.#record(snapshot);
      this.#setState({
        status: 'live',
        balance: snapshot,
        error: null,
        refreshing: false,
        staleAt: this.#staleAt(snapshot.fetchedAt, nextAt),
        nextRefreshAt: this.#armRefresh(nextAt),
      });
      return;
    }

    const error = result.error;
    this.#failures += 1;
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
    const hasData = this.#state.balance !== null;
    let nextAt: number;
    if (isPermanentError(error.code)) {
      this.#stoppedBy = error;
      nextAt = now;
    } else {
      let delay = backoffDelayMs(this.#failures, this.#intervalMs(), this.#random());
      if (error.code === 'RATE_LIMITED' && error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
        this.#rateLimitedUntil = now + error.retryAfterMs;
        delay = Math.max(delay, error.retryAfterMs);
      }
      nextAt = now + delay;
    }
    this.#setState({ status: hasData ? 'stale' : 'error', error, refreshing: false, staleAt: null, nextRefreshAt: this.#armRefresh(nextAt) });
  }

  #record(snapshot: BalanceSnapshot): void {
    // Demo figures are not the user's net worth: they never enter the user's history.
    if (!this.#history || this.#state.demo) return;
    const point: HistoryPoint = { at: snapshot.fetchedAt, currency: snapshot.currency, total: snapshot.total.amount };
    this.#history.append(point).catch((error: unknown) => {
      this.#warn(`Could not record history: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
  }

  #switchCurrency(currency: Currency): void {
    this.#abortInFlight();
    if (this.#stoppedBy?.code === 'INVALID_CURRENCY') this.#stoppedBy = null;
    const now = this.#clock.now();
    const interval = this.#intervalMs();
    const prefs = { ...this.#state.prefs, currency };
    const entry = this.#cache.get(currency);

    if (this.#stoppedBy?.code === 'MISSING_CREDENTIALS') {
      this.#setState({ currency, prefs, refreshing: false });
      return;
    }
    if (!entry) {
      this.#setState({
        currency,
        prefs,
        balance: null,
        // Before the first answer confirms a missing key, keep onboarding rather than flash "loading".
        status: this.#state.status === 'onboarding' ? 'onboarding' : 'loading',
        error: null,
        staleAt: null,
        refreshing: false,
        nextRefreshAt: null,
      });
      void this.#kickForUser();
      return;
    }
    const { snapshot } = entry;
    const staleAt = this.#staleAt(snapshot.fetchedAt, null);
    const live = entry.error === null && now < staleAt;
    const fresh = live && now - snapshot.fetchedAt < interval && this.#failures === 0;
    this.#setState({
      currency,
      prefs,
      balance: snapshot,
      status: live ? 'live' : 'stale',
      error: live ? null : (entry.error ?? overdueError(now - snapshot.fetchedAt)),
      staleAt: live ? staleAt : null,
      refreshing: false,
      nextRefreshAt: fresh ? this.#armRefresh(snapshot.fetchedAt + interval) : null,
    });
    if (!fresh) void this.#kickForUser();
  }

  /** A user action (currency switch): fetch now even if the schedule is stopped, but never inside a 429 wait. */
  #kickForUser(): Promise<WidgetState> {
    const wait = this.rateLimitedUntil;
    if (wait !== null) {
      this.#scheduleAt(wait);
      return Promise.resolve(this.#state);
    }
    return this.#startFetch();
  }

  #intervalChanged(): void {
    const s = this.#state;
    if (s.status === 'live' && s.balance !== null) {
      const nextAt = s.balance.fetchedAt + this.#intervalMs();
      const reschedule = this.#refreshTimer !== null && this.#failures === 0 && this.rateLimitedUntil === null;
      this.#setState({
        staleAt: this.#staleAt(s.balance.fetchedAt, nextAt),
        ...(reschedule ? { nextRefreshAt: this.#armRefresh(nextAt) } : {}),
      });
    }
  }

  async #persist(patch: PreferencesPatch): Promise<Result<Preferences>> {
    const saved = await this.#prefs.update(patch);
    if (saved.ok) this.#setState({ prefs: { ...saved.value, currency: this.#state.currency } });
    return saved;
  }

  /** Source, demo flag or credentials changed: forget all account data and start over. */
  #reset(change: { demo?: boolean; credentials?: CredentialsStatus }): void {
    this.#abortInFlight();
    this.#clearRefreshTimer();
    this.#cache.clear();
    this.#failures = 0;
    this.#rateLimitedUntil = null;
    this.#stoppedBy = null;
    const demo = change.demo ?? this.#state.demo;
    const credentials = change.credentials ?? this.#state.credentials;
    this.#setState({
      demo,
      credentials,
      status: BalanceService.#initialStatus(demo, credentials),
      balance: null,
      error: null,
      staleAt: null,
      refreshing: false,
      nextRefreshAt: null,
    });
    if (this.#started && !this.#paused) void this.#startFetch();
  }
}

/** Why live-looking data is shown as stale when no refresh has landed for too long. */
function overdueError(ageMs: number): AppError {
  return {
    code: 'TIMEOUT',
    message: `No fresh balance for ${formatAge(Math.max(0, Math.floor(ageMs / 1000)))}; the refresh is overdue.`,
    hint: 'The amount shown is the last one received. Gate Glance keeps trying; check the connection if this lasts.',
  };
}

const INTERNAL_SOURCE_ERROR: AppError = {
  code: 'INTERNAL',
  message: 'The balance source failed unexpectedly.',
  hint: 'This is a bug in Gate Glance; please report it. The last good data is kept.',
};

const WRONG_CURRENCY_ERROR: AppError = {
  code: 'BAD_RESPONSE',
  message: 'The answer was for a different currency than the one asked for.',
  hint: 'Try again; if it persists, please report it.',
};
