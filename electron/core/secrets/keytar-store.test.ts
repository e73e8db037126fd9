import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
// The keychain tier: KeytarSecretStore against a REAL gnome-keyring over a real D-Bus session
// (a private, throw-away one per file, so a developer's own keyring is never touched), and
// each failure mode produced for real in child processes: no D-Bus session, a bus without a
// Secret Service, a locked keyring, a Secret Service that never answers, keytar that cannot load.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors.js';
import { KeytarSecretStore, isKeytarMissing, loadRealKeytar, type KeytarApi } from './keytar-store.js';
import { KEYCHAIN_ACCOUNT, KEYCHAIN_PROBE_ACCOUNT } from './secret-store.js';
import { bundleForNode } from '../testing/bundle.js';
import { PROJECT_ROOT } from '../testing/project-root.js';
import { noDbusEnv, runBounded, startPrivateKeyring, type PrivateKeyring } from '../testing/private-keyring.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const SERVICE = 'gate-glance-test';
const PAIR = { key: '0123456789abcdef0123456789abcdef', secret: 'f'.repeat(32) + '0123456789abcdef0123456789abcdef' };

let keyring: PrivateKeyring;
let keytar: KeytarApi;

beforeAll(async () => {
  keyring = await startPrivateKeyring('unlocked');
  // Vitest runs each file in its own forked process: pointing this process at the private bus
  // before keytar's first call makes libsecret connect there and nowhere else.
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
  delete process.env.DISPLAY;
  keytar = await loadRealKeytar();
});

afterAll(async () => {
  await keyring?.stop();
});

