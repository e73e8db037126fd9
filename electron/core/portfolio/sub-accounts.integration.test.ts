/**
 * A main key's sources, read through the real GateClient from the simulator (in process):
 * the combined figure is exact against the simulator's portfolios in all four currencies, the
 * requests per read do not grow with the number of sub-accounts up to Gate's page size, and each
 * failure of one part (permission, 429, malformed, timeout) leaves the others live and the
 * combined figure marked.
 */
import { describe, expect, it } from 'vitest';
import type { Currency } from '../../../shared/balance.js';
import { CURRENCIES } from '../../../shared/balance.js';
import { sumDecimals } from '../../../shared/decimal.js';
import { ok } from '../../../shared/errors.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { Source } from '../../../shared/portfolio.js';
import { combineSources, nextSource } from '../../../shared/portfolio.js';
import { GateClient } from '../gate/client.js';
import type { Credentials } from '../gate/types.js';
import type { GateSimulator, SimEndpoint, SimFault, SimKey } from '../simulator/handler.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import type { SimSubAccount } from '../simulator/portfolio.js';
import { convertAmount, DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS, totalBalanceBody } from '../simulator/portfolio.js';
import { readProfileSources } from './profile-sources.js';
import { SubAccountReader } from './sub-account-reader.js';

const MAIN: Credentials = { key: 'main-key-0011223344556677', secret: 'main-secret-never-shown-8899' };
const NOW = 1_764_080_000_000;
const clock = { now: () => NOW };

function setup(
  subAccounts: readonly SimSubAccount[] = DEMO_SUB_ACCOUNTS,
  key: Partial<SimKey> = {},
  timeoutMs = 2000,
): { simulator: GateSimulator; client: GateClient; reader: SubAccountReader } {
  const simulator = createGateSimulator({ keys: [{ ...MAIN, ...key }], clock, portfolio: DEMO_PORTFOLIO, subAccounts });
  const client = new GateClient({
    transport: createInProcessTransport(simulator),
    credentials: () => Promise.resolve(ok(MAIN)),
    baseUrl: 'https://sim.invalid/api/v4',
    clock,
    timeoutMs,
  });
  return { simulator, client, reader: new SubAccountReader({ client, clock }) };
}

/**
 * What the simulator holds in a sub-account, in `currency`: its own total_balance (every product
 * we read is derived there) with the futures' unrealised PnL, which Gate's total keeps apart: a
 * perpetual account is worth its equity, total + unrealised_pnl.
 */
function simTotal(sub: SimSubAccount, currency: Currency): string {
  const total = (totalBalanceBody(sub.portfolio, 'USDT') as { total: { amount: string; unrealised_pnl: string } }).total;
  return convertAmount(sumDecimals([total.amount, total.unrealised_pnl]), currency);
}

function byName(sources: readonly Source[]): Record<string, Source> {
  return Object.fromEntries(sources.map((s) => [s.name, s]));
}

