/**
 * The app without Electron: one composition of the core services (keychain-backed
 * credentials, the signed Gate client, the demo simulator, preferences, history and the
 * balance state machine) plus a handler for every IPC channel. Electron main builds one with
 * `net.fetch` and its shell callbacks; the browser e2e tier builds one with a Node transport
 * against the simulator — so both drive exactly the same decisions through the same router.
 */
import { writeFile as fsWriteFile } from 'node:fs/promises';
import type { Currency } from '../../../shared/balance.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { fail, ok } from '../../../shared/errors.js';
import type { CredentialsStatus, WidgetState } from '../../../shared/ipc.js';
import { BalanceService } from '../balance/balance-service.js';
import { HistoryStore } from '../balance/history-store.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { GateClient } from '../gate/client.js';
import type { Transport } from '../gate/types.js';
import type { IpcHandlers, IpcLog, IpcRouter } from '../ipc/router.js';
import { createIpcRouter, toPublicState } from '../ipc/router.js';
import type { SenderTrust } from '../ipc/sender.js';
import type { FileSystem } from '../prefs/file-system.js';
import { PrefsStore } from '../prefs/prefs-store.js';
import { CredentialsService, EMPTY_CREDENTIALS_STATUS } from '../secrets/credentials-service.js';
import { gateVerifier } from '../secrets/gate-verifier.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { DemoSource } from '../simulator/demo.js';
import { createDemoSource } from '../simulator/demo.js';
import type { TrayCommand } from '../tray/tray-model.js';

/** Where "Create an API key" leads: Gate's key management page (a fixed URL; the renderer cannot choose it). */
export const GATE_KEY_PAGE_URL = 'https://www.gate.io/myaccount/api_key_manage';
/** At most this many newest points go to the renderer per `history:get` (a sparkline needs far fewer). */
const HISTORY_IPC_MAX_POINTS = 5000;

/** What the app asks of its host (Electron main, or the e2e bridge's stand-ins). */
export interface GlanceShell {
  /** Opens a URL in the user's browser; only ever called with GATE_KEY_PAGE_URL. */
  openExternal(url: string): Promise<void>;
  hideWindow(): void;
  /** Asks where to save the CSV export; null when the user cancelled. */
  chooseCsvPath(defaultFileName: string): Promise<string | null>;
  /** Registers or removes the app as a login item; a Result so an unsupported desktop can say so. */
  setLaunchAtLogin(enabled: boolean): Promise<Result<null>>;
  /** Tray "Open": shows the popover. */
  showWindow?(): void;
  /** Tray "Quit". */
  quit?(): void;
}

/** Everything a GlanceApp is built from. */
export interface GlanceAppOptions {
  readonly secretStore: SecretStore;
  /** How requests reach the user's real Gate account (`createFetchTransport(net.fetch)` in the app). */
  readonly transportForAccount: Transport;
  /** Gate's API base (default production); the e2e tier points it at the simulator. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  /** Where prefs.json and history.jsonl live (Electron's userData). */
  readonly dataDir: string;
  /** File access for prefs and history; real files by default. */
  readonly fs?: FileSystem;
  /** Writes the exported CSV; `fs.writeFile` with mode 0600 by default. */
  readonly writeExport?: (path: string, text: string) => Promise<void>;
  readonly shell: GlanceShell;
  /** Backoff jitter source (tests pass a constant). */
  readonly random?: () => number;
  /** Operational messages, never containing payloads or secrets. */
  readonly log?: (message: string) => void;
}

type StateListener = (state: WidgetState) => void;

function exportFileName(now: number): string {
  return `gate-glance-history-${new Date(now).toISOString().slice(0, 10)}.csv`;
}

function internal(message: string, hint: string): Result<never> {
  return fail('INTERNAL', message, hint);
}

/**
 * The composed app. `start()` loads preferences, reads the keychain status and starts the
 * balance schedule — on the user's account when a key is stored (or the keychain cannot be
 * read: it fails closed and says so), on the in-process demo otherwise. `dispose()` stops
 * every timer and request.
 */
