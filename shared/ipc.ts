/**
 * The one typed IPC contract between Electron main and the renderer. Channel names,
 * argument and result types live here and nowhere else; main, preload, the renderer's hook
 * and the browser e2e bridge are all typed from it. Every invoke answers a `Result`, so a
 * rejected sender or payload is a value the UI can show, not an exception.
 */
import type { DiagnosticHint, Diagnostics } from './diagnostics.js';
import type { BalanceSnapshot, Currency } from './balance.js';
import type { AppError, Result } from './errors.js';
import type { HoldingsView } from './holdings.js';
import type { Change24h } from './change.js';
import type { HistoryRange, HistoryView } from './history.js';
import type { KeyHealth, KeyHealthState } from './key-health.js';
import type { LocaleChoice } from './locale.js';
import type { GateAccount, PortfolioState } from './portfolio.js';
import type { Preferences } from './prefs.js';
import type { UpdateState } from './updates.js';

/** What the popover shows. `stale` keeps the last good data; `error` has none to keep. */
export type WidgetStatus = 'onboarding' | 'loading' | 'live' | 'stale' | 'error';

/** Where the key stands, without ever carrying the secret. */
export interface CredentialsStatus {
  readonly stored: boolean;
  /** "…a1b2": the last four characters of the API key, never any of the secret. */
  readonly keyHint: string | null;
  /** Set when the keychain cannot be used (missing, locked, denied); the app then fails closed. */
  readonly keychainError: AppError | null;
}

/** The credentials status as the widget shows it: `checking` until the keychain first answers. */
export interface CredentialsState extends CredentialsStatus {
  readonly checking: boolean;
}

/**
 * The whole state of the widget, pushed on every change over `widget:state`. The tray's
 * title/tooltip/icon and every popover view are pure functions of it.
 */
export interface WidgetState {
  readonly status: WidgetStatus;
  readonly currency: Currency;
  /** Last good data for `currency`; kept (and shown as stale) when a later refresh fails. */
  readonly balance: BalanceSnapshot | null;
  /** True while a request for `currency` is in flight. */
  readonly refreshing: boolean;
  /** Epoch ms of the next scheduled refresh; null when the schedule is stopped or paused. */
  readonly nextRefreshAt: number | null;
  /**
   * Epoch ms after which `live` data must be read as stale even without a failure (the
   * machine slept, the schedule stopped). `effectiveStatus` applies it.
   */
  readonly staleAt: number | null;
  /** Why the data is stale or missing; null when live. */
  readonly error: AppError | null;
  /** Epoch ms until which Gate asked us to wait (429); no request, manual or not, before it. */
  readonly rateLimitedUntil: number | null;
  /** Data comes from the built-in simulator's demo portfolio, not the user's account. */
  readonly demo: boolean;
  readonly credentials: CredentialsState;
  readonly prefs: Preferences;
  /**
   * Whether `prefs.globalShortcut` is held: `none` (off, or no desktop shell registers shortcuts),
   * `registered` (the system took it; another app holding the same keys may still win, silently),
   * `focus-only` (an X11 grab under XWayland: it fires only while a Gate Glance window has focus),
   * or `failed` (the system or another app refused it). Settings says what each means.
   */
  readonly shortcut: ShortcutStatus;
  /**
   * The language every surface speaks and the locale numbers and dates follow: core decides it
   * from `prefs.locale` and the system's preferred languages (`chooseAppLocale`).
   */
  readonly locale: LocaleChoice;
  /**
   * `balance` against the local history of `currency` (`change24h` in shared/change.ts): null with
   * no earlier point, and always in demo mode.
   */
  readonly change24h: Change24h | null;
  /** What Gate says of the stored key (read-only, IP-bound, estimated expiry); null in demo mode and with no key. */
  readonly keyHealth: KeyHealthState | null;
  /** What the desktop around the app allows, as the shell found it. */
  readonly desktop: DesktopStatus;
  /** Where the app's own updater stands (shared/updates.ts). */
  readonly update: UpdateState;
  /**
   * Every source counted in `currency` and their combined figure, once more than the first key's
   * own account is counted (another key, or included sub-accounts); null otherwise, and then every
   * surface reads `balance` exactly as before. With it, the total, the tray, change and alerts read
   * `portfolio.combined` (the tray: `prefs.traySource` when one is chosen).
   */
  readonly portfolio: PortfolioState | null;
  /** The keys Settings › Gate accounts lists: the first key (when stored) then every added one; empty in demo mode. */
  readonly gateAccounts: readonly GateAccount[];
}

