#!/usr/bin/env node
// `npm start`: build the app and run it in Electron. The electron package fetches its binary
// lazily; where that cannot work (offline, no GitHub, a Node too old for its installer) we say
// so in one sentence and point at the CLI demo, which runs the same core without Electron.
// The decisions live in start-checks.mjs (unit-tested); this file only runs them.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { electronArgs, isSandboxFailure, nodeTooOldForElectron, npmCommand, sandboxRemedy, sandboxWillFail } from './start-checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let found = findElectronBinary(root);
if (found.path === null && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  const tooOld = nodeTooOldForElectron(process.version);
  if (tooOld !== null) {
    console.error(tooOld);
    process.exit(1);
  }
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    stdio: ['ignore', 'ignore', 'ignore'],
    timeout: 120_000,
  });
  found = findElectronBinary(root);
}
if (found.path === null) {
  console.error(
    `Gate Glance cannot start because ${found.reason} and it could not be downloaded here; ` +
      'run "npm run cli -- balance --demo" to see the same core in your terminal, or "node node_modules/electron/install.js" once you are online.',
  );
  process.exit(1);
}

const npm = npmCommand(process.platform);
const build = spawnSync(npm.command, ['run', '--silent', 'build:app'], { cwd: root, stdio: 'inherit', shell: npm.shell });
if (build.error) console.error(`Gate Glance could not run "npm run build:app" (${build.error.code ?? build.error.message}).`);
if (build.status !== 0) process.exit(build.status ?? 1);

const sandboxPath = join(dirname(found.path), 'chrome-sandbox');
function sandboxLooksBroken() {
  let restricted = false;
  try {
    restricted = readFileSync('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', 'utf8').trim() === '1';
  } catch {
    // No such sysctl: user namespaces are not restricted by AppArmor.
  }
  const stat = statSync(sandboxPath, { throwIfNoEntry: false });
  return sandboxWillFail({
    platform: process.platform,
    uid: process.getuid?.() ?? null,
    usernsRestricted: restricted,
    sandbox: stat ? { uid: stat.uid, mode: stat.mode } : null,
  });
}

const args = electronArgs({ platform: process.platform, uid: process.getuid?.() ?? null, userArgs: process.argv.slice(2) });
// stderr is passed through as it comes and also read, to recognise the sandbox failure.
const child = spawn(found.path, args, { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
let stderrTail = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  stderrTail = (stderrTail + chunk.toString('utf8')).slice(-8192);
});
child.on('exit', (code, signal) => {
  if ((code !== 0 || signal) && (isSandboxFailure(stderrTail) || sandboxLooksBroken())) console.error(`\n${sandboxRemedy(sandboxPath)}`);
  process.exit(signal ? 1 : (code ?? 0));
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
