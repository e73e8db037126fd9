/**
 * The app without Electron, as a service with methods: it composes the core services (the
 * keychain-backed credentials, the signed Gate client, the demo simulator, preferences, history
 * and the balance service) and assembles the one `WidgetState` from their parts. Electron main
 * builds one with `net.fetch` and its shell callbacks; the browser e2e tier builds one with a
 * Node transport against the simulator. IPC handlers (electron/core/ipc/handlers.ts) and tray
 * commands are thin adapters over its methods.
 */
import { writeFile as fsWriteFile } from 'node:fs/promises';
import type { Currency } from '../../../shared/balance.js';
import { isCurrency } from '../../../shared/balance.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { fail, isKeyError, ok } from '../../../shared/errors.js';
import type { HoldingsView } from '../../../shared/holdings.js';
import { computeHoldings, holdingsView } from '../../../shared/holdings.js';
import type {
  AddGateAccountInput,
  AddGateAccountResult,
  ClearCredentialsInput,
  GateAccountPatch,
  HoldingsRequest,
  CredentialsState,
  CredentialsStatus,
  DesktopStatus,
  ExportResult,
  HistoryQuery,
  PreferencesPatch,
  SaveCredentialsInput,
  SaveCredentialsResult,
  ShortcutStatus,
  WidgetState,
} from '../../../shared/ipc.js';
import { defaultPreferences, type Preferences } from '../../../shared/prefs.js';
import type { BalanceState } from '../balance/balance-service.js';
import { BalanceService } from '../balance/balance-service.js';
import { historyView } from '../../../shared/history.js';
import type { SystemLanguages } from '../../../shared/locale.js';
import { chooseAppLocale } from '../../../shared/locale.js';
import type { HistoryView } from '../../../shared/history.js';
import { HistoryStore } from '../balance/history-store.js';
import { ChangeTracker } from '../balance/change-tracker.js';
import { CombinedHistory } from '../portfolio/combined-history.js';
import { AlertService } from '../alerts/alert-service.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { DEFAULT_BASE_URL, GateClient } from '../gate/client.js';
import { diagnose, diagnoseTrayHost } from '../diagnostics/diagnose.js';
import { inspectDataDir } from '../diagnostics/gather.js';
import type { Diagnostics } from '../../../shared/diagnostics.js';
import { HoldingsService } from '../holdings/holdings-service.js';
import { readHoldingsView } from '../holdings/holdings-view.js';
import type { Transport } from '../gate/types.js';
import type { FileSystem } from '../files/private-files.js';
import { PrefsStore } from '../prefs/prefs-store.js';
import { CredentialsService } from '../secrets/credentials-service.js';
import { gateInspector, gateVerifier } from '../secrets/gate-verifier.js';
import { KeyHealthService } from '../key-health/key-health-service.js';
import type { KeyHealthState } from '../../../shared/key-health.js';
import { explainRejection } from '../../../shared/key-health.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { DemoSource } from '../simulator/demo.js';
import { createDemoSource } from '../simulator/demo.js';
import type { TrayAppCommand } from '../tray/tray-model.js';
import { UpdateService } from '../updates/update-service.js';
import { LOGIN_ITEMS_SETTINGS_URL } from './launch-at-login.js';
import { DEFAULT_PROFILE } from '../secrets/profiles.js';
import type { GateAccount, PortfolioState } from '../../../shared/portfolio.js';
import { keySourceId } from '../../../shared/portfolio.js';
import { PortfolioService } from '../portfolio/portfolio-service.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { intervalMsOf } from '../balance/schedule.js';

/** Where "Create an API key" leads: Gate's key management page (a fixed URL; the renderer cannot choose it). */
export const GATE_KEY_PAGE_URL = 'https://www.gate.io/myaccount/api_key_manage';

/** What the app asks of its host (Electron main, or the e2e bridge's stand-ins). */
export interface GlanceShell {
  /**
   * Opens a URL in the user's browser: GATE_KEY_PAGE_URL, or the release page of a version the update
   * feed named; on macOS also LOGIN_ITEMS_SETTINGS_URL, which System Settings opens.
   */
  openExternal(url: string): Promise<void>;
  /** Asks where to save the CSV export; null when the user cancelled. */
  chooseCsvPath(defaultFileName: string): Promise<string | null>;
  /** Registers or removes the app as a login item; a Result so an unsupported desktop can say so. */
  setLaunchAtLogin(enabled: boolean): Promise<Result<null>>;
  /** Shows a native notification (an alert that fired); the shell opens the popover when it is clicked. */
  notify(notification: { readonly title: string; readonly body: string }): void;
}

export interface GlanceAppOptions {
  readonly secretStore: SecretStore;
  /**
   * The keychain entry of another profile's pair (main: KeytarSecretStore with `profileAccount(profile)`);
   * asked once per profile. None: a store in memory per profile (tests).
   */
  readonly secretStoreFor?: (profile: string) => SecretStore;
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
  /** What Electron reports of the system's languages (`app.getPreferredSystemLanguages()`, `app.getLocale()`); none means English. */
  readonly systemLanguages?: SystemLanguages;
  /** Backoff jitter source (tests pass a constant). */
  readonly random?: () => number;
  /** Operational messages, never containing payloads or secrets. */
  readonly log?: (message: string) => void;
  /** The proxy requests to `url` go through, without credentials (Electron: `session.resolveProxy`); none means direct. */
  readonly resolveProxy?: (url: string) => Promise<string | null>;
  /** `process.platform` by default (Diagnostics' tray host applies to Linux only). */
  readonly platform?: string;
  /** `XDG_CURRENT_DESKTOP`, which picks the tray host's remedy. */
  readonly desktopName?: string;
  /** The app's own updater (main builds it over electron-updater); none means this build never updates. */
  readonly updates?: UpdateService;
}

