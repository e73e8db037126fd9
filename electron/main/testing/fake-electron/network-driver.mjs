// Runs the BUILT main bundle against the fake Electron through a network that goes away and comes
// back, flapping, and a screen that locks and unlocks (with and without a sleep), on the account
// the simulator at GLANCE_GATE_BASE_URL serves. GLANCE_E2E_POLL_MS makes main poll net.isOnline()
// every few milliseconds. Reports what it saw as one JSON line on stdout. Usage:
//   node --import ./register.mjs network-driver.mjs <path to out/main/index.js>
import { pathToFileURL } from 'node:url';
import { invokerFor, sleep, until } from './driver-kit.mjs';

await import(pathToFileURL(process.argv[2]).href);
const r = globalThis.__fakeElectron;
await until(() => r.ipc.size > 0 && r.windows.length === 1, 'window and IPC');
const wc = r.windows[0].webContents;
const invoke = invokerFor(r, wc);
const state = async () => (await invoke('state:get')).value;
const poll = Number(process.env.GLANCE_E2E_POLL_MS);
const balanceRequests = () => r.fetchLog.filter((f) => f.url.includes('/wallet/total_balance')).length;
const secondsAway = (at) => (at === null ? null : Math.round((at - Date.now()) / 1000));

await until(async () => !(await state()).credentials.checking, 'the keychain');
await invoke('credentials:save', { key: process.env.SMOKE_KEY, secret: process.env.SMOKE_SECRET, verify: false });
await until(async () => {
  const s = await state();
  return s.status === 'live' && !s.demo && !s.refreshing;
}, 'the account, live');

const report = {};
// The network goes: a refresh fails the way Chromium fails it, and the schedule backs off.
r.online = false;
await sleep(3 * poll);
await invoke('balance:refresh');
let s = await state();
report.offline = { status: s.status, error: s.error?.code ?? null, waitSec: secondsAway(s.nextRefreshAt) };

// It comes back: the next poll sees the edge and refreshes at once, long before the backoff.
const beforeBack = balanceRequests();
const backAt = Date.now();
r.online = true;
await until(async () => (await state()).status === 'live', 'live again');
report.back = { status: 'live', withinSec: Math.ceil((Date.now() - backAt) / 1000), requests: balanceRequests() - beforeBack };

// Flapping with fresh data: every edge is seen, none costs a request (fresh data is not fetched again).
const beforeFlaps = balanceRequests();
for (let i = 0; i < 4; i += 1) {
  r.online = false;
  await sleep(3 * poll);
  r.online = true;
  await sleep(3 * poll);
}
s = await state();
report.flapping = { status: s.status, requests: balanceRequests() - beforeFlaps };

// The screen locks: no polling; unlocked: the schedule runs again.
r.powerMonitor.emit('lock-screen');
report.lock = { locked: (await state()).nextRefreshAt };
r.powerMonitor.emit('unlock-screen');
report.lock.unlocked = (await state()).nextRefreshAt !== null;
// Asleep and locked, then woken: still locked, so still no polling; the unlock starts it.
r.powerMonitor.emit('suspend');
r.powerMonitor.emit('lock-screen');
r.powerMonitor.emit('resume');
report.lock.wokeLocked = (await state()).nextRefreshAt;
r.powerMonitor.emit('unlock-screen');
report.lock.unlockedAfterWake = (await state()).nextRefreshAt !== null;

report.cleared = (await invoke('credentials:clear', { forgetHistory: true })).ok;
(await import('electron')).app.quit();
await sleep(50);
process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
process.exit(0);
