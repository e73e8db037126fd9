/**
 * README's pictures, one browser journey each, named after the docs/*.png it makes (the list,
 * with each picture's theme and language, is scripts/pictures.mjs). Each journey brings the
 * popover to its state on the demo portfolio with a key — a real person's account, never Gate's
 * 40-digit example — and e2e/browser/pictures.spec.ts photographs it. The app's, the simulator's
 * and the page's clocks stand still at PICTURE_NOW, so every figure of time is the same each run.
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { systemClock } from '../../electron/core/clock.js';
import type { Clock } from '../../electron/core/clock.js';
import { InMemorySecretStore } from '../../electron/core/secrets/in-memory-store.js';
import { DEMO_PORTFOLIO, totalBalanceBody } from '../../electron/core/simulator/portfolio.js';
import type { BrowserPicture } from '../../scripts/pictures.mjs';
import type { Harness, HarnessOptions } from '../support/harness.js';
import { writeMonthOfHistory } from '../support/month-of-history.js';
import { countEveryAccount, simulateEveryAccount } from '../support/family-account.js';
import { failNextRefresh, liveChartReady, openStatusDetails, refreshOk } from '../browser/journeys.js';

/** The instant every picture shows: Tuesday 1 December 2026, 09:30 UTC. */
export const PICTURE_NOW = Date.UTC(2026, 11, 1, 9, 30);

const DAY = 86_400_000;

/** The pair the pictures' key holds, the same each run (Settings shows its last four characters). */
const PICTURE_KEY = {
  key: '5f0e2b9c41d87a36e9b4c0d2f71a8e3b',
  secret: '9d4c7e21b0a85f3e6c12d9a47b3e0f58c6a1d2e9f07b4c38a5e6d1f20c9b7a43',
};

/** Time that stands still at PICTURE_NOW; timers still run (on the system clock), so nothing waits forever. */
const stoppedClock: Clock = { now: () => PICTURE_NOW, setTimeout: systemClock.setTimeout, clearTimeout: systemClock.clearTimeout };

/** What a journey works with: the browser tier's world (e2e/browser/fixtures.ts). */
interface PictureWorld {
  readonly page: Page;
  readonly harness: Harness;
  open(): Promise<void>;
}

/** One picture's journey: the backend it needs, and the steps to its state. */
export interface PictureJourney {
  readonly harness: Omit<HarnessOptions, 'systemLanguages' | 'store' | 'clock' | 'credentials'>;
  run(world: PictureWorld): Promise<void>;
}

/**
 * The backend every picture starts from: the demo portfolio behind a stored key, kept in memory
 * (the pictures need no keyring; the browser tier proves the real one), at PICTURE_NOW.
 */
export function pictureHarness(journey: PictureJourney, language: BrowserPicture['language']): HarnessOptions {
  return {
    withKey: true,
    portfolio: DEMO_PORTFOLIO,
    ...journey.harness,
    credentials: PICTURE_KEY,
    store: new InMemorySecretStore(),
    clock: stoppedClock,
    ...(language === 'zh-CN' ? { systemLanguages: { preferredLanguages: ['zh-Hans-CN', 'en-US'], appLocale: 'zh-CN' } } : {}),
  };
}

/** The demo portfolio's total in USDT, Gate's exact string. */
const demoTotalUsdt = (): string => (totalBalanceBody(DEMO_PORTFOLIO, 'USDT')['total'] as { amount: string }).amount;

async function live(world: PictureWorld): Promise<void> {
  await world.open();
  await liveChartReady(world.page);
}

async function openSettings(page: Page, tab?: 'alerts' | 'key' | 'advanced'): Promise<void> {
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('settings-panel')).toBeVisible();
  if (tab !== undefined) await page.getByTestId(`settings-tab-${tab}`).click();
}

/** The demo portfolio's key with its two sub-accounts counted and a family member's Gate account added. */
async function everyAccount(world: PictureWorld): Promise<void> {
  simulateEveryAccount(world.harness);
  await live(world);
  await countEveryAccount(world.page);
}

/** A month of use in the history file, then a refresh that reads it: the change and its sparkline show. */
async function monthOfUse(world: PictureWorld): Promise<void> {
  writeMonthOfHistory(world.harness, PICTURE_NOW, demoTotalUsdt());
  await live(world);
  // The harness's first refresh came before the file was written; the next one reads it.
  await refreshOk(world.page);
  await expect(world.page.getByTestId('change-span')).toHaveText('24 h');
  await expect(world.page.getByTestId('sparkline')).toBeVisible();
}

/** The popover, live. */
const popover: PictureJourney = { harness: {}, run: live };

