/**
 * Key health over the real services (simulator over HTTP, real keychain): a key that can trade
 * is refused at onboarding with its permissions named, in English, Simplified and Traditional
 * Chinese, and saved only after "Save anyway"; Settings › API key shows what Gate says of a key
 * without whitelist 85 days old (read-only ✓, IP-bound ✗, "in about 5 days"), in the three
 * languages, inside the 360×480 popover, and "Check now" asks Gate again.
 */
import type { Page } from '@playwright/test';
import type { LocalePreference } from '../../shared/locale.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

const DAY = 86_400_000;

async function setLanguage(page: Page, locale: LocalePreference): Promise<void> {
  const r = await page.evaluate(async (l) => (await window.glance?.setPrefs({ locale: l }))?.ok ?? false, locale);
  expect(r).toBe(true);
}

/** Nothing wider than the popover: the section wraps inside 360 px. */
async function expectFitsWidth(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

const WRITE_WARNING = {
  en: 'This key can trade/withdraw (Spot, Wallet: read and write). Gate Glance only needs read access; create a read-only key.',
  'zh-CN': '此密钥可以交易或提现（现货、钱包：读写）。Gate Glance 只需要读取权限，请创建只读密钥。',
  'zh-TW': '此金鑰可以交易或提領（現貨、錢包：讀寫）。Gate Glance 只需要讀取權限，請建立唯讀金鑰。',
} as const;

test.describe('key health', () => {
  test.describe('a key that can trade', () => {
    test.use({ harnessOptions: { key: { allowedIps: ['127.0.0.1'], writePermissions: ['spot', 'wallet'] } } });

    test('onboarding names its write permissions in three languages, and saves it only after "Save anyway"', async ({ world }) => {
      // Six photographs, each scanned by axe in light and dark.
      test.slow();
      const { page, harness } = world;
      await world.open();
      await page.getByTestId('connect-account').click();
      await page.getByLabel('API key', { exact: true }).fill(harness.credentials.key);
      await page.getByLabel('API secret', { exact: true }).fill(harness.credentials.secret);
      await page.getByRole('button', { name: 'Save key' }).click();
      const problem = page.getByTestId('onboarding-error');
      await expect(problem).toHaveAttribute('data-code', 'KEY_CAN_WRITE');
      await expect(problem.locator('.panel-reason')).toHaveText(WRITE_WARNING.en);
      expect(await harness.store.get()).toEqual({ ok: true, value: null });
      await expectFitsWidth(page);
      await world.capture('key-health-write-key-en');
      for (const locale of ['zh-CN', 'zh-TW'] as const) {
        await setLanguage(page, locale);
        await expect(problem.locator('.panel-reason')).toHaveText(WRITE_WARNING[locale]);
        await expectFitsWidth(page);
        await world.capture(`key-health-write-key-${locale}`);
      }
      await setLanguage(page, 'en');
      await page.getByRole('button', { name: 'Save anyway' }).click();
      await liveChartReady(page);
      expect(await harness.store.get()).toEqual({ ok: true, value: harness.credentials });
      await world.expectNoSecretLeak();
    });
  });

  test.describe('a key without whitelist, 85 days old', () => {
    test.use({ harnessOptions: { withKey: true, key: { createdAt: Date.now() - 85 * DAY } } });

    test('Settings › API key shows its facts in three languages, inside the popover, and Check now asks Gate again', async ({ world }) => {
      test.slow();
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);
      // Within the last 7 days: the popover's quiet line.
      await expect(page.getByTestId('key-expiry-line')).toContainText('The API key stops working in about 5 days');
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('tab', { name: 'Accounts' }).click();
      const section = page.getByTestId('key-health');
      await expect(section.getByTestId('key-fact-read-only')).toHaveText('Read-only✓ yes');
      await expect(section.getByTestId('key-fact-ip-bound')).toHaveText('Bound to an IP address✗ no');
      await expect(section.getByTestId('key-fact-expiry')).toContainText('in about 5 days (around');
      await expect(section.getByTestId('key-fact-state')).toHaveText('State✓ normal');
      await section.scrollIntoViewIfNeeded();
      await expectFitsWidth(page);
      await world.capture('key-health-settings-en');

      const before = harness.simulator.log.filter((e) => e.path === '/api/v4/account/main_keys').length;
      await section.getByRole('button', { name: 'Check now' }).click();
      await expect.poll(() => harness.simulator.log.filter((e) => e.path === '/api/v4/account/main_keys').length).toBe(before + 1);

      const words = {
        'zh-CN': { readOnly: '只读✓ 是', expiry: '大约 5 天后' },
        'zh-TW': { readOnly: '唯讀✓ 是', expiry: '大約 5 天後' },
      } as const;
      for (const locale of ['zh-CN', 'zh-TW'] as const) {
        await setLanguage(page, locale);
        await expect(section.getByTestId('key-fact-read-only')).toHaveText(words[locale].readOnly);
        await expect(section.getByTestId('key-fact-expiry')).toContainText(words[locale].expiry);
        await section.scrollIntoViewIfNeeded();
        await expectFitsWidth(page);
        await world.capture(`key-health-settings-${locale}`);
      }
      await world.expectNoSecretLeak();
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });
});
