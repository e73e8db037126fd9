/**
 * The built app (out/main, out/preload, out/renderer) for the static security tests. `npm test`
 * builds before Vitest runs; when a file is missing (a bare `npx vitest run`), this builds it
 * once with electron-vite so the tests read real bundles, never stale guesses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The three bundles the app consists of. */
export const BUILT = {
  main: join(PROJECT_ROOT, 'out', 'main', 'index.js'),
  preload: join(PROJECT_ROOT, 'out', 'preload', 'index.cjs'),
  html: join(PROJECT_ROOT, 'out', 'renderer', 'index.html'),
} as const;

/** Builds the app when any bundle is missing; throws with the build output when that fails. */
export function ensureBuiltApp(): void {
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
