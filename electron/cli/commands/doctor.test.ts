/**
 * `gate-glance doctor` in-process against the simulator over real HTTP on 127.0.0.1: the one
 * JSON object, each status and hint, the aligned human list in English and Chinese, exit codes,
 * one keychain read, and never a secret or a proxy password.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appError, ok } from '../../../shared/errors.js';
import { loadCliWords } from '../../../shared/present/cli-words.js';
import type { CredentialsProvider } from '../../core/gate/types.js';
import { startSimulatorServer, type SimulatorServer } from '../../core/simulator/server.js';
import { columns } from '../columns.js';
import { captureIo } from '../test-io.js';
import { createDoctorCommand, DOCTOR_ATTENTION_EXIT, type DoctorCommandDeps } from './doctor.js';

const CREDS = { key: 'doctor-key-00112233445566778899aabbcc', secret: 'doctor-secret-NEVER-PRINT-9988776655' };

let server: SimulatorServer;
let root: string;
let okDir: string;

beforeAll(async () => {
  server = await startSimulatorServer({ keys: [CREDS] });
  root = mkdtempSync(join(tmpdir(), 'glance-doctor-'));
  okDir = join(root, 'data');
  mkdirSync(okDir, { mode: 0o700 });
});

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await server.close();
});

function keychain(answer: Awaited<ReturnType<CredentialsProvider>>) {
  const counter = { calls: 0 };
  const provider: CredentialsProvider = () => {
    counter.calls += 1;
    return Promise.resolve(answer);
  };
  return { provider, counter };
}

async function doctor(argv: string[], deps: Partial<DoctorCommandDeps> = {}, env: Record<string, string> = {}) {
  const io = captureIo({ GATE_GLANCE_DATA_DIR: okDir, ...env });
  const code = await createDoctorCommand({
    platform: 'linux',
    trayHost: () => Promise.resolve('present'),
    keychainCredentials: keychain(ok(CREDS)).provider,
    dataDir: () => okDir,
    ...deps,
  })(argv, io);
  const out = io.out();
  expect(out + io.err()).not.toContain(CREDS.secret);
  return { code, out, err: io.err() };
}

describe('gate-glance doctor --json', () => {
  it('all well: one object of exactly the documented shape, no hints, exit 0, the keychain read once', async () => {
    const { provider, counter } = keychain(ok(CREDS));
    const { code, out, err } = await doctor(['--json', '--base-url', server.url], { keychainCredentials: provider });
    expect([code, err]).toEqual([0, '']);
    expect(out.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(out);
    expect(doc).toEqual({
      trayHost: { status: 'present', hint: null },
      keychain: { status: 'ok', hint: null },
      dataDir: { path: okDir, status: 'ok', hint: null },
      gate: { status: 'ok', clockSkewMs: expect.any(Number), hint: null },
      proxy: { url: null },
    });
    expect(Math.abs(doc.gate.clockSkewMs)).toBeLessThan(5_000);
    expect(counter.calls).toBe(1);
  });

  it('a locked keychain, a refused key, a folder others can open, no tray host on GNOME: each with its remedy, exit 5', async () => {
    const loose = join(root, 'loose');
    mkdirSync(loose, { mode: 0o755 });
    chmodSync(loose, 0o755);
    const locked = await doctor(
      ['--json', '--base-url', server.url],
      {
        keychainCredentials: keychain({ ok: false, error: appError('KEYCHAIN_LOCKED', { platform: 'linux' }) }).provider,
        trayHost: () => Promise.resolve('absent'),
        dataDir: () => loose,
      },
      { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' },
    );
    expect(locked.code).toBe(DOCTOR_ATTENTION_EXIT);
    expect(JSON.parse(locked.out)).toMatchObject({
      trayHost: { status: 'absent', hint: 'tray-host-gnome' },
      keychain: { status: 'locked', hint: 'keychain-locked' },
      dataDir: { path: loose, status: 'problem', hint: 'data-dir-modes' },
      gate: { status: 'ok', hint: null },
    });

    const refused = await doctor(['--json', '--base-url', server.url], {
      keychainCredentials: keychain(ok({ key: 'doctor-key-revoked-000000000000000000', secret: CREDS.secret })).provider,
    });
    expect(JSON.parse(refused.out).gate).toEqual({ status: 'rejected', clockSkewMs: expect.any(Number), hint: 'gate-rejected' });
  });

  it('GATE_API_KEY/SECRET are used for the signed call; an empty keychain says so; a symlinked data folder is a problem', async () => {
    const link = join(root, 'link');
    symlinkSync(okDir, link);
    const { out } = await doctor(
      ['--json', '--base-url', server.url],
      {
        keychainCredentials: keychain(ok(null)).provider,
        dataDir: () => link,
      },
      { GATE_API_KEY: 'doctor-key-revoked-000000000000000000', GATE_API_SECRET: CREDS.secret },
    );
    expect(JSON.parse(out)).toMatchObject({
      keychain: { status: 'empty', hint: 'keychain-empty' },
      dataDir: { status: 'problem', hint: 'data-dir-symlink' },
      gate: { status: 'rejected' },
    });
  });

  it('Gate unreachable through a proxy: unreachable with the proxy remedy, and the proxy shown without its password', async () => {
    const gone = await startSimulatorServer({});
    const url = gone.url;
    await gone.close();
    const direct = await doctor(['--json', '--base-url', url, '--timeout', '2000']);
    expect(JSON.parse(direct.out).gate).toEqual({ status: 'unreachable', clockSkewMs: null, hint: 'gate-unreachable' });
    const viaProxy = await doctor(
      ['--json', '--base-url', 'https://api.gateio.invalid/api/v4', '--timeout', '2000'],
      {},
      {
        HTTPS_PROXY: 'http://alice:pa55word@127.0.0.1:9',
      },
    );
    expect(viaProxy.out).not.toContain('pa55word');
    expect(JSON.parse(viaProxy.out)).toMatchObject({
      gate: { status: 'unreachable', hint: 'gate-unreachable-proxy' },
      proxy: { url: 'http://127.0.0.1:9' },
    });
  });

  it('not Linux: the tray host is not applicable (and no bus is asked)', async () => {
    let asked = 0;
    const { out } = await doctor(['--json', '--base-url', server.url], {
      platform: 'darwin',
      trayHost: () => {
        asked += 1;
        return Promise.resolve('absent');
      },
    });
    expect(JSON.parse(out).trayHost).toEqual({ status: 'not-applicable', hint: null });
    expect(asked).toBe(0);
  });

  it('usage errors exit 2 like the other commands', async () => {
    expect((await doctor(['--timeout', 'soon'])).code).toBe(2);
    expect((await doctor(['extra'])).code).toBe(2);
  });
});

describe('gate-glance doctor (human)', () => {
  it('an aligned list with the remedy under each part that needs one, in English and in Chinese', async () => {
    const deps = {
      trayHost: () => Promise.resolve('absent' as const),
      keychainCredentials: keychain({ ok: false, error: appError('KEYCHAIN_LOCKED', { platform: 'linux' }) }).provider,
    };
    const { out } = await doctor(['--base-url', server.url], deps, { XDG_CURRENT_DESKTOP: 'KDE' });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Tray icon host {2}absent$/);
    // The remedy wraps at 80 columns, its second line under the first's words.
    expect(lines.slice(1, 3)).toEqual([
      `${' '.repeat('Tray icon host'.length + 2)}→ Add the "System Tray" widget to a panel, then start Gate`,
      `${' '.repeat('Tray icon host'.length + 4)}Glance again.`,
    ]);
    expect(lines[3]).toMatch(/^Keychain {8}locked$/);
    expect(out).toContain(`Data folder     OK  ${okDir}`);
    expect(out).toMatch(/Gate {12}OK {2}clock difference -?\d+\.\d s/);
    expect(out).toContain('Proxy           none (direct connection)');

    const io = captureIo({ GATE_GLANCE_DATA_DIR: okDir, XDG_CURRENT_DESKTOP: 'KDE' });
    await createDoctorCommand({ platform: 'linux', dataDir: () => okDir, ...deps })(['--base-url', server.url], {
      ...io,
      words: await loadCliWords({ language: 'zh-CN', formatLocale: 'zh-CN' }),
    });
    const zh = io.out();
    expect(zh).toContain('托盘图标宿主  不存在');
    expect(zh).toContain('在面板上添加“系统托盘”小部件');
    // Labels are padded by terminal columns (a Han character is two): every value starts in one column.
    const starts = zh
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith(' '))
      .map((l) => {
        const m = /^(\S(?:.*?\S)?)( {2,})/.exec(l);
        return m === null ? -1 : columns(m[1]!) + m[2]!.length;
      });
    expect(starts).toHaveLength(5);
    expect(new Set(starts).size).toBe(1);
  });
});

describe('gate-glance doctor --profile NAME and --all-profiles', () => {
  const FAMILY = { key: 'doctor-family-key-0011223344556677', secret: 'Kd8fJ2nV5bX9mQ3wZ7cT1hR4yL6pG0sE' };
  const entries: Record<string, Awaited<ReturnType<CredentialsProvider>>> = {
    family: ok(FAMILY),
    work: ok(null),
  };
  const asked: string[] = [];
  const profileCredentials =
    (profile: string): CredentialsProvider =>
    () => {
      asked.push(profile);
      return Promise.resolve(entries[profile] ?? ok(null));
    };

  it('--profile checks that key’s own keychain entry and Gate’s answer to it, never the environment’s key', async () => {
    asked.length = 0;
    const env = { GATE_API_KEY: CREDS.key, GATE_API_SECRET: CREDS.secret };
    const { code, out } = await doctor(['--json', '--base-url', server.url], { profileCredentials }, env);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(out))).not.toContain('profile');
    const io = captureIo({ GATE_GLANCE_DATA_DIR: okDir, ...env });
    const family = await createDoctorCommand({
      platform: 'linux',
      trayHost: () => Promise.resolve('present'),
      dataDir: () => okDir,
      profileCredentials,
    })(['--json', '--base-url', server.url], { ...io, profile: 'family' });
    expect(asked).toEqual(['family']);
    expect(family).toBe(DOCTOR_ATTENTION_EXIT);
    expect(io.out() + io.err()).not.toContain(FAMILY.secret);
    // The simulator does not know the family key: Gate refuses it, whatever the environment holds.
    expect(JSON.parse(io.out())).toMatchObject({
      profile: 'family',
      keychain: { status: 'ok', hint: null },
      gate: { status: 'rejected', hint: 'gate-rejected' },
    });
    const human = captureIo({ GATE_GLANCE_DATA_DIR: okDir });
    await createDoctorCommand({ platform: 'linux', trayHost: () => Promise.resolve('present'), dataDir: () => okDir, profileCredentials })(
      ['--base-url', server.url],
      { ...human, profile: 'work' },
    );
    expect(human.out()).toMatch(/^Keychain \(work\) {2}no key stored$/m);
    expect(human.out()).toMatch(/^Gate \(work\) {6}OK {2}clock difference/m);
  });

  it('--all-profiles checks every key the app lists, each in its own lines; one needing a remedy makes exit 5', async () => {
    const appDir = join(root, 'app');
    mkdirSync(appDir, { mode: 0o700 });
    const gateAccounts = [
      { profile: 'family', alias: 'Family', includeSubAccounts: true, excludedSubAccounts: [] },
      { profile: 'work', alias: '', includeSubAccounts: false, excludedSubAccounts: [] },
    ];
    writeFileSync(join(appDir, 'prefs.json'), JSON.stringify({ version: 1, gateAccounts }));
    asked.length = 0;
    const { code, out } = await doctor(['--json', '--all-profiles', '--base-url', server.url], {
      profileCredentials,
      dataDir: () => appDir,
      keyStaggerMs: 0,
    });
    expect(code).toBe(DOCTOR_ATTENTION_EXIT);
    expect(asked.sort()).toEqual(['family', 'work']);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ profile: 'default', keychain: { status: 'ok' }, gate: { status: 'ok' } });
    expect(doc.profiles).toEqual([
      { profile: 'default', keychain: { status: 'ok', hint: null }, gate: { status: 'ok', clockSkewMs: expect.any(Number), hint: null } },
      {
        profile: 'family',
        keychain: { status: 'ok', hint: null },
        gate: { status: 'rejected', clockSkewMs: expect.any(Number), hint: 'gate-rejected' },
      },
      {
        profile: 'work',
        keychain: { status: 'empty', hint: 'keychain-empty' },
        gate: { status: 'ok', clockSkewMs: expect.any(Number), hint: null },
      },
    ]);
    const human = await doctor(['--all-profiles', '--base-url', server.url], {
      profileCredentials,
      dataDir: () => appDir,
      keyStaggerMs: 0,
    });
    const labels = human.out
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith(' '))
      .map((l) => l.split(/ {2,}/)[0]);
    expect(labels).toEqual([
      'Tray icon host',
      'Keychain (default)',
      'Keychain (family)',
      'Keychain (work)',
      'Data folder',
      'Gate (default)',
      'Gate (family)',
      'Gate (work)',
      'Proxy',
    ]);
  });
});
