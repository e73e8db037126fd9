/**
 * Electron main: the composition root and nothing more. It registers the app scheme, takes the
 * single-instance lock, builds GlanceApp (keychain store, Gate client over `net.fetch` so the
 * system proxy applies; `create()` answers once preferences are read, the keychain after), the
 * popover window, the tray and the IPC router over GlanceApp's methods, wires power and network
 * events to it, and tears everything down on quit. Every decision lives in electron/core (tested without Electron); this file only wires.
 */
import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
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
import { GlobalShortcut, shortcutReach } from '../core/app/global-shortcut.js';
import { createLaunchAtLogin, launchAtLoginFromSystem, readLoginItem } from '../core/app/launch-at-login.js';
import { LOGIN_ARG, secondInstanceAction, shouldGreet, startedAtLogin } from '../core/app/launch-intent.js';
import { isPermissionAllowed } from '../core/app/permissions.js';
import { NetworkChangeWatcher, OnlineWatcher, PauseGate } from '../core/app/power.js';
import { StatusNotifierWatch } from '../core/desktop/status-notifier-watch.js';
import { secondLaunchShow, xwaylandRelaunchArgs } from '../core/desktop/second-launch.js';
import { bundledCliArgs } from '../core/desktop/cli-dispatch.js';
import { proxyFromPacResult } from '../core/gate/proxy.js';
import { systemClock } from '../core/clock.js';
import { dataDir, legacyDataDirs, prepareDataDir } from '../core/data-dir.js';
import { createFetchTransport } from '../core/gate/fetch-transport.js';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, createIpcRouter, glanceHandlers } from '../core/ipc/index.js';
import { appSecretStore, appSecretStoreFor } from '../core/secrets/app-secret-store.js';
import type { TrayHostMonitor, TrayHostStatus } from '../core/desktop/tray-host.js';
import { ManualTrayHost, desktopTrayHost, fixedTrayHost } from '../core/desktop/tray-host.js';
import { cursorKnownFresh, displayServerOf, isNativeWayland, popoverPlanFor } from '../core/tray/popover-window-plan.js';
import { hardenContents, hardenSession } from './hardening.js';
import { createStateSender, registerIpc } from './ipc.js';
import { createAppUpdates } from './updater.js';
import { createNotifier } from './notifications.js';
import { POPOVER_PARTITION, createPopoverBrowserWindow } from './popover-window.js';
import { TrayPopover } from './tray-popover.js';

// On native Wayland the global shortcut goes through the xdg-desktop-portal GlobalShortcuts API
// ("essential for cases when the app runs in a Wayland session", docs/api/global-shortcut.md);
// before `ready`, like every Chromium switch.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
// Standard + secure: the page gets a real origin (app://glance) for the sender check and CSP 'self'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } }]);

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD_PATH = join(here, '..', 'preload', 'index.cjs');
const log = (message: string): void => console.warn(`[glance] ${message}`);

// Test hooks only in an unpackaged build: a packaged app ignores them (like the NODE_OPTIONS fuse).
const devEnv = app.isPackaged ? {} : process.env;

/**
 * One data folder for the app and the CLI (core/data-dir.ts), set before `ready` as Electron requires;
 * readied before anything reads it: an earlier version's files move over once, loose modes tightened.
 */
function useDataFolder(): void {
  const userData = devEnv.GLANCE_USER_DATA_DIR || dataDir(process.env, process.platform);
  for (const note of prepareDataDir(userData, devEnv.GLANCE_USER_DATA_DIR ? [] : legacyDataDirs(app.getPath('appData'), userData)))
    log(`data folder: ${note}`);
  app.setPath('userData', userData);
}

/**
 * `gate-glance balance` and the other CLI commands through the Linux packages' launcher: the
 * bundled CLI (out/cli, in the app) runs here in main's Node and exits with its code; no window,
 * no tray, no single-instance lock, so the running app is not disturbed.
 */
function runBundledCli(args: readonly string[]): void {
  const cli = createRequire(import.meta.url)(join(here, '..', 'cli', 'gate-glance.cjs')) as {
    main(argv: readonly string[]): Promise<void>;
  };
  void cli.main(args);
}

