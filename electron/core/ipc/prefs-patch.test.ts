/**
 * `prefs:set` over IPC accepts exactly what the preferences store accepts: the IPC schema is
 * derived from the store's one definition, so no field can go missing from the IPC path.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import type { Preferences } from '../../../shared/prefs.js';
import { PrefsStore } from '../prefs/prefs-store.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { parseChannelArgs } from './schemas.js';

/** A valid value per field, other than the default where the field allows one. */
const CHANGED: { readonly [K in keyof Preferences]: Preferences[K] } = {
  currency: 'BTC',
  refreshIntervalSec: 300,
  privacy: true,
  smallSliceThresholdPercent: 2,
  launchAtLogin: true,
  locale: 'zh-CN',
  trayPanel: 'dark',
  changeColours: 'red-up',
  trayShowsChange: true,
  alerts: [{ id: 'a1', kind: 'above', currency: 'USDT', threshold: '100' }],
  globalShortcut: 'CommandOrControl+Alt+G',
  checkForUpdates: false,
  downloadUpdatesAutomatically: true,
  gateAccounts: [{ profile: 'family', alias: 'Family', includeSubAccounts: true, excludedSubAccounts: ['1234567'] }],
  traySource: 'sub:default:1234567',
};

describe('prefs:set and the preferences store: one schema', () => {
  it('every preference (each key of the defaults) is accepted over IPC, alone, and saved by the store', async () => {
    const store = new PrefsStore({ dir: '/data', fs: new MemoryFileSystem() });
    for (const key of Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>) {
      const patch = { [key]: CHANGED[key] };
      const parsed = parseChannelArgs('prefs:set', [patch]);
      expect(parsed, key).toEqual({ ok: true, args: [patch] });
      const saved = await store.update(patch);
      expect(saved.ok && saved.value[key], key).toEqual(CHANGED[key]);
    }
  });

  it('what the store refuses, IPC refuses too (unknown fields, out-of-range values)', () => {
    for (const patch of [{ colour: 'red' }, { refreshIntervalSec: 30 }, { currency: 'EUR' }, { privacy: 'yes' }, { alerts: 'none' }]) {
      expect(parseChannelArgs('prefs:set', [patch]).ok, JSON.stringify(patch)).toBe(false);
    }
  });
});
