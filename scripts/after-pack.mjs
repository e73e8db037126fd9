// electron-builder's afterPack hook (electron-builder.yml `afterPack`): a package must never
// ship without keytar. keytar is an optional dependency so `npm install` works on machines
// without libsecret's headers; on such a machine the module is silently left out, and a
// package built there would start but could never store a key. So this fails the build when
// the unpacked native module is missing or empty.
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Where asarUnpack puts keytar's binary, relative to the app's resources folder. */
const KEYTAR_NODE = join('app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');

/**
 * Finds keytar.node in a packed app folder (any layout: `resources/` on Linux and Windows,
 * `<Name>.app/Contents/Resources/` on macOS). Returns the paths found, non-empty files only.
 * @param {string} appOutDir
 * @returns {string[]}
 */
export function findKeytarNode(appOutDir) {
  const found = [];
  const walk = (dir, depth) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 12) walk(path, depth + 1);
      else if (entry.isFile() && entry.name === 'keytar.node' && path.endsWith(sep + KEYTAR_NODE) && statSync(path).size > 0)
        found.push(path);
    }
  };
  walk(appOutDir, 0);
  return found;
}

/**
 * The hook: throws (electron-builder then fails the build) when keytar.node is not in the package.
 * @param {{ appOutDir: string, electronPlatformName?: string }} context
 */
export async function afterPack(context) {
  if (findKeytarNode(context.appOutDir).length > 0) return;
  throw new Error(
    `Gate Glance's package has no keytar native module (${KEYTAR_NODE}) under ${context.appOutDir}: ` +
      "it would start but could never store an API key. Install libsecret's headers (Debian/Ubuntu: libsecret-1-dev and pkg-config; Fedora: libsecret-devel), " +
      'run "npm rebuild keytar", check that node_modules/keytar/build/Release/keytar.node exists, then package again.',
  );
}
