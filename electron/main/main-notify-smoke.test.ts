/**
 * The BUILT main bundle on the fake Electron (as main-smoke.test.ts), through one alert: a key
 * saved over IPC, an "above" alert set through prefs:set, the account read from the simulator,
 * and the notification core decided on shown by main as an Electron Notification; clicking it
 * opens the popover. The driver runs as a child while this process serves the simulator.
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
  prefs: boolean;
  saved: boolean;
  state: { status: string; demo: boolean };
  notifications: { title: string; body: string; shown: boolean }[];
  visibleBefore: boolean;
  visibleAfter: boolean;
  cleared: boolean;
  notificationsState: string;
  showsByClick: number;
  actionCenter?: { visible: boolean; shows: number };
}

let dir: string;
let server: SimulatorServer;
let report: Report;
let refused: Report;
let windows: Report;

const runDriver = (env: NodeJS.ProcessEnv) => spawnBuiltMain('notify-driver.mjs', env);

async function runOnce(extra: Record<string, string>, credentials: { key: string; secret: string }): Promise<Report> {
  // Each run in its own folder: an alert that fired is remembered (alerts.json) and would not fire again.
  const runDir = mkdtempSync(join(dir, 'run-'));
  const r = await runDriver(
    builtMainEnv(runDir, {
      // The e2e tier's in-memory store (unpackaged only), and no session bus: no keyring is needed or touched.
      GLANCE_E2E_KEYCHAIN: 'memory',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      GLANCE_GATE_BASE_URL: server.url,
      SMOKE_KEY: credentials.key,
      SMOKE_SECRET: credentials.secret,
      XDG_SESSION_TYPE: 'x11',
      ...extra,
    }),
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('SMOKE '));
  if (!line) throw new Error(`the notify driver reported nothing (status ${String(r.code)})\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice('SMOKE '.length)) as Report;
}

beforeAll(async () => {
  ensureBuiltApp();
  dir = mkdtempSync(join(tmpdir(), 'glance-notify-smoke-'));
  const credentials = { key: randomBytes(16).toString('hex'), secret: randomBytes(32).toString('hex') };
  server = await startSimulatorServer({ keys: [credentials] });
  report = await runOnce({}, credentials);
  // The system refuses notifications (FAKE_FAIL=notification: Electron's 'failed' event).
  refused = await runOnce({ FAKE_FAIL: 'notification' }, credentials);
  windows = await runOnce({ FAKE_PLATFORM: 'win32' }, credentials);
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('built main with a fake Electron: an alert', () => {
  it('is shown as one native notification with the words core chose, for the account (not the demo)', () => {
    expect([report.prefs, report.saved]).toEqual([true, true]);
    expect(report.state).toEqual({ status: 'live', demo: false });
    expect(report.notifications).toHaveLength(1);
    expect(report.notifications[0]).toMatchObject({ title: 'Net worth above 1.00 USDT', shown: true });
    expect(report.notifications[0]!.body).toMatch(
      /^Your Gate\.io net worth went above 1\.00 USDT\. It is now .+ USDT \(Gate's estimate\)\.$/,
    );
  });

  it('opens the popover when clicked', () => {
    expect([report.visibleBefore, report.visibleAfter]).toEqual([false, true]);
    expect(report.showsByClick).toBe(1);
    expect(report.cleared).toBe(true);
    expect(report.notificationsState).toBe('ok');
  });

  it('on Windows opens the popover once per click, also for a toast clicked later in Action Center (Notification.handleActivation)', () => {
    expect([windows.visibleBefore, windows.visibleAfter]).toEqual([false, true]);
    expect(windows.showsByClick).toBe(1);
    expect(windows.actionCenter).toEqual({ visible: true, shows: 2 });
  });

  it('when the system refuses it, the state says notifications are blocked (Settings › Alerts shows the remedy)', () => {
    expect(refused.notifications).toHaveLength(1);
    expect(refused.notifications[0]?.shown).toBe(false);
    expect(refused.notificationsState).toBe('blocked');
  });
});
