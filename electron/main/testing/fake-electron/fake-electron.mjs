// A recording stand-in for the parts of Electron's main-process API that out/main uses.
// Everything it sees is kept on `globalThis.__fakeElectron` for the smoke driver to inspect.
// It can also fail the way real Electron does, each switched on by an environment variable
// (FAKE_*) and citing where Electron documents that behaviour.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from './net-request.mjs';

// FAKE_PLATFORM=darwin|win32: the built main reads `process.platform` (Electron reports the OS it
// runs on, docs/api/process.md), so the dock, login-item and notification branches run here too.
// Evaluated before main's own top level, which imports this module first.
if (process.env.FAKE_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.FAKE_PLATFORM });
const flags = new Set((process.env.FAKE_FAIL ?? '').split(',').filter(Boolean));

const rec = {
  schemes: null,
  protocolHandlers: new Map(),
  sessions: new Map(),
  windows: [],
  trays: [],
  ipc: new Map(),
  removedIpc: [],
  opened: [],
  loginItems: [],
  /** accelerator → press handler, as globalShortcut holds them; FAKE_TAKEN_SHORTCUTS names ones another app holds. */
  shortcuts: new Map(),
  paths: {},
  quitCalled: 0,
  appUserModelIds: [],
  exitCode: null,
  /** Every Notification main created, with what it showed. */
  notifications: [],
  /** `app.dock.hide()` calls (macOS). */
  dockHidden: 0,
  /** `app.focus()` calls with their options. */
  appFocus: [],
  /** `app.relaunch()` calls with their options, and `app.releaseSingleInstanceLock()` calls. */
  relaunches: [],
  locksReleased: 0,
};
globalThis.__fakeElectron = rec;

let nextWebContentsId = 1;

function appPackageJson() {
  return JSON.parse(readFileSync(join(process.env.FAKE_APP_PATH ?? process.cwd(), 'package.json'), 'utf8'));
}

class FakeApp extends EventEmitter {
  // FAKE_PACKAGED=1: run as a packaged app (docs/api/app.md app.isPackaged); main then ignores its test
  // hooks, so only runs that end before they matter (a relaunch) use it.
  isPackaged = process.env.FAKE_PACKAGED === '1';
  // `app.dock` exists on macOS only (docs/api/app.md, "app.dock macOS Readonly"): undefined elsewhere.
  dock = process.platform === 'darwin' ? { hide: () => void (rec.dockHidden += 1) } : undefined;
  /** Like Chromium's: the value of `--name=value` on this process's command line, "" when absent. */
  commandLine = {
    // Switches main appends (Chromium reads them at `ready`): name → value.
    appended: new Map(),
    appendSwitch: (name, value) => void this.commandLine.appended.set(name, value ?? ''),
    getSwitchValue: (name) => {
      const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
      return arg ? arg.slice(name.length + 3) : '';
    },
  };
  setAppUserModelId(id) {
    rec.appUserModelIds.push(id);
  }
  // FAKE_FAIL=second-instance: another instance holds the lock. Electron: "If it returns false, your
  // process should quit immediately, as it has sent its parameters to the first instance" (docs/api/app.md).
  requestSingleInstanceLock() {
    rec.lockRequests = (rec.lockRequests ?? 0) + 1;
    return !flags.has('second-instance');
  }
  releaseSingleInstanceLock() {
    rec.locksReleased += 1;
  }
  // docs/api/app.md relaunch: "does not quit the app when executed. You have to call app.quit or
  // app.exit"; `args` replaces the arguments after the executable.
  relaunch(options) {
    rec.relaunches.push(options ?? null);
  }
  focus(options) {
    rec.appFocus.push(options ?? null);
  }
  // docs/api/app.md getLoginItemSettings: `openAtLogin` (macOS, Windows), `wasOpenedAtLogin` (macOS),
  // and on macOS 13+ `status`: not-registered | enabled | requires-approval | not-found.
  // FAKE_LOGIN_ITEM names that status; the last setLoginItemSettings decides openAtLogin otherwise.
  getLoginItemSettings() {
    const last = rec.loginItems.at(-1);
    const status = process.env.FAKE_LOGIN_ITEM ?? (last?.openAtLogin ? 'enabled' : 'not-registered');
    return { openAtLogin: status === 'enabled', wasOpenedAtLogin: false, status, executableWillLaunchAtLogin: status === 'enabled' };
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name) {
    const paths = {
      userData: process.env.FAKE_USER_DATA,
      appData: process.env.FAKE_APP_DATA,
      home: process.env.FAKE_HOME,
      documents: process.env.FAKE_HOME,
      ...rec.paths,
    };
    if (!paths[name]) throw new Error(`fake app.getPath: ${name}`);
    return paths[name];
  }
  setPath(name, value) {
    rec.paths[name] = value;
  }
  // The system's languages (FAKE_LANGUAGES, comma-separated; English by default).
  getPreferredSystemLanguages() {
    return (process.env.FAKE_LANGUAGES ?? 'en-US').split(',');
  }
  getLocale() {
    return (process.env.FAKE_LANGUAGES ?? 'en-US').split(',')[0];
  }
  // app.getVersion() / app.getName() (docs/api/app.md): package.json's version, and its productName
  // (else its name), of the app being run: this checkout's.
  getVersion() {
    return appPackageJson().version;
  }
  getName() {
    const pkg = appPackageJson();
    return pkg.productName ?? pkg.name;
  }
  getAppPath() {
    return process.env.FAKE_APP_PATH;
  }
  setLoginItemSettings(settings) {
    rec.loginItems.push(settings);
  }
  quit() {
    rec.quitCalled += 1;
    this.emit('before-quit', { preventDefault() {} });
    this.emit('will-quit', { preventDefault() {} });
  }
  exit(code) {
    rec.exitCode = code;
  }
}

