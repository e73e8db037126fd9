/**
 * How system events become scheduler calls: suspend and screen lock each pause refreshes, and
 * only when every reason is gone does the schedule resume (waking a still-locked machine must
 * not start polling); suspend also aborts the request in flight. Connectivity has no event in
 * Electron main, so a slow poll of `net.isOnline()` reports the offline → online edge, and a
 * cheap poll of the network interfaces' addresses reports a change with no offline period
 * (Wi-Fi to VPN, another Wi-Fi), which `net.isOnline()` never sees. All are pure over injected
 * callbacks and a clock.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import type { Clock, TimerHandle } from '../clock.js';

/** Why refreshes are paused. */
export type PauseReason = 'suspend' | 'lock';

/** Tracks pause reasons; calls `pause` on the first and `resume` when the last is cleared. */
export class PauseGate {
  readonly #reasons = new Set<PauseReason>();
  readonly #pause: () => void;
  readonly #resume: () => void;
  readonly #suspend: () => void;

  /** `suspend`, when given, is called each time the machine goes to sleep (after `pause` when that is the first reason). */
  constructor(callbacks: { pause(): void; resume(): void; suspend?(): void }) {
    this.#pause = () => callbacks.pause();
    this.#resume = () => callbacks.resume();
    this.#suspend = () => callbacks.suspend?.();
  }

  /** Marks a reason active (suspend, lock-screen) or gone (resume, unlock-screen). */
  set(reason: PauseReason, active: boolean): void {
    const before = this.#reasons.size;
    const had = this.#reasons.has(reason);
    if (active) this.#reasons.add(reason);
    else this.#reasons.delete(reason);
    if (before === 0 && this.#reasons.size > 0) this.#pause();
    else if (before > 0 && this.#reasons.size === 0) this.#resume();
    if (reason === 'suspend' && active && !had) this.#suspend();
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

/** How often the network interfaces are compared (one `getifaddrs` call: microseconds). */
export const INTERFACES_POLL_MS = 10_000;

/** What `os.networkInterfaces()` answers. */
export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * The addresses that carry traffic off this machine, as one comparable string: loopback and
 * IPv6 link-local addresses are left out (they come and go with nothing routed through them).
 */
function routableAddresses(table: InterfaceTable): string {
  const found: string[] = [];
  for (const [name, infos] of Object.entries(table)) {
    for (const info of infos ?? []) {
      if (info.internal || (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80:'))) continue;
      found.push(`${name} ${info.address}`);
    }
  }
  return found.sort().join('\n');
}

/**
 * Polls the interfaces' routable addresses and calls `onChange` when they differ from the last
 * poll (a VPN up or down, another network joined). `stop()` leaves no timer.
 */
export class NetworkChangeWatcher {
  readonly #interfaces: () => InterfaceTable;
  readonly #onChange: () => void;
  readonly #clock: Clock;
  readonly #intervalMs: number;
  #timer: TimerHandle | null = null;
  #last = '';

  constructor(options: { interfaces(): InterfaceTable; onChange(): void; clock: Clock; intervalMs?: number }) {
    this.#interfaces = () => options.interfaces();
    this.#onChange = () => options.onChange();
    this.#clock = options.clock;
    this.#intervalMs = options.intervalMs ?? INTERFACES_POLL_MS;
  }

  start(): void {
    if (this.#timer !== null) return;
    this.#last = this.#read() ?? '';
    this.#schedule();
  }

  /** The current addresses, or null when the system would not say (then nothing is reported). */
  #read(): string | null {
    try {
      return routableAddresses(this.#interfaces());
    } catch {
      return null;
    }
  }

  #schedule(): void {
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      const now = this.#read();
      const changed = now !== null && now !== this.#last;
      if (now !== null) this.#last = now;
      this.#schedule();
      if (changed) this.#onChange();
    }, this.#intervalMs);
  }

  stop(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
