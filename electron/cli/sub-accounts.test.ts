/**
 * `gate-glance balance --sub-accounts` in-process against the simulator over real HTTP: the
 * JSON keeps today's fields (`total` is the key's own Gate figure) and adds `sources` and
 * `combined` exactly as issue 25 fixes them; the table has one row per source and the combined
 * total; a failure of one part is a source's state, never the command's; without the option, or
 * with no sub-accounts, the output is today's byte for byte.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sumDecimals } from '../../shared/decimal.js';
import type { Credentials } from '../core/gate/types.js';
import { convertAmount, DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS, totalBalanceBody } from '../core/simulator/portfolio.js';
import type { SimulatorServer } from '../core/simulator/server.js';
import { startSimulatorServer } from '../core/simulator/server.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';
import { createBalanceCommand } from './commands/balance.js';
import { runCli } from './main.js';
import { captureIo } from './test-io.js';

const CREDS: Credentials = { key: 'cli-subs-key-00112233445566', secret: 'cli-subs-secret-NEVER-PRINT-0099' };
const NO_SUBS: Credentials = { key: 'cli-nosub-key-00112233', secret: 'cli-nosub-secret-NEVER-PRINT-11' };
const env = (c: Credentials = CREDS) => ({ GATE_API_KEY: c.key, GATE_API_SECRET: c.secret });
const TABLE = { balance: createBalanceCommand() };

async function run(argv: string[], c: Credentials = CREDS, extraEnv: Record<string, string> = {}) {
  const io = captureIo({ ...env(c), ...extraEnv });
  const code = await runCli([...argv, '--no-history'], io, TABLE);
  const out = io.out();
  const err = io.err();
  expectNoSecret(out + err, CREDS.secret);
  expectNoSecret(out + err, NO_SUBS.secret);
  return { code, out, err };
}

type SourceDoc = Record<string, unknown> & { total: { currency: string; amount: string } | null };
type Doc = Record<string, unknown> & { total: { amount: string }; sources: SourceDoc[]; combined: Record<string, unknown> };

function equity(index: number, currency: 'USDT' | 'CNY'): string {
  const total = (totalBalanceBody(DEMO_SUB_ACCOUNTS[index]!.portfolio, 'USDT') as { total: { amount: string; unrealised_pnl: string } })
    .total;
  return convertAmount(sumDecimals([total.amount, total.unrealised_pnl]), currency);
}

describe('gate-glance balance --sub-accounts (in-process)', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({
      keys: [CREDS, { ...NO_SUBS, permissions: { sub_account: false } }],
      portfolio: DEMO_PORTFOLIO,
      subAccounts: DEMO_SUB_ACCOUNTS,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => server.simulator.setFault(null));

  it('--json keeps today’s object and adds sources and combined, exact and unrounded', async () => {
    for (const currency of ['USDT', 'CNY'] as const) {
      const today = JSON.parse((await run(['balance', '--json', '-c', currency, '--base-url', server.url])).out) as Record<string, unknown>;
      const { code, out, err } = await run(['balance', '--sub-accounts', '--json', '-c', currency, '--base-url', server.url]);
      expect([code, err]).toEqual([0, '']);
      const doc = JSON.parse(out) as Doc;
      expect(Object.keys(doc)).toEqual([...Object.keys(today), 'sources', 'combined']);
      expect(doc.total).toEqual(today['total']);
      expect(doc.sources.map((s) => Object.keys(s))).toEqual(
        doc.sources.map(() => ['kind', 'profile', 'uid', 'name', 'total', 'estimated', 'partial', 'covers', 'unpriced', 'status', 'error']),
      );
      expect(doc.sources[1]).toEqual({
        kind: 'sub-account',
        profile: 'default',
        uid: '20001',
        name: 'grid_bot',
        total: { currency, amount: equity(0, currency) },
        estimated: true,
        partial: true,
        covers: ['spot', 'futures', 'cross_margin', 'margin'],
        unpriced: ['POINT'],
        status: 'ok',
        error: null,
      });
      expect(doc.sources[0]).toMatchObject({
        kind: 'key',
        uid: null,
        total: { currency, amount: doc.total.amount },
        estimated: false,
        partial: false,
      });
      expect(doc.combined).toEqual({
        currency,
        amount: sumDecimals([doc.total.amount, equity(0, currency), equity(1, currency)]),
        partial: true,
        estimated: true,
      });
    }
  });

  it('prints one row per source and the combined total, says what the estimate covers, masks amounts with --private', async () => {
    const { code, out } = await run(['balance', '--sub-accounts', '--base-url', server.url]);
    expect(code).toBe(0);
    expect(out).toContain(
      'grid_bot (sub-account 20001)       3,474.00  estimated, spot, futures, cross margin, margin only, not priced: POINT',
    );
    expect(out).toMatch(/^Combined +43,625\.53 {2}estimated, partial$/m);
    expect(out).toContain('Sub-accounts are estimated by Gate Glance from their balances');
    const masked = await run(['balance', '--sub-accounts', '--private', '--base-url', server.url]);
    expect(masked.out).not.toMatch(/3,474|43,625/);
  });

  it('wraps the prose under the sources table at the terminal width, never a word broken', async () => {
    const { code, out } = await run(['balance', '--sub-accounts', '--base-url', server.url], CREDS, { COLUMNS: '60' });
    expect(code).toBe(0);
    const prose = out.slice(out.indexOf('Sub-accounts are estimated')).trimEnd().split('\n');
    expect(prose.length).toBeGreaterThan(2);
    for (const line of prose) expect(line.length).toBeLessThanOrEqual(60);
    expect(prose.join(' ')).toContain('futures equity (total + unrealised PnL)');
  });

  it('makes a key that may not list sub-accounts one source in error, worded, and still exits 0 with the key’s total', async () => {
    const { code, out, err } = await run(['balance', '--sub-accounts', '--json', '--base-url', server.url], NO_SUBS);
    expect([code, err]).toEqual([0, '']);
    const doc = JSON.parse(out) as Doc;
    expect(doc.sources[1]).toMatchObject({
      kind: 'sub-account',
      uid: null,
      total: null,
      status: 'error',
      error: { code: 'FORBIDDEN', message: expect.stringContaining('needs the Sub-account (read) permission') as unknown },
    });
    expect(doc.combined).toMatchObject({ amount: doc.total.amount, partial: true, estimated: false });
    const zh = await run(['balance', '--sub-accounts', '--locale', 'zh-TW', '--base-url', server.url], NO_SUBS);
    expect(zh.out).toContain('此金鑰無法讀取子帳戶');
  });

  it('keeps the other sub-accounts’ products when one endpoint is rate-limited', async () => {
    server.simulator.setFault({ kind: 'rate-limit' }, undefined, 'sub_account_futures_balances');
    const doc = JSON.parse((await run(['balance', '--sub-accounts', '--json', '--base-url', server.url])).out) as Doc;
    expect(doc.sources[1]).toMatchObject({ status: 'ok', covers: ['spot', 'cross_margin', 'margin'], error: { code: 'RATE_LIMITED' } });
  });

  it('answers exactly as today without the option, and with it when there are no sub-accounts', async () => {
    const plain = await run(['balance', '--json', '--base-url', server.url]);
    expect(Object.keys(JSON.parse(plain.out) as object)).not.toContain('sources');
    server.simulator.setSubAccounts([]);
    try {
      for (const format of ['json', 'table', 'short']) {
        const a = await run(['balance', '--format', format, '--base-url', server.url]);
        const b = await run(['balance', '--format', format, '--sub-accounts', '--base-url', server.url]);
        const stamp = (text: string) => text.replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+Z| UTC)/g, '<time>');
        expect(stamp(b.out), format).toBe(stamp(a.out));
      }
    } finally {
      server.simulator.setSubAccounts(DEMO_SUB_ACCOUNTS);
    }
  });

  it('shows the demo’s two sub-accounts with --demo --sub-accounts', async () => {
    const io = captureIo({});
    expect(await runCli(['balance', '--demo', '--sub-accounts', '--json'], io, TABLE)).toBe(0);
    const doc = JSON.parse(io.out()) as Doc;
    expect(doc.sources.map((s) => s['name'])).toEqual(['default', 'grid_bot', 'hedge_cm']);
  });
});
