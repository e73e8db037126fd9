/**
 * The pure parts of `npm start` (scripts/start-checks.mjs): the Node version Electron's
 * installer needs, the Ubuntu 24.04+ development-sandbox failure and its remedy, and the
 * arguments Electron gets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ELECTRON_INSTALL_NODE,
  SUID_SANDBOX_ERROR,
  XWAYLAND_ARG,
  atLeast,
  electronArgs,
  isSandboxFailure,
  npmCommand,
  nodeTooOldForElectron,
  sandboxRemedy,
  sandboxWillFail,
} from '../../scripts/start-checks.mjs';
import { XWAYLAND_ARGS } from '../core/tray/popover-window-plan.js';
import { PROJECT_ROOT } from './testing/built-app.js';

function engines(file: string): string | undefined {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, file), 'utf8')) as { engines?: { node?: string } }).engines?.node;
}

describe('Node version', () => {
  it('compares versions numerically', () => {
    expect(atLeast('v22.12.0', '22.12.0')).toBe(true);
    expect(atLeast('v22.9.1', '22.12.0')).toBe(false);
    expect(atLeast('v24.0.0', '22.12.0')).toBe(true);
    expect(atLeast('v20.19.5', '22.12.0')).toBe(false);
    expect(atLeast('22.12.1', '22.12.0')).toBe(true);
  });

  it('says in one sentence that fetching Electron needs Node 22.12+, and nothing on a new enough Node', () => {
    const sentence = nodeTooOldForElectron('v20.19.5');
    expect(sentence).toMatch(/Node 20\.19\.5/);
    expect(sentence).toMatch(/needs Node 22\.12\.0 or newer/);
    expect(sentence?.split(/\.\s+[A-Z]/)).toHaveLength(1);
    expect(sentence).not.toMatch(/\n/);
    expect(nodeTooOldForElectron('v22.12.0')).toBeNull();
    expect(nodeTooOldForElectron('v23.1.0')).toBeNull();
  });

  it('matches what the installed Electron declares, while the project stays at Node 20.19+', () => {
    expect(engines('node_modules/electron/package.json')).toBe(`>= ${ELECTRON_INSTALL_NODE}`);
    expect(engines('node_modules/@electron/get/package.json')).toBe(`>=${ELECTRON_INSTALL_NODE}`);
    expect(engines('package.json')).toBe('>=20.19.0');
  });
});

describe('development sandbox (Ubuntu 24.04+)', () => {
  const base = { platform: 'linux', uid: 1000, usernsRestricted: true, sandbox: { uid: 1000, mode: 0o100755 } };

  it('fails for a normal user where user namespaces are restricted and chrome-sandbox is not root:root 4755', () => {
    expect(sandboxWillFail(base)).toBe(true);
    expect(sandboxWillFail({ ...base, sandbox: { uid: 0, mode: 0o100755 } })).toBe(true);
    expect(sandboxWillFail({ ...base, sandbox: { uid: 1000, mode: 0o104755 } })).toBe(true);
  });

  it('works once chown root + chmod 4755 is done, as root, without the restriction, or off Linux', () => {
    expect(sandboxWillFail({ ...base, sandbox: { uid: 0, mode: 0o104755 } })).toBe(false);
    expect(sandboxWillFail({ ...base, uid: 0 })).toBe(false);
    expect(sandboxWillFail({ ...base, usernsRestricted: false })).toBe(false);
    expect(sandboxWillFail({ ...base, platform: 'darwin' })).toBe(false);
    expect(sandboxWillFail({ ...base, sandbox: null })).toBe(false);
  });

  it('recognises Chromium’s message and prints the exact commands with the real path', () => {
    const stderr = `[12:34:56.789:FATAL:setuid_sandbox_host.cc(158)] ${SUID_SANDBOX_ERROR}. Rather than run without sandboxing I'm aborting now. You need to make sure that /home/u/gg/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.`;
    expect(isSandboxFailure(stderr)).toBe(true);
    expect(isSandboxFailure('[FATAL] something else')).toBe(false);
    const path = '/home/u/gg/node_modules/electron/dist/chrome-sandbox';
    const remedy = sandboxRemedy(path);
    expect(remedy).toContain(`sudo chown root:root ${path} && sudo chmod 4755 ${path}`);
    expect(remedy).toMatch(/AppArmor profile/);
    expect(remedy).toMatch(/--no-sandbox.*without Chromium's sandbox/);
  });
});

describe('Electron arguments', () => {
  it('runs under XWayland on Linux like the packaged desktop entry, unless the developer picks a platform', () => {
    expect(XWAYLAND_ARGS).toEqual([XWAYLAND_ARG]);
    expect(electronArgs({ platform: 'linux', uid: 1000, userArgs: [] })).toEqual(['.', XWAYLAND_ARG]);
    expect(electronArgs({ platform: 'linux', uid: 1000, userArgs: ['--ozone-platform=wayland'] })).toEqual([
      '.',
      '--ozone-platform=wayland',
    ]);
    expect(electronArgs({ platform: 'darwin', uid: 501, userArgs: [] })).toEqual(['.']);
  });

  it('adds --no-sandbox only for root on Linux, and passes the developer’s arguments through', () => {
    expect(electronArgs({ platform: 'linux', uid: 0, userArgs: [] })).toEqual(['.', XWAYLAND_ARG, '--no-sandbox']);
    expect(electronArgs({ platform: 'linux', uid: 0, userArgs: ['--no-sandbox'] })).toEqual(['.', XWAYLAND_ARG, '--no-sandbox']);
    expect(electronArgs({ platform: 'win32', uid: null, userArgs: ['--inspect'] })).toEqual(['.', '--inspect']);
  });
});

describe('npmCommand', () => {
  it('runs npm.cmd through a shell on Windows (Node refuses a .cmd without one), npm directly elsewhere', () => {
    expect(npmCommand('win32')).toEqual({ command: 'npm.cmd', shell: true });
    expect(npmCommand('linux')).toEqual({ command: 'npm', shell: false });
    expect(npmCommand('darwin')).toEqual({ command: 'npm', shell: false });
  });
});
