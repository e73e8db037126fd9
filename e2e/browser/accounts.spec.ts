/**
 * Every Gate account in one net worth, on the simulator over HTTP and the real keychain. Through
 * the bridge: another account's pair is its own entry (`api-key:<profile>` of the test service),
 * the first key's entry is untouched, the list the page gets carries the last four characters
 * only, and removing it deletes its entry. Through the popover: the first key's sub-accounts
 * switched on in Settings › Accounts, another account added with the form, the total the exact
 * sum of the sources (worked out here from the simulator's portfolios, not read from the app),
 * the pie by source, a source's own view, and one source failing while the others stay live.
 */
import type { Page } from '@playwright/test';
import { formatAmount, sumDecimals } from '../../shared/decimal.js';
import { DEMO_PORTFOLIO } from '../../electron/core/simulator/portfolio.js';
import { FAMILY, FAMILY_USDT, GRID_BOT_USDT, HEDGE_USDT, simulateEveryAccount } from '../support/family-account.js';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-store.js';
import { profileAccount } from '../../electron/core/secrets/profiles.js';
import { test, expect } from './fixtures.js';
import { liveChartReady, refreshOk } from './journeys.js';

/** The harness's keychain service (e2e/support/harness.ts). */
const SERVICE = 'gate-glance-e2e';

test.describe('another Gate account', () => {
  test.use({ harnessOptions: { withKey: true } });

  test('is stored as its own keychain entry, listed without its secret, and removed with it', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    await liveChartReady(page);
    const other = { key: 'ab'.repeat(16), secret: 'cd34'.repeat(16) };
    const added = await page.evaluate((pair) => window.glance!.addGateAccount({ ...pair, verify: false, alias: 'Family' }), other);
    expect(added).toMatchObject({ ok: true, value: { profile: 'family', status: { stored: true, keyHint: '…abab' } } });
    const family = new KeytarSecretStore({ service: SERVICE, account: profileAccount('family'), timeoutMs: 10_000 });
    expect(await family.get()).toEqual({ ok: true, value: other });
    expect(await new KeytarSecretStore({ service: SERVICE, timeoutMs: 10_000 }).get()).toEqual({ ok: true, value: harness.credentials });

    const state = await page.evaluate(() => window.glance!.getState());
    if (!state.ok) throw new Error('no state');
    expect(state.value.gateAccounts.map((a) => [a.profile, a.alias, a.keyHint])).toEqual([
      ['default', 'default', `…${harness.credentials.key.slice(-4)}`],
      ['family', 'Family', '…abab'],
    ]);
    // Another key is counted: the portfolio lists it as a source of its own; Gate (the simulator) does not know
    // this key, so that source is in error while the first key's stays live.
    const sources = async () =>
      page.evaluate(async () => {
        const s = await window.glance!.getState();
        return s.ok ? [s.value.status, s.value.portfolio?.sources.map((x) => [x.id, x.status, x.error?.code ?? null]) ?? null] : null;
      });
    await expect.poll(sources, { timeout: 15_000 }).toEqual([
      'live',
      [
        ['key:default', 'ok', null],
        ['key:family', 'error', 'INVALID_KEY'],
      ],
    ]);

    expect(await page.evaluate(() => window.glance!.removeGateAccount('family'))).toEqual({ ok: true, value: null });
    expect(await family.get()).toEqual({ ok: true, value: null });
    await world.expectNoSecretLeak(other.secret);
  });
});

function usdt(amount: string): string {
  return formatAmount(amount, { currency: 'USDT', locale: 'en-US' });
}

async function openAccountsTab(page: Page): Promise<void> {
  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-tab-key').click();
  await expect(page.getByTestId('gate-accounts')).toBeVisible();
}

test.describe('every Gate account', () => {
  test.use({ harnessOptions: { withKey: true, portfolio: DEMO_PORTFOLIO } });

  test('sub-accounts and another key add up exactly; one failing source leaves the others live', async ({ world }) => {
    const { page, harness } = world;
    simulateEveryAccount(harness);
    await world.open();
    await liveChartReady(page);
    const main = harness.expectedTotal('USDT');
    // One key, no sub-accounts: the popover is as it always was.
    await expect(page.getByTestId('portfolio-includes')).toHaveCount(0);
    await expect(page.getByTestId('total-amount')).toHaveText(usdt(main));

    await openAccountsTab(page);
    // The switch shows main's state: it turns on once main has saved the choice.
    await page.getByTestId('include-subs-default').click();
    await expect(page.getByTestId('include-subs-default')).toBeChecked();
    await expect(page.getByTestId('sub-default-20001')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('sub-default-20002')).toBeVisible();

    await page.getByTestId('add-account').click();
    await page.getByTestId('add-account-alias').fill('Family');
    const form = page.getByTestId('add-account-form');
    await form.getByLabel('API key', { exact: true }).fill(FAMILY.key);
    await form.getByLabel('API secret', { exact: true }).fill(FAMILY.secret);
    await form.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByTestId('gate-account-family')).toContainText(`…${FAMILY.key.slice(-4)}`);
    await expect(page.getByTestId('gate-account-default')).toContainText('Main');
    // The pair is its own keychain entry; the page never saw the secret.
    await page.getByTestId('settings-close').click();

    await refreshOk(page);
    const combined = sumDecimals([main, GRID_BOT_USDT, HEDGE_USDT, FAMILY_USDT]);
    await expect(page.getByTestId('total-amount')).toHaveText(usdt(combined), { timeout: 15_000 });
    await expect(page.getByTestId('portfolio-includes')).toContainText('Main + 2 sub-accounts (estimated) + Family');

    await page.getByTestId('portfolio-by-source').click();
    await expect(page.getByTestId('legend')).toContainText('grid_bot');
    await expect(page.getByTestId('legend')).toContainText('Family');
    await page.getByTestId('legend-sub:default:20001').click();
    await expect(page.getByTestId('source-panel')).toBeVisible();
    await expect(page.getByTestId('source-total')).toContainText(usdt(GRID_BOT_USDT));
    await expect(page.getByTestId('source-notes')).toContainText('POINT');
    await page.getByTestId('source-back').click();

    // Family's key loses its wallet permission: Family keeps its last figure, stale; the rest stay live.
    harness.simulator.setKeys([
      { ...harness.credentials, allowedIps: ['127.0.0.1'] },
      { ...FAMILY, permissions: { wallet: false } },
    ]);
    await refreshOk(page);
    await expect(page.getByTestId('portfolio-includes')).toContainText('includes stale data', { timeout: 15_000 });
    await expect(page.getByTestId('total-amount')).toHaveText(usdt(combined));
    await world.expectNoSecretLeak(FAMILY.secret);
    expect(world.consoleLog.errors()).toEqual([]);
  });
});
