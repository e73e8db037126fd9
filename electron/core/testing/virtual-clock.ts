/**
 * A Clock whose time only moves when told to. Tests and benches run a week of refreshes in
 * milliseconds, count the timers a service leaves behind, and simulate a machine that slept
 * (wall time jumps while timers, which run on a monotonic clock, stand still).
 */
import type { Clock, TimerHandle } from '../clock.js';

interface VirtualTimer {
  readonly id: number;
  at: number;
  readonly seq: number;
  readonly callback: () => void;
}

/** Lets queued promise reactions (and one round of I/O callbacks) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Virtual time for tests and benches; never touches a real timer. */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  readonly #timers = new Map<number, VirtualTimer>();

  /** Starts at `startMs` (default 2026-01-01T00:00:00Z) so ISO output in tests is stable. */
  constructor(startMs: number = Date.UTC(2026, 0, 1)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = ++this.#seq;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.#timers.set(id, { id, at: this.#now + delay, seq: id, callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === 'object' && handle !== null && 'id' in handle && typeof handle.id === 'number') {
      this.#timers.delete(handle.id);
    }
  }

  /** Timers set and neither fired nor cleared. A stopped service must leave 0. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** When the earliest pending timer is due, or null. */
  nextTimerAt(): number | null {
    let next: number | null = null;
    for (const t of this.#timers.values()) if (next === null || t.at < next) next = t.at;
    return next;
  }

  /** Lets pending promise chains finish without moving time. */
  async flush(): Promise<void> {
    await settle();
    await settle();
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in order, and
   * letting the async work each one starts settle before the next fires.
   */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.#now + ms);
  }

  /** Like `advance`, to an absolute time. */
  async advanceTo(target: number): Promise<void> {
    await this.flush();
    for (;;) {
      const next = this.#earliestDue(target);
      if (!next) break;
      this.#timers.delete(next.id);
      this.#now = Math.max(this.#now, next.at);
      next.callback();
      await this.flush();
    }
    this.#now = Math.max(this.#now, target);
  }

  /**
   * A suspended machine: the wall clock jumps by `ms`, but pending timers (monotonic in Node
   * and Electron) have not progressed, so each now fires `ms` later on the wall clock.
   */
  sleep(ms: number): void {
    this.#now += ms;
    for (const t of this.#timers.values()) t.at += ms;
  }

  /** The wall clock jumps (NTP correction, user change) without timers moving with it. */
  jump(ms: number): void {
    this.#now += ms;
  }

  #earliestDue(target: number): VirtualTimer | null {
    let best: VirtualTimer | null = null;
    for (const t of this.#timers.values()) {
      if (t.at > target) continue;
      if (best === null || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
