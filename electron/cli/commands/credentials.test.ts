// login / logout / status in-process, with an in-memory keychain and (for verification) the
// real GateClient talking to the in-process simulator. The real-keychain, real-process round
// trip is in electron/cli/keychain-roundtrip.test.ts.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors.js';
import { CredentialsService } from '../../core/secrets/credentials-service.js';
import { gateInspector, gateVerifier } from '../../core/secrets/gate-verifier.js';
import { InMemorySecretStore } from '../../core/secrets/in-memory-store.js';
import { createGateSimulator, type GateSimulator } from '../../core/simulator/handler.js';
import { createInProcessTransport } from '../../core/simulator/in-process-transport.js';
import { keychainErrorFromMessage } from '../../core/secrets/keychain-errors.js';
import type { CliIo } from '../io.js';
import {
  createLoginCommand,
  createLogoutCommand,
  createStatusCommand,
  EXIT_INTERRUPTED,
  type CredentialsCommandDeps,
} from './credentials.js';
import { expectNoSecret } from '../../core/testing/secret-leak.js';

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const LOCKED: AppError = keychainErrorFromMessage('Cannot create an item in a locked collection', 'linux');
const LOCKED_LINE =
  'error: KEYCHAIN_LOCKED: The OS keychain is locked (Cannot create an item in a locked collection). — Unlock your login keyring (Passwords and Keys / Seahorse, or KWallet), or log out and in again, then try again.\n';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

interface World {
  io: CliIo;
  stdin: PassThrough & { isTTY?: boolean; setRawMode?: (m: boolean) => unknown };
  stdout: Sink;
  stderr: Sink;
  rawModes: boolean[];
}

function world(options: { tty?: boolean; rawMode?: boolean; env?: Record<string, string> } = {}): World {
  const stdin = new PassThrough() as World['stdin'];
  const rawModes: boolean[] = [];
  if (options.tty) {
    stdin.isTTY = true;
    if (options.rawMode !== false) stdin.setRawMode = (m: boolean) => rawModes.push(m);
  }
  const stdout = new Sink();
  const stderr = new Sink();
  return { io: { stdin, stdout, stderr, env: options.env ?? {} }, stdin, stdout, stderr, rawModes };
}

function depsFor(store: InMemorySecretStore, sim?: GateSimulator): CredentialsCommandDeps & { targets: unknown[] } {
  const targets: unknown[] = [];
  // Without a simulator of its own, `status` asks one that knows no key (never the real Gate).
  const gate = sim ?? createGateSimulator();
  return {
    targets,
    clock: { now: () => NOW },
    createTransport: () => createInProcessTransport(gate),
    createService: async (_io, target) => {
      targets.push(target);
      if (target === null || !sim) return new CredentialsService({ store });
      const options = { transport: createInProcessTransport(sim), baseUrl: target.baseUrl, timeoutMs: target.timeoutMs };
      return new CredentialsService({ store, verify: gateVerifier(options), inspect: gateInspector(options) });
    },
  };
}

function noSecretIn(w: World): void {
  expectNoSecret(w.stdout.text, SECRET);
  expectNoSecret(w.stderr.text, SECRET);
}

