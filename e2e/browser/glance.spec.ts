/**
 * Glance v2 journeys through the real core: the 24-hour change next to the total (up, down, and
 * "since" a shorter history) computed by core from the history file, each range of the history
 * chart, and each kind of alert set in Settings and stored by main. History older than this run
 * is written into the app's own history file (the endpoint's, as the CLI would) before it is read.
 */
import type { HistoryPoint } from '../../shared/balance.js';
import { HistoryStore } from '../../electron/core/balance/history-store.js';
import { GATE_EXAMPLE_PORTFOLIO } from '../../electron/core/simulator/portfolio.js';
import type { Harness } from '../support/harness.js';
import { test, expect } from './fixtures.js';
import { liveChartReady, refreshOk } from './journeys.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Writes points into the history of the harness's endpoint, as another writer (the CLI) would. */
async function seedHistory(harness: Harness, points: readonly HistoryPoint[]): Promise<void> {
  const store = new HistoryStore({ dir: harness.dataDir, baseUrl: harness.simulatorUrl });
  for (const point of points) await store.append(point);
}

test.describe('the 24-hour change', () => {
  test.use({ harnessOptions: { withKey: true } });

  test('up: against the point 24 hours ago, signed, green, with its sparkline', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);
    await seedHistory(harness, [{ at: Date.now() - 25 * HOUR, currency: 'USDT', total: '600000000000000000' }]);
    await refreshOk(page);
    const change = page.getByTestId('change');
    await expect(change).toHaveAttribute('data-direction', '1');
    await expect(change).toHaveAttribute('data-colour', 'green');
    await expect(page.getByTestId('change-amount')).toHaveText('+33,967,350,312,281,193.07');
    await expect(page.getByTestId('change-percent')).toHaveText('+5.66 %');
    await expect(page.getByTestId('change-span')).toHaveText('24 h');
    await expect(page.getByTestId('sparkline')).toBeVisible();
    await world.capture('change-up');

    // Red up when the user asks for it.
    await page.evaluate(async () => window.glance?.setPrefs({ changeColours: 'red-up' }));
    await expect(change).toHaveAttribute('data-colour', 'red');
    // Privacy hides it all.
    await page.getByTestId('privacy-toggle').click();
    await expect(page.getByTestId('change-amount')).toHaveText('•••');
    await expect(change).toHaveAttribute('data-colour', 'neutral');
    await world.capture('change-privacy');
    expect(world.consoleLog.errors()).toEqual([]);
  });

  test('down: a minus, red', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);
    await seedHistory(harness, [{ at: Date.now() - 26 * HOUR, currency: 'USDT', total: '700000000000000000' }]);
    await refreshOk(page);
    const change = page.getByTestId('change');
    await expect(change).toHaveAttribute('data-direction', '-1');
    await expect(change).toHaveAttribute('data-colour', 'red');
    await expect(page.getByTestId('change-amount')).toHaveText('-66,032,649,687,718,806.93');
    await expect(page.getByTestId('change-percent')).toHaveText('-9.43 %');
    await world.capture('change-down');
    expect(world.consoleLog.errors()).toEqual([]);
  });

  test('a history shorter than 24 hours says since when', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);
    await expect(page.getByTestId('change')).toHaveCount(0);
    const quant = GATE_EXAMPLE_PORTFOLIO.accounts['quant']!;
    harness.simulator.setPortfolio({
      ...GATE_EXAMPLE_PORTFOLIO,
      accounts: { ...GATE_EXAMPLE_PORTFOLIO.accounts, quant: { ...quant, amount: '601702859674467879.6488202650892478553852' } },
    });
    await refreshOk(page);
    await expect(page.getByTestId('change-amount')).toHaveText('+10,000,000,000,000,000.00');
    await expect(page.getByTestId('change-percent')).toHaveText('+1.58 %');
    await expect(page.getByTestId('change-span')).toHaveText(/^since \d\d:\d\d$/);
    await world.capture('change-partial');
    expect(world.consoleLog.errors()).toEqual([]);
  });
});

