/**
 * A month of use, as the history file holds it after the store has thinned it (a point a minute
 * for 48 hours, the last of each hour before), read through the real core: the chart gets at
 * most ~500 points of a range that span all of it, one unbroken line, high and low over every
 * point of the range; the sparkline draws the whole day.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryPoint } from '../../shared/balance.js';
import { thinHistory } from '../../shared/history.js';
import { formatHistoryLine, historyFileName } from '../../electron/core/balance/history-store.js';
import { GATE_EXAMPLE_PORTFOLIO, totalBalanceBody } from '../../electron/core/simulator/portfolio.js';
import { money, monthOfMinutes, toCents } from '../support/month-of-history.js';
import { test, expect } from './fixtures.js';
import { liveChartReady, refreshOk } from './journeys.js';

const DAY = 24 * 60 * 60_000;

const shown = (cents: bigint): string => `${(cents / 100n).toLocaleString('en-US')}.${String(cents % 100n).padStart(2, '0')} USDT`;

test.describe('a month of history', () => {
  test.use({ harnessOptions: { withKey: true } });

  test('thinned as stored, charted as one line of at most 500 points with high and low over the whole range; the day as the sparkline', async ({
    world,
  }) => {
    const { page, harness } = world;
    const live = (totalBalanceBody(GATE_EXAMPLE_PORTFOLIO, 'USDT')['total'] as { amount: string }).amount;
    const liveCents = toCents(live);
    const now = Date.now();
    const minutes = monthOfMinutes(now, liveCents, 29);
    const stored = thinHistory(
      minutes.map((m): HistoryPoint => ({ at: m.at, currency: 'USDT', total: money(m.cents) })),
      now,
      () => 0,
    );
    const centsAt = new Map(minutes.map((m) => [m.at, m.cents]));
    // As the CLI or an earlier run would have left it: the store's own line format and file name.
    writeFileSync(join(harness.dataDir, historyFileName(harness.simulatorUrl)), stored.map(formatHistoryLine).join(''));
    expect(stored.length).toBeGreaterThan(3_000);

    await world.open();
    await liveChartReady(page);
    // The harness's app made its first refresh before the file was written; the next one reads it.
    await refreshOk(page);
    await expect(page.getByTestId('change-span')).toHaveText('24 h');
    // The day's sparkline is one line: a point a minute leaves no gap.
    const sparkline = page.getByTestId('sparkline');
    await expect(sparkline).toBeVisible();
    expect(((await sparkline.locator('path').getAttribute('d')) ?? '').match(/M/g)).toHaveLength(1);
    await expect(page.getByTestId('sparkline-dot')).toHaveCount(0);
    await world.capture('month-glance');

    await page.getByTestId('open-chart').click();
    await expect(page.getByTestId('chart-view')).toBeVisible();
    await page.getByTestId('range-30d').click();
    await expect(page.getByTestId('range-30d')).toHaveAttribute('aria-pressed', 'true');
    const rows = page.getByTestId('chart-table').locator('tbody tr');
    await expect(rows.first()).toBeAttached();
    const sent = await rows.count();
    // Over 3,000 points in the range; the chart gets its peaks and troughs, ~500 of them.
    expect(sent).toBeLessThanOrEqual(500);
    expect(sent).toBeGreaterThan(400);
    expect(((await page.getByTestId('chart-line').getAttribute('d')) ?? '').match(/M/g)).toHaveLength(1);
    await expect(page.getByTestId('chart-dot')).toHaveCount(0);

    // High and low are over every stored point of the range and the live one, not only those sent.
    const inRange = [...stored.filter((p) => p.at >= now - 30 * DAY).map((p) => centsAt.get(p.at)!), liveCents];
    const high = inRange.reduce((a, b) => (b > a ? b : a));
    const low = inRange.reduce((a, b) => (b < a ? b : a));
    await expect(page.getByTestId('chart-high')).toContainText(shown(high));
    await expect(page.getByTestId('chart-low')).toContainText(shown(low));
    await expect(page.getByTestId('chart-last')).toContainText('633,967,350,312,281,193.07 USDT');
    await world.capture('month-chart');
    expect(world.consoleLog.errors()).toEqual([]);
  });
});
