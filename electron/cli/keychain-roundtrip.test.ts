// The "done when", for real: the bundled `gate-glance` (its bin launcher + CJS bundle)
// in child processes, a real gnome-keyring on a private D-Bus session, the Gate simulator over
// real HTTP on 127.0.0.1. login from stdin → status shows the hint → balance signs with the
// stored pair → logout → balance says MISSING_CREDENTIALS (exit 3). Then: the secret is in no
// file under the temp HOME (nor the private keyring's directory, whose file is encrypted), nor
// anywhere in the project tree, nor in anything the CLI printed. Also the failure modes through
// the real CLI: no D-Bus, no Secret Service, a locked keyring — each a named error, exit 3.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/testing/project-root.js';
import { noDbusEnv, runBounded, startPrivateKeyring, type PrivateKeyring } from '../core/testing/private-keyring.js';
import { startSimulatorServer, type SimulatorServer } from '../core/simulator/server.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';
import { sumDecimals } from '../../shared/decimal.js';

// The CLI under test: the real launcher (bin/gate-glance.cjs) and the real entry, built by
// scripts/build-cli.mjs itself but into a private tree, so that another test rebuilding out/cli
// at the same time (bin.test.ts does) cannot pull the bundle from under these processes.
const CLI_TREE = join(PROJECT_ROOT, '.test-results', 'keychain-cli');
const BIN = join(CLI_TREE, 'bin', 'gate-glance.cjs');
// A fresh random pair per run: if it shows up anywhere, this run put it there.
const KEY = randomBytes(16).toString('hex');
const SECRET = randomBytes(32).toString('hex');
const HINT = `…${KEY.slice(-4)}`;

function buildPrivateCli(): void {
  rmSync(CLI_TREE, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'bin'), join(CLI_TREE, 'bin'), { recursive: true });
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-cli.mjs'), '--out-dir', join(CLI_TREE, 'out', 'cli')], {
    cwd: PROJECT_ROOT,
    stdio: 'pipe',
  });
}