describe('gate-glance login (piped stdin)', () => {
  it('stores "key\\nsecret" from stdin, verified against Gate, and prints only the hint', async () => {
    const store = new InMemorySecretStore();
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET }] });
    const deps = depsFor(store, sim);
    const w = world();
    w.stdin.end(`${KEY}\n${SECRET}\n`);
    expect(await createLoginCommand(deps)(['--base-url', 'https://sim.invalid/api/v4', '--timeout', '2000'], w.io)).toBe(0);
    expect(deps.targets).toEqual([{ baseUrl: 'https://sim.invalid/api/v4', timeoutMs: 2000 }]);
    expect(w.stdout.text).toBe('Saved API key …cdef in the OS keychain. Gate accepted it, with wallet read permission.\n');
    expect(await store.get()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
    expect(w.rawModes).toEqual([]);
    noSecretIn(w);
  });

  it('accepts CRLF and surrounding blank lines; --no-verify makes no call', async () => {
    const store = new InMemorySecretStore();
    const sim = createGateSimulator({ keys: [] });
    const deps = depsFor(store, sim);
    const w = world();
    w.stdin.end(`\r\n  ${KEY}  \r\n${SECRET}\r\n\r\n`);
    expect(await createLoginCommand(deps)(['--no-verify'], w.io)).toBe(0);
    expect(deps.targets).toEqual([null]);
    expect(sim.log).toHaveLength(0);
    expect(w.stdout.text).toBe('Saved API key …cdef in the OS keychain.\n');
    expect(await store.get()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
  });

  it('does not save a key Gate rejects: exit 3, one error line saying so, previous key kept', async () => {
    const previous = { key: 'b'.repeat(32), secret: 'c'.repeat(64) };
    const store = new InMemorySecretStore(previous);
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET, walletRead: false }] });
    const w = world();
    w.stdin.end(`${KEY}\n${SECRET}\n`);
    expect(await createLoginCommand(depsFor(store, sim))([], w.io)).toBe(3);
    const errorLines = w.stderr.text.split('\n').filter((l) => l.startsWith('error:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^error: FORBIDDEN: .*The key was not saved\. — .+/);
    expect(w.stdout.text).toBe('');
    expect(await store.get()).toEqual({ ok: true, value: previous });
    noSecretIn(w);
  });

  it('saves with a warning when Gate cannot be reached for the check', async () => {
    const store = new InMemorySecretStore();
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET }] });
    sim.setFault({ kind: 'server-error', status: 503, label: 'TOO_BUSY' });
    const w = world();
    w.stdin.end(`${KEY}\n${SECRET}\n`);
    expect(await createLoginCommand(depsFor(store, sim))([], w.io)).toBe(0);
    expect(w.stderr.text).toMatch(/^warning: Could not verify: .+The key was saved/m);
    expect(w.stdout.text).toBe('Saved API key …cdef in the OS keychain.\n');
    expect((await store.get()).ok).toBe(true);
  });

  it('reports keychain failures as exit 3 with the named error (nothing stored anywhere else)', async () => {
    const store = new InMemorySecretStore();
    store.failWith('set', LOCKED);
    const w = world();
    w.stdin.end(`${KEY}\n${SECRET}\n`);
    expect(await createLoginCommand(depsFor(store))(['--no-verify'], w.io)).toBe(3);
    expect(w.stderr.text).toBe(LOCKED_LINE);
    expect(store.rawEntry()).toBeNull();
  });

  it('refuses the key or secret as arguments without echoing them (exit 2)', async () => {
    const store = new InMemorySecretStore();
    const w = world();
    w.stdin.end('');
    expect(await createLoginCommand(depsFor(store))([KEY, SECRET], w.io)).toBe(2);
    expect(w.stderr.text).toMatch(/^error: login takes no arguments; .*`ps`/);
    expect(w.stderr.text).not.toContain(KEY);
    noSecretIn(w);
    expect(store.calls).toEqual([]);
  });

  it.each([
    ['nothing', '', /nothing on stdin/],
    ['three lines', `${KEY}\n${SECRET}\nextra\n`, /3 non-empty lines/],
    ['too much', 'a'.repeat(20_000), /more than 16 KiB/],
  ])('rejects %s on stdin as a usage error', async (_label, input, message) => {
    const store = new InMemorySecretStore();
    const w = world();
    w.stdin.end(input);
    expect(await createLoginCommand(depsFor(store))(['--no-verify'], w.io)).toBe(2);
    expect(w.stderr.text).toMatch(message);
    expect(store.calls).toEqual([]);
  });

  it('a missing secret line is INVALID_CREDENTIALS_INPUT, exit 3', async () => {
    const w = world();
    w.stdin.end(`${KEY}\n`);
    expect(await createLoginCommand(depsFor(new InMemorySecretStore()))(['--no-verify'], w.io)).toBe(3);
    expect(w.stderr.text).toMatch(/^error: INVALID_CREDENTIALS_INPUT: The API secret is empty\. — /);
  });

  it('checks its options', async () => {
    for (const argv of [['--verify', '--no-verify'], ['--base-url', 'ftp://x'], ['--timeout', 'soon'], ['--secret=abc']]) {
      const w = world();
      w.stdin.end(`${KEY}\n${SECRET}\n`);
      expect(await createLoginCommand(depsFor(new InMemorySecretStore()))(argv, w.io)).toBe(2);
      expect(w.stderr.text).toMatch(/^error: .*\(see `gate-glance help login`\)\n$/);
    }
    const w = world();
    expect(await createLoginCommand()(['--help'], w.io)).toBe(0);
    expect(w.stdout.text).toMatch(/never accepted as arguments/);
  });
});

