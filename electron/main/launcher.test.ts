/**
 * The Linux packages' /usr/bin/gate-glance (build/linux/bin/gate-glance), run as installed: a link
 * to resources/bin/gate-glance, the app two folders up (a stand-in that prints its arguments).
 * Every CLI command, help and version go to the CLI inside the app; anything else starts the app.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../cli/main.js';
import { CLI_SWITCH } from '../core/desktop/cli-dispatch.js';
import { PROJECT_ROOT } from './testing/built-app.js';

let root: string;
let usrBin: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'glance-launcher-'));
  const app = join(root, 'opt', 'Gate Glance');
  mkdirSync(join(app, 'resources', 'bin'), { recursive: true });
  writeFileSync(join(app, 'gate-glance'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n', { mode: 0o755 });
  copyFileSync(join(PROJECT_ROOT, 'build', 'linux', 'bin', 'gate-glance'), join(app, 'resources', 'bin', 'gate-glance'));
  chmodSync(join(app, 'resources', 'bin', 'gate-glance'), 0o755);
  mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
  usrBin = join(root, 'usr', 'bin', 'gate-glance');
  symlinkSync(join(app, 'resources', 'bin', 'gate-glance'), usrBin);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The arguments the app binary got when the launcher ran with `args`. */
function appArgs(...args: string[]): string[] {
  const r = spawnSync(usrBin, args, { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').slice(0, -1);
}

const CLI_PREFIX = ['--ozone-platform=headless', '--disable-gpu', CLI_SWITCH, '--'];

describe('/usr/bin/gate-glance', () => {
  it.each([...Object.keys(COMMANDS), 'help', '--help', '-h', '--version', '-V', '--locale', '--locale=zh-CN'])(
    '%s runs the CLI in the app’s binary, with no display needed and its options after "--"',
    (first) => {
      expect(appArgs(first, '--json', 'a b')).toEqual([...CLI_PREFIX, first, '--json', 'a b']);
    },
  );

  it('starts the app for anything else: nothing, --toggle, a platform switch', () => {
    expect(appArgs()).toEqual([]);
    expect(appArgs('--toggle')).toEqual(['--toggle']);
    expect(appArgs('--ozone-platform=wayland', '--toggle')).toEqual(['--ozone-platform=wayland', '--toggle']);
  });
});
