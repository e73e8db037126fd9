/**
 * Another Gate account through the bridge and the real keychain: its pair is its own entry
 * (`api-key:<profile>` of the test service), the first key's entry is untouched, the list the page
 * gets carries the last four characters only, and removing it deletes its entry.
 */
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-store.js';
import { profileAccount } from '../../electron/core/secrets/profiles.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

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