describe('gate-glance login (terminal)', () => {
  async function typeInto(
    w: World,
    chunks: readonly string[],
    argv: readonly string[] = ['--no-verify'],
    store = new InMemorySecretStore(),
  ): Promise<{ code: number; store: InMemorySecretStore }> {
    const run = createLoginCommand(depsFor(store))(argv, w.io);
    for (const c of chunks) {
      await new Promise((r) => setTimeout(r, 5));
      w.stdin.write(c);
    }
    return { code: await run, store };
  }

  it('echoes the key, never the secret, and restores the terminal', async () => {
    const w = world({ tty: true });
    const { code, store } = await typeInto(w, [KEY.slice(0, 10), `${KEY.slice(10)}\r`, SECRET.slice(0, 20), `${SECRET.slice(20)}\r`]);
    expect(code).toBe(0);
    expect(w.rawModes).toEqual([true, false]);
    expect(w.stderr.text).toBe(`API key: ${KEY}\nAPI secret (not shown): \n`);
    expect(await store.get()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
    noSecretIn(w);
  });

  it('handles a paste of both lines at once, backspace, and bracketed-paste markers', async () => {
    const w = world({ tty: true });
    const { code, store } = await typeInto(w, [`${KEY}x\x7f\r\n`, `\x1b[200~${SECRET}\x1b[201~\r`]);
    expect(code).toBe(0);
    expect(await store.get()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
    noSecretIn(w);
  });

  it('Ctrl-C cancels with exit 130 and stores nothing', async () => {
    const w = world({ tty: true });
    const { code, store } = await typeInto(w, [`${KEY}\r`, 'abc\x03']);
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(w.rawModes).toEqual([true, false]);
    expect(w.stderr.text).toMatch(/error: CANCELLED: login cancelled; nothing was stored\.\n$/);
    expect(store.calls).toEqual([]);
  });

  it('an empty key is a usage error at once (exit 2): the secret is never asked for', async () => {
    const w = world({ tty: true });
    const { code, store } = await typeInto(w, ['  \r']);
    expect(code).toBe(2);
    expect(w.rawModes).toEqual([true, false]);
    expect(w.stderr.text).toBe(
      'API key:   \nerror: the API key is empty; paste the key at the "API key:" prompt, then the secret at the next one (see `gate-glance help login`)\n',
    );
    expect(w.stderr.text).not.toContain('API secret');
    expect(store.calls).toEqual([]);
  });

  it('a key that cannot be one is refused before the secret is asked for, in a terminal’s words', async () => {
    const w = world({ tty: true });
    // A paste of both lines at once: the secret after a bad key is dropped unread, never echoed.
    const { code, store } = await typeInto(w, [`abc\r${SECRET}\r`]);
    expect(code).toBe(3);
    expect(w.stderr.text).not.toContain('API secret');
    expect(w.stderr.text).toMatch(
      /^API key: abc\nerror: INVALID_CREDENTIALS_INPUT: The API key is only 3 characters long; it looks cut off\. — /m,
    );
    expect(w.stderr.text).toContain('run `gate-glance login` again: the key at the first prompt, the secret at the second.');
    expect(w.stderr.text).not.toMatch(/field/);
    expect(store.calls).toEqual([]);
    noSecretIn(w);
  });

  it('a good key goes on to the secret prompt, whose problems are worded for the terminal too', async () => {
    const w = world({ tty: true });
    const { code } = await typeInto(w, [`${KEY}\r`, 'short\r']);
    expect(code).toBe(3);
    expect(w.stderr.text).toContain('API secret (not shown): \nerror: INVALID_CREDENTIALS_INPUT: The API secret is only 5 characters long');
    expect(w.stderr.text).not.toMatch(/field/);
  });

  it('a terminal that cannot hide input is refused rather than echoing the secret', async () => {
    const w = world({ tty: true, rawMode: false });
    const { code, store } = await typeInto(w, []);
    expect(code).toBe(2);
    expect(w.stderr.text).toMatch(/cannot hide input; pipe the key and the secret/);
    expect(store.calls).toEqual([]);
  });
});

describe('gate-glance logout', () => {
  it('removes the stored key and says which; a second logout says nothing was stored', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const w1 = world();
    expect(await createLogoutCommand(depsFor(store))([], w1.io)).toBe(0);
    expect(w1.stdout.text).toBe('Removed API key …cdef from the OS keychain.\n');
    expect(store.rawEntry()).toBeNull();
    const w2 = world();
    expect(await createLogoutCommand(depsFor(store))([], w2.io)).toBe(0);
    expect(w2.stdout.text).toBe('No API key was stored; nothing to remove.\n');
  });

  it('a keychain that refuses is exit 3 with one error line', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    store.failWith('clear', LOCKED);
    const w = world();
    expect(await createLogoutCommand(depsFor(store))([], w.io)).toBe(3);
    expect(w.stderr.text).toBe(LOCKED_LINE);
    expect(await createLogoutCommand(depsFor(store))(['extra'], world().io)).toBe(2);
  });
});

