#!/usr/bin/env node
// The `gate-glance` command: loads the bundle built by `npm run build:cli` (plain CommonJS, no
// TypeScript loader) and runs it. Kept tiny on purpose: the bundle carries everything.
'use strict';
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'out', 'cli', 'gate-glance.cjs');
let cli;
try {
  cli = require(bundle);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(bundle)) {
    process.stderr.write(`gate-glance is not built yet: run \`npm run build:cli\` in ${path.join(__dirname, '..')}.\n`);
    process.exit(1);
  }
  throw error;
}
cli.main(process.argv.slice(2));
