/**
 * The CLI in-process (`runCli` with fake streams) against the simulator over real HTTP on
 * 127.0.0.1: output formats, the exact --json shape, exit codes 0/2/3/4, one-line errors,
 * and the secret never printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/errors.js';
import { PRIVACY_MASK } from '../../shared/present/amounts.js';
import type { Credentials, CredentialsProvider } from '../core/gate/types.js';
import type { SimulatorServer } from '../core/simulator/server.js';
import { startSimulatorServer } from '../core/simulator/server.js';
import { createBalanceCommand } from './commands/balance.js';
import type { CliCommand } from './io.js';
import { COMMANDS, runCli } from './main.js';
import { captureIo } from './test-io.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';

const CREDS: Credentials = { key: 'cli-key-00112233445566778899aabbccdd', secret: 'cli-s3kr1t-NEVER-PRINT-99887766554433' };
const ENV = { GATE_API_KEY: CREDS.key, GATE_API_SECRET: CREDS.secret };

let keychainCalls = 0;
let keychainAnswer: Awaited<ReturnType<CredentialsProvider>> = ok(null);
const fakeKeychain: CredentialsProvider = () => {
  keychainCalls += 1;
  return Promise.resolve(keychainAnswer);
};
// History goes to a throw-away folder per run (never the real home), so no run sees an earlier
// one's points: the history's own effects are tested in commands/history.test.ts.
const DATA_DIR = mkdtempSync(join(tmpdir(), 'glance-cli-main-'));
let runs = 0;
const TABLE: Record<string, CliCommand> = {
  balance: createBalanceCommand({ keychainCredentials: fakeKeychain, dataDir: () => join(DATA_DIR, String((runs += 1))) }),
};

async function run(argv: string[], env: Record<string, string> = ENV) {
  const io = captureIo(env);
  const code = await runCli(argv, io, TABLE);
  const out = io.out();
  const err = io.err();
  // Whatever happened: no secret, no stack trace.
  expectNoSecret(out + err, CREDS.secret);
  expect(err).not.toMatch(/\n\s+at /);
  return { code, out, err };
}

describe('gate-glance (in-process)', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({ keys: [CREDS, { key: 'readless', secret: 'readless-s3kr1t-1234', walletRead: false }] });
  });
  afterAll(() => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    return server.close();
  });
  beforeEach(() => {
    server.simulator.setFault(null);
    keychainCalls = 0;
    keychainAnswer = ok(null);
  });

  it('--json prints exactly the documented shape: verbatim amounts, sorted, shares to 100.00', async () => {
    const { code, out, err } = await run(['balance', '--json', '--base-url', server.url]);
    expect([code, err]).toEqual([0, '']);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['currency', 'total', 'accounts', 'unaccounted', 'fetchedAt', 'change24h']);
    expect(doc['unaccounted']).toBeNull(); // the simulator's accounts add up to its total
    expect(doc['currency']).toBe('USDT');
    expect(doc['total']).toEqual({ amount: '633967350312281193.068368815439797304437', unrealisedPnl: '0', borrowed: '0' });
    const accounts = doc['accounts'] as Array<Record<string, unknown>>;
    expect(accounts.map((a) => Object.keys(a))).toEqual(accounts.map(() => ['name', 'amount', 'share', 'unrealisedPnl', 'borrowed']));
    expect(accounts.map((a) => a['name'])).toEqual([
      'quant',
      'spot',
      'finance',
      'futures',
      'delivery',
      'margin',
      'cbbc',
      'cross_margin',
      'warrant',
    ]);
    expect(accounts[0]).toEqual({
      name: 'quant',
      amount: '591702859674467879.6488202650892478553852',
      share: '93.33',
      unrealisedPnl: null,
      borrowed: null,
    });
    expect(accounts.find((a) => a['name'] === 'margin')).toMatchObject({ borrowed: '0.00', unrealisedPnl: null });
    expect(accounts.find((a) => a['name'] === 'futures')).toMatchObject({ unrealisedPnl: '0.00', borrowed: null });
    const positive = accounts.filter((a) => a['amount'] !== '0');
    const hundredths = positive.reduce((n, a) => n + Number(String(a['share']).replace('.', '')), 0);
    expect(hundredths).toBe(10_000);
    expect(accounts.filter((a) => a['amount'] === '0').every((a) => a['share'] === '0.00')).toBe(true);
    expect(doc['fetchedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(String(doc['fetchedAt'])) - Date.now())).toBeLessThan(10_000);
    expect(keychainCalls).toBe(0); // env credentials win; the keychain is never touched
  });

  it('prints a readable table with exact formatting, and --full keeps every digit', async () => {
    const { code, out } = await run(['balance', '--base-url', server.url]);
    expect(code).toBe(0);
    expect(out).toMatch(/estimated in USDT/);
    expect(out).toMatch(/^Quant\s+591,702,859,674,467,879\.65\s+93\.33 %$/m);
    // The popover's words for a positive account too small for two decimals (was "0.00%").
    expect(out).toMatch(/^Margin\s+1,259,175\.66\s+< 0\.01 %$/m);
    expect(out).not.toMatch(/0\.00 ?%/);
    expect(out).toMatch(/^Total\s+633,967,350,312,281,193\.07$/m);
    expect(out).toMatch(/^Warrant\s+0\.00\s+—$/m);
    const full = await run(['balance', '--full', '--base-url', server.url]);
    expect(full.out).toMatch(/^Quant\s+591,702,859,674,467,879\.6488202650892478553852\s+93\.33 %$/m);
  });

  it('--short prints one status-bar line; --private masks it; BTC shows 8 digits', async () => {
    expect((await run(['balance', '--short', '--base-url', server.url])).out).toBe('633,967,350,312,281,193.07 USDT\n');
    // The one privacy mask of the tray and the popover (was "•••••" here alone).
    expect((await run(['balance', '--format', 'short', '--private', '--base-url', server.url])).out).toBe(`${PRIVACY_MASK} USDT\n`);
    expect(PRIVACY_MASK).toBe('•••');
    const btc = await run(['balance', '--short', '-c', 'btc', '--base-url', server.url]);
    expect(btc.out).toMatch(/^[\d,]+\.\d{8} BTC\n$/);
    const table = await run(['balance', '--private', '--base-url', server.url]);
    expect(table.out).not.toMatch(/\d{3},\d{3}/);
    expect(table.out).toMatch(/^Quant\s+•••\s+•••$/m);
    expect(table.out).not.toContain('••••');
  });

  it('--format waybar prints one JSON object with text, tooltip and class; errors too', async () => {
    const ok1 = await run(['balance', '--format', 'waybar', '--base-url', server.url]);
    expect(ok1.code).toBe(0);
    const doc = JSON.parse(ok1.out) as Record<string, string>;
    expect(Object.keys(doc)).toEqual(['text', 'tooltip', 'class']);
    expect(doc['text']).toBe('633,967,350,312,281,193.07 USDT');
    expect(doc['class']).toBe('live');
    expect(doc['tooltip']).toMatch(
      /^Gate\.io total \(estimated\): 633,967,350,312,281,193\.07 USDT\nQuant: 591,702,859,674,467,879\.65 \(93\.33 %\)\n/,
    );
    // Pango markup: waybar reads &lt; as <.
    expect(doc['tooltip']).toContain('\nMargin: 1,259,175.66 (&lt; 0.01 %)\n');
    expect(JSON.parse((await run(['balance', '--format', 'waybar', '--private', '--base-url', server.url])).out).tooltip).not.toMatch(
      /\d,\d{3}/,
    );
    server.simulator.setFault({ kind: 'server-error' });
    const bad = await run(['balance', '--format', 'waybar', '--base-url', server.url]);
    expect(bad.code).toBe(4);
    expect(JSON.parse(bad.out)).toMatchObject({ text: 'n/a (SERVER_ERROR)', class: 'error' });
    expect(bad.err).toMatch(/^error: SERVER_ERROR: /);
  });

  it('--demo needs no credentials and says it is the demo', async () => {
    const { code, out } = await run(['balance', '--demo', '--json'], {});
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ currency: 'USDT', total: { amount: '38522.03252045' } });
    expect((await run(['balance', '--demo'], {})).out).toMatch(/demo portfolio, not your account/);
    expect((await run(['balance', '--demo', '--short', '--currency', 'CNY'], {})).out).toMatch(/^demo [\d,]+\.\d\d CNY\n$/);
    expect(keychainCalls).toBe(0);
  });

  it.each([
    [['balance', '--currency', 'EUR'], /unknown currency "EUR"/],
    [['balance', '--timeout', 'soon'], /--timeout must be/],
    [['balance', '--timeout', '0'], /--timeout must be/],
    [['balance', '--base-url', 'ftp://x'], /--base-url must be/],
    [['balance', '--base-url', 'https://u:p@x/api/v4'], /--base-url must be/],
    [['balance', '--bogus'], /unknown option --bogus/],
    [['balance', '--currency'], /--currency needs a value/],
    [['balance', '--json', '--short'], /choose one output format/],
    [['balance', '--format', 'xml'], /unknown format/],
    [['balance', '--demo', '--base-url', 'https://x/api/v4'], /cannot be combined/],
    [['balance', 'extra'], /unexpected argument/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j is a usage error: exit 2, one line on stderr', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err.startsWith('error: ')).toBe(true);
  });

  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: gate-glance <command>/);
    expect(help.out).toMatch(/balance/);
    const none = await run([]);
    expect([none.code, none.out]).toEqual([2, '']);
    expect(none.err).toMatch(/Usage/);
    const bal = await run(['help', 'balance']);
    expect(bal.code).toBe(0);
    expect(bal.out).toMatch(/--currency CUR/);
    expect((await run(['balance', '-h'])).out).toBe(bal.out);
    expect((await run(['--version'])).out).toMatch(/^(dev|\d+\.\d+\.\d+)\n$/);
  });

  it.each([
    ['wrong secret', { GATE_API_KEY: CREDS.key, GATE_API_SECRET: 'wrong-s3kr1t-000' }, null, 'INVALID_SIGNATURE', 3],
    ['unknown key', { GATE_API_KEY: 'nobody', GATE_API_SECRET: 'whatever-123' }, null, 'INVALID_KEY', 3],
    ['no wallet permission', { GATE_API_KEY: 'readless', GATE_API_SECRET: 'readless-s3kr1t-1234' }, null, 'FORBIDDEN', 3],
    ['server error', ENV, { kind: 'server-error' } as const, 'SERVER_ERROR', 4],
    ['HTML page', ENV, { kind: 'html', status: 200 } as const, 'BAD_RESPONSE', 4],
    ['malformed JSON', ENV, { kind: 'malformed-json' } as const, 'BAD_RESPONSE', 4],
    ['rate limit', ENV, { kind: 'rate-limit' } as const, 'RATE_LIMITED', 4],
    ['dropped connection', ENV, { kind: 'drop' } as const, 'NETWORK', 4],
  ])('%s → %s, exit %i, one line on stderr and the JSON error on stdout', async (_name, env, fault, errorCode, exit) => {
    if (fault) server.simulator.setFault(fault);
    const { code, out, err } = await run(['balance', '--json', '--base-url', server.url], env);
    expect(code).toBe(exit);
    expect(err).toMatch(new RegExp(`^error: ${errorCode}: .+ — .+\\n$`));
    expect(err.split('\n')).toHaveLength(2);
    const doc = JSON.parse(out) as { error: Record<string, unknown> };
    const keys = Object.keys(doc.error);
    expect(keys.slice(0, 3)).toEqual(['code', 'message', 'hint']);
    expect(doc.error['code']).toBe(errorCode);
    if (errorCode === 'RATE_LIMITED') expect(doc.error['retryAfterMs']).toBeGreaterThan(0);
    else expect(keys).toHaveLength(3);
    expectNoSecret(out + err, env.GATE_API_SECRET);
  });

  it("works when Gate's clock and this machine's differ by 5 minutes (resync, one retry)", async () => {
    server.simulator.setServerClockOffset(300_000);
    try {
      const before = server.simulator.log.length;
      const { code, out } = await run(['balance', '--short', '--base-url', server.url]);
      expect([code, out]).toEqual([0, '633,967,350,312,281,193.07 USDT\n']);
      expect(server.simulator.log.slice(before).map((l) => l.status)).toEqual([401, 200, 200]);
    } finally {
      server.simulator.setServerClockOffset(0);
    }
  });

  it('a hanging server is a TIMEOUT after --timeout ms (exit 4); --short prints n/a', async () => {
    server.simulator.setFault({ kind: 'hang' });
    const { code, out, err } = await run(['balance', '--short', '--timeout', '250', '--base-url', server.url]);
    expect(code).toBe(4);
    expect(out).toBe('n/a (TIMEOUT)\n');
    expect(err).toMatch(/^error: TIMEOUT: No answer from Gate within 250 ms\./);
  });

  it('without env credentials asks the keychain; none stored is MISSING_CREDENTIALS (exit 3)', async () => {
    const { code, out, err } = await run(['balance', '--base-url', server.url], {});
    expect(keychainCalls).toBe(1);
    expect([code, out]).toEqual([3, '']);
    expect(err).toMatch(/^error: MISSING_CREDENTIALS: .*GATE_API_KEY/);
  });

  it('uses the key from the keychain, and passes keychain failures through (exit 3)', async () => {
    keychainAnswer = ok(CREDS);
    expect((await run(['balance', '--short', '--base-url', server.url], {})).code).toBe(0);
    keychainAnswer = fail('KEYCHAIN_LOCKED', { platform: 'linux' });
    const locked = await run(['balance', '--json', '--base-url', server.url], {});
    expect(locked.code).toBe(3);
    expect(JSON.parse(locked.out)).toEqual({
      error: {
        code: 'KEYCHAIN_LOCKED',
        message: 'The OS keychain is locked.',
        hint: 'Unlock your login keyring (Passwords and Keys / Seahorse, or KWallet), or log out and in again, then try again.',
      },
    });
  });

  it('only one of GATE_API_KEY / GATE_API_SECRET set is a clear credentials error', async () => {
    const { code, err } = await run(['balance', '--base-url', server.url], { GATE_API_KEY: CREDS.key });
    expect(code).toBe(3);
    expect(err).toMatch(/^error: INVALID_CREDENTIALS_INPUT: GATE_API_KEY is set but GATE_API_SECRET is empty or missing\./);
    expect(keychainCalls).toBe(0);
  });

  it('a connection refused is NETWORK (exit 4)', async () => {
    const gone = await startSimulatorServer({});
    await gone.close();
    const { code, err } = await run(['balance', '--base-url', gone.url]);
    expect(code).toBe(4);
    expect(err).toMatch(/^error: NETWORK: Could not reach Gate: the connection was refused/);
  });

  it('a command that throws becomes one INTERNAL line and exit 1', async () => {
    const io = captureIo({});
    const code = await runCli(['boom'], io, { boom: () => Promise.reject(new Error(`leak ${CREDS.secret}`)) });
    expect(code).toBe(1);
    expect(io.err()).toBe('error: INTERNAL: gate-glance failed unexpectedly. — This is a bug in Gate Glance; please report it.\n');
  });

  it('the real command table has balance, wired to a keychain fallback', () => {
    expect(typeof COMMANDS['balance']).toBe('function');
  });
});
