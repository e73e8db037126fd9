/**
 * What the tray shows, as a pure function of `WidgetState`: the macOS title, the tooltip, which
 * icon, and the context menu. Electron main only renders this model, so every tray decision
 * (privacy masking, stale marking, demo labelling, what a Linux panel without tooltips still
 * shows in the menu) is unit-tested here without an Electron binary.
 */
import { includedSources, sourceName } from '../../../shared/present/portfolio-words.js';
import { CURRENCIES } from '../../../shared/balance.js';
import type { Currency, DecimalString } from '../../../shared/balance.js';
import type { WidgetState } from '../../../shared/ipc.js';
import { daysUntilExpiry, EXPIRY_QUIET_DAYS, expiryWithin } from '../../../shared/key-health.js';
import type { Change24h } from '../../../shared/change.js';
import { displayMoney, PRIVACY_MASK } from '../../../shared/present/amounts.js';
import { changeBrief, changeInFull, changeOverSpan } from '../../../shared/present/change.js';
import { clockMinutes } from '../../../shared/present/dates.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { wordsFor } from '../../../shared/present/languages.js';
import { englishFor, formatAge, type Words } from '../../../shared/present/words.js';
import { keySourceId, type PortfolioState, type Source } from '../../../shared/portfolio.js';
import { effectiveStatus } from '../../../shared/widget-state.js';
import { DEFAULT_PROFILE } from '../secrets/profiles.js';
import type { WidgetStatus } from '../../../shared/ipc.js';

/** Windows truncates tray tooltips beyond 127 characters; we cut cleanly first. */
export const MAX_TOOLTIP_LENGTH = 127;

/** Which tray glyph to show: fresh data, stale data, an error without data, or nothing to show yet. */
export type TrayIconKind = 'live' | 'stale' | 'error' | 'idle';

/** What a tray menu item does; main maps each to an app call. */
export type TrayCommand =
  | { readonly type: 'open' }
  | { readonly type: 'refresh' }
  | { readonly type: 'start-demo' }
  | { readonly type: 'set-currency'; readonly currency: Currency }
  | { readonly type: 'set-privacy'; readonly privacy: boolean }
  | { readonly type: 'set-launch-at-login'; readonly launchAtLogin: boolean }
  | { readonly type: 'check-updates' }
  | { readonly type: 'restart-to-update' }
  | { readonly type: 'quit' };

/** The commands the app answers (`GlanceApp.runTrayCommand`); Open and Quit are the tray-and-popover class's own. */
export type TrayAppCommand = Exclude<TrayCommand, { readonly type: 'open' } | { readonly type: 'quit' }>;

/** One context-menu entry, close to Electron's MenuItemConstructorOptions but ours. */
export type TrayMenuItem =
  | { readonly type: 'normal'; readonly label: string; readonly enabled: boolean; readonly command: TrayCommand | null }
  | {
      readonly type: 'checkbox' | 'radio';
      readonly label: string;
      readonly checked: boolean;
      readonly enabled: boolean;
      readonly command: TrayCommand;
    }
  | { readonly type: 'submenu'; readonly label: string; readonly enabled: boolean; readonly submenu: readonly TrayMenuItem[] }
  | { readonly type: 'separator' };

/** Everything the tray displays. */
export interface TrayModel {
  /** macOS menu-bar text next to the icon; empty elsewhere (Windows has no title, Linux panels rarely show it). */
  readonly title: string;
  readonly tooltip: string;
  readonly icon: TrayIconKind;
  readonly menu: readonly TrayMenuItem[];
}

/** Formatting knobs, injectable so tests do not depend on the machine's locale or time zone. */
export interface TrayModelOptions {
  /** The language to speak; by default the state's (`state.locale`). Its number locale wins over `locale`. */
  readonly words?: Words;
  /** English words with numbers in this locale instead of the state's language (tests). */
  readonly locale?: string;
  readonly timeZone?: string;
}

/** The state with the figure the tray shows and its amount in words (the mask under privacy; null: none). */
interface Shown {
  readonly state: WidgetState;
  readonly figure: TrayFigure | null;
  readonly amount: string | null;
}

/**
 * The figure the tray shows: the first key's balance; with a portfolio, the combined figure, or
 * the source `prefs.traySource` names (the combined figure again once that source is gone).
 */
interface TrayFigure {
  /** Null: a chosen source without a total (never read, in error). */
  readonly amount: DecimalString | null;
  readonly currency: Currency;
  readonly change: Change24h | null;
  /** Local epoch ms of the oldest data in it; null without an amount. */
  readonly fetchedAt: number | null;
  /** Holds a source's last good total after a failure (the app's own status aside). */
  readonly stale: boolean;
  /** Tooltip lines saying what the figure counts (a portfolio's only). */
  readonly about: readonly string[];
}

