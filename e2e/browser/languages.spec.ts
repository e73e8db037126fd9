/**
 * The popover in Simplified and Traditional Chinese, over the real services: every state
 * (first run with demo data, onboarding, live in CNY with ¥ and Gate's Chinese account names,
 * the table, privacy, settings, holdings, loading, a rate-limited stale view, a dropped
 * connection with its cause in Chinese, an error before any data)
 * photographed light and dark, scanned by axe with `lang` set on the document, and every
 * Chinese glyph on screen drawn by a font of the popover's stack (document.fonts.check).
 */
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/locale.js';
import { expectHanGlyphsHaveAFont } from '../support/page-checks.js';
import { test, expect } from './fixtures.js';
import { failNextRefresh, liveChartReady, openStatusDetails } from './journeys.js';

interface Expected {
  readonly demo: string;
  readonly connect: string;
  readonly spot: string;
  readonly quant: string;
  readonly settings: string;
  readonly stale: string;
  readonly rateLimited: string;
  readonly coin: string;
  readonly server: string;
  readonly save: string;
  /** A dropped connection's cause. */
  readonly reset: string;
}

// The status line's short title ("Rate limited, retrying in 6 s" and its variants) begins so.
const RATE_LIMITED_CN = '请求过于频繁';
const RATE_LIMITED_TW = '請求過於頻繁';

const EXPECTED: Record<Exclude<Language, 'en'>, Expected> = {
  'zh-CN': {
    demo: '演示数据',
    connect: '连接您的 Gate 账户',
    spot: '现货',
    quant: '量化',
    settings: '设置',
    stale: 'Gate 要求降低请求频率',
    rateLimited: RATE_LIMITED_CN,
    coin: '币种',
    server: 'Gate 服务出现问题',
    save: '保存密钥',
    reset: '连接被重置',
  },
  'zh-TW': {
    demo: '示範資料',
    connect: '連結您的 Gate 帳戶',
    spot: '現貨',
    quant: '量化',
    settings: '設定',
    stale: 'Gate 要求降低請求頻率',
    rateLimited: RATE_LIMITED_TW,
    coin: '幣種',
    server: 'Gate 服務出現問題',
    save: '儲存金鑰',
    reset: '連線被重設',
  },
};

async function expectChinese(page: Page, language: Language): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expectHanGlyphsHaveAFont(page);
}

