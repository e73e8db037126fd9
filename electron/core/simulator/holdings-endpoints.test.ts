/**
 * The per-coin endpoints of the simulator, against what Gate documents (APIv4 docs and the
 * `gate-api` SDK models, read for this): `GET /spot/accounts` → [{currency, available, locked,
 * update_id}]; `GET /futures/{settle}/accounts` → {total, unrealised_pnl, available, currency, …},
 * and for a futures account never funded Gate answers label USER_NOT_FOUND ("please transfer
 * funds first"); `GET /earn/uni/lends` (page, limit ≤ 100) → [{currency, current_amount, amount,
 * lent_amount, frozen_amount, …}] where `amount` is "Total Lending Amount" (gateapi-nodejs
 * docs/UniLend.md): ASSUMPTION — that `amount` is the currency's whole position in Earn, so it is
 * the holding's quantity; `GET /unified/accounts` → {mode, balances: {COIN: {equity, available,
 * freeze, …}}}; `GET /account/detail` → {key: {mode: 1 classic | 2 unified}}; public
 * `GET /spot/tickers` → [{currency_pair, last, …}]. And all of them agree with total_balance.
 */
import { describe, expect, it } from 'vitest';
import { multiplyDecimals, sumDecimals } from '../../../shared/decimal.js';
import { signedHeaders } from '../gate/signing.js';
import type { SimKey, SimRequest } from './handler.js';
import { createGateSimulator } from './handler.js';
import type { SimPortfolio } from './portfolio.js';
import { DEMO_PORTFOLIO, GATE_EXAMPLE_PORTFOLIO, SIM_TICKERS, totalBalanceBody } from './portfolio.js';

const KEY: SimKey = { key: 'k1', secret: 's1' };
const NOW = 1_764_080_000_000;
const clock = { now: () => NOW };

function signed(target: string, key: SimKey = KEY): SimRequest {
  const [path, query = ''] = target.split('?') as [string, string?];
  const h = signedHeaders(key.key, key.secret, { method: 'GET', path, query, body: '', timestamp: String(Math.floor(NOW / 1000)) });
  return { method: 'GET', target, headers: { key: h['KEY'], sign: h['SIGN'], timestamp: h['Timestamp'] }, remoteAddress: '127.0.0.1' };
}

async function get(
  sim: ReturnType<typeof createGateSimulator>,
  req: SimRequest,
): Promise<{ status: number; json: unknown; headers: Record<string, string> }> {
  const r = await sim.handle(req);
  if (r.kind !== 'reply') throw new Error('dropped');
  let json: unknown;
  try {
    json = JSON.parse(r.body);
  } catch {
    json = null;
  }
  return { status: r.status, json, headers: { ...r.headers } };
}

type Row = Record<string, string>;