function trayFigure(state: WidgetState, words: Words): TrayFigure | null {
  const portfolio = state.portfolio;
  if (portfolio === null) {
    if (state.balance === null) return null;
    const { total, currency, fetchedAt } = state.balance;
    return { amount: total.amount, currency, change: state.change24h, fetchedAt, stale: false, about: [] };
  }
  const chosen = state.prefs.traySource === null ? undefined : portfolio.sources.find((s) => s.id === state.prefs.traySource);
  return chosen === undefined ? combinedFigure(portfolio, words) : sourceFigure(state, portfolio, chosen, words);
}

function combinedFigure(portfolio: PortfolioState, words: Words): TrayFigure {
  const { combined, sources } = portfolio;
  const about = [includedText(sources, words)];
  const missing = sources.filter((s) => s.total === null || s.total.currency !== portfolio.currency).map((s) => sourceName(words, s));
  if (missing.length > 0) about.push(words.t('tray.portfolio.missing', { names: missing.join(', ') }));
  const stale = sources.filter((s) => s.status === 'stale').map((s) => sourceName(words, s));
  if (stale.length > 0) about.push(words.t('tray.portfolio.stale', { names: stale.join(', ') }));
  const times = sources.flatMap((s) => (s.total !== null && s.fetchedAt !== null ? [s.fetchedAt] : []));
  return {
    amount: combined.amount,
    currency: combined.currency,
    change: portfolio.change24h,
    fetchedAt: times.length > 0 ? Math.min(...times) : null,
    stale: combined.stale,
    about,
  };
}

function sourceFigure(state: WidgetState, portfolio: PortfolioState, source: Source, words: Words): TrayFigure {
  const about = [words.t('tray.portfolio.source', { kind: source.kind, name: sourceName(words, source) })];
  if (source.status !== 'ok' && source.error !== null) about.push(errorWords(words, source.error).message);
  const total = source.total !== null && source.total.currency === portfolio.currency ? source.total.amount : null;
  // The first key's own account has the account's change; no other source has a history of its own.
  const own = source.id === keySourceId(DEFAULT_PROFILE) && state.balance?.currency === portfolio.currency;
  return {
    amount: total,
    currency: portfolio.currency,
    change: own && total === state.balance?.total.amount ? state.change24h : null,
    fetchedAt: total === null ? null : source.fetchedAt,
    stale: source.status === 'stale',
    about,
  };
}

/** "Includes Main + 3 sub-accounts (estimated) + Family", the popover's words (shared/present/portfolio-words.ts). */
function includedText(sources: readonly Source[], words: Words): string {
  return words.t('tray.portfolio.includes', { parts: includedSources(words, sources).parts.join(words.t('portfolio.includes-plus')) });
}

function amountText(state: WidgetState, figure: TrayFigure | null, words: Words, short = false): string | null {
  if (figure === null || figure.amount === null) return null;
  // The mask alone: the menu bar has little room, and the currency is in the menu.
  if (state.prefs.privacy) return PRIVACY_MASK;
  return displayMoney(words, figure.amount, figure.currency, { privacy: state.prefs.privacy, short });
}

/** The 24-hour change to show beside the amount, or null (none known, privacy on, demo, nothing shown). */
function visibleChange(state: WidgetState, figure: TrayFigure | null): Change24h | null {
  if (state.prefs.privacy || state.demo || figure === null || figure.amount === null) return null;
  return figure.change;
}

/** The app's status, and stale when the figure holds a source's last good total. */
function figureStatus(state: WidgetState, figure: TrayFigure | null, now: number): WidgetStatus {
  const status = effectiveStatus(state, now);
  return status === 'live' && figure?.stale === true ? 'stale' : status;
}

function ageText(fetchedAt: number | null, now: number, words: Words): string {
  if (fetchedAt === null) return '';
  // A clock that jumped back reads as now.
  const seconds = Math.max(0, Math.floor((now - fetchedAt) / 1000));
  return seconds < 5 ? words.t('tray.updated-now') : words.t('tray.age', { age: formatAge(words, seconds) });
}

