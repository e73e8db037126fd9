/**
 * User preferences as both sides see them. Main validates and stores them; the renderer
 * shows them and asks for changes through `prefs:set`.
 */
import type { AlertRule } from './alerts.js';
import type { Currency } from './balance.js';
import type { LocalePreference } from './locale.js';
import type { ChangeColourRule } from './change.js';

/** What the user says about the tray panel's colour (Linux, where no signal tells it; elsewhere the system knows). */
export type TrayPanelPreference = 'automatic' | 'light' | 'dark';

/** Every TrayPanelPreference, in the order Settings offers them. */
export const TRAY_PANEL_PREFERENCES = ['automatic', 'light', 'dark'] as const satisfies readonly TrayPanelPreference[];

/** What the user chose; persisted in the app's data dir, never containing anything secret. */
export interface Preferences {
  readonly currency: Currency;
  /** Seconds between refreshes; Gate caches this data for a minute, so never below 60. */
  readonly refreshIntervalSec: number;
  /** Masks every amount and share in the tray, the popover and the CLI's short line. */
  readonly privacy: boolean;
  /** Pie slices below this percent of the positive total are grouped into "Other". */
  readonly smallSliceThresholdPercent: number;
  readonly launchAtLogin: boolean;
  /** The language of every surface: the system's, or one chosen here. */
  readonly locale: LocalePreference;
  /** Which tray icon variant Linux draws: automatic reads on light and dark panels alike. */
  readonly trayPanel: TrayPanelPreference;
  /** How a rise and a fall are coloured: `auto` follows the language (red up in zh-CN). */
  readonly changeColours: ChangeColourRule;
  /** macOS: the menu-bar title shows the 24-hour change after the total. */
  readonly trayShowsChange: boolean;
  /** Notifications: above/below a total, a big move in 24 h, the account no longer readable. */
  readonly alerts: readonly AlertRule[];
  /**
   * The Electron accelerator that toggles the popover from anywhere, or null for none. A first run
   * gets `defaultGlobalShortcut(platform)`.
   */
  readonly globalShortcut: string | null;
  /** Looks for a new version 5 s after start and every 12 hours; off means no update request at all. */
  readonly checkForUpdates: boolean;
  /** Downloads a found update without asking (it still installs only on quit or "Restart to update"). */
  readonly downloadUpdatesAutomatically: boolean;
  /**
   * The Gate keys the app reads besides nothing-but-the-first (Settings › Gate accounts), in the
   * order shown. Empty: the `default` key alone, without sub-accounts, as before. An entry for
   * `default` carries the first key's alias and sub-account choices; any other names a keychain profile.
   */
  readonly gateAccounts: readonly GateAccountPrefs[];
  /** What the tray shows: null for the combined figure, or one Source's id (`key:family`, `sub:default:123`). */
  readonly traySource: string | null;
}

/** One Gate key's entry in Preferences.gateAccounts. */
interface GateAccountPrefs {
  /** Its keychain profile (shared with `gate-glance --profile NAME`). */
  readonly profile: string;
  /** What the user calls it; empty: the profile's name. */
  readonly alias: string;
  /** Its sub-accounts are read through it and counted. */
  readonly includeSubAccounts: boolean;
  /** Sub-account uids left out while its sub-accounts are included. */
  readonly excludedSubAccounts: readonly string[];
}

/** The global shortcut a first run gets on macOS and Linux: Cmd+Option+G, Ctrl+Alt+G. */
export const DEFAULT_GLOBAL_SHORTCUT = 'CommandOrControl+Alt+G';

/**
 * Windows' first-run shortcut. Windows reads Ctrl+Alt as AltGr, and AltGr+G types "]" on Czech,
 * Slovak, Hungarian, Croatian and Slovene keyboards, so a grab of Ctrl+Alt+G takes that character
 * from every app. Alt+Shift+G: no AltGr, no Windows key (Win+Alt+G is the Game Bar's), and not
 * Ctrl+Shift+G (Find previous in browsers, Source Control in VS Code).
 */
const WINDOWS_GLOBAL_SHORTCUT = 'Alt+Shift+G';

/** The global shortcut a first run gets on `platform` (`process.platform`). */
export function defaultGlobalShortcut(platform: string): string {
  return platform === 'win32' ? WINDOWS_GLOBAL_SHORTCUT : DEFAULT_GLOBAL_SHORTCUT;
}

/** Gate caches `total_balance` for up to a minute; polling faster only burns rate limit. */
export const MIN_REFRESH_INTERVAL_SEC = 60;
/** Beyond an hour the widget stops answering "right now". */
export const MAX_REFRESH_INTERVAL_SEC = 3600;
/** Upper bound of the "Other" threshold; more would hide real accounts. */
export const MAX_SMALL_SLICE_THRESHOLD_PERCENT = 20;

/** Defaults for a first run, and for a preferences file that could not be read. */
export const DEFAULT_PREFERENCES: Preferences = {
  currency: 'USDT',
  refreshIntervalSec: 60,
  privacy: false,
  smallSliceThresholdPercent: 2,
  launchAtLogin: false,
  locale: 'system',
  trayPanel: 'automatic',
  changeColours: 'auto',
  trayShowsChange: false,
  alerts: [],
  globalShortcut: DEFAULT_GLOBAL_SHORTCUT,
  checkForUpdates: true,
  downloadUpdatesAutomatically: false,
  gateAccounts: [],
  traySource: null,
};

/** The defaults on `platform`: DEFAULT_PREFERENCES with that platform's global shortcut. */
export function defaultPreferences(platform: string): Preferences {
  const globalShortcut = defaultGlobalShortcut(platform);
  return globalShortcut === DEFAULT_PREFERENCES.globalShortcut ? DEFAULT_PREFERENCES : { ...DEFAULT_PREFERENCES, globalShortcut };
}
