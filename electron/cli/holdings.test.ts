/**
 * `gate-glance holdings` in-process against the simulator over real HTTP on 127.0.0.1: the
 * exact --json shape per account, ordering and shares, the table, privacy, and the same error
 * lines and exit codes as `balance`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sumDecimals } from '../../shared/decimal.js';
import type { Credentials } from '../core/gate/types.js';
import { convertAmount, DEMO_PORTFOLIO } from '../core/simulator/portfolio.js';
import type { SimulatorServer } from '../core/simulator/server.js';
import { startSimulatorServer } from '../core/simulator/server.js';
import { createHoldingsCommand } from './commands/holdings.js';
import { runCli, usageText } from './main.js';
import { captureIo } from './test-io.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';

const CREDS: Credentials = { key: 'cli-hold-key-00112233445566778899aa', secret: 'cli-hold-secret-NEVER-PRINT-998877' };
const NO_SPOT: Credentials = { key: 'cli-nospot-key-001122', secret: 'cli-nospot-secret-NEVER-PRINT' };
const ENV = { GATE_API_KEY: CREDS.key, GATE_API_SECRET: CREDS.secret };
const TABLE = { holdings: createHoldingsCommand() };

async function run(argv: string[], env: Record<string, string> = ENV) {
  const io = captureIo(env);
  const code = await runCli(argv, io, TABLE);
  const out = io.out();
  const err = io.err();
  expectNoSecret(out + err, CREDS.secret);
  expectNoSecret(out + err, NO_SPOT.secret);
  return { code, out, err };
}

type Doc = { account: string; currency: string; amount: string | null; coins: Record<string, string | null>[]; fetchedAt: string };

describe('gate-glance holdings (in-process)', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({ keys: [CREDS, { ...NO_SPOT, permissions: { spot: false } }], portfolio: DEMO_PORTFOLIO });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.simulator.setFault(null);
    server.simulator.setPortfolio(DEMO_PORTFOLIO);
  });

  it('--json prints exactly the documented shape for spot: priced by value, then unpriced by coin, shares to 100.00', async () => {
    const { code, out, err } = await run(['holdings', '--json', '--base-url', server.url]);
    expect([code, err]).toEqual([0, '']);
    expect(out.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(out) as Doc;
    expect(Object.keys(doc)).toEqual(['account', 'currency', 'amount', 'coins', 'fetchedAt']);
    expect([doc.account, doc.currency, doc.amount]).toEqual(['spot', 'USDT', '18452.73120045']);
    expect(doc.coins.map((c) => Object.keys(c))).toEqual(
      doc.coins.map(() => ['coin', 'quantity', 'available', 'locked', 'priceUsdt', 'valueUsdt', 'value', 'share']),
    );
    expect(doc.coins.map((c) => c['coin'])).toEqual(['BTC', 'ETH', 'USDT', 'GT', 'NMR', 'DOGE', 'PEPE', 'FTT', 'POINT']);
    expect(doc.coins[0]).toEqual({
      coin: 'BTC',
      quantity: '0.12',
      available: '0.1',
      locked: '0.02',
      priceUsdt: '95000',
      valueUsdt: '11400',
      value: '11400.00',
      share: '61.78',
    });
    expect(doc.coins.find((c) => c['coin'] === 'NMR')).toMatchObject({ priceUsdt: '17.1', valueUsdt: '34.2' });
    expect(doc.coins.at(-1)).toEqual({
      coin: 'POINT',
      quantity: '12',
      available: '12',
      locked: '0',
      priceUsdt: null,
      valueUsdt: null,
      value: null,
      share: '0.00',
    });
    expect(sumDecimals(doc.coins.map((c) => c['share']!))).toBe('100');
    expect(sumDecimals(doc.coins.flatMap((c) => (c['value'] ? [c['value']] : [])))).toBe('18452.73');
    expect(doc.coins.some((c) => c['coin'] === 'SOL')).toBe(false); // a zero quantity is left out
    expect(new Date(doc.fetchedAt).toISOString()).toBe(doc.fetchedAt);
  });

  it('futures entries are settle currencies with Gate total, available, locked null and unrealisedPnl; values in BTC to 8 digits', async () => {
    const { code, out } = await run(['holdings', '--account', 'futures', '--currency', 'btc', '--json', '--base-url', server.url]);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as Doc;
    expect([doc.currency, doc.amount]).toEqual(['BTC', convertAmount('6210.4471', 'BTC')]);
    expect(doc.coins.map((c) => Object.keys(c))).toEqual(
      doc.coins.map(() => ['coin', 'quantity', 'available', 'locked', 'unrealisedPnl', 'priceUsdt', 'valueUsdt', 'value', 'share']),
    );
    expect(doc.coins[0]).toMatchObject({
      coin: 'USDT',
      quantity: '5260.4471',
      available: '4100.2',
      locked: null,
      unrealisedPnl: '-141.5811',
    });
    expect(sumDecimals(doc.coins.map((c) => c['value']!))).toBe('0.06537303');
  });

  it('finance and unified entries have available and locked null; unified has no amount', async () => {
    const finance = JSON.parse((await run(['holdings', '-a', 'finance', '--format', 'json', '--base-url', server.url])).out) as Doc;
    expect(finance.amount).toBe('9870.115');
    expect(finance.coins.every((c) => c['available'] === null && c['locked'] === null)).toBe(true);
    server.simulator.setPortfolio({
      ...DEMO_PORTFOLIO,
      unified: {
        mode: 'multi_currency',
        balances: [
          { currency: 'ETH', equity: '2', available: '2', freeze: '0' },
          { currency: 'POINT', equity: '5', available: '5', freeze: '0' },
        ],
      },
    });
    const unified = JSON.parse((await run(['holdings', '--account', 'unified', '--json', '--base-url', server.url])).out) as Doc;
    expect(unified.amount).toBeNull();
    expect(unified.coins).toEqual([
      { coin: 'ETH', quantity: '2', available: null, locked: null, priceUsdt: '3400', valueUsdt: '6800', value: null, share: '100.00' },
      { coin: 'POINT', quantity: '5', available: null, locked: null, priceUsdt: null, valueUsdt: null, value: null, share: '0.00' },
    ]);
  });

  it('every share is 0.00 when no coin has a price', async () => {
    server.simulator.setPortfolio({
      accounts: {},
      spot: [
        { currency: 'POINT', available: '3', locked: '0' },
        { currency: 'FTT', available: '1', locked: '0' },
      ],
    });
    const doc = JSON.parse((await run(['holdings', '--json', '--base-url', server.url])).out) as Doc;
    expect(doc.coins.map((c) => [c['coin'], c['share'], c['value']])).toEqual([
      ['FTT', '0.00', null],
      ['POINT', '0.00', null],
    ]);
  });

  it('prints a readable table; --private masks quantities, values and shares but not prices', async () => {
    const plain = await run(['holdings', '--base-url', server.url]);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^Gate\.io Spot holdings — /);
    expect(plain.out).toMatch(/BTC\s+0\.12\s+95,000\s+11,400\.00\s+61\.78 %/);
    // The same share words as the balance table and the popover.
    expect(plain.out).toMatch(/PEPE\s+1,000\s+0\.00001\s+0\.01\s+< 0\.01 %/);
    expect(plain.out).toMatch(/POINT\s+12\s+no price\s+—\s+—/);
    expect(plain.out).toContain("Spot (Gate's estimate): 18,452.73 USDT");
    const masked = await run(['holdings', '--private', '--base-url', server.url]);
    expect(masked.out).toMatch(/BTC\s+•••\s+95,000\s+•••\s+•••/);
    expect(masked.out).not.toContain('11,400');
    expect(masked.out).not.toContain('18,452');
  });

  it('the demo needs no key', async () => {
    const { code, out } = await run(['holdings', '--demo', '--json'], {});
    expect(code).toBe(0);
    expect((JSON.parse(out) as Doc).amount).toBe('18452.73120045');
  });

  it('a key without Spot read fails like balance: one error line naming the permission, exit 3, JSON error with --json', async () => {
    const { code, out, err } = await run(['holdings', '--json', '--base-url', server.url], {
      GATE_API_KEY: NO_SPOT.key,
      GATE_API_SECRET: NO_SPOT.secret,
    });
    expect(code).toBe(3);
    expect(err).toMatch(
      /^error: FORBIDDEN: This key lacks the Spot \(read\) permission.* — Edit the key in Gate's API Management and enable "Spot: read only"\. The total keeps working without it\.\n$/,
    );
    expect(JSON.parse(out)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('server, network and shape failures exit 4; usage errors exit 2; no credentials exit 3', async () => {
    server.simulator.setFault({ kind: 'server-error', status: 503, label: 'TOO_BUSY' }, undefined, 'spot_tickers');
    const busy = await run(['holdings', '--base-url', server.url]);
    expect([busy.code, busy.err.startsWith('error: SERVER_ERROR: ')]).toEqual([4, true]);
    server.simulator.setFault({ kind: 'wrong-shape' }, undefined, 'spot_accounts');
    expect((await run(['holdings', '--base-url', server.url])).code).toBe(4);
    server.simulator.setFault(null);
    expect((await run(['holdings', '--account', 'margin'])).err).toBe(
      'error: unknown account "margin"; use spot, futures, finance, unified (see `gate-glance help holdings`)\n',
    );
    expect((await run(['holdings', '--currency', 'EUR'])).code).toBe(2);
    expect((await run(['holdings', '--json', '--format', 'table'])).code).toBe(2);
    expect((await run(['holdings', '--demo', '--base-url', server.url])).code).toBe(2);
    const none = await run(['holdings', '--base-url', server.url], {});
    expect([none.code, none.err.startsWith('error: MISSING_CREDENTIALS: ')]).toEqual([3, true]);
  });

  it('has help text naming every option and the permissions it needs, and a line in the top-level help', async () => {
    const help = await run(['help', 'holdings']);
    expect(help.code).toBe(0);
    for (const option of ['--account', '--currency', '--json', '--format', '--private', '--base-url', '--timeout', '--demo'])
      expect(help.out).toContain(option);
    expect(help.out.replace(/\s+/g, ' ')).toContain(
      'Spot for spot, Perpetual Futures for futures, Earn for finance, Unified Account for unified',
    );
    expect(usageText()).toMatch(/\n {2}holdings +show what one account is made of/);
  });
});
