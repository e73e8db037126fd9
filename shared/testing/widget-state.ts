/**
 * A WidgetState for tests of every layer: a first run with nothing known yet (no key, no data,
 * default preferences, English), field by field overridable. Layers add their own data on top
 * (a live balance, a stored key) instead of spelling every field again.
 */
import type { WidgetState } from '../ipc.js';
import { DEFAULT_PREFERENCES } from '../prefs.js';

export function widgetState(overrides: Partial<WidgetState> = {}): WidgetState {
  return {
    status: 'onboarding',
    currency: 'USDT',
    balance: null,
    refreshing: false,
    nextRefreshAt: null,
    staleAt: null,
    error: null,
    rateLimitedUntil: null,
    shortcut: 'none',
    locale: { language: 'en', formatLocale: undefined },
    change24h: null,
    keyHealth: null,
    update: { mode: 'none', currentVersion: '0.1.0', phase: { kind: 'idle' }, lastCheckAt: null },
    desktop: { trayHost: 'not-applicable', notifications: 'ok', loginItem: 'unknown', trayHostHint: null },
    demo: false,
    credentials: { stored: false, keyHint: null, keychainError: null, checking: false },
    prefs: DEFAULT_PREFERENCES,
    portfolio: null,
    gateAccounts: [],
    ...overrides,
  };
}
