// Runs the BUILT main bundle against the fake Electron and reports what it did as one JSON
// line on stdout; the Vitest smoke test asserts on it. Usage:
//   node --import ./register.mjs driver.mjs <path to out/main/index.js>
import { pathToFileURL } from 'node:url';

// Count every timer the app starts and has not cleared or seen fire (unref'd timers do not
// keep Node alive, so "the process exited" alone would not catch a leaked schedule).
const liveTimers = new Map();
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
globalThis.setTimeout = (fn, ms, ...args) => {
  const handle = realSetTimeout(
    (...a) => {
      liveTimers.delete(handle);
      fn(...a);
    },
    ms,
    ...args,
  );
  liveTimers.set(handle, ms);
  return handle;
};
globalThis.clearTimeout = (handle) => {
  liveTimers.delete(handle);
  realClearTimeout(handle);
};

const rec = () => globalThis.__fakeElectron;
const sleep = (ms) => new Promise((r) => realSetTimeout(r, ms));

async function until(predicate, what, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function event(webContents, frame) {
  return { sender: { id: webContents.id, mainFrame: webContents.mainFrame }, senderFrame: frame };
}

// Everything main writes to console.warn, so the report can show what a crash would log.
const warnings = [];
const realWarn = console.warn;
console.warn = (...args) => {
  warnings.push(args.map(String).join(' '));
  realWarn(...args);
};

const report = {};
await import(pathToFileURL(process.argv[2]).href);
const r = rec();
report.dataFolder = { userData: r.paths.userData ?? null, notes: warnings.filter((w) => w.includes('data folder:')) };
await until(() => r.trays.length === 1 && r.ipc.size > 0 && r.windows.length === 1, 'tray, window and IPC');
const win = r.windows[0];
const wc = win.webContents;
const tray = r.trays[0];

report.schemes = r.schemes;
report.webPreferences = win.options.webPreferences;
report.windowSize = [win.options.width, win.options.height, win.options.frame, win.options.show];
report.windowFlags = {
  frame: win.options.frame,
  movable: win.options.movable,
  center: win.options.center,
  skipTaskbar: win.options.skipTaskbar,
  alwaysOnTop: win.options.alwaysOnTop,
  allWorkspaces: win.allWorkspaces ?? null,
};
report.appUserModelIds = r.appUserModelIds;
report.switches = Object.fromEntries(r.app.commandLine.appended);
report.loaded = win.loaded;
report.ipcChannels = [...r.ipc.keys()].sort();
report.hardening = {
  events: wc.eventNames().map(String).sort(),
  windowOpen: wc.windowOpenHandler?.({ url: 'https://evil.example/' }) ?? null,
  sessions: [...r.sessions.values()].map((s) => ({
    name: s.name,
    request: typeof s.permissionRequestHandler === 'function',
    check: s.permissionCheckHandler?.(null, 'media', 'app://glance') ?? null,
    clipboardWrite: s.permissionCheckHandler?.(null, 'clipboard-sanitized-write', 'app://glance') ?? null,
    proxy: s.proxy,
  })),
};
const navigate = {
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
};
wc.emit('will-navigate', navigate, 'https://evil.example/');
report.hardening.navigationPrevented = navigate.prevented;

// The app protocol, as Chromium would call it.
const serve = r.protocolHandlers.get('glance-popover:app');
const page = await serve({ url: 'app://glance/index.html', method: 'GET' });
const escape = await serve({ url: 'app://glance/%2e%2e/%2e%2e/package.json', method: 'GET' });
report.protocol = {
  status: page.status,
  csp: page.headers.get('content-security-policy'),
  type: page.headers.get('content-type'),
  hasRoot: (await page.text()).includes('id="root"'),
  traversalStatus: escape.status,
};

// IPC as the renderer would send it, from the trusted top frame and from strangers.
const top = wc.mainFrame;
const invoke = (channel, ev, ...args) => r.ipc.get(channel)(ev, ...args);
// The tray and IPC answer before the keychain does (credentials.checking); wait for its answer and the first fetch.
let state = await invoke('state:get', event(wc, top));
const end = Date.now() + 15_000;
while (state.ok && (state.value.credentials.checking || state.value.status === 'loading') && Date.now() < end) {
  await sleep(20);
  state = await invoke('state:get', event(wc, top));
}
report.ipc = {
  state: state.ok
    ? { ok: true, status: state.value.status, demo: state.value.demo, keychain: state.value.credentials.keychainError?.code ?? null }
    : state,
  subFrame: await invoke('state:get', event(wc, { url: 'app://glance/index.html', processId: 7, routingId: 999, parent: top })),
  otherContents: await invoke('state:get', { sender: { id: 4242, mainFrame: top }, senderFrame: top }),
  fileUrl: await invoke('state:get', event(wc, { ...top, url: 'file:///index.html' })),
  badPayload: await invoke('currency:set', event(wc, top), 'DOGE'),
  keyPage: await invoke('external:open-key-page', event(wc, top)),
};
report.opened = r.opened;

// Tray: rendered, menu always set, click toggles the popover next to the cursor.
await until(() => tray.contextMenu !== null, 'tray menu');
report.tray = {
  tooltip: tray.tooltip,
  icon: tray.image.path.split('/').slice(-2).join('/'),
  menu: tray.contextMenu.template.map((i) => (i.type === 'separator' ? '---' : i.label)),
  firstEnabled: tray.contextMenu.template[0].enabled,
};
// No key stored and not a login start: the popover greets by itself once the window is ready;
// `gate-glance --toggle` run again toggles it in this instance (single-instance argv).
win.emit('ready-to-show');
report.greeting = { visible: win.visible };
r.app.emit('second-instance', {}, ['/usr/bin/gate-glance', '--toggle'], '/');
report.greeting.afterToggle = win.visible;
// Hidden again before the tray click below, whichever way the greeting went.
if (win.visible) r.app.emit('second-instance', {}, ['/usr/bin/gate-glance', '--toggle'], '/');
// A second launch's --toggle shows it focused, or inactive where asking for focus only earns an
// "is ready" notification (XWayland in a Wayland session); the next one always hides it.
const focusCallsBefore = win.focusCalls ?? 0;
const inactiveBefore = win.inactiveShows ?? 0;
r.app.emit('second-instance', {}, ['/usr/bin/gate-glance', '--toggle'], '/');
report.secondLaunch = {
  visible: win.visible,
  focusAsked: (win.focusCalls ?? 0) > focusCallsBefore,
  inactive: (win.inactiveShows ?? 0) - inactiveBefore,
};
r.app.emit('second-instance', {}, ['/usr/bin/gate-glance', '--toggle'], '/');
report.secondLaunch.hiddenByNext = !win.visible;
tray.emit('click');
report.popover = { visible: win.visible, position: win.position };
win.emit('blur');
report.popover.hiddenOnBlur = !win.visible;

// The global shortcut: held as the preferences say, a press toggles the popover.
report.shortcut = { held: [...r.shortcuts.keys()] };
const press = r.shortcuts.get('CommandOrControl+Alt+G');
press?.();
report.shortcut.shownByPress = win.visible;
press?.();
report.shortcut.hiddenByPress = !win.visible;

await until(() => wc.sent.some(([c]) => c === 'widget:state'), 'a state push');
report.shortcut.pushed = wc.sent.filter(([c]) => c === 'widget:state').at(-1)?.[1]?.shortcut ?? null;
report.pushes = wc.sent.filter(([c]) => c === 'widget:state').length;
report.pushHasSecretField = JSON.stringify(wc.sent).includes('"secret"');

// FAKE_SAVE_KEY: store a key the way the onboarding form does (credentials:save), read the
// state back, then remove it with its history (as the Electron e2e tier does on every OS).
if (process.env.FAKE_SAVE_KEY) {
  const saved = await invoke('credentials:save', event(wc, top), { key: process.env.FAKE_SAVE_KEY, secret: 'f'.repeat(64), verify: false });
  const after = await invoke('state:get', event(wc, top));
  const cleared = await invoke('credentials:clear', event(wc, top), { forgetHistory: true });
  const last = await invoke('state:get', event(wc, top));
  report.savedKey = {
    saved: saved.ok ? { stored: saved.value.status.stored, keyHint: saved.value.status.keyHint } : saved,
    afterSave: after.ok ? { stored: after.value.credentials.stored, demo: after.value.demo } : after,
    cleared: cleared.ok ? cleared.value.stored : cleared,
    afterClear: last.ok ? { stored: last.value.credentials.stored, status: last.value.status } : last,
  };
}

report.timersBeforeQuit = liveTimers.size;

// Quit: everything registered is removed and nothing keeps the process alive.
r.quitCalled = 0;
(await import('electron')).app.quit();
await sleep(50);
report.quit = {
  shortcutsLeft: r.shortcuts.size,
  ipcLeft: r.ipc.size,
  trayDestroyed: tray.isDestroyed(),
  windowDestroyed: win.isDestroyed(),
  timersLeft: [...liveTimers.values()],
};
// An error that escapes every handler, carrying a would-be secret in its message: main must
// log its name only, and keep running (no stack dialog, no crash output with data).
const leaky = new TypeError('boom with secret-0123456789abcdef in it');
const before = warnings.length;
process.emit('uncaughtException', leaky, 'uncaughtException');
process.emit('unhandledRejection', new RangeError('also secret-0123456789abcdef'), Promise.resolve());
report.crash = {
  listeners: [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')],
  logged: warnings.slice(before),
};

process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