export const app = new FakeApp();
rec.app = app;

function fakeSession(name) {
  const s = new EventEmitter();
  s.name = name;
  s.permissionRequestHandler = null;
  s.permissionCheckHandler = null;
  s.devicePermissionHandler = null;
  s.setPermissionRequestHandler = (h) => (s.permissionRequestHandler = h);
  s.setPermissionCheckHandler = (h) => (s.permissionCheckHandler = h);
  s.setDevicePermissionHandler = (h) => (s.devicePermissionHandler = h);
  s.protocol = {
    handle: (scheme, handler) => rec.protocolHandlers.set(`${name}:${scheme}`, handler),
  };
  // ses.resolveProxy(url) answers a Promise of Chromium's PAC result (docs/api/session.md): a direct connection here.
  s.resolveProxy = async () => 'DIRECT';
  // ses.setProxy(config) returns a Promise<void> and applies to requests made after it resolves
  // (electron/docs/api/session.md); ses.fetch is net.fetch scoped to that session (Electron 25+).
  s.proxy = null;
  s.setProxy = async (config) => {
    s.proxy = config;
  };
  s.fetch = (input, init) => {
    (rec.sessionFetches ??= []).push(name);
    rec.fetchLog.push({ session: name, url: String(input instanceof Request ? input.url : input) });
    return fakeFetch(input, init);
  };
  rec.sessions.set(name, s);
  return s;
}

export const session = {
  defaultSession: fakeSession('default'),
  fromPartition: (name) => rec.sessions.get(name) ?? fakeSession(name),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => (rec.schemes = schemes),
  handle: (scheme, handler) => rec.protocolHandlers.set(`default:${scheme}`, handler),
};