export class GlanceApp {
  readonly #options: GlanceAppOptions;
  readonly #clock: Clock;
  readonly #log: (message: string) => void;
  readonly #prefs: PrefsStore;
  readonly #history: HistoryStore;
  readonly #credentials: CredentialsService;
  readonly #client: GateClient;
  readonly #listeners = new Set<StateListener>();
  #demo: DemoSource | null = null;
  #balance: BalanceService | null = null;
  #unsubscribe: (() => void) | null = null;
  #ready: Promise<BalanceService> | null = null;
  #disposed = false;

  /** One handler per IPC channel, for `createIpcRouter` (main and the e2e bridge). */
  readonly handlers: IpcHandlers;

  constructor(options: GlanceAppOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#log = options.log ?? ((message) => console.warn(`[app] ${message}`));
    const warn = (message: string): void => this.#log(message);
    this.#prefs = new PrefsStore({ dir: options.dataDir, now: () => this.#clock.now(), warn, ...(options.fs ? { fs: options.fs } : {}) });
    this.#history = new HistoryStore({ dir: options.dataDir, ...(options.fs ? { fs: options.fs } : {}) });
    const gate = {
      transport: options.transportForAccount,
      clock: this.#clock,
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    };
    this.#credentials = new CredentialsService({ store: options.secretStore, verify: gateVerifier(gate) });
    this.#client = new GateClient({ ...gate, credentials: this.#credentials.provider });
    this.handlers = this.#buildHandlers();
  }

  /** Loads prefs, picks the source and starts the schedule. Safe to call twice (same promise). */
  start(): Promise<BalanceService> {
    this.#ready ??= this.#start();
    return this.#ready;
  }

  async #start(): Promise<BalanceService> {
    const loaded = await this.#prefs.load();
    for (const warning of loaded.warnings) this.#log(`preferences: ${warning}`);
    const credentials = await this.#credentials.status();
    const demo = !credentials.stored && credentials.keychainError === null;
    const balance = new BalanceService({
      source: demo ? this.#demoSource().client : this.#client,
      clock: this.#clock,
      prefs: this.#prefs,
      history: this.#history,
      demo,
      credentials,
      ...(this.#options.random ? { random: this.#options.random } : {}),
      warn: (message) => this.#log(message),
    });
    this.#balance = balance;
    this.#unsubscribe = balance.subscribe((state) => this.#emit(state));
    if (this.#disposed) {
      balance.dispose();
      return balance;
    }
    this.#emit(balance.getState());
    void balance.start();
    return balance;
  }

