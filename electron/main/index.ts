/**
 * Electron main: the composition root and nothing more. It registers the app scheme, takes the
 * single-instance lock, builds GlanceApp (keychain store, Gate client over `net.fetch` so the
 * system proxy applies; `create()` answers once preferences are read, the keychain after), the
 * popover window, the tray and the IPC router over GlanceApp's methods, wires power and network
 * events to it, and tears everything down on quit. Every decision lives in electron/core (tested without Electron); this file only wires.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  globalShortcut,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import type { NativeImage } from 'electron';
import { APP_ID } from '../core/app/app-identity.js';
import { GlanceApp } from '../core/app/glance-app.js';
import { createAppRequestHandler, isAppUrl } from '../core/app/app-protocol.js';
import { GlobalShortcut } from '../core/app/global-shortcut.js';
import { createLaunchAtLogin } from '../core/app/launch-at-login.js';
import { secondInstanceAction, shouldGreet, startedAtLogin } from '../core/app/launch-intent.js';
import { isPermissionAllowed } from '../core/app/permissions.js';
import { OnlineWatcher, PauseGate } from '../core/app/power.js';
import { systemClock } from '../core/clock.js';
import { dataDir, legacyDataDirs, prepareDataDir } from '../core/data-dir.js';
import { createFetchTransport } from '../core/gate/fetch-transport.js';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, createIpcRouter, glanceHandlers } from '../core/ipc/index.js';
import { appSecretStore } from '../core/secrets/app-secret-store.js';
import { popoverPosition } from '../core/tray/popover-position.js';
import { createStateSender, registerIpc } from './ipc.js';
import { createAppUpdater, installFacts, readAppUpdateYml } from './updater.js';
import { UpdateService } from '../core/updates/update-service.js';
import { releasePageFor } from '../core/updates/update-mode.js';
import { createNotifier } from './notifications.js';
import { TrayController } from './tray.js';
import {
  POPOVER_PARTITION,
  PopoverController,
  createPopoverBrowserWindow,
  hardenContents,
  hardenSession,
  popoverPlanFor,
} from './window.js';

// Standard + secure: the page gets a real origin (app://glance) for the sender check and CSP 'self'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } }]);

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD_PATH = join(here, '..', 'preload', 'index.cjs');
const log = (message: string): void => console.warn(`[glance] ${message}`);

// Test hooks only in an unpackaged build: a packaged app ignores them (like the NODE_OPTIONS fuse).
const devEnv = app.isPackaged ? {} : process.env;
// One data folder for the app and the CLI (core/data-dir.ts), set before `ready` as Electron requires;
// readied before anything reads it: an earlier version's files move over once, loose modes tightened.
const userData = devEnv.GLANCE_USER_DATA_DIR || dataDir(process.env, process.platform);
for (const note of prepareDataDir(userData, devEnv.GLANCE_USER_DATA_DIR ? [] : legacyDataDirs(app.getPath('appData'), userData)))
  log(`data folder: ${note}`);
app.setPath('userData', userData);

/** Packaged: resources/tray (electron-builder extraResources). Unpackaged: build/tray next to out/, however Electron was launched. */
function trayIconDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(here, '..', '..', 'build', 'tray');
}

