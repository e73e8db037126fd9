/**
 * The currency selector on real data: switching to BTC, CNY, USD and back to USDT shows
 * Gate's (the simulator's) exact figure for each, asked for over signed HTTP; and the
 * selector and the table work from the keyboard alone.
 */
import type { Page } from '@playwright/test';
import type { Currency } from '../../shared/balance.js';
import { test, expect } from './fixtures.js';
import { expectedTotalText, liveChartReady } from './journeys.js';

test.use({ harnessOptions: { withKey: true } });

async function expectShowing(page: Page, currency: Currency, totalText: string): Promise<void> {
  await expect(page.getByTestId(`currency-${currency}`)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('total').locator('.total-code')).toHaveText(currency);
  await expect(page.getByTestId('total-amount')).toHaveText(totalText);
  await expect(page.getByTestId('switching')).toHaveCount(0);
  await liveChartReady(page);
}

test.describe('currency', () => {
  test('switches to BTC, CNY, USD and back to USDT with each exact total', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await expectShowing(page, 'USDT', expectedTotalText(harness, 'USDT'));

    for (const currency of ['BTC', 'CNY', 'USD'] as const) {
      await page.getByTestId(`currency-${currency}`).click();
      await expectShowing(page, currency, expectedTotalText(harness, currency));
      // The figure came from a signed request for that currency, not from a conversion in the page.
      expect(harness.simulator.log.some((e) => e.query === `currency=${currency}` && e.status === 200)).toBe(true);
      await world.capture(`live-${currency.toLowerCase()}`);
    }
    // Hand-checked anchors, independent of the formatter: BTC shows 8 decimals, CNY 2.
    await page.getByTestId('currency-BTC').click();
    await expect(page.getByTestId('total-amount')).toHaveText('6,673,330,519,592.16552260');

    await page.getByTestId('currency-USDT').click();
    await expectShowing(page, 'USDT', '633,967,350,312,281,193.07');
    // The choice is persisted by main (prefs file), not kept in the page.
    const state = await page.evaluate(async () => window.glance?.getState());
    expect(state).toMatchObject({ ok: true, value: { currency: 'USDT', prefs: { currency: 'USDT' } } });
    expect(world.consoleLog.errors()).toEqual([]);
  });

  test('keyboard only: the selector moves with arrows, Home and End; the table opens and reads out', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);

    // Tab from the top of the page until the selector's tab stop (the checked radio) has focus.
    const focusedTestId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '');
    for (let i = 0; i < 12 && (await focusedTestId()) !== 'currency-USDT'; i += 1) await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('currency-USDT');
    // One tab stop for the whole group (roving tabindex).
    await expect(page.getByRole('radiogroup', { name: 'Currency' }).locator('[tabindex="0"]')).toHaveCount(1);

    await page.keyboard.press('ArrowLeft');
    expect(await focusedTestId()).toBe('currency-USD');
    await expectShowing(page, 'USD', expectedTotalText(harness, 'USD'));
    await page.keyboard.press('Home');
    await expectShowing(page, 'BTC', expectedTotalText(harness, 'BTC'));
    await page.keyboard.press('ArrowLeft'); // wraps around to the last
    await expectShowing(page, 'USDT', expectedTotalText(harness, 'USDT'));
    await page.keyboard.press('ArrowRight'); // and back to the first
    await expectShowing(page, 'BTC', expectedTotalText(harness, 'BTC'));
    await page.keyboard.press('End');
    await expectShowing(page, 'USDT', expectedTotalText(harness, 'USDT'));
    await world.capture('keyboard-selector');

    // On to the table toggle and open it with the keyboard.
    for (let i = 0; i < 12 && (await focusedTestId()) !== 'table-toggle'; i += 1) await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('table-toggle');
    await page.keyboard.press('Enter');
    // The control says what it will do next: the table is showing, so it offers the chart.
    await expect(page.getByTestId('table-toggle')).toHaveAttribute('data-view', 'table');
    await expect(page.getByTestId('table-toggle')).toHaveText('Chart view');
    const table = page.getByRole('table', { name: 'Accounts in USDT (estimated)' });
    await expect(table).toBeVisible();
    // Every account of Gate's example is a row (zero ones too), with the exact shares of the positive ones.
    await expect(table.locator('tbody tr')).toHaveCount(9);
    await expect(table.getByRole('row', { name: /Quant/ })).toContainText('93.33 %');
    await expect(table.getByRole('row', { name: /Spot/ })).toContainText('6.67 %');
    await expect(table.locator('tfoot')).toContainText('633,967,350,312,281,193.07');
    await expect(table.locator('tfoot')).toContainText('100.00 %');
    await world.capture('table-usdt');

    await page.keyboard.press('Space');
    await expect(page.getByTestId('table-toggle')).toHaveAttribute('data-view', 'chart');
    await expect(page.getByTestId('table-toggle')).toHaveText('Table view');
    await liveChartReady(page);

    // Escape asks main to hide the popover.
    await page.keyboard.press('Escape');
    await expect.poll(() => world.bridge.calls.some((c) => c.channel === 'window:hide')).toBe(true);
    expect(world.consoleLog.errors()).toEqual([]);
  });
});
