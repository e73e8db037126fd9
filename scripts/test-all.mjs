#!/usr/bin/env node
// `npm test`: every tier in order — typecheck, lint, format, build, unit + integration (Vitest, with
// the keychain tier on a private gnome-keyring), browser e2e and Electron e2e (Playwright) —
// then one closing line "N passed, N failed, N skipped" summed over all tiers.
//
// On Linux the whole run is re-executed inside `dbus-run-session` with a throw-away
// gnome-keyring (own XDG_DATA_HOME and XDG_RUNTIME_DIR), so tests use a real Secret Service
// and never touch the developer's own keychain.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.test-results');

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

if (process.platform === 'linux' && process.env.GLANCE_TEST_SESSION !== '1') {
  if (which('dbus-run-session') && which('gnome-keyring-daemon')) {
    const sandbox = mkdtempSync(join(tmpdir(), 'glance-test-keyring-'));
    mkdirSync(join(sandbox, 'data'), { recursive: true });
    mkdirSync(join(sandbox, 'run'), { recursive: true, mode: 0o700 });
    const inner = `printf '%s' "$GLANCE_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node "${join(root, 'scripts', 'test-all.mjs')}"`;
    const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
      stdio: 'inherit',
      env: {
        ...process.env,
        GLANCE_TEST_SESSION: '1',
        GLANCE_KEYRING_PASSWORD: 'glance-test-keyring',
        XDG_DATA_HOME: join(sandbox, 'data'),
        XDG_RUNTIME_DIR: join(sandbox, 'run'),
      },
    });
    rmSync(sandbox, { recursive: true, force: true });
    process.exit(run.status ?? 1);
  }
  console.log('note: dbus-run-session or gnome-keyring-daemon is missing; the keychain tests will fail (see README, "Testing").');
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

/** A tier that is one check (typecheck, lint, build): one pass or one failure. */
function check(title, cmd, args) {
  if (run(title, cmd, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    console.log(`FAILED: ${title}`);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestTier() {
  const out = join(resultsDir, 'vitest.json');
  const okRun = run('unit + integration + keychain (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const report = readJson(out);
  if (!report) {
    totals.failed += 1;
    console.log('FAILED: vitest produced no report');
    return;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (!okRun && report.numFailedTests === 0) {
    totals.failed += 1; // a suite failed to load, or an unhandled error
    console.log('FAILED: vitest exited non-zero');
  }
}

function playwrightTier(title, config, name) {
  const out = join(resultsDir, `${name}.json`);
  const okRun = run(title, bin('playwright'), ['test', '--config', config, '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const report = readJson(out);
  if (!report) {
    totals.failed += 1;
    console.log(`FAILED: ${title} produced no report`);
    return;
  }
  const s = report.stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  if (!okRun && s.unexpected === 0) {
    totals.failed += 1;
    console.log(`FAILED: ${title} exited non-zero`);
  }
}

check('typecheck (tsc -b)', bin('tsc'), ['-b']);
check('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
check('format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
check('dead code (knip: unused files, exports, dependencies)', bin('knip'), []);
const built =
  run('build (app + CLI)', 'npm', ['run', '--silent', 'build:app']) && run('build CLI', 'npm', ['run', '--silent', 'build:cli']);
if (built) totals.passed += 1;
else {
  totals.failed += 1;
  console.log('FAILED: build');
}
vitestTier();
for (const [title, config, name] of [
  ['browser e2e (Playwright + Chromium)', 'e2e/browser/playwright.config.ts', 'e2e-browser'],
  ['Electron e2e (Playwright _electron)', 'e2e/electron/playwright.config.ts', 'e2e-electron'],
]) {
  if (!existsSync(join(root, config))) {
    totals.failed += 1;
    console.log(`FAILED: ${title}: ${config} is missing`);
    continue;
  }
  playwrightTier(title, config, name);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
