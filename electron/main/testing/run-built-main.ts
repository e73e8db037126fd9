/**
 * Runs the BUILT main bundle (out/main/index.js) in plain Node with `electron` resolved to the
 * recording fake (fake-electron/), in a throw-away folder, and answers what its driver reported
 * on the `SMOKE ` line. The smoke tests differ only in arguments and environment.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT, PROJECT_ROOT } from './built-app.js';

export interface BuiltMainRun<R> {
  readonly report: R;
  readonly status: number | null;
  readonly signal: string | null;
  /** The run's folder (userData, appData, home and data dir live in it); `removeRunDirs` deletes it. */
  readonly dir: string;
}

export interface BuiltMainOptions {
  readonly args?: readonly string[];
  /** Added to (or, as undefined, removed from) the test's environment after the folder variables. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Lets a test put files in the folder (an earlier version's data) before main starts. */
  readonly prepare?: (dir: string) => void;
  /** The driver in fake-electron/ (default driver.mjs). */
  readonly driver?: string;
}

const runDirs: string[] = [];

/**
 * The environment of a built-main run in `dir`: the fake Electron's folders inside it and the
 * smoke tests' own keychain service, then `extra` (a value of undefined removes the variable).
 */
export function builtMainEnv(dir: string, extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    FAKE_USER_DATA: join(dir, 'userData'),
    FAKE_APP_DATA: join(dir, 'appData'),
    FAKE_HOME: join(dir, 'home'),
    GATE_GLANCE_DATA_DIR: join(dir, 'data'),
    FAKE_APP_PATH: PROJECT_ROOT,
    // Its own keychain entry: a smoke run only reads it, and never the user's.
    GLANCE_KEYCHAIN_SERVICE: 'gate-glance-main-smoke',
    // A tray host that is there (the tests that need it absent say so), not the test machine's session bus.
    GLANCE_E2E_TRAY_HOST: 'present',
    ...extra,
  };
  // Run as Windows on this POSIX machine, main would resolve GATE_GLANCE_DATA_DIR with Windows' path
  // rules ("\\tmp\\…\\data"), which POSIX reads as a relative name: files beside the project. The
  // test build's own folder setting is taken as it is.
  if (extra.FAKE_PLATFORM === 'win32' && !('GLANCE_USER_DATA_DIR' in extra)) env.GLANCE_USER_DATA_DIR = env.GATE_GLANCE_DATA_DIR;
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

export function runBuiltMain<R>(options: BuiltMainOptions = {}): BuiltMainRun<R> {
  const dir = mkdtempSync(join(tmpdir(), 'glance-built-main-'));
  runDirs.push(dir);
  options.prepare?.(dir);
  const fake = join(PROJECT_ROOT, 'electron', 'main', 'testing', 'fake-electron');
  const env = builtMainEnv(dir, options.env);
  const r = spawnSync(
    process.execPath,
    ['--import', join(fake, 'register.mjs'), join(fake, options.driver ?? 'driver.mjs'), BUILT.main, ...(options.args ?? [])],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env,
    },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('SMOKE '));
  if (!line) throw new Error(`the smoke driver reported nothing (status ${String(r.status)})\n${r.stdout}\n${r.stderr}`);
  return { report: JSON.parse(line.slice('SMOKE '.length)) as R, status: r.status, signal: r.signal, dir };
}

/** Deletes every folder `runBuiltMain` made in this test file. */
export function removeRunDirs(): void {
  for (const dir of runDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs the built main under one of the fake Electron's drivers (`notify-driver.mjs`, …) as a child
 * without blocking this process, which serves the simulator or a feed meanwhile; killed after 60 s.
 */
export function spawnBuiltMain(driver: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const fake = join(PROJECT_ROOT, 'electron', 'main', 'testing', 'fake-electron');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', join(fake, 'register.mjs'), join(fake, driver), BUILT.main], {
      cwd: PROJECT_ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
