/**
 * A machine where npm could not build keytar (no libsecret headers): the real keytar store,
 * whose native module is missing, behind the real core. The app fails closed with what to
 * install, reaches nothing of Gate, and the demo still works.
 */
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

test.describe('keytar not installed', () => {
  test.use({ harnessOptions: { keytarMissing: true } });

  test('the popover names the package and npm rebuild keytar, offers the demo, and Settings says the same', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    const view = page.getByTestId('error-view');
    await expect(view).toHaveAttribute('data-code', 'KEYCHAIN_UNAVAILABLE');
    await expect(view).toContainText('its native module (keytar) is not installed');
    await expect(view).toContainText('sudo apt install libsecret-1-dev pkg-config');
    await expect(view).toContainText('npm rebuild keytar');
    await world.capture('keytar-missing');
    // Failing closed: no key could be read, so nothing was asked of Gate.
    expect(harness.simulator.log).toEqual([]);

    await view.getByRole('button', { name: 'Try the demo' }).click();
    await liveChartReady(page);
    await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
    expect(harness.simulator.log).toEqual([]);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Accounts' }).click();
    await expect(page.getByTestId('key-status')).toContainText('npm rebuild keytar');
  });
});
