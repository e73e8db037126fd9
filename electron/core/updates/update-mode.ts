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

/**
 * The page of a version's release, from the feed electron-builder wrote into `app-update.yml`: a
 * GitHub release of its owner and repository, or the generic feed's folder. Null when unknown.
 */
export function releasePageFor(appUpdateYml: string | null, version: string): string | null {
  if (appUpdateYml === null) return null;
  const field = (name: string) => new RegExp(`^${name}:\\s*['"]?([^'"\\s]+)['"]?\\s*$`, 'm').exec(appUpdateYml)?.[1] ?? null;
  const provider = field('provider');
  if (provider === 'github') {
    const owner = field('owner');
    const repo = field('repo');
    if (owner === null || repo === null || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(repo)) return null;
    return `https://github.com/${owner}/${repo}/releases/tag/v${encodeURIComponent(version)}`;
  }
  const url = field('url');
  return provider === 'generic' && url !== null && url.startsWith('https://') ? url : null;
}

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