// A renderer that crashes is the driver emitting 'render-process-gone' (event, { reason, exitCode }),
// a failed load 'did-fail-load' (event, errorCode, errorDescription, validatedURL, isMainFrame):
// docs/api/web-contents.md. Neither reloads by itself in Electron: the page stays blank.
class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextWebContentsId++;
    this.destroyed = false;
    this.sent = [];
    this.windowOpenHandler = null;
    this.mainFrame = { url: 'app://glance/index.html', processId: 7, routingId: this.id, parent: null };
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel, payload) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.visible = false;
    this.destroyed = false;
    this.position = null;
    this.loaded = [];
    this.webContents = new FakeWebContents();
    rec.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isVisible() {
    return this.visible;
  }
  show() {
    this.visible = true;
    this.showCalls = (this.showCalls ?? 0) + 1;
  }
  // "Shows the window but doesn't focus on it" (docs/api/browser-window.md win.showInactive).
  showInactive() {
    this.visible = true;
    this.inactiveShows = (this.inactiveShows ?? 0) + 1;
  }
  hide() {
    this.visible = false;
  }
  // FAKE_FAIL=focus: the window manager refuses focus (GNOME/Mutter's focus-stealing prevention for a
  // start without a user-input timestamp, electron/electron#2867): shown, never focused, so no blur ever follows.
  focus() {
    this.focusCalls = (this.focusCalls ?? 0) + 1;
    if (!flags.has('focus')) this.focused = true;
  }
  isFocused() {
    return this.focused === true;
  }
  destroy() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  setPosition(x, y) {
    this.position = [x, y];
  }
  setVisibleOnAllWorkspaces(visible, options) {
    this.allWorkspaces = { visible, options };
  }
  async loadURL(url) {
    this.loaded.push(url);
  }
}

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    this.image = image;
    this.tooltip = null;
    this.title = null;
    this.contextMenu = null;
    this.destroyed = false;
    rec.trays.push(this);
  }
  setImage(image) {
    this.image = image;
  }
  setToolTip(tooltip) {
    this.tooltip = tooltip;
  }
  setTitle(title) {
    this.title = title;
  }
  setContextMenu(menu) {
    this.contextMenu = menu;
  }
  popUpContextMenu(menu) {
    this.poppedUp = (this.poppedUp ?? 0) + 1;
    this.poppedMenu = menu;
  }
  // macOS only (docs/api/tray.md "tray.setIgnoreDoubleClickEvents(ignore) macOS").
  setIgnoreDoubleClickEvents(ignore) {
    if (process.platform !== 'darwin') throw new Error('setIgnoreDoubleClickEvents is macOS only');
    this.ignoreDoubleClicks = ignore;
  }
  // Linux reports no bounds (docs/api/tray.md: getBounds is macOS and Windows), so all zero there.
  getBounds() {
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  // Windows only (docs/api/notification.md "Notification.handleActivation(callback) _Windows_", Electron
  // 42+; shell/browser/api/electron_api_notification.cc registers it under BUILDFLAG(IS_WIN)): undefined
  // elsewhere. An activation that came before it is handed over at once. The driver activates through
  // `rec.activateNotification(details)`, as Electron's COM toast activator does for a toast clicked in
  // Action Center, "in addition to instance events" when the object is still in memory.
  static handleActivation = process.platform === 'win32' ? (callback) => fakeActivation.register(callback) : undefined;
  constructor(options) {
    super();
    this.options = options;
    this.shown = false;
    rec.notifications.push(this);
  }
  // FAKE_FAIL=notification: the system refuses it. docs/api/notification.md, Event 'failed': "Emitted
  // when an error is encountered while creating and showing the native notification" (denied
  // permission, an unsigned or ad-hoc signed macOS build); emitted after show() returns.
  show() {
    if (flags.has('notification')) {
      setImmediate(() => this.emit('failed', {}, 'Notifications are not allowed for this application'));
      return;
    }
    this.shown = true;
  }
}

