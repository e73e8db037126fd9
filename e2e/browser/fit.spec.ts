/**
 * The popover's main view fits 360×480 without scrolling (the scroll height of `main.app` is its
 * height), in English, 简体 and 繁體, for what people meet first and what stresses it most:
 * - the demo portfolio (the first thing a new user sees: six slices, PnL and borrowed, an empty
 *   account and one below zero);
 * - eight accounts with one below zero, live with its change and sparkline, then stale after a
 *   dropped connection, then rate limited (429);
 * - Gate's documented example with its 40-digit amounts.
 * The legend keeps every account's amount on screen, and an account below zero is one
 * legend-style row, its explanation one click away.
 */
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/locale.js';
import type { SimPortfolio } from '../../electron/core/simulator/portfolio.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

/** Seven positive accounts (each above the 2 % that groups into "Other") and one below zero. */
const EIGHT_ONE_NEGATIVE: SimPortfolio = {
  accounts: {
    spot: { amount: '30512.12345678' },
    futures: { amount: '25004.5', unrealisedPnl: '-1234.56' },
    margin: { amount: '15000.75', borrowed: '2500' },
    finance: { amount: '12000' },
    quant: { amount: '10000.1' },
    delivery: { amount: '8000.33', unrealisedPnl: '12.5' },
    options: { amount: '3000' },
    cross_margin: { amount: '-12.85', borrowed: '50' },
  },
};

/** How far the popover's content reaches past its window, px (0 when it fits). */
async function overflow(page: Page, label: string): Promise<number> {
  const { scroll, client, spare } = await page.locator('main.app').evaluate((el) => {
    // The room left: what the foot's auto margin takes between the content and the action row.
    const foot = el.querySelector<HTMLElement>(':scope > .main-foot');
    const above = foot?.previousElementSibling as HTMLElement | null | undefined;
    const gap = Number.parseFloat(getComputedStyle(el).rowGap) || 0;
    const room = foot && above ? foot.offsetTop - (above.offsetTop + above.offsetHeight) - gap : 0;
    return { scroll: el.scrollHeight, client: el.clientHeight, spare: Math.max(0, room) };
  });
  // The figure the issue measured (588 px for the demo), kept in the report.
  const description = `${label}: content ${scroll - spare} px, scroll height ${scroll} px of ${client}`;
  test.info().annotations.push({ type: 'scrollHeight', description });
  console.log(`scrollHeight ${description}`);
  return scroll - client;
}

/** Every legend row shows its account's amount (not only a percentage). */
async function expectLegendAmounts(page: Page, rows: number): Promise<void> {
  const items = page.getByTestId('legend').locator('li');
  await expect(items).toHaveCount(rows);
  for (let i = 0; i < rows; i += 1) {
    const amount = items.nth(i).getByTestId('legend-amount');
    await expect(amount).toBeVisible();
    expect((await amount.boundingBox())?.width ?? 0).toBeGreaterThan(10);
  }
}

/** The account below zero is one row, as tall as a legend row; its explanation opens on a click and closes again. */
async function expectOneBelowZeroRow(page: Page, amount: RegExp): Promise<void> {
  const row = page.getByTestId('below-zero-cross_margin');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('below-zero-amount')).toHaveText(amount);
  const summary = row.locator('summary');
  expect((await summary.boundingBox())?.height ?? 99).toBeLessThanOrEqual(22);
  const note = row.getByTestId('below-zero-note');
  await expect(note).toBeHidden();
  await summary.click();
  await expect(note).toBeVisible();
  await summary.click();
  await expect(note).toBeHidden();
}

const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];

function systemLanguagesOf(language: Language) {
  if (language === 'en') return {};
  return {
    systemLanguages: { preferredLanguages: [language === 'zh-CN' ? 'zh-Hans-CN' : 'zh-Hant-TW', 'en-US'], appLocale: language },
  };
}

for (const language of LANGUAGES) {
  const shot = (name: string) => `fit-${language}-${name}`;
  const languages = systemLanguagesOf(language);

  test.describe(`${language}`, () => {
    test.describe('demo', () => {
      test.use({ harnessOptions: { ...languages } });

      test('the demo portfolio fits, its amounts in the legend and its negative account on one row', async ({ world }) => {
        const { page } = world;
        expect(page.viewportSize()).toEqual({ width: 360, height: 480 });
        await world.open();
        await liveChartReady(page);
        await expect(page.getByTestId('demo-badge')).toBeVisible();
        await expect(page.getByTestId('total-pnl')).toBeVisible();
        await expect(page.getByTestId('open-chart')).toBeVisible();
        expect.soft(await overflow(page, shot('demo'))).toBe(0);
        await expectLegendAmounts(page, 6);
        await world.capture(shot('demo'));
        await expectOneBelowZeroRow(page, /12\.85/);
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });

    test.describe('eight accounts, one below zero', () => {
      test.use({ harnessOptions: { ...languages, withKey: true, portfolio: EIGHT_ONE_NEGATIVE, rateLimitWindowMs: 4_000 } });

      test('live with its change, stale after a dropped connection, then rate limited: each fits', async ({ world }) => {
        // Three states, each photographed light and dark and scanned by axe.
        test.slow();
        const { page, harness } = world;
        await world.open();
        await liveChartReady(page);
        // A second balance, risen: the change and its sparkline, the line in the change's colour (red up in Chinese).
        harness.simulator.setPortfolio({ accounts: { ...EIGHT_ONE_NEGATIVE.accounts, spot: { amount: '31512.12345678' } } });
        await page.evaluate(async () => window.glance?.refresh());
        await expect(page.getByTestId('change')).toHaveAttribute('data-colour', language === 'en' ? 'green' : 'red');
        await expect(page.getByTestId('sparkline')).toBeVisible();
        const colourOf = (id: string) => page.getByTestId(id).evaluate((el) => getComputedStyle(el).color);
        expect(await colourOf('sparkline')).toBe(await colourOf('change-amount'));
        await expect(page.getByTestId('total-pnl')).toBeVisible();
        expect.soft(await overflow(page, shot('eight-live'))).toBe(0);
        await expectLegendAmounts(page, 7);
        await world.capture(shot('eight-live'));
        await expectOneBelowZeroRow(page, /12\.85/);

        harness.simulator.setFault({ kind: 'drop' }, 1);
        await page.evaluate(async () => window.glance?.refresh());
        await expect(page.getByTestId('status-line')).toHaveAttribute('data-code', 'NETWORK');
        expect.soft(await overflow(page, shot('eight-stale'))).toBe(0);
        await world.capture(shot('eight-stale'));

        harness.simulator.setFault({ kind: 'rate-limit' }, 1);
        await page.evaluate(async () => window.glance?.refresh());
        await expect(page.getByTestId('status-line')).toHaveAttribute('data-code', 'RATE_LIMITED');
        expect.soft(await overflow(page, shot('eight-rate-limited'))).toBe(0);
        await world.capture(shot('eight-rate-limited'));
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });

    test.describe("Gate's 40-digit example", () => {
      test.use({ harnessOptions: { ...languages, withKey: true } });

      test('the 40-digit total and its breakdown fit, with amounts', async ({ world }) => {
        const { page } = world;
        await world.open();
        await liveChartReady(page);
        await page.evaluate(async () => window.glance?.refresh());
        await expect(page.getByTestId('change')).toBeVisible();
        expect.soft(await overflow(page, shot('seed'))).toBe(0);
        await expectLegendAmounts(page, await page.getByTestId('legend').locator('li').count());
        await world.capture(shot('seed'));
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });
  });
}