describe('gate-glance status', () => {
  it('shows a stored key by its hint and what Gate says of it (exit 0), as text and as JSON', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET, allowedIps: ['127.0.0.1'] }], clock: { now: () => NOW } });
    const w = world();
    expect(await createStatusCommand(depsFor(store, sim))([], w.io)).toBe(0);
    expect(w.stdout.text).toBe(
      'API key:   stored (…cdef)\nKeychain:  OK\nRead-only: yes\nIP-bound:  yes\nExpires:   not while bound to an IP address\nState:     normal\n',
    );
    expect(w.stderr.text).toBe('');
    const j = world();
    expect(await createStatusCommand(depsFor(store, sim))(['--json'], j.io)).toBe(0);
    expect(JSON.parse(j.stdout.text)).toEqual({
      stored: true,
      keyHint: '…cdef',
      keychainError: null,
      envCredentials: false,
      key: { readOnly: true, writePermissions: [], ipBound: true, expiresAt: null, expiryEstimated: true, state: 'normal', warnings: [] },
    });
    noSecretIn(w);
    noSecretIn(j);
  });

  it('GATE_API_KEY/GATE_API_SECRET come first: a key that can write, without whitelist, 85 days old', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const envKey = 'env-key-00112233445566778899';
    const envSecret = 'env-secret-00112233445566778899aabb';
    const sim = createGateSimulator({
      keys: [{ key: envKey, secret: envSecret, writePermissions: ['spot'], createdAt: NOW - 85 * DAY }],
      clock: { now: () => NOW },
    });
    const j = world({ env: { GATE_API_KEY: envKey, GATE_API_SECRET: envSecret } });
    expect(await createStatusCommand(depsFor(store, sim))(['--json'], j.io)).toBe(0);
    expect(JSON.parse(j.stdout.text)).toMatchObject({
      envCredentials: true,
      key: {
        readOnly: false,
        writePermissions: ['spot'],
        ipBound: false,
        expiresAt: new Date(NOW + 5 * DAY).toISOString(),
        expiryEstimated: true,
        state: 'normal',
        warnings: ['WRITE_PERMISSIONS', 'EXPIRES_SOON', 'NO_IP_WHITELIST'],
      },
    });
    expect(j.stderr.text.split('\n')[0]).toBe(
      'warning: This key can trade/withdraw (Spot: read and write). Gate Glance only needs read access; create a read-only key.',
    );
    expect(j.stderr.text).toContain('warning: This key stops working in about 5 days (around Dec 11, 2026)');
    const t = world({ env: { GATE_API_KEY: envKey, GATE_API_SECRET: envSecret } });
    await createStatusCommand(depsFor(store, sim))([], t.io);
    expect(t.stdout.text).toContain('Read-only: no: Spot can write\nIP-bound:  no\nExpires:   in about 5 days (around Dec 11, 2026)\n');
  });

  it('a key without the Account permission: every fact unknown, and the warning says why; main_keys failing is an error line', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET, permissions: { account: false } }], clock: { now: () => NOW } });
    const j = world();
    expect(await createStatusCommand(depsFor(store, sim))(['--json'], j.io)).toBe(0);
    expect(JSON.parse(j.stdout.text).key).toEqual({
      readOnly: null,
      writePermissions: [],
      ipBound: null,
      expiresAt: null,
      expiryEstimated: true,
      state: null,
      warnings: ['ACCOUNT_PERMISSION_MISSING'],
    });
    expect(j.stderr.text).toMatch(/^warning: Gate says nothing more about this key: it lacks the read-only Account permission/);
    sim.setFault({ kind: 'server-error', status: 502 }, 1, 'account_main_keys');
    const f = world();
    expect(await createStatusCommand(depsFor(store, sim))(['--json'], f.io)).toBe(0);
    expect(JSON.parse(f.stdout.text).key).toMatchObject({ readOnly: null, warnings: [] });
    expect(f.stderr.text).toMatch(/^error: SERVER_ERROR: /);
  });

  it('takes --base-url and --timeout like balance', async () => {
    const w = world();
    expect(await createStatusCommand(depsFor(new InMemorySecretStore()))(['--timeout', 'soon'], w.io)).toBe(2);
    const b = world();
    expect(await createStatusCommand(depsFor(new InMemorySecretStore()))(['--base-url', 'ftp://x'], b.io)).toBe(2);
  });

  it('no key stored: exit 3 and a pointer to login', async () => {
    const w = world();
    expect(await createStatusCommand(depsFor(new InMemorySecretStore()))([], w.io)).toBe(3);
    expect(w.stdout.text).toBe('API key:   not stored — run `gate-glance login`\nKeychain:  OK\n');
    expect(w.stderr.text).toBe('');
  });

  it('keychain trouble: exit 3, the named error on stderr, and in the JSON', async () => {
    const store = new InMemorySecretStore();
    store.failWith('health', LOCKED);
    const w = world();
    expect(await createStatusCommand(depsFor(store))(['--json'], w.io)).toBe(3);
    expect(JSON.parse(w.stdout.text)).toEqual({ stored: false, keyHint: null, keychainError: LOCKED, envCredentials: false, key: null });
    expect(w.stderr.text).toBe(LOCKED_LINE);
    const t = world({ env: { GATE_API_KEY: 'k', GATE_API_SECRET: 's' } });
    expect(await createStatusCommand(depsFor(store))([], t.io)).toBe(3);
    expect(t.stdout.text).toMatch(/^API key: {3}unknown .*\nKeychain: {2}KEYCHAIN_LOCKED\nEnv: .*uses them first\n$/);
  });
});

