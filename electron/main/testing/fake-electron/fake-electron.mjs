// A recording stand-in for the parts of Electron's main-process API that out/main uses.
// Everything it sees is kept on `globalThis.__fakeElectron` for the smoke driver to inspect.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from './net-request.mjs';

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
};
globalThis.__fakeElectron = rec;

let nextWebContentsId = 1;

function appPackageJson() {
  return JSON.parse(readFileSync(join(process.env.FAKE_APP_PATH ?? process.cwd(), 'package.json'), 'utf8'));
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  dock = undefined;
  /** Like Chromium's: the value of `--name=value` on this process's command line, "" when absent. */
  commandLine = {
    getSwitchValue: (name) => {
      const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
      return arg ? arg.slice(name.length + 3) : '';
    },
  };
  setAppUserModelId(id) {
    rec.appUserModelIds.push(id);
  }
  requestSingleInstanceLock() {
    return true;
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
  }
  hide() {
    this.visible = false;
  }
  focus() {}
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
  popUpContextMenu() {}
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
  constructor(options) {
    super();
    this.options = options;
    this.shown = false;
    rec.notifications.push(this);
  }
  show() {
    this.shown = true;
  }
}

export const Menu = { buildFromTemplate: (template) => ({ template }) };

export const nativeImage = {
  createFromPath: (path) => ({
    path,
    template: false,
    setTemplateImage(v) {
      this.template = v;
    },
  }),
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseDarkColorsForSystemIntegratedUI: false,
});

export const net = { request, fetch: (...args) => globalThis.fetch(...args), isOnline: () => true };

export const globalShortcut = {
  register: (accelerator, onPress) => {
    if ((process.env.FAKE_TAKEN_SHORTCUTS ?? '').split(',').includes(accelerator) || rec.shortcuts.has(accelerator)) return false;
    rec.shortcuts.set(accelerator, onPress);
    return true;
  },
  unregister: (accelerator) => void rec.shortcuts.delete(accelerator),
};

export const powerMonitor = new EventEmitter();

export const screen = {
  getCursorScreenPoint: () => ({ x: 1800, y: 10 }),
  getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 32, width: 1920, height: 1048 } }),
  getDisplayMatching: () => ({ workArea: { x: 0, y: 32, width: 1920, height: 1048 } }),
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
