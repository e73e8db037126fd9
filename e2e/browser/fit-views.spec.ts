/**
 * The views opened from the popover fit 360×480, in English, Simplified and Traditional Chinese:
 * holdings (a folded and a not-folded portfolio, an 18,452.73-style account total on one line,
 * no quantity broken across lines, the total row on screen without scrolling, the "folded" note
 * only when something was folded), every Settings tab (the key's actions on screen once its tab
 * is chosen), and the history chart (a labelled y-axis; high, low and last on screen, the how-to
 * sentence under them). Each measures the scroll height of the popover's main element and where
 * the elements sit, so a view that grows past the window fails here.
 */
import type { Locator, Page } from '@playwright/test';
import type { SimPortfolio } from '../../electron/core/simulator/portfolio.js';
import { DEMO_PORTFOLIO } from '../../electron/core/simulator/portfolio.js';
import type { Language } from '../../shared/locale.js';
import { test, expect } from './fixtures.js';
import { liveChartReady, refreshOk } from './journeys.js';

const HEIGHT = 480;

/** The demo's spot account without the two coins under 0.1 %: nothing is folded. */
const NOTHING_FOLDED: SimPortfolio = {
  ...DEMO_PORTFOLIO,
  spot: (DEMO_PORTFOLIO.spot ?? []).filter((c) => c.currency !== 'DOGE' && c.currency !== 'PEPE'),
};

const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];

function systemLanguages(language: Language) {
  const preferred = language === 'en' ? 'en-US' : language === 'zh-CN' ? 'zh-Hans-CN' : 'zh-Hant-TW';
  return { preferredLanguages: [preferred], appLocale: language };
}

/** How far the popover's content reaches past its window, px (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.locator('main.app').evaluate((el) => el.scrollHeight - el.clientHeight);
}

/** The bottom edge of an element, px from the top of the popover's content (scrolling undone). */
async function bottomOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const main = el.closest('main');
    return el.getBoundingClientRect().bottom + (main?.scrollTop ?? 0);
  });
}

/** How many lines an element's text takes. */
async function lineCount(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

for (const language of LANGUAGES) {
  test.describe(`${language}`, () => {
    test.describe('holdings, something folded', () => {
      test.use({ harnessOptions: { withKey: true, portfolio: DEMO_PORTFOLIO, systemLanguages: systemLanguages(language) } });

      test('the account total on one line, its row on screen, no quantity broken, the folded note shown', async ({ world }) => {
        const { page } = world;
        await world.open();
        await liveChartReady(page);
        await page.getByTestId('legend-spot').click();
        const table = page.getByTestId('holdings-table');
        await expect(table).toBeVisible();
        await expect(page.getByTestId('coin-small')).toBeVisible();
        const total = page.getByTestId('holdings-total-amount');
        await expect(total).toContainText(/18[,.]452\.73/);
        expect(await lineCount(total)).toBe(1);
        for (const cell of await page.getByTestId('coin-quantity').all()) expect(await lineCount(cell)).toBe(1);
        expect(await bottomOf(table.locator('tfoot'))).toBeLessThanOrEqual(HEIGHT);
        await expect(page.getByTestId('holdings-folded-note')).toBeVisible();
        expect(await overflow(page)).toBe(0);
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });

    test.describe('holdings, nothing folded', () => {
      test.use({ harnessOptions: { withKey: true, portfolio: NOTHING_FOLDED, systemLanguages: systemLanguages(language) } });

      test('no folded note when no coin was folded; the view fits', async ({ world }) => {
        const { page } = world;
        await world.open();
        await liveChartReady(page);
        await page.getByTestId('legend-spot').click();
        const table = page.getByTestId('holdings-table');
        await expect(table.locator('tfoot')).toBeVisible();
        await expect(page.getByTestId('coin-BTC')).toBeVisible();
        await expect(page.getByTestId('coin-small')).toHaveCount(0);
        await expect(page.getByTestId('holdings-folded-note')).toHaveCount(0);
        expect(await lineCount(page.getByTestId('holdings-total-amount'))).toBe(1);
        expect(await bottomOf(table.locator('tfoot'))).toBeLessThanOrEqual(HEIGHT);
        expect(await overflow(page)).toBe(0);
      });
    });

    test.describe('settings and the chart', () => {
      test.use({ harnessOptions: { withKey: true, portfolio: DEMO_PORTFOLIO, systemLanguages: systemLanguages(language) } });

      test('every Settings tab fits; the key’s actions are on screen once its tab is chosen', async ({ world }) => {
        const { page } = world;
        await world.open();
        await liveChartReady(page);
        await page.getByTestId('settings-open').click();
        const tabs = page.getByRole('tab');
        await expect(tabs).toHaveCount(5);
        // The five labels share one row: none is cut off at the right edge.
        const row = await page.getByRole('tablist').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(row.scroll).toBeLessThanOrEqual(row.client);
        const count = await tabs.count();
        const heights: Record<string, number> = {};
        for (let i = 0; i < count; i += 1) {
          const tab = tabs.nth(i);
          await tab.click();
          await expect(tab).toHaveAttribute('aria-selected', 'true');
          await expect(page.getByRole('tabpanel')).toBeVisible();
          heights[(await tab.textContent()) ?? String(i)] = await page.locator('main.app').evaluate((el) => el.scrollHeight);
        }
        for (const [name, height] of Object.entries(heights)) expect(`${name}: ${height}`).toBe(`${name}: ${Math.min(height, HEIGHT)}`);

        await page.getByTestId('settings-tab-key').click();
        for (const id of ['replace-key', 'remove-key', 'key-health-check']) {
          await expect(page.getByTestId(id)).toBeVisible();
          expect(await bottomOf(page.getByTestId(id))).toBeLessThanOrEqual(HEIGHT);
        }
        expect(world.consoleLog.errors()).toEqual([]);
      });

      test('the history chart: a labelled y-axis; high, low and last on screen, the how-to sentence under them', async ({ world }) => {
        const { page, harness } = world;
        await world.open();
        await liveChartReady(page);
        // Refreshes of a changing account make a line with a high and a low.
        for (const quant of ['2500', '2100']) {
          harness.simulator.setPortfolio({ ...DEMO_PORTFOLIO, accounts: { ...DEMO_PORTFOLIO.accounts, quant: { amount: quant } } });
          await refreshOk(page);
        }
        await page.getByTestId('open-chart').click();
        await expect(page.getByTestId('chart-plot')).toBeVisible();
        const ticks = page.getByTestId('chart-y-tick');
        expect(await ticks.count()).toBeGreaterThanOrEqual(2);
        expect(await ticks.count()).toBeLessThanOrEqual(3);
        for (const tick of await ticks.all()) await expect(tick).toHaveText(/\d/);
        for (const mark of ['chart-high', 'chart-low', 'chart-last']) {
          await expect(page.getByTestId(mark)).toBeVisible();
          expect(await bottomOf(page.getByTestId(mark))).toBeLessThanOrEqual(HEIGHT);
        }
        const hint = page.getByTestId('chart-readout');
        const lastBottom = await bottomOf(page.getByTestId('chart-last'));
        const hintTop = await hint.evaluate((el) => el.getBoundingClientRect().top + (el.closest('main')?.scrollTop ?? 0));
        expect(hintTop).toBeGreaterThanOrEqual(lastBottom);
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });
  });
}
