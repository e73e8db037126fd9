// The tray once more than the first key's own account is counted (WidgetState.portfolio): the
// combined figure, or the source Settings chose, and what it counts in words.
import { describe, expect, it } from 'vitest';
import type { Change24h } from '../../../shared/change.js';
import { appError } from '../../../shared/errors.js';
import type { WidgetState } from '../../../shared/ipc.js';
import type { Source } from '../../../shared/portfolio.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/prefs.js';
import { PRIVACY_MASK } from '../../../shared/present/amounts.js';
import { wordsFor } from '../../../shared/present/languages.js';
import { widgetState } from '../../../shared/testing/widget-state.js';
import { keySourceOf, portfolioOf, subSourceOf } from '../testing/portfolio-state.js';
import { trayModel } from './tray-model.js';

const FETCHED = Date.UTC(2026, 10, 25, 14, 32, 10);
const opts = { locale: 'en-US', timeZone: 'UTC' };

const MAIN = keySourceOf('default', '1000', { name: 'Main', fetchedAt: FETCHED });
const SUBS = ['11', '12', '13'].map((uid) => subSourceOf(uid, '10', { fetchedAt: FETCHED }));
const FAMILY = keySourceOf('family', '500', { name: 'Family', fetchedAt: FETCHED });

const up: Change24h = { from: FETCHED - 86_400_000, fromTotal: '1200', amount: '330', percent: '+27.50', partial: false, direction: 1 };
const accountUp: Change24h = { ...up, fromTotal: '900', amount: '100', percent: '+11.11' };

function state(sources: readonly Source[], prefs: Partial<Preferences> = {}, extra: Partial<WidgetState> = {}): WidgetState {
  return widgetState({
    status: 'live',
    balance: {
      currency: 'USDT',
      total: { amount: '1000', unrealisedPnl: null, borrowed: null },
      accounts: [{ name: 'spot', amount: '1000', unrealisedPnl: null, borrowed: null }],
      fetchedAt: FETCHED,
    },
    change24h: accountUp,
    nextRefreshAt: FETCHED + 60_000,
    staleAt: FETCHED + 180_000,
    credentials: { stored: true, keyHint: '…a1b2', keychainError: null, checking: false },
    portfolio: portfolioOf(sources, { change24h: up }),
    prefs: { ...DEFAULT_PREFERENCES, ...prefs },
    ...extra,
  });
}

