/**
 * How system events become scheduler calls: suspend and screen lock each pause refreshes, and
 * only when every reason is gone does the schedule resume (waking a still-locked machine must
 * not start polling). Connectivity has no event in Electron main, so a slow poll of
 * `net.isOnline()` reports the offline → online edge. Both are pure over injected callbacks.
 */
import type { Clock, TimerHandle } from '../clock.js';

/** Why refreshes are paused. */
export type PauseReason = 'suspend' | 'lock';

/** Tracks pause reasons; calls `pause` on the first and `resume` when the last is cleared. */
export class PauseGate {
  readonly #reasons = new Set<PauseReason>();
  readonly #pause: () => void;
  readonly #resume: () => void;

  constructor(callbacks: { pause(): void; resume(): void }) {
    this.#pause = () => callbacks.pause();
    this.#resume = () => callbacks.resume();
  }

  /** Marks a reason active (suspend, lock-screen) or gone (resume, unlock-screen). */
  set(reason: PauseReason, active: boolean): void {
    const before = this.#reasons.size;
    if (active) this.#reasons.add(reason);
    else this.#reasons.delete(reason);
    if (before === 0 && this.#reasons.size > 0) this.#pause();
    else if (before > 0 && this.#reasons.size === 0) this.#resume();
  }

  /** Whether any reason is active. */
  get paused(): boolean {
    return this.#reasons.size > 0;
  }
}

/** How often connectivity is re-checked. */
export const ONLINE_POLL_MS = 15_000;

/** Polls `isOnline` and calls `onOnline` when it turns true again; `stop()` leaves no timer. */
export class OnlineWatcher {
  readonly #isOnline: () => boolean;
  readonly #onOnline: () => void;
  readonly #clock: Clock;
  readonly #intervalMs: number;
  #timer: TimerHandle | null = null;
  #online = true;

  constructor(options: { isOnline(): boolean; onOnline(): void; clock: Clock; intervalMs?: number }) {
    this.#isOnline = () => options.isOnline();
    this.#onOnline = () => options.onOnline();
    this.#clock = options.clock;
    this.#intervalMs = options.intervalMs ?? ONLINE_POLL_MS;
  }

  start(): void {
    if (this.#timer !== null) return;
    this.#online = this.#read();
    this.#schedule();
  }

  #read(): boolean {
    try {
      return this.#isOnline();
    } catch {
      return true;
    }
  }

  #schedule(): void {
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      const now = this.#read();
      const cameBack = now && !this.#online;
      this.#online = now;
      this.#schedule();
      if (cameBack) this.#onOnline();
    }, this.#intervalMs);
  }

  stop(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