describe('a main key with sub-accounts, through the simulator', () => {
  it('is exact in all four currencies: Gate’s total for the key, the valued sub-accounts at Gate’s own rate', async () => {
    for (const currency of CURRENCIES) {
      const { client, reader } = setup();
      const read = await readProfileSources({ profile: 'default', client, currency, subAccounts: reader });
      const sources = byName(read.sources);
      const main = (totalBalanceBody(DEMO_PORTFOLIO, currency) as { total: { amount: string } }).total.amount;
      expect(sources['default']?.total).toEqual({ currency, amount: main });
      expect(sources['default']).toMatchObject({ kind: 'key', estimated: false, partial: false, status: 'ok' });
      for (const sub of DEMO_SUB_ACCOUNTS) {
        const s = sources[sub.loginName];
        expect(s?.total?.amount, `${sub.loginName} in ${currency}`).toBe(simTotal(sub, currency));
        expect(s).toMatchObject({ kind: 'sub-account', uid: String(sub.userId), estimated: true, partial: true, status: 'ok' });
        expect(s?.rate).toBe(currency === 'USDT' ? 'identity' : 'gate-totals');
      }
      const combined = combineSources(read.sources, currency);
      expect(combined.amount).toBe(sumDecimals([main, ...DEMO_SUB_ACCOUNTS.map((s) => simTotal(s, currency))]));
      expect(combined).toMatchObject({ partial: true, estimated: true, stale: false });
    }
  });

  it('values futures as equity (BTC-settled through BTC_USDT), cross margin net of the loan, lists unpriced coins', async () => {
    const { client, reader } = setup();
    const sources = byName((await readProfileSources({ profile: 'default', client, currency: 'USDT', subAccounts: reader })).sources);
    // 1000 + 1700 spot, 574.5 + 199.5 futures; POINT has no market.
    expect(sources['grid_bot']).toMatchObject({
      total: { amount: '3474' },
      unpriced: ['POINT'],
      covers: ['spot', 'futures', 'cross_margin', 'margin'],
    });
    // 950 spot + (500 − 200 − 0.5) + 2 × 190 cross margin.
    expect(sources['hedge_cm']?.total?.amount).toBe('1629.5');
  });

  it('asks each endpoint once per read for 1, 50 and 100 sub-accounts, pages beyond, and keeps the list 10 minutes', async () => {
    const subs = (n: number): SimSubAccount[] =>
      Array.from({ length: n }, (_, i) => ({
        userId: 30000 + i,
        loginName: `bot${i}`,
        portfolio: { accounts: {}, spot: [{ currency: 'USDT', available: '1', locked: '0' }] },
      }));
    const counts: number[] = [];
    for (const n of [1, 50, 100, 230]) {
      const { simulator, client, reader } = setup(subs(n));
      const read = await readProfileSources({ profile: 'default', client, currency: 'USDT', subAccounts: reader });
      expect(read.sources).toHaveLength(n + 1);
      expect(combineSources(read.sources, 'USDT').amount).toBe(
        sumDecimals([(totalBalanceBody(DEMO_PORTFOLIO, 'USDT') as { total: { amount: string } }).total.amount, String(n)]),
      );
      const asked = simulator.log.length;
      counts.push(asked);
      // Within the minute nothing is asked again but Gate's total; within 10 minutes the list is not either.
      await readProfileSources({ profile: 'default', client, currency: 'USDT', subAccounts: reader });
      expect(simulator.log.slice(asked).map((e) => e.path)).toEqual(['/api/v4/wallet/total_balance']);
    }
    // total, list, spot, futures ×2, cross margin, margin, tickers = 8; 230 uids are 3 batches of each.
    expect(counts).toEqual([8, 8, 8, 8 + 2 * 5]);
  });

  it('makes each failure one part’s state: the key stays live, the others keep their figures, the combined figure is marked', async () => {
    const cases: [SimEndpoint, SimFault, string][] = [
      ['sub_account_futures_balances', { kind: 'rate-limit' }, 'RATE_LIMITED'],
      ['sub_account_cross_margin_balances', { kind: 'malformed-json' }, 'BAD_RESPONSE'],
      ['sub_account_margin_balances', { kind: 'hang' }, 'TIMEOUT'],
      ['sub_account_balances', { kind: 'wrong-shape' }, 'BAD_RESPONSE'],
    ];
    for (const [endpoint, fault, code] of cases) {
      const { simulator, client, reader } = setup(DEMO_SUB_ACCOUNTS, {}, 200);
      simulator.setFault(fault, undefined, endpoint);
      const read = await readProfileSources({ profile: 'default', client, currency: 'USDT', subAccounts: reader });
      simulator.releaseHanging();
      const s = byName(read.sources);
      expect(s['default']?.status, endpoint).toBe('ok');
      expect(s['grid_bot'], endpoint).toMatchObject({ status: 'ok', partial: true, error: { code } });
      expect(s['grid_bot']?.covers).toHaveLength(3);
      expect(combineSources(read.sources, 'USDT').partial).toBe(true);
    }
  });

  it('names a key that may not list sub-accounts as one source in error, and keeps the key’s total', async () => {
    const { client, reader } = setup(DEMO_SUB_ACCOUNTS, { permissions: { sub_account: false } });
    const read = await readProfileSources({ profile: 'default', client, currency: 'USDT', subAccounts: reader });
    expect(read.total.ok).toBe(true);
    expect(read.sources.map((s) => [s.kind, s.status])).toEqual([
      ['key', 'ok'],
      ['sub-account', 'error'],
    ]);
    const error = read.sources[1]!.error!;
    expect(error).toMatchObject({ code: 'FORBIDDEN', params: { reason: 'sub-accounts-permission', permission: 'sub-account' } });
    expect(errorWords(ENGLISH, error).message).toBe(
      "This key cannot read its sub-accounts: it needs the Sub-account (read) permission, or it is a sub-account's own key.",
    );
    const combined = combineSources(read.sources, 'USDT');
    expect(combined).toMatchObject({ partial: true, estimated: false });
  });

  it('keeps a failed sub-account’s last good total, stale, and the combined figure says so', async () => {
    const { simulator, client, reader } = setup();
    const first = await readProfileSources({ profile: 'default', client, currency: 'USDT', subAccounts: reader });
    simulator.setFault({ kind: 'server-error', status: 503, label: 'TOO_BUSY' }, undefined, 'spot_tickers');
    reader.clear();
    const second = await readProfileSources({ profile: 'default', client, currency: 'USDT', subAccounts: reader });
    const merged = second.sources.map((s) => nextSource(first.sources.find((p) => p.id === s.id) ?? null, s));
    const grid = byName(merged)['grid_bot'];
    expect(grid).toMatchObject({ status: 'stale', total: byName(first.sources)['grid_bot']?.total, error: { code: 'SERVER_ERROR' } });
    expect(combineSources(merged, 'USDT')).toMatchObject({ stale: true, amount: combineSources(first.sources, 'USDT').amount });
  });

  it('counts a sub-account that also has its own key once, as the key (matched by user id)', async () => {
    const grid: SimKey = { key: 'grid-own-key-001122', secret: 'grid-own-secret-334455', userId: 20001 };
    const simulator = createGateSimulator({ keys: [MAIN, grid], clock, portfolio: DEMO_PORTFOLIO, subAccounts: DEMO_SUB_ACCOUNTS });
    const client = (creds: Credentials): GateClient =>
      new GateClient({
        transport: createInProcessTransport(simulator),
        credentials: () => Promise.resolve(ok(creds)),
        baseUrl: 'https://sim.invalid/api/v4',
        clock,
      });
    const main = await readProfileSources({
      profile: 'default',
      client: client(MAIN),
      currency: 'USDT',
      subAccounts: new SubAccountReader({ client: client(MAIN), clock }),
      identify: true,
    });
    const own = await readProfileSources({ profile: 'grid', client: client(grid), currency: 'USDT', identify: true });
    expect(own.sources[0]).toMatchObject({ kind: 'key', uid: '20001', estimated: false });
    const all = [...main.sources, ...own.sources];
    expect(main.sources.find((s) => s.uid === '20001')?.kind).toBe('sub-account');
    const expected = sumDecimals([
      (totalBalanceBody(DEMO_PORTFOLIO, 'USDT') as { total: { amount: string } }).total.amount,
      // grid_bot as its own key: Gate's figure, not our estimate of it.
      (totalBalanceBody(DEMO_SUB_ACCOUNTS[0]!.portfolio, 'USDT') as { total: { amount: string } }).total.amount,
      simTotal(DEMO_SUB_ACCOUNTS[1]!, 'USDT'),
    ]);
    expect(combineSources(all, 'USDT').amount).toBe(expected);
  });
});
