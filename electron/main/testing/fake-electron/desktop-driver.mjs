// Runs the BUILT main bundle against the fake Electron in one of the desktop situations real
// Electron meets (FAKE_PLATFORM, FAKE_FAIL, GLANCE_E2E_TRAY_HOST: see fake-electron.mjs) and reports
// what main did as one JSON line on stdout. Usage:
//   node --import ./register.mjs desktop-driver.mjs <path to out/main/index.js>
import { pathToFileURL } from 'node:url';
import { invokerFor, sleep, until as waitUntil } from './driver-kit.mjs';

// This driver's waits are shorter than the kit's default.
const until = (predicate, what, ms = 15_000) => waitUntil(predicate, what, ms);

const warnings = [];
const realWarn = console.warn;
console.warn = (...args) => {
  warnings.push(args.map(String).join(' '));
  realWarn(...args);
};

await import(pathToFileURL(process.argv[2]).href);
const r = globalThis.__fakeElectron;
const report = { platform: process.platform };

if (process.env.FAKE_FAIL?.includes('second-instance')) {
  // The lock is held elsewhere: main quits at once and builds nothing.
  await sleep(300);
  report.secondInstance = { quit: r.quitCalled, windows: r.windows.length, trays: r.trays.length, ipc: r.ipc.size };
  process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
  process.exit(0);
}

if (process.env.FAKE_PACKAGED === '1') {
  // A packaged launch that starts again with other switches: main relaunches, exits and builds nothing.
  await sleep(300);
  report.launch = {
    relaunches: r.relaunches,
    locksReleased: r.locksReleased,
    exitCode: r.exitCode,
    windows: r.windows.length,
    trays: r.trays.length,
    ipc: r.ipc.size,
  };
  process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
  process.exit(0);
}

await until(() => r.ipc.size > 0 && r.windows.length >= 1, 'window and IPC');
const wc = () => r.windows.at(-1).webContents;
// The newest window's: the popover may have been rebuilt as a normal window.
const invoke = (channel, ...args) => invokerFor(r, wc())(channel, ...args);
await until(async () => {
  const s = await invoke('state:get');
  return s.ok && !s.value.credentials.checking && s.value.status !== 'loading';
}, 'the keychain and the first state');
const desktop = async () => (await invoke('state:get')).value.desktop;

report.dock = { hidden: r.dockHidden };
report.appUserModelIds = r.appUserModelIds;
report.loginItemRead = (await desktop()).loginItem;
report.shortcutHeld = [...r.shortcuts.keys()];
// Settings' "Open Login Items" (macOS 13+, a login item waiting for approval): main's URL, through shell.openExternal.
const loginItems = await invoke('login-item:open-settings');
report.loginItemsButton = { ok: loginItems.ok, opened: [...r.opened] };

if (process.env.GLANCE_E2E_TRAY_HOST === 'absent') {
  // No tray host: no tray, and after the grace period the popover shows itself as a window.
  report.trayHost = { traysAtStart: r.trays.length, desktopAtStart: (await desktop()).trayHost };
  await until(() => r.windows.length === 2, 'the window fallback', 10_000);
  const fallback = r.windows[1];
  fallback.emit('ready-to-show');
  report.trayHost.fallback = { visible: fallback.visible, frame: fallback.options.frame, skipTaskbar: fallback.options.skipTaskbar };
  // The notice the window then shows names the remedy for the desktop (XDG_CURRENT_DESKTOP).
  report.trayHost.hintWhileAbsent = (await desktop()).trayHostHint;
  fallback.emit('blur');
  report.trayHost.fallback.afterBlur = fallback.visible;
  globalThis.__glanceE2E.trayHost('present');
  report.trayHost.traysAfterHost = r.trays.length;
  await until(async () => (await desktop()).trayHost === 'present', 'the host in the state');
  report.trayHost.desktopAfterHost = (await desktop()).trayHost;
  report.trayHost.hintAfterHost = (await desktop()).trayHostHint;
} else {
  await until(() => r.trays.length === 1, 'the tray');
}
const tray = r.trays[0];
const win = () => r.windows.at(-1);
if (!win().visible) win().emit('ready-to-show');
report.visibleAtStart = win().visible;
// Whatever the greeting (or the window fallback) did, start hidden, with the window that is then current loaded.
if (win().visible) r.app.emit('second-instance', {}, ['gate-glance', '--toggle'], '/');
win().emit('ready-to-show');

// The tray as the platform wires it.
report.tray = {
  contextMenuSet: tray.contextMenu !== null,
  ignoreDoubleClicks: tray.ignoreDoubleClicks ?? null,
};
tray.emit('click', { ctrlKey: true });
report.tray.ctrlClick = { poppedUp: tray.poppedUp ?? 0, popoverVisible: win().visible };
if (win().visible) win().emit('blur');

// `gate-glance --toggle` twice, focus refused or not: the second always hides.
r.app.emit('second-instance', {}, ['gate-glance', '--toggle'], '/');
report.toggle = { first: win().visible, focused: win().isFocused() };
r.app.emit('second-instance', {}, ['gate-glance', '--toggle'], '/');
report.toggle.second = win().visible;

// While the popover is open no wait exceeds a minute; once hidden the schedule keeps its own
// interval again (TrayPopover's hide reaches GlanceApp.popoverClosed). Measured on a manual
// refresh's next attempt, an hour away by the preference.
await invoke('prefs:set', { refreshIntervalSec: 3600 });
const nextWait = async () => {
  await invoke('balance:refresh');
  return Math.round(((await invoke('state:get')).value.nextRefreshAt - Date.now()) / 1000);
};
r.app.emit('second-instance', {}, ['gate-glance'], '/');
report.watched = { open: win().visible, waitOpenSec: await nextWait() };
await invoke('window:hide');
report.watched.hidden = !win().visible;
report.watched.waitHiddenSec = await nextWait();

// A renderer that crashes is reloaded (Electron leaves it blank).
const loadsBefore = win().loaded.length;
wc().emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
await until(() => win().loaded.length > loadsBefore, 'a reload', 5_000);
report.crash = { reloaded: win().loaded.length - loadsBefore, logged: warnings.some((w) => w.includes('renderer gone (crashed)')) };

// Suspend pauses the schedule, resume restarts it.
r.powerMonitor.emit('suspend');
report.power = { suspended: (await invoke('state:get')).value.nextRefreshAt };
r.powerMonitor.emit('resume');
report.power.resumed = (await invoke('state:get')).value.nextRefreshAt !== null;

report.icons = { warned: warnings.filter((w) => w.includes('tray icon')) };

(await import('electron')).app.quit();
await sleep(50);
report.quit = { trayDestroyed: tray.isDestroyed(), windowDestroyed: win().isDestroyed() };
process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
