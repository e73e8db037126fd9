// The tray menu is rebuilt only when one of its items changes: time passing changes the tooltip's
// age, never the menu (an open Linux menu would be redrawn under the pointer), until the data
// turns stale, which the menu does say once.
import { describe, expect, it } from 'vitest';
import type { WidgetState } from '../../../shared/ipc.js';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import { widgetState } from '../../../shared/testing/widget-state.js';
import type { TrayModel } from './tray-model.js';
import { trayChanges, trayModel } from './tray-model.js';

const FETCHED = Date.UTC(2026, 10, 25, 14, 32, 10);
const TICK_MS = 30_000;
const opts = { locale: 'en-US', timeZone: 'UTC' };

function live(overrides: Partial<WidgetState> = {}): WidgetState {
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

/** The changes at each tray tick from `from` to `to` (ms after FETCHED), as the tray renders them. */
function ticks(state: WidgetState, from: number, to: number, platform: NodeJS.Platform = 'linux') {
  const seen: { at: number; changes: ReturnType<typeof trayChanges> }[] = [];
  let shown: TrayModel | null = trayModel(state, FETCHED + from, platform, opts);
  for (let at = from + TICK_MS; at <= to; at += TICK_MS) {
    const next = trayModel(state, FETCHED + at, platform, opts);
    seen.push({ at, changes: trayChanges(shown, next) });
    shown = next;
  }
  return seen;
}

describe('trayChanges', () => {
  it('everything is new when nothing was shown', () => {
    expect(trayChanges(null, trayModel(live(), FETCHED, 'darwin', opts))).toEqual({ title: true, tooltip: true, icon: true, menu: true });
  });

  it('while the data stays fresh the ticks change the tooltip’s age only, never the menu or the title', () => {
    const seen = ticks(live(), 0, 170_000, 'darwin');
    expect(seen.filter((t) => t.changes.menu || t.changes.title || t.changes.icon)).toEqual([]);
    expect(seen.some((t) => t.changes.tooltip)).toBe(true);
  });

  it('the data turning stale changes the menu once, and then nothing for hours', () => {
    const seen = ticks(live(), 0, 3 * 3_600_000);
    const menuChanges = seen.filter((t) => t.changes.menu).map((t) => t.at);
    expect(menuChanges).toEqual([180_000]);
    expect(seen.find((t) => t.at === 180_000)?.changes).toMatchObject({ icon: true, menu: true });
  });

  it('a new answer with the same amount leaves the menu alone; a new amount, currency or preference rebuilds it', () => {
    const before = trayModel(live(), FETCHED + 10_000, 'linux', opts);
    const sameAmount = live({ balance: { ...live().balance!, fetchedAt: FETCHED + 60_000 }, nextRefreshAt: FETCHED + 120_000 });
    expect(trayChanges(before, trayModel(sameAmount, FETCHED + 61_000, 'linux', opts)).menu).toBe(false);
    const otherAmount = live({ balance: { ...live().balance!, total: { amount: '12400', unrealisedPnl: null, borrowed: null } } });
    expect(trayChanges(before, trayModel(otherAmount, FETCHED + 10_000, 'linux', opts)).menu).toBe(true);
    expect(trayChanges(before, trayModel(live({ currency: 'BTC' }), FETCHED + 10_000, 'linux', opts)).menu).toBe(true);
    const privacy = live({ prefs: { ...DEFAULT_PREFERENCES, privacy: true } });
    expect(trayChanges(before, trayModel(privacy, FETCHED + 10_000, 'linux', opts))).toMatchObject({ menu: true, tooltip: true });
    // A refresh in flight disables "Refresh now": an item's state is a change too.
    expect(trayChanges(before, trayModel(live({ refreshing: true }), FETCHED + 10_000, 'linux', opts)).menu).toBe(true);
  });
});
