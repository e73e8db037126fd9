/**
 * Another Gate account for the browser tier and README's pictures: a family member's, with its
 * own key and portfolio in the simulator (user 30001), and what it is worth in USDT by Gate's own
 * total. The first key's demo sub-accounts are DEMO_SUB_ACCOUNTS (electron/core/simulator/portfolio.ts).
 */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { SimKey } from '../../electron/core/simulator/handler.js';
import { DEMO_SUB_ACCOUNTS } from '../../electron/core/simulator/portfolio.js';
import type { Harness } from './harness.js';

/** grid_bot: 1000 USDT + 0.5 ETH × 3400 + USDT futures equity 574.5 + BTC futures 0.0021 × 95000 (POINT has no market). */
export const GRID_BOT_USDT = '3474';
/** hedge_cm: 0.01 BTC × 95000 + cross margin 500 − 200 − 0.5 USDT + 2 SOL × 190. */
export const HEDGE_USDT = '1629.5';
/** The family account's Gate total in USDT: its two accounts. */
export const FAMILY_USDT = '1214.5578';

export const FAMILY: SimKey = {
  key: 'e2e-family-key-9a8b7c6d5e4f3a2b',
  secret: 'f00dfeedcafebabe0123456789abcdef0123456789abcdef0123456789abcdef',
  userId: 30001,
  portfolio: { accounts: { spot: { amount: '1234.5678' }, futures: { amount: '-20.01' } } },
  allowedIps: ['127.0.0.1'],
};

/** The simulator holds the first key's two sub-accounts and accepts the family key besides the harness's own. */
export function simulateEveryAccount(harness: Harness, family: SimKey = FAMILY): void {
  harness.simulator.setSubAccounts(DEMO_SUB_ACCOUNTS);
  harness.simulator.setKeys([{ ...harness.credentials, allowedIps: ['127.0.0.1'] }, family]);
}

/** Through the page's own API (as Settings does): the first key's sub-accounts counted, and the family key added as "Family". */
export async function countEveryAccount(page: Page): Promise<void> {
  const { key, secret } = FAMILY;
  expect(await page.evaluate(() => window.glance!.setGateAccount({ profile: 'default', includeSubAccounts: true }))).toMatchObject({
    ok: true,
  });
  const added = await page.evaluate((pair) => window.glance!.addGateAccount({ ...pair, verify: true, alias: 'Family' }), { key, secret });
  expect(added).toMatchObject({ ok: true, value: { profile: 'family' } });
  await page.evaluate(() => window.glance!.refresh());
  await expect(page.getByTestId('portfolio-includes')).toContainText('Family', { timeout: 15_000 });
}
