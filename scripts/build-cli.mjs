#!/usr/bin/env node
// `npm run build:cli` (also run by `prepare`): bundles the CLI and the simulator into plain
// CommonJS under out/cli/, so `node bin/gate-glance.cjs` and `npm run simulator` need no
// TypeScript loader. One bundle per entry keeps a cold start to a single file read; keytar
// (native) stays external and is only required when the keychain is actually consulted.
// `--out-dir DIR` builds elsewhere (tests that must not race another build of out/cli).
// Last, one training run of `balance --short` against the simulator keeps V8's code cache
// (bin/code-cache.cjs); without it the CLI works as before, only compiling on every start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
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

const trained = await trainCodeCache();
console.log(`built ${outDir} (gate-glance ${version}${trained ? '' : ', no code cache'})`);

/**
 * Runs `balance --short` twice against the simulator (the second run finds the first one's
 * point, so the 24-hour change's code runs too) and keeps the second run's code cache.
 * Answers false, with the reason on stderr and no cache left behind, when it cannot.
 */
async function trainCodeCache() {
  const cacheDir = join(outDir, 'code-cache');
  const key = { key: 'build-training-key', secret: 'build-training-secret' };
  const work = mkdtempSync(join(tmpdir(), 'glance-build-cache-'));
  const load = (write) =>
    `require(${JSON.stringify(join(root, 'bin', 'code-cache.cjs'))}).requireWithCodeCache(${JSON.stringify(join(outDir, 'gate-glance.cjs'))}, ` +
    `{ root: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)}, write: ${write} }).exports.main(process.argv.slice(1))`;
  const simulator = spawn(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(join(outDir, 'simulator.cjs'))}).main(process.argv.slice(1))`,
      '--',
      '--port',
      '0',
      '--key',
      key.key,
      '--secret',
      key.secret,
      '--exit-on-stdin-close',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise((resolve, reject) => {
      let text = '';
      simulator.stdout.on('data', (c) => {
        text += c.toString('utf8');
        const m = /^listening on (\S+)\n/.exec(text);
        if (m) resolve(m[1]);
      });
      simulator.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
      setTimeout(() => reject(new Error('the simulator did not start within 10 s')), 10_000).unref();
    });
    const env = {
      PATH: process.env.PATH ?? '',
      LANG: 'C.UTF-8',
      GATE_API_KEY: key.key,
      GATE_API_SECRET: key.secret,
      GATE_GLANCE_DATA_DIR: join(work, 'data'),
    };
    for (const write of [false, true]) {
      const r = spawnSync(process.execPath, ['-e', load(write), '--', 'balance', '--short', '--base-url', `${url}/api/v4`], {
        env,
        encoding: 'utf8',
        timeout: 20_000,
      });
      if (r.status !== 0) throw new Error(`the training run failed (${r.status}): ${r.stderr.trim().slice(0, 300)}`);
    }
    return true;
  } catch (error) {
    rmSync(cacheDir, { recursive: true, force: true });
    process.stderr.write(
      `build:cli: no code cache (${error instanceof Error ? error.message : String(error)}); the CLI compiles on each start.\n`,
    );
    return false;
  } finally {
    simulator.stdin.end();
    simulator.kill();
    rmSync(work, { recursive: true, force: true });
  }
}
