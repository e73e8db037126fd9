// `history:get` with `series: 'combined'` through the app's IPC router: the combined net worth's
// own file answers it (its line broken where the counted sources changed); without `series`, the
// account's history answers as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors.js';
import { ok } from '../../../shared/errors.js';
import type { HistoryView } from '../../../shared/history.js';
import { historyFileName } from '../balance/history-store.js';
import { glanceHandlers } from '../ipc/handlers.js';
import { createIpcRouter } from '../ipc/router.js';
import { APP_ENTRY_URL, APP_ORIGIN } from '../ipc/sender.js';
import { combinedHistoryFileName, formatCombinedLine } from '../portfolio/combined-history.js';
import { InMemorySecretStore } from '../secrets/in-memory-store.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { GlanceApp } from './glance-app.js';

const BASE_URL = 'https://sim.invalid/api/v4';
const sender = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 1 };
const NOW = Date.UTC(2026, 11, 7, 4);
const MIN = 60_000;

const apps: GlanceApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

describe('GlanceApp history:get of the combined series', () => {
  it("answers from the combined file, breaking where the sources changed, and leaves the account's series as it was", async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(`/data/${historyFileName(BASE_URL)}`, `{"at":${NOW - 5 * MIN},"currency":"USDT","total":"7"}\n`);
    fs.files.set(
      `/data/${combinedHistoryFileName(BASE_URL)}`,
      [
        { at: NOW - 3 * MIN, total: '100', sources: 'aaaaaaaaaaaaaaaa' },
        { at: NOW - 2 * MIN, total: '101', sources: 'aaaaaaaaaaaaaaaa' },
        { at: NOW - MIN, total: '151', sources: 'bbbbbbbbbbbbbbbb' },
      ]
        .map((p) => formatCombinedLine({ ...p, currency: 'USDT' }))
        .join(''),
    );
    const app = await GlanceApp.create({
      secretStore: new InMemorySecretStore(null),
      transportForAccount: () => Promise.reject(new Error('offline')),
      baseUrl: BASE_URL,
      clock: new VirtualClock(NOW),
      dataDir: '/data',
      fs,
      shell: {
        openExternal: vi.fn(),
        chooseCsvPath: vi.fn(),
        setLaunchAtLogin: vi.fn(async (): Promise<Result<null>> => ok(null)),
        notify: vi.fn(),
      },
      random: () => 0,
      log: vi.fn(),
    });
    apps.push(app);
    const router = createIpcRouter(glanceHandlers(app, { hide: vi.fn() }), {
      trust: { trustedIds: new Set([1]), appOrigin: APP_ORIGIN },
      log: () => {},
    });
    const get = async (query: object): Promise<HistoryView> => {
      const result = (await router.dispatch('history:get', [query], sender)) as Result<HistoryView>;
      if (!result.ok) throw new Error(result.error.code);
      return result.value;
    };
    const combined = await get({ currency: 'USDT', range: '24h', series: 'combined' });
    expect(combined.points).toEqual([
      { at: NOW - 3 * MIN, currency: 'USDT', total: '100' },
      { at: NOW - 2 * MIN, currency: 'USDT', total: '101' },
      { at: NOW - MIN, currency: 'USDT', total: '151' },
    ]);
    expect(combined.gaps).toEqual([2]);
    for (const query of [
      { currency: 'USDT', range: '24h' },
      { currency: 'USDT', range: '24h', series: 'account' },
    ]) {
      expect((await get(query)).points).toEqual([{ at: NOW - 5 * MIN, currency: 'USDT', total: '7' }]);
    }
  });
});
