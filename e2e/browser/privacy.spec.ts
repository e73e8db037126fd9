/**
 * Privacy mode hides every amount and share — in the header, the legend, the table, the
 * hover titles and the chart — and survives a reload because main stores it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Currency } from '../../shared/balance.js';
import { formatAmount } from '../../shared/decimal.js';
import { DEMO_PORTFOLIO, totalBalanceBody } from '../../electron/core/simulator/portfolio.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

/** Every way an amount of this portfolio could be written on the page (rounded and full, grouped or not). */
function amountSpellings(currency: Currency): string[] {
  const body = totalBalanceBody(DEMO_PORTFOLIO, currency) as {
    total: Record<string, string>;
    details: Record<string, Record<string, string>>;
  };
  const raw = [
    ...Object.values(body.total).filter((v) => v !== currency),
    ...Object.values(body.details).flatMap((d) => [d.amount, d.unrealised_pnl, d.borrowed]),
  ].filter((v): v is string => typeof v === 'string' && /[1-9]/.test(v));
  return [
    ...new Set(
      raw.flatMap((v) => [
        v,
        formatAmount(v, { currency, locale: 'en-US' }),
        formatAmount(v, { currency, locale: 'en-US', precision: 'full' }),
      ]),
    ),
  ];
}

/** The page's whole markup (text and attributes such as title and aria-label). */
function markup(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

test.use({ harnessOptions: { withKey: true, portfolio: DEMO_PORTFOLIO } });

test('privacy mode hides every amount and share, in chart, table and titles, and persists', async ({ world }) => {
  const { page, harness } = world;
  await world.open();
  await liveChartReady(page);
  const spellings = amountSpellings('USDT');
  // Sanity: with privacy off the figures are on the page, so the check below can fail.
  const before = await markup(page);
  expect(spellings.filter((s) => before.includes(s)).length).toBeGreaterThan(3);
  expect(before).toMatch(/\d+\.\d\d %/);

  await page.getByRole('button', { name: 'Hide amounts' }).click();
  await expect(page.getByRole('button', { name: 'Hide amounts' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('total-amount')).toHaveText('•••');
  await expect(page.getByTestId('chart-masked')).toBeVisible();
  await expect(page.locator('.recharts-pie-sector')).toHaveCount(0);

  const check = async (where: string) => {
    // Clock times ("as of 12:36:50", "since 09:14") are not amounts, but hold short figures such as "50".
    const html = (await markup(page)).replace(/\b\d\d:\d\d(?::\d\d)?\b/g, '');
    expect(
      spellings.filter((s) => html.includes(s)),
      `amounts visible in ${where}`,
    ).toEqual([]);
    expect(html, `shares visible in ${where}`).not.toMatch(/\d+\.\d\d %/);
  };
  await check('the chart view');
  await world.capture('privacy');

  await page.getByTestId('table-toggle').click();
  await expect(page.getByTestId('breakdown-table')).toBeVisible();
  await check('the table view');
  await world.capture('privacy-table');

  // Main stored it: the prefs file says so and a reload keeps the amounts hidden.
  const prefs = JSON.parse(await readFile(join(harness.dataDir, 'prefs.json'), 'utf8')) as unknown;
  expect(JSON.stringify(prefs)).toContain('"privacy":true');
  await page.reload();
  await expect(page.getByTestId('total-amount')).toHaveText('•••');
  await check('the reloaded page');

  // And off again: the figures return.
  await page.getByRole('button', { name: 'Hide amounts' }).click();
  await liveChartReady(page);
  await expect(page.getByTestId('total-amount')).toHaveText(
    formatAmount(harness.expectedTotal('USDT'), { currency: 'USDT', locale: 'en-US' }),
  );
  expect(world.consoleLog.errors()).toEqual([]);
});
