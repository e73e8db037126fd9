// Browser tier figures: the built renderer in Debian's Chromium, bridged (as in e2e/browser) to
// the real GlanceApp over the simulator on 127.0.0.1. Prints, never asserts.
//   1. page load → pie chart painted with simulator data, median of 20, two ways:
//      - popover opened while main already holds the data (the everyday case),
//      - window and app started together (includes the signed HTTP call to the simulator);
//   2. the renderer's JS heap (CDP Performance.getMetrics after HeapProfiler.collectGarbage)
//      before and after 100 currency switches through the UI: it must not grow. Measured after
//      three warm-up rounds of 100 (printed too): the heap grows by ~1.3 MiB over the first
//      ~300 switches and then stays flat; heap-snapshot diffs of that growth are V8 code objects
//      (InstructionStream, TrustedByteArray: compiled and optimised functions), not app data.
// Keychain: an in-memory store (this bench measures the renderer; `npm run bench` does not
// run inside dbus-run-session).
import { cpus, totalmem } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { CURRENCIES } from '../shared/balance.js';
import type { Currency } from '../shared/balance.js';
import { APP_CSP } from '../electron/core/app/app-protocol.js';
import { InMemorySecretStore } from '../electron/core/secrets/in-memory-store.js';
import { installBridge } from '../e2e/support/bridge.js';
import { startHarness } from '../e2e/support/harness.js';
import type { Harness } from '../e2e/support/harness.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RENDERER_DIR } from '../e2e/support/paths.js';
import { startStaticServer } from '../e2e/support/static-server.js';
import type { StaticServer } from '../e2e/support/static-server.js';

const RUNS = 20;
const SWITCHES = 100;
const WARM_UP_ROUNDS = 3;
const WEB_CONTENTS_ID = 1;

/** Records (in page time, ms since navigation start) when the first pie sector is drawn and painted. */
function paintProbe(): void {
  const w = window as unknown as { __pieChartPaintedAt?: number };
  const seen = (): boolean => {
    const path = document.querySelector('[data-testid="breakdown-chart"] .recharts-pie-sector path');
    return path !== null && (path.getAttribute('d') ?? '').length > 0;
  };
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    // Two frames: the first runs before paint, the second after it.
    requestAnimationFrame(() => requestAnimationFrame(() => (w.__pieChartPaintedAt = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fmt(ms: number): string {
  return `${ms.toFixed(0)} ms`;
}

async function startBackend(server: StaticServer): Promise<Harness> {
  // The in-memory store holds the pair the harness's simulator accepts once it exists; the
  // harness stores it there itself (withKey).
  return startHarness({
    withKey: true,
    store: new InMemorySecretStore(),
    appOrigin: new URL(server.url).origin,
    webContentsId: WEB_CONTENTS_ID,
  });
}

async function openPage(browser: Browser, harness: Harness): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 480 }, locale: 'en-US' });
  const page = await context.newPage();
  const bridge = await installBridge(page, harness.backend, WEB_CONTENTS_ID);
  await page.addInitScript(paintProbe);
  return {
    page,
    close: async () => {
      bridge.detach();
      await context.close();
    },
  };
}

/** ms from navigation start: DOMContentLoaded (bundle loaded and run) and the painted pie. */
async function loadToPaint(page: Page, url: string): Promise<{ dcl: number; paint: number }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __pieChartPaintedAt?: number }).__pieChartPaintedAt !== undefined, null, {
    timeout: 20_000,
  });
  return page.evaluate(() => ({
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    paint: (window as unknown as { __pieChartPaintedAt: number }).__pieChartPaintedAt,
  }));
}

function summary(runs: readonly { dcl: number; paint: number }[]): string {
  const paint = runs.map((r) => r.paint);
  return `median ${fmt(median(paint))} (min ${fmt(Math.min(...paint))}, max ${fmt(Math.max(...paint))}, n=${runs.length}; DOMContentLoaded at median ${fmt(median(runs.map((r) => r.dcl)))})`;
}

