import { describe, expect, it } from 'vitest';
import type { Change24h } from '../../../shared/change.js';
import type { WidgetState } from '../../../shared/ipc.js';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import { GATE_EXAMPLE_TOTAL } from '../../../shared/testing/gate-example.js';
import type { TrayMenuItem } from './tray-model.js';
import { appError } from '../../../shared/errors.js';
import { PRIVACY_MASK } from '../../../shared/present/amounts.js';
import { MAX_TOOLTIP_LENGTH, trayModel } from './tray-model.js';
import { widgetState } from '../../../shared/testing/widget-state.js';

const FETCHED = Date.UTC(2026, 10, 25, 14, 32, 10);
const opts = { locale: 'en-US', timeZone: 'UTC' };

function state(overrides: Partial<WidgetState> = {}): WidgetState {
  return widgetState({
    status: 'live',
    balance: {
      currency: 'USDT',
      total: { amount: '12345.678', unrealisedPnl: null, borrowed: null },
      accounts: [{ name: 'spot', amount: '12345.678', unrealisedPnl: null, borrowed: null }],
      fetchedAt: FETCHED,
    },
    nextRefreshAt: FETCHED + 60_000,
    staleAt: FETCHED + 180_000,
    credentials: { stored: true, keyHint: '…a1b2', keychainError: null, checking: false },
    ...overrides,
  });
}

const rateLimited = appError('RATE_LIMITED', { waitMs: 30_000 }, null, 30_000);

function labels(menu: readonly TrayMenuItem[]): string[] {
  return menu.map((i) => (i.type === 'separator' ? '---' : i.label));
}

