/**
 * The BUILT main bundle on the fake Electron, started the way the Linux packages' /usr/bin/gate-glance
 * starts it for a CLI command: the bundled CLI (out/cli) runs in main's own Node, prints and exits with
 * its code, and main builds no window, tray or IPC and takes no single-instance lock (the running app
 * is left alone). Builds out/cli first when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_SWITCH } from '../core/desktop/cli-dispatch.js';
import { BUILT, PROJECT_ROOT, ensureBuiltApp } from './testing/built-app.js';
import { builtMainEnv } from './testing/run-built-main.js';

interface Report {
  code: number;
  lockRequests: number;
  windows: number;
  trays: number;
  ipc: number;
}

const fake = join(PROJECT_ROOT, 'electron', 'main', 'testing', 'fake-electron');
const dirs: string[] = [];
const runDir = (): string => dirs[dirs.push(mkdtempSync(join(tmpdir(), 'glance-cli-main-'))) - 1]!;

function launcherRun(args: readonly string[]): { stdout: string; report: Report } {
  const dir = runDir();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      join(fake, 'register.mjs'),
      join(fake, 'cli-driver.mjs'),
      BUILT.main,
      '--ozone-platform=headless',
      '--disable-gpu',
      CLI_SWITCH,
      '--',
      ...args,
    ],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...builtMainEnv(dir), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    },
  );
  const line = r.stderr.split('\n').find((l) => l.startsWith('SMOKE '));
  if (!line) throw new Error(`the CLI driver reported nothing (status ${String(r.status)})\n${r.stdout}\n${r.stderr}`);
  return { stdout: r.stdout, report: JSON.parse(line.slice('SMOKE '.length)) as Report };
}

let demo: ReturnType<typeof launcherRun>;
let unknown: ReturnType<typeof launcherRun>;
let plainNode: string;

beforeAll(() => {
  ensureBuiltApp();
  if (!existsSync(join(PROJECT_ROOT, 'out', 'cli', 'gate-glance.cjs'))) {
    const built = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-cli.mjs')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build:cli failed: ${built.stderr}`);
  }
  demo = launcherRun(['balance', '--demo', '--short']);
  // The same command as `npm i -g` users run it, in plain Node.
  plainNode = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'gate-glance.cjs'), 'balance', '--demo', '--short'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: builtMainEnv(runDir()),
  }).stdout;
  unknown = launcherRun(['frobnicate']);
}, 180_000);

afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('built main as the CLI (gate-glance balance through the Linux launcher)', () => {
  it('prints what the CLI prints and exits 0, with no window, tray, IPC or single-instance lock', () => {
    expect(demo.stdout).toMatch(/^demo .+ USDT\n$/);
    expect(demo.stdout).toBe(plainNode);
    expect(demo.report).toEqual({ code: 0, lockRequests: 0, windows: 0, trays: 0, ipc: 0 });
  });

  it('answers an unknown command as the CLI does (usage, exit 2)', () => {
    expect(unknown.report).toMatchObject({ code: 2, windows: 0, lockRequests: 0 });
  });
});
