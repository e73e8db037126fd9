// Runs the BUILT main bundle against the fake Electron through one alert: the key is saved over
// IPC (as the onboarding form does), an alert is set (as Settings does), the account is read
// from the simulator at GLANCE_GATE_BASE_URL, and the notification main shows is clicked.
// Reports what it saw as one JSON line on stdout. Usage:
//   node --import ./register.mjs notify-driver.mjs <path to out/main/index.js>
import { pathToFileURL } from 'node:url';
import { invokerFor, sleep, until } from './driver-kit.mjs';

await import(pathToFileURL(process.argv[2]).href);
const r = globalThis.__fakeElectron;
await until(() => r.trays.length === 1 && r.ipc.size > 0 && r.windows.length === 1, 'tray, window and IPC');
const win = r.windows[0];
const wc = win.webContents;
const invoke = invokerFor(r, wc);
await until(async () => {
  const s = await invoke('state:get');
  return s.ok && !s.value.credentials.checking;
}, 'the keychain');
// Whatever the greeting did, the popover is hidden before the click.
win.emit('ready-to-show');
if (win.visible) win.emit('blur');

const report = {};
report.prefs = (await invoke('prefs:set', { alerts: [{ id: 'rich', kind: 'above', currency: 'USDT', threshold: '1' }] })).ok;
report.saved = (await invoke('credentials:save', { key: process.env.SMOKE_KEY, secret: process.env.SMOKE_SECRET, verify: false })).ok;
await until(() => r.notifications.length > 0, 'a notification');
const state = await invoke('state:get');
report.state = { status: state.value.status, demo: state.value.demo };
report.notifications = r.notifications.map((n) => ({ title: n.options.title, body: n.options.body, shown: n.shown }));
// A refused notification ('failed', emitted after show()) becomes the state's `desktop.notifications`.
await sleep(50);
report.notificationsState = (await invoke('state:get')).value.desktop.notifications;
report.visibleBefore = win.visible;
const showsBefore = win.showCalls ?? 0;
r.notifications[0].emit('click');
// On Windows Electron's toast activator also runs the activation callback for that click.
if (process.platform === 'win32') r.activateNotification({ type: 'click', arguments: '' });
report.visibleAfter = win.visible;
report.showsByClick = (win.showCalls ?? 0) - showsBefore;
if (process.platform === 'win32') {
  win.emit('blur');
  // The toast clicked later in Action Center, its Notification object long collected.
  r.activateNotification({ type: 'click', arguments: '' });
  report.actionCenter = { visible: win.visible, shows: (win.showCalls ?? 0) - showsBefore };
}
report.cleared = (await invoke('credentials:clear', { forgetHistory: true })).ok;
(await import('electron')).app.quit();
await sleep(50);
process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
