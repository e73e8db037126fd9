/**
 * The real backend of the browser tier, living in the test process: the Gate simulator over
 * real HTTP on 127.0.0.1 port 0, the GateClient with the node transport, the keytar store
 * on the real Secret Service (gnome-keyring under dbus-run-session), prefs and history in a
 * temp dir — composed by GlanceApp exactly as Electron main composes it (only the transport
 * and the shell differ), and reached only through GlanceApp's IPC router (sender check + zod
 * validation), as main's ipcMain handlers are.
 */
import { systemClock } from '../../electron/core/clock.js';
import type { Clock } from '../../electron/core/clock.js';
import { FakeUpdater } from '../../electron/core/testing/fake-updater.js';
import { UpdateService } from '../../electron/core/updates/update-service.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Currency } from '../../shared/balance.js';
import type { SystemLanguages } from '../../shared/locale.js';
import { ok } from '../../shared/errors.js';
import { GlanceApp } from '../../electron/core/app/glance-app.js';
import { createIpcRouter, glanceHandlers, toPublicState } from '../../electron/core/ipc/index.js';
import { createNodeTransport } from '../../electron/core/gate/node-transport.js';
import type { Credentials } from '../../electron/core/gate/types.js';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-store.js';
import { profileAccount } from '../../electron/core/secrets/profiles.js';
import type { SecretStore } from '../../electron/core/secrets/secret-store.js';
import type { GateSimulator, SimFault, SimKey } from '../../electron/core/simulator/handler.js';
import { GATE_EXAMPLE_PORTFOLIO, totalBalanceBody } from '../../electron/core/simulator/portfolio.js';
import type { SimPortfolio } from '../../electron/core/simulator/portfolio.js';
import { startSimulatorServer } from '../../electron/core/simulator/server.js';
import type { BridgeBackend, BridgeNotification } from './bridge.js';

/** How a harness starts. */
export interface HarnessOptions {
  /** Store the valid pair in the keychain before the app starts (default: first run, nothing stored). */
  readonly withKey?: boolean;
  /** What the simulator holds; default Gate's documented example (40-digit amounts). */
  readonly portfolio?: SimPortfolio;
  /**
   * The simulator's rate-limit window: a 429 tells the client to wait this long. Short by
   * default (3 s) so the rate-limit journey waits out a real wait in real time.
   */
  readonly rateLimitWindowMs?: number;
  /** Gate's clock minus this machine's, in ms (a skewed local clock). */
  readonly serverClockOffsetMs?: number;
  /** A fault in place before the app's first request (until the test clears it). */
  readonly initialFault?: SimFault;
  /**
   * The secret store; default the real keychain (KeytarSecretStore, own service name). The
   * bench passes an in-memory store: it measures the renderer and runs outside dbus-run-session.
   */
  readonly store?: SecretStore;
  /** The keychain as on a machine where npm could not build keytar: the real store, whose module is missing. */
  readonly keytarMissing?: boolean;
  /** What the system reports of its languages, as main passes Electron's (default: none, so English). */
  readonly systemLanguages?: SystemLanguages;
  /**
   * What Gate says of the key (permissions that can write, whitelist, creation time, state);
   * default a healthy key: read-only and bound to the loopback address, so it never expires.
   */
  readonly key?: Omit<SimKey, 'key' | 'secret'>;
  /** An update already downloaded and ready to install (electron-updater stood in for), for the ready state's pictures. */
  readonly update?: 'ready';
  /** The app's and the simulator's clock (README's pictures stop it at one instant); default the system clock. */
  readonly clock?: Clock;
  /** The pair the simulator accepts; default a random one per harness. */
  readonly credentials?: Credentials;
}

/** The app's updater after electron-updater found 0.2.0 and downloaded it (its stand-in answers as it would). */
async function readyUpdate(clock: Clock): Promise<UpdateService> {
  const updater = new FakeUpdater();
  updater.answer = async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
  const updates = new UpdateService({ updater, mode: 'self', currentVersion: '0.1.0', releaseUrl: () => null, clock });
  await updates.checkNow();
  await updates.download();
  return updates;
}

/** What Node's loader throws for a module npm did not install. */
function moduleNotFound(): Error {
  return Object.assign(new Error("Cannot find module 'keytar'"), { code: 'MODULE_NOT_FOUND' });
}

/** Where the app must be served from and which page id it is trusted under. */
export interface HarnessPlacement {
  /** The static server's origin: the only origin the sender check accepts. */
  readonly appOrigin: string;
  readonly webContentsId: number;
}

/** A running backend. */
export interface Harness {
  readonly backend: BridgeBackend;
  /** The pair the simulator accepts (random per harness). */
  readonly credentials: Credentials;
  /** The simulator behind the HTTP server: faults, log, portfolio. */
  readonly simulator: GateSimulator;
  readonly simulatorUrl: string;
  /** The real keychain store the app uses (its own service name, so a developer's entry is never touched). */
  readonly store: SecretStore;
  /** Where prefs.json and history.jsonl live. */
  readonly dataDir: string;
  /** What the app asked of its shell (open a URL, hide the window, choose a CSV path…), in order. */
  readonly shellLog: readonly ShellCall[];
  /** Gate's exact total for the simulator's portfolio in `currency`. */
  expectedTotal(currency: Currency): string;
  close(): Promise<void>;
}

