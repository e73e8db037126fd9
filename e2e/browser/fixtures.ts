/**
 * The browser tier's test fixture: per test, a fresh real backend (GlanceApp over the
 * simulator and the real keychain, see support/harness.ts), the page bridged to it, and the
 * console watched. Per worker, one static server for out/renderer with the app's CSP.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { APP_CSP } from '../../electron/core/app/app-protocol.js';
import { installBridge } from '../support/bridge.js';
import type { Bridge } from '../support/bridge.js';
import { startHarness } from '../support/harness.js';
import type { Harness, HarnessOptions } from '../support/harness.js';
import { captureState, expectSecretNowhere, watchConsole } from '../support/page-checks.js';
import type { ConsoleLog } from '../support/page-checks.js';
import { RENDERER_DIR } from '../support/paths.js';
import { startStaticServer } from '../support/static-server.js';
import type { StaticServer } from '../support/static-server.js';

/** Everything a journey works with. */
interface GlanceWorld {
  readonly page: Page;
  readonly harness: Harness;
  readonly bridge: Bridge;
  readonly consoleLog: ConsoleLog;
  readonly server: StaticServer;
  /** Loads the popover and waits until the app has drawn its first state. */
  open(): Promise<void>;
  /** Screenshots (light + dark) and axe scans of the page as it is now. */
  capture(name: string): Promise<void>;
  /** The secret of the harness's valid pair (and any extra ones) is nowhere in the page. */
  expectNoSecretLeak(...extraSecrets: string[]): Promise<void>;
}

interface TestFixtures {
  /** Options for the backend; a test sets them with `test.use({ harnessOptions: … })`. */
  harnessOptions: HarnessOptions;
  world: GlanceWorld;
}

interface WorkerFixtures {
  staticServer: StaticServer;
}

const WEB_CONTENTS_ID = 1;

export const test = base.extend<TestFixtures, WorkerFixtures>({
  harnessOptions: [{}, { option: true }],
  staticServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
    async ({}, use) => {
      const server = await startStaticServer(RENDERER_DIR, APP_CSP);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  world: async ({ page, staticServer, harnessOptions }, use) => {
    const origin = new URL(staticServer.url).origin;
    const harness = await startHarness({ ...harnessOptions, appOrigin: origin, webContentsId: WEB_CONTENTS_ID });
    const consoleLog = watchConsole(page);
    const bridge = await installBridge(page, harness.backend, WEB_CONTENTS_ID);
    // The renderer may reach only its own origin: anything else is a CSP or design breach.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(staticServer.url)) return route.continue();
      return route.abort('blockedbyclient');
    });
    const world: GlanceWorld = {
      page,
      harness,
      bridge,
      consoleLog,
      server: staticServer,
      async open() {
        await page.goto(staticServer.url);
        await expect(page.locator('main.app')).toBeVisible();
        await expect(page.getByTestId('status-badge').or(page.getByTestId('onboarding-form'))).toBeVisible();
      },
      capture: (name) => captureState(page, name),
      async expectNoSecretLeak(...extraSecrets) {
        for (const secret of [harness.credentials.secret, ...extraSecrets]) {
          await expectSecretNowhere(page, secret, bridge, consoleLog);
        }
      },
    };
    await use(world);
    bridge.detach();
    await harness.close();
  },
});

export { expect };