describe('KeytarSecretStore on a real, unlocked gnome-keyring', () => {
  it('stores one JSON entry, reads it back, overwrites it, and clears it', async () => {
    const store = new KeytarSecretStore({ service: SERVICE });
    expect(await store.get()).toEqual({ ok: true, value: null });

    expect(await store.set(PAIR)).toEqual({ ok: true, value: null });
    expect(await store.get()).toEqual({ ok: true, value: PAIR });
    // Exactly one entry, under our account, holding both halves as versioned JSON.
    expect(JSON.parse((await keytar.getPassword(SERVICE, KEYCHAIN_ACCOUNT)) ?? 'null')).toEqual({ v: 1, ...PAIR });

    const other = { key: 'a'.repeat(32), secret: 'b'.repeat(64) };
    expect((await store.set(other)).ok).toBe(true);
    expect(await store.get()).toEqual({ ok: true, value: other });

    expect(await store.clear()).toEqual({ ok: true, value: null });
    expect(await keytar.getPassword(SERVICE, KEYCHAIN_ACCOUNT)).toBeNull();
    expect(await store.get()).toEqual({ ok: true, value: null });
    // Clearing nothing is fine (logout twice).
    expect(await store.clear()).toEqual({ ok: true, value: null });
  });

  it('health proves the keychain writable and leaves no probe entry behind', async () => {
    const store = new KeytarSecretStore({ service: SERVICE });
    expect(await store.health()).toEqual({ ok: true, value: null });
    expect(await keytar.getPassword(SERVICE, KEYCHAIN_PROBE_ACCOUNT)).toBeNull();
  });

  it('names an entry it did not write (KEYCHAIN_ERROR) without echoing its content', async () => {
    const raw = 'hunter2-not-json-SECRETISH';
    await keytar.setPassword(SERVICE, KEYCHAIN_ACCOUNT, raw);
    const store = new KeytarSecretStore({ service: SERVICE });
    const got = await store.get();
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error.code).toBe('KEYCHAIN_ERROR');
    expect(said(got.error).message).toContain('not one Gate Glance wrote');
    expect(JSON.stringify(got.error)).not.toContain(raw);
    await keytar.setPassword(SERVICE, KEYCHAIN_ACCOUNT, JSON.stringify({ v: 1, key: 'k'.repeat(32) }));
    expect((await store.get()).ok).toBe(false);
    // The user's way out works on a corrupt entry too.
    expect((await store.clear()).ok).toBe(true);
    expect(await keytar.getPassword(SERVICE, KEYCHAIN_ACCOUNT)).toBeNull();
  });

  it('refuses an entry above the 2560-byte credential limit before it reaches the keychain', async () => {
    const store = new KeytarSecretStore({ service: SERVICE });
    const r = await store.set({ key: PAIR.key, secret: 'x'.repeat(3000) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('KEYCHAIN_ERROR');
    expect(said(r.error).message).toMatch(/2560 bytes/);
    expect(await keytar.getPassword(SERVICE, KEYCHAIN_ACCOUNT)).toBeNull();
  });

  it('runs overlapping calls one at a time, in the order they were made', async () => {
    const store = new KeytarSecretStore({ service: SERVICE });
    const pairs = Array.from({ length: 5 }, (_, i) => ({ key: `${i}`.repeat(32), secret: `${i}`.repeat(64) }));
    const results = await Promise.all([...pairs.map((p) => store.set(p).then(() => store.get())), store.get()]);
    for (const r of results) expect(r.ok).toBe(true);
    expect(await store.get()).toEqual({ ok: true, value: pairs[4] });
    expect((await store.clear()).ok).toBe(true);
  });
});

describe('KeytarSecretStore when keytar cannot load', () => {
  it('answers KEYCHAIN_UNAVAILABLE from every method, loading lazily and never throwing', async () => {
    // A real broken install: keytar's JS with a native module that is not a shared object
    // (what an ABI/architecture mismatch looks like to dlopen).
    const dir = mkdtempSync(join(tmpdir(), 'glance-broken-keytar-'));
    try {
      const pkg = join(dir, 'node_modules', 'keytar');
      mkdirSync(join(pkg, 'lib'), { recursive: true });
      mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
      copyFileSync(join(PROJECT_ROOT, 'node_modules', 'keytar', 'lib', 'keytar.js'), join(pkg, 'lib', 'keytar.js'));
      copyFileSync(join(PROJECT_ROOT, 'node_modules', 'keytar', 'package.json'), join(pkg, 'package.json'));
      writeFileSync(join(pkg, 'build', 'Release', 'keytar.node'), 'this is not a shared object');
      let loads = 0;
      const store = new KeytarSecretStore({
        service: SERVICE,
        platform: 'linux',
        loadKeytar: async () => {
          loads += 1;
          return createRequire(join(dir, 'index.js'))('keytar') as KeytarApi;
        },
      });
      expect(loads).toBe(0); // constructing the store loads nothing
      const results: Result<unknown>[] = [await store.get(), await store.set(PAIR), await store.clear(), await store.health()];
      for (const r of results) {
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('KEYCHAIN_UNAVAILABLE');
        expect(said(r.error).message).toMatch(/keytar\) could not be loaded/);
        expect(said(r.error).message).toMatch(/invalid ELF header|file too short/);
        expect(said(r.error).hint).toMatch(/libsecret/);
      }
      expect(loads).toBe(1); // tried once, the answer remembered
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('KeytarSecretStore failure modes, for real, in child processes', () => {
  let probe: string;
  const sessions: PrivateKeyring[] = [];

  beforeAll(async () => {
    probe = await bundleForNode(join(PROJECT_ROOT, 'electron/core/testing/keychain-probe.ts'), 'keychain', 'keychain-probe');
  });
  afterAll(async () => {
    for (const s of sessions) await s.stop();
  });

  type ProbeOut = { op: string; ms: number; result: Result<unknown> };
  async function runProbe(env: Record<string, string>, op: string, input = '', timeoutMs = 15_000): Promise<ProbeOut & { wallMs: number }> {
    const r = await runBounded(process.execPath, [probe, op], {
      env: { ...env, GLANCE_PROBE_SERVICE: SERVICE },
      input,
      timeoutMs,
      cwd: PROJECT_ROOT,
    });
    expect(r.signal, `probe ${op} was killed: ${r.stderr}`).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    return { ...(JSON.parse(line) as ProbeOut), wallMs: r.ms };
  }
  function errorOf(out: ProbeOut): AppError {
    expect(out.result.ok, JSON.stringify(out.result)).toBe(false);
    if (out.result.ok) throw new Error('unreachable');
    return out.result.error;
  }

  it('no D-Bus session: KEYCHAIN_UNAVAILABLE naming the missing D-Bus, for reads and writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glance-nodbus-'));
    try {
      const env = noDbusEnv(process.env, dir);
      for (const op of ['get', 'health', 'clear']) {
        const e = errorOf(await runProbe(env, op));
        expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
        expect(said(e).message).toContain('no D-Bus session');
        expect(said(e).message).toContain('Cannot autolaunch D-Bus without X11 $DISPLAY'); // keytar's own words (libsecret/GLib)
        expect(said(e).hint).toMatch(/D-Bus session/);
        expect(said(e).hint).toMatch(/gnome-keyring or KWallet/);
      }
      const set = errorOf(await runProbe(env, 'set', JSON.stringify(PAIR)));
      expect(set.code).toBe('KEYCHAIN_UNAVAILABLE');
      expectNoSecret(JSON.stringify(set), PAIR.secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('D-Bus without a Secret Service: KEYCHAIN_UNAVAILABLE naming the missing provider', async () => {
    const s = await startPrivateKeyring('no-secret-service');
    sessions.push(s);
    for (const op of ['get', 'health']) {
      const e = errorOf(await runProbe(s.env, op));
      expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(said(e).message).toContain('no keychain service is running');
      expect(said(e).message).toContain('The name org.freedesktop.secrets was not provided by any .service files');
      expect(said(e).hint).toMatch(/install and start a Secret Service provider/i);
    }
    const set = errorOf(await runProbe(s.env, 'set', JSON.stringify(PAIR)));
    expect(set.code).toBe('KEYCHAIN_UNAVAILABLE');
  });

  it('a locked keyring: KEYCHAIN_LOCKED — not "nothing stored" — even though libsecret answers reads with null', async () => {
    const s = await startPrivateKeyring('locked', {
      seed: [{ service: SERVICE, account: KEYCHAIN_ACCOUNT, password: JSON.stringify({ v: 1, ...PAIR }) }],
    });
    sessions.push(s);
    for (const op of ['get', 'clear', 'health']) {
      const e = errorOf(await runProbe(s.env, op));
      expect(e.code, op).toBe('KEYCHAIN_LOCKED');
      expect(said(e).message).toContain('Cannot create an item in a locked collection');
      expect(said(e).hint).toMatch(/Unlock your login keyring/);
    }
    const set = errorOf(await runProbe(s.env, 'set', JSON.stringify(PAIR)));
    expect(set.code).toBe('KEYCHAIN_LOCKED');
    expectNoSecret(JSON.stringify(set), PAIR.secret);
  });

  it('a Secret Service that dies as it starts: KEYCHAIN_UNAVAILABLE', async () => {
    const s = await startPrivateKeyring('crashing-secret-service');
    sessions.push(s);
    const e = errorOf(await runProbe(s.env, 'get'));
    expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(said(e).message).toContain('Process org.freedesktop.secrets exited with status 1');
  });

  it("D-Bus's own activation timeout, when it comes first, is KEYCHAIN_UNAVAILABLE too", async () => {
    const s = await startPrivateKeyring('hanging-secret-service', { serviceStartTimeoutMs: 1000 });
    sessions.push(s);
    const e = errorOf(await runProbe({ ...s.env, GLANCE_PROBE_TIMEOUT_MS: '8000' }, 'get'));
    expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(said(e).message).toContain('did not answer in time');
    expect(said(e).message).toMatch(/Failed to activate service 'org\.freedesktop\.secrets': timed out/);
  });

  it('a Secret Service that never answers: the call is bounded and ends in KEYCHAIN_UNAVAILABLE', async () => {
    const s = await startPrivateKeyring('hanging-secret-service');
    sessions.push(s);
    // The answer must come within the bound. (The process itself can only exit once libsecret
    // gives up — Node joins libuv's worker threads on exit, and one is stuck in the D-Bus call —
    // so the test takes the answer and then ends the child.)
    const r = await runBounded(process.execPath, [probe, 'get'], {
      env: { ...s.env, GLANCE_PROBE_SERVICE: SERVICE, GLANCE_PROBE_TIMEOUT_MS: '1200' },
      timeoutMs: 10_000,
      cwd: PROJECT_ROOT,
      until: (out) => out.includes('\n'),
    });
    expect(r.answeredMs, r.stderr).not.toBeNull();
    const out = JSON.parse(r.stdout.trim()) as ProbeOut;
    const e = errorOf(out);
    expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(said(e).message).toContain('did not answer in time');
    expect(said(e).message).toContain('1.2 s');
    expect(out.ms).toBeGreaterThanOrEqual(1150);
    expect(out.ms).toBeLessThan(5000);
    expect(r.answeredMs).toBeLessThan(8000);
  });
});

describe('KeytarSecretStore when keytar is not installed (npm skipped the optional dependency)', () => {
  async function answersFrom(layout: (dir: string) => void, platform: string) {
    const dir = mkdtempSync(join(tmpdir(), 'glance-no-keytar-'));
    try {
      layout(dir);
      const store = new KeytarSecretStore({
        service: SERVICE,
        platform,
        loadKeytar: async () => createRequire(join(dir, 'index.js'))('keytar') as KeytarApi,
      });
      return [await store.get(), await store.set(PAIR), await store.clear(), await store.health()];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('fails closed with KEYCHAIN_UNAVAILABLE and names the packages to install and npm rebuild keytar', async () => {
    // No keytar folder at all (the build failed), and keytar's JS without its binary (--ignore-scripts).
    const layouts = [
      () => undefined,
      (dir: string) => {
        const pkg = join(dir, 'node_modules', 'keytar');
        mkdirSync(join(pkg, 'lib'), { recursive: true });
        copyFileSync(join(PROJECT_ROOT, 'node_modules', 'keytar', 'lib', 'keytar.js'), join(pkg, 'lib', 'keytar.js'));
        copyFileSync(join(PROJECT_ROOT, 'node_modules', 'keytar', 'package.json'), join(pkg, 'package.json'));
      },
    ];
    for (const layout of layouts) {
      for (const r of await answersFrom(layout, 'linux')) {
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('KEYCHAIN_UNAVAILABLE');
        expect(said(r.error).message).toMatch(/keytar\) is not installed \(Cannot find module '[^']*keytar[^']*'\)\.$/);
        // The require stack (local paths) stays out.
        expect(said(r.error).message).not.toMatch(/Require stack|glance-no-keytar/);
        expect(said(r.error).hint).toMatch(/libsecret-1-dev pkg-config/);
        expect(said(r.error).hint).toMatch(/libsecret-devel/);
        expect(said(r.error).hint).toMatch(/npm rebuild keytar/);
      }
    }
  });

  it('gives macOS and Windows their own build tools in the hint', async () => {
    const [mac] = await answersFrom(() => undefined, 'darwin');
    const [win] = await answersFrom(() => undefined, 'win32');
    expect(mac?.ok === false && said(mac.error).hint).toMatch(/xcode-select --install.*npm rebuild keytar/);
    expect(win?.ok === false && said(win.error).hint).toMatch(/Visual Studio Build Tools.*npm rebuild keytar/);
  });

  it('tells a missing keytar from other load failures', () => {
    const missing = (message: string) => Object.assign(new Error(message), { code: 'MODULE_NOT_FOUND' });
    expect(isKeytarMissing(missing("Cannot find module 'keytar'\nRequire stack:\n- /x.js"))).toBe(true);
    expect(isKeytarMissing(missing("Cannot find module '../build/Release/keytar.node'"))).toBe(true);
    expect(isKeytarMissing(missing("Cannot find module 'node-addon-api'"))).toBe(false);
    expect(isKeytarMissing(new Error("Cannot find module 'keytar'"))).toBe(false);
    expect(isKeytarMissing(null)).toBe(false);
  });
});
