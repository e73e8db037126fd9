/**
 * Journeys around the API key, on the real keychain and the simulator over HTTP: first run
 * (demo data, clearly badged) → onboarding → save → live chart of the user's account; a wrong
 * secret is refused with a named error and a hint, then fixed; removing the key goes back to
 * onboarding. The secret never reaches the page.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { expectedTotalText, liveChartReady } from './journeys.js';

/** First run: the app shows the demo portfolio, badged, and offers to connect an account. */
async function fromFirstRunToOnboarding(page: Page): Promise<void> {
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
  await liveChartReady(page);
  await page.getByTestId('connect-account').click();
  await expect(page.getByRole('heading', { name: 'Connect your Gate account' })).toBeVisible();
}

test.describe('API key', () => {
  test('first run: demo data, then onboarding, save a key, the live chart of the account appears', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    expect(await harness.store.get()).toEqual({ ok: true, value: null });
    await expect(page.getByTestId('demo-strip')).toContainText('made-up portfolio');
    // Demo figures never come from the user's account: nothing reached the simulator yet.
    expect(harness.simulator.log).toEqual([]);
    await world.capture('first-run-demo');

    await fromFirstRunToOnboarding(page);
    await world.capture('onboarding');

    await page.getByLabel('API key', { exact: true }).fill(harness.credentials.key);
    await page.getByLabel('API secret', { exact: true }).fill(harness.credentials.secret);
    await expect(page.getByLabel('Check the key with Gate before saving')).toBeChecked();
    await page.getByRole('button', { name: 'Save key' }).click();

    await liveChartReady(page);
    await expect(page.getByTestId('demo-badge')).toHaveCount(0);
    await expect(page.getByTestId('total-amount')).toHaveText('633,967,350,312,281,193.07');
    await expect(page.getByTestId('total-amount')).toHaveText(expectedTotalText(harness, 'USDT'));
    // Gate's example: quant and spot get slices, the five small accounts fold into "Other".
    await expect(page.getByTestId('legend').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('legend')).toContainText('Quant');
    await expect(page.getByTestId('legend')).toContainText('Spot');

    // The pair is in the real keychain, and the page only knows the key's last four characters.
    expect(await harness.store.get()).toEqual({ ok: true, value: harness.credentials });
    const state = await page.evaluate(async () => (await window.glance?.getState()) ?? null);
    expect(state).toMatchObject({
      ok: true,
      value: { status: 'live', credentials: { stored: true, keyHint: expect.stringContaining(harness.credentials.key.slice(-4)) } },
    });
    // Verify-before-save made one signed call, the first refresh at least one more.
    expect(
      harness.simulator.log.filter((e) => e.path === '/api/v4/wallet/total_balance' && e.status === 200).length,
    ).toBeGreaterThanOrEqual(2);

    await world.capture('live-usdt');
    await world.expectNoSecretLeak();
    expect(world.consoleLog.errors()).toEqual([]);
  });

  test('a wrong secret is refused with a named error and a hint, then fixed', async ({ world }) => {
    const { page, harness } = world;
    const wrongSecret = 'f'.repeat(64);
    await world.open();
    await fromFirstRunToOnboarding(page);

    await page.getByLabel('API key', { exact: true }).fill(harness.credentials.key);
    await page.getByLabel('API secret', { exact: true }).fill(wrongSecret);
    await page.getByRole('button', { name: 'Save key' }).click();

    const problem = page.getByTestId('onboarding-error');
    await expect(problem).toHaveAttribute('data-code', 'INVALID_SIGNATURE');
    await expect(problem).toContainText('Gate rejected the signature');
    await expect(problem.locator('.panel-hint')).toContainText('secret');
    // Refused means not stored, and the form wiped the secret it sent.
    expect(await harness.store.get()).toEqual({ ok: true, value: null });
    await expect(page.getByLabel('API secret', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('API key', { exact: true })).toHaveValue(harness.credentials.key);
    await world.capture('onboarding-wrong-secret');

    await page.getByLabel('API secret', { exact: true }).fill(harness.credentials.secret);
    await page.getByRole('button', { name: 'Save key' }).click();
    await liveChartReady(page);
    await expect(page.getByTestId('total-amount')).toHaveText(expectedTotalText(harness, 'USDT'));
    expect(await harness.store.get()).toEqual({ ok: true, value: harness.credentials });

    await world.expectNoSecretLeak(wrongSecret);
    expect(world.consoleLog.errors()).toEqual([]);
  });

  test.describe('with a key stored', () => {
    test.use({ harnessOptions: { withKey: true } });

    test('removing the key returns to onboarding and empties the keychain', async ({ world }) => {
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);

      await page.getByTestId('settings-open').click();
      await page.getByTestId('settings-tab-key').click();
      await expect(page.getByTestId('key-status')).toContainText(`A key ending …${harness.credentials.key.slice(-4)} is stored`);
      await world.capture('settings');
      await page.getByTestId('remove-key').click();
      await page.getByTestId('confirm-remove-key').click();
      // Leave settings: the main view is onboarding again.
      await page.getByTestId('settings-close').click();

      await expect(page.getByRole('heading', { name: 'Connect your Gate account' })).toBeVisible();
      await expect(page.getByTestId('total-amount')).toHaveCount(0);
      expect(await harness.store.get()).toEqual({ ok: true, value: null });
      await world.expectNoSecretLeak();
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });
});
