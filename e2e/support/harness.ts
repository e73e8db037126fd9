/**
 * The real backend of the browser tier, living in the test process: the Gate simulator over
 * real HTTP on 127.0.0.1 port 0, the GateClient with the node transport, the keytar store
 * on the real Secret Service (gnome-keyring under dbus-run-session), prefs and history in a
 * temp dir — composed by GlanceApp exactly as Electron main composes it, and reached only
 * through E's IPC router (sender check + zod validation), as main's ipcMain handlers are.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Currency } from '../../shared/balance.js';
import { ok } from '../../shared/errors.js';
import type { Result } from '../../shared/errors.js';
import type { WidgetState } from '../../shared/ipc.js';
import { BalanceService } from '../../electron/core/balance/balance-service.js';
import { HistoryStore } from '../../electron/core/balance/history-store.js';
import { systemClock } from '../../electron/core/clock.js';
import { GateClient } from '../../electron/core/gate/client.js';
import { createNodeTransport } from '../../electron/core/gate/node-transport.js';
import type { Credentials } from '../../electron/core/gate/types.js';
import { createIpcRouter, toPublicState } from '../../electron/core/ipc/index.js';
import type { IpcHandlers } from '../../electron/core/ipc/index.js';
import { PrefsStore } from '../../electron/core/prefs/prefs-store.js';
import { CredentialsService } from '../../electron/core/secrets/credentials-service.js';
import { gateVerifier } from '../../electron/core/secrets/gate-verifier.js';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-store.js';
import type { SecretStore } from '../../electron/core/secrets/secret-store.js';
import { createDemoSource } from '../../electron/core/simulator/demo.js';
import type { GateSimulator, SimFault } from '../../electron/core/simulator/handler.js';
import { GATE_EXAMPLE_PORTFOLIO, totalBalanceBody } from '../../electron/core/simulator/portfolio.js';
import type { SimPortfolio } from '../../electron/core/simulator/portfolio.js';
import { startSimulatorServer } from '../../electron/core/simulator/server.js';
import type { BridgeBackend } from './bridge.js';

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
  /** A fault in place before the app's first request (until the test clears it). */
  readonly initialFault?: SimFault;
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
  /** Gate's exact total for the simulator's portfolio in `currency`. */
  expectedTotal(currency: Currency): string;
  close(): Promise<void>;
}

/** The keychain service the browser tier uses; never the app's own `gate-glance`. */
export const E2E_KEYCHAIN_SERVICE = 'gate-glance-e2e';

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Starts simulator, keychain store and app; the app's first refresh runs before this resolves. */
export async function startHarness(options: HarnessOptions & HarnessPlacement): Promise<Harness> {
  const credentials: Credentials = { key: randomHex(16), secret: randomHex(32) };
  const portfolio = options.portfolio ?? GATE_EXAMPLE_PORTFOLIO;
  const server = await startSimulatorServer({
    keys: [credentials],
    portfolio,
    rateLimit: { limit: 80, windowMs: options.rateLimitWindowMs ?? 3_000 },
  });
  if (options.initialFault) server.simulator.setFault(options.initialFault);
  const dataDir = await mkdtemp(join(tmpdir(), 'glance-e2e-'));
  const store = new KeytarSecretStore({ service: E2E_KEYCHAIN_SERVICE, timeoutMs: 10_000 });
  const cleared = await store.clear();
  if (!cleared.ok) throw new Error(`e2e harness: the keychain is not usable (${cleared.error.code}: ${cleared.error.message}). Run under dbus-run-session with an unlocked gnome-keyring (see e2e/README.md).`);
  if (options.withKey) {
    const set = await store.set(credentials);
    if (!set.ok) throw new Error(`e2e harness: could not store the key (${set.error.code})`);
  }

  const app = await startProvisionalApp({ store, baseUrl: server.url, dataDir });
  const router = createIpcRouter(app.handlers, {
    trust: { trustedIds: new Set([options.webContentsId]), appOrigin: options.appOrigin },
    log: () => undefined,
  });

  const backend: BridgeBackend = {
    invoke: (channel, args, sender) => router.dispatch(channel, args, sender),
    onState: (listener) => app.subscribe((state) => listener(toPublicState(state))),
  };

  return {
    backend,
    credentials,
    simulator: server.simulator,
    simulatorUrl: server.url,
    store,
    dataDir,
    expectedTotal: (currency) => (totalBalanceBody(portfolio, currency) as { total: { amount: string } }).total.amount,
    async close() {
      app.stop();
      server.simulator.releaseHanging();
      await server.close();
      await store.clear();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface ProvisionalApp {
  readonly handlers: IpcHandlers;
  subscribe(listener: (state: WidgetState) => void): () => void;
  stop(): void;
}

/**
 * PROVISIONAL: the services wired behind the IPC channels, until E's GlanceApp lands; then
 * this function is replaced by `new GlanceApp(...)` so the tier exercises main's composition.
 */
async function startProvisionalApp(deps: { store: SecretStore; baseUrl: string; dataDir: string }): Promise<ProvisionalApp> {
  const transport = createNodeTransport({ env: {} });
  const prefs = new PrefsStore({ dir: deps.dataDir, warn: () => undefined });
  await prefs.load();
  const history = new HistoryStore({ dir: deps.dataDir });
  const creds = new CredentialsService({ store: deps.store, verify: gateVerifier({ transport, baseUrl: deps.baseUrl }) });
  const client = new GateClient({ transport, credentials: creds.provider, baseUrl: deps.baseUrl });
  const service = new BalanceService({ source: client, clock: systemClock, prefs, history, credentials: await creds.status(), warn: () => undefined });
  void service.start();
  const done = <T>(r: Result<T>): Result<null> => (r.ok ? ok(null) : r);
  const handlers: IpcHandlers = {
    'state:get': async () => ok(service.getState()),
    'balance:refresh': async () => {
      await service.refresh();
      return ok(null);
    },
    'currency:set': async (currency) => done(await service.setCurrency(currency)),
    'credentials:save': async (input) => {
      const r = await creds.save(input);
      if (r.ok) {
        service.setSource(client, { demo: false });
        service.credentialsChanged(r.value.status);
      }
      return r;
    },
    'credentials:clear': async () => {
      const r = await creds.clear();
      if (r.ok) service.credentialsChanged(r.value);
      return r;
    },
    'demo:start': async () => {
      service.setSource(createDemoSource().client, { demo: true });
      return ok(null);
    },
    'prefs:set': async (patch) => service.setPrefs(patch),
    'history:get': async (currency) => ok(await history.read(currency)),
    'history:export-csv': async () => ok({ saved: false, path: null }),
    'window:hide': async () => ok(null),
    'external:open-key-page': async () => ok(null),
  };
  return { handlers, subscribe: (l) => service.subscribe(l), stop: () => service.dispose() };
}