/**
 * What the desktop around the app allows. `trayHost`: on Linux, whether a StatusNotifierWatcher
 * owns its bus name (while `absent` the popover is shown as a normal window with a notice), and
 * `not-applicable` elsewhere. `notifications`: `blocked` once the system refused one (Electron's
 * `failed` event). `loginItem`: what the system reports of the login item, which the preference follows.
 */
export interface DesktopStatus {
  readonly trayHost: 'present' | 'absent' | 'not-applicable';
  readonly notifications: 'ok' | 'blocked';
  readonly loginItem: 'on' | 'off' | 'requires-approval' | 'unknown';
  /** The remedy for an absent tray host on this desktop (Diagnostics' own hint), which the popover names while it is a window; null otherwise. */
  readonly trayHostHint: DiagnosticHint | null;
}

/** See `WidgetState.shortcut`. */
export type ShortcutStatus = 'none' | 'registered' | 'focus-only' | 'failed';

/** What the onboarding form sends. The secret travels renderer → main once and never back. */
export interface SaveCredentialsInput {
  readonly key: string;
  readonly secret: string;
  /** Make one signed call before storing, to prove the pair and its wallet permission. */
  readonly verify: boolean;
  /** Store a key that can trade or withdraw (after "Save anyway"); without it such a key is refused with KEY_CAN_WRITE. */
  readonly allowWriteKey?: boolean;
}

/** Something the user should know after a save, as a value each surface words in its own language. */
export type CredentialsNotice =
  | { readonly kind: 'key-shape'; readonly length: number }
  | { readonly kind: 'secret-shape'; readonly length: number }
  | { readonly kind: 'verify-unavailable' }
  | { readonly kind: 'verify-failed'; readonly error: AppError };

/** The answer to a save: the status (no secret) and anything the user should know. */
export interface SaveCredentialsResult {
  readonly status: CredentialsStatus;
  /** What the user should know (an unusual key shape, a verification that could not run), as values each reader words. */
  readonly notices: readonly CredentialsNotice[];
  readonly verified: boolean;
  /** What Gate said of the key right after verifying it (null when not verified, or Gate did not answer). */
  readonly keyHealth: KeyHealth | null;
}

/** What "Remove key" asks: the history recorded from this endpoint can go with the key, or stay for the next key. */
export interface ClearCredentialsInput {
  readonly forgetHistory: boolean;
}

/** "Add another Gate account": a key pair verified like the first, stored as its own keychain entry. */
export interface AddGateAccountInput extends SaveCredentialsInput {
  /** What the user calls it ("Family"); main derives the keychain profile from it (unique, `[A-Za-z0-9_-]`). */
  readonly alias: string;
}

/** The answer to an add: the profile the pair was stored under, and what a save answers. */
export interface AddGateAccountResult extends SaveCredentialsResult {
  readonly profile: string;
}

/** A change to one listed key's entry (Settings › Gate accounts); main refuses an unknown profile. */
export interface GateAccountPatch {
  readonly profile: string;
  readonly alias?: string;
  readonly includeSubAccounts?: boolean;
  readonly excludedSubAccounts?: readonly string[];
}

/** A partial update of preferences; main validates every field. */
export type PreferencesPatch = Partial<Preferences>;

/** Where an export went; `saved: false` when the user cancelled the dialog. */
export interface ExportResult {
  readonly saved: boolean;
  readonly path: string | null;
}

/** Which account's holdings to show, valued in which currency (the popover's current one). */
export interface HoldingsRequest {
  /** Gate's account name as in the breakdown (`spot`, `futures`, `margin`, …). */
  readonly account: string;
  readonly currency: Currency;
  /** A PortfolioState source's id (`key:family`, `sub:default:123`); absent: the first key's own account, as before. */
  readonly source?: string;
}

/** One currency's history over one range; the answer is thinned to about 500 points that span the range. */
export interface HistoryQuery {
  readonly currency: Currency;
  readonly range: HistoryRange;
  /** `combined`: the combined net worth's own series (breaks where its sources changed); absent: the first key's account, as before. */
  readonly series?: 'account' | 'combined';
}

