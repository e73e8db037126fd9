/**
 * Steps and expectations the browser journeys share: what "the live chart is on screen"
 * means, and what the total must read for the simulator's portfolio in a currency.
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { Currency } from '../../shared/balance.js';
import { formatAmount } from '../../shared/decimal.js';
import type { Harness } from '../support/harness.js';

/** The page shows live data with a painted pie (at least one sector path with a real shape). */
export async function liveChartReady(page: Page): Promise<void> {
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'live');
  await expect(page.getByTestId('total-amount')).toBeVisible();
  const sector = page.locator('[data-testid="breakdown-chart"] .recharts-pie-sector path').first();
  await expect(sector).toBeVisible();
  await expect(sector).toHaveAttribute('d', /^M[\s\S]+A/);
}

/** The total as the popover must show it: the simulator's exact total, rounded for display. */
export function expectedTotalText(harness: Harness, currency: Currency): string {
  return formatAmount(harness.expectedTotal(currency), { currency, locale: 'en-US' });
}
