// The tray host watcher against a REAL dbus-daemon session bus (a private one, see
// testing/private-keyring.ts) and a stand-in StatusNotifierWatcher: Debian's python3-dbus owning
// the name late, then giving it up. Needs the apt packages dbus (dbus-daemon), libglib2.0-bin
// (gdbus) and python3-dbus.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noDbusEnv, startPrivateKeyring, type PrivateKeyring } from '../testing/private-keyring.js';
import { StatusNotifierWatch, trayHostOnce, type WatchStatus } from './status-notifier-watch.js';

/** Debian's interpreter, which has python3-dbus (a pyenv `python3` on PATH may not). */
const PYTHON = '/usr/bin/python3';

/** Owns the watcher's name until its stdin closes; prints "owned" once the bus granted it. */
const STAND_IN = `
import sys, dbus
bus = dbus.SessionBus()
if bus.request_name('org.kde.StatusNotifierWatcher') != dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER:
    sys.exit(3)
print('owned', flush=True)
sys.stdin.read()
`;

let bus: PrivateKeyring;

beforeAll(async () => {
  bus = await startPrivateKeyring('no-secret-service');
});

afterAll(async () => {
  await bus?.stop();
});

function standIn(): Promise<ChildProcess> {
  const child = spawn(PYTHON, ['-c', STAND_IN], { env: bus.env, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.once('data', (text: string) => (text.startsWith('owned') ? resolve(child) : reject(new Error(text))));
    child.once('exit', (code) => reject(new Error(`stand-in exited ${code}`)));
  });
}

function nextStatus(watch: StatusNotifierWatch, want: WatchStatus): Promise<void> {
  if (watch.status === want) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = watch.onDidChange((status) => {
      if (status !== want) return;
      sub.dispose();
      resolve();
    });
  });
}

describe('StatusNotifierWatch on a real session bus', () => {
  it('absent at first, present when a watcher claims the name late, absent again when it goes away', async () => {
    const seen: WatchStatus[] = [];
    const watch = new StatusNotifierWatch({ env: bus.env });
    watch.onDidChange((s) => seen.push(s));
    try {
      await nextStatus(watch, 'absent');
      const host = await standIn();
      await nextStatus(watch, 'present');
      host.stdin?.end();
      await nextStatus(watch, 'absent');
      expect(seen).toEqual(['absent', 'present', 'absent']);
    } finally {
      watch.dispose();
    }
  });

  it('answers the doctor once: present while a watcher owns the name, absent otherwise', async () => {
    expect(await trayHostOnce({ env: bus.env })).toBe('absent');
    const host = await standIn();
    try {
      expect(await trayHostOnce({ env: bus.env })).toBe('present');
    } finally {
      host.stdin?.end();
    }
  });

  it('no session bus at all (no address, no $XDG_RUNTIME_DIR/bus): unknown, no child, no crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glance-nobus-'));
    try {
      const env = noDbusEnv(process.env, dir);
      let spawned = 0;
      const watch = new StatusNotifierWatch({
        env,
        spawn: () => {
          spawned += 1;
          throw new Error('must not spawn');
        },
      });
      expect(watch.status).toBe('unknown');
      expect(spawned).toBe(0);
      watch.dispose();
      expect(await trayHostOnce({ env })).toBe('unknown');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bus address that leads nowhere, or no gdbus installed: unknown once the child ends', async () => {
    const dead = { ...bus.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/glance-bus' };
    expect(await trayHostOnce({ env: dead, timeoutMs: 10_000 })).toBe('unknown');
    const missing = await trayHostOnce({
      env: bus.env,
      timeoutMs: 10_000,
      spawn: (_command, args, env) =>
        spawn(join(tmpdir(), 'glance-no-gdbus', 'gdbus'), [...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }),
    });
    expect(missing).toBe('unknown');
  });
});
