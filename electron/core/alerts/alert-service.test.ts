/**
 * Alerts wired into the app: GlanceApp over the Gate simulator in virtual time, with a shell
 * that records notifications. The decision itself is tested in alert-rules.test.ts.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertRule } from '../../../shared/alerts.js';
import type { Result } from '../../../shared/errors.js';
import { ok } from '../../../shared/errors.js';
import { GlanceApp } from '../app/glance-app.js';
import type { Transport } from '../gate/types.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { VirtualClock } from '../testing/virtual-clock.js';

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const START = Date.UTC(2026, 2, 10, 12);
const ALERTS_PATH = '/data/alerts.json';

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

interface Setup {
  readonly stored?: boolean;
  readonly alerts?: readonly AlertRule[];
  readonly privacy?: boolean;
  readonly fs?: MemoryFileSystem;
  readonly clock?: VirtualClock;
  /** Fail every request for this currency (an alert currency's side request). */
  readonly failCurrency?: string;
  /** A real folder instead of the in-memory one. */
  readonly dir?: string;
}

async function setup(options: Setup = {}) {
  const clock = options.clock ?? new VirtualClock(START);
  const simulator = createGateSimulator({ keys: [{ key: KEY, secret: SECRET }], clock });
  const fs = options.fs ?? new MemoryFileSystem();
  if (options.alerts && options.dir === undefined && !fs.files.has('/data/prefs.json')) {
    fs.files.set('/data/prefs.json', JSON.stringify({ alerts: options.alerts, privacy: options.privacy ?? false }));
  }
  const inner = createInProcessTransport(simulator);
  let failed = 0;
  const transport: Transport = async (request) => {
    if (options.failCurrency !== undefined && request.url.includes(`currency=${options.failCurrency}`)) failed += 1;
    if (options.failCurrency !== undefined && request.url.includes(`currency=${options.failCurrency}`))
      return { ok: false, failure: { kind: 'network', message: 'connection reset' } };
    return inner(request);
  };
  const notes: { title: string; body: string }[] = [];
  const app = await GlanceApp.create({
    secretStore: new InMemorySecretStore(options.stored === false ? null : { key: KEY, secret: SECRET }),
    transportForAccount: transport,
    baseUrl: 'https://sim.invalid/api/v4',
    clock,
    ...(options.dir !== undefined ? { dataDir: options.dir } : { dataDir: '/data', fs }),
    shell: {
      openExternal: async () => undefined,
      chooseCsvPath: async () => null,
      setLaunchAtLogin: async (): Promise<Result<null>> => ok(null),
      notify: (n) => notes.push({ title: n.title, body: n.body }),
    },
    random: () => 0,
    log: () => undefined,
  });
  apps.push(app);
  const settle = async () => {
    await app.whenIdle();
    await clock.flush();
    return app.whenIdle();
  };
  const requests = (currency: string) =>
    simulator.log.filter((e) => e.path.endsWith('/wallet/total_balance') && e.query.includes(`currency=${currency}`)).length;
  return { app, clock, simulator, fs, notes, settle, requests, failed: () => failed };
}