const fakeActivation = {
  callback: null,
  pending: null,
  register(callback) {
    this.callback = callback;
    if (this.pending !== null) callback(this.pending);
    this.pending = null;
  },
};
rec.activateNotification = (details) => {
  if (fakeActivation.callback) fakeActivation.callback(details);
  else fakeActivation.pending = details;
};
// FAKE_NOTIFICATION_STARTED_APP=1: Windows started the app to deliver a toast's click (a "cold start"
// of Electron's COM activator, electron/electron#49919): the activation waits for handleActivation.
if (process.env.FAKE_NOTIFICATION_STARTED_APP === '1') fakeActivation.pending = { type: 'click', arguments: '' };

export const Menu = { buildFromTemplate: (template) => ({ template }) };

// FAKE_FAIL=empty-icon: "If the path does not exist ... an empty image is returned" (docs/api/native-image.md
// createFromPath); it never throws.
export const nativeImage = {
  createFromPath: (path) => ({
    path,
    template: false,
    isEmpty: () => flags.has('empty-icon'),
    setTemplateImage(v) {
      this.template = v;
    },
  }),
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseDarkColorsForSystemIntegratedUI: false,
});

// `net.isOnline()` (docs/api/net.md: false "is a pretty strong indicator that the user won't be able
// to connect to remote sites"): the driver flips `rec.online` to make it flap. While it is false the
// fake's network is down: net.fetch and a session's fetch reject as Chromium's loader does, with the
// net error's name ("error" emitted with net::ErrorToString(...), shell/common/api/electron_api_url_loader.cc;
// ERR_INTERNET_DISCONNECTED is -106 in Chromium's net_error_list.h). Loopback stands in for Gate here.
rec.online = true;
/** Every request main made: the session ('net' for net.fetch) and the URL. */
rec.fetchLog = [];
function fakeFetch(input, init) {
  if (!rec.online) return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
  return globalThis.fetch(input, init);
}
export const net = {
  request,
  fetch: (input, init) => {
    rec.fetchLog.push({ session: 'net', url: String(input instanceof Request ? input.url : input) });
    return fakeFetch(input, init);
  },
  isOnline: () => rec.online,
};

export const globalShortcut = {
  register: (accelerator, onPress) => {
    if ((process.env.FAKE_TAKEN_SHORTCUTS ?? '').split(',').includes(accelerator) || rec.shortcuts.has(accelerator)) return false;
    // FAKE_FAIL=dead-shortcut: registered, never fires. Electron: "When the accelerator is already taken
    // by other applications, this call will silently fail" (docs/api/global-shortcut.md), and an X11 grab
    // under XWayland only fires while an X11 window has focus.
    rec.shortcuts.set(accelerator, flags.has('dead-shortcut') ? () => undefined : onPress);
    return true;
  },
  unregister: (accelerator) => void rec.shortcuts.delete(accelerator),
};

// 'suspend', 'resume', 'lock-screen', 'unlock-screen' (docs/api/power-monitor.md): the driver emits them.
export const powerMonitor = new EventEmitter();
rec.powerMonitor = powerMonitor;

export const screen = {
  getCursorScreenPoint: () => ({ x: 1800, y: 10 }),
  // One 1920×1080 display with a 32 px top panel (display.bounds vs display.workArea, docs/api/structures/display.md).
  getDisplayNearestPoint: () => ({
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 32, width: 1920, height: 1048 },
  }),
  getDisplayMatching: () => ({ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 } }),
};

export const shell = { openExternal: async (url) => void rec.opened.push(url) };

export const dialog = { showSaveDialog: async () => ({ canceled: true, filePath: undefined }) };

export const ipcMain = {
  handle: (channel, listener) => {
    if (rec.ipc.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    rec.ipc.set(channel, listener);
  },
  removeHandler: (channel) => {
    rec.ipc.delete(channel);
    rec.removedIpc.push(channel);
  },
};

export const contextBridge = {};
export const ipcRenderer = {};

// For electron.cjs: what `require('electron')` reads, the same objects `import` gets.
globalThis.__fakeElectronModule = {
  app,
  session,
  protocol,
  BrowserWindow,
  Tray,
  Notification,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  globalShortcut,
  powerMonitor,
  screen,
  shell,
  dialog,
  ipcMain,
};