/** Keyed by the picture each makes; scripts/pictures.test.ts holds these names to the list and README. */
export const PICTURE_JOURNEYS: Readonly<Record<string, PictureJourney>> = {
  'popover-light.png': popover,
  'popover-dark.png': popover,
  'holdings-light.png': {
    harness: {},
    async run(world) {
      await live(world);
      await world.page.getByTestId('legend-spot').click();
      await expect(world.page.getByTestId('holdings-table')).toBeVisible();
    },
  },
  'settings-dark.png': {
    harness: {},
    async run(world) {
      await live(world);
      await openSettings(world.page);
    },
  },
  'change-light.png': { harness: {}, run: monthOfUse },
  'status-line-dark.png': {
    // Gate's wait as it often is: a minute, shown as the countdown's first second (time stands still).
    harness: { rateLimitWindowMs: 60_000 },
    async run(world) {
      await live(world);
      world.harness.simulator.setFault({ kind: 'rate-limit' }, 1);
      await world.page.evaluate(async () => window.glance?.refresh());
      await expect(world.page.getByTestId('status-line')).toHaveAttribute('data-code', 'RATE_LIMITED');
    },
  },
  'chart-light.png': {
    harness: {},
    async run(world) {
      await monthOfUse(world);
      const { page } = world;
      await page.getByTestId('open-chart').click();
      await expect(page.getByTestId('chart-view')).toBeVisible();
      await page.getByTestId('range-30d').click();
      await expect(page.getByTestId('range-30d')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('chart-line')).toBeVisible();
    },
  },
  'alerts-dark.png': {
    harness: {},
    async run(world) {
      const { page } = world;
      await live(world);
      await openSettings(page, 'alerts');
      const section = page.getByTestId('settings-alerts');
      await section.scrollIntoViewIfNeeded();
      for (const [kind, value, currency] of [
        ['above', '40000', 'USDT'],
        ['below', '0.35', 'BTC'],
        ['move', '5', 'USDT'],
      ] as const) {
        await page.getByTestId('alert-kind').selectOption(kind);
        await page.getByTestId('alert-value').fill(value);
        await page.getByTestId('alert-currency').selectOption(currency);
        await page.getByTestId('alert-add').click();
      }
      await page.getByTestId('alert-kind').selectOption('unreadable');
      await page.getByTestId('alert-minutes').selectOption('60');
      await page.getByTestId('alert-add').click();
      await expect(section.getByRole('listitem')).toHaveCount(4);
      await section.scrollIntoViewIfNeeded();
    },
  },
  'key-health-light.png': {
    // A key without an IP whitelist, 85 days old: Gate stops it in about 5 days.
    harness: { key: { createdAt: PICTURE_NOW - 85 * DAY } },
    async run(world) {
      const { page } = world;
      await live(world);
      await openSettings(page, 'key');
      const section = page.getByTestId('key-health');
      await expect(section.getByTestId('key-fact-expiry')).toContainText('in about 5 days');
      await section.scrollIntoViewIfNeeded();
    },
  },
  'popover-zh-CN.png': {
    harness: {},
    async run(world) {
      const { page } = world;
      await live(world);
      await page.getByTestId('currency-CNY').click();
      await expect(page.getByTestId('total-amount')).toHaveAttribute('title', /^¥[\d,]+\.\d+$/);
      await liveChartReady(page);
    },
  },
  'network-zh-CN.png': {
    harness: {},
    async run(world) {
      await live(world);
      await failNextRefresh(world.page, world.harness, { kind: 'drop' }, 'NETWORK');
      await openStatusDetails(world.page);
    },
  },
  'update-ready-light.png': {
    harness: { update: 'ready' },
    async run(world) {
      await live(world);
      await expect(world.page.getByTestId('update-bar')).toBeVisible();
    },
  },
  'update-ready-settings-light.png': {
    harness: { update: 'ready' },
    async run(world) {
      const { page } = world;
      await live(world);
      await openSettings(page, 'advanced');
      const section = page.getByTestId('settings-updates');
      await section.scrollIntoViewIfNeeded();
      await expect(section.getByTestId('update-status')).toBeVisible();
    },
  },
  'accounts-light.png': {
    harness: {},
    async run(world) {
      const { page } = world;
      await everyAccount(world);
      await page.getByTestId('portfolio-by-source').click();
      await expect(page.getByTestId('legend-key:family')).toBeVisible();
      await liveChartReady(page);
    },
  },
  'gate-accounts-dark.png': {
    harness: {},
    async run(world) {
      const { page } = world;
      await everyAccount(world);
      await openSettings(page, 'key');
      const list = page.getByTestId('gate-accounts');
      await expect(list.getByTestId('sub-default-20002')).toBeVisible();
      await list.scrollIntoViewIfNeeded();
    },
  },
};