  #demoSource(): DemoSource {
    this.#demo ??= createDemoSource({ clock: this.#clock, ...(this.#options.timeoutMs !== undefined ? { timeoutMs: this.#options.timeoutMs } : {}) });
    return this.#demo;
  }

  #emit(state: WidgetState): void {
    const published = toPublicState(state);
    for (const listener of [...this.#listeners]) {
      try {
        listener(published);
      } catch {
        this.#log('a state listener threw');
      }
    }
  }

  /** Every state from now on (already stripped to public fields); returns the unsubscribe. */
  subscribe(listener: StateListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The current state, or null before `start()` has built the service. */
  getState(): WidgetState | null {
    return this.#balance ? toPublicState(this.#balance.getState()) : null;
  }

  /** A router over this app's handlers, with the given sender trust. */
  createRouter(trust: SenderTrust, log?: IpcLog): IpcRouter {
    return createIpcRouter(this.handlers, { trust, ...(log ? { log } : {}) });
  }

  /** System suspend or screen lock. */
  pause(): void {
    this.#balance?.pause();
  }

  /** Wake or unlock. */
  resume(): void {
    this.#balance?.resume();
  }

  /** The OS reports connectivity again. */
  networkOnline(): void {
    this.#balance?.networkOnline();
  }

  /** Runs a tray menu command; `open` and `quit` go to the shell. Never rejects (a menu click has no one to tell). */
  async runTrayCommand(command: TrayCommand): Promise<void> {
    try {
      await this.#runTrayCommand(command);
    } catch (error) {
      this.#log(`tray command ${command.type} failed (${error instanceof Error ? error.name : 'unknown'})`);
    }
  }

  async #runTrayCommand(command: TrayCommand): Promise<void> {
    const h = this.handlers;
    switch (command.type) {
      case 'open':
        this.#options.shell.showWindow?.();
        return;
      case 'quit':
        this.#options.shell.quit?.();
        return;
      case 'refresh':
        await h['balance:refresh']();
        return;
      case 'start-demo':
        await h['demo:start']();
        return;
      case 'set-currency':
        await h['currency:set'](command.currency);
        return;
      case 'set-privacy':
        await h['prefs:set']({ privacy: command.privacy });
        return;
      case 'set-launch-at-login': {
        const r = await h['prefs:set']({ launchAtLogin: command.launchAtLogin });
        if (!r.ok) this.#log(`launch at login: ${r.error.code}`);
        return;
      }
    }
  }

  /** Stops the schedule, cancels requests, forgets listeners. No timer or handle is left. */
  dispose(): void {
    this.#disposed = true;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#balance?.dispose();
    this.#listeners.clear();
  }

  /** Restarts the schedule on another source/credentials without a wasted request in between. */
  #switch(balance: BalanceService, change: { demo?: boolean; credentials?: CredentialsStatus }): void {
    const wasRunning = balance.running;
    balance.stop();
    if (change.demo !== undefined) balance.setSource(change.demo ? this.#demoSource().client : this.#client, { demo: change.demo });
    if (change.credentials !== undefined) balance.credentialsChanged(change.credentials);
    if (wasRunning && !this.#disposed) void balance.start();
  }

  #buildHandlers(): IpcHandlers {
    const svc = (): Promise<BalanceService> => this.start();
    return {
      'state:get': async () => ok(toPublicState((await svc()).getState())),
      'balance:refresh': async () => {
        await (await svc()).refresh();
        return ok(null);
      },
      'currency:set': async (currency: Currency) => {
        const r = await (await svc()).setCurrency(currency);
        return r.ok ? ok(null) : r;
      },
      'credentials:save': async (input) => {
        const balance = await svc();
        const r = await this.#credentials.save(input);
        if (!r.ok) return r;
        this.#switch(balance, { ...(balance.getState().demo ? { demo: false } : {}), credentials: r.value.status });
        return r;
      },
      'credentials:clear': async () => {
        const balance = await svc();
        const r = await this.#credentials.clear();
        if (!r.ok) return r;
        // The history belongs to the removed account: forget it with the key.
        await this.#history.clear().catch(() => this.#log('history: could not clear'));
        this.#switch(balance, { demo: false, credentials: EMPTY_CREDENTIALS_STATUS });
        return ok(r.value);
      },
      'demo:start': async () => {
        const balance = await svc();
        if (!balance.getState().demo) this.#switch(balance, { demo: true });
        return ok(null);
      },
      'prefs:set': async (patch) => {
        const balance = await svc();
        if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== balance.getState().prefs.launchAtLogin) {
          const applied = await this.#options.shell.setLaunchAtLogin(patch.launchAtLogin);
          if (!applied.ok) return applied;
        }
        return balance.setPrefs(patch);
      },
      'history:get': async (currency: Currency) => {
        try {
          const points = await this.#history.read(currency);
          return ok(points.slice(-HISTORY_IPC_MAX_POINTS));
        } catch {
          return internal('Could not read the local history.', 'Check that the app data folder is readable.');
        }
      },
      'history:export-csv': async () => {
        const path = await this.#options.shell.chooseCsvPath(exportFileName(this.#clock.now()));
        if (path === null) return ok({ saved: false, path: null });
        try {
          const csv = await this.#history.toCsv();
          await (this.#options.writeExport ?? ((p: string, text: string) => fsWriteFile(p, text, { encoding: 'utf8', mode: 0o600 })))(path, csv);
          return ok({ saved: true, path });
        } catch {
          return internal('Could not write the CSV file.', 'Choose a folder you can write to and try again.');
        }
      },
      'window:hide': async () => {
        this.#options.shell.hideWindow();
        return ok(null);
      },
      'external:open-key-page': async () => {
        try {
          await this.#options.shell.openExternal(GATE_KEY_PAGE_URL);
          return ok(null);
        } catch {
          const error: AppError = { code: 'INTERNAL', message: 'Could not open the browser.', hint: `Open ${GATE_KEY_PAGE_URL} yourself.` };
          return { ok: false, error };
        }
      },
    };
  }
}
