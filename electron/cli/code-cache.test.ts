/**
 * bin/code-cache.cjs, in real Node processes (it hooks CommonJS compilation process-wide): a
 * training run keeps V8's bytecode per exact source, later runs hand it back, and nothing stale,
 * corrupt or from another source is ever used in place of compiling.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/testing/project-root.js';

const LOADER = join(PROJECT_ROOT, 'bin', 'code-cache.cjs');

interface Run {
  readonly out: string;
  readonly report: ReadonlyArray<{ file: string; used: boolean }>;
}

let dir = '';
let root = '';
let cacheDir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glance-code-cache-'));
  root = join(dir, 'out');
  cacheDir = join(root, 'code-cache');
  mkdirSync(join(root, 'chunks'), { recursive: true });
  writeFileSync(join(root, 'main.cjs'), "const { answer } = require('./chunks/part.cjs');\nexports.main = () => answer(41);\n");
  writeFileSync(join(root, 'chunks', 'part.cjs'), 'exports.answer = (n) => n + 1;\n');
  // Outside `root`: compiled the usual way, never cached.
  writeFileSync(join(dir, 'outside.cjs'), 'exports.x = 1;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(write: boolean): Run {
  const script = `
    const { requireWithCodeCache } = require(${JSON.stringify(LOADER)});
    const r = requireWithCodeCache(${JSON.stringify(join(root, 'main.cjs'))}, { root: ${JSON.stringify(root)}, cacheDir: ${JSON.stringify(cacheDir)}, write: ${write} });
    require(${JSON.stringify(join(dir, 'outside.cjs'))});
    process.stdout.write(JSON.stringify({ out: String(r.exports.main()), report: r.report }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 15_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Run;
}

const used = (run: Run): Record<string, boolean> => Object.fromEntries(run.report.map((f) => [f.file, f.used]));

describe('requireWithCodeCache', () => {
  it('compiles as usual without a cache, keeps one per module when training, then uses it', () => {
    expect(load(false)).toEqual({
      out: '42',
      report: [
        { file: 'main.cjs', used: false },
        { file: join('chunks', 'part.cjs'), used: false },
      ],
    });
    expect(load(true).out).toBe('42');
    expect(readdirSync(cacheDir).sort()).toEqual([
      expect.stringMatching(/^main\.cjs\.[0-9a-f]{32}\.v8$/),
      expect.stringMatching(/^part\.cjs\.[0-9a-f]{32}\.v8$/),
    ]);
    const run = load(false);
    expect(run.out).toBe('42');
    expect(used(run)).toEqual({ 'main.cjs': true, [join('chunks', 'part.cjs')]: true });
  });

  it('never uses the cache of another source, even one of the same length (V8 checks only the length)', () => {
    load(true);
    writeFileSync(join(root, 'chunks', 'part.cjs'), 'exports.answer = (n) => n - 1;\n');
    const run = load(false);
    expect(run.out).toBe('40');
    expect(used(run)).toEqual({ 'main.cjs': true, [join('chunks', 'part.cjs')]: false });
  });

  it('compiles as usual when a cache file is corrupt', () => {
    load(true);
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), Buffer.alloc(readFileSync(join(cacheDir, f)).length, 7));
    const run = load(false);
    expect(run.out).toBe('42');
    expect(used(run)).toEqual({ 'main.cjs': false, [join('chunks', 'part.cjs')]: false });
  });

  it('a training run removes the caches of earlier sources', () => {
    load(true);
    const before = readdirSync(cacheDir).find((f) => f.startsWith('part.cjs.'));
    writeFileSync(join(root, 'chunks', 'part.cjs'), 'exports.answer = (n) => n * 2;\n');
    expect(load(true).out).toBe('82');
    const after = readdirSync(cacheDir);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before);
    expect(used(load(false))).toEqual({ 'main.cjs': true, [join('chunks', 'part.cjs')]: true });
  });
});
