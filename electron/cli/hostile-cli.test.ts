/**
 * Hostile input through the CLI, in-process against the simulator over real HTTP: accounts
 * named like JavaScript object members, with terminal escapes and bidi controls in their names,
 * more accounts than Gate could have, and accounts that do not add up to Gate's total — in every
 * output format, with and without --private.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Credentials } from '../core/gate/types.js';
import type { SimPortfolio } from '../core/simulator/portfolio.js';
import { HOSTILE_PORTFOLIO } from '../core/simulator/portfolio.js';
import type { SimulatorServer } from '../core/simulator/server.js';
import { startSimulatorServer } from '../core/simulator/server.js';
import { runCli } from './main.js';
import { captureIo } from './test-io.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';

const CREDS: Credentials = { key: 'hostile-key-00112233445566778899', secret: 'hostile-s3kr1t-NEVER-PRINT-998877' };
const ENV = { GATE_API_KEY: CREDS.key, GATE_API_SECRET: CREDS.secret };
const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];
/** What HOSTILE_PORTFOLIO's account names read as, cleaned (its empty name gets a placeholder). */
const HOSTILE_LABELS = ['Spot', ...PROTOTYPE_NAMES, 'evil[2J]0;owned', 'redrotset', '(unnamed account)', 'Payment'];
// Any control character (C0, DEL, C1) but the newline, and every bidi control.
const UNSAFE = /(?!\n)[\p{Cc}\p{Bidi_Control}]/u;

const FORMATS = [
  ['table', []],
  ['json', ['--json']],
  ['short', ['--short']],
  ['waybar', ['--format', 'waybar']],
] as const;

function manyAccounts(n: number): SimPortfolio {
  return {
    accounts: Object.fromEntries(
      Array.from({ length: n }, (_, i): [string, SimPortfolio['accounts'][string]] => [`acct_${i}`, { amount: '1.5' }]),
    ),
  };
}