test.describe('the history chart', () => {
  test.use({ harnessOptions: { withKey: true } });

  test('each range, with high, low and last, a keyboard readout and gaps as breaks', async ({ world }) => {
    const { page, harness } = world;
    const now = Date.now();
    await seedHistory(harness, [
      { at: now - 60 * DAY, currency: 'USDT', total: '500000000000000000' },
      { at: now - 20 * DAY, currency: 'USDT', total: '550000000000000000' },
      { at: now - 5 * DAY, currency: 'USDT', total: '700000000000000000' },
      { at: now - 5 * DAY + HOUR, currency: 'USDT', total: '690000000000000000' },
      { at: now - 10 * HOUR, currency: 'USDT', total: '620000000000000000' },
      { at: now - 10 * HOUR + 60_000, currency: 'USDT', total: '610000000000000000' },
    ]);
    await world.open();
    await liveChartReady(page);
    await page.getByTestId('open-chart').click();
    await expect(page.getByTestId('chart-view')).toBeVisible();
    // The total stays on top of the chart view.
    await expect(page.getByTestId('total')).toBeVisible();

    const expected = { '24h': 3, '7d': 5, '30d': 6, all: 7 } as const;
    for (const range of ['24h', '7d', '30d', 'all'] as const) {
      await page.getByTestId(`range-${range}`).click();
      await expect(page.getByTestId(`range-${range}`)).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('chart-table').locator('tbody tr')).toHaveCount(expected[range]);
      await expect(page.getByTestId('chart-last')).toContainText('633,967,350,312,281,193.07 USDT');
      // Every range here has a stretch with no point: the line breaks there.
      const d = (await page.getByTestId('chart-line').getAttribute('d')) ?? '';
      expect(d.match(/M/g)?.length ?? 0).toBeGreaterThan(1);
      await world.capture(`chart-${range}`);
    }
    await expect(page.getByTestId('chart-high')).toContainText('700,000,000,000,000,000.00 USDT');
    await expect(page.getByTestId('chart-low')).toContainText('500,000,000,000,000,000.00 USDT');

    const plot = page.getByTestId('chart-plot');
    await plot.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('chart-readout')).toContainText('500,000,000,000,000,000.00 USDT');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('chart-readout')).toContainText('550,000,000,000,000,000.00 USDT');
    await plot.hover({ position: { x: 2, y: 40 } });
    await expect(page.getByTestId('chart-readout')).toContainText('500,000,000,000,000,000.00 USDT');
    await world.capture('chart-readout');
    await page.getByTestId('chart-back').click();
    await liveChartReady(page);
    expect(world.consoleLog.errors()).toEqual([]);
  });
});

test.describe('alerts in Settings', () => {
  test.use({ harnessOptions: { withKey: true } });

  test('each kind is added, stored by main, listed, and removed', async ({ world }) => {
    const { page } = world;
    await world.open();
    await liveChartReady(page);
    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings-tab-alerts').click();
    const section = page.getByTestId('settings-alerts');
    await section.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('alerts-none')).toBeVisible();

    const add = async (kind: string, value: string | null, currency: string | null) => {
      await page.getByTestId('alert-kind').selectOption(kind);
      if (value !== null) await page.getByTestId('alert-value').fill(value);
      if (currency !== null) await page.getByTestId('alert-currency').selectOption(currency);
      await page.getByTestId('alert-add').click();
    };
    await add('above', '700000000000000000', 'USDT');
    await world.capture('alert-above');
    await add('below', '0.5', 'BTC');
    await world.capture('alert-below');
    await add('move', '5', 'USDT');
    await world.capture('alert-move');
    await page.getByTestId('alert-kind').selectOption('unreadable');
    await page.getByTestId('alert-minutes').selectOption('60');
    await page.getByTestId('alert-add').click();
    await expect(section.getByRole('listitem')).toHaveCount(4);
    await world.capture('alert-unreadable');

    const stored = await page.evaluate(async () => {
      const r = await window.glance?.getState();
      return r?.ok ? r.value.prefs.alerts.map(({ id: _id, ...rule }) => rule) : null;
    });
    expect(stored).toEqual([
      { kind: 'above', currency: 'USDT', threshold: '700000000000000000' },
      { kind: 'below', currency: 'BTC', threshold: '0.5' },
      { kind: 'move', currency: 'USDT', percent: '5' },
      { kind: 'unreadable', staleMinutes: 60 },
    ]);
    await expect(section.getByRole('listitem').first()).toHaveText(/Net worth above 700,000,000,000,000,000\.00 USDT/);

    // A value main would refuse is refused here first, with words.
    await page.getByTestId('alert-kind').selectOption('move');
    await page.getByTestId('alert-value').fill('5000');
    await page.getByTestId('alert-add').click();
    await expect(page.getByTestId('alert-problem')).toContainText('at most 1000');

    await section.getByRole('button', { name: /^Remove alert: Moves more than 5 %/ }).click();
    await expect(section.getByRole('listitem')).toHaveCount(3);
    expect(world.consoleLog.errors()).toEqual([]);
  });
});

test.describe('alert notifications', () => {
  test.use({ harnessOptions: { withKey: true } });

  test('an alert set in Settings fires once through main\'s notification shell; "cannot read" fires when the key loses its permission', async ({
    world,
  }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);
    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings-tab-alerts').click();
    await page.getByTestId('settings-alerts').scrollIntoViewIfNeeded();
    await page.getByTestId('alert-kind').selectOption('above');
    await page.getByTestId('alert-value').fill('1');
    await page.getByTestId('alert-currency').selectOption('USDT');
    await page.getByTestId('alert-add').click();
    await expect.poll(() => world.bridge.notifications.map((n) => n.title)).toEqual(['Net worth above 1.00 USDT']);
    await world.capture('alert-notified');

    await page.getByTestId('alert-kind').selectOption('unreadable');
    await page.getByTestId('alert-add').click();
    await expect(page.getByTestId('settings-alerts').getByRole('listitem')).toHaveCount(2);
    harness.simulator.setKeys([{ ...harness.credentials, walletRead: false }]);
    await page.evaluate(async () => window.glance?.refresh());
    await expect
      .poll(() => world.bridge.notifications.map((n) => n.title))
      .toEqual(['Net worth above 1.00 USDT', 'Gate Glance cannot read your account any more']);
    expect(world.bridge.notifications[1]!.body).toContain('fix the key');
    expect(world.consoleLog.errors()).toEqual([]);
  });
});
