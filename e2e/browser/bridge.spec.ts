/**
 * The boundary itself, through the same router main uses: the page gets exactly the frozen
 * `window.glance` the preload exposes and nothing generic; bad payloads are typed rejections;
 * a subframe or another origin is refused as UNTRUSTED_SENDER; the page loads nothing but its
 * own files; and the secret sent once by the form never comes back.
 */
import { INVOKE_METHODS } from '../../shared/ipc.js';
import { APP_CSP } from '../../electron/core/app/app-protocol.js';
import { RENDERER_DIR } from '../support/paths.js';
import { startStaticServer } from '../support/static-server.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

test.describe('bridge', () => {
  test('window.glance is frozen, has exactly the contract methods, and no raw channel is reachable', async ({ world }) => {
    const { page } = world;
    await world.open();
    const shape = await page.evaluate(() => {
      const api = window.glance as unknown as Record<string, unknown>;
      const descriptor = Object.getOwnPropertyDescriptor(window, 'glance');
      return {
        keys: Object.keys(api).sort(),
        allFunctions: Object.values(api).every((v) => typeof v === 'function'),
        frozen: Object.isFrozen(api),
        writable: descriptor?.writable ?? null,
        configurable: descriptor?.configurable ?? null,
        bridgeGlobals: Object.getOwnPropertyNames(window).filter((k) => /^__glance/.test(k)),
        overwrite: (() => {
          const hijack = () => 'hijacked';
          try {
            api.getState = hijack;
          } catch {
            // assigning to a frozen object throws in strict code; either way it must not stick
          }
          return api.getState !== hijack;
        })(),
      };
    });
    expect(shape.keys).toEqual([...Object.keys(INVOKE_METHODS), 'onState'].sort());
    expect(shape.allFunctions).toBe(true);
    expect(shape.frozen).toBe(true);
    expect(shape.writable).toBe(false);
    expect(shape.configurable).toBe(false);
    // The raw binding was taken off window before the app ran; only the hidden push dispatcher remains.
    expect(shape.bridgeGlobals.filter((k) => k.startsWith('__glanceBridge'))).toEqual([]);
    expect(shape.overwrite).toBe(true);
    const state = await page.evaluate(async () => window.glance?.getState());
    expect(state).toMatchObject({ ok: true, value: { status: expect.any(String) } });
  });

  test('invalid payloads are typed rejections from main’s validation, and change nothing', async ({ world }) => {
    const { page, harness } = world;
    await world.open();
    const answers = await page.evaluate(async () => {
      const g = window.glance as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      return {
        currency: await g.setCurrency!('EUR'),
        extraField: await g.saveCredentials!({ key: 'k'.repeat(32), secret: 's'.repeat(64), verify: false, stash: 'x' }),
        tooLong: await g.saveCredentials!({ key: 'k'.repeat(32), secret: 's'.repeat(5000), verify: false }),
        interval: await g.setPrefs!({ refreshIntervalSec: 5 }),
        extraArg: await g.refresh!('now'),
      };
    });
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', params: expect.any(Object) } });
    }
    // The rejected values did not reach the keychain or the prefs.
    expect(await harness.store.get()).toEqual({ ok: true, value: null });
    const state = await page.evaluate(async () => window.glance?.getState());
    expect(state).toMatchObject({ ok: true, value: { currency: 'USDT', prefs: { refreshIntervalSec: 60 } } });
    // No echo of what was sent (the oversized "secret") in any reply.
    expect(world.bridge.calls.some((c) => c.replyJson.includes('s'.repeat(64)))).toBe(false);
  });

  test('a subframe and a foreign origin are refused as UNTRUSTED_SENDER', async ({ world }) => {
    const { page } = world;
    await world.open();

    // A subframe of the app page (the preload never runs there; the raw channel is left in
    // subframes by the bridge precisely so this rejection can be proven).
    const bindingName = world.bridge.bindingName;
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>child</p>';
      frame.title = 'child';
      document.body.append(frame);
    });
    await expect
      .poll(() =>
        page
          .frames()
          .find((f) => f !== page.mainFrame())
          ?.url(),
      )
      .toBe('about:srcdoc');
    const child = page.frames().find((f) => f !== page.mainFrame())!;
    const fromChild = await child.evaluate(async (name) => {
      const raw = (window as unknown as Record<string, (channel: string, args: unknown[]) => Promise<unknown>>)[name];
      return { hasGlance: 'glance' in window, answer: raw ? await raw('state:get', []) : 'no channel' };
    }, bindingName);
    expect(fromChild.hasGlance).toBe(false);
    expect(fromChild.answer).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });

    // The same files served from another origin (another port): the top frame, but not the app's.
    const other = await startStaticServer(RENDERER_DIR, APP_CSP);
    try {
      await page.unrouteAll();
      await page.goto(other.url);
      const fromForeign = await page.evaluate(async () => window.glance?.getState());
      expect(fromForeign).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
      // The app says so instead of crashing or showing any data.
      await expect(page.locator('main.app')).toContainText('did not come from Gate Glance');
      await expect(page.getByTestId('total-amount')).toHaveCount(0);
      const foreignCalls = world.bridge.calls.filter((c) => c.sender.senderFrameUrl?.startsWith(other.url));
      expect(foreignCalls.length).toBeGreaterThan(0);
      for (const call of foreignCalls) expect(call.replyJson).toContain('UNTRUSTED_SENDER');
    } finally {
      await other.close();
    }
  });

  test.describe('with a key stored', () => {
    test.use({ harnessOptions: { withKey: true } });

    test('the page loads only its own files and the secret never comes back', async ({ world }) => {
      const { page, harness, server } = world;
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url)) external.push(r.url());
      });
      await world.open();
      await liveChartReady(page);
      // Exercise every reply that could carry credentials.
      await page.evaluate(async () => {
        const g = window.glance!;
        await g.getState();
        await g.getHistory({ currency: 'USDT', range: 'all' });
        await g.setCurrency('BTC');
        await g.setCurrency('USDT');
        await g.setPrefs({ privacy: false });
      });
      await page.getByTestId('settings-open').click();
      await page.getByTestId('settings-tab-key').click();
      await page.getByTestId('replace-key').click();
      await page.getByLabel('API key', { exact: true }).fill(harness.credentials.key);
      await page.getByLabel('API secret', { exact: true }).fill(harness.credentials.secret);
      await page.getByRole('button', { name: 'Save key' }).click();
      await liveChartReady(page);

      expect(external).toEqual([]);
      expect(server.requests.every((p) => p === '/' || p === '/index.html' || p.startsWith('/assets/'))).toBe(true);
      expect(world.bridge.calls.map((c) => c.channel)).toEqual(expect.arrayContaining(['state:get', 'credentials:save', 'history:get']));
      await world.expectNoSecretLeak();
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });
});

test.describe('bridge: notifications', () => {
  test.use({ harnessOptions: { withKey: true } });

  test("an alert that fires reaches main's notification shell, and the bridge records it for journeys", async ({ world }) => {
    const { page } = world;
    await world.open();
    expect(world.bridge.notifications).toEqual([]);
    const set = await page.evaluate(() =>
      window.glance!.setPrefs({ alerts: [{ id: 'rich', kind: 'above', currency: 'USDT', threshold: '1' }] }),
    );
    expect(set.ok).toBe(true);
    await expect.poll(() => world.bridge.notifications.map((n) => n.title)).toEqual(['Net worth above 1.00 USDT']);
    expect(world.bridge.notifications[0]!.body).toMatch(
      /^Your Gate\.io net worth went above 1\.00 USDT\. It is now .+ USDT \(Gate's estimate\)\.$/,
    );
    expect(world.harness.shellLog).toContainEqual({ call: 'notify', arg: 'Net worth above 1.00 USDT' });
    // Once per crossing: a refresh above the line again (answered once it is done) says nothing.
    await page.evaluate(() => window.glance!.refresh());
    expect(world.bridge.notifications).toHaveLength(1);
  });
});