describe('trayModel', () => {
  it('live: amount in title (macOS), tooltip with "as of" and the age, live icon, summary without it', () => {
    const m = trayModel(state(), FETCHED + 2_000, 'darwin', opts);
    expect(m.title).toBe('12,345.68 USDT');
    expect(m.tooltip).toBe('Gate Glance: 12,345.68 USDT (estimated)\nas of 14:32, updated just now');
    expect(m.icon).toBe('live');
    expect(m.menu[0]).toEqual({ type: 'normal', label: 'Net worth: 12,345.68 USDT', enabled: false, command: null });
    expect(labels(m.menu)).toEqual([
      'Net worth: 12,345.68 USDT',
      '---',
      'Open Gate Glance',
      'Refresh now',
      'Currency',
      'Privacy mode',
      'Launch at login',
      '---',
      'Quit Gate Glance',
    ]);
  });

  it('shows a title only on macOS; the menu and tooltip are the same everywhere', () => {
    const mac = trayModel(state(), FETCHED, 'darwin', opts);
    for (const platform of ['linux', 'win32'] as const) {
      const m = trayModel(state(), FETCHED, platform, opts);
      expect(m.title).toBe('');
      expect(m.tooltip).toBe(mac.tooltip);
      expect(m.menu).toEqual(mac.menu);
    }
  });

  it('keeps 40-digit totals exact in the currency of the data, BTC with 8 digits', () => {
    const big = state({
      currency: 'BTC',
      balance: {
        currency: 'BTC',
        total: { amount: GATE_EXAMPLE_TOTAL, unrealisedPnl: null, borrowed: null },
        accounts: [],
        fetchedAt: FETCHED,
      },
    });
    const m = trayModel(big, FETCHED, 'darwin', opts);
    expect(m.title).toBe('633,967,350,312,281,193.06836882 BTC');
  });

  it('privacy mode masks the amount in title, tooltip and menu', () => {
    const m = trayModel(state({ prefs: { ...DEFAULT_PREFERENCES, privacy: true } }), FETCHED + 120_000, 'darwin', opts);
    expect(m.title).toBe(PRIVACY_MASK);
    expect(m.tooltip).toBe(`Gate Glance: ${PRIVACY_MASK} (estimated)\nas of 14:32, 2 min old`);
    expect(m.menu[0]).toMatchObject({ label: `Net worth: ${PRIVACY_MASK}` });
    expect(JSON.stringify(m)).not.toContain('12,345');
    const privacy = m.menu.find((i) => i.type === 'checkbox' && i.label === 'Privacy mode');
    expect(privacy).toMatchObject({ checked: true, command: { type: 'set-privacy', privacy: false } });
  });

  it('stale after a failure: kept data marked stale with the reason, stale icon', () => {
    const m = trayModel(state({ status: 'stale', error: rateLimited }), FETCHED + 300_000, 'darwin', opts);
    expect(m.icon).toBe('stale');
    expect(m.title).toBe('⚠ 12,345.68 USDT');
    expect(m.tooltip).toBe(
      "Gate Glance: 12,345.68 USDT (estimated)\nStale, as of 14:32\nGate's rate limit was reached; it can be asked again in 30 seconds.",
    );
    expect(m.menu[0]).toMatchObject({ label: 'Net worth: 12,345.68 USDT · stale' });
  });

  it('live data past staleAt reads as stale even without an error (the machine slept)', () => {
    const m = trayModel(state(), FETCHED + 3 * 3600_000, 'darwin', opts);
    expect(m.icon).toBe('stale');
    expect(m.title.startsWith('⚠')).toBe(true);
    expect(m.menu[0]).toMatchObject({ label: 'Net worth: 12,345.68 USDT · stale' });
  });

  it('error without data: the message in tooltip and menu, error icon', () => {
    const error = appError('INVALID_KEY');
    const m = trayModel(state({ status: 'error', balance: null, error }), FETCHED, 'darwin', opts);
    expect(m.icon).toBe('error');
    expect(m.title).toBe('⚠');
    expect(m.tooltip).toBe('Gate Glance: no data\nGate does not recognise this API key.');
    expect(m.menu[0]).toMatchObject({ label: 'No data: Gate does not recognise this API key.', enabled: false });
  });

  it('loading: neutral icon, ellipsis title, refresh disabled while in flight', () => {
    const m = trayModel(state({ status: 'loading', balance: null, refreshing: true }), FETCHED, 'darwin', opts);
    expect(m.icon).toBe('idle');
    expect(m.title).toBe('…');
    expect(m.tooltip).toBe('Gate Glance: loading…');
    expect(m.menu[0]).toMatchObject({ label: 'Loading…' });
    expect(m.menu.find((i) => i.type === 'normal' && i.command?.type === 'refresh')).toMatchObject({
      label: 'Refreshing…',
      enabled: false,
    });
  });

  it('starting: while the keychain has not answered the tray says so at once, with nothing to refresh', () => {
    const checking = state({
      status: 'loading',
      balance: null,
      credentials: { stored: false, keyHint: null, keychainError: null, checking: true },
    });
    const m = trayModel(checking, FETCHED, 'darwin', opts);
    expect(m.title).toBe('…');
    expect(m.tooltip).toBe('Gate Glance: starting…');
    expect(m.icon).toBe('idle');
    expect(m.menu[0]).toMatchObject({ label: 'Starting…', enabled: false });
    const refresh = m.menu.find((i) => i.type === 'normal' && i.command?.type === 'refresh');
    expect(refresh).toMatchObject({ enabled: false });
    expect(labels(m.menu)).not.toContain('Try the demo');
    // Once it answers (no key: the demo), the same state function renders the data.
    const ready = trayModel(
      state({ demo: true, credentials: { stored: false, keyHint: null, keychainError: null, checking: false } }),
      FETCHED + 2_000,
      'darwin',
      opts,
    );
    expect(ready.menu[0]).toMatchObject({ label: expect.stringContaining('Demo net worth: 12,345.68 USDT') });
    expect(ready.tooltip).not.toContain('starting');
  });

  it('onboarding: no key stored, offers the demo, nothing to refresh', () => {
    const m = trayModel(
      state({ status: 'onboarding', balance: null, credentials: { stored: false, keyHint: null, keychainError: null, checking: false } }),
      FETCHED,
      'linux',
      opts,
    );
    expect(m.icon).toBe('idle');
    expect(m.menu[0]).toMatchObject({ label: 'No API key stored' });
    expect(labels(m.menu)).toContain('Try the demo');
    expect(m.menu.find((i) => i.type === 'normal' && i.command?.type === 'refresh')).toMatchObject({ enabled: false });
    expect(m.tooltip).toBe('Gate Glance: no API key stored');
  });

  it('demo: says so in title, tooltip and menu', () => {
    const m = trayModel(state({ demo: true }), FETCHED, 'darwin', opts);
    expect(m.title).toBe('Demo 12,345.68 USDT');
    expect(m.tooltip.startsWith('Gate Glance (demo data): 12,345.68 USDT')).toBe(true);
    expect(m.menu[0]).toMatchObject({ label: 'Demo net worth: 12,345.68 USDT' });
    expect(labels(m.menu)).not.toContain('Try the demo');
  });

  it('currency submenu: one radio per currency, the chosen one checked', () => {
    const m = trayModel(state({ currency: 'CNY' }), FETCHED, 'linux', opts);
    const sub = m.menu.find((i) => i.type === 'submenu');
    expect(sub?.type).toBe('submenu');
    if (sub?.type !== 'submenu') return;
    expect(sub.submenu.map((i) => (i.type === 'radio' ? [i.label, i.checked, i.command] : null))).toEqual([
      ['BTC', false, { type: 'set-currency', currency: 'BTC' }],
      ['CNY', true, { type: 'set-currency', currency: 'CNY' }],
      ['USD', false, { type: 'set-currency', currency: 'USD' }],
      ['USDT', false, { type: 'set-currency', currency: 'USDT' }],
    ]);
  });

  it('launch at login toggles to the opposite value', () => {
    const on = trayModel(state({ prefs: { ...DEFAULT_PREFERENCES, launchAtLogin: true } }), FETCHED, 'linux', opts);
    expect(on.menu.find((i) => i.type === 'checkbox' && i.label === 'Launch at login')).toMatchObject({
      checked: true,
      command: { type: 'set-launch-at-login', launchAtLogin: false },
    });
  });

  it('keeps the tooltip within the Windows limit', () => {
    const error = appError('SERVER_ERROR', { status: 503 }, 'x'.repeat(300));
    const m = trayModel(state({ status: 'stale', error }), FETCHED, 'win32', opts);
    expect(m.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_LENGTH);
    expect(m.tooltip.endsWith('…')).toBe(true);
  });

  describe('the 24-hour change', () => {
    const up: Change24h = {
      from: FETCHED - 86_400_000,
      fromTotal: '12000',
      amount: '345.678',
      percent: '+2.88',
      partial: false,
      direction: 1,
    };
    const down: Change24h = {
      from: Date.UTC(2026, 10, 25, 9, 14),
      fromTotal: '13000',
      amount: '-654.322',
      percent: '-5.03',
      partial: true,
      direction: -1,
    };

    it('tooltip and first menu line carry it next to the total: signed amount and percent, over 24 h', () => {
      const m = trayModel(state({ change24h: up }), FETCHED + 2_000, 'linux', opts);
      expect(m.tooltip).toBe('Gate Glance: 12,345.68 USDT (estimated)\n+345.68 USDT (+2.88 %) in 24 h\nas of 14:32, updated just now');
      expect(m.menu[0]).toMatchObject({ label: 'Net worth: 12,345.68 USDT (+2.88 % in 24 h)' });
    });

    it('a history shorter than a day says since when; a fall has its minus; stale data keeps its change', () => {
      const m = trayModel(state({ status: 'stale', error: rateLimited, change24h: down }), FETCHED + 300_000, 'linux', opts);
      expect(m.tooltip.split('\n').slice(0, 2)).toEqual(['Gate Glance: 12,345.68 USDT (estimated)', '-654.32 USDT (-5.03 %) since 09:14']);
      expect(m.menu[0]).toMatchObject({ label: 'Net worth: 12,345.68 USDT (-5.03 % since 09:14) · stale' });
    });

    it('no percent when the earlier total was zero or below: the signed amount instead; a change that rounds to zero has no sign', () => {
      const fromZero = trayModel(
        state({ change24h: { ...up, fromTotal: '0', amount: '12345.678', percent: null } }),
        FETCHED,
        'linux',
        opts,
      );
      expect(fromZero.tooltip.split('\n')[1]).toBe('+12,345.68 USDT in 24 h');
      expect(fromZero.menu[0]).toMatchObject({ label: 'Net worth: 12,345.68 USDT (+12,345.68 USDT in 24 h)' });
      const tiny = trayModel(state({ change24h: { ...down, amount: '-0.001', percent: '0.00', partial: false } }), FETCHED, 'linux', opts);
      expect(tiny.tooltip.split('\n')[1]).toBe('0.00 USDT (0.00 %) in 24 h');
    });

    it('the macOS title shows it only when the preference says so', () => {
      expect(trayModel(state({ change24h: up }), FETCHED, 'darwin', opts).title).toBe('12,345.68 USDT');
      const on = { ...DEFAULT_PREFERENCES, trayShowsChange: true };
      expect(trayModel(state({ change24h: up, prefs: on }), FETCHED, 'darwin', opts).title).toBe('12,345.68 USDT +2.88 %');
      expect(trayModel(state({ change24h: down, prefs: on, status: 'stale', error: rateLimited }), FETCHED, 'darwin', opts).title).toBe(
        '⚠ 12,345.68 USDT -5.03 %',
      );
      expect(trayModel(state({ change24h: up, prefs: on }), FETCHED, 'linux', opts).title).toBe('');
      expect(trayModel(state({ change24h: null, prefs: on }), FETCHED, 'darwin', opts).title).toBe('12,345.68 USDT');
    });

    it('privacy mode hides it everywhere (amount, percent, direction); demo data never shows one', () => {
      const hidden = trayModel(
        state({ change24h: down, prefs: { ...DEFAULT_PREFERENCES, privacy: true, trayShowsChange: true } }),
        FETCHED,
        'darwin',
        opts,
      );
      expect(hidden.title).toBe(PRIVACY_MASK);
      expect(hidden.tooltip).toBe(`Gate Glance: ${PRIVACY_MASK} (estimated)\nas of 14:32, updated just now`);
      expect(hidden.menu[0]).toMatchObject({ label: `Net worth: ${PRIVACY_MASK}` });
      expect(JSON.stringify(hidden)).not.toMatch(/5\.03|654|since/);
      const demo = trayModel(state({ demo: true, change24h: up }), FETCHED, 'linux', opts);
      expect(demo.tooltip).not.toContain('2.88');
    });
  });
});