describe('trayModel with a portfolio', () => {
  it('shows the combined figure and names what it includes', () => {
    const m = trayModel(state([MAIN, ...SUBS, FAMILY]), FETCHED + 2_000, 'darwin', opts);
    expect(m.title).toBe('1,530.00 USDT');
    // Windows cuts at 127 characters: the change goes last (the title and the menu have it).
    expect(m.tooltip.length).toBeLessThanOrEqual(127);
    const lines = m.tooltip.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Gate Glance: 1,530.00 USDT (estimated)',
      'Includes Main + 3 sub-accounts (estimated) + Family',
      'as of 14:32, updated just now',
    ]);
    expect(lines[3]).toMatch(/^\+330\..*…$/);
    expect(m.menu[0]).toMatchObject({ label: 'Net worth: 1,530.00 USDT (+27.50 % in 24 h)' });
    expect(m.icon).toBe('live');
  });

  it("puts the combined change in the title when asked, never the first key's own", () => {
    const m = trayModel(state([MAIN, FAMILY], { trayShowsChange: true }), FETCHED, 'darwin', opts);
    expect(m.title).toBe('1,500.00 USDT +27.50 %');
    const none = trayModel(
      state([MAIN, FAMILY], { trayShowsChange: true }, { portfolio: portfolioOf([MAIN, FAMILY]) }),
      FETCHED,
      'darwin',
      opts,
    );
    expect(none.title).toBe('1,500.00 USDT');
  });

  it('marks a combined figure holding a stale source, in the title and in words', () => {
    const stale = { ...FAMILY, status: 'stale' as const, fetchedAt: FETCHED - 600_000, error: appError('NETWORK') };
    const m = trayModel(state([MAIN, stale]), FETCHED + 2_000, 'darwin', opts);
    expect(m.title).toBe('⚠ 1,500.00 USDT');
    expect(m.tooltip.split('\n').slice(0, 4)).toEqual([
      'Gate Glance: 1,500.00 USDT (estimated)',
      'Includes Main + Family',
      'Includes stale data: Family',
      'Stale, as of 14:22',
    ]);
    // Without the change, everything it says fits in Windows' 127 characters.
    expect(trayModel(state([MAIN, stale], {}, { portfolio: portfolioOf([MAIN, stale]) }), FETCHED, 'linux', opts).tooltip).toBe(
      'Gate Glance: 1,500.00 USDT (estimated)\nIncludes Main + Family\nIncludes stale data: Family\nStale, as of 14:22',
    );
    expect(m.menu[0]).toMatchObject({ label: 'Net worth: 1,500.00 USDT (+27.50 % in 24 h) · stale' });
    // The icon follows the app's own refresh, which is live.
    expect(m.icon).toBe('live');
  });

  it('says which source is not counted when one has no total', () => {
    const m = trayModel(state([MAIN, keySourceOf('family', null, { name: 'Family' })]), FETCHED + 2_000, 'linux', opts);
    expect(m.tooltip.split('\n').slice(0, 3)).toEqual([
      'Gate Glance: 1,000.00 USDT (estimated)',
      // A source with no figure is not said to be included; the next line names it.
      'Includes Main',
      'Not counted, no data: Family',
    ]);
  });

  it('shows the source prefs.traySource names, with its name, and falls back to the combined figure once it is gone', () => {
    const family = trayModel(state([MAIN, ...SUBS, FAMILY], { traySource: 'key:family' }), FETCHED + 2_000, 'darwin', opts);
    expect(family.title).toBe('500.00 USDT');
    expect(family.tooltip).toBe('Gate Glance: 500.00 USDT (estimated)\nOnly Family\nas of 14:32, updated just now');
    const sub = trayModel(state([MAIN, ...SUBS], { traySource: 'sub:default:12' }), FETCHED + 2_000, 'darwin', opts);
    expect(sub.title).toBe('10.00 USDT');
    expect(sub.tooltip.split('\n')[1]).toBe('Only bot12 (sub-account, estimated)');
    // The first key's own account keeps the account's own change.
    const main = trayModel(state([MAIN, FAMILY], { traySource: 'key:default', trayShowsChange: true }), FETCHED, 'darwin', opts);
    expect(main.title).toBe('1,000.00 USDT +11.11 %');
    const gone = trayModel(state([MAIN, FAMILY], { traySource: 'key:removed' }), FETCHED + 2_000, 'darwin', opts);
    expect(gone.title).toBe('1,500.00 USDT');
    expect(gone.tooltip.split('\n')[1]).toBe('Includes Main + Family');
  });

  it('names a chosen source without a total and why, with no amount', () => {
    const broken = keySourceOf('family', null, { name: 'Family', error: appError('FORBIDDEN') });
    const m = trayModel(state([MAIN, broken], { traySource: 'key:family' }), FETCHED + 2_000, 'darwin', opts);
    expect(m.title).toBe('');
    const lines = m.tooltip.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Gate Glance: no data', 'Only Family']);
    expect(lines).toHaveLength(3);
  });

  it('hides every amount in privacy mode, the change included', () => {
    const m = trayModel(state([MAIN, ...SUBS, FAMILY], { privacy: true, trayShowsChange: true }), FETCHED + 2_000, 'darwin', opts);
    expect(m.title).toBe(PRIVACY_MASK);
    for (const text of [m.title, m.tooltip, ...m.menu.map((i) => ('label' in i ? i.label : ''))]) {
      expect(text).not.toMatch(/1,530|330|27\.5|500|1,000/);
    }
    expect(m.tooltip.split('\n')[1]).toBe('Includes Main + 3 sub-accounts (estimated) + Family');
  });

  it('says it in Chinese', () => {
    for (const [locale, line] of [
      ['zh-CN', '包含：Main + 3 个子账户（估算） + Family'],
      ['zh-TW', '包含：Main + 3 個子帳戶（估算） + Family'],
    ] as const) {
      const m = trayModel(state([MAIN, ...SUBS, FAMILY]), FETCHED, 'linux', {
        words: wordsFor({ language: locale, formatLocale: 'en-US' }),
        timeZone: 'UTC',
      });
      expect(m.tooltip.split('\n')[1]).toBe(line);
    }
    expect(trayModel(state([MAIN, SUBS[0]!]), FETCHED, 'linux', opts).tooltip).toContain('Main + 1 sub-account (estimated)');
  });

  it('without a portfolio, reads the balance exactly as before', () => {
    const m = trayModel(state([], {}, { portfolio: null }), FETCHED + 2_000, 'darwin', opts);
    expect(m.title).toBe('1,000.00 USDT');
    expect(m.tooltip).toBe('Gate Glance: 1,000.00 USDT (estimated)\n+100.00 USDT (+11.11 %) in 24 h\nas of 14:32, updated just now');
  });
});
