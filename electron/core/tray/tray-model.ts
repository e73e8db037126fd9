/**
 * What the tray shows, as a pure function of `WidgetState`: the macOS title, the tooltip, which
 * icon, and the context menu. Electron main only renders this model, so every tray decision
 * (privacy masking, stale marking, demo labelling, what a Linux panel without tooltips still
 * shows in the menu) is unit-tested here without an Electron binary.
 */
import { CURRENCIES } from '../../../shared/balance.js';
import type { Currency } from '../../../shared/balance.js';
import { formatMoney } from '../../../shared/decimal.js';
import type { WidgetState } from '../../../shared/ipc.js';
import { dataAgeSeconds, effectiveStatus, formatAge, PRIVACY_MASK } from '../../../shared/widget-state.js';

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
  | { readonly type: 'quit' };

/** One context-menu entry, close to Electron's MenuItemConstructorOptions but ours. */
export type TrayMenuItem =
  | { readonly type: 'normal'; readonly label: string; readonly enabled: boolean; readonly command: TrayCommand | null }
  | { readonly type: 'checkbox' | 'radio'; readonly label: string; readonly checked: boolean; readonly enabled: boolean; readonly command: TrayCommand }
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
  readonly locale?: string;
  readonly timeZone?: string;
}

function amountText(state: WidgetState, locale: string | undefined): string | null {
  if (state.balance === null) return null;
  if (state.prefs.privacy) return PRIVACY_MASK;
  return formatMoney(state.balance.total.amount, { currency: state.balance.currency, locale });
}

function clockTime(epochMs: number, options: TrayModelOptions): string {
  return new Intl.DateTimeFormat(options.locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone,
  }).format(epochMs);
}

function ageText(state: WidgetState, now: number): string {
  const seconds = dataAgeSeconds(state, now);
  if (seconds === null) return '';
  const age = formatAge(seconds);
  return age === 'just now' ? 'updated just now' : `${age} old`;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The first, disabled menu line: the net worth and its age, or why there is none. */
function summaryLine(state: WidgetState, now: number, amount: string | null): string {
  const status = effectiveStatus(state, now);
  const prefix = state.demo ? 'Demo net worth' : 'Net worth';
  if (amount !== null) {
    const age = ageText(state, now);
    if (status === 'live') return `${prefix}: ${amount} · ${age}`;
    return `${prefix}: ${amount} · stale, ${age}`;
  }
  switch (status) {
    case 'onboarding':
      return 'No API key stored';
    case 'loading':
      return 'Loading…';
    default:
      return state.error ? `No data: ${state.error.message}` : 'No data yet';
  }
}

function tooltipText(state: WidgetState, now: number, amount: string | null, options: TrayModelOptions): string {
  const status = effectiveStatus(state, now);
  const lines: string[] = [];
  const name = state.demo ? 'Gate Glance (demo data)' : 'Gate Glance';
  if (amount !== null && state.balance !== null) {
    lines.push(`${name}: ${amount} (estimated)`);
    const asOf = `as of ${clockTime(state.balance.fetchedAt, options)}`;
    lines.push(status === 'live' ? asOf : `Stale, ${asOf}`);
    if (status !== 'live' && state.error) lines.push(state.error.message);
  } else if (status === 'onboarding') {
    lines.push(`${name}: no API key stored`);
  } else if (status === 'loading') {
    lines.push(`${name}: loading…`);
  } else {
    lines.push(`${name}: no data`);
    if (state.error) lines.push(state.error.message);
  }
  return truncate(lines.join('\n'), MAX_TOOLTIP_LENGTH);
}

function titleText(state: WidgetState, now: number, amount: string | null, platform: NodeJS.Platform): string {
  if (platform !== 'darwin') return '';
  const status = effectiveStatus(state, now);
  if (amount === null) {
    if (status === 'loading') return '…';
    return status === 'error' ? '⚠' : '';
  }
  const demo = state.demo ? 'Demo ' : '';
  return status === 'live' ? `${demo}${amount}` : `⚠ ${demo}${amount}`;
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

function menuItems(state: WidgetState, now: number, amount: string | null): TrayMenuItem[] {
  const status = effectiveStatus(state, now);
  const canRefresh = status !== 'onboarding' && !state.refreshing;
  const items: TrayMenuItem[] = [
    { type: 'normal', label: summaryLine(state, now, amount), enabled: false, command: null },
    { type: 'separator' },
    { type: 'normal', label: 'Open Gate Glance', enabled: true, command: { type: 'open' } },
  ];
  if (status === 'onboarding' && !state.demo) {
    items.push({ type: 'normal', label: 'Try the demo', enabled: true, command: { type: 'start-demo' } });
  }
  items.push(
    { type: 'normal', label: state.refreshing ? 'Refreshing…' : 'Refresh now', enabled: canRefresh, command: { type: 'refresh' } },
    {
      type: 'submenu',
      label: 'Currency',
      enabled: true,
      submenu: CURRENCIES.map((currency) => ({
        type: 'radio' as const,
        label: currency,
        checked: state.currency === currency,
        enabled: true,
        command: { type: 'set-currency' as const, currency },
      })),
    },
    { type: 'checkbox', label: 'Privacy mode', checked: state.prefs.privacy, enabled: true, command: { type: 'set-privacy', privacy: !state.prefs.privacy } },
    {
      type: 'checkbox',
      label: 'Launch at login',
      checked: state.prefs.launchAtLogin,
      enabled: true,
      command: { type: 'set-launch-at-login', launchAtLogin: !state.prefs.launchAtLogin },
    },
    { type: 'separator' },
    { type: 'normal', label: 'Quit Gate Glance', enabled: true, command: { type: 'quit' } },
  );
  return items;
}

/** The tray's whole presentation at `now`; `platform` decides whether a title is shown. */
export function trayModel(state: WidgetState, now: number, platform: NodeJS.Platform, options: TrayModelOptions = {}): TrayModel {
  const amount = amountText(state, options.locale);
  return {
    title: titleText(state, now, amount, platform),
    tooltip: tooltipText(state, now, amount, options),
    icon: iconKind(state, now),
    menu: menuItems(state, now, amount),
  };
}
