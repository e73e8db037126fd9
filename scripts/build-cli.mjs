#!/usr/bin/env node
// `npm run build:cli` (also run by `prepare`): bundles the CLI and the simulator into plain
// CommonJS under out/cli/, so `node bin/gate-glance.cjs` and `npm run simulator` need no
// TypeScript loader. One bundle per entry keeps a cold start to a single file read; keytar
// (native) stays external and is only required when the keychain is actually consulted.
// `--out-dir DIR` builds elsewhere (tests that must not race another build of out/cli).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDirFlag = process.argv.indexOf('--out-dir');
const outDir = outDirFlag > 0 && process.argv[outDirFlag + 1] ? process.argv[outDirFlag + 1] : join(root, 'out', 'cli');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'keytar', 'electron'];

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
const { output } = await bundle.write({
  dir: outDir,
  format: 'cjs',
  entryFileNames: '[name].cjs',
  chunkFileNames: 'chunks/[name]-[hash].cjs',
  minify: true,
});
await bundle.close();
// Files are overwritten in place (a CLI process started meanwhile never sees an empty
// directory); chunks left over from an earlier build are removed afterwards.
const written = new Set(output.map((o) => o.fileName));
const chunkDir = join(outDir, 'chunks');
if (existsSync(chunkDir)) {
  for (const f of readdirSync(chunkDir)) if (!written.has(`chunks/${f}`)) rmSync(join(chunkDir, f), { force: true });
}
console.log(`built ${outDir} (gate-glance ${version})`);
