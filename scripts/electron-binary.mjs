// Finds the Electron executable WITHOUT require('electron'): since Electron 36ish that call
// downloads the binary on first use, which hangs or fails on machines without GitHub access.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The absolute path of the Electron binary, or null with the reason it is missing.
 * Honours ELECTRON_OVERRIDE_DIST_PATH the way the electron package does.
 * @returns {{ path: string, reason: null } | { path: null, reason: string }}
 */
export function findElectronBinary(root = projectRoot) {
  const pkgDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkgDir, 'package.json'))) {
    return { path: null, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(candidate)
      ? { path: candidate, reason: null }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at ${candidate}` };
  }
  if (relative === null) {
    return { path: null, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  }
  const candidate = join(pkgDir, 'dist', relative);
  return existsSync(candidate)
    ? { path: candidate, reason: null }
    : { path: null, reason: `the Electron binary is missing at ${candidate}` };
}
