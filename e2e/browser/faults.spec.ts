/**
 * Gate misbehaving, for real over HTTP: a 429 turns the view stale with the wait Gate asked
 * for and recovers after it; an HTML error page turns it stale with the reason; a 5xx before
 * any data is a named error with a retry; a slow answer shows the loading skeleton. The last
 * good data stays on screen throughout, never called live.
 */
import { test, expect } from './fixtures.js';
import { expectedTotalText, expectStatusLine, failNextRefresh, liveChartReady, openStatusDetails, totalTop } from './journeys.js';

test.describe('faults', () => {
  test.describe('with data on screen', () => {
    test.use({ harnessOptions: { withKey: true, rateLimitWindowMs: 6_000 } });

    test('429: stale banner with the wait, data kept, then recovery', async ({ world }) => {
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);
      const liveTop = await totalTop(page);
      const total = expectedTotalText(harness, 'USDT');

      harness.simulator.setFault({ kind: 'rate-limit' }, 1);
      // What the tray's "Refresh now" and the window's Retry do: ask main for a refresh.
      const refreshed = await page.evaluate(async () => window.glance?.refresh());
      expect(refreshed).toEqual({ ok: true, value: null });

      await expectStatusLine(page, liveTop, 'RATE_LIMITED');
      // Gate's wait is short (6 s): its countdown is read first, the screenshots come after.
      const banner = await openStatusDetails(page);
      await expect(banner).toHaveAttribute('data-code', 'RATE_LIMITED');
      await expect(banner).toContainText('Gate asked us to slow down');
      await expect(banner.locator('.panel-hint')).toContainText('80 balance requests per 10 seconds');
      await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'stale');
      // Gate's wait (≤ the simulator's 6 s window) holds Retry back; the scheduler's own
      // next attempt is named separately and may be later (backoff).
      const wait = banner.getByTestId('rate-limit-wait');
      await expect(wait).toHaveText(/^Retry in \d+ s$/);
      await expect(wait).toBeDisabled();
      const seconds = Number(/(\d+)/.exec((await wait.textContent()) ?? '')?.[1]);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(6);
      await expect(banner.getByTestId('next-refresh')).toHaveText(/^Next automatic refresh in \d+ (s|min)$/);
      // While Gate's wait lasts, a manual refresh sends nothing.
      const before = harness.simulator.log.length;
      await page.evaluate(async () => window.glance?.refresh());
      expect(harness.simulator.log.length).toBe(before);
      // The last good figure is still shown, marked stale rather than hidden or called live.
      await expect(page.getByTestId('total-amount')).toHaveText(total);
      await world.capture('stale-rate-limited');
      await page.getByTestId('status-line-toggle').click();
      await world.capture('stale-rate-limited-line');
      await page.getByTestId('status-line-toggle').click();

      // After Gate's wait (the simulator's window is 6 s) the banner's Retry is enabled, and
      // clicking it goes through: the view is live again.
      const retry = banner.getByRole('button', { name: 'Retry', exact: true });
      await expect(retry).toBeEnabled({ timeout: 10_000 });
      await retry.click();
      await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'live');
      await expect(page.getByTestId('status-line')).toHaveCount(0);
      await liveChartReady(page);
      expect(world.consoleLog.errors()).toEqual([]);
    });

    test('an HTML error page (a proxy’s 502): stale with the reason, then Retry recovers', async ({ world }) => {
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);
      await failNextRefresh(page, harness, { kind: 'html', status: 502 }, 'SERVER_ERROR');
      await world.capture('stale-html-line');
      const banner = await openStatusDetails(page);
      await expect(banner).toHaveAttribute('data-code', 'SERVER_ERROR');
      await expect(banner.locator('.panel-reason')).toContainText('HTTP 502, with an HTML page');
      await expect(banner.locator('.panel-hint')).toContainText('Try again in a minute');
      await expect(banner.locator('.panel-kept')).toContainText('the last good data is kept');
      await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'stale');
      await expect(page.getByTestId('total-amount')).toHaveText(expectedTotalText(harness, 'USDT'));
      await world.capture('stale-html');

      await banner.getByRole('button', { name: 'Retry' }).click();
      await liveChartReady(page);
      await expect(page.getByTestId('status-line')).toHaveCount(0);
      expect(world.consoleLog.errors()).toEqual([]);
    });

    test('an HTML page with status 200 (a captive portal): stale as BAD_RESPONSE, then Retry recovers', async ({ world }) => {
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);
      await failNextRefresh(page, harness, { kind: 'html', status: 200 }, 'BAD_RESPONSE');
      await world.capture('stale-bad-response-line');
      const banner = await openStatusDetails(page);
      await expect(banner).toHaveAttribute('data-code', 'BAD_RESPONSE');
      await expect(banner).toContainText('Gate sent an answer we could not read');
      await expect(banner.locator('.panel-reason')).toContainText(/HTML/);
      await expect(banner.locator('.panel-hint')).not.toBeEmpty();
      await expect(page.getByTestId('total-amount')).toHaveText(expectedTotalText(harness, 'USDT'));
      await world.capture('stale-bad-response');

      await banner.getByRole('button', { name: 'Retry' }).click();
      await liveChartReady(page);
      expect(world.consoleLog.errors()).toEqual([]);
    });
    test('a dropped connection: stale as NETWORK with a hint, data kept, then Retry recovers', async ({ world }) => {
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);
      await failNextRefresh(page, harness, { kind: 'drop' }, 'NETWORK');
      await world.capture('stale-network-line');
      const banner = await openStatusDetails(page);
      await expect(banner).toHaveAttribute('data-code', 'NETWORK');
      await expect(banner.locator('.panel-hint')).toContainText('proxy');
      await expect(page.getByTestId('total-amount')).toHaveText(expectedTotalText(harness, 'USDT'));
      await world.capture('stale-network');

      await banner.getByRole('button', { name: 'Retry' }).click();
      await liveChartReady(page);
      expect(world.consoleLog.errors()).toEqual([]);
    });

    test('the key loses its wallet permission: FORBIDDEN says so and offers to fix the key', async ({ world }) => {
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);
      const liveTop = await totalTop(page);

      harness.simulator.setKeys([{ ...harness.credentials, walletRead: false }]);
      await page.evaluate(async () => window.glance?.refresh());
      await expectStatusLine(page, liveTop, 'FORBIDDEN');
      await world.capture('stale-forbidden-line');
      const banner = await openStatusDetails(page);
      await expect(banner).toHaveAttribute('data-code', 'FORBIDDEN');
      await expect(banner).toContainText('The key lacks wallet read permission');
      await expect(banner.locator('.panel-hint')).toContainText('"Wallet" permission');
      await world.capture('stale-forbidden');

      await banner.getByRole('button', { name: 'Fix key' }).click();
      await expect(page.getByRole('heading', { name: 'Replace the API key' })).toBeVisible();
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });

  test.describe('a computer clock 5 minutes off Gate', () => {
    test.use({ harnessOptions: { withKey: true, serverClockOffsetMs: 5 * 60_000 } });

    test('the client reads Gate’s clock, corrects for it and shows live data', async ({ world }) => {
      const { page, harness } = world;
      await world.open();
      await liveChartReady(page);
      await expect(page.getByTestId('total-amount')).toHaveText(expectedTotalText(harness, 'USDT'));
      // The balance: one rejected request (REQUEST_EXPIRED → 401), Gate's clock read, then success. The
      // key's health check at start (main_keys) runs beside it and may read the clock too.
      const log = harness.simulator.log.map((e) => `${e.path} ${e.status}`);
      const balance = log.filter((line) => line.startsWith('/api/v4/wallet/total_balance'));
      expect(balance.slice(0, 2)).toEqual(['/api/v4/wallet/total_balance 401', '/api/v4/wallet/total_balance 200']);
      const clockRead = log.indexOf('/api/v4/spot/time 200');
      expect(clockRead).toBeGreaterThan(log.indexOf(balance[0]!));
      expect(clockRead).toBeLessThan(log.indexOf(balance[1]!));
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });

  test.describe('before any data', () => {
    test.use({ harnessOptions: { withKey: true, initialFault: { kind: 'server-error', status: 503, label: 'TOO_BUSY' } } });

    test('a 5xx on the first load is a named error with Retry, and Retry brings the chart', async ({ world }) => {
      const { page, harness } = world;
      await world.open();

      const view = page.getByTestId('error-view');
      await expect(view).toHaveAttribute('data-code', 'SERVER_ERROR');
      await expect(view).toContainText('Gate is having trouble');
      await expect(view.locator('.panel-hint')).not.toBeEmpty();
      await expect(page.getByTestId('total-amount')).toHaveCount(0);
      await world.capture('error-server');

      harness.simulator.setFault(null);
      await view.getByRole('button', { name: 'Retry' }).click();
      await liveChartReady(page);
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });

  test.describe('slow first answer', () => {
    test.use({ harnessOptions: { withKey: true, initialFault: { kind: 'slow', delayMs: 8_000 } } });

    test('shows the loading skeleton, then the chart', async ({ world }) => {
      const { page } = world;
      await world.open();
      await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'loading');
      await world.capture('loading');
      await liveChartReady(page);
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });
});
