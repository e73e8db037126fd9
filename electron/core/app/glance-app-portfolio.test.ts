/**
 * The app reading every account: the first key (the BalanceService's snapshot), another Gate
 * account's key, a sub-account's own key and the first key's sub-accounts, each read through the
 * real GateClient from the simulator, combined exactly; added, changed and removed through the IPC
 * router; no secret anywhere in what leaves main.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Currency } from '../../../shared/balance.js';
import { CURRENCIES } from '../../../shared/balance.js';
import { subtractDecimals, sumDecimals } from '../../../shared/decimal.js';
import type { Result } from '../../../shared/errors.js';
import { ok } from '../../../shared/errors.js';
import type { InvokeChannel, WidgetState } from '../../../shared/ipc.js';
import type { PortfolioState } from '../../../shared/portfolio.js';
import type { Credentials, Transport } from '../gate/types.js';
import { glanceHandlers } from '../ipc/handlers.js';
import { createIpcRouter } from '../ipc/router.js';
import { APP_ENTRY_URL, APP_ORIGIN } from '../ipc/sender.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import type { SimPortfolio, SimSubAccount } from '../simulator/portfolio.js';
import { convertAmount, DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS, GATE_EXAMPLE_PORTFOLIO, totalBalanceBody } from '../simulator/portfolio.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { expectNoSecret } from '../testing/secret-leak.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { GlanceApp, profileNameFor } from './glance-app.js';

const MAIN: Credentials = { key: '0123456789abcdef0123456789abcdef', secret: 'fedcba9876543210'.repeat(4) };
const FAMILY: Credentials = { key: '11112222333344445555666677778888', secret: '9a8b7c6d5e4f3a2b'.repeat(4) };
/** grid_bot's own key (DEMO_SUB_ACCOUNTS[0], user 20001). */
const GRID: Credentials = { key: 'aaaabbbbccccddddeeeeffff00001111', secret: '0f1e2d3c4b5a6978'.repeat(4) };
/** The family account's next key, after the first was revoked and replaced from the terminal (`login --profile family`). */
const FAMILY_NEXT: Credentials = { key: '99990000aaaabbbbccccddddeeeeffff', secret: '1a2b3c4d5e6f7081'.repeat(4) };
const FAMILY_UID = 50001;
const sender = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

/** Gate's total of a simulated portfolio in `currency`. */
function gateTotal(portfolio: SimPortfolio, currency: Currency): string {
  return (totalBalanceBody(portfolio, currency) as { total: { amount: string } }).total.amount;
}

/** A sub-account's worth as we value it: Gate's total with the futures' unrealised PnL (equity). */
function subTotal(sub: SimSubAccount, currency: Currency): string {
  const total = (totalBalanceBody(sub.portfolio, 'USDT') as { total: { amount: string; unrealised_pnl: string } }).total;
  return convertAmount(sumDecimals([total.amount, total.unrealised_pnl]), currency);
}