type StateListener = (state: WidgetState) => void;

function exportFileName(now: number): string {
  return `gate-glance-history-${new Date(now).toISOString().slice(0, 10)}.csv`;
}

function writeFile600(path: string, text: string): Promise<void> {
  return fsWriteFile(path, text, { encoding: 'utf8', mode: 0o600 });
}

/** A key is known to be there (or known not to be): neither still checking nor hidden by a keychain error. */
function knownKey(c: CredentialsState): boolean {
  return !c.checking && c.keychainError === null;
}

/**
 * The composed app. `create()` loads preferences and answers at once; the keychain is read
 * after it (`credentials.checking` until it answers), then the schedule starts — on the user's
 * account when a key is stored (or the keychain cannot be read: it fails closed and says so),
 * on the in-process demo otherwise. `dispose()` stops every timer and request.
 */
export class GlanceApp {
  readonly #options: GlanceAppOptions;
  readonly #clock: Clock;
  readonly #log: (message: string) => void;
  readonly #prefs: PrefsStore;
  readonly #history: HistoryStore;
  /** Records the account's totals and knows the 24-hour change of each currency's newest. */
  readonly #changes: ChangeTracker;
  /** The combined net worth's own series (more than one source): its chart, and its change once loaded. */
  readonly #combinedHistory: CombinedHistory;
  /** Judges the alert rules after each state; notifications go out through the shell. */
  readonly #alerts: AlertService;
  readonly #credentials: CredentialsService;
  readonly #client: GateClient;
  readonly #balance: BalanceService;
  /** What Gate says of the stored key: on start unless checked within the day, daily, and after a save. */
  readonly #keyHealth: KeyHealthService;
  /** The demo key's health (healthy and read-only), read once from the in-process simulator. */
  #demoKeyHealth: KeyHealthService | null = null;
  /** The last balance error and its explained form, so an unchanged error stays the same object. */
  #explained: { readonly from: AppError | null; readonly health: unknown; readonly to: AppError | null } | null = null;
  readonly #listeners = new Set<StateListener>();
  /** Resolves once the keychain has answered and the schedule runs on the right source. */
  readonly #ready: Promise<void>;
  #demo = false;
  #shortcut: ShortcutStatus = 'none';
  readonly #updates: UpdateService;
  #desktop: DesktopStatus = { trayHost: 'not-applicable', notifications: 'ok', loginItem: 'unknown', trayHostHint: null };
  #demoSource: DemoSource | null = null;
  /** Per-coin detail, asked only by the holdings view: one service per source, so demo and account caches never mix. */
  readonly #accountHoldings: HoldingsService;
  #demoHoldings: HoldingsService | null = null;
  #state: WidgetState;
  #disposed = false;
  /** Every source counted besides the first key's own account (another key, included sub-accounts). */
  readonly #portfolio: PortfolioService;
  /** Each added profile's keychain entry, client and holdings (built once per profile). */
  readonly #profiles = new Map<string, AddedKey>();
  /** The schedule has chosen its source (demo or account): the portfolio may read. */
  #connected = false;
  /** The portfolio is being told the plan: its change is published by the caller. */
  #planning = false;
  #gateAccounts: readonly GateAccount[] = [];

  /** Builds the app from what is local and fast (preferences); the keychain is read after it. */
  static async create(options: GlanceAppOptions): Promise<GlanceApp> {
    const clock = options.clock ?? systemClock;
    const log = options.log ?? ((message: string) => console.warn(`[app] ${message}`));
    const prefs = new PrefsStore({
      dir: options.dataDir,
      now: () => clock.now(),
      warn: log,
      // Windows' global shortcut differs (AltGr): shared/prefs.ts defaultGlobalShortcut.
      defaults: defaultPreferences(options.platform ?? process.platform),
      ...(options.fs ? { fs: options.fs } : {}),
    });
    const loaded = await prefs.load();
    for (const warning of loaded.warnings) log(`preferences: ${warning}`);
    const app = new GlanceApp(options, clock, log, prefs);
    void app.#alerts.load();
    return app;
  }