describe('trayModel in Chinese', () => {
  it('speaks the state’s language: menu, tooltip and a 万 title on macOS', () => {
    const zh = state({ locale: { language: 'zh-CN', formatLocale: 'zh-CN' } });
    const model = trayModel(zh, FETCHED + 5_000, 'darwin', { timeZone: 'UTC' });
    expect(model.title).toBe('1.23万 USDT');
    expect(model.tooltip).toContain('Gate Glance：12,345.68 USDT（估算）');
    expect(labels(model.menu)).toContain('退出 Gate Glance');
    expect(labels(model.menu)).toContain('立即刷新');
    const tw = trayModel(state({ locale: { language: 'zh-TW', formatLocale: 'zh-TW' } }), FETCHED + 5_000, 'darwin', { timeZone: 'UTC' });
    expect(tw.title).toBe('1.23萬 USDT');
    expect(labels(tw.menu)).toContain('立即重新整理');
  });

  it('keeps the full figure in the title in English', () => {
    expect(trayModel(state(), FETCHED + 5_000, 'darwin', opts).title).toBe('12,345.68 USDT');
  });
});

describe('the tray menu and updates', () => {
  const withUpdate = (update: WidgetState['update']) => trayModel(widgetState({ update }), 0, 'linux').menu;
  const labels = (menu: readonly { type: string; label?: string }[]) => menu.filter((i) => i.type === 'normal').map((i) => i.label);

  it('offers "Check for updates" where the app updates, "Restart to update" once one is ready, and nothing in a build that never updates', () => {
    const base = { currentVersion: '0.1.0', lastCheckAt: null } as const;
    expect(labels(withUpdate({ ...base, mode: 'self', phase: { kind: 'idle' } }))).toContain('Check for updates');
    expect(labels(withUpdate({ ...base, mode: 'notify', phase: { kind: 'up-to-date' } }))).toContain('Check for updates');
    const ready = withUpdate({ ...base, mode: 'self', phase: { kind: 'ready', version: '0.2.0' } });
    expect(ready.find((i) => i.type === 'normal' && i.label === 'Restart to update')).toMatchObject({
      enabled: true,
      command: { type: 'restart-to-update' },
    });
    expect(labels(ready)).not.toContain('Check for updates');
    const checking = withUpdate({ ...base, mode: 'self', phase: { kind: 'checking' } });
    expect(checking.find((i) => i.type === 'normal' && i.label === 'Check for updates')).toMatchObject({ enabled: false });
    const none = labels(withUpdate({ ...base, mode: 'none', phase: { kind: 'idle' } }));
    expect(none.filter((l) => l === 'Check for updates' || l === 'Restart to update')).toEqual([]);
  });
});
