/**
 * How this install is updated (shared/updates.ts `UpdateMode`), from facts main reads once:
 * - Linux: an AppImage (`APPIMAGE` is set by its runtime) replaces itself; a deb or rpm
 *   (electron-builder writes `resources/package-type`) belongs to the package manager, which
 *   owns the files, so the app only says a new version exists and links to its release.
 * - Windows: the NSIS installer updates in place (electron-updater's NsisUpdater).
 * - macOS: Squirrel.Mac installs only an update signed by the same Developer ID; a build signed
 *   ad hoc (no identity at build time) would fail that check, so it only notifies.
 * - An unpackaged build (`npm start`) never updates.
 */
import type { UpdateMode } from '../../../shared/updates.js';

export interface InstallFacts {
  readonly platform: NodeJS.Platform;
  readonly packaged: boolean;
  /** `process.env.APPIMAGE`: the AppImage's own path while it runs. */
  readonly appImage: string | undefined;
  /** The contents of `resources/package-type` (`deb`, `rpm`, `pacman`), or null where there is none. */
  readonly packageType: string | null;
  /** macOS: the app carries a Developer ID signature (not ad hoc). */
  readonly macSigned: boolean;
}

export function updateModeFor(facts: InstallFacts): UpdateMode {
  if (!facts.packaged) return 'none';
  switch (facts.platform) {
    case 'linux':
      if (facts.appImage) return 'self';
      return facts.packageType === null ? 'none' : 'notify';
    case 'win32':
      return 'self';
    case 'darwin':
      return facts.macSigned ? 'self' : 'notify';
    default:
      return 'none';
  }
}