  private constructor(options: GlanceAppOptions, clock: Clock, log: (message: string) => void, prefs: PrefsStore) {
    this.#options = options;
    this.#clock = clock;
    this.#log = log;
    this.#prefs = prefs;
    this.#updates =
      options.updates ?? new UpdateService({ updater: null, mode: 'none', currentVersion: '', releaseUrl: () => null, clock });
    this.#configureUpdates(prefs.get());
    this.#updates.onDidChange(() => this.#publish());
    this.#history = new HistoryStore({
      dir: options.dataDir,
      now: () => clock.now(),
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.fs ? { fs: options.fs } : {}),
    });
    this.#changes = new ChangeTracker({ history: this.#history, onChange: () => this.#publish() });
    this.#combinedHistory = new CombinedHistory({
      dir: options.dataDir,
      now: () => clock.now(),
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.fs ? { fs: options.fs } : {}),
      onChange: () => this.#publish(),
    });
    const gate = {
      transport: options.transportForAccount,
      clock,
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    };
    this.#credentials = new CredentialsService({
      store: options.secretStore,
      verify: gateVerifier(gate),
      inspect: gateInspector(gate),
      clock,
      onObserved: (state) => this.#keychainChanged(state),
    });
    this.#client = new GateClient({ ...gate, credentials: this.#credentials.provider });
    this.#accountHoldings = new HoldingsService({ client: this.#client, clock });
    this.#keyHealth = new KeyHealthService({
      client: this.#client,
      clock,
      dataDir: options.dataDir,
      ...(options.fs ? { fs: options.fs } : {}),
      onChange: () => this.#publish(),
      log: (message) => log(`key health: ${message}`),
    });
    const current = prefs.get();
    this.#balance = new BalanceService({
      source: this.#client,
      history: this.#changes,
      clock,
      currency: current.currency,
      refreshIntervalSec: current.refreshIntervalSec,
      ...(options.random ? { random: options.random } : {}),
      onChange: (balance) => {
        this.#keyRefused(balance.error);
        this.#publish();
      },
      warn: log,
    });
    this.#alerts = new AlertService({
      clock,
      dataDir: options.dataDir,
      ...(options.fs ? { fs: options.fs } : {}),
      fetchTotal: (currency) => this.#client.getTotalBalance(currency),
      changes: this.#changes,
      notify: (text) => options.shell.notify(text),
      log: (message) => log(`alerts: ${message}`),
    });
    this.#portfolio = new PortfolioService({
      clock,
      clientFor: (profile) => this.#addedKey(profile).client,
      onChange: () => {
        if (!this.#planning) this.#publish();
      },
      log: (message) => log(`portfolio: ${message}`),
    });
    this.#state = this.#assemble(null);
    this.#ready = this.#connect();
  }

  async #connect(): Promise<void> {
    const before = this.#keyGeneration;
    const credentials = await this.#credentials.status();
    if (this.#disposed) return;
    // A save or clear while the keychain was first read has already chosen the source.
    if (before === this.#keyGeneration && !credentials.stored && credentials.keychainError === null) this.#useDemo();
    if (before === this.#keyGeneration && credentials.stored && credentials.keyHint !== null)
      void this.#keyHealth.start(credentials.keyHint);
    this.#connected = true;
    void this.#balance.start();
    this.#publish();
  }

  /** Bumped by every save or clear, so the first keychain answer never overrides the user's choice. */
  #keyGeneration = 0;

  // ── State ──────────────────────────────────────────────────────────────────

  /** The current state (immutable; a new object for every change). */
  getState(): WidgetState {
    return this.#state;
  }

  /** Every state from now on; returns the unsubscribe. A throwing listener is logged and skipped. */
  subscribe(listener: StateListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Resolves once the keychain has answered and the schedule runs on its source (the first fetch may still be on its way). */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Resolves with the state once the keychain has answered and no request is in flight. */
  async whenIdle(): Promise<WidgetState> {
    await this.#ready;
    await this.#balance.whenIdle();
    await this.#alerts.whenIdle();
    await this.#keyHealth.whenIdle();
    await this.#demoKeyHealth?.whenIdle();
    await this.#portfolio.whenIdle();
    return this.#state;
  }

  #assemble(previous: WidgetState | null): WidgetState {
    const balance: BalanceState = this.#balance.getState();
    const credentials = this.#credentials.state;
    const stored = this.#prefs.get();
    const prefs =
      previous !== null && previous.prefs.currency === balance.currency && this.#lastPrefs === stored
        ? previous.prefs
        : { ...stored, currency: balance.currency };
    this.#lastPrefs = stored;
    // Before the first answer on an account known to have no key, show onboarding rather than "loading".
    const noKey = !this.#demo && knownKey(credentials) && !credentials.stored;
    const status = noKey && balance.status === 'loading' && balance.balance === null ? 'onboarding' : balance.status;
    const system = this.#options.systemLanguages ?? { preferredLanguages: [], appLocale: '' };
    const locale =
      previous !== null && previous.prefs.locale === prefs.locale
        ? previous.locale
        : chooseAppLocale({ ...system, preference: prefs.locale });
    // Demo figures are never compared with the user's history.
    const shown = this.#demo ? null : balance.balance;
    const change24h =
      shown === null
        ? null
        : (this.#changes.knownChange({ currency: shown.currency, at: shown.fetchedAt, total: shown.total.amount }) ?? null);
    const keyHealth = this.#keyHealthState(credentials.stored);
    return {
      ...balance,
      error: this.#explain(balance.error, keyHealth),
      status,
      demo: this.#demo,
      credentials,
      prefs,
      shortcut: this.#shortcut,
      locale,
      change24h,
      keyHealth,
      desktop: this.#desktop,
      update: this.#updates.state,
      portfolio: this.#connected ? this.#withChange(this.#portfolio.state) : null,
      gateAccounts: this.#listGateAccounts(credentials, stored),
    };
  }

  #lastPrefs: Preferences | null = null;

  /** The last portfolio shown with its change, so an unchanged one stays the same object. */
  #shownPortfolio: { readonly from: PortfolioState; readonly to: PortfolioState } | null = null;

  /** The portfolio with the combined series' 24-hour change (demo figures are never compared with the user's history). */
  #withChange(portfolio: PortfolioState | null): PortfolioState | null {
    if (portfolio === null) return null;
    const at = newestFetch(portfolio) ?? this.#clock.now();
    const change = this.#demo ? null : (this.#combinedHistory.knownChange(portfolio, at) ?? null);
    const cached = this.#shownPortfolio;
    if (cached !== null && cached.from === portfolio && JSON.stringify(cached.to.change24h) === JSON.stringify(change)) return cached.to;
    const to = Object.freeze({ ...portfolio, change24h: change });
    this.#shownPortfolio = { from: portfolio, to };
    return to;
  }

  /** The first key's snapshot the combined figure was last recorded with (one point per refresh of it). */
  #recordedFor: number | null = null;

  /** Records the combined figure once per refresh of the first key (never in demo mode; CombinedHistory skips a figure that is not whole). */
  #recordCombined(portfolio: PortfolioState | null): void {
    if (portfolio === null || this.#demo) return;
    const own = portfolio.sources.find((s) => s.id === keySourceId(DEFAULT_PROFILE));
    if (own?.fetchedAt == null || own.status !== 'ok' || own.fetchedAt === this.#recordedFor) return;
    this.#recordedFor = own.fetchedAt;
    this.#combinedHistory.record(portfolio, own.fetchedAt).catch(() => this.#log('combined history: could not record'));
  }

  #keyHealthState(stored: boolean): KeyHealthState | null {
    if (this.#demo) return this.#demoKeyHealth?.state ?? null;
    return stored ? this.#keyHealth.state : null;
  }

  /** Gate's rejection with its likely cause (an old key without whitelist), the same object while nothing changed. */
  #explain(error: AppError | null, keyHealth: KeyHealthState | null): AppError | null {
    const health = keyHealth?.health ?? null;
    const cached = this.#explained;
    if (cached !== null && cached.from === error && cached.health === health) return cached.to;
    const to = explainRejection(error, health, this.#clock.now());
    this.#explained = { from: error, health, to };
    return to;
  }

  #publish(): void {
    this.#plan();
    const previous = this.#state;
    const next = this.#assemble(previous);
    const keys = Object.keys(next) as (keyof WidgetState)[];
    if (keys.every((k) => Object.is(previous[k], next[k]))) return;
    this.#state = Object.freeze(next);
    this.#recordCombined(next.portfolio);
    this.#addedKeysRefused(next.portfolio);
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state);
      } catch (error) {
        this.#log(`a state listener threw (${error instanceof Error ? error.name : 'unknown'})`);
      }
    }
    this.#alerts.observe(this.#state);
  }

  /** Tells the portfolio what is counted now (prefs, the shown currency, the first key's snapshot). */
  #plan(): void {
    if (!this.#connected || this.#disposed) return;
    const prefs = this.#prefs.get();
    const balance = this.#balance.getState();
    const client = this.#demo ? this.#demoSource?.client : this.#client;
    if (client === undefined) return;
    this.#planning = true;
    try {
      this.#portfolio.update({
        // The demo counts only its own sub-accounts (Settings' switch on the `default` entry).
        accounts: this.#demo ? prefs.gateAccounts.filter((a) => a.profile === DEFAULT_PROFILE) : prefs.gateAccounts,
        currency: balance.currency,
        intervalMs: intervalMsOf(prefs.refreshIntervalSec),
        main: {
          client,
          snapshot: balance.balance,
          stale: balance.status === 'stale',
          error: balance.error,
        },
      });
    } finally {
      this.#planning = false;
    }
  }

  /** Settings › Gate accounts: the first key when stored, then every added one; the same array while nothing changed. */
  #listGateAccounts(credentials: CredentialsState, prefs: Preferences): readonly GateAccount[] {
    const next: GateAccount[] = [];
    if (!this.#demo) {
      const first = prefs.gateAccounts.find((a) => a.profile === DEFAULT_PROFILE);
      if (credentials.stored) next.push(this.#gateAccount(DEFAULT_PROFILE, first, credentials.keyHint));
      for (const entry of prefs.gateAccounts)
        if (entry.profile !== DEFAULT_PROFILE)
          next.push(this.#gateAccount(entry.profile, entry, this.#profiles.get(entry.profile)?.credentials.state.keyHint ?? null));
    }
    if (JSON.stringify(next) !== JSON.stringify(this.#gateAccounts)) this.#gateAccounts = Object.freeze(next);
    return this.#gateAccounts;
  }

  #gateAccount(profile: string, entry: Preferences['gateAccounts'][number] | undefined, keyHint: string | null): GateAccount {
    const included = entry?.includeSubAccounts ?? false;
    const listed = included ? this.#portfolio.subAccountsOf(profile) : null;
    const excluded = new Set(entry?.excludedSubAccounts ?? []);
    return {
      profile,
      alias: entry?.alias ? entry.alias : profile,
      keyHint,
      includeSubAccounts: included,
      subAccounts:
        listed === null
          ? null
          : listed.map((s) => ({ uid: s.uid, name: s.loginName || s.remark || s.uid, included: !excluded.has(s.uid) })),
    };
  }

  /** An added profile's keychain entry, client and holdings, built on first use (its pair is read once, then kept in memory). */
  #addedKey(profile: string): AddedKey {
    let added = this.#profiles.get(profile);
    if (added === undefined) {
      const gate = this.#gateOptions();
      const credentials = new CredentialsService({
        store: this.#options.secretStoreFor?.(profile) ?? new InMemorySecretStore(null),
        verify: gateVerifier(gate),
        inspect: gateInspector(gate),
        clock: this.#clock,
        onObserved: (next) => this.#addedKeyObserved(profile, next),
      });
      const client = new GateClient({ ...gate, credentials: credentials.provider });
      added = { credentials, client, holdings: new HoldingsService({ client, clock: this.#clock }) };
      this.#profiles.set(profile, added);
      void credentials.status().then(() => this.#publish());
    }
    return added;
  }

  /** Per added profile, the refusal already answered by re-reading its keychain entry. */
  readonly #refusedKeys = new Map<string, AppError>();

  /**
   * Gate refused an added key (or its entry was missing): the CLI may have replaced it in the
   * keychain (`login --profile NAME`), so each refusal re-reads the entry once, as for the first key.
   */
  #addedKeysRefused(portfolio: PortfolioState | null): void {
    for (const source of portfolio?.sources ?? []) {
      const { profile, error } = source;
      if (source.kind !== 'key' || profile === DEFAULT_PROFILE || error === null || !isKeyError(error.code)) continue;
      if (this.#refusedKeys.get(profile) === error) continue;
      this.#refusedKeys.set(profile, error);
      void this.#profiles.get(profile)?.credentials.rejected();
    }
  }

  /** An added key's entry was read: when it holds another pair than before, every other key is read again now. */
  #addedKeyObserved(profile: string, next: CredentialsState): void {
    const before = this.#state.gateAccounts.find((a) => a.profile === profile)?.keyHint;
    this.#publish();
    if (before !== undefined && next.keyHint !== null && before !== next.keyHint) {
      this.#profiles.get(profile)?.holdings.clear();
      this.#portfolio.refresh();
    }
  }

  #gateOptions(): { transport: Transport; clock: Clock; baseUrl?: string; timeoutMs?: number } {
    const options = this.#options;
    return {
      transport: options.transportForAccount,
      clock: this.#clock,
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    };
  }

  // ── Balance ────────────────────────────────────────────────────────────────

  /** Fetches now (joins a request in flight; nothing inside Gate's 429 wait). */
  async refresh(): Promise<void> {
    await this.#ready;
    this.#portfolio.refresh();
    await this.#balance.refresh();
  }

  /** Shows `currency` at once (cached or loading), fetches it if needed, and persists the choice. */
  async setCurrency(currency: Currency): Promise<Result<Preferences>> {
    if (!isCurrency(currency)) {
      return fail('INVALID_CURRENCY', { reason: 'unknown' });
    }
    this.#balance.setCurrency(currency);
    const saved = await this.#prefs.update({ currency });
    this.#publish();
    return saved;
  }

  /** Validates and persists a preferences change, then applies it (interval → reschedule, currency → switch). */
  async setPrefs(patch: PreferencesPatch): Promise<Result<Preferences>> {
    if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== this.#prefs.get().launchAtLogin) {
      const applied = await this.#options.shell.setLaunchAtLogin(patch.launchAtLogin);
      if (!applied.ok) return applied;
    }
    const saved = await this.#prefs.update(patch);
    if (!saved.ok) return saved;
    if (patch.currency !== undefined) this.#balance.setCurrency(saved.value.currency);
    this.#balance.setRefreshInterval(saved.value.refreshIntervalSec);
    this.#configureUpdates(saved.value);
    this.#publish();
    return saved;
  }

  // ── Updates ────────────────────────────────────────────────────────────────

  /** "Check for updates" (tray menu, Settings). */
  checkForUpdates(): Promise<void> {
    return this.#updates.checkNow();
  }

  /** "Download" a found update. */
  downloadUpdate(): Promise<void> {
    return this.#updates.download();
  }

  /** "Restart to update": refused unless an update is downloaded and ready. */
  restartToUpdate(): Result<null> {
    return this.#updates.restartToUpdate() ? ok(null) : fail('INVALID_REQUEST', { reason: 'no-update-ready' });
  }

  /** Opens the release page of the version the feed announced (installs a package manager updates). */
  async openReleasePage(): Promise<Result<null>> {
    const phase = this.#updates.state.phase;
    if (phase.kind !== 'available' || phase.releaseUrl === null) return fail('INVALID_REQUEST', { reason: 'no-update-ready' });
    try {
      await this.#options.shell.openExternal(phase.releaseUrl);
      return ok(null);
    } catch {
      return fail('INTERNAL', { reason: 'open-browser', url: phase.releaseUrl });
    }
  }

  #configureUpdates(prefs: Preferences): void {
    this.#updates.configure({ checkAutomatically: prefs.checkForUpdates, downloadAutomatically: prefs.downloadUpdatesAutomatically });
  }

  /** System suspend or screen lock. */
  pause(): void {
    this.#balance.pause();
    this.#portfolio.pause();
  }

  /** Wake or unlock. */
  resume(): void {
    this.#balance.resume();
    this.#portfolio.resume();
  }

  /** The machine goes to sleep: like pause(), and the request in flight is aborted. */
  suspend(): void {
    this.#balance.suspend();
    this.#portfolio.pause();
  }

  /** The OS reports connectivity again. */
  networkOnline(): void {
    this.#balance.networkOnline();
    this.#portfolio.networkBack();
  }

  /** The network interfaces changed with no offline period (Wi-Fi to VPN). */
  networkChanged(): void {
    this.#balance.networkChanged();
    this.#portfolio.networkBack();
  }

  // ── Credentials and demo ───────────────────────────────────────────────────

  /** Validates, verifies (if asked) and stores a key pair; the app then shows that account. */
  async saveCredentials(input: SaveCredentialsInput): Promise<Result<SaveCredentialsResult>> {
    const saved = await this.#credentials.save(input);
    if (!saved.ok) return saved;
    this.#keyGeneration += 1;
    const hint = saved.value.status.keyHint ?? '';
    if (saved.value.keyHealth !== null) this.#keyHealth.checked(hint, saved.value.keyHealth);
    else void this.#keyHealth.keySaved(hint);
    this.#useAccount();
    return saved;
  }

  /** Removes the key, and the history that belongs to its endpoint when asked to; the app then asks for a key (no demo). */
  async clearCredentials({ forgetHistory }: ClearCredentialsInput): Promise<Result<CredentialsStatus>> {
    const cleared = await this.#credentials.clear();
    if (!cleared.ok) return cleared;
    this.#keyGeneration += 1;
    this.#keyHealth.clear();
    if (forgetHistory) {
      await this.#history.clear().catch(() => this.#log('history: could not clear'));
      this.#changes.clear();
      await this.#combinedHistory.clear().catch(() => this.#log('combined history: could not clear'));
    }
    this.#useAccount();
    return cleared;
  }

  /** Shows the simulator's made-up portfolio until a key is saved. */
  async startDemo(): Promise<void> {
    await this.#ready;
    if (!this.#demo) this.#useDemo();
  }

  /** The popover was shown: the keychain may have been unlocked meanwhile, and no wait exceeds a minute while it is open. */
  popoverOpened(): void {
    this.#balance.setWatched(true);
    void this.#credentials.recheck();
  }

  /** The popover was hidden: the schedule keeps its interval again. */
  popoverClosed(): void {
    this.#balance.setWatched(false);
  }

  /** The screen was unlocked (and with it, often, the keychain): re-read it at most once a minute. */
  screenUnlocked(): void {
    void this.#credentials.recheck();
  }

  #useDemo(): void {
    this.#demo = true;
    this.#demoSource ??= createDemoSource({
      clock: this.#clock,
      // Read only while Settings' switch counts them (prefs.gateAccounts' `default` entry).
      subAccounts: true,
      ...(this.#options.timeoutMs !== undefined ? { timeoutMs: this.#options.timeoutMs } : {}),
    });
    if (this.#demoKeyHealth === null) {
      this.#demoKeyHealth = new KeyHealthService({ client: this.#demoSource.client, clock: this.#clock, onChange: () => this.#publish() });
      void this.#demoKeyHealth.start('demo');
    }
    // Demo figures are not the user's net worth: they never enter the user's history.
    this.#balance.setSource(this.#demoSource.client, null);
    this.#portfolio.reset();
    this.#publish();
  }

  #useAccount(): void {
    this.#accountHoldings.clear(); // another key may hold other permissions
    if (this.#demo) {
      this.#demo = false;
      if (this.#demoSwitchedSubAccounts) void this.#forgetDemoSwitch();
      this.#balance.setSource(this.#client, this.#changes);
    } else {
      this.#balance.reset();
    }
    this.#portfolio.reset();
    this.#publish();
  }

  /** Gate's last refusal of the key in memory, so each refusal re-reads the keychain once. */
  #refusal: AppError | null = null;

  /** The demo's sub-accounts were switched on in demo mode (the `default` entry's switch), which is not the user's choice for a real key. */
  #demoSwitchedSubAccounts = false;

  /** Leaving the demo: the first real key starts without the demo's sub-account choice. */
  async #forgetDemoSwitch(): Promise<void> {
    this.#demoSwitchedSubAccounts = false;
    const list = this.#prefs.get().gateAccounts;
    if (!list.some((a) => a.profile === DEFAULT_PROFILE && a.includeSubAccounts)) return;
    const reset = list.map((a) => (a.profile === DEFAULT_PROFILE ? { ...a, includeSubAccounts: false, excludedSubAccounts: [] } : a));
    const saved = await this.setPrefs({ gateAccounts: reset });
    if (!saved.ok) this.#log(`gate accounts: could not reset the demo's switch (${saved.error.code})`);
  }

  /** Gate refused the key: the CLI may have replaced it in the keychain (the pair is otherwise read once). */
  #keyRefused(error: AppError | null): void {
    if (error === null || error === this.#refusal || this.#demo || !isKeyError(error.code) || error.code === 'MISSING_CREDENTIALS') return;
    this.#refusal = error;
    void this.#credentials.rejected();
  }

  /** A keychain read found it changed (unlocked, or the key replaced or removed elsewhere). */
  #keychainChanged(next: CredentialsState): void {
    const previous = this.#state.credentials;
    this.#publish();
    if (previous.checking || this.#demo) return;
    if (knownKey(previous) && knownKey(next)) {
      // Replaced or removed outside the app (the CLI): what is shown may be another account's.
      if (previous.stored !== next.stored || previous.keyHint !== next.keyHint) {
        this.#balance.reset();
        this.#accountHoldings.clear();
        this.#portfolio.reset();
        if (next.stored && next.keyHint !== null) void this.#keyHealth.keySaved(next.keyHint);
        else this.#keyHealth.clear();
      }
    } else if (knownKey(next)) {
      // Unlocked again: a schedule stopped by the keychain may run.
      this.#balance.unblock();
      if (next.stored && next.keyHint !== null) void this.#keyHealth.start(next.keyHint);
    }
  }

  // ── Gate accounts ──────────────────────────────────────────────────────────

  /**
   * "Add another Gate account": the pair checked, verified and refused when it can write exactly as
   * the first key's save, stored as its own keychain entry under a profile made from the alias, then listed.
   */
  async addGateAccount(input: AddGateAccountInput): Promise<Result<AddGateAccountResult>> {
    const { alias, ...pair } = input;
    const list = this.#prefs.get().gateAccounts;
    const profile = profileNameFor(alias, [DEFAULT_PROFILE, ...list.map((a) => a.profile)]);
    this.#portfolio.forget(profile);
    this.#profiles.delete(profile);
    const added = this.#addedKey(profile);
    const saved = await added.credentials.save(pair);
    if (!saved.ok) {
      this.#profiles.delete(profile);
      return saved;
    }
    const entry = { profile, alias: alias.trim(), includeSubAccounts: false, excludedSubAccounts: [] };
    const listed = await this.setPrefs({ gateAccounts: [...this.#prefs.get().gateAccounts, entry] });
    if (!listed.ok) {
      // Not listed, so not kept: a pair no Settings row shows would stay in the keychain unseen.
      await added.credentials.clear();
      this.#profiles.delete(profile);
      return listed;
    }
    return ok({ ...saved.value, profile });
  }

  /** Removes an added key: its keychain entry, then its entry in prefs (the first key is removed by `credentials:clear`). */
  async removeGateAccount(profile: string): Promise<Result<null>> {
    const list = this.#prefs.get().gateAccounts;
    if (profile === DEFAULT_PROFILE || !list.some((a) => a.profile === profile))
      return fail('INVALID_REQUEST', { reason: 'unknown-profile', profile });
    const cleared = await this.#addedKey(profile).credentials.clear();
    if (!cleared.ok) return cleared;
    this.#portfolio.forget(profile);
    this.#profiles.delete(profile);
    const saved = await this.setPrefs({ gateAccounts: this.#prefs.get().gateAccounts.filter((a) => a.profile !== profile) });
    return saved.ok ? ok(null) : saved;
  }

  /** Renames a listed key or changes which of its sub-accounts are counted; `default` gets its entry on first change; another unlisted profile is refused. */
  async setGateAccount(patch: GateAccountPatch): Promise<Result<Preferences>> {
    const list = this.#prefs.get().gateAccounts;
    const { profile, ...change } = patch;
    if (this.#demo && profile === DEFAULT_PROFILE && change.includeSubAccounts === true) this.#demoSwitchedSubAccounts = true;
    if (!list.some((a) => a.profile === profile)) {
      if (profile !== DEFAULT_PROFILE) return fail('INVALID_REQUEST', { reason: 'unknown-profile', profile });
      const first = { profile, alias: '', includeSubAccounts: false, excludedSubAccounts: [], ...change };
      return this.setPrefs({ gateAccounts: [first, ...list] });
    }
    return this.setPrefs({ gateAccounts: list.map((a) => (a.profile === profile ? { ...a, ...change } : a)) });
  }

  // ── Holdings ───────────────────────────────────────────────────────────────

  /** One account's coins for the holdings view (asked only while it is open), shared out against the shown snapshot. */
  async getHoldings(request: HoldingsRequest): Promise<Result<HoldingsView>> {
    await this.#ready;
    const source = request.source;
    if (source !== undefined && source !== keySourceId(DEFAULT_PROFILE)) return this.#sourceHoldings(source, request);
    const demo = this.#demo ? this.#demoSource : null;
    const holdings =
      demo !== null ? (this.#demoHoldings ??= new HoldingsService({ client: demo.client, clock: this.#clock })) : this.#accountHoldings;
    return readHoldingsView(holdings, request, this.#state.balance);
  }

  /** Another key's account holdings through its own client; a sub-account's coins (spot, futures) from its key's sub-account balances. */
  async #sourceHoldings(source: string, request: HoldingsRequest): Promise<Result<HoldingsView>> {
    const listed = this.#demo ? [] : this.#prefs.get().gateAccounts.map((a) => a.profile);
    const profile = listed.find((p) => p !== DEFAULT_PROFILE && keySourceId(p) === source);
    if (profile !== undefined)
      return readHoldingsView(this.#addedKey(profile).holdings, request, this.#portfolio.snapshotOf(profile, request.currency));
    const sub = this.#portfolio.state?.sources.find((s) => s.id === source && s.kind === 'sub-account' && s.uid !== null);
    if (sub === undefined || sub.uid === null) return fail('INVALID_REQUEST', { reason: 'unknown-source' });
    const { account, currency } = request;
    const amount = sub.total?.currency === currency ? (sub.accounts.find((a) => a.name === account)?.amount ?? null) : null;
    // Margin accounts are valued net of their loans: their figure alone, as Gate's own accounts without detail.
    if (account !== 'spot' && account !== 'futures') return ok(holdingsView(account, currency, amount, null, null));
    const read = await this.#portfolio.subAccountCoins(sub.profile, sub.uid, account);
    if (read === null) return fail('INVALID_REQUEST', { reason: 'unknown-source' });
    if (!read.ok) return read;
    const { coins, tickers, fetchedAt } = read.value;
    return ok(holdingsView(account, currency, amount, computeHoldings({ account, currency, amount, coins, tickers }), fetchedAt));
  }

  /** "Check now": asks Gate what it says of the key (the demo's in demo mode); joins a check on its way. */
  async checkKeyHealth(): Promise<KeyHealthState> {
    await this.#ready;
    if (this.#demo && this.#demoKeyHealth !== null) return this.#demoKeyHealth.checkNow();
    return this.#keyHealth.checkNow();
  }

  /** The desktop shell registered (or could not register) the global shortcut the preferences name. */
  shortcutChanged(status: ShortcutStatus): void {
    this.#shortcut = status;
    this.#publish();
  }

  /** The desktop shell found out more of what the desktop allows (a tray host appeared, a notification was refused, …). */
  desktopChanged(change: Partial<Omit<DesktopStatus, 'trayHostHint'>>): void {
    const desktop = { ...this.#desktop, ...change };
    const { hint } = diagnoseTrayHost({
      platform: this.#options.platform ?? process.platform,
      desktop: this.#options.desktopName,
      trayHost: desktop.trayHost,
    });
    this.#desktop = { ...desktop, trayHostHint: hint };
    this.#publish();
  }

  // ── History and shell ──────────────────────────────────────────────────────

  /** One currency's history over `range`: at most ~500 points spanning all of it, with its high, low and last. */
  async getHistory({ currency, range, series }: HistoryQuery): Promise<Result<HistoryView>> {
    if (series === 'combined')
      return this.#combinedHistory.view(
        { currency, range },
        { now: this.#clock.now(), refreshIntervalMs: this.#prefs.get().refreshIntervalSec * 1000 },
      );
    try {
      const points = await this.#history.read(currency);
      return ok(historyView(points, range, { now: this.#clock.now(), refreshIntervalMs: this.#prefs.get().refreshIntervalSec * 1000 }));
    } catch {
      return fail('INTERNAL', { reason: 'history-read' });
    }
  }

  /** Asks the shell where to save, then writes the history as CSV there. */
  async exportHistoryCsv(): Promise<Result<ExportResult>> {
    const path = await this.#options.shell.chooseCsvPath(exportFileName(this.#clock.now()));
    if (path === null) return ok({ saved: false, path: null });
    try {
      const csv = await this.#history.toCsv();
      await (this.#options.writeExport ?? writeFile600)(path, csv);
      return ok({ saved: true, path });
    } catch {
      return fail('INTERNAL', { reason: 'export-write' });
    }
  }

  /**
   * What Settings' Diagnostics shows (the object `gate-glance doctor --json` prints): the tray
   * host as the shell reported it, the keychain as last read (re-read at most once a minute), the
   * data folder, Gate's clock (one public request) and whether Gate refused the key, the proxy.
   */
  async getDiagnostics(): Promise<Result<Diagnostics>> {
    const baseUrl = this.#options.baseUrl ?? DEFAULT_BASE_URL;
    await this.#credentials.recheck();
    const credentials = this.#credentials.state;
    const [dataDirFact, time, proxyUrl] = await Promise.all([
      inspectDataDir(this.#options.dataDir),
      this.#client.syncClock(),
      this.#options.resolveProxy?.(baseUrl).catch(() => null) ?? Promise.resolve(null),
    ]);
    const error = this.#demo ? null : this.#state.error;
    return ok(
      diagnose({
        platform: this.#options.platform ?? process.platform,
        desktop: this.#options.desktopName,
        trayHost: this.#state.desktop.trayHost,
        keychain: { stored: credentials.stored, error: credentials.keychainError },
        dataDir: { path: this.#options.dataDir, fact: dataDirFact },
        gate: time.ok
          ? { clockSkewMs: time.value, timeError: null, signedError: error }
          : { clockSkewMs: null, timeError: time.error, signedError: error },
        proxyUrl,
      }),
    );
  }

  /** Opens Gate's key page (the only URL the app ever opens). */
  async openKeyPage(): Promise<Result<null>> {
    try {
      await this.#options.shell.openExternal(GATE_KEY_PAGE_URL);
      return ok(null);
    } catch {
      return fail('INTERNAL', { reason: 'open-browser', url: GATE_KEY_PAGE_URL });
    }
  }

  /** macOS: opens Login Items in System Settings, where a login item waiting for approval is allowed (a fixed URL). */
  async openLoginItemSettings(): Promise<Result<null>> {
    if ((this.#options.platform ?? process.platform) !== 'darwin') return fail('INVALID_REQUEST', { reason: 'login-items-macos' });
    try {
      await this.#options.shell.openExternal(LOGIN_ITEMS_SETTINGS_URL);
      return ok(null);
    } catch {
      return fail('INTERNAL', { reason: 'open-login-items' });
    }
  }

  /** Runs a tray menu command. Never rejects: a menu click has no one to tell, so a failure is logged. */
  async runTrayCommand(command: TrayAppCommand): Promise<void> {
    try {
      switch (command.type) {
        case 'refresh':
          return await this.refresh();
        case 'start-demo':
          return await this.startDemo();
        case 'set-currency':
          await this.setCurrency(command.currency);
          return;
        case 'set-privacy':
          await this.setPrefs({ privacy: command.privacy });
          return;
        case 'set-launch-at-login': {
          const r = await this.setPrefs({ launchAtLogin: command.launchAtLogin });
          if (!r.ok) this.#log(`launch at login: ${r.error.code}`);
          return;
        }
        case 'check-updates':
          return await this.checkForUpdates();
        case 'restart-to-update':
          this.restartToUpdate();
          return;
      }
    } catch (error) {
      this.#log(`tray command ${command.type} failed (${error instanceof Error ? error.name : 'unknown'})`);
    }
  }

  /** Stops the schedule, cancels requests, forgets listeners. No timer or handle is left. */
  dispose(): void {
    this.#disposed = true;
    this.#alerts.dispose();
    this.#updates.dispose();
    this.#keyHealth.stop();
    this.#demoKeyHealth?.stop();
    this.#balance.stop();
    this.#portfolio.dispose();
    this.#listeners.clear();
  }
}

/** An added profile's parts: its keychain entry (CredentialsService), its client and its holdings. */
interface AddedKey {
  readonly credentials: CredentialsService;
  readonly client: GateClient;
  readonly holdings: HoldingsService;
}

/** The profile an alias becomes: its letters and digits in lower case joined by `-`, else `key-2`, `key-3`…; never one of `taken`. */
export function profileNameFor(alias: string, taken: readonly string[]): string {
  const slug = alias
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents dropped: é → e
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 28)
    .replace(/[-_]+$/, '');
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (slug !== '' && !used.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const name = slug === '' ? `key-${n}` : `${slug}-${n}`;
    if (!used.has(name)) return name;
  }
}

/** The newest read behind a portfolio (local epoch ms), the instant its change is measured at; null when none was read. */
function newestFetch(portfolio: PortfolioState): number | null {
  let newest: number | null = null;
  for (const s of portfolio.sources) if (s.fetchedAt !== null && (newest === null || s.fetchedAt > newest)) newest = s.fetchedAt;
  return newest;
}
