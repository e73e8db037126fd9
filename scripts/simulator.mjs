#!/usr/bin/env node
// `npm run --silent simulator -- --port 0 --key K --secret S`: the Gate simulator on
// 127.0.0.1. First line: `listening on http://127.0.0.1:PORT`; serves until killed.
// Runs the bundle built by scripts/build-cli.mjs (building it first if it is missing).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'simulator.cjs');
if (!existsSync(bundle)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write('could not build the simulator: run `npm run build:cli` and read its errors.\n');
    process.exit(1);
  }
}
const require = createRequire(import.meta.url);
await require(bundle).main(process.argv.slice(2));