for (const language of ['zh-CN', 'zh-TW'] as const) {
  const want = EXPECTED[language];
  const shot = (name: string) => `${language}-${name}`;
  // The system's languages as Electron reports them: the app follows them with no setting saved.
  const systemLanguages = { preferredLanguages: [language === 'zh-CN' ? 'zh-Hans-CN' : 'zh-Hant-TW', 'en-US'], appLocale: language };

  test.describe(`${language}`, () => {
    test.describe('first run', () => {
      test.use({ harnessOptions: { systemLanguages } });

      test('demo data, onboarding and the key form speak Chinese', async ({ world }) => {
        const { page } = world;
        await world.open();
        await expect(page.getByTestId('demo-badge')).toHaveText(want.demo);
        await liveChartReady(page);
        await expectChinese(page, language);
        await world.capture(shot('first-run-demo'));

        await page.getByTestId('connect-account').click();
        await expect(page.getByRole('heading', { name: want.connect })).toBeVisible();
        await expect(page.getByRole('button', { name: want.save })).toBeVisible();
        await expectChinese(page, language);
        await world.capture(shot('onboarding'));
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });

    test.describe('with a key', () => {
      test.use({ harnessOptions: { systemLanguages, withKey: true, rateLimitWindowMs: 4_000 } });

      test('live in CNY with ¥ and Gate’s account names; table, privacy, settings; a 429 goes stale', async ({ world }) => {
        const { page, harness } = world;
        await world.open();
        await liveChartReady(page);
        await page.getByTestId('currency-CNY').click();
        await expect(page.getByTestId('total-amount')).toHaveText(/^[\d,]+\.\d{2}$/);
        // Every digit on hover: ¥ in Simplified Chinese, the currency code in Traditional.
        await expect(page.getByTestId('total-amount')).toHaveAttribute(
          'title',
          language === 'zh-CN' ? /^¥[\d,]+\.\d+$/ : /^[\d,]+\.\d+ CNY$/,
        );
        await liveChartReady(page);
        await expect(page.getByTestId('legend')).toContainText(want.spot);
        await expect(page.getByTestId('legend')).toContainText(want.quant);
        await expectChinese(page, language);
        await world.capture(shot('live-cny'));

        await page.getByTestId('table-toggle').click();
        await expect(page.getByRole('table')).toContainText(want.spot);
        await expectChinese(page, language);
        await world.capture(shot('table'));
        await page.getByTestId('table-toggle').click();

        await page.getByTestId('legend-spot').click();
        await expect(page.getByTestId('holdings-table')).toBeVisible();
        await expect(page.getByRole('heading', { name: want.spot })).toBeFocused();
        await expect(page.getByTestId('holdings-table').locator('thead')).toContainText(want.coin);
        await expectChinese(page, language);
        await world.capture(shot('holdings-spot'));
        await page.getByTestId('holdings-back').click();

        await page.getByTestId('privacy-toggle').click();
        await expect(page.getByTestId('total-amount')).toContainText('•••');
        await world.capture(shot('privacy'));
        await page.getByTestId('privacy-toggle').click();

        await page.getByTestId('settings-open').click();
        await expect(page.getByRole('heading', { name: want.settings })).toBeVisible();
        await expectChinese(page, language);
        await world.capture(shot('settings'));
        await page.keyboard.press('Escape');

        harness.simulator.setFault({ kind: 'rate-limit' }, 1);
        await page.evaluate(async () => window.glance?.refresh());
        await expect(page.getByTestId('status-line')).toHaveAttribute('data-code', 'RATE_LIMITED');
        await expect(page.getByTestId('status-line-title')).toContainText(want.rateLimited);
        await expectChinese(page, language);
        await world.capture(shot('stale-rate-limited-line'));
        const banner = await openStatusDetails(page);
        await expect(banner).toContainText(want.stale);
        await expectChinese(page, language);
        await world.capture(shot('stale-rate-limited'));
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });

    test.describe('with a key, the connection dropped', () => {
      test.use({ harnessOptions: { systemLanguages, withKey: true } });

      test('a dropped connection names its cause in Chinese, where it failed included; the total stays on top', async ({ world }) => {
        const { page, harness } = world;
        await world.open();
        await liveChartReady(page);
        await failNextRefresh(page, harness, { kind: 'drop' }, 'NETWORK');
        await expectChinese(page, language);
        await world.capture(shot('stale-network-line'));
        const banner = await openStatusDetails(page);
        await expect(banner).toContainText(new RegExp(`${want.reset}（127\\.0\\.0\\.1:\\d+）`));
        await expect(banner).not.toContainText(/connection|reset|refused/i);
        await expectChinese(page, language);
        await world.capture(shot('stale-network'));
        expect(world.consoleLog.errors()).toEqual([]);
      });
    });

    test.describe('before any data', () => {
      test.use({
        harnessOptions: { systemLanguages, withKey: true, initialFault: { kind: 'server-error', status: 503, label: 'TOO_BUSY' } },
      });

      test('a 5xx on the first load is a named error in Chinese', async ({ world }) => {
        const { page } = world;
        await world.open();
        const view = page.getByTestId('error-view');
        await expect(view).toHaveAttribute('data-code', 'SERVER_ERROR');
        await expect(view).toContainText(want.server);
        await expectChinese(page, language);
        await world.capture(shot('error-server'));
      });
    });

    test.describe('slow first answer', () => {
      test.use({ harnessOptions: { systemLanguages, withKey: true, initialFault: { kind: 'slow', delayMs: 6_000 } } });

      test('the loading skeleton', async ({ world }) => {
        const { page } = world;
        await world.open();
        await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'loading');
        await expectChinese(page, language);
        await world.capture(shot('loading'));
        await liveChartReady(page);
      });
    });
  });
}
