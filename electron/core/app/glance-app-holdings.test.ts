// `holdings:get` through the app's IPC router: demo holdings shared out against the demo pie's
// figure, accounts without per-coin detail, a key without Spot read, and the total untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sumDecimals } from '../../../shared/decimal.js';
import type { Result } from '../../../shared/errors.js';
import { ok } from '../../../shared/errors.js';
import type { HoldingsView } from '../../../shared/holdings.js';
import type { WidgetState } from '../../../shared/ipc.js';
import { glanceHandlers } from '../ipc/handlers.js';
import { createIpcRouter } from '../ipc/router.js';
import { APP_ENTRY_URL, APP_ORIGIN } from '../ipc/sender.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { DEMO_PORTFOLIO } from '../simulator/portfolio.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { GlanceApp } from './glance-app.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const sender = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function setup(stored: boolean, spotRead = true) {
  const clock = new VirtualClock(Date.now());
  const simulator = createGateSimulator({
    keys: [{ key: KEY, secret: SECRET, permissions: { spot: spotRead } }],
    clock,
    portfolio: DEMO_PORTFOLIO,
  });
  const app = await GlanceApp.create({
    secretStore: new InMemorySecretStore(stored ? { key: KEY, secret: SECRET } : null),
    transportForAccount: createInProcessTransport(simulator),
    baseUrl: 'https://sim.invalid/api/v4',
    clock,
    dataDir: '/data',
    fs: new MemoryFileSystem(),
    shell: {
      openExternal: vi.fn(),
      chooseCsvPath: vi.fn(),
      setLaunchAtLogin: vi.fn(async (): Promise<Result<null>> => ok(null)),
      notify: vi.fn(),
    },
    random: () => 0,
    log: vi.fn(),
  });
  apps.push(app);
  const router = createIpcRouter(glanceHandlers(app, { hide: vi.fn() }), {
    trust: { trustedIds: new Set([1]), appOrigin: APP_ORIGIN },
    log: () => {},
  });
  const holdings = async (account: string, currency = 'USDT'): Promise<Result<HoldingsView>> =>
    (await router.dispatch('holdings:get', [{ account, currency }], sender)) as Result<HoldingsView>;
  const settle = async (): Promise<WidgetState> => {
    await app.whenIdle();
    await clock.flush();
    return app.whenIdle();
  };
  return { app, simulator, holdings, settle, clock };
}

describe('GlanceApp holdings:get', () => {
  it('answers the demo spot holdings, folded, adding up to exactly the demo pie slice', async () => {
    const { holdings, settle } = await setup(false);
    const state = await settle();
    expect(state.demo).toBe(true);
    const r = await holdings('spot');
    if (!r.ok) throw new Error(errorWords(ENGLISH, r.error).message);
    const view = r.value;
    expect([view.account, view.currency, view.amount, view.detail]).toEqual(['spot', 'USDT', '18452.73120045', true]);
    expect(view.rows.map((c) => c.coin)).toEqual(['BTC', 'ETH', 'USDT', 'GT', 'NMR', 'FTT', 'POINT']);
    expect(view.small).toEqual({ coins: ['DOGE', 'PEPE'], valueUsdt: '16.01', value: '16.01', share: '0.09' });
    expect(sumDecimals([...view.rows.flatMap((c) => (c.value ? [c.value] : [])), view.small?.value ?? '0'])).toBe('18452.73');
  });

  it('is as old as the total it adds up to: coins read after the refresh carry the refresh’s time', async () => {
    const { app, holdings, settle, clock } = await setup(true);
    const state = await settle();
    const refreshedAt = state.balance!.fetchedAt;
    await clock.advance(5_000);
    const spot = await holdings('spot');
    expect(spot.ok ? spot.value.fetchedAt : null).toBe(refreshedAt);
    // Coins still cached from before a later refresh are the older part, so their time is the view's.
    await clock.advance(20_000);
    await app.refresh();
    const later = await settle();
    expect(later.balance!.fetchedAt).toBeGreaterThan(refreshedAt);
    const again = await holdings('spot');
    expect(again.ok ? again.value.fetchedAt : null).toBe(refreshedAt + 5_000);
    // In another currency than the snapshot's, nothing is shared out against it: the coins' own time.
    const btc = await holdings('spot', 'BTC');
    expect(btc.ok ? [btc.value.amount, btc.value.fetchedAt] : null).toEqual([null, refreshedAt + 5_000]);
  });

  it('answers "no per-coin detail" with the account total for other accounts', async () => {
    const { holdings, settle } = await setup(false);
    await settle();
    const r = await holdings('margin');
    expect(r).toEqual({
      ok: true,
      value: { account: 'margin', currency: 'USDT', amount: '1204.5', detail: false, rows: [], small: null, fetchedAt: null },
    });
  });

  it("a key without Spot read gets the permission's name; the total stays live and unchanged", async () => {
    const { holdings, settle, app, simulator } = await setup(true, false);
    const before = await settle();
    expect([before.demo, before.status]).toEqual([false, 'live']);
    const totals = simulator.log.filter((e) => e.path.endsWith('/total_balance')).length;
    const r = await holdings('spot');
    expect(r.ok ? null : [r.error.code, errorWords(ENGLISH, r.error).message]).toEqual([
      'FORBIDDEN',
      "This key lacks the Spot (read) permission, so Gate does not list this account's coins.",
    ]);
    const futures = await holdings('futures');
    expect(futures.ok).toBe(true);
    expect(app.getState()).toMatchObject({ status: 'live', error: null, balance: before.balance });
    expect(simulator.log.filter((e) => e.path.endsWith('/total_balance')).length).toBe(totals);
  });
});
