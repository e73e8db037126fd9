// Loads the CLI bundle with V8's code cache: Node 20 has no built-in compile cache (that came
// in 22.1), and compiling the bundle's code on every start was a tenth of a cold `balance`.
// `npm run build:cli` runs the bundle once with `write: true` and keeps the bytecode V8 made
// during that run; every later start hands it back to V8 instead of compiling the same source.
//
// Invariants: a cache file is named after the SHA-256 of the exact source it was made from, so
// a rebuilt bundle never meets a stale cache (V8's own check looks at the source's length
// only). V8 rejects a cache from another Node version or other V8 flags by itself; a missing,
// rejected or corrupt cache only means compiling as usual. Only files under `root` are touched.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** The cache file for one module's exact source. */
function cacheFileFor(cacheDir, filename, source) {
  const digest = crypto.createHash('sha256').update(source).digest('hex').slice(0, 32);
  return path.join(cacheDir, `${path.basename(filename)}.${digest}.v8`);
}

/** Replaces a file in one step, so a reader sees the old cache or the new one, never half of one. */
function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/**
 * Requires `entry` (a file under `root`) with every CommonJS module under `root` compiled
 * through the cache in `cacheDir`. With `write`, each such module's cache is (re)written when
 * the process exits, holding all the code that ran. Answers the module's exports and a
 * per-file report (`used`: the cache was accepted) for tests.
 */
function requireWithCodeCache(entry, { root, cacheDir, write = false }) {
  const inRoot = path.resolve(root) + path.sep;
  const report = [];
  const made = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(source, filename) {
    if (!filename.startsWith(inRoot) || !filename.endsWith('.cjs')) return compile.call(this, source, filename);
    const cacheFile = cacheFileFor(cacheDir, filename, source);
    let cachedData;
    if (!write) {
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
    }
    const script = new vm.Script(Module.wrap(source), { filename, cachedData });
    report.push({ file: path.relative(root, filename), used: cachedData !== undefined && !script.cachedDataRejected });
    if (write) made.push({ script, cacheFile });
    const run = script.runInThisContext({ displayErrors: true });
    return run.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  if (write) {
    process.on('exit', () => {
      fs.mkdirSync(cacheDir, { recursive: true });
      const keep = new Set(made.map((m) => path.basename(m.cacheFile)));
      for (const { script, cacheFile } of made) writeAtomic(cacheFile, script.createCachedData());
      // Caches of earlier builds' sources can never be used again.
      for (const f of fs.readdirSync(cacheDir)) if (f.endsWith('.v8') && !keep.has(f)) fs.rmSync(path.join(cacheDir, f), { force: true });
    });
  }
  return { exports: require(entry), report };
}

module.exports = { requireWithCodeCache };
