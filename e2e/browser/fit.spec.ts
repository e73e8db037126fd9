/**
 * The popover fits: at the default 360×480 the live view of an account with six slices (the
 * most the breakdown draws before "Other" takes the rest), PnL and borrowed shown, the change
 * and its sparkline on, needs no scrolling; nor does the same view with the compact stale line.
 */
import type { Page } from '@playwright/test';
import type { SimPortfolio } from '../../electron/core/simulator/portfolio.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

const SIX_SLICES: SimPortfolio = {
  accounts: {
    spot: { amount: '30512.12345678' },
    futures: { amount: '25004.5', unrealisedPnl: '-1234.56' },
    margin: { amount: '15000.75', borrowed: '2500' },
    finance: { amount: '12000' },
    quant: { amount: '10000.1' },
    delivery: { amount: '8000.33', unrealisedPnl: '12.5' },
    warrant: { amount: '0' },
  },
};

/** How far the popover's content reaches past its window, px (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.locator('main.app').evaluate((el) => el.scrollHeight - el.clientHeight);
}

test.use({ harnessOptions: { withKey: true, portfolio: SIX_SLICES } });

test('the live view with six slices fits 360×480 without scrolling, live and stale', async ({ world }) => {
  const { page, harness } = world;
  expect(page.viewportSize()).toEqual({ width: 360, height: 480 });
  await world.open();
  await liveChartReady(page);
  // A second balance gives the change and the sparkline something to show.
  await page.evaluate(async () => window.glance?.refresh());
  await expect(page.getByTestId('change')).toBeVisible();
  await expect(page.getByTestId('sparkline')).toBeVisible();
  await expect(page.getByTestId('legend').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('total-pnl')).toBeVisible();
  expect(await overflow(page)).toBe(0);
  await world.capture('fit-six-slices');

  harness.simulator.setFault({ kind: 'drop' }, 1);
  await page.evaluate(async () => window.glance?.refresh());
  await expect(page.getByTestId('status-line')).toHaveAttribute('data-code', 'NETWORK');
  expect(await overflow(page)).toBe(0);
  await world.capture('fit-six-slices-stale');
  expect(world.consoleLog.errors()).toEqual([]);
});
