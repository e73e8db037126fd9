/**
 * The real app in Electron: Playwright's `_electron.launch` of the built main (out/main), with
 * a throw-away userData dir, its own keychain service and the simulator on 127.0.0.1 port 0.
 * Demo mode and a stored key each show the window with a painted chart, the tray model agrees
 * with the state, the console stays clean, and IPC from anything but the popover's own top
 * frame is refused. Skips (one line, from global-setup) where no Electron binary exists.
 *
 * No test here touches a keychain item from outside the app: on macOS keytar's items trust only
 * the app that created them, so the keyed test stores its key through the app
 * (`credentials:save`, as the onboarding form does) and removes it the same way; the demo tests
 * run on the in-memory store an unpackaged build offers the e2e tier (GLANCE_E2E_KEYCHAIN), so
 * they need no keyring at all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { GlanceApi, WidgetState } from '../../shared/ipc.js';
import { formatMoney } from '../../shared/decimal.js';
import { DEMO_PORTFOLIO, GATE_EXAMPLE_PORTFOLIO, totalBalanceBody } from '../../electron/core/simulator/portfolio.js';
import { startSimulatorServer } from '../../electron/core/simulator/server.js';
import type { SimulatorServer } from '../../electron/core/simulator/server.js';
import { trayModel } from '../../electron/core/tray/tray-model.js';
import type { TrayModel } from '../../electron/core/tray/tray-model.js';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { PROJECT_ROOT, SCREENSHOT_DIR } from '../support/paths.js';

const binary = findElectronBinary(PROJECT_ROOT);
/** The keychain service of this tier: never the app's own entry. */
const KEYCHAIN_SERVICE = 'gate-glance-e2e-electron';
const PRELOAD_PATH = join(PROJECT_ROOT, 'out', 'preload', 'index.cjs');

interface Launched {
  readonly app: ElectronApplication;
  readonly window: Page;
  readonly consoleErrors: string[];
  readonly userData: string;
}

interface E2EHook {
  trayModel(): TrayModel | null;
  state(): WidgetState | null;
  show(): void;
}

/** No keyring needed: the app keeps its key in memory (an unpackaged build's e2e hook). */
const MEMORY_KEYCHAIN = { GLANCE_E2E_KEYCHAIN: 'memory' };

interface LaunchOptions {
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
  /** Show the popover through the test hook once main is up (default); false leaves it to the app. */
  readonly show?: boolean;
}

