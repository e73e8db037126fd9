// A fake `window.glance`: the renderer's only boundary. Every method is a vi.fn answering a
// Result like the preload would; `push` plays main's `widget:state` pushes.
import { act } from '@testing-library/react';
import { vi, type Mock } from 'vitest';
import type { Result } from '../../../shared/errors.js';
import type { GlanceApi, InvokeMethod, WidgetState } from '../../../shared/ipc.js';
import type { HistoryPoint } from '../../../shared/balance.js';
import { historyView } from '../../../shared/history.js';
import { DIAGNOSTICS, T0 } from './fixtures.js';

type Methods = { [M in InvokeMethod]: Mock<GlanceApi[M]> };

/** The fake plus handles to drive it. */
export interface FakeGlance {
  readonly api: GlanceApi;
  readonly fns: Methods;
  /** Sends a state as main would (wrapped in act). */
  readonly push: (state: WidgetState) => void;
  readonly listenerCount: () => number;
}

function okResult<T>(value: T): Promise<Result<T>> {
  return Promise.resolve({ ok: true, value });
}

/**
 * Builds a fake answering `initial` to getState and success to everything else; `history:get`
 * answers core's own view of `history` for the asked range, ending at the newest point (or T0).
 */
export function createFakeGlance(initial: WidgetState, history: HistoryPoint[] = []): FakeGlance {
  const listeners = new Set<(s: WidgetState) => void>();
  let current = initial;
  const fns: Methods = {
    getState: vi.fn<GlanceApi['getState']>(() => okResult(current)),
    refresh: vi.fn<GlanceApi['refresh']>(() => okResult(null)),
    setCurrency: vi.fn<GlanceApi['setCurrency']>(() => okResult(null)),
    saveCredentials: vi.fn<GlanceApi['saveCredentials']>(() =>
      okResult({ status: { stored: true, keyHint: '…beef', keychainError: null }, notices: [], verified: true, keyHealth: null }),
    ),
    clearCredentials: vi.fn<GlanceApi['clearCredentials']>(() => okResult({ stored: false, keyHint: null, keychainError: null })),
    startDemo: vi.fn<GlanceApi['startDemo']>(() => okResult(null)),
    setPrefs: vi.fn<GlanceApi['setPrefs']>((patch) => okResult({ ...current.prefs, ...patch })),
    getHistory: vi.fn<GlanceApi['getHistory']>(({ currency, range }) =>
      okResult(
        historyView(
          history.filter((p) => p.currency === currency),
          range,
          { now: Math.max(T0, ...history.map((p) => p.at)) },
        ),
      ),
    ),
    exportHistoryCsv: vi.fn<GlanceApi['exportHistoryCsv']>(() => okResult({ saved: true, path: '/tmp/glance.csv' })),
    checkKeyHealth: vi.fn<GlanceApi['checkKeyHealth']>(() => okResult(current.keyHealth ?? { health: null, checking: false, error: null })),
    getHoldings: vi.fn<GlanceApi['getHoldings']>((request) =>
      okResult({
        account: request.account,
        currency: request.currency,
        amount: null,
        detail: false,
        rows: [],
        small: null,
        fetchedAt: null,
      }),
    ),
    hideWindow: vi.fn<GlanceApi['hideWindow']>(() => okResult(null)),
    openKeyPage: vi.fn<GlanceApi['openKeyPage']>(() => okResult(null)),
    openLoginItemSettings: vi.fn<GlanceApi['openLoginItemSettings']>(() => okResult(null)),
    getDiagnostics: vi.fn<GlanceApi['getDiagnostics']>(() => okResult(DIAGNOSTICS)),
    checkForUpdates: vi.fn<GlanceApi['checkForUpdates']>(() => okResult(null)),
    downloadUpdate: vi.fn<GlanceApi['downloadUpdate']>(() => okResult(null)),
    restartToUpdate: vi.fn<GlanceApi['restartToUpdate']>(() => okResult(null)),
    openReleasePage: vi.fn<GlanceApi['openReleasePage']>(() => okResult(null)),
    addGateAccount: vi.fn<GlanceApi['addGateAccount']>((input) =>
      okResult({
        profile: input.alias.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'key-2',
        status: { stored: true, keyHint: `…${input.key.slice(-4)}`, keychainError: null },
        notices: [],
        verified: input.verify,
        keyHealth: null,
      }),
    ),
    removeGateAccount: vi.fn<GlanceApi['removeGateAccount']>(() => okResult(null)),
    setGateAccount: vi.fn<GlanceApi['setGateAccount']>(({ profile, ...change }) =>
      okResult({
        ...current.prefs,
        gateAccounts: current.prefs.gateAccounts.map((a) => (a.profile === profile ? { ...a, ...change } : a)),
      }),
    ),
  };
  const api: GlanceApi = {
    ...fns,
    onState: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return {
    api,
    fns,
    push: (state) => {
      current = state;
      act(() => {
        for (const l of listeners) l(state);
      });
    },
    listenerCount: () => listeners.size,
  };
}
