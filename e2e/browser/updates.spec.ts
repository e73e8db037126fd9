/**
 * An update that electron-updater downloaded (a stand-in answers as it would), over the real
 * services: the popover says it in one line with "Restart to update", the tray-menu's twin, and
 * Settings › Updates says which version runs, which is ready, and offers the same action. Fits
 * the 360×480 popover.
 */
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';
import { captureState } from '../support/page-checks.js';
import { DEMO_PORTFOLIO } from '../../electron/core/simulator/portfolio.js';

test.use({ harnessOptions: { withKey: true, portfolio: DEMO_PORTFOLIO, update: 'ready' } });

test('a downloaded update: one line in the popover, then Settings › Updates, each offering Restart to update', async ({ world }) => {
  const { page } = world;
  await world.open();
  await liveChartReady(page);
  const bar = page.getByTestId('update-bar');
  await expect(bar).toContainText('Gate Glance 0.2.0 is ready.');
  await expect(bar.getByRole('button', { name: 'Restart to update' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await captureState(page, 'update-ready');

  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-tab-advanced').click();
  const section = page.getByTestId('settings-updates');
  await section.scrollIntoViewIfNeeded();
  await expect(section).toContainText('Version 0.1.0');
  await expect(section.getByTestId('update-status')).toContainText('Version 0.2.0 is ready: it installs when you quit, or now.');
  await expect(section.getByRole('button', { name: 'Restart to update' })).toBeVisible();
  await captureState(page, 'update-ready-settings');
});
