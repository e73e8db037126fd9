/**
 * The BUILT main bundle on the fake Electron (as main-smoke.test.ts) through the network going
 * away and coming back, `net.isOnline()` flapping, and the screen locking and unlocking, on an
 * account the simulator serves (network-driver.mjs; the fake's network fails while it says
 * offline, as Chromium's loader does). The driver runs as a child while this process serves Gate.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorServer } from '../core/simulator/server.js';
import { startSimulatorServer } from '../core/simulator/server.js';
import { ensureBuiltApp } from './testing/built-app.js';
import { builtMainEnv, spawnBuiltMain } from './testing/run-built-main.js';

interface Report {
  offline: { status: string; error: string | null; waitSec: number | null };
  back: { status: string; withinSec: number; requests: number };
  flapping: { status: string; requests: number };
  lock: { locked: number | null; unlocked: boolean; wokeLocked: number | null; unlockedAfterWake: boolean };
  cleared: boolean;
}

let dir: string;
let server: SimulatorServer;
let report: Report;

beforeAll(async () => {
  ensureBuiltApp();
  dir = mkdtempSync(join(tmpdir(), 'glance-network-smoke-'));
  const credentials = { key: randomBytes(16).toString('hex'), secret: randomBytes(32).toString('hex') };
  server = await startSimulatorServer({ keys: [credentials] });
  const r = await spawnBuiltMain(
    'network-driver.mjs',
    builtMainEnv(dir, {
      GLANCE_E2E_KEYCHAIN: 'memory',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      GLANCE_GATE_BASE_URL: server.url,
      GLANCE_E2E_POLL_MS: '40',
      SMOKE_KEY: credentials.key,
      SMOKE_SECRET: credentials.secret,
      XDG_SESSION_TYPE: 'x11',
    }),
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('SMOKE '));
  if (!line) throw new Error(`the network driver reported nothing (status ${String(r.code)})\n${r.stdout}\n${r.stderr}`);
  report = JSON.parse(line.slice('SMOKE '.length)) as Report;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('built main with a fake Electron: the network and the screen', () => {
  it('offline, a refresh fails as a network error and keeps the data stale, the next try a backoff away', () => {
    expect(report.offline.status).toBe('stale');
    expect(report.offline.error).toBe('NETWORK');
    expect(report.offline.waitSec).toBeGreaterThanOrEqual(40);
  });

  it('back online, it refreshes at once with one request, not after the backoff', () => {
    expect(report.back.requests).toBe(1);
    expect(report.back.withinSec).toBeLessThanOrEqual(5);
  });

  it('net.isOnline() flapping with fresh data costs no request', () => {
    expect(report.flapping).toEqual({ status: 'live', requests: 0 });
  });

  it('a locked screen pauses the schedule and the unlock resumes it; woken but still locked stays paused', () => {
    expect(report.lock).toEqual({ locked: null, unlocked: true, wokeLocked: null, unlockedAfterWake: true });
    expect(report.cleared).toBe(true);
  });
});
