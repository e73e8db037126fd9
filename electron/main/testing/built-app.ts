/**
 * The built app (out/main, out/preload, out/renderer) for the static security tests. `npm test`
 * builds before Vitest runs; when a file is missing (a bare `npx vitest run`), this builds it
 * once with electron-vite so the tests read real bundles, never stale guesses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../core/testing/project-root.js';

export { PROJECT_ROOT };

/** The three bundles the app consists of. */
export const BUILT = {
  main: join(PROJECT_ROOT, 'out', 'main', 'index.js'),
  preload: join(PROJECT_ROOT, 'out', 'preload', 'index.cjs'),
  html: join(PROJECT_ROOT, 'out', 'renderer', 'index.html'),
} as const;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the app when any bundle is missing; throws with the build output when that fails.
 * Test files run in parallel workers, so one build at a time: a lock directory next to out/.
 */
export function ensureBuiltApp(): void {
  if (Object.values(BUILT).every((file) => existsSync(file))) return;
  const lock = join(PROJECT_ROOT, '.electron-vite-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 5 minutes belongs to a run that died.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      sleepSync(200);
      if (Object.values(BUILT).every((file) => existsSync(file)) && !existsSync(lock)) return;
    }
  }
  try {
    buildNow();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildNow(): void {
  if (Object.values(BUILT).every((file) => existsSync(file))) return;
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  const missing = Object.values(BUILT).filter((file) => !existsSync(file));
  if (r.status !== 0 || missing.length > 0) {
    throw new Error(`electron-vite build failed (status ${String(r.status)}); missing: ${missing.join(', ')}\n${r.stdout}\n${r.stderr}`);
  }
}
