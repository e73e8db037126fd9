#!/usr/bin/env node
// `npm run build:cli` (also run by `prepare`): bundles the CLI and the simulator into plain
// CommonJS under out/cli/, so `node bin/gate-glance.cjs` and `npm run simulator` need no
// TypeScript loader. One bundle per entry keeps a cold start to a single file read; keytar
// (native) stays external and is only required when the keychain is actually consulted.
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'cli');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'keytar', 'electron'];

rmSync(outDir, { recursive: true, force: true });
const entries = {
  'gate-glance': join(root, 'electron', 'cli', 'entry.ts'),
  simulator: join(root, 'electron', 'cli', 'simulator-entry.ts'),
};
const bundle = await rolldown({
  input: entries,
  platform: 'node',
  external,
  logLevel: 'warn',
  transform: { define: { __GATE_GLANCE_VERSION__: JSON.stringify(version) } },
});
await bundle.write({
  dir: outDir,
  format: 'cjs',
  entryFileNames: '[name].cjs',
  chunkFileNames: 'chunks/[name]-[hash].cjs',
  minify: true,
});
await bundle.close();
console.log(`built out/cli (gate-glance ${version})`);
