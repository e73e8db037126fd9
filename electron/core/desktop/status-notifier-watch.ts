/**
 * Whether a StatusNotifierWatcher (the tray host of GNOME's AppIndicator extension, KDE Plasma,
 * waybar, …) owns `org.kde.StatusNotifierWatcher` on the session bus, now and as it changes.
 * Chromium checks once, when the tray is created, and falls back to an XEmbed icon forever
 * (invisible on GNOME Wayland), so main creates the tray when this says `present` (issue 22 §2).
 *
 * Client: `gdbus monitor --session --dest org.kde.StatusNotifierWatcher`, one long-lived child
 * process. GLib's tool watches the name (g_bus_watch_name: an initial NameHasOwner-style lookup,
 * then NameOwnerChanged) and prints one line per change: "The name … is owned by :1.42" /
 * "The name … does not have an owner". Chosen over an npm D-Bus client because:
 * - bundle: nothing added (dbus-next brings seven dependencies, xml2js among them, and has had no
 *   release since 2021); no native module in main;
 * - availability: gdbus ships in libglib2.0-bin, on every desktop that runs GNOME, KDE Plasma,
 *   XFCE or Cinnamon (Electron itself links GLib); where it is missing the status is `unknown`;
 * - robustness: a bus that is absent, refuses us or dies only ends the child (status `unknown`),
 *   never main; no socket, authentication or message parsing of our own to get wrong. The child
 *   gets no DISPLAY, so GLib never autolaunches a bus, and LC_ALL=C, so its lines are not translated.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Disposable, TrayHostMonitor, TrayHostStatus } from './tray-host.js';

/** The bus name a StatusNotifierItem host registers (KDE's specification, used by every implementation). */
const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';

/** What the watch can say (a bus applies wherever it runs): `unknown` is not answered yet, or no session bus (or gdbus). */
export type WatchStatus = Exclude<TrayHostStatus, 'not-applicable'>;

/** What the watcher needs of a child process (node's ChildProcess has it). */
export interface WatchProcess {
  readonly stdout: { setEncoding(encoding: 'utf8'): unknown; on(event: 'data', listener: (chunk: string) => void): unknown } | null;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
  kill(): unknown;
}

export interface StatusNotifierWatchOptions {
  /** The environment to find the session bus in; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Starts the monitor; node's `spawn` by default (tests may pass another command). */
  readonly spawn?: (command: string, args: readonly string[], env: Record<string, string>) => WatchProcess;
  readonly log?: (message: string) => void;
}

const OWNED = /^The name org\.kde\.StatusNotifierWatcher is owned by \S+/;
const NOT_OWNED = /^The name org\.kde\.StatusNotifierWatcher does not have an owner/;

/** Whether GLib would find a session bus in `env`: its address, or systemd's socket at $XDG_RUNTIME_DIR/bus. */
function hasSessionBus(env: Readonly<Record<string, string | undefined>>): boolean {
  if ((env.DBUS_SESSION_BUS_ADDRESS ?? '') !== '') return true;
  const runtime = env.XDG_RUNTIME_DIR ?? '';
  return runtime !== '' && existsSync(join(runtime, 'bus'));
}

function childEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  delete out.DISPLAY;
  out.LC_ALL = 'C';
  return out;
}

function spawnProcess(command: string, args: readonly string[], env: Record<string, string>): WatchProcess {
  return spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Watches the tray host's bus name from construction until `dispose()`. Never throws. */
export class StatusNotifierWatch implements TrayHostMonitor {
  readonly #listeners = new Set<(status: WatchStatus) => void>();
  readonly #log: (message: string) => void;
  #status: WatchStatus = 'unknown';
  #child: WatchProcess | null = null;
  #buffer = '';
  #disposed = false;

  constructor(options: StatusNotifierWatchOptions = {}) {
    this.#log = options.log ?? (() => undefined);
    const env = options.env ?? process.env;
    if (!hasSessionBus(env)) {
      this.#log('tray host: no session bus');
      return;
    }
    try {
      const child = (options.spawn ?? spawnProcess)('gdbus', ['monitor', '--session', '--dest', STATUS_NOTIFIER_WATCHER], childEnv(env));
      this.#child = child;
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk) => this.#read(chunk));
      child.on('error', (error) => this.#ended(`gdbus: ${error.name}`));
      child.on('exit', () => this.#ended('gdbus exited'));
    } catch (error) {
      this.#ended(`gdbus: ${error instanceof Error ? error.name : 'unknown'}`);
    }
  }

  get status(): WatchStatus {
    return this.#status;
  }

  /** Called with each new status; the returned Disposable unsubscribes. */
  onDidChange(listener: (status: WatchStatus) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => void this.#listeners.delete(listener) };
  }

  /** Stops the child process and forgets the listeners. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#listeners.clear();
    const child = this.#child;
    this.#child = null;
    child?.kill();
  }

  #read(chunk: string): void {
    this.#buffer += chunk;
    let newline = this.#buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.#buffer.slice(0, newline);
      this.#buffer = this.#buffer.slice(newline + 1);
      if (OWNED.test(line)) this.#set('present');
      else if (NOT_OWNED.test(line)) this.#set('absent');
      newline = this.#buffer.indexOf('\n');
    }
    // Signal lines can be long; only the start of a line is ever needed.
    if (this.#buffer.length > 4096) this.#buffer = '';
  }

  #ended(reason: string): void {
    if (this.#disposed) return;
    this.#child = null;
    this.#log(`tray host: ${reason}`);
    this.#set('unknown');
  }

  #set(status: WatchStatus): void {
    if (this.#disposed || status === this.#status) return;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(status);
  }
}

/** One answer for the doctor: the first status the watch reaches, `unknown` when gdbus ends first or after `timeoutMs`. */
export function trayHostOnce(options: StatusNotifierWatchOptions & { readonly timeoutMs?: number } = {}): Promise<WatchStatus> {
  return new Promise((resolve) => {
    let done = false;
    const start = options.spawn ?? spawnProcess;
    const watch = new StatusNotifierWatch({
      ...options,
      spawn: (command, args, env) => {
        const child = start(command, args, env);
        child.on('error', () => finish('unknown'));
        child.on('exit', () => finish(watch.status));
        return child;
      },
    });
    const timer = setTimeout(() => finish(watch.status), options.timeoutMs ?? 2_000);
    function finish(status: WatchStatus): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      watch.dispose();
      resolve(status);
    }
    if (!hasSessionBus(options.env ?? process.env)) finish('unknown');
    else watch.onDidChange(finish);
  });
}
