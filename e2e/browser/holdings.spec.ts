/**
 * Holdings journeys on the demo portfolio, through the real app, client and simulator: spot
 * (priced through USDT and BTC markets, small balances folded, unpriced coins listed), futures
 * settle accounts, an account Gate gives no per-coin detail for, privacy, and a key without
 * Spot read — whose error stays in the holdings view while the total stays live.
 */
import type { Page } from '@playwright/test';
import { DEMO_PORTFOLIO } from '../../electron/core/simulator/portfolio.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

test.use({ harnessOptions: { withKey: true, portfolio: DEMO_PORTFOLIO } });

function hits(log: readonly { path: string }[], path: string): number {
  return log.filter((e) => e.path === `/api/v4${path}`).length;
}

async function coinsShown(page: Page): Promise<string[]> {
  return page.getByTestId('holdings-table').locator('tbody th[scope="row"]').allTextContents();
}

test('spot holdings: coins by value, BTC-market and unpriced coins, small balances folded; one request per endpoint', async ({ world }) => {
  const { page, harness } = world;
  await world.open();
  await liveChartReady(page);
  await page.getByTestId('legend-spot').click();
  await expect(page.getByTestId('holdings-table')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Spot' })).toBeFocused();
  expect(await coinsShown(page)).toEqual(['BTC', 'ETH', 'USDT', 'GT', 'NMR', 'FTT', 'POINT', 'Small balances (2 coins)']);
  await expect(page.getByTestId('coin-BTC').getByTestId('coin-value')).toHaveText('11,400.00');
  await expect(page.getByTestId('coin-NMR').getByTestId('coin-value')).toHaveText('34.20');
  await expect(page.getByTestId('coin-POINT').getByTestId('coin-value')).toHaveText('no price');
  await expect(page.getByTestId('coin-small')).toContainText('16.01');
  await expect(page.getByTestId('holdings-table').locator('tfoot')).toContainText('18,452.73');
  // No quantity wraps, however many digits it has: each sits on one line.
  const lines = await page.getByTestId('coin-quantity').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((n) => n === 1)).toBe(true);
  expect([hits(harness.simulator.log, '/spot/accounts'), hits(harness.simulator.log, '/spot/tickers')]).toEqual([1, 1]);
  await world.capture('holdings-spot');
  await page.getByTestId('coin-small').hover();
  await world.capture('holdings-small-balances');
  // Back, and again: the minute's cache answers, Gate is not asked twice.
  await page.getByTestId('holdings-back').click();
  await liveChartReady(page);
  await page.getByTestId('legend-spot').press('Enter');
  await expect(page.getByTestId('holdings-table')).toBeVisible();
  expect(hits(harness.simulator.log, '/spot/accounts')).toBe(1);
  await page.keyboard.press('Escape');
  await liveChartReady(page);
  await world.expectNoSecretLeak();
});

test('futures holdings list each settle account; an account without per-coin detail shows its total', async ({ world }) => {
  const { page } = world;
  await world.open();
  await liveChartReady(page);
  await page.getByTestId('legend-futures').click();
  await expect(page.getByTestId('holdings-table')).toBeVisible();
  expect(await coinsShown(page)).toEqual(['USDT', 'BTC']);
  await expect(page.getByTestId('coin-USDT').getByTestId('coin-quantity')).toHaveText('5,260.4471');
  await world.capture('holdings-futures');
  await page.getByTestId('holdings-back').click();
  await page.getByTestId('table-toggle').click();
  await page.getByTestId('open-margin').click();
  await expect(page.getByTestId('holdings-no-detail')).toContainText('Gate gives no per-coin detail for this account.');
  await expect(page.getByTestId('holdings-no-detail')).toContainText('1,204.50 USDT');
  await world.capture('holdings-no-detail');
});

test('privacy mode hides quantities and values in the holdings view', async ({ world }) => {
  const { page } = world;
  await world.open();
  await liveChartReady(page);
  await page.getByTestId('table-toggle').click();
  await page.getByRole('button', { name: 'Hide amounts' }).click();
  await expect(page.getByTestId('total-amount')).toHaveText('•••');
  await page.getByTestId('open-spot').click();
  await expect(page.getByTestId('holdings-table')).toBeVisible();
  const html = await page.getByTestId('holdings').evaluate((e) => e.outerHTML);
  for (const figure of ['0.12', '11,400', '1,062.52120045', '18,452', '61.78', 'no price', 'Small balances'])
    expect(html).not.toContain(figure);
  expect(await coinsShown(page)).toEqual(['BTC', 'ETH', 'FTT', 'GT', 'NMR', 'POINT', 'USDT', 'DOGE', 'PEPE']);
  await world.capture('holdings-privacy');
});

test('a key without Spot read: the holdings view names the permission and offers Fix key; the total stays live', async ({ world }) => {
  const { page, harness } = world;
  await world.open();
  await liveChartReady(page);
  harness.simulator.setKeys([{ ...harness.credentials, permissions: { spot: false } }]);
  const totals = hits(harness.simulator.log, '/wallet/total_balance');
  await page.getByTestId('legend-spot').click();
  const error = page.getByTestId('holdings-error');
  await expect(error).toContainText('This key lacks the Spot (read) permission');
  await expect(error).toContainText('"Spot: read only"');
  await expect(page.getByTestId('holdings-fix-key')).toBeVisible();
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'live');
  await expect(page.getByTestId('total-amount')).toBeVisible();
  expect(hits(harness.simulator.log, '/wallet/total_balance')).toBe(totals);
  await world.capture('holdings-error');
  await page.getByTestId('holdings-fix-key').click();
  await expect(page.getByTestId('onboarding-form')).toBeVisible();
  await world.expectNoSecretLeak();
});