async function launch(options: LaunchOptions = {}): Promise<Launched> {
  const userData = await mkdtemp(join(tmpdir(), 'glance-electron-e2e-'));
  const args = [PROJECT_ROOT, '--disable-gpu', ...(options.args ?? [])];
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await _electron.launch({
    executablePath: binary.path ?? undefined,
    args,
    cwd: PROJECT_ROOT,
    timeout: 30_000,
    env: {
      ...(process.env as Record<string, string>),
      GLANCE_E2E: '1',
      GLANCE_USER_DATA_DIR: userData,
      GLANCE_KEYCHAIN_SERVICE: KEYCHAIN_SERVICE,
      ...options.env,
    },
  });
  // Console errors of main and of every window, from as early as Playwright can see them.
  const consoleErrors: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`renderer: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`renderer: ${e.name}: ${e.message}`));
  };
  app.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`main: ${m.text()}`);
  });
  app.on('window', watch);
  for (const page of app.windows()) watch(page);
  const window = await app.firstWindow();
  // Main installs its read-only test hook once GlanceApp has started (after the window exists).
  await expect
    .poll(() => app.evaluate(() => typeof (globalThis as unknown as { __glanceE2E?: E2EHook }).__glanceE2E), { timeout: 20_000 })
    .toBe('object');
  if (options.show !== false) {
    await app.evaluate(() => (globalThis as unknown as { __glanceE2E: E2EHook }).__glanceE2E.show());
    await expect.poll(() => anyWindowVisible(app), { timeout: 20_000 }).toBe(true);
  }
  await window.waitForLoadState('domcontentloaded');
  return { app, window, consoleErrors, userData };
}

function anyWindowVisible(app: ElectronApplication): Promise<boolean> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()));
}

/** In the page: the renderer's own API (preload's window.glance), called the way the popover calls it. */
type PageGlobal = { readonly glance: GlanceApi };

async function close(launched: Launched | null): Promise<void> {
  if (launched === null) return;
  await launched.app.close().catch(() => undefined);
  await rm(launched.userData, { recursive: true, force: true });
}

async function chartPainted(window: Page): Promise<void> {
  await expect(window.getByTestId('status-badge')).toHaveAttribute('data-status', 'live');
  const sector = window.locator('[data-testid="breakdown-chart"] .recharts-pie-sector path').first();
  await expect(sector).toBeVisible();
  await expect(sector).toHaveAttribute('d', /^M[\s\S]+A/);
}

async function mainState(app: ElectronApplication): Promise<{ state: WidgetState | null; tray: TrayModel | null }> {
  return app.evaluate(() => {
    const hook = (globalThis as unknown as { __glanceE2E: E2EHook }).__glanceE2E;
    return { state: hook.state(), tray: hook.trayModel() };
  });
}

/**
 * The tray must say what the popover says: main's last rendered model equals the pure model
 * of main's current state (the first menu line and the tooltip's "as of" carry a clock, so
 * those are compared up to the age), and it shows the live total.
 */
function expectTrayMatches(tray: TrayModel | null, state: WidgetState | null): void {
  expect(state?.status).toBe('live');
  expect(tray).not.toBeNull();
  const expected = trayModel(state!, Date.now(), process.platform);
  const total = formatMoney(state!.balance!.total.amount, { currency: state!.currency });
  expect(tray!.icon).toBe('live');
  expect(tray!.title).toBe(expected.title);
  expect(tray!.tooltip.split('\n')[0]).toBe(expected.tooltip.split('\n')[0]);
  expect(tray!.tooltip).toContain(total);
  expect(tray!.menu.slice(1)).toEqual(expected.menu.slice(1));
  expect(tray!.menu[0]).toMatchObject({ type: 'normal', enabled: false, label: expect.stringContaining(total) });
}

test.describe('Electron app', () => {
  test.skip(binary.path === null, `no Electron binary: ${binary.reason ?? ''}`);

  let simulator: SimulatorServer | null = null;
  let launched: Launched | null = null;
  /** Set while the app holds a key it stored itself, so the test removes it through the app. */
  let storedKey = false;

  test.afterEach(async () => {
    if (launched !== null && storedKey) {
      const cleared = await launched.window.evaluate(() =>
        (globalThis as unknown as PageGlobal).glance.clearCredentials({ forgetHistory: true }),
      );
      expect(cleared).toMatchObject({ ok: true, value: { stored: false } });
    }
    storedKey = false;
    await close(launched);
    launched = null;
    await simulator?.close();
    simulator = null;
  });

  test('first run: the popover greets by itself with the demo; the chart renders, the tray matches, no console errors', async () => {
    launched = await launch({ env: MEMORY_KEYCHAIN, show: false });
    const { app, window, consoleErrors } = launched;
    await expect.poll(() => anyWindowVisible(app), { timeout: 20_000 }).toBe(true);
    await expect(window.getByTestId('demo-badge')).toHaveText('Demo data');
    await chartPainted(window);
    const demoTotal = (totalBalanceBody(DEMO_PORTFOLIO, 'USDT') as { total: { amount: string } }).total.amount;
    const { state, tray } = await mainState(app);
    expect(state).toMatchObject({ demo: true, currency: 'USDT', balance: { total: { amount: demoTotal } } });
    expectTrayMatches(tray, state);
    // The app is served from its own scheme, not file:// or http.
    expect(window.url()).toBe('app://glance/index.html');
    await window.screenshot({ path: join(SCREENSHOT_DIR, 'electron-demo.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('started at login (--login): the tray only, no popover', async () => {
    launched = await launch({ env: MEMORY_KEYCHAIN, args: ['--login'], show: false });
    const { app } = launched;
    await expect.poll(async () => (await mainState(app)).state?.status, { timeout: 20_000 }).toBe('live');
    expect((await mainState(app)).tray?.icon).toBe('live');
    expect(await anyWindowVisible(app)).toBe(false);
  });

  test('with a key the app stored itself: the account’s figures over signed HTTP, tray in step, no console errors', async () => {
    const credentials = { key: 'e2e0'.repeat(8), secret: 'e2e1'.repeat(16) };
    simulator = await startSimulatorServer({ keys: [credentials], portfolio: GATE_EXAMPLE_PORTFOLIO });
    launched = await launch({ env: { GLANCE_GATE_BASE_URL: simulator.url } });
    const { app, window, consoleErrors } = launched;
    // Through the renderer's API and main's checks, as the onboarding form saves it (verified by one signed call).
    const saved = await window.evaluate(
      (pair) => (globalThis as unknown as PageGlobal).glance.saveCredentials({ ...pair, verify: true }),
      credentials,
    );
    storedKey = saved.ok;
    expect(saved).toMatchObject({ ok: true, value: { verified: true, status: { stored: true, keyHint: '…e2e0' } } });
    await chartPainted(window);
    await expect(window.getByTestId('demo-badge')).toHaveCount(0);
    await expect(window.getByTestId('total-amount')).toHaveText('633,967,350,312,281,193.07');
    expect(
      simulator.simulator.log.some((e) => e.path === '/api/v4/wallet/total_balance' && e.status === 200 && e.key === credentials.key),
    ).toBe(true);
    const { state, tray } = await mainState(app);
    expect(state).toMatchObject({ demo: false, credentials: { stored: true } });
    expectTrayMatches(tray, state);
    const html = await window.evaluate(() => document.documentElement.outerHTML);
    expect(html.includes(credentials.secret)).toBe(false);
    expect(JSON.stringify(saved)).not.toContain(credentials.secret);
    await window.screenshot({ path: join(SCREENSHOT_DIR, 'electron-with-key.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('IPC from a foreign frame or window is refused', async () => {
    launched = await launch({ env: MEMORY_KEYCHAIN });
    const { app, window } = launched;
    await chartPainted(window);
    // A subframe of the popover gets no window.glance (the preload runs in the top frame only).
    const childHasGlance = await window.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const frame = document.createElement('iframe');
          frame.srcdoc = '<p>child</p>';
          frame.onload = () => resolve(Boolean((frame.contentWindow as unknown as { glance?: unknown } | null)?.glance));
          document.body.append(frame);
          setTimeout(() => resolve(Boolean((frame.contentWindow as unknown as { glance?: unknown } | null)?.glance)), 3_000);
        }),
    );
    expect(childHasGlance).toBe(false);
    // A window main did not create for the app, with the very same preload: main refuses its calls.
    const answer = await app.evaluate(async ({ BrowserWindow }, preload) => {
      const foreign = new BrowserWindow({
        show: false,
        webPreferences: { preload, sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      await foreign.loadURL('data:text/html,<p>foreign</p>');
      const reply: unknown = await foreign.webContents.executeJavaScript('window.glance ? window.glance.getState() : "no api"');
      foreign.destroy();
      return reply;
    }, PRELOAD_PATH);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });
});