/** Packaged: resources/tray (electron-builder extraResources). Unpackaged: build/tray next to out/, however Electron was launched. */
function trayIconDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(here, '..', '..', 'build', 'tray');
}

// Crash output never carries data: an error that escapes every handler is logged by its name
// only (no message or stack, which could quote a request), instead of Electron's stack dialog.
process.on('uncaughtException', (error) => log(`uncaught error (${error.name})`));
process.on('unhandledRejection', (reason) => log(`unhandled rejection (${reason instanceof Error ? reason.name : typeof reason})`));

function main(): void {
  const cliArgs = bundledCliArgs(process.argv);
  if (cliArgs !== null) {
    runBundledCli(cliArgs);
    return;
  }
  useDataFolder();
  // A second launch hands its arguments (and, on native Wayland, its XDG activation token) to the first and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Started without the desktop entry's switches in a Wayland session (`gate-glance --toggle` from a
  // key binding): start again as the entry would, before Chromium shows anything.
  const relaunch = xwaylandRelaunchArgs({
    ...displayServerOf(app.commandLine, process.platform, process.env),
    packaged: app.isPackaged,
    display: process.env.DISPLAY,
    argv: process.argv,
  });
  if (relaunch !== null) {
    app.releaseSingleInstanceLock();
    app.relaunch({ args: relaunch });
    app.exit(0);
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

/** An in-memory session (no `persist:`) for plain http to this computer, with its proxy set to direct. */
const DIRECT_PARTITION = 'glance-direct';

/**
 * The tray host: on Linux, whether a StatusNotifierWatcher owns its name on the session bus (watched
 * with gdbus, so a panel that starts after the app still gets the icon); a test build may script one.
 */
function trayHostMonitor(): TrayHostMonitor | ManualTrayHost {
  if (devEnv.GLANCE_E2E_TRAY_HOST === 'absent') return new ManualTrayHost('absent');
  if (devEnv.GLANCE_E2E_TRAY_HOST === 'present' || process.platform !== 'linux')
    return fixedTrayHost(process.platform === 'linux' ? 'present' : 'not-applicable');
  return new StatusNotifierWatch({ env: process.env, log });
}

/**
 * Electron's `net.fetch` (and a session's `fetch`) as the transport's `fetch`: they take a URL string
 * or a Request, and a URL object is passed as its string.
 */
function asFetch(fetchOf: (input: string | Request, init?: RequestInit) => Promise<Response>): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) =>
    fetchOf(input instanceof Request ? input : String(input), init)) as typeof fetch;
}

