/**
 * Says once, up front, whether this tier can run: it needs the Electron binary (found without
 * `require('electron')`, which would try to download it) and the built app. On Linux without
 * a display it starts a private Xvfb (its own display number, via -displayfd) for the run and
 * returns the teardown that stops it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { npmCommand } from '../../scripts/start-checks.mjs';
import { MAIN_ENTRY, PROJECT_ROOT } from '../support/paths.js';

async function startXvfb(): Promise<() => void> {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Electron e2e: Xvfb did not report a display within 10 s')), 10_000);
    let out = '';
    xvfb.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /^(\d+)\s*$/m.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(`:${match[1]}`);
      }
    });
    xvfb.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Electron e2e: could not start Xvfb (${error.message}); install xvfb or set DISPLAY`));
    });
  });
  process.env.DISPLAY = display;
  return () => {
    xvfb.kill('SIGTERM');
  };
}

/** Playwright's globalSetup hook; the function it answers (if any) is the global teardown. */
async function globalSetup(): Promise<(() => void) | undefined> {
  const binary = findElectronBinary(PROJECT_ROOT);
  if (binary.path === null) {
    console.log(`Electron e2e skipped: ${binary.reason}.`);
    return undefined;
  }
  if (!existsSync(MAIN_ENTRY)) {
    console.log('Electron e2e: out/main is missing; building the app (electron-vite build)');
    const npm = npmCommand(process.platform);
    const r = spawnSync(npm.command, ['run', '--silent', 'build:app'], { cwd: PROJECT_ROOT, stdio: 'inherit', shell: npm.shell });
    if (r.status !== 0) throw new Error(`Electron e2e: the app build failed (${r.error ? String(r.error) : `status ${String(r.status)}`})`);
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return startXvfb();
  return undefined;
}

// eslint-disable-next-line no-restricted-syntax -- Playwright loads a globalSetup default export.
export default globalSetup;
