#!/usr/bin/env node
// The `gate-glance` command: loads the bundle built by `npm run build:cli` (plain CommonJS, no
// TypeScript loader) and runs it. Kept tiny on purpose: the bundle carries everything, and
// code-cache.cjs hands V8 the bytecode the build kept so a cold start skips compiling it.
'use strict';
const path = require('node:path');
const { requireWithCodeCache } = require('./code-cache.cjs');

const root = path.join(__dirname, '..', 'out', 'cli');
const bundle = path.join(root, 'gate-glance.cjs');
let cli;
try {
  // Reads the cache only: the build's training run (scripts/build-cli.mjs) is what writes it.
  cli = requireWithCodeCache(bundle, { root, cacheDir: path.join(root, 'code-cache') }).exports;
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(bundle)) {
    process.stderr.write(`gate-glance is not built yet: run \`npm run build:cli\` in ${path.join(__dirname, '..')}.\n`);
    process.exit(1);
  }
  throw error;
}
cli.main(process.argv.slice(2));
