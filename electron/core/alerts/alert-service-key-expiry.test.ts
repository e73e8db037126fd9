/** AlertService and the key's estimated expiry: one notification at 14, 7 and 1 days, kept in alerts.json across restarts, none in demo mode. */
import { describe, expect, it } from 'vitest';
import type { KeyHealth } from '../../../shared/key-health.js';
import { widgetState } from '../../../shared/testing/widget-state.js';
import type { AlertText } from '../../../shared/present/alert-words.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { AlertService } from './alert-service.js';

const DAY = 86_400_000;
const EXPIRES = Date.UTC(2027, 1, 24, 12);

function health(): KeyHealth {
  return { checkedAt: 0, readOnly: true, writePermissions: [], ipBound: false, expiresAt: EXPIRES, state: 'normal', warnings: [] };
}

function stateAt(options: { demo?: boolean; privacy?: boolean; language?: 'en' | 'zh-TW' } = {}) {
  return widgetState({
    demo: options.demo ?? false,
    credentials: { stored: true, keyHint: '…a1b2', keychainError: null, checking: false },
    keyHealth: { health: health(), checking: false, error: null },
    prefs: { ...widgetState().prefs, privacy: options.privacy ?? false },
    locale: { language: options.language ?? 'en', formatLocale: undefined },
  });
}

async function service(clock: VirtualClock, fs: MemoryFileSystem, sent: AlertText[]) {
  const alerts = new AlertService({
    clock,
    dataDir: '/data',
    fs,
    fetchTotal: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', params: {}, detail: null } }),
    changes: { append: () => Promise.resolve(), knownChange: () => undefined },
    notify: (text) => sent.push(text),
    log: () => {},
  });
  await alerts.load();
  return alerts;
}

describe('AlertService: the key expiry', () => {
  it('notifies at 14, 7 and 1 days, once each, and a restart does not repeat one', async () => {
    const clock = new VirtualClock(EXPIRES - 20 * DAY);
    const fs = new MemoryFileSystem();
    const sent: AlertText[] = [];
    let alerts = await service(clock, fs, sent);
    for (let day = 20; day >= 0; day -= 1) {
      if (day === 5) {
        await alerts.whenIdle();
        alerts.dispose();
        alerts = await service(clock, fs, sent);
      }
      alerts.observe(stateAt({ privacy: true }));
      alerts.observe(stateAt({ privacy: true }));
      await clock.advance(DAY);
    }
    await alerts.whenIdle();
    expect(sent.map((t) => t.title)).toEqual([
      'Your Gate API key expires in about 14 days',
      'Your Gate API key expires in about 7 days',
      'Your Gate API key expires in about 1 day',
    ]);
    expect(sent[0]!.body).toBe(
      'Keys without an IP whitelist stop working after about 90 days, around Feb 24, 2027 for this one. Bind your IP address to it or create a new key on Gate, then use Replace key.',
    );
  });

  it('says nothing in demo mode, and speaks the state’s language', async () => {
    const clock = new VirtualClock(EXPIRES - 3 * DAY);
    const sent: AlertText[] = [];
    const alerts = await service(clock, new MemoryFileSystem(), sent);
    alerts.observe(stateAt({ demo: true }));
    expect(sent).toEqual([]);
    alerts.observe(stateAt({ language: 'zh-TW' }));
    expect(sent.map((t) => t.title)).toEqual(['你的 Gate API 金鑰大約 3 天後失效']);
  });
});