/** The keychain has not answered yet (a locked keyring or a macOS prompt can take 30 s) and nothing is shown: the tray says it is starting. */
function starting(state: WidgetState, amount: string | null): boolean {
  return amount === null && state.credentials.checking;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The first, disabled menu line: the net worth (stale or not), or why there is none. No age: the
 * line would change with every tick, and a rebuilt menu is redrawn under the pointer of a user who
 * has it open on Linux; the tooltip carries the age.
 */
function summaryLine(shown: Shown, now: number, words: Words, timeZone: string | undefined): string {
  const { state, figure, amount } = shown;
  const status = figureStatus(state, figure, now);
  const demo = state.demo ? 'yes' : 'no';
  if (starting(state, amount)) return words.t('tray.summary.starting');
  if (amount !== null && figure !== null) {
    const change = visibleChange(state, figure);
    const withChange =
      change === null
        ? amount
        : words.t('tray.with-change', {
            amount,
            change: changeOverSpan(words, change, changeBrief(words, change, figure.currency), timeZone),
          });
    return words.t(status === 'live' ? 'tray.summary.live' : 'tray.summary.stale', { demo, amount: withChange });
  }
  switch (status) {
    case 'onboarding':
      return words.t('tray.summary.no-key');
    case 'loading':
      return words.t('tray.summary.loading');
    default:
      return state.error
        ? words.t('tray.summary.error', { message: errorWords(words, state.error).message })
        : words.t('tray.summary.no-data');
  }
}

function tooltipText(shown: Shown, now: number, words: Words, options: TrayModelOptions): string {
  const { state, figure, amount } = shown;
  const status = figureStatus(state, figure, now);
  const lines: string[] = [];
  const demo = state.demo ? 'yes' : 'no';
  if (starting(state, amount)) {
    lines.push(words.t('tray.tooltip.starting', { demo }));
  } else if (amount !== null && figure !== null && figure.fetchedAt !== null) {
    lines.push(words.t('tray.tooltip.amount', { demo, amount }));
    // What a portfolio's figure counts, right under it: it says what the amount and the change are of.
    lines.push(...figure.about);
    const change = visibleChange(state, figure);
    const changeLine =
      change === null ? null : changeOverSpan(words, change, changeInFull(words, change, figure.currency), options.timeZone);
    // A portfolio's tooltip has more to say: its change goes last (the title and the menu carry it too), where
    // Windows' 127 characters cut first.
    if (changeLine !== null && figure.about.length === 0) lines.push(changeLine);
    const at = clockMinutes(words, figure.fetchedAt, options.timeZone);
    // Stale data keeps the reason instead of the age: Windows cuts the tooltip at 127 characters.
    lines.push(
      status === 'live'
        ? words.t('tray.tooltip.as-of', { at, age: ageText(figure.fetchedAt, now, words) })
        : words.t('tray.tooltip.stale-as-of', { at }),
    );
    if (status !== 'live' && state.error && !figure.stale) lines.push(errorWords(words, state.error).message);
    if (changeLine !== null && figure.about.length > 0) lines.push(changeLine);
  } else if (figure !== null && figure.about.length > 0) {
    // A chosen source without a total: its name and why.
    lines.push(words.t('tray.tooltip.no-data', { demo }), ...figure.about);
  } else if (status === 'onboarding') {
    lines.push(words.t('tray.tooltip.no-key', { demo }));
  } else if (status === 'loading') {
    lines.push(words.t('tray.tooltip.loading', { demo }));
  } else {
    lines.push(words.t('tray.tooltip.no-data', { demo }));
    if (state.error) lines.push(errorWords(words, state.error).message);
  }
  // No new icon: the tooltip alone mentions a key that stops working within the week.
  const expiry = expiryWithin(state.keyHealth?.health ?? null, now, EXPIRY_QUIET_DAYS);
  if (expiry !== null) lines.push(words.t('tray.tooltip.key-expiry', { days: Math.max(0, daysUntilExpiry(expiry, now)) }));
  return truncate(lines.join('\n'), MAX_TOOLTIP_LENGTH);
}

function titleText(shown: Shown, now: number, platform: NodeJS.Platform, words: Words): string {
  if (platform !== 'darwin') return '';
  const { state, figure, amount } = shown;
  const status = figureStatus(state, figure, now);
  if (amount === null) {
    if (status === 'loading' || starting(state, amount)) return '…';
    return status === 'error' ? '⚠' : '';
  }
  const title = words.t(status === 'live' ? 'tray.title.live' : 'tray.title.stale', { demo: state.demo ? 'yes' : 'no', amount });
  const change = state.prefs.trayShowsChange ? visibleChange(state, figure) : null;
  return change === null || figure === null
    ? title
    : words.t('tray.title.with-change', { title, change: changeBrief(words, change, figure.currency) });
}

function iconKind(state: WidgetState, now: number): TrayIconKind {
  switch (effectiveStatus(state, now)) {
    case 'live':
      return 'live';
    case 'stale':
      return 'stale';
    case 'error':
      return 'error';
    default:
      return 'idle';
  }
}

function menuItems(shown: Shown, now: number, words: Words, timeZone: string | undefined): TrayMenuItem[] {
  const { state, amount } = shown;
  const status = effectiveStatus(state, now);
  // Nothing to refresh until the keychain says which account (or the demo) it is.
  const canRefresh = status !== 'onboarding' && !state.refreshing && !starting(state, amount);
  const items: TrayMenuItem[] = [
    { type: 'normal', label: summaryLine(shown, now, words, timeZone), enabled: false, command: null },
    { type: 'separator' },
    { type: 'normal', label: words.t('tray.menu.open'), enabled: true, command: { type: 'open' } },
  ];
  if (status === 'onboarding' && !state.demo) {
    items.push({ type: 'normal', label: words.t('tray.menu.demo'), enabled: true, command: { type: 'start-demo' } });
  }
  items.push(
    {
      type: 'normal',
      label: words.t(state.refreshing ? 'tray.menu.refreshing' : 'tray.menu.refresh'),
      enabled: canRefresh,
      command: { type: 'refresh' },
    },
    {
      type: 'submenu',
      label: words.t('tray.menu.currency'),
      enabled: true,
      submenu: CURRENCIES.map((currency) => ({
        type: 'radio' as const,
        label: currency,
        checked: state.currency === currency,
        enabled: true,
        command: { type: 'set-currency' as const, currency },
      })),
    },
    {
      type: 'checkbox',
      label: words.t('tray.menu.privacy'),
      checked: state.prefs.privacy,
      enabled: true,
      command: { type: 'set-privacy', privacy: !state.prefs.privacy },
    },
    {
      type: 'checkbox',
      label: words.t('tray.menu.launch-at-login'),
      checked: state.prefs.launchAtLogin,
      enabled: true,
      command: { type: 'set-launch-at-login', launchAtLogin: !state.prefs.launchAtLogin },
    },
  );
  // Updates: "Restart to update" once one is ready, else "Check for updates" (none in a build that never updates).
  const update = state.update;
  if (update.phase.kind === 'ready') {
    items.push({ type: 'normal', label: words.t('update.restart'), enabled: true, command: { type: 'restart-to-update' } });
  } else if (update.mode !== 'none') {
    const busy = update.phase.kind === 'checking' || update.phase.kind === 'downloading';
    items.push({ type: 'normal', label: words.t('update.check-now'), enabled: !busy, command: { type: 'check-updates' } });
  }
  items.push({ type: 'separator' }, { type: 'normal', label: words.t('tray.menu.quit'), enabled: true, command: { type: 'quit' } });
  return items;
}

/** Which parts of the tray differ between what is shown and a new model: Electron is called for those only. */
export interface TrayChanges {
  readonly title: boolean;
  readonly tooltip: boolean;
  readonly icon: boolean;
  /** The menu is rebuilt (and an open one redrawn) only when an item differs: its label, state or command. */
  readonly menu: boolean;
}

/** What changed from `shown` (null: nothing shown yet, so everything) to `next`. */
export function trayChanges(shown: TrayModel | null, next: TrayModel): TrayChanges {
  if (shown === null) return { title: true, tooltip: true, icon: true, menu: true };
  return {
    title: shown.title !== next.title,
    tooltip: shown.tooltip !== next.tooltip,
    icon: shown.icon !== next.icon,
    // The menu model is plain data (labels, flags, commands) built in one order: its JSON is its identity.
    menu: JSON.stringify(shown.menu) !== JSON.stringify(next.menu),
  };
}

/** The tray's whole presentation at `now`; `platform` decides whether a title is shown. */
export function trayModel(state: WidgetState, now: number, platform: NodeJS.Platform, options: TrayModelOptions = {}): TrayModel {
  const words = options.words ?? (options.locale !== undefined ? englishFor(options.locale) : wordsFor(state.locale));
  const figure = trayFigure(state, words);
  const shown: Shown = { state, figure, amount: amountText(state, figure, words) };
  return {
    // The menu bar has the least room: 万 / 亿 in Chinese.
    title: titleText({ ...shown, amount: amountText(state, figure, words, true) }, now, platform, words),
    tooltip: tooltipText(shown, now, words, options),
    icon: iconKind(state, now),
    menu: menuItems(shown, now, words, options.timeZone),
  };
}