describe('gate-glance login and key health', () => {
  it('refuses a key that can trade or withdraw unless --allow-write-key, and prints what Gate said after saving', async () => {
    const store = new InMemorySecretStore();
    const sim = createGateSimulator({
      keys: [{ key: KEY, secret: SECRET, writePermissions: ['spot', 'wallet'] }],
      clock: { now: () => NOW },
    });
    const w = world();
    w.stdin.end(`${KEY}\n${SECRET}\n`);
    expect(await createLoginCommand(depsFor(store, sim))([], w.io)).toBe(3);
    expect(w.stderr.text).toContain(
      'error: KEY_CAN_WRITE: This key can trade/withdraw (Spot, Wallet: read and write). Gate Glance only needs read access; create a read-only key. The key was not saved.',
    );
    expect(w.stderr.text).toContain('run login again with --allow-write-key');
    expect(await store.get()).toEqual({ ok: true, value: null });

    const again = world();
    again.stdin.end(`${KEY}\n${SECRET}\n`);
    expect(await createLoginCommand(depsFor(store, sim))(['--allow-write-key'], again.io)).toBe(0);
    expect(again.stderr.text).toContain('warning: This key can trade/withdraw (Spot, Wallet: read and write).');
    expect((await store.get()).ok && (await store.get())).toMatchObject({ value: { key: KEY } });
    noSecretIn(w);
    noSecretIn(again);
  });

  it('a read-only key without whitelist is saved, with the calm note and its estimated date', async () => {
    const store = new InMemorySecretStore();
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET, createdAt: NOW - 10 * DAY }], clock: { now: () => NOW } });
    const w = world();
    w.stdin.end(`${KEY}\n${SECRET}\n`);
    expect(await createLoginCommand(depsFor(store, sim))([], w.io)).toBe(0);
    expect(w.stderr.text).toContain(
      'warning: This key is not bound to an IP address, so Gate keeps it for about 90 days: it stops working around Feb 24, 2027.',
    );
  });
});