describe('gate-glance balance with hostile portfolios', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({ keys: [CREDS] });
  });
  afterAll(() => server.close());
  beforeEach(() => server.simulator.setPortfolio(HOSTILE_PORTFOLIO));

  async function run(args: readonly string[]) {
    const io = captureIo(ENV);
    const code = await runCli(['balance', '--base-url', server.url, ...args], io);
    expectNoSecret(io.out() + io.err(), CREDS.secret);
    return { code, out: io.out(), err: io.err() };
  }

  for (const [format, flags] of FORMATS) {
    for (const privacy of [false, true]) {
      it(`${format}${privacy ? ' --private' : ''}: exit 0, nothing unsafe printed, no function source`, async () => {
        const r = await run([...flags, ...(privacy ? ['--private'] : [])]);
        expect([r.code, r.err]).toEqual([0, '']);
        expect(r.out).not.toMatch(UNSAFE);
        expect(r.out).not.toMatch(/function|native code|\[object/);
        if (format === 'table') {
          const lines = r.out.split('\n');
          const first = lines.findIndex((l) => l.startsWith('Account ')) + 1;
          const labels = lines.slice(first, first + HOSTILE_LABELS.length).map((l) => l.split(/\s{2,}/)[0]);
          expect(new Set(labels)).toEqual(new Set(HOSTILE_LABELS));
        }
        if (format === 'waybar') {
          const tooltip = (JSON.parse(r.out) as { tooltip: string }).tooltip;
          expect(tooltip).not.toMatch(UNSAFE);
          for (const label of HOSTILE_LABELS) expect(tooltip).toMatch(new RegExp(`^${label.replace(/[[\]()]/g, '\\$&')}: `, 'm'));
        }
      });
    }
  }

  it('--json keeps every name verbatim, __proto__ and escapes included, and says what is unaccounted', async () => {
    const r = await run(['--json']);
    const doc = JSON.parse(r.out) as {
      accounts: Array<{ name: string; amount: string }>;
      unaccounted: string | null;
      total: { amount: string };
    };
    expect(doc.accounts.map((a) => a.name).sort()).toEqual(Object.keys(HOSTILE_PORTFOLIO.accounts).sort());
    expect(doc.accounts.find((a) => a.name === '__proto__')?.amount).toBe('50');
    expect(Object.getPrototypeOf(doc.accounts)).toBe(Array.prototype);
    // 2,165.25 in the total (75.25 of it in no account) against 2,210.5 listed (payment's 120.5 outside the total).
    expect(doc.total.amount).toBe('2165.25');
    expect(doc.unaccounted).toBe('-45.25');
    expect(Object.keys(doc)).toEqual(['currency', 'total', 'accounts', 'unaccounted', 'fetchedAt', 'change24h']);
  });

  it('the table and the waybar tooltip say what the accounts leave unaccounted, masked with --private', async () => {
    const table = await run([]);
    expect(table.out).toMatch(/^Unaccounted\s+-45\.25$/m);
    expect(table.out.replace(/\n(?=\S)/g, ' ')).toContain(
      "The accounts add up to 45.25 USDT more than Gate's total: Gate leaves some accounts (such as Payment) out of it.",
    );
    const lines = table.out.split('\n');
    expect(lines.indexOf(lines.find((l) => l.startsWith('Unaccounted'))!)).toBe(lines.findIndex((l) => l.startsWith('─')) - 1);
    const masked = await run(['--private']);
    expect(masked.out).toMatch(/^Unaccounted\s+•••$/m);
    expect(masked.out).toContain("Gate's total and the sum of its accounts differ.");
    // The amount in any grouping (the table's clock may hold a 45 of its own).
    expect(masked.out).not.toMatch(/45[.,]25/);
    const waybar = JSON.parse((await run(['--format', 'waybar'])).out) as { tooltip: string };
    expect(waybar.tooltip).toMatch(/^Unaccounted: -45\.25$/m);
    expect((JSON.parse((await run(['--format', 'waybar', '--private'])).out) as { tooltip: string }).tooltip).toMatch(
      /^Unaccounted: •••$/m,
    );
  });

  it('value in no account reads as a positive difference; below the display unit nothing is said', async () => {
    server.simulator.setPortfolio({ accounts: { spot: { amount: '100' } }, unlisted: '0.01' });
    const more = await run([]);
    expect(more.out).toMatch(/^Unaccounted\s+\+0\.01$/m);
    expect(more.out).toContain("Gate's total is 0.01 USDT more than its accounts add up to");
    expect((JSON.parse((await run(['--json'])).out) as { unaccounted: string | null }).unaccounted).toBe('0.01');
    server.simulator.setPortfolio({ accounts: { spot: { amount: '100' } }, unlisted: '0.009' });
    for (const flags of [[], ['--format', 'waybar']]) expect((await run(flags)).out).not.toContain('Unaccounted');
    expect((JSON.parse((await run(['--json'])).out) as { unaccounted: string | null }).unaccounted).toBeNull();
    // In BTC the unit is 0.00000001: 0.01 USDT is 0.000000105263 BTC, shown; 0.0009 USDT is not.
    server.simulator.setPortfolio({ accounts: { spot: { amount: '100' } }, unlisted: '0.01' });
    expect((await run(['--currency', 'BTC'])).out).toMatch(/^Unaccounted\s+\+0\.00000011$/m);
    server.simulator.setPortfolio({ accounts: { spot: { amount: '100' } }, unlisted: '0.0009' });
    expect((await run(['--currency', 'BTC'])).out).not.toContain('Unaccounted');
  });

  it('accounts that add up (the demo portfolio) get no unaccounted line', async () => {
    for (const flags of [['--demo'], ['--demo', '--format', 'waybar'], ['--demo', '--currency', 'BTC']]) {
      const io = captureIo({});
      expect(await runCli(['balance', ...flags], io)).toBe(0);
      expect(io.out()).not.toContain('Unaccounted');
    }
  });

  it('--json escapes C1 and bidi controls instead of printing them raw', async () => {
    server.simulator.setPortfolio({ accounts: { 'a\u202eb\u0085c\u2028d': { amount: '1' } } });
    const r = await run(['--json']);
    expect(r.out).toContain('"a\\u202eb\\u0085c\\u2028d"');
    expect((JSON.parse(r.out) as { accounts: Array<{ name: string }> }).accounts[0]?.name).toBe('a\u202eb\u0085c\u2028d');
  });

  it('1,000 accounts are shown; 1,001 are BAD_RESPONSE (exit 4) in every format', async () => {
    server.simulator.setPortfolio(manyAccounts(1000));
    const ok = await run(['--json']);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.out) as { accounts: unknown[] }).accounts).toHaveLength(1000);
    server.simulator.setPortfolio(manyAccounts(1001));
    for (const [, flags] of FORMATS) {
      const bad = await run(flags);
      expect(bad.code).toBe(4);
      expect(bad.err).toMatch(/^error: BAD_RESPONSE: .*listed 1001 accounts, more than the 1000 it can have/);
    }
  });

  it("a usage error echoes the user's own argument cleaned: no escape, bidi or invisible character reaches the terminal", async () => {
    const hostile = 'x\u001b]52;c;b3duZWQ=\u0007\u202e\u200by';
    for (const argv of [
      ['balance', `--${hostile}`],
      ['balance', hostile],
      ['balance', '--format', hostile],
      ['holdings', hostile],
    ]) {
      const io = captureIo(ENV);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toMatch(/x\]52;c;b3duZWQ/);
      expect(io.err()).not.toMatch(/[\p{Cc}\p{Bidi_Control}\u200b](?<!\n)/u);
    }
  });

  it('accounts that add up to more digits than any input are exact in every format, not INTERNAL', async () => {
    const nines = '9'.repeat(200);
    server.simulator.setPortfolio({ accounts: { spot: { amount: nines }, futures: { amount: nines } }, unlisted: `-${nines}` });
    for (const [format, flags] of FORMATS) {
      const r = await run(flags);
      expect([r.code, r.err], format).toEqual([0, '']);
    }
    const doc = JSON.parse((await run(['--json'])).out) as { total: { amount: string }; unaccounted: string };
    expect(doc.total.amount).toBe(nines);
    expect(doc.unaccounted).toBe(`-${nines}`);
  });
});
