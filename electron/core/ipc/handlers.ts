/**
 * The IPC handlers: one thin adapter per channel from the contract to a GlanceApp method. No
 * decisions live here; the router validates before and sanitises after.
 */
import { ok } from '../../../shared/errors.js';
import type { GlanceApp } from '../app/glance-app.js';
import type { IpcHandlers } from './router.js';

/** What the renderer may ask of its own window: main's tray-and-popover class answers it, not the app. */
export interface PopoverCommands {
  hide(): void;
}

/** Every channel of the contract, answered by `app` (and `popover` for the window's own request). */
export function glanceHandlers(app: GlanceApp, popover: PopoverCommands): IpcHandlers {
  return {
    'state:get': async () => ok(app.getState()),
    'balance:refresh': async () => {
      await app.refresh();
      return ok(null);
    },
    'currency:set': async (currency) => {
      const r = await app.setCurrency(currency);
      return r.ok ? ok(null) : r;
    },
    'credentials:save': (input) => app.saveCredentials(input),
    'credentials:clear': (input) => app.clearCredentials(input),
    'demo:start': async () => {
      await app.startDemo();
      return ok(null);
    },
    'prefs:set': (patch) => app.setPrefs(patch),
    'history:get': (query) => app.getHistory(query),
    'history:export-csv': () => app.exportHistoryCsv(),
    'holdings:get': (request) => app.getHoldings(request),
    'window:hide': async () => {
      popover.hide();
      return ok(null);
    },
    'external:open-key-page': () => app.openKeyPage(),
    'diagnostics:get': () => app.getDiagnostics(),
    'update:check': async () => {
      await app.checkForUpdates();
      return ok(null);
    },
    'update:download': async () => {
      await app.downloadUpdate();
      return ok(null);
    },
    'update:restart': async () => app.restartToUpdate(),
    'update:open-release': () => app.openReleasePage(),
    'key-health:check': async () => ok(await app.checkKeyHealth()),
    'login-item:open-settings': () => app.openLoginItemSettings(),
    'accounts:add': (input) => app.addGateAccount(input),
    'accounts:remove': (profile) => app.removeGateAccount(profile),
    'accounts:set': (patch) => app.setGateAccount(patch),
  };
}
