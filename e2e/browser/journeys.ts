/**
 * Steps and expectations the browser journeys share: what "the live chart is on screen"
 * means, and what the total must read for the simulator's portfolio in a currency.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { Currency } from '../../shared/balance.js';
import { formatAmount } from '../../shared/decimal.js';
import type { SimFault } from '../../electron/core/simulator/handler.js';
import type { Harness } from '../support/harness.js';

/** The page shows live data with a painted pie (at least one sector path with a real shape). */
export async function liveChartReady(page: Page): Promise<void> {
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'live');
  await expect(page.getByTestId('total-amount')).toBeVisible();
  const sector = page.locator('[data-testid="breakdown-chart"] .recharts-pie-sector path').first();
  await expect(sector).toBeVisible();
  await expect(sector).toHaveAttribute('d', /^M[\s\S]+A/);
}

/** Asks main for a refresh and expects it to succeed (the new state is then pushed). */
export async function refreshOk(page: Page): Promise<void> {
  expect(await page.evaluate(async () => window.glance?.refresh())).toEqual({ ok: true, value: null });
}

/** The total as the popover must show it: the simulator's exact total, rounded for display. */
export function expectedTotalText(harness: Harness, currency: Currency): string {
  return formatAmount(harness.expectedTotal(currency), { currency, locale: 'en-US' });
}

/** Where the total's card starts, px from the top of the popover. */
export async function totalTop(page: Page): Promise<number> {
  const box = await page.getByTestId('total').boundingBox();
  if (box === null) throw new Error('the total is not on screen');
  return box.y;
}

/**
 * A stale or failed refresh with data kept: the total has not moved from where live data had it,
 * and right under it is one compact line (one row, carrying `code`) with its explanation closed.
 */
export async function expectStatusLine(page: Page, liveTotalTop: number, code: string): Promise<void> {
  const line = page.getByTestId('status-line');
  await expect(line).toHaveAttribute('data-code', code);
  expect(await totalTop(page)).toBe(liveTotalTop);
  const total = await page.getByTestId('total').boundingBox();
  const toggle = await line.getByTestId('status-line-toggle').boundingBox();
  if (total === null || toggle === null) throw new Error('the total or the status line is not on screen');
  expect(toggle.y).toBeGreaterThanOrEqual(total.y + total.height);
  // One row of 12 px text with its padding: never the seven-line explanation.
  expect(toggle.height).toBeLessThan(32);
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
}

/** With live data on screen, the next refresh meets `fault`: the total stays put and the status line names `code`. */
export async function failNextRefresh(page: Page, harness: Harness, fault: SimFault, code: string): Promise<void> {
  const liveTop = await totalTop(page);
  harness.simulator.setFault(fault, 1);
  await page.evaluate(async () => window.glance?.refresh());
  await expectStatusLine(page, liveTop, code);
}

/** Opens the status line's explanation (one click) and answers it: the stale panel, with its hint and action. */
export async function openStatusDetails(page: Page): Promise<Locator> {
  await page.getByTestId('status-line-toggle').click();
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toBeVisible();
  return banner;
}
