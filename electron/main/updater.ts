/**
 * The app's updater: electron-updater's own `autoUpdater` (it picks NSIS, Squirrel.Mac, AppImage,
 * deb or rpm by platform and `resources/package-type`), handed to core's UpdateService, which
 * decides everything else. The feed comes from `resources/app-update.yml`, written by
 * electron-builder from electron-builder.yml's `publish`; an unpackaged test build may name a file
 * of the same form instead (`devConfigPath`), which is how the built-main test points it at a feed
 * on 127.0.0.1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';
import type { InstallFacts } from '../core/updates/update-mode.js';
import { updateModeFor } from '../core/updates/update-mode.js';
import type { Clock } from '../core/clock.js';
import type { Updater } from '../core/updates/update-service.js';
import { UpdateService } from '../core/updates/update-service.js';
import { releasePageFor } from '../core/updates/update-mode.js';
import type { UpdateMode } from '../../shared/updates.js';

interface AppUpdaterPlan {
  readonly mode: UpdateMode;
  readonly updater: Updater | null;
}

/** What main reads of this install (electron-builder's files, the AppImage runtime's variable, the build's metadata). */
function installFacts(options: {
  readonly platform: NodeJS.Platform;
  readonly packaged: boolean;
  readonly resourcesPath: string;
  readonly env: NodeJS.ProcessEnv;
  /** package.json as packed: the release workflow adds `glanceMacSigned: true` when it signs with an identity. */
  readonly packageJson: { readonly glanceMacSigned?: unknown };
}): InstallFacts {
  const packageTypeFile = options.packaged ? join(options.resourcesPath, 'package-type') : null;
  return {
    platform: options.platform,
    packaged: options.packaged,
    appImage: options.env['APPIMAGE'],
    packageType: packageTypeFile !== null && existsSync(packageTypeFile) ? readFileSync(packageTypeFile, 'utf8').trim() : null,
    // electron-builder's -c.extraMetadata passes the value through yargs, which may keep it a string.
    macSigned: options.packageJson.glanceMacSigned === true || options.packageJson.glanceMacSigned === 'true',
  };
}

function createAppUpdater(facts: InstallFacts, devConfigPath: string | undefined): AppUpdaterPlan {
  const mode = devConfigPath ? 'self' : updateModeFor(facts);
  if (mode === 'none') return { mode, updater: null };
  const { autoUpdater } = electronUpdater;
  // Its own log quotes URLs and file paths; ours (UpdateService) says versions and failure codes only.
  autoUpdater.logger = null;
  // electron-updater sends a random id kept in userData (`.updaterId`) with every check, for staged
  // rollouts we do not use: a stable identifier is more than "the version and platform", so it goes blank.
  autoUpdater.requestHeaders = { 'x-user-staging-id': '' };
  if (devConfigPath) {
    autoUpdater.forceDevUpdateConfig = true;
    autoUpdater.updateConfigPath = devConfigPath;
  }
  return { mode, updater: autoUpdater };
}

/** The feed's configuration: a test build's own file, else electron-builder's `resources/app-update.yml`; null where there is none. */
function readAppUpdateYml(resourcesPath: string, packaged: boolean, devConfigPath: string | undefined): string | null {
  const file = devConfigPath ?? (packaged ? join(resourcesPath, 'app-update.yml') : null);
  return file !== null && existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** What main knows of this install, read once at start. */
export interface AppUpdatesOptions {
  readonly platform: NodeJS.Platform;
  readonly packaged: boolean;
  readonly resourcesPath: string;
  readonly env: NodeJS.ProcessEnv;
  /** The folder holding the app's package.json (`app.getAppPath()`). */
  readonly appPath: string;
  readonly version: string;
  /** An unpackaged test build's own feed configuration (GLANCE_UPDATE_CONFIG); undefined otherwise. */
  readonly devConfigPath: string | undefined;
  readonly clock: Clock;
  readonly log: (message: string) => void;
}

/** The app's UpdateService over electron-updater, as this install allows (self, notify or none). */
export function createAppUpdates(options: AppUpdatesOptions): UpdateService {
  const facts = installFacts({
    platform: options.platform,
    packaged: options.packaged,
    resourcesPath: options.resourcesPath,
    env: options.env,
    packageJson: JSON.parse(readFileSync(join(options.appPath, 'package.json'), 'utf8')) as { glanceMacSigned?: unknown },
  });
  const appUpdateYml = readAppUpdateYml(options.resourcesPath, options.packaged, options.devConfigPath);
  return new UpdateService({
    ...createAppUpdater(facts, options.devConfigPath),
    currentVersion: options.version,
    releaseUrl: (version) => releasePageFor(appUpdateYml, version),
    clock: options.clock,
    log: options.log,
  });
}
