/**
 * Builds the renderer when out/renderer is missing, so `npx playwright test` works on a fresh
 * checkout. `npm test` builds before this tier, so there it is a no-op.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, RENDERER_DIR } from '../support/paths.js';

/** Playwright's globalSetup hook. */
function globalSetup(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  console.log('browser e2e: out/renderer is missing; building the renderer (vite build -c renderer/vite.config.ts)');
  const vite = join(PROJECT_ROOT, 'node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('browser e2e: could not build the renderer into out/renderer');
  }
}

// eslint-disable-next-line no-restricted-syntax -- Playwright loads a globalSetup default export.
export default globalSetup;