/** Request/response channels: `args` are what the renderer sends, `result` what `Result.value` carries. */
interface InvokeChannels {
  'state:get': { args: []; result: WidgetState };
  'balance:refresh': { args: []; result: null };
  'currency:set': { args: [currency: Currency]; result: null };
  'credentials:save': { args: [input: SaveCredentialsInput]; result: SaveCredentialsResult };
  'credentials:clear': { args: [input: ClearCredentialsInput]; result: CredentialsStatus };
  'demo:start': { args: []; result: null };
  'prefs:set': { args: [patch: PreferencesPatch]; result: Preferences };
  'history:get': { args: [query: HistoryQuery]; result: HistoryView };
  'history:export-csv': { args: []; result: ExportResult };
  'holdings:get': { args: [request: HoldingsRequest]; result: HoldingsView };
  'window:hide': { args: []; result: null };
  'external:open-key-page': { args: []; result: null };
  'diagnostics:get': { args: []; result: Diagnostics };
  /** "Check for updates": at once, whatever the automatic setting. */
  'update:check': { args: []; result: null };
  /** "Download" an update that was found (installs that update themselves). */
  'update:download': { args: []; result: null };
  /** "Restart to update": quits and installs a downloaded update; refused unless one is ready. */
  'update:restart': { args: []; result: null };
  /** Opens the found version's release page (main's own URL; the renderer cannot choose it). */
  'update:open-release': { args: []; result: null };
  'key-health:check': { args: []; result: KeyHealthState };
  /** macOS 13+: opens System Settings › General › Login Items, where a login item waiting for approval is allowed. */
  'login-item:open-settings': { args: []; result: null };
  /** "Add another Gate account". */
  'accounts:add': { args: [input: AddGateAccountInput]; result: AddGateAccountResult };
  /** Removes an added key (its keychain entry and its entry in prefs); the first key is removed by `credentials:clear`. */
  'accounts:remove': { args: [profile: string]; result: null };
  /** Renames a key or changes which of its sub-accounts are counted. */
  'accounts:set': { args: [patch: GateAccountPatch]; result: Preferences };
}

/** A request/response channel name. */
export type InvokeChannel = keyof InvokeChannels;

/** Arguments of a channel, as a tuple. */
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];

/** What a channel's handler answers on the wire. */
export type InvokeResult<C extends InvokeChannel> = Result<InvokeChannels[C]['result']>;

/** Main → renderer pushes. There is exactly one: the whole state. */
export interface PushChannels {
  'widget:state': WidgetState;
}

/** A push channel name. */
export type PushChannel = keyof PushChannels;

/** The single push channel, named once so preload and main cannot drift apart. */
export const STATE_CHANNEL = 'widget:state' satisfies PushChannel;

/**
 * `window.glance` method → channel. The preload builds one named function per entry (and
 * nothing generic); main registers one handler per channel. Adding a channel means adding it
 * to `InvokeChannels` and here, and the compiler points at everything else.
 */
export const INVOKE_METHODS = {
  getState: 'state:get',
  refresh: 'balance:refresh',
  setCurrency: 'currency:set',
  saveCredentials: 'credentials:save',
  clearCredentials: 'credentials:clear',
  startDemo: 'demo:start',
  setPrefs: 'prefs:set',
  getHistory: 'history:get',
  exportHistoryCsv: 'history:export-csv',
  getHoldings: 'holdings:get',
  hideWindow: 'window:hide',
  openKeyPage: 'external:open-key-page',
  getDiagnostics: 'diagnostics:get',
  checkForUpdates: 'update:check',
  downloadUpdate: 'update:download',
  restartToUpdate: 'update:restart',
  openReleasePage: 'update:open-release',
  checkKeyHealth: 'key-health:check',
  openLoginItemSettings: 'login-item:open-settings',
  addGateAccount: 'accounts:add',
  removeGateAccount: 'accounts:remove',
  setGateAccount: 'accounts:set',
} as const satisfies Record<string, InvokeChannel>;

/** A `window.glance` request method name. */
export type InvokeMethod = keyof typeof INVOKE_METHODS;

/** Every channel main must handle, derived from the method table. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(INVOKE_METHODS);

/** The narrow API the preload exposes as `window.glance` (and the e2e bridge mimics). */
export type GlanceApi = {
  readonly [M in InvokeMethod]: (...args: InvokeArgs<(typeof INVOKE_METHODS)[M]>) => Promise<InvokeResult<(typeof INVOKE_METHODS)[M]>>;
} & {
  /** Subscribes to `widget:state`; returns the unsubscribe function. */
  readonly onState: (listener: (state: WidgetState) => void) => () => void;
};