describe('AlertService in the app', () => {
  it('an above-X alert in the shown currency notifies once per crossing, with the amounts', async () => {
    const { settle, notes, app, clock } = await setup({ alerts: [{ id: 'a', kind: 'above', currency: 'USDT', threshold: '1' }] });
    await settle();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toBe('Net worth above 1.00 USDT');
    expect(notes[0]!.body).toMatch(/^Your Gate\.io net worth went above 1\.00 USDT\. It is now [\d,]+\.\d\d USDT \(Gate's estimate\)\.$/);
    await clock.advance(5 * 60_000);
    await app.refresh();
    await settle();
    expect(notes).toHaveLength(1);
  });

  it('the fired state is a private file that survives a restart: no second notification for the same crossing', async () => {
    const fs = new MemoryFileSystem();
    const clock = new VirtualClock(START);
    const alerts: AlertRule[] = [{ id: 'a', kind: 'above', currency: 'USDT', threshold: '1' }];
    const first = await setup({ fs, clock, alerts });
    await first.settle();
    expect(first.notes).toHaveLength(1);
    const saved = JSON.parse(fs.files.get(ALERTS_PATH)!) as { memory: Record<string, { armed: boolean; firedAt: number }> };
    expect(saved.memory['a']).toEqual({ armed: false, firedAt: START });
    first.app.dispose();
    const second = await setup({ fs, clock, alerts });
    await second.settle();
    expect(second.notes).toEqual([]);
    // A damaged file starts every alert armed again, and says nothing else.
    fs.files.set(ALERTS_PATH, '{"version":1,"memory":');
    const third = await setup({ fs, clock, alerts });
    await third.settle();
    expect(third.notes).toHaveLength(1);
  });

  it('rules with ids like __proto__ and constructor keep their fired state in the file and across a restart', async () => {
    const fs = new MemoryFileSystem();
    const clock = new VirtualClock(START);
    const alerts: AlertRule[] = ['__proto__', 'constructor', 'toString'].map((id) => ({
      id,
      kind: 'above',
      currency: 'USDT',
      threshold: '1',
    }));
    const first = await setup({ fs, clock, alerts });
    await first.settle();
    expect(first.notes).toHaveLength(3);
    await clock.advance(5 * 60_000);
    await first.app.refresh();
    await first.settle();
    expect(first.notes).toHaveLength(3);
    const saved = JSON.parse(fs.files.get(ALERTS_PATH)!) as { memory: Record<string, unknown> };
    expect(Object.keys(saved.memory).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    first.app.dispose();
    const second = await setup({ fs, clock, alerts });
    await second.settle();
    expect(second.notes).toEqual([]);
  });

  it('an alert in another currency fetches that currency on the side, at most once a minute, and is judged on it', async () => {
    const { settle, notes, app, clock, requests } = await setup({
      alerts: [{ id: 'b', kind: 'above', currency: 'BTC', threshold: '0.00000001' }],
    });
    await settle();
    expect(app.getState().currency).toBe('USDT');
    expect(requests('BTC')).toBe(1);
    expect(notes.map((n) => n.title)).toEqual(['Net worth above 0.00000001 BTC']);
    // Two refreshes within the minute: the shown currency twice more, BTC not again.
    await clock.advance(20_000);
    await app.refresh();
    await clock.advance(20_000);
    await app.refresh();
    await settle();
    expect(requests('USDT')).toBeGreaterThanOrEqual(2);
    expect(requests('BTC')).toBe(1);
    await clock.advance(30_000);
    await app.refresh();
    await settle();
    expect(requests('BTC')).toBe(2);
  });

  it('a failing side request is never "cannot read your account"', async () => {
    const { settle, notes, clock, app, requests, failed } = await setup({
      failCurrency: 'BTC',
      alerts: [
        { id: 'b', kind: 'below', currency: 'BTC', threshold: '1000000' },
        { id: 'u', kind: 'unreadable', staleMinutes: 10 },
      ],
    });
    await settle();
    for (let i = 0; i < 4; i += 1) {
      await clock.advance(5 * 60_000);
      await app.refresh();
      await settle();
    }
    expect(requests('USDT')).toBeGreaterThanOrEqual(5);
    // Asked after refreshes (the schedule's each minute and the manual ones), at most once a minute over the 20 minutes, each failing.
    expect(failed()).toBeGreaterThanOrEqual(5);
    expect(failed()).toBeLessThanOrEqual(21);
    expect(app.getState().status).toBe('live');
    expect(notes).toEqual([]);
  });

  it('cannot read: a key Gate refuses fires once, with what to do', async () => {
    const { settle, notes, simulator, app, clock } = await setup({ alerts: [{ id: 'u', kind: 'unreadable', staleMinutes: 30 }] });
    await settle();
    expect(notes).toEqual([]);
    simulator.setKeys([]);
    await clock.advance(2 * 60_000);
    await app.refresh();
    await settle();
    expect(app.getState().error?.code).toBe('INVALID_KEY');
    expect(notes).toEqual([
      {
        title: 'Gate Glance cannot read your account any more',
        body: 'Gate refuses the API key (wrong key, or its wallet permission was removed). Open Gate Glance to fix the key.',
      },
    ]);
    await app.refresh();
    await settle();
    expect(notes).toHaveLength(1);
  });

  it('on disk, alerts.json is private (0600)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'glance-alerts-'));
    try {
      await writeFile(join(dir, 'prefs.json'), JSON.stringify({ alerts: [{ id: 'a', kind: 'above', currency: 'USDT', threshold: '1' }] }), {
        mode: 0o600,
      });
      const { settle, notes } = await setup({ dir });
      await settle();
      expect(notes).toHaveLength(1);
      expect((await stat(join(dir, 'alerts.json'))).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(join(dir, 'alerts.json'), 'utf8'))).toMatchObject({ version: 1, memory: { a: { armed: false } } });
    } finally {
      for (const app of apps.splice(0)) app.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('privacy mode: the notification carries no amount', async () => {
    const { settle, notes } = await setup({ privacy: true, alerts: [{ id: 'a', kind: 'above', currency: 'USDT', threshold: '1' }] });
    await settle();
    expect(notes).toEqual([
      { title: 'Net worth above the threshold you set', body: 'Your Gate.io net worth went above the threshold you set.' },
    ]);
  });

  it('demo mode raises none and asks nothing on the side', async () => {
    const { settle, notes, app, requests } = await setup({
      stored: false,
      alerts: [
        { id: 'a', kind: 'above', currency: 'USDT', threshold: '1' },
        { id: 'b', kind: 'above', currency: 'BTC', threshold: '0.00000001' },
      ],
    });
    const state = await settle();
    expect([state.demo, state.status]).toEqual([true, 'live']);
    expect(notes).toEqual([]);
    expect(requests('BTC') + requests('USDT')).toBe(0);
    await app.refresh();
    await settle();
    expect(notes).toEqual([]);
  });

  it("speaks the state's language", async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(
      '/data/prefs.json',
      JSON.stringify({ locale: 'zh-CN', alerts: [{ id: 'a', kind: 'above', currency: 'USDT', threshold: '1' }] }),
    );
    const { settle, notes } = await setup({ fs });
    await settle();
    expect(notes[0]!.title).toBe('净资产高于 1.00 USDT');
  });
});
