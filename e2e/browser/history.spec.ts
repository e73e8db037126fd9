/**
 * The local history and the actions that leave the popover: successful refreshes become
 * sparkline points, "Export CSV" writes Gate's exact totals through main's save dialog (stood
 * in for by the harness), and "Open Gate's API key page" asks main to open its one fixed URL.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GATE_KEY_PAGE_URL } from '../../electron/core/app/glance-app.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

test.describe('history and shell actions', () => {
  test.use({ harnessOptions: { withKey: true } });

  test('refreshes become sparkline points and Export CSV writes the exact totals', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);
    for (let i = 0; i < 2; i += 1) {
      const answer = await page.evaluate(async () => window.glance?.refresh());
      expect(answer).toEqual({ ok: true, value: null });
    }
    const line = page.getByRole('img', { name: /^Net worth history: \d+ points from / });
    await expect(line).toBeVisible();
    await expect(line.locator('path')).toHaveAttribute('d', /^M[\d.]+,[\d.]+ L/);
    await world.capture('history');

    await page.getByTestId('export-csv').click();
    const saved = page.getByTestId('message');
    await expect(saved).toContainText('History saved to');
    const chosen = harness.shellLog.find((c) => c.call === 'chooseCsvPath');
    expect(chosen?.arg).toMatch(/^gate-glance-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = join(harness.dataDir, chosen?.arg ?? '');
    await expect(saved).toContainText(`History saved to ${path}.`);
    const csv = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe('timestamp,currency,total');
    expect(csv.length).toBeGreaterThanOrEqual(3);
    for (const row of csv.slice(1)) {
      expect(row).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,USDT,633967350312281193\.068368815439797304437$/);
    }
    await world.expectNoSecretLeak();
    expect(world.consoleLog.errors()).toEqual([]);
  });

  test('"Open Gate’s API key page" asks main to open its one fixed URL', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);
    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings-tab-key').click();
    await page.getByTestId('replace-key').click();
    await page.getByTestId('open-key-page').click();
    await expect.poll(() => harness.shellLog.filter((c) => c.call === 'openExternal').map((c) => c.arg)).toEqual([GATE_KEY_PAGE_URL]);
    expect(world.consoleLog.errors()).toEqual([]);
  });
});