describe('simulator per-coin endpoints', () => {
  it('keeps the demo account totals exactly as README and the screenshots show them, derived from its coins', () => {
    const body = totalBalanceBody(DEMO_PORTFOLIO, 'USDT') as { details: Record<string, Row>; total: Row };
    expect(body.details['spot']?.['amount']).toBe('18452.73120045');
    expect(body.details['futures']).toMatchObject({ amount: '6210.4471', unrealised_pnl: '-132.0811' });
    expect(body.details['finance']?.['amount']).toBe('9870.115');
    expect(Object.keys(body.details)).toEqual(['spot', 'futures', 'finance', 'margin', 'delivery', 'quant', 'cross_margin', 'options']);
    expect(body.total['amount']).toBe('38522.03252045');
  });

  it('lists spot balances and agrees with total_balance at the tickers (NMR through NMR_BTC × BTC_USDT, unpriced coins count 0)', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock, portfolio: DEMO_PORTFOLIO });
    const r = await get(sim, signed('/api/v4/spot/accounts'));
    expect(r.status).toBe(200);
    const rows = r.json as Row[];
    expect(rows[0]).toEqual({ currency: 'BTC', available: '0.1', locked: '0.02', update_id: 1000 });
    const price = (c: string): string =>
      c === 'USDT'
        ? '1'
        : c === 'NMR'
          ? multiplyDecimals(SIM_TICKERS['NMR_BTC']!, SIM_TICKERS['BTC_USDT']!)
          : SIM_TICKERS[`${c}_USDT`] || '0';
    const value = sumDecimals(rows.map((c) => multiplyDecimals(sumDecimals([c['available']!, c['locked']!]), price(c['currency']!))));
    expect(value).toBe('18452.73120045');
    expect(r.headers['x-gate-ratelimit-limit']).toBe('150');
    const one = await get(sim, signed('/api/v4/spot/accounts?currency=ETH'));
    expect(one.json).toEqual([{ currency: 'ETH', available: '1.5', locked: '0', update_id: 1001 }]);
  });

  it('answers each futures settle account, and USER_NOT_FOUND for one never funded', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock, portfolio: DEMO_PORTFOLIO });
    const usdt = await get(sim, signed('/api/v4/futures/usdt/accounts'));
    expect(usdt.json).toMatchObject({ total: '5260.4471', unrealised_pnl: '-141.5811', available: '4100.2', currency: 'USDT' });
    expect((await get(sim, signed('/api/v4/futures/btc/accounts'))).json).toMatchObject({
      total: '0.01',
      unrealised_pnl: '0.0001',
      currency: 'BTC',
    });
    sim.setPortfolio({ ...DEMO_PORTFOLIO, futures: { usdt: { total: '1', unrealisedPnl: '0', available: '1' } } });
    const never = await get(sim, signed('/api/v4/futures/btc/accounts'));
    expect(never.status).toBe(400);
    expect(never.json).toEqual({ label: 'USER_NOT_FOUND', message: 'please transfer funds first to create futures account' });
  });

  it('pages /earn/uni/lends with page and limit (≤ 100); amount is the lending total and sums to the finance figure', async () => {
    const many: SimPortfolio = {
      accounts: {},
      lends: Array.from({ length: 230 }, (_, i) => ({ currency: `C${String(i).padStart(3, '0')}`, amount: '1' })),
      tickers: Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`C${String(i).padStart(3, '0')}_USDT`, '2'])),
    };
    const sim = createGateSimulator({ keys: [KEY], clock, portfolio: many });
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push((await get(sim, signed(`/api/v4/earn/uni/lends?page=${page}&limit=100`))).json as Row[]);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 30, 0]);
    expect(pages[2]?.[29]).toMatchObject({ currency: 'C229', amount: '1', current_amount: '1', lent_amount: '1', frozen_amount: '0' });
    expect((await get(sim, signed('/api/v4/earn/uni/lends?limit=101'))).json).toMatchObject({ label: 'INVALID_PARAM_VALUE' });
    const body = totalBalanceBody(many, 'USDT') as { details: Record<string, Row> };
    expect(body.details['finance']?.['amount']).toBe('460');
  });

  it('answers unified balances with equity in unified mode, and mode classic without; /account/detail says key.mode', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock, portfolio: DEMO_PORTFOLIO });
    expect((await get(sim, signed('/api/v4/unified/accounts'))).json).toMatchObject({ mode: 'classic', balances: {} });
    expect((await get(sim, signed('/api/v4/account/detail'))).json).toMatchObject({ key: { mode: 1 } });
    sim.setPortfolio({
      ...DEMO_PORTFOLIO,
      unified: {
        mode: 'multi_currency',
        balances: [
          { currency: 'BTC', equity: '0.5', available: '0.4', freeze: '0.1' },
          { currency: 'USDT', equity: '-20', available: '0', freeze: '0' },
        ],
      },
    });
    const unified = (await get(sim, signed('/api/v4/unified/accounts'))).json as { mode: string; balances: Record<string, Row> };
    expect(unified.mode).toBe('multi_currency');
    expect(unified.balances['BTC']).toMatchObject({ equity: '0.5', available: '0.4', freeze: '0.1' });
    expect(unified.balances['USDT']?.['equity']).toBe('-20');
    expect((await get(sim, signed('/api/v4/account/detail'))).json).toMatchObject({ key: { mode: 2 } });
  });

  it('serves public tickers unsigned (all pairs, or one with currency_pair), empty last included, 200 per 10 s per IP', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock, portfolio: DEMO_PORTFOLIO });
    const all = await get(sim, { method: 'GET', target: '/api/v4/spot/tickers', headers: {}, remoteAddress: '10.0.0.9' });
    const rows = all.json as Row[];
    expect(rows.map((t) => t['currency_pair'])).toEqual(Object.keys(SIM_TICKERS));
    expect(rows.find((t) => t['currency_pair'] === 'FTT_USDT')?.['last']).toBe('');
    expect((await get(sim, { method: 'GET', target: '/api/v4/spot/tickers?currency_pair=BTC_USDT', headers: {} })).json).toMatchObject([
      { currency_pair: 'BTC_USDT', last: '95000' },
    ]);
    expect((await get(sim, { method: 'GET', target: '/api/v4/spot/tickers?currency_pair=NOPE_USDT', headers: {} })).json).toMatchObject({
      label: 'INVALID_CURRENCY_PAIR',
    });
    for (let i = 0; i < 199; i += 1)
      await sim.handle({ method: 'GET', target: '/api/v4/spot/tickers', headers: {}, remoteAddress: '10.0.0.9' });
    const limited = await get(sim, { method: 'GET', target: '/api/v4/spot/tickers', headers: {}, remoteAddress: '10.0.0.9' });
    expect([limited.status, (limited.json as Row)['label']]).toEqual([429, 'TOO_MANY_REQUESTS']);
    // Another IP, and another endpoint, have their own budget.
    expect((await get(sim, { method: 'GET', target: '/api/v4/spot/tickers', headers: {}, remoteAddress: '10.0.0.10' })).status).toBe(200);
    expect((await get(sim, signed('/api/v4/spot/accounts'))).status).toBe(200);
  });

  it("derives coinless accounts as USDT, so Gate's 40-digit example reads digit for digit per coin too", async () => {
    const sim = createGateSimulator({ keys: [KEY], clock, portfolio: GATE_EXAMPLE_PORTFOLIO });
    expect((await get(sim, signed('/api/v4/spot/accounts'))).json).toEqual([
      { currency: 'USDT', available: '42264489969935775.5160259954878034182418', locked: '0', update_id: 1000 },
    ]);
    expect((await get(sim, signed('/api/v4/futures/usdt/accounts'))).json).toMatchObject({ total: '2384175.5606114082065' });
    expect((await get(sim, signed('/api/v4/earn/uni/lends'))).json).toMatchObject([
      { currency: 'USDT', amount: '662714381.70310327810191647181' },
    ]);
    expect((await get(sim, signed('/api/v4/futures/btc/accounts'))).json).toMatchObject({ label: 'USER_NOT_FOUND' });
  });

  it('checks signing and answers FORBIDDEN per permission, keeping the others readable', async () => {
    const noSpot: SimKey = { key: 'k2', secret: 's2', permissions: { spot: false, earn: false } };
    const sim = createGateSimulator({ keys: [KEY, noSpot], clock, portfolio: DEMO_PORTFOLIO });
    expect((await get(sim, { ...signed('/api/v4/spot/accounts'), target: '/api/v4/spot/accounts?currency=BTC' })).json).toMatchObject({
      label: 'INVALID_SIGNATURE',
    });
    expect((await get(sim, { method: 'GET', target: '/api/v4/futures/usdt/accounts', headers: {} })).json).toMatchObject({
      label: 'MISSING_REQUIRED_HEADER',
    });
    const forbidden = await get(sim, signed('/api/v4/spot/accounts', noSpot));
    expect([forbidden.status, (forbidden.json as Row)['label']]).toEqual([403, 'FORBIDDEN']);
    expect((await get(sim, signed('/api/v4/earn/uni/lends', noSpot))).status).toBe(403);
    expect((await get(sim, signed('/api/v4/futures/usdt/accounts', noSpot))).status).toBe(200);
    expect((await get(sim, signed('/api/v4/wallet/total_balance', noSpot))).status).toBe(200);
  });

  it('faults one endpoint at a time; setFault(null) clears them all', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock, portfolio: DEMO_PORTFOLIO });
    sim.setFault({ kind: 'server-error', status: 503, label: 'TOO_BUSY' }, undefined, 'spot_accounts');
    sim.setFault({ kind: 'wrong-shape' }, 1, 'spot_tickers');
    expect((await get(sim, signed('/api/v4/spot/accounts'))).json).toMatchObject({ label: 'TOO_BUSY' });
    expect((await get(sim, signed('/api/v4/wallet/total_balance'))).status).toBe(200);
    expect((await get(sim, { method: 'GET', target: '/api/v4/spot/tickers', headers: {} })).json).toEqual([
      { currency: 'BTC', available: 0.5, amount: 0.5, last: 1 },
    ]);
    expect((await get(sim, { method: 'GET', target: '/api/v4/spot/tickers', headers: {} })).status).toBe(200);
    sim.setFault({ kind: 'rate-limit' }, undefined, 'futures_usdt_accounts');
    const rl = await get(sim, signed('/api/v4/futures/usdt/accounts'));
    expect([rl.status, rl.headers['x-gate-ratelimit-limit'], rl.headers['x-gate-ratelimit-reset-timestamp']]).toEqual([
      429,
      '150',
      String(NOW + 10_000),
    ]);
    sim.setFault({ kind: 'malformed-json' }, undefined, 'earn_uni_lends');
    expect((await get(sim, signed('/api/v4/earn/uni/lends'))).json).toBeNull();
    sim.setFault(null);
    expect((await get(sim, signed('/api/v4/spot/accounts'))).status).toBe(200);
    expect((await get(sim, signed('/api/v4/futures/usdt/accounts'))).status).toBe(200);
    expect((await get(sim, signed('/api/v4/earn/uni/lends'))).status).toBe(200);
  });
});