async function waitForCurrency(page: Page, currency: Currency): Promise<void> {
  await page.waitForFunction(
    (c) => {
      const code = document.querySelector('[data-testid="total"] .total-code')?.textContent;
      const badge = document.querySelector('[data-testid="status-badge"]')?.getAttribute('data-status');
      const sector = document.querySelector('[data-testid="breakdown-chart"] .recharts-pie-sector path');
      return code === c && badge === 'live' && document.querySelector('[data-testid="switching"]') === null && sector !== null;
    },
    currency,
    { timeout: 20_000 },
  );
}

async function jsHeapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function main(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.log('browser bench: out/renderer is missing; run `npm run build:app` first');
    process.exitCode = 1;
    return;
  }
  const cpu = cpus();
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
  console.log(`browser: Chromium ${browser.version()} (headless), viewport 360×480`);
  const server = await startStaticServer(RENDERER_DIR, APP_CSP);
  try {
    // 1a. Main already has the data (it fetched at startup): open the popover → chart.
    const warmHarness = await startBackend(server);
    await warmHarness.backend.invoke('balance:refresh', [], {
      senderFrameUrl: server.url,
      isMainFrame: true,
      webContentsId: WEB_CONTENTS_ID,
    });
    const warm: { dcl: number; paint: number }[] = [];
    for (let i = 0; i < RUNS + 2; i += 1) {
      const { page, close } = await openPage(browser, warmHarness);
      const run = await loadToPaint(page, server.url);
      if (i >= 2) warm.push(run); // two untimed loads first: browser and bridge warm-up
      await close();
    }
    await warmHarness.close();
    console.log(`page load → pie chart painted, data already in main: ${summary(warm)}`);

    // 1b. App and window start together: the first signed request over HTTP is in the path.
    const cold: { dcl: number; paint: number }[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const harness = await startBackend(server);
      const { page, close } = await openPage(browser, harness);
      cold.push(await loadToPaint(page, server.url));
      await close();
      await harness.close();
    }
    console.log(`page load → pie chart painted, app started with the page (signed HTTP call included): ${summary(cold)}`);

    // 2. Heap across 100 currency switches through the UI.
    const harness = await startBackend(server);
    const { page, close } = await openPage(browser, harness);
    await loadToPaint(page, server.url);
    // Warm-up: every currency fetched once (main caches them) and every code path run.
    for (const currency of [...CURRENCIES, ...CURRENCIES]) {
      await page.getByTestId(`currency-${currency}`).click();
      await waitForCurrency(page, currency);
    }
    const switchTimes: number[] = [];
    const switchRound = async (): Promise<void> => {
      for (let i = 0; i < SWITCHES; i += 1) {
        const currency = CURRENCIES[i % CURRENCIES.length]!;
        const start = performance.now();
        await page.getByTestId(`currency-${currency}`).click();
        await waitForCurrency(page, currency);
        switchTimes.push(performance.now() - start);
      }
    };
    // Warm-up rounds, printed: the heap grows while V8 compiles and optimises the hot paths.
    const warmUp: number[] = [await jsHeapUsed(page)];
    for (let r = 0; r < WARM_UP_ROUNDS; r += 1) {
      await switchRound();
      warmUp.push(await jsHeapUsed(page));
    }
    const before = warmUp[warmUp.length - 1]!;
    await switchRound();
    const after = await jsHeapUsed(page);
    await close();
    await harness.close();
    const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
    const kib = (delta: number): string => `${delta >= 0 ? '+' : ''}${(delta / 1024).toFixed(0)} KiB`;
    console.log(
      `renderer JS heap (after GC) across ${SWITCHES} currency switches: before ${mib(before)}, after ${mib(after)}, change ${kib(after - before)} (ratio ${(after / before).toFixed(3)}; target: no growth)`,
    );
    console.log(`  (warm-up before that, every ${SWITCHES} switches from load: ${warmUp.map(mib).join(' → ')})`);
    console.log(
      `currency switch (click → new total and chart on screen, from main's cache): median ${fmt(median(switchTimes))} (n=${switchTimes.length}, warm-up included)`,
    );
  } finally {
    await server.close();
    await browser.close();
  }
}

await main();