/** Every file under `dir` (skipping the named directories) whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string, skip: ReadonlySet<string>): string[] {
  const hits: string[] = [];
  const bytes = Buffer.from(needle);
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!skip.has(e.name)) walk(p);
      } else if (e.isFile()) {
        try {
          if (statSync(p).size <= 50 * 1024 * 1024 && readFileSync(p).includes(bytes)) hits.push(p);
        } catch {
          // vanished or unreadable (another test's temp file): not ours to judge
        }
      }
    }
  };
  walk(dir);
  return hits;
}

const outputs: string[] = [];

async function cli(
  env: Record<string, string>,
  args: readonly string[],
  input = '',
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runBounded(process.execPath, [BIN, ...args], { env, input, timeoutMs: 30_000, cwd: cwd ?? env.HOME ?? PROJECT_ROOT });
  outputs.push(r.stdout, r.stderr);
  expect(r.signal, `gate-glance ${args.join(' ')} was killed (hung?): ${r.stderr}`).toBeNull();
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

function cleanEnv(env: Record<string, string>): Record<string, string> {
  const out = { ...env };
  delete out.GATE_API_KEY;
  delete out.GATE_API_SECRET;
  return out;
}

let keyring: PrivateKeyring;
let sim: SimulatorServer;

beforeAll(async () => {
  buildPrivateCli();
  keyring = await startPrivateKeyring('unlocked');
  // A healthy key (read-only, bound to the loopback address), so login and status warn of nothing.
  sim = await startSimulatorServer({ keys: [{ key: KEY, secret: SECRET, allowedIps: ['127.0.0.1'] }] });
}, 180_000);

afterAll(async () => {
  await sim?.close();
  await keyring?.stop();
});

describe('gate-glance round trip through the real keychain', () => {
  it('login (stdin) → status → balance (signed with the stored pair) → logout → balance: MISSING_CREDENTIALS, exit 3', async () => {
    const env = cleanEnv(keyring.env);

    const login = await cli(env, ['login', '--base-url', sim.url], `${KEY}\n${SECRET}\n`);
    expect(login.stderr).toBe('Checking the key with one signed call to Gate…\n');
    expect(login.stdout).toBe(`Saved API key ${HINT} in the OS keychain. Gate accepted it, with wallet read permission.\n`);
    expect(login.code).toBe(0);

    const status = await cli(env, ['status', '--base-url', sim.url]);
    expect(status).toEqual({
      code: 0,
      stdout: `API key:   stored (${HINT})\nKeychain:  OK\nRead-only: yes\nIP-bound:  yes\nExpires:   not while bound to an IP address\nState:     normal\n`,
      stderr: '',
    });
    const statusJson = await cli(env, ['status', '--json', '--base-url', sim.url]);
    expect(JSON.parse(statusJson.stdout)).toEqual({
      stored: true,
      keyHint: HINT,
      keychainError: null,
      envCredentials: false,
      key: { readOnly: true, writePermissions: [], ipBound: true, expiresAt: null, expiryEstimated: true, state: 'normal', warnings: [] },
    });

    const before = sim.simulator.log.length;
    const balance = await cli(env, ['balance', '--base-url', sim.url, '--json']);
    expect(balance.stderr).toBe('');
    expect(balance.code).toBe(0);
    expect(JSON.parse(balance.stdout)).toMatchObject({ currency: 'USDT' });
    // The simulator checked the HMAC-SHA512 signature made with the stored secret under our key.
    const calls = sim.simulator.log.slice(before).filter((e) => e.path.endsWith('/wallet/total_balance'));
    expect(calls).toEqual([expect.objectContaining({ key: KEY, status: 200 })]);

    // doctor: the stored key works at Gate; the private bus has no StatusNotifierWatcher (a real gdbus asked it).
    const doctor = await cli({ ...env, XDG_CURRENT_DESKTOP: 'GNOME' }, ['doctor', '--json', '--base-url', sim.url]);
    expect(doctor.code).toBe(5);
    expect(JSON.parse(doctor.stdout)).toMatchObject({
      trayHost: { status: 'absent', hint: 'tray-host-gnome' },
      keychain: { status: 'ok', hint: null },
      gate: { status: 'ok', hint: null },
      proxy: { url: null },
    });

    const logout = await cli(env, ['logout']);
    expect(logout).toEqual({ code: 0, stdout: `Removed API key ${HINT} from the OS keychain.\n`, stderr: '' });

    const after = await cli(env, ['balance', '--base-url', sim.url]);
    expect(after.code).toBe(3);
    expect(after.stderr).toMatch(/^error: MISSING_CREDENTIALS: .+ — .+\n$/);
    expect(after.stdout).toBe('');

    const gone = await cli(env, ['status']);
    expect(gone.code).toBe(3);
    expect(gone.stdout).toMatch(/^API key: {3}not stored/);
    const empty = await cli(env, ['doctor', '--json', '--base-url', sim.url]);
    expect(JSON.parse(empty.stdout).keychain).toEqual({ status: 'empty', hint: 'keychain-empty' });
  });

  it('balance --all-profiles reads each profile the app lists from its own keychain entry; a profile logged out is its source in error, exit 6', async () => {
    const family = { key: randomBytes(16).toString('hex'), secret: randomBytes(32).toString('hex') };
    const familyPortfolio = { accounts: { spot: { amount: '321.123456789' } } };
    sim.simulator.setKeys([
      { key: KEY, secret: SECRET, allowedIps: ['127.0.0.1'] },
      { ...family, allowedIps: ['127.0.0.1'], userId: 40001, portfolio: familyPortfolio },
    ]);
    const dataDir = mkdtempSync(join(tmpdir(), 'glance-cli-profiles-'));
    const env = { ...cleanEnv(keyring.env), GATE_GLANCE_DATA_DIR: dataDir };
    try {
      writeFileSync(
        join(dataDir, 'prefs.json'),
        JSON.stringify({
          version: 1,
          gateAccounts: [{ profile: 'family', alias: 'Family', includeSubAccounts: false, excludedSubAccounts: [] }],
        }),
      );
      expect((await cli(env, ['login', '--base-url', sim.url], `${KEY}\n${SECRET}\n`)).code).toBe(0);
      expect((await cli(env, ['login', '--profile', 'family', '--base-url', sim.url], `${family.key}\n${family.secret}\n`)).code).toBe(0);
      const own = JSON.parse((await cli(env, ['balance', '--json', '--no-history', '--base-url', sim.url])).stdout) as {
        total: { amount: string };
      };
      const both = await cli(env, ['balance', '--all-profiles', '--json', '--no-history', '--base-url', sim.url]);
      expect([both.code, both.stderr]).toEqual([0, '']);
      const doc = JSON.parse(both.stdout) as {
        total: unknown;
        sources: { profile: string; name: string; total: { amount: string } | null }[];
        combined: unknown;
      };
      expect(doc.total).toEqual(own.total);
      expect(doc.sources.map((s) => [s.profile, s.name, s.total?.amount])).toEqual([
        ['default', 'default', own.total.amount],
        ['family', 'Family', '321.123456789'],
      ]);
      expect(doc.combined).toEqual({
        currency: 'USDT',
        amount: sumDecimals([own.total.amount, '321.123456789']),
        partial: false,
        estimated: false,
      });

      expect((await cli(env, ['logout', '--profile', 'family'])).code).toBe(0);
      const half = await cli(env, ['balance', '--all-profiles', '--json', '--no-history', '--base-url', sim.url]);
      expect(half.code).toBe(6);
      expect(JSON.parse(half.stdout)).toMatchObject({
        sources: [
          { profile: 'default', status: 'ok' },
          { profile: 'family', status: 'error', error: { code: 'MISSING_CREDENTIALS' } },
        ],
        combined: { amount: own.total.amount, partial: true },
      });
      for (const text of [both.stdout, both.stderr, half.stdout, half.stderr]) expectNoSecret(text, family.secret);
      expect(filesContaining(dataDir, family.secret, new Set())).toEqual([]);
      expect((await cli(env, ['logout'])).code).toBe(0);
    } finally {
      sim.simulator.setKeys([{ key: KEY, secret: SECRET, allowedIps: ['127.0.0.1'] }]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('login hides the secret on a real terminal (a pty via script(1)) and stores the pair', async () => {
    const env = cleanEnv(keyring.env);
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} login --no-verify`;
    const { spawn } = await import('node:child_process');
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, cwd: env.HOME, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    const waitFor = (text: string): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${text}" on the terminal; saw ${JSON.stringify(screen)}`)), 15_000);
        const check = (): void => {
          if (screen.includes(text)) {
            clearTimeout(timer);
            child.stdout.off('data', check);
            resolve();
          }
        };
        child.stdout.on('data', check);
        check();
      });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (screen += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    try {
      await waitFor('API key: ');
      child.stdin.write(`${KEY}\r`);
      await waitFor('API secret (not shown): ');
      child.stdin.write(`${SECRET}\r`);
      await waitFor('Saved API key');
      child.stdin.end();
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(killer);
    }
    outputs.push(screen);
    expect(screen).toContain(KEY); // the key is echoed, so you can see what you pasted
    expectNoSecret(screen, SECRET);
    expect(screen).toContain(`Saved API key ${HINT} in the OS keychain.`);
    expect((await cli(env, ['status', '--base-url', sim.url])).stdout).toContain(HINT);
    expect((await cli(env, ['logout'])).code).toBe(0);
  });

  it('leaves the secret in no file under HOME, the keyring dir, or the project, and in no output', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const text of outputs) expectNoSecret(text, SECRET);
    // The temp tree holds HOME and XDG dirs, including gnome-keyring's (encrypted) keyring file.
    expect(readdirSync(keyring.dir).length).toBeGreaterThan(0);
    expect(filesContaining(keyring.dir, SECRET, new Set())).toEqual([]);
    const inProject = filesContaining(PROJECT_ROOT, SECRET, new Set(['node_modules', '.git']));
    expect(inProject.map((p) => relative(PROJECT_ROOT, p))).toEqual([]);
  }, 120_000);
});

describe('gate-glance fails closed with a named error where the keychain cannot be used', () => {
  const sessions: PrivateKeyring[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.stop();
  });

  it('no D-Bus session: status, login and balance answer KEYCHAIN_UNAVAILABLE, exit 3, promptly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glance-cli-nodbus-'));
    try {
      const env = cleanEnv(noDbusEnv(process.env, dir));
      for (const [args, input] of [
        [['status'], ''],
        [['login', '--no-verify'], `${KEY}\n${SECRET}\n`],
        [['balance', '--base-url', sim.url], ''],
      ] as const) {
        const r = await cli(env, args, input);
        expect(r.code, args.join(' ')).toBe(3);
        expect(r.stderr).toMatch(
          /^error: KEYCHAIN_UNAVAILABLE: The OS keychain is unavailable: there is no D-Bus session .*\(Cannot autolaunch D-Bus without X11 \$DISPLAY\)\. — .*gnome-keyring or KWallet/m,
        );
      }
      expect(filesContaining(dir, SECRET, new Set())).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('D-Bus without a Secret Service: KEYCHAIN_UNAVAILABLE naming the missing provider, exit 3', async () => {
    const s = await startPrivateKeyring('no-secret-service');
    sessions.push(s);
    const env = cleanEnv(s.env);
    const login = await cli(env, ['login', '--no-verify'], `${KEY}\n${SECRET}\n`);
    expect(login.code).toBe(3);
    expect(login.stderr).toMatch(
      /^error: KEYCHAIN_UNAVAILABLE: The OS keychain is unavailable: no keychain service is running \(The name org\.freedesktop\.secrets was not provided by any \.service files\)\. — Install and start a Secret Service provider/,
    );
    const balance = await cli(env, ['balance', '--base-url', sim.url]);
    expect(balance.code).toBe(3);
    expect(balance.stderr).toMatch(/^error: KEYCHAIN_UNAVAILABLE: /);
    expect(filesContaining(s.dir, SECRET, new Set())).toEqual([]);
  });

  it('a locked keyring: status, login and balance answer KEYCHAIN_LOCKED, exit 3 — never "not stored"', async () => {
    const s = await startPrivateKeyring('locked');
    sessions.push(s);
    const env = cleanEnv(s.env);
    const status = await cli(env, ['status', '--json']);
    expect(status.code).toBe(3);
    expect(JSON.parse(status.stdout)).toMatchObject({ stored: false, keychainError: { code: 'KEYCHAIN_LOCKED' } });
    const login = await cli(env, ['login', '--no-verify'], `${KEY}\n${SECRET}\n`);
    expect(login.code).toBe(3);
    expect(login.stderr).toMatch(
      /^error: KEYCHAIN_LOCKED: The OS keychain is locked \(Cannot create an item in a locked collection\)\. — Unlock your login keyring/,
    );
    const balance = await cli(env, ['balance', '--base-url', sim.url]);
    expect(balance.code).toBe(3);
    expect(balance.stderr).toMatch(/^error: KEYCHAIN_LOCKED: /);
    const doctor = await cli(env, ['doctor', '--json', '--base-url', sim.url]);
    expect(JSON.parse(doctor.stdout).keychain).toEqual({ status: 'locked', hint: 'keychain-locked' });
  });

  it('a locked keyring with --all-profiles: no key can be read, nothing to add up: the chosen key’s KEYCHAIN_LOCKED, exit 3', async () => {
    const s = await startPrivateKeyring('locked');
    sessions.push(s);
    const all = await cli(cleanEnv(s.env), ['balance', '--all-profiles', '--profile', 'family', '--base-url', sim.url]);
    expect(all.code).toBe(3);
    expect(all.stderr).toMatch(/^error: KEYCHAIN_LOCKED: /);
    // One key, several requests at once (the total and the sub-account list): one keychain read, the same answer.
    const subs = await cli(cleanEnv(s.env), ['balance', '--sub-accounts', '--base-url', sim.url]);
    expect(subs.code).toBe(3);
    expect(subs.stderr).toMatch(/^error: KEYCHAIN_LOCKED: /);
  }, 40_000);
});