async function setup(options: { timeoutMs?: number; fs?: MemoryFileSystem } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 2, 1));
  const main = createGateSimulator({
    keys: [MAIN, { ...GRID, userId: DEMO_SUB_ACCOUNTS[0]!.userId }],
    clock,
    portfolio: DEMO_PORTFOLIO,
    subAccounts: DEMO_SUB_ACCOUNTS,
  });
  // Another Gate account altogether: its own server state, so a fault there touches no other key.
  const family = createGateSimulator({ keys: [{ ...FAMILY, userId: FAMILY_UID, portfolio: GATE_EXAMPLE_PORTFOLIO }], clock });
  const toMain = createInProcessTransport(main);
  const toFamily = createInProcessTransport(family);
  /** Each signed request's local time, key and path, in order. */
  const sent: { readonly at: number; readonly key: string | null; readonly path: string }[] = [];
  const transport: Transport = (request) => {
    const key = request.headers['KEY'] ?? null;
    sent.push({ at: clock.now(), key, path: new URL(request.url).pathname });
    return (key === FAMILY.key || key === FAMILY_NEXT.key ? toFamily : toMain)(request);
  };
  const stores = new Map<string, InMemorySecretStore>();
  const log = vi.fn();
  const fs = options.fs ?? new MemoryFileSystem();
  const app = await GlanceApp.create({
    secretStore: new InMemorySecretStore(MAIN),
    secretStoreFor: (profile) => {
      const store = new InMemorySecretStore(null);
      stores.set(profile, store);
      return store;
    },
    transportForAccount: transport,
    baseUrl: 'https://sim.invalid/api/v4',
    clock,
    dataDir: '/data',
    fs,
    shell: {
      openExternal: async () => {},
      chooseCsvPath: async () => null,
      setLaunchAtLogin: async (): Promise<Result<null>> => ok(null),
      notify: () => {},
    },
    random: () => 0,
    log,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  apps.push(app);
  const pushes: WidgetState[] = [];
  app.subscribe((s) => pushes.push(s));
  const router = createIpcRouter(glanceHandlers(app, { hide: () => {} }), {
    trust: { trustedIds: new Set([1]), appOrigin: APP_ORIGIN },
    log: () => {},
  });
  const call = (channel: InvokeChannel, ...args: unknown[]) => router.dispatch(channel, args, sender);
  /** Lets every schedule due within `ms` run, then waits for what it started. */
  const run = async (ms = 10_000): Promise<WidgetState> => {
    await app.whenIdle();
    await clock.advance(ms);
    return app.whenIdle();
  };
  return { app, clock, main, family, sent, stores, fs, log, pushes, call, run };
}

type World = Awaited<ReturnType<typeof setup>>;

/** The first key with its sub-accounts, another account (Family) and grid_bot's own key, all added through the router. */
async function everyAccount(world: World): Promise<void> {
  await world.run();
  expect(await world.call('accounts:add', { ...FAMILY, verify: true, alias: 'Family' })).toMatchObject({
    ok: true,
    value: { profile: 'family', verified: true },
  });
  expect(await world.call('accounts:add', { ...GRID, verify: true, alias: 'Grid bot' })).toMatchObject({
    ok: true,
    value: { profile: 'grid-bot' },
  });
  expect(await world.call('accounts:set', { profile: 'default', alias: 'Main', includeSubAccounts: true })).toMatchObject({ ok: true });
  await world.run();
}

function portfolioOf(state: WidgetState): PortfolioState {
  if (state.portfolio === null) throw new Error('no portfolio');
  return state.portfolio;
}

describe('GlanceApp with every account', () => {
  it('a single key without sub-accounts has no portfolio, and lists the first key', async () => {
    const world = await setup();
    const state = await world.run();
    expect(state.portfolio).toBeNull();
    expect(state.balance?.total.amount).toBe(gateTotal(DEMO_PORTFOLIO, state.currency));
    expect(state.gateAccounts).toEqual([
      { profile: 'default', alias: 'default', keyHint: '…cdef', includeSubAccounts: false, subAccounts: null },
    ]);
    // Nothing but the first key's own reads.
    expect(new Set(world.sent.map((s) => s.key))).toEqual(new Set([MAIN.key]));
  });

  it('is exact in all four currencies: Gate’s figure per key, the sub-accounts valued, grid_bot counted once as its own key', async () => {
    const world = await setup();
    await everyAccount(world);
    for (const currency of CURRENCIES) {
      expect(await world.call('currency:set', currency)).toMatchObject({ ok: true });
      const portfolio = portfolioOf(await world.run());
      expect(portfolio.currency).toBe(currency);
      expect(portfolio.sources.map((s) => [s.id, s.name, s.status])).toEqual([
        ['key:default', 'Main', 'ok'],
        ['sub:default:20002', 'hedge_cm', 'ok'],
        ['key:family', 'Family', 'ok'],
        ['key:grid-bot', 'Grid bot', 'ok'],
      ]);
      const [own, hedge, family, grid] = portfolio.sources;
      expect(own?.total?.amount).toBe(gateTotal(DEMO_PORTFOLIO, currency));
      expect(own?.uid).toBe('10001');
      expect(hedge?.total?.amount).toBe(subTotal(DEMO_SUB_ACCOUNTS[1]!, currency));
      expect(family?.total?.amount).toBe(gateTotal(GATE_EXAMPLE_PORTFOLIO, currency));
      expect(family?.uid).toBe(String(FAMILY_UID));
      expect(grid?.total?.amount).toBe(gateTotal(DEMO_SUB_ACCOUNTS[0]!.portfolio, currency));
      expect(portfolio.combined).toEqual({
        currency,
        amount: sumDecimals([
          gateTotal(DEMO_PORTFOLIO, currency),
          subTotal(DEMO_SUB_ACCOUNTS[1]!, currency),
          gateTotal(GATE_EXAMPLE_PORTFOLIO, currency),
          gateTotal(DEMO_SUB_ACCOUNTS[0]!.portfolio, currency),
        ]),
        partial: true,
        estimated: true,
        stale: false,
      });
    }
  });

  it('lists every key with its hint and the first key’s sub-accounts, then removes one with its keychain entry', async () => {
    const world = await setup();
    await everyAccount(world);
    expect(await world.call('accounts:set', { profile: 'default', excludedSubAccounts: ['20002'] })).toMatchObject({ ok: true });
    const state = await world.run();
    expect(state.gateAccounts).toEqual([
      {
        profile: 'default',
        alias: 'Main',
        keyHint: '…cdef',
        includeSubAccounts: true,
        subAccounts: [
          { uid: '20001', name: 'grid_bot', included: true },
          { uid: '20002', name: 'hedge_cm', included: false },
        ],
      },
      { profile: 'family', alias: 'Family', keyHint: '…8888', includeSubAccounts: false, subAccounts: null },
      { profile: 'grid-bot', alias: 'Grid bot', keyHint: '…1111', includeSubAccounts: false, subAccounts: null },
    ]);
    // An excluded sub-account is not counted.
    expect(portfolioOf(state).sources.map((s) => s.id)).toEqual(['key:default', 'key:family', 'key:grid-bot']);
    expect(await world.stores.get('family')?.get()).toMatchObject({ ok: true, value: FAMILY });

    expect(await world.call('accounts:remove', 'family')).toEqual({ ok: true, value: null });
    expect(await world.stores.get('family')?.get()).toEqual({ ok: true, value: null });
    const after = await world.run();
    expect(after.gateAccounts.map((a) => a.profile)).toEqual(['default', 'grid-bot']);
    expect(after.prefs.gateAccounts.map((a) => a.profile)).toEqual(['default', 'grid-bot']);
    expect(portfolioOf(after).sources.map((s) => s.id)).toEqual(['key:default', 'key:grid-bot']);
    // Changing or removing a profile no longer listed is a named refusal; the first key is removed by credentials:clear.
    expect(await world.call('accounts:set', { profile: 'family', alias: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', params: { reason: 'unknown-profile' } },
    });
    expect(await world.call('accounts:remove', 'default')).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    // Switching the sub-accounts off and removing the last key: the app is back to one key, no portfolio.
    await world.call('accounts:set', { profile: 'default', includeSubAccounts: false });
    await world.call('accounts:remove', 'grid-bot');
    expect((await world.run()).portfolio).toBeNull();
  });

  it('refuses a pair Gate refuses, or one that can trade, exactly as the first key’s save, and adds nothing', async () => {
    const world = await setup();
    await world.run();
    const wrong = await world.call('accounts:add', { key: FAMILY.key, secret: '0'.repeat(64), verify: true, alias: 'Family' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_SIGNATURE' } });
    world.family.setKeys([{ ...FAMILY, userId: FAMILY_UID, portfolio: GATE_EXAMPLE_PORTFOLIO, writePermissions: ['spot'] }]);
    const writer = await world.call('accounts:add', { ...FAMILY, verify: true, alias: 'Family' });
    expect(writer).toMatchObject({ ok: false, error: { code: 'KEY_CAN_WRITE' } });
    const malformed = await world.call('accounts:add', { key: 'short', secret: FAMILY.secret, verify: false, alias: 'Family' });
    expect(malformed).toMatchObject({ ok: false });
    const state = await world.run();
    expect(state.prefs.gateAccounts).toEqual([]);
    expect(state.portfolio).toBeNull();
    for (const store of world.stores.values()) expect(await store.get()).toEqual({ ok: true, value: null });
  });

  it('makes unique profile names from aliases', () => {
    expect(profileNameFor('Family', ['default'])).toBe('family');
    expect(profileNameFor('Family', ['default', 'family'])).toBe('family-2');
    expect(profileNameFor('Ma Société 2', ['default'])).toBe('ma-societe-2');
    expect(profileNameFor('家人', ['default'])).toBe('key-2');
    expect(profileNameFor('家人', ['default', 'key-2'])).toBe('key-3');
    expect(profileNameFor('default', ['default'])).toBe('default-2');
  });

  it('never asks Gate for two keys in the same instant: each other key on its own phase of the interval', async () => {
    const world = await setup();
    await everyAccount(world);
    const from = world.sent.length;
    await world.run(60 * 60_000);
    const totals = world.sent.slice(from).filter((s) => s.path.endsWith('/wallet/total_balance'));
    const byKey = new Map<string, number[]>();
    for (const s of totals) byKey.set(s.key ?? '', [...(byKey.get(s.key ?? '') ?? []), s.at]);
    // Every key keeps within its own budget: about one total a minute (the first key's USDT total for the rate besides).
    for (const key of [FAMILY.key, GRID.key]) expect(byKey.get(key)?.length).toBeGreaterThanOrEqual(59);
    for (const key of [FAMILY.key, GRID.key]) expect(byKey.get(key)?.length).toBeLessThanOrEqual(61);
    // No instant carries two keys' signed requests (public ones, the tickers, count against no key).
    const instants = new Map<number, Set<string | null>>();
    for (const s of world.sent.slice(from).filter((r) => r.key !== null)) instants.set(s.at, (instants.get(s.at) ?? new Set()).add(s.key));
    for (const [at, keys] of instants) expect(keys.size, `two keys at ${at}: ${[...keys].join(' ')}`).toBe(1);
    // Whose account each key is was asked once per key (in everyAccount), never again.
    expect(world.sent.slice(from).filter((r) => r.path.endsWith('/account/detail') && r.key !== MAIN.key)).toEqual([]);
    // The other keys are a third of the interval apart.
    const family = byKey.get(FAMILY.key) ?? [];
    const grid = byKey.get(GRID.key) ?? [];
    expect(grid[5]! - family[5]!).toBe(20_000);
  });

  it('keeps the others live when one key fails (permission, 429, malformed, timeout): its last total stale, the combined figure marked', async () => {
    const world = await setup({ timeoutMs: 300 });
    await everyAccount(world);
    const good = portfolioOf(world.app.getState());
    const faults: [() => void, string][] = [
      [() => world.family.setFault({ kind: 'rate-limit' }), 'RATE_LIMITED'],
      [() => world.family.setFault({ kind: 'malformed-json' }), 'BAD_RESPONSE'],
      [() => world.family.setFault({ kind: 'hang' }), 'TIMEOUT'],
      [
        () => world.family.setKeys([{ ...FAMILY, userId: FAMILY_UID, portfolio: GATE_EXAMPLE_PORTFOLIO, permissions: { wallet: false } }]),
        'FORBIDDEN',
      ],
    ];
    for (const [fault, code] of faults) {
      fault();
      await world.run(70_000);
      world.family.releaseHanging();
      const portfolio = portfolioOf(await world.run(0));
      const family = portfolio.sources.find((s) => s.id === 'key:family');
      expect(family, code).toMatchObject({
        status: 'stale',
        error: { code },
        total: good.sources.find((s) => s.id === 'key:family')?.total,
      });
      for (const other of portfolio.sources.filter((s) => s.id !== 'key:family'))
        expect(other.status, `${other.id} with ${code}`).toBe('ok');
      expect(portfolio.combined).toMatchObject({ stale: true, amount: good.combined.amount });
      expect(world.app.getState().status).toBe('live');
      expect(world.app.getState().error).toBeNull();
      if (code === 'FORBIDDEN') {
        // A refused key is not asked again on its own: only once something changes (here "Refresh").
        const refusedAt = world.sent.length;
        await world.run(10 * 60_000);
        expect(world.sent.slice(refusedAt).filter((r) => r.key === FAMILY.key)).toEqual([]);
      }
      world.family.setFault(null);
      world.family.setKeys([{ ...FAMILY, userId: FAMILY_UID, portfolio: GATE_EXAMPLE_PORTFOLIO }]);
      if (code === 'FORBIDDEN') await world.app.refresh();
      await world.run(130_000);
      expect(portfolioOf(world.app.getState()).combined.stale, `${code} recovered`).toBe(false);
    }
  });

  it('a listed key whose keychain entry is missing is that source’s error, never the app’s', async () => {
    const first = await setup();
    await everyAccount(first);
    first.app.dispose();
    // The same preferences, a keychain that holds only the first key (the entries were removed outside the app).
    const world = await setup({ fs: first.fs });
    const portfolio = portfolioOf(await world.run());
    expect(portfolio.sources.map((s) => [s.id, s.status, s.error?.code ?? null])).toEqual([
      ['key:default', 'ok', null],
      ['sub:default:20001', 'ok', null],
      ['sub:default:20002', 'ok', null],
      ['key:family', 'error', 'MISSING_CREDENTIALS'],
      ['key:grid-bot', 'error', 'MISSING_CREDENTIALS'],
    ]);
    expect(portfolio.combined).toMatchObject({ partial: true, stale: false });
    expect(world.app.getState()).toMatchObject({ status: 'live', error: null });
    expect(world.app.getState().gateAccounts.map((a) => [a.profile, a.keyHint])).toEqual([
      ['default', '…cdef'],
      ['family', null],
      ['grid-bot', null],
    ]);
  });

  it('opens another key’s account holdings through its own key, and a sub-account’s coins from its key’s sub-account balances', async () => {
    const world = await setup();
    await everyAccount(world);
    const currency = world.app.getState().currency;
    const spot = await world.call('holdings:get', { account: 'spot', currency, source: 'key:family' });
    expect(spot).toMatchObject({ ok: true, value: { account: 'spot' } });
    const sub = await world.call('holdings:get', { account: 'spot', currency: 'USDT', source: 'sub:default:20002' });
    // hedge_cm holds 0.01 BTC in spot (950 USDT at the simulator's BTC_USDT).
    expect(sub).toMatchObject({ ok: true, value: { account: 'spot', detail: true, rows: [{ coin: 'BTC', quantity: '0.01' }] } });
    const margin = await world.call('holdings:get', { account: 'cross_margin', currency: 'USDT', source: 'sub:default:20002' });
    expect(margin).toMatchObject({ ok: true, value: { account: 'cross_margin', detail: false } });
    const unknown = await world.call('holdings:get', { account: 'spot', currency, source: 'key:nobody' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', params: { reason: 'unknown-source' } } });
  });

  it('stops every schedule on pause and dispose (no timer left), and reads again, spread, on resume', async () => {
    const world = await setup();
    await everyAccount(world);
    world.app.pause();
    const paused = world.sent.length;
    await world.clock.advance(10 * 60_000);
    expect(world.sent.slice(paused).filter((s) => s.key === FAMILY.key || s.key === GRID.key)).toEqual([]);
    world.app.resume();
    await world.run(10_000);
    expect(world.sent.slice(paused).some((s) => s.key === FAMILY.key)).toBe(true);
    world.app.dispose();
    expect(world.clock.pendingTimers).toBe(0);
  });

  it('never lets a secret out: not in any state, reply or log', async () => {
    const world = await setup();
    await everyAccount(world);
    const replies = [
      await world.call('accounts:add', { key: FAMILY.key, secret: '0'.repeat(64), verify: true, alias: 'Again' }),
      await world.call('accounts:set', { profile: 'family', alias: 'Fam' }),
      await world.call('accounts:remove', 'grid-bot'),
    ];
    await world.run();
    expectNoSecret([world.pushes, replies, world.log.mock.calls], MAIN.secret, FAMILY.secret, GRID.secret);
  });
});

describe('the combined figure’s change', () => {
  it('compares with the combined series a day ago, made of the same sources; a source removed is a break, never a gain', async () => {
    const world = await setup();
    await everyAccount(world);
    expect(await world.call('prefs:set', { refreshIntervalSec: 3600 })).toMatchObject({ ok: true });
    expect(portfolioOf(await world.run()).change24h).toBeNull();
    const before = portfolioOf(world.app.getState()).combined.amount;
    // A day later the family account holds more.
    await world.run(23 * 3_600_000);
    const richer = { ...GATE_EXAMPLE_PORTFOLIO, accounts: { ...GATE_EXAMPLE_PORTFOLIO.accounts, warrant: { amount: '100' } } };
    world.family.setKeys([{ ...FAMILY, userId: FAMILY_UID, portfolio: richer }]);
    const later = portfolioOf(await world.run(2 * 3_600_000));
    const gained = subtractDecimals(gateTotal(richer, later.currency), gateTotal(GATE_EXAMPLE_PORTFOLIO, later.currency));
    expect(later.combined.amount).toBe(sumDecimals([before, gained]));
    expect(later.change24h).toMatchObject({ fromTotal: before, amount: gained });
    // Grid bot's key removed: no earlier point counts the same sources.
    await world.call('accounts:remove', 'grid-bot');
    expect(portfolioOf(await world.run()).change24h).toBeNull();
  });
});

describe('the demo with its sub-accounts', () => {
  it('shows two sub-accounts once their switch is on, and none of the user’s keys', async () => {
    const world = await setup();
    const app = await GlanceApp.create({
      secretStore: new InMemorySecretStore(null),
      transportForAccount: () => Promise.reject(new Error('the demo never reaches the network')),
      clock: world.clock,
      dataDir: '/demo',
      fs: new MemoryFileSystem(),
      shell: {
        openExternal: async () => {},
        chooseCsvPath: async () => null,
        setLaunchAtLogin: async (): Promise<Result<null>> => ok(null),
        notify: () => {},
      },
      random: () => 0,
      log: () => {},
    });
    apps.push(app);
    await app.startDemo();
    await app.whenIdle();
    await world.clock.advance(5_000);
    expect((await app.whenIdle()).portfolio).toBeNull();
    expect(await app.setGateAccount({ profile: 'default', includeSubAccounts: true })).toMatchObject({ ok: true });
    await world.clock.advance(5_000);
    const state = await app.whenIdle();
    expect(state.demo).toBe(true);
    expect(state.gateAccounts).toEqual([]);
    const portfolio = portfolioOf(state);
    expect(portfolio.sources.map((s) => [s.id, s.name])).toEqual([
      ['key:default', 'default'],
      ['sub:default:20001', 'grid_bot'],
      ['sub:default:20002', 'hedge_cm'],
    ]);
    expect(portfolio.combined.amount).toBe(
      sumDecimals([gateTotal(DEMO_PORTFOLIO, state.currency), ...DEMO_SUB_ACCOUNTS.map((s) => subTotal(s, state.currency))]),
    );
    // The demo's switch is not the user's choice for a real key: the first key saved starts without sub-accounts.
    expect(await app.saveCredentials({ key: 'a1'.repeat(16), secret: 'b2'.repeat(32), verify: false })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(app.getState().prefs.gateAccounts.find((a) => a.profile === 'default')?.includeSubAccounts).toBe(false));
    expect(app.getState().portfolio).toBeNull();
  });
});

describe('an added key replaced outside the app', () => {
  it('re-reads its keychain entry once Gate refuses the old pair, and reads the account again with the new one', async () => {
    const world = await setup();
    await world.run();
    expect(await world.call('accounts:add', { ...FAMILY, verify: true, alias: 'Family' })).toMatchObject({ ok: true });
    let state = await world.run();
    expect(portfolioOf(state).sources.find((s) => s.id === 'key:family')?.status).toBe('ok');
    // Gate revokes the old key; the terminal stores the new pair in the same entry.
    world.family.setKeys([{ ...FAMILY_NEXT, userId: FAMILY_UID, portfolio: GATE_EXAMPLE_PORTFOLIO }]);
    await world.stores.get('family')!.set(FAMILY_NEXT);
    await world.call('balance:refresh');
    // The refused read, the keychain's answer, then the read with the new pair (START_GAP_MS later).
    await world.run();
    await world.run();
    state = await world.run();
    const family = portfolioOf(state).sources.find((s) => s.id === 'key:family');
    expect(family).toMatchObject({ status: 'ok', error: null });
    expect(state.gateAccounts.find((a) => a.profile === 'family')?.keyHint).toBe(`…${FAMILY_NEXT.key.slice(-4)}`);
    // The refused pair was sent once; everything since went with the new one.
    const refused = world.sent.filter((r) => r.key === FAMILY.key && r.path.endsWith('/wallet/total_balance'));
    const after = world.sent.filter((r) => r.key === FAMILY_NEXT.key && r.path.endsWith('/wallet/total_balance'));
    expect(after.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.at < after[0]!.at)).toBe(true);
    expectNoSecret(state, FAMILY.secret, FAMILY_NEXT.secret);
  });
});
