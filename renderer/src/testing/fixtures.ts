// Test data: Gate's documented example turned into a BalanceSnapshot, edge snapshots and a
// WidgetState builder with sensible defaults.
import type { Diagnostics } from '../../../shared/diagnostics.js';
import type { AccountEntry, BalanceSnapshot, Currency } from '../../../shared/balance.js';
import { sumDecimals } from '../../../shared/decimal.js';
import { GATE_EXAMPLE_BODY } from '../../../shared/testing/gate-example.js';
import type { WidgetState } from '../../../shared/ipc.js';
import { widgetState } from '../../../shared/testing/widget-state.js';

/** A fixed instant: 2026-11-25 14:05:09 UTC. */
export const T0 = Date.UTC(2026, 10, 25, 14, 5, 9);

interface RawEntry {
  amount: string;
  currency: string;
  unrealised_pnl?: string;
  borrowed?: string;
}

/** Gate's documented example body as our snapshot (what main would send). */
export function gateExampleSnapshot(fetchedAt = T0): BalanceSnapshot {
  const raw = JSON.parse(GATE_EXAMPLE_BODY) as { details: Record<string, RawEntry>; total: RawEntry };
  const accounts: AccountEntry[] = Object.entries(raw.details).map(([name, d]) => ({
    name,
    amount: d.amount,
    unrealisedPnl: d.unrealised_pnl ?? null,
    borrowed: d.borrowed ?? null,
  }));
  return {
    currency: 'USDT',
    total: {
      amount: raw.total.amount,
      unrealisedPnl: raw.total.unrealised_pnl ?? null,
      borrowed: raw.total.borrowed ?? null,
    },
    accounts,
    fetchedAt,
  };
}

/** A snapshot from [name, amount] pairs; the total is their exact sum. */
export function snapshotOf(pairs: readonly (readonly [string, string])[], currency: Currency = 'USDT', fetchedAt = T0): BalanceSnapshot {
  return {
    currency,
    total: { amount: sumDecimals(pairs.map(([, a]) => a)), unrealisedPnl: null, borrowed: null },
    accounts: pairs.map(([name, amount]) => ({ name, amount, unrealisedPnl: null, borrowed: null })),
    fetchedAt,
  };
}

/** A WidgetState: live Gate example by default, overridable field by field. */
export function makeState(overrides: Partial<WidgetState> = {}): WidgetState {
  const balance = overrides.balance === undefined ? gateExampleSnapshot() : overrides.balance;
  return widgetState({
    status: 'live',
    currency: balance?.currency ?? 'USDT',
    balance,
    nextRefreshAt: T0 + 60_000,
    staleAt: T0 + 180_000,
    credentials: { stored: true, keyHint: '…a1b2', keychainError: null, checking: false },
    ...overrides,
  });
}

/** What Settings' Diagnostics shows: no tray host on GNOME, the rest well. */
export const DIAGNOSTICS: Diagnostics = {
  trayHost: { status: 'absent', hint: 'tray-host-gnome' },
  keychain: { status: 'ok', hint: null },
  dataDir: { path: '/home/u/.config/gate-glance', status: 'ok', hint: null },
  gate: { status: 'ok', clockSkewMs: 420, hint: null },
  proxy: { url: null },
};