async function start(): Promise<void> {
  const popoverSession = session.fromPartition(POPOVER_PARTITION);
  hardenSession(session.defaultSession);
  hardenSession(popoverSession, isPermissionAllowed);
  // Plain http:// (this computer only) goes through a session that never uses a proxy; see createFetchTransport.
  const directSession = session.fromPartition(DIRECT_PARTITION);
  hardenSession(directSession);
  await directSession.setProxy({ mode: 'direct' });
  const serveApp = createAppRequestHandler({ rootDir: RENDERER_DIR });
  popoverSession.protocol.handle(APP_SCHEME, async (request) => {
    const res = await serveApp(request.url, request.method);
    return new Response(res.body as ConstructorParameters<typeof Response>[0], { status: res.status, headers: res.headers });
  });

  const display = displayServerOf(app.commandLine, process.platform, process.env);
  const trayHost = trayHostMonitor();
  const autostartDir = join(process.env.XDG_CONFIG_HOME || join(app.getPath('home'), '.config'), 'autostart');
  const iconDir = trayIconDir();
  const ui = new TrayPopover<NativeImage, Menu>({
    platform: process.platform,
    plan: popoverPlanFor(app.commandLine, process.platform, process.env),
    secondLaunch: secondLaunchShow(display),
    trayHost,
    createTray: (image) => new Tray(image),
    loadIcon: (fileName) => {
      const image = nativeImage.createFromPath(join(iconDir, fileName));
      // createFromPath answers an empty image, never an error, for a file it cannot read: say which.
      if (image.isEmpty()) log(`tray icon ${fileName} could not be read`);
      if (process.platform === 'darwin') image.setTemplateImage(true);
      return image;
    },
    buildMenu: (template) => Menu.buildFromTemplate(template),
    createWindow: (plan) =>
      createPopoverBrowserWindow(BrowserWindow, {
        plan,
        preloadPath: PRELOAD_PATH,
        devTools: !app.isPackaged,
        backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1c1e' : '#ffffff',
      }),
    screen,
    cursorFresh: cursorKnownFresh(display),
    darkSystemUI: () => nativeTheme.shouldUseDarkColorsForSystemIntegratedUI,
    url: APP_ENTRY_URL,
    clock: systemClock,
    log,
    quit: () => app.quit(),
  });

  // A test build may name its own feed configuration; a packaged app reads resources/app-update.yml.
  const updates = createAppUpdates({
    platform: process.platform,
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    env: process.env,
    appPath: app.getAppPath(),
    version: app.getVersion(),
    devConfigPath: devEnv.GLANCE_UPDATE_CONFIG,
    clock: systemClock,
    log,
  });

  const notifier = createNotifier({
    create: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    onClick: () => ui.show(),
    // A toast clicked in Action Center later (or one that started the app) still opens the popover.
    handleActivation: process.platform === 'win32' ? (onActivate) => Notification.handleActivation(() => onActivate()) : null,
    log,
  });
  const glance = await GlanceApp.create({
    updates,
    secretStore: appSecretStore(devEnv),
    secretStoreFor: (profile) => appSecretStoreFor(devEnv, profile),
    transportForAccount: createFetchTransport(asFetch(net.fetch.bind(net)), {
      directFetch: asFetch(directSession.fetch.bind(directSession)),
    }),
    ...(devEnv.GLANCE_GATE_BASE_URL ? { baseUrl: devEnv.GLANCE_GATE_BASE_URL } : {}),
    clock: systemClock,
    dataDir: app.getPath('userData'),
    // After `ready`, so getLocale() answers; the setting and chooseAppLocale decide the rest.
    systemLanguages: { preferredLanguages: app.getPreferredSystemLanguages(), appLocale: app.getLocale() },
    // Diagnostics: the desktop (its tray remedy) and the proxy Chromium chose for Gate.
    platform: process.platform,
    ...(process.env.XDG_CURRENT_DESKTOP ? { desktopName: process.env.XDG_CURRENT_DESKTOP } : {}),
    resolveProxy: async (url) => proxyFromPacResult(await session.defaultSession.resolveProxy(url)),
    log,
    shell: {
      openExternal: (url) => shell.openExternal(url),
      notify: notifier.notify,
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
        autostartDir,
        command: app.isPackaged ? [process.execPath] : [process.execPath, join(here, '..', '..')],
      }),
    },
  });
  // What the desktop allows, as found: a refused notification, the tray host.
  const unwatchNotifier = notifier.onDidFail(() => glance.desktopChanged({ notifications: 'blocked' }));
  const reportTrayHost = (): void => glance.desktopChanged({ trayHost: desktopTrayHost(trayHost.status) });
  const unwatchHost = trayHost.onDidChange(reportTrayHost);
  reportTrayHost();
  // The login item as the system has it, read at start and after every change of the preference,
  // which follows it (macOS 13+ may wait for the user's approval in Login Items).
  const followLoginItem = async (): Promise<void> => {
    const item = await readLoginItem({
      platform: process.platform,
      // Windows matches the entry by its arguments too: the ones it was registered with.
      getLoginItemSettings: () => app.getLoginItemSettings(process.platform === 'win32' ? { args: [LOGIN_ARG] } : undefined),
      autostartDir,
    });
    const state = glance.getState();
    if (item !== state.desktop.loginItem) glance.desktopChanged({ loginItem: item });
    const wanted = launchAtLoginFromSystem(item, state.prefs.launchAtLogin);
    if (wanted !== state.prefs.launchAtLogin) await glance.setPrefs({ launchAtLogin: wanted });
  };
  let loginPreference: boolean | null = null;

  const unbindIpc = registerIpc(
    createIpcRouter(glanceHandlers(glance, ui), { trust: { trustedIds: () => ui.webContentsIds(), appOrigin: APP_ORIGIN }, log }),
  );
  const sendState = createStateSender(() => ui.pushTargets());
  const opened = ui.onDidShow(() => glance.popoverOpened());
  const closed = ui.onDidHide(() => glance.popoverClosed());
  const commands = ui.onDidCommand((command) => void glance.runTrayCommand(command));

  // The preferred global shortcut toggles the popover; whether the system granted it is state (Settings says so).
  const shortcut = new GlobalShortcut({
    register: (accelerator, onPress) => globalShortcut.register(accelerator, onPress),
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
    onPress: () => ui.toggleFromKeyboard(),
    onStatus: (status) => glance.shortcutChanged(status),
    reach: shortcutReach({
      platform: process.platform,
      sessionType: process.env.XDG_SESSION_TYPE,
      nativeWayland: isNativeWayland(display),
    }),
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
    ui.show();
  };
  const unsubscribe = glance.subscribe((state) => {
    if (state.prefs.launchAtLogin !== loginPreference) {
      loginPreference = state.prefs.launchAtLogin;
      void followLoginItem();
    }
    sendState(state);
    ui.render(state);
    shortcut.apply(state.prefs.globalShortcut);
    greet(state);
  });
  ui.start(glance.getState());
  loginPreference = glance.getState().prefs.launchAtLogin;
  void followLoginItem();
  shortcut.apply(glance.getState().prefs.globalShortcut);
  greet(glance.getState());
  if (!atLogin && secondInstanceAction(process.argv) === 'toggle') ui.show();
  nativeTheme.on('updated', () => ui.refresh());

  const gate = new PauseGate({ pause: () => glance.pause(), resume: () => glance.resume(), suspend: () => glance.suspend() });
  powerMonitor.on('suspend', () => gate.set('suspend', true));
  powerMonitor.on('resume', () => gate.set('suspend', false));
  powerMonitor.on('lock-screen', () => gate.set('lock', true));
  powerMonitor.on('unlock-screen', () => {
    gate.set('lock', false);
    glance.screenUnlocked();
  });
  // A test build may poll faster (the smoke tests flap net.isOnline in milliseconds, not seconds).
  const pollMs = Number(devEnv.GLANCE_E2E_POLL_MS) > 0 ? { intervalMs: Number(devEnv.GLANCE_E2E_POLL_MS) } : {};
  const online = new OnlineWatcher({
    isOnline: () => net.isOnline(),
    onOnline: () => glance.networkOnline(),
    clock: systemClock,
    ...pollMs,
  });
  online.start();
  // Wi-Fi to VPN without an offline moment: the routes changed, so the next answer may too.
  const interfaces = new NetworkChangeWatcher({
    interfaces: () => networkInterfaces(),
    onChange: () => glance.networkChanged(),
    clock: systemClock,
    ...pollMs,
  });
  interfaces.start();

  // `gate-glance --toggle` run again: a key binding, so a second one always hides what the first showed.
  app.on('second-instance', (_event, argv) => (secondInstanceAction(argv) === 'toggle' ? ui.toggleFromSecondLaunch() : ui.show()));
  app.on('activate', () => ui.show());

  if (devEnv.GLANCE_E2E === '1' || devEnv.GLANCE_E2E_TRAY_HOST) {
    // Read-only window into main for the Electron e2e tier (unpackaged builds only), and the scripted tray host.
    Object.assign(globalThis, {
      __glanceE2E: {
        trayModel: () => ui.lastModel,
        state: () => glance.getState(),
        show: () => ui.show(),
        trayHost: (status: TrayHostStatus) => (trayHost instanceof ManualTrayHost ? trayHost.set(status) : undefined),
      },
    });
  }

  let disposed = false;
  app.on('before-quit', () => {
    if (disposed) return;
    disposed = true;
    online.stop();
    interfaces.stop();
    shortcut.dispose();
    unbindIpc();
    for (const subscription of [opened, closed, commands, unwatchNotifier, unwatchHost]) subscription.dispose();
    unsubscribe();
    ui.dispose();
    trayHost.dispose();
    glance.dispose();
  });
}

main();