// Crash output never carries data: an error that escapes every handler is logged by its name
// only (no message or stack, which could quote a request), instead of Electron's stack dialog.
process.on('uncaughtException', (error) => log(`uncaught error (${error.name})`));
process.on('unhandledRejection', (reason) => log(`unhandled rejection (${reason instanceof Error ? reason.name : typeof reason})`));

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log, isAppUrl));
  // A tray app keeps running with its window hidden or closed.
  app.on('window-all-closed', () => undefined);
  if (process.platform === 'darwin') app.dock?.hide();
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`startup failed (${error instanceof Error ? error.name : 'unknown'})`);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const popoverSession = session.fromPartition(POPOVER_PARTITION);
  hardenSession(session.defaultSession);
  hardenSession(popoverSession, isPermissionAllowed);
  const serveApp = createAppRequestHandler({ rootDir: RENDERER_DIR });
  popoverSession.protocol.handle(APP_SCHEME, async (request) => {
    const res = await serveApp(request.url, request.method);
    return new Response(res.body as ConstructorParameters<typeof Response>[0], { status: res.status, headers: res.headers });
  });

  let popover: PopoverController | null = null;
  let tray: TrayController<NativeImage, Menu> | null = null;

  const install = installFacts({
    platform: process.platform,
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    env: process.env,
    packageJson: JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { glanceMacSigned?: unknown },
  });
  // A test build may name its own feed configuration; a packaged app reads resources/app-update.yml.
  const appUpdateYml = readAppUpdateYml(process.resourcesPath, app.isPackaged, devEnv.GLANCE_UPDATE_CONFIG);
  const updatePlan = createAppUpdater(install, devEnv.GLANCE_UPDATE_CONFIG);
  const updates = new UpdateService({
    ...updatePlan,
    currentVersion: app.getVersion(),
    releaseUrl: (version) => releasePageFor(appUpdateYml, version),
    clock: systemClock,
    log,
  });

  const glance = await GlanceApp.create({
    updates,
    secretStore: appSecretStore(devEnv),
    transportForAccount: createFetchTransport(((input: string | URL | Request, init?: RequestInit) =>
      net.fetch(input instanceof Request ? input : String(input), init)) as typeof fetch),
    ...(devEnv.GLANCE_GATE_BASE_URL ? { baseUrl: devEnv.GLANCE_GATE_BASE_URL } : {}),
    clock: systemClock,
    dataDir: app.getPath('userData'),
    // After `ready`, so getLocale() answers; the setting and chooseAppLocale decide the rest.
    systemLanguages: { preferredLanguages: app.getPreferredSystemLanguages(), appLocale: app.getLocale() },
    log,
    shell: {
      openExternal: (url) => shell.openExternal(url),
      hideWindow: () => popover?.hide(),
      showWindow: () => popover?.show(),
      quit: () => app.quit(),
      notify: createNotifier({
        create: (options) => new Notification(options),
        isSupported: () => Notification.isSupported(),
        onClick: () => popover?.show(),
        log,
      }),
      chooseCsvPath: async (fileName) => {
        const r = await dialog.showSaveDialog({
          defaultPath: join(app.getPath('documents'), fileName),
          filters: [{ name: 'CSV', extensions: ['csv'] }],
        });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      setLaunchAtLogin: createLaunchAtLogin({
        platform: process.platform,
        setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
        autostartDir: join(process.env.XDG_CONFIG_HOME || join(app.getPath('home'), '.config'), 'autostart'),
        command: app.isPackaged ? [process.execPath] : [process.execPath, join(here, '..', '..')],
      }),
    },
  });

  const view = new PopoverController({
    plan: popoverPlanFor(app.commandLine, process.platform, process.env),
    createWindow: (plan) =>
      createPopoverBrowserWindow(BrowserWindow, {
        plan,
        preloadPath: PRELOAD_PATH,
        devTools: !app.isPackaged,
        backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1c1e' : '#ffffff',
      }),
    placement: (size) => {
      const trayBounds = tray?.bounds() ?? { x: 0, y: 0, width: 0, height: 0 };
      const cursor = screen.getCursorScreenPoint();
      const hasBounds = trayBounds.width > 0 && trayBounds.height > 0;
      const display = hasBounds ? screen.getDisplayMatching(trayBounds) : screen.getDisplayNearestPoint(cursor);
      return popoverPosition({ trayBounds, windowSize: size, workArea: display.workArea, cursor, platform: process.platform });
    },
    url: APP_ENTRY_URL,
    now: () => Date.now(),
    log,
    onShow: () => glance.popoverOpened(),
  });
  popover = view;

  const trust = { trustedIds: () => view.webContentsIds(), appOrigin: APP_ORIGIN };
  const unbindIpc = registerIpc(createIpcRouter(glanceHandlers(glance), { trust, log }));
  const sendState = createStateSender(() => view.pushTargets());

  const iconDir = trayIconDir();
  const trayView = new TrayController<NativeImage, Menu>({
    platform: process.platform,
    createTray: (image) => new Tray(image),
    loadIcon: (fileName) => {
      const image = nativeImage.createFromPath(join(iconDir, fileName));
      if (process.platform === 'darwin') image.setTemplateImage(true);
      return image;
    },
    buildMenu: (template) => Menu.buildFromTemplate(template),
    darkSystemUI: () => nativeTheme.shouldUseDarkColorsForSystemIntegratedUI,
    clock: systemClock,
    onCommand: (command) => void glance.runTrayCommand(command),
    onClick: () => view.toggle(),
  });
  tray = trayView;

  // The preferred global shortcut toggles the popover; whether the system granted it is state (Settings says so).
  const shortcut = new GlobalShortcut({
    register: (accelerator, onPress) => globalShortcut.register(accelerator, onPress),
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
    onPress: () => view.toggleFromKeyboard(),
    onStatus: (status) => glance.shortcutChanged(status),
    log,
  });

  // The first run, and any start with no key stored, opens the popover (demo + "Connect your
  // Gate account") once the keychain has answered; a login start stays in the tray.
  const atLogin = startedAtLogin({
    argv: process.argv,
    wasOpenedAtLogin: process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
  });
  let greeted = false;
  const greet = (state: ReturnType<typeof glance.getState>): void => {
    if (greeted || !shouldGreet(state, atLogin)) return;
    greeted = true;
    view.show();
  };
  glance.subscribe((state) => {
    sendState(state);
    trayView.render(state);
    shortcut.apply(state.prefs.globalShortcut);
    greet(state);
  });
  view.create();
  trayView.create(glance.getState());
  shortcut.apply(glance.getState().prefs.globalShortcut);
  greet(glance.getState());
  if (!atLogin && secondInstanceAction(process.argv) === 'toggle') view.show();
  nativeTheme.on('updated', () => trayView.refresh());

  const gate = new PauseGate({ pause: () => glance.pause(), resume: () => glance.resume() });
  powerMonitor.on('suspend', () => gate.set('suspend', true));
  powerMonitor.on('resume', () => gate.set('suspend', false));
  powerMonitor.on('lock-screen', () => gate.set('lock', true));
  powerMonitor.on('unlock-screen', () => {
    gate.set('lock', false);
    glance.screenUnlocked();
  });
  const online = new OnlineWatcher({ isOnline: () => net.isOnline(), onOnline: () => glance.networkOnline(), clock: systemClock });
  online.start();

  app.on('second-instance', (_event, argv) => (secondInstanceAction(argv) === 'toggle' ? view.toggle() : view.show()));
  app.on('activate', () => view.show());

  if (devEnv.GLANCE_E2E === '1') {
    // Read-only window into main for the Electron e2e tier (unpackaged builds only).
    Object.assign(globalThis, {
      __glanceE2E: { trayModel: () => trayView.lastModel, state: () => glance.getState(), show: () => view.show() },
    });
  }

  let disposed = false;
  app.on('before-quit', () => {
    if (disposed) return;
    disposed = true;
    online.stop();
    shortcut.dispose();
    unbindIpc();
    trayView.dispose();
    glance.dispose();
    view.dispose();
  });
}

main();
