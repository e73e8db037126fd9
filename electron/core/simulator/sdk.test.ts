/**
 * Gate's official Node SDK (`gate-api`) pointed at the simulator: if Gate's own client signs,
 * sends and parses against it, the simulator speaks Gate's protocol (fractional timestamps,
 * lower-case method from axios, the query string as the SDK serialises it).
 */
import { AccountApi, ApiClient, EarnUniApi, FuturesApi, SpotApi, SubAccountApi, UnifiedApi, WalletApi } from 'gate-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_EXAMPLE_TOTAL } from '../../../shared/testing/gate-example.js';
import type { SimulatorServer } from './server.js';
import { startSimulatorServer } from './server.js';
import { DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS, GATE_EXAMPLE_PORTFOLIO } from './portfolio.js';

const KEY = 'sdk-key-00112233445566778899aabbccddeeff';
const SECRET = 'sdk-secret-ffeeddccbbaa99887766554433221100';

function apiClient(url: string, secret = SECRET): ApiClient {
  const client = new ApiClient(url);
  client.setApiKeySecret(KEY, secret);
  return client;
}

function sdk(url: string, secret = SECRET): WalletApi {
  return new WalletApi(apiClient(url, secret));
}

function errorData(error: unknown): { status: number | undefined; data: unknown } {
  const e = error as { response?: { status?: number; data?: unknown } };
  return { status: e.response?.status, data: e.response?.data };
}

describe("Gate's official SDK against the simulator", () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({ keys: [{ key: KEY, secret: SECRET }] });
  });
  afterAll(() => server.close());

  it('gets the total balance, default currency and each of BTC/CNY/USD/USDT', async () => {
    const { body } = await sdk(server.url).getTotalBalance({});
    expect(body.total?.amount).toBe(GATE_EXAMPLE_TOTAL);
    expect(body.total?.currency).toBe('USDT');
    expect(body.details?.['quant']?.amount).toBe('591702859674467879.6488202650892478553852');
    for (const currency of ['BTC', 'CNY', 'USD', 'USDT']) {
      const r = await sdk(server.url).getTotalBalance({ currency });
      expect(r.response.status).toBe(200);
      expect(r.body.total?.currency).toBe(currency);
    }
  });

  it("answers the SDK's wrong secret with 401 INVALID_SIGNATURE", async () => {
    const failure = await sdk(server.url, 'wrong-secret')
      .getTotalBalance({})
      .then(
        () => null,
        (e: unknown) => errorData(e),
      );
    expect(failure).toEqual({ status: 401, data: { label: 'INVALID_SIGNATURE', message: 'Signature mismatch' } });
  });

  it('answers REQUEST_EXPIRED when the server clock is 5 minutes off (the SDK does not correct for it)', async () => {
    server.simulator.setServerClockOffset(300_000);
    try {
      const failure = await sdk(server.url)
        .getTotalBalance({})
        .then(
          () => null,
          (e: unknown) => errorData(e),
        );
      expect(failure?.status).toBe(401);
      expect(failure?.data).toMatchObject({ label: 'REQUEST_EXPIRED' });
    } finally {
      server.simulator.setServerClockOffset(0);
    }
  });

  it("reads the per-coin endpoints through the SDK's own models, agreeing with total_balance", async () => {
    server.simulator.setPortfolio(DEMO_PORTFOLIO);
    try {
      const client = apiClient(server.url);
      const spot = (await new SpotApi(client).listSpotAccounts({})).body;
      expect(spot.find((c) => c.currency === 'BTC')).toMatchObject({ currency: 'BTC', available: '0.1', locked: '0.02' });
      const futures = (await new FuturesApi(client).listFuturesAccounts('usdt')).body;
      expect([futures.total, futures.unrealisedPnl, futures.available, futures.currency]).toEqual([
        '5260.4471',
        '-141.5811',
        '4100.2',
        'USDT',
      ]);
      const lends = (await new EarnUniApi(client).listUserUniLends({ page: 1, limit: 100 })).body;
      expect(lends.map((l) => [l.currency, l.amount])).toEqual([
        ['USDT', '5135.115'],
        ['BTC', '0.03'],
        ['ETH', '0.5'],
        ['GT', '10'],
      ]);
      const unified = (await new UnifiedApi(client).listUnifiedAccounts({})).body;
      expect(unified.mode).toBe('classic');
      const detail = (await new AccountApi(client).getAccountDetail()).body;
      expect(detail.key?.mode).toBe(1);
      const tickers = (await new SpotApi(client).listTickers({})).body;
      expect(tickers.find((t) => t.currencyPair === 'BTC_USDT')?.last).toBe('95000');
      const total = (await new WalletApi(client).getTotalBalance({ currency: 'USDT' })).body;
      expect(total.details?.['spot']?.amount).toBe('18452.73120045');
      // A futures account never funded: Gate's USER_NOT_FOUND reaches the SDK as a 400.
      server.simulator.setPortfolio({ ...DEMO_PORTFOLIO, futures: {} });
      const never = await new FuturesApi(client).listFuturesAccounts('btc').then(
        () => null,
        (e: unknown) => errorData(e),
      );
      expect(never).toEqual({
        status: 400,
        data: { label: 'USER_NOT_FOUND', message: 'please transfer funds first to create futures account' },
      });
    } finally {
      server.simulator.setPortfolio(GATE_EXAMPLE_PORTFOLIO);
    }
  });

  it('answers the SDK’s sub-account calls, whose uid list it sends percent-encoded but signs unescaped', async () => {
    server.simulator.setSubAccounts(DEMO_SUB_ACCOUNTS);
    try {
      const client = apiClient(server.url);
      const list = (await new SubAccountApi(client).listSubAccounts({ type: '0' })).body;
      expect(list.map((s) => [s.userId, s.loginName, s.type])).toEqual([
        [20001, 'grid_bot', 1],
        [20002, 'hedge_cm', 3],
      ]);
      const wallet = new WalletApi(client);
      const spot = (await wallet.listSubAccountBalances({ subUid: '20001,20002', page: 1, limit: 100 })).body;
      expect(spot[0]).toMatchObject({ uid: '20001', available: { USDT: '812.5' }, locking: { USDT: '187.5' } });
      const futures = (await wallet.listSubAccountFuturesBalances({ subUid: '20001,20002', settle: 'btc' })).body;
      expect(futures[0]?.available?.['btc']?.total).toBe('0.002');
      const cross = (await wallet.listSubAccountCrossMarginBalances({ subUid: '20002' })).body;
      expect(cross[0]?.available?.balances?.['SOL']?.available).toBe('2');
      expect((await wallet.listSubAccountMarginBalances({ subUid: '20001' })).body).toEqual([{ uid: '20001', available: [] }]);
    } finally {
      server.simulator.setSubAccounts([]);
    }
  });
});
