#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in its own Node process (so each measures a
// clean heap and a cold start) and prints figures and ratios against baselines measured in
// the same run. Benchmarks print; they never assert — targets are read by people and CI logs.
//
// Bench files are TypeScript importing the real core; we bundle each with rolldown (already
// Vite's engine) into .test-results/bench/ and run it with `node --expose-gc`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.test-results', 'bench');
mkdirSync(outDir, { recursive: true });

const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'keytar',
  'gate-api',
  'playwright',
  'playwright-core',
  '@playwright/test',
  'rolldown',
  'vite',
];

let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  const bundle = await rolldown({ input: join(root, 'bench', file), platform: 'node', external, logLevel: 'warn' });
  const outFile = join(outDir, `${name}.mjs`);
  await bundle.write({ file: outFile, format: 'esm' });
  await bundle.close();
  console.log(`\n## ${name}`);
  const r = spawnSync(process.execPath, ['--expose-gc', outFile], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GLANCE_ROOT: root },
  });
  if (r.status !== 0) {
    failed += 1;
    console.log(`(bench ${name} exited with ${r.status ?? r.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
