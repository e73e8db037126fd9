/**
 * HoldingsService → GateClient → the lean node transport → the simulator over real HTTP on
 * 127.0.0.1: every per-coin endpoint, every fault on each, BTC-market pricing, unpriced coins,
 * 40-digit quantities, Gate's per-endpoint 429 waits, the 60 s cache, and a holdings failure
 * next to a live total that it never disturbs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sumDecimals } from '../../../shared/decimal.js';
import { ok } from '../../../shared/errors.js';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import { BalanceService } from '../balance/balance-service.js';
import { GateClient } from '../gate/client.js';
import { createNodeTransport } from '../gate/node-transport.js';
import type { Credentials } from '../gate/types.js';
import type { SimEndpoint, SimFault } from '../simulator/handler.js';
import type { SimPortfolio } from '../simulator/portfolio.js';
import { DEMO_PORTFOLIO } from '../simulator/portfolio.js';
import type { SimulatorServer } from '../simulator/server.js';
import { startSimulatorServer } from '../simulator/server.js';
import { HoldingsService } from './holdings-service.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const CREDS: Credentials = { key: 'hold-key-00112233445566778899aabbccdd', secret: 'hold-secret-never-shown-ffeeddccbbaa9988' };
const NO_SPOT: Credentials = { key: 'no-spot-key-0011223344', secret: 'no-spot-secret-0011223344' };
const BIG = '591702859674467879.6488202650892478553852';

describe('HoldingsService ↔ simulator over HTTP', () => {
  let server: SimulatorServer;
  let now = Date.now();
  const clock = { now: () => now };

  function service(creds: Credentials = CREDS, timeoutMs = 3000): { holdings: HoldingsService; client: GateClient } {
    const client = new GateClient({
      transport: createNodeTransport({ env: {} }),
      credentials: () => Promise.resolve(ok(creds)),
      baseUrl: server.url,
      timeoutMs,
      clock,
    });
    return { holdings: new HoldingsService({ client, clock }), client };
  }

  function hits(path: string): number {
    return server.simulator.log.filter((e) => e.path === `/api/v4${path}`).length;
  }

  beforeAll(async () => {
    server = await startSimulatorServer({
      keys: [CREDS, { ...NO_SPOT, permissions: { spot: false, futures: false, earn: false, unified: false } }],
      portfolio: DEMO_PORTFOLIO,
      clock,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    now += 3_600_000; // a fresh rate-limit window and cache for every test
    server.simulator.setFault(null);
    server.simulator.setPortfolio(DEMO_PORTFOLIO);
  });

  it('reads spot coins and prices them: USDT markets, NMR through NMR_BTC × BTC_USDT, FTT and POINT unpriced', async () => {
    const r = await service().holdings.breakdown('spot', 'USDT', '18452.73120045');
    if (!r.ok) throw new Error(said(r.error).message);
    const rows = r.value.breakdown.rows;
    expect(rows.map((c) => c.coin)).toEqual(['BTC', 'ETH', 'USDT', 'GT', 'NMR', 'DOGE', 'PEPE', 'FTT', 'POINT']);
    expect(rows[0]).toMatchObject({
      quantity: '0.12',
      available: '0.1',
      locked: '0.02',
      priceUsdt: '95000',
      valueUsdt: '11400',
      value: '11400.00',
    });
    expect(rows.find((c) => c.coin === 'NMR')).toMatchObject({ priceUsdt: '17.1', valueUsdt: '34.2', value: '34.20' });
    expect(rows.slice(-2).map((c) => [c.coin, c.priceUsdt, c.value, c.share])).toEqual([
      ['FTT', null, null, '0.00'],
      ['POINT', null, null, '0.00'],
    ]);
    // The coins' values add up to exactly Gate's figure for the account, rounded to the cent.
    expect(sumDecimals(rows.flatMap((c) => (c.value ? [c.value] : [])))).toBe('18452.73');
    expect(sumDecimals(rows.map((c) => c.share))).toBe('100');
    expect(r.value.breakdown.positiveValueUsdt).toBe('18452.73120045');
  });

  it('shares the BTC figure out to 8 digits', async () => {
    const r = await service().holdings.breakdown('spot', 'BTC', '0.194238984435296835');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(sumDecimals(r.value.breakdown.rows.flatMap((c) => (c.value ? [c.value] : [])))).toBe('0.19423898');
    expect(r.value.breakdown.rows[0]?.value).toMatch(/^0\.\d{8}$/);
  });

  it('reads both futures settle accounts with unrealised PnL; one never funded (USER_NOT_FOUND) is empty, not an error', async () => {
    const r = await service().holdings.coins('futures');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value.coins).toEqual([
      { coin: 'USDT', quantity: '5260.4471', available: '4100.2', locked: null, unrealisedPnl: '-141.5811' },
      { coin: 'BTC', quantity: '0.01', available: '0.008', locked: null, unrealisedPnl: '0.0001' },
    ]);
    server.simulator.setPortfolio({ ...DEMO_PORTFOLIO, futures: { usdt: { total: '12', unrealisedPnl: '0', available: '12' } } });
    now += 61_000;
    const one = await service().holdings.coins('futures');
    expect(one.ok && one.value.coins.map((c) => c.coin)).toEqual(['USDT']);
    server.simulator.setPortfolio({ ...DEMO_PORTFOLIO, futures: {} });
    now += 61_000;
    const none = await service().holdings.coins('futures');
    expect(none.ok && none.value.coins).toEqual([]);
  });

  it('reads every page of Earn lends and sums a currency lent twice', async () => {
    const lends = [
      ...Array.from({ length: 250 }, (_, i) => ({ currency: `L${String(i).padStart(3, '0')}`, amount: '1.5' })),
      { currency: 'L000', amount: '2' },
    ];
    server.simulator.setPortfolio({ accounts: {}, lends });
    const before = hits('/earn/uni/lends');
    const r = await service().holdings.coins('finance');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(hits('/earn/uni/lends') - before).toBe(3);
    expect(r.value.coins).toHaveLength(250);
    expect(r.value.coins[0]).toEqual({ coin: 'L000', quantity: '3.5', available: null, locked: null });
  });

  it('reads unified equity per currency (negatives listed), and nothing for a classic account', async () => {
    const classic = await service().holdings.coins('unified');
    expect(classic.ok && [classic.value.mode, classic.value.coins]).toEqual(['classic', []]);
    server.simulator.setPortfolio({
      ...DEMO_PORTFOLIO,
      unified: {
        mode: 'multi_currency',
        balances: [
          { currency: 'BTC', equity: '0.5', available: '0.5', freeze: '0' },
          { currency: 'USDT', equity: '-250', available: '0', freeze: '0' },
        ],
      },
    });
    now += 61_000;
    const r = await service().holdings.breakdown('unified', 'USDT', null);
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value.mode).toBe('multi_currency');
    expect(r.value.breakdown.rows.map((c) => [c.coin, c.quantity, c.valueUsdt, c.value, c.share])).toEqual([
      ['BTC', '0.5', '47500', null, '100.00'],
      ['USDT', '-250', '-250', null, '0.00'],
    ]);
  });

  it('keeps 40-digit quantities digit for digit', async () => {
    const portfolio: SimPortfolio = { accounts: {}, spot: [{ currency: 'USDT', available: BIG, locked: '0.0000000000000000000001' }] };
    server.simulator.setPortfolio(portfolio);
    const r = await service().holdings.breakdown('spot', 'USDT', sumDecimals([BIG, '0.0000000000000000000001']));
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value.breakdown.rows[0]).toMatchObject({
      quantity: '591702859674467879.6488202650892478553853',
      valueUsdt: '591702859674467879.6488202650892478553853',
      value: '591702859674467879.65',
    });
  });

  it('refuses a coin name that is not a Gate currency code (terminal escapes, bidi marks) instead of printing it', async () => {
    for (const name of ['evil\u001b[2J', '\u202eCTB', '', 'A'.repeat(33)]) {
      now += 61_000;
      server.simulator.setPortfolio({ accounts: {}, spot: [{ currency: name, available: '1', locked: '0' }] });
      const r = await service().holdings.coins('spot');
      expect(r.ok ? 'OK' : r.error.code).toBe('BAD_RESPONSE');
    }
  });

  it('asks each endpoint once per 60 s, shares concurrent asks, and asks again after the minute', async () => {
    const { holdings } = service();
    const spot0 = hits('/spot/accounts');
    const tick0 = hits('/spot/tickers');
    await Promise.all([
      holdings.breakdown('spot', 'USDT', '1'),
      holdings.breakdown('spot', 'USDT', '1'),
      holdings.breakdown('finance', 'USDT', '1'),
    ]);
    await holdings.breakdown('spot', 'USD', '1');
    expect([hits('/spot/accounts') - spot0, hits('/spot/tickers') - tick0]).toEqual([1, 1]);
    now += 60_000;
    await holdings.breakdown('spot', 'USDT', '1');
    expect([hits('/spot/accounts') - spot0, hits('/spot/tickers') - tick0]).toEqual([2, 2]);
  });

  const ENDPOINTS: [SimEndpoint, 'spot' | 'futures' | 'finance' | 'unified'][] = [
    ['spot_accounts', 'spot'],
    ['futures_usdt_accounts', 'futures'],
    ['futures_btc_accounts', 'futures'],
    ['earn_uni_lends', 'finance'],
    ['unified_accounts', 'unified'],
    ['spot_tickers', 'spot'],
  ];
  const FAULTS: [SimFault, string][] = [
    [{ kind: 'server-error', status: 503, label: 'TOO_BUSY' }, 'SERVER_ERROR'],
    [{ kind: 'html', status: 502 }, 'SERVER_ERROR'],
    [{ kind: 'html', status: 200 }, 'BAD_RESPONSE'],
    [{ kind: 'malformed-json' }, 'BAD_RESPONSE'],
    [{ kind: 'wrong-shape' }, 'BAD_RESPONSE'],
    [{ kind: 'drop' }, 'NETWORK'],
    [{ kind: 'hang' }, 'TIMEOUT'],
    [{ kind: 'rate-limit' }, 'RATE_LIMITED'],
  ];
  for (const [endpoint, account] of ENDPOINTS) {
    it(`names every fault of ${endpoint} and recovers once it clears`, async () => {
      for (const [fault, expected] of FAULTS) {
        now += 3_600_000;
        server.simulator.setFault(fault, 1, endpoint);
        const r = await service(CREDS, 400).holdings.breakdown(account, 'USDT', '1');
        expect([fault.kind, r.ok ? 'OK' : r.error.code]).toEqual([fault.kind, expected]);
        server.simulator.releaseHanging();
      }
      now += 3_600_000;
      expect((await service().holdings.breakdown(account, 'USDT', '1')).ok).toBe(true);
    });
  }

  it("honours Gate's 429 wait per endpoint: no request before it is over, the others unaffected", async () => {
    const { holdings } = service();
    server.simulator.setFault({ kind: 'rate-limit' }, 1, 'spot_accounts');
    const first = await holdings.coins('spot');
    expect(first.ok ? null : [first.error.code, first.error.retryAfterMs]).toEqual(['RATE_LIMITED', 10_000]);
    const asked = hits('/spot/accounts');
    now += 5_000;
    const waiting = await holdings.coins('spot');
    expect(waiting.ok ? null : waiting.error.code).toBe('RATE_LIMITED');
    expect(hits('/spot/accounts')).toBe(asked);
    expect((await holdings.coins('finance')).ok).toBe(true);
    now += 5_001;
    expect((await holdings.coins('spot')).ok).toBe(true);
    expect(hits('/spot/accounts')).toBe(asked + 1);
  });

  it('says which read permission the key lacks, per endpoint, as a key error', async () => {
    const { holdings } = service(NO_SPOT);
    const words: Record<string, string> = { spot: 'Spot', futures: 'Perpetual Futures', finance: 'Earn', unified: 'Unified Account' };
    for (const account of ['spot', 'futures', 'finance', 'unified'] as const) {
      const r = await holdings.coins(account);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('FORBIDDEN');
      expect(said(r.error).message).toContain(`This key lacks the ${words[account]} (read) permission`);
      expect(said(r.error).hint).toContain(`"${words[account]}: read only"`);
      expectNoSecret(JSON.stringify(r.error), NO_SPOT.secret);
    }
  });

  it('a holdings failure leaves the total live: the balance schedule, its state and its requests are untouched', async () => {
    const { holdings, client } = service();
    const states: string[] = [];
    let listening = false;
    const balance = new BalanceService({
      source: client,
      history: null,
      clock: {
        now: clock.now,
        setTimeout: (cb, ms) => setTimeout(cb, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
      currency: DEFAULT_PREFERENCES.currency,
      refreshIntervalSec: DEFAULT_PREFERENCES.refreshIntervalSec,
      random: () => 0,
      onChange: (s) => {
        if (listening) states.push(s.status);
      },
      warn: () => undefined,
    });
    const live = await balance.start();
    expect(live.status).toBe('live');
    listening = true;
    const totals = hits('/wallet/total_balance');
    server.simulator.setFault({ kind: 'server-error', status: 500 }, undefined, 'spot_accounts');
    server.simulator.setFault({ kind: 'rate-limit' }, undefined, 'spot_tickers');
    const failed = await holdings.breakdown('spot', 'USDT', live.balance?.accounts.find((a) => a.name === 'spot')?.amount ?? null);
    expect(failed.ok).toBe(false);
    const forbidden = await service(NO_SPOT).holdings.coins('finance');
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    expect(balance.getState()).toMatchObject({ status: 'live', error: null, balance: live.balance });
    expect(states).toEqual([]);
    expect(hits('/wallet/total_balance')).toBe(totals);
    await balance.refresh();
    expect(balance.getState().status).toBe('live');
    listening = false;
    balance.stop();
  });
});
