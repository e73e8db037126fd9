#!/usr/bin/env node
// `npm start`: build the app and run it in Electron. The electron package fetches its binary
// lazily; where that cannot work (offline, no GitHub) we say so in one sentence and point at
// the CLI demo, which runs the same core without Electron.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let found = findElectronBinary(root);
if (found.path === null && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    stdio: ['ignore', 'ignore', 'ignore'],
    timeout: 120_000,
  });
  found = findElectronBinary(root);
}
if (found.path === null) {
  console.error(
    `Gate Glance cannot start because ${found.reason} and it could not be downloaded here; ` +
      'run "npm run cli -- balance --demo" to see the same core in your terminal, or "node node_modules/electron/install.js" once you are online.',
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', '--silent', 'build:app'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Chromium refuses to run as root without --no-sandbox; only then do we pass it.
const args = ['.'];
if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
const child = spawn(found.path, args, { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