/** One call from the app to its host shell (Electron main's part, stood in for here). */
interface ShellCall {
  readonly call: 'openExternal' | 'hideWindow' | 'chooseCsvPath' | 'setLaunchAtLogin' | 'notify';
  readonly arg: string | null;
}

/** The keychain service the browser tier uses; never the app's own `gate-glance`. */
const E2E_KEYCHAIN_SERVICE = 'gate-glance-e2e';

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Starts simulator, keychain store and app; the keychain has answered and the first refresh is on its way when this resolves. */
export async function startHarness(options: HarnessOptions & HarnessPlacement): Promise<Harness> {
  const credentials: Credentials = options.credentials ?? { key: randomHex(16), secret: randomHex(32) };
  const portfolio = options.portfolio ?? GATE_EXAMPLE_PORTFOLIO;
  const server = await startSimulatorServer({
    keys: [{ ...credentials, ...(options.key ?? { allowedIps: ['127.0.0.1'] }) }],
    portfolio,
    rateLimit: { limit: 80, windowMs: options.rateLimitWindowMs ?? 3_000 },
    serverClockOffsetMs: options.serverClockOffsetMs ?? 0,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (options.initialFault) server.simulator.setFault(options.initialFault);
  const dataDir = await mkdtemp(join(tmpdir(), 'glance-e2e-'));
  const store =
    options.store ??
    new KeytarSecretStore({
      service: E2E_KEYCHAIN_SERVICE,
      timeoutMs: 10_000,
      ...(options.keytarMissing ? { loadKeytar: () => Promise.reject(moduleNotFound()) } : {}),
    });
  const cleared = options.keytarMissing ? { ok: true as const } : await store.clear();
  if (!cleared.ok)
    throw new Error(
      `e2e harness: the keychain is not usable (${cleared.error.code}: ${cleared.error.detail ?? ''}). Run under dbus-run-session with an unlocked gnome-keyring (see e2e/README.md).`,
    );
  if (options.withKey) {
    const set = await store.set(credentials);
    if (!set.ok) throw new Error(`e2e harness: could not store the key (${set.error.code})`);
  }

  const shellLog: ShellCall[] = [];
  const notifyListeners = new Set<(notification: BridgeNotification) => void>();
  const updates = options.update === 'ready' ? await readyUpdate(options.clock ?? systemClock) : undefined;
  const app = await GlanceApp.create({
    ...(updates ? { updates } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    secretStore: store,
    // Each added profile its own entry of the same test service (an in-memory store when the bench passes one).
    ...(options.store || options.keytarMissing
      ? {}
      : {
          secretStoreFor: (profile: string) =>
            new KeytarSecretStore({ service: E2E_KEYCHAIN_SERVICE, timeoutMs: 10_000, account: profileAccount(profile) }),
        }),
    transportForAccount: createNodeTransport({ env: {} }),
    baseUrl: server.url,
    timeoutMs: 10_000,
    dataDir,
    shell: {
      openExternal: async (url) => {
        shellLog.push({ call: 'openExternal', arg: url });
      },
      // Main's notification shell, stood in for: the bridge records each (world.bridge.notifications).
      notify: (notification) => {
        shellLog.push({ call: 'notify', arg: notification.title });
        for (const listener of [...notifyListeners]) listener({ title: notification.title, body: notification.body });
      },
      chooseCsvPath: async (defaultFileName) => {
        shellLog.push({ call: 'chooseCsvPath', arg: defaultFileName });
        return join(dataDir, defaultFileName);
      },
      setLaunchAtLogin: async (enabled) => {
        shellLog.push({ call: 'setLaunchAtLogin', arg: String(enabled) });
        return ok(null);
      },
    },
    log: () => undefined,
    ...(options.systemLanguages ? { systemLanguages: options.systemLanguages } : {}),
  });
  await app.ready();
  const trust = { trustedIds: new Set([options.webContentsId]), appOrigin: options.appOrigin };
  // The window's own request (main's tray-and-popover class answers it in the app), recorded like a shell call.
  const popover = { hide: () => void shellLog.push({ call: 'hideWindow', arg: null }) };
  const router = createIpcRouter(glanceHandlers(app, popover), { trust, log: () => undefined });

  const backend: BridgeBackend = {
    invoke: (channel, args, sender) => router.dispatch(channel, args, sender),
    // The push boundary, as main's state sender: public credential fields only.
    onState: (listener) => app.subscribe((state) => listener(toPublicState(state))),
    onNotify: (listener) => {
      notifyListeners.add(listener);
      return () => {
        notifyListeners.delete(listener);
      };
    },
  };

  return {
    backend,
    credentials,
    simulator: server.simulator,
    simulatorUrl: server.url,
    store,
    dataDir,
    expectedTotal: (currency) => (totalBalanceBody(portfolio, currency) as { total: { amount: string } }).total.amount,
    shellLog,
    async close() {
      app.dispose();
      server.simulator.releaseHanging();
      await server.close();
      // A history append or alerts.json write started before dispose() still lands in dataDir:
      // wait for them, so removing the folder does not race a file appearing in it (ENOTEMPTY).
      await app.whenIdle();
      if (!options.keytarMissing) await store.clear();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
