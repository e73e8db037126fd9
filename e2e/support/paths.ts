/** Where the e2e tiers find the project and its build outputs, independent of the working directory. */
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../electron/core/testing/project-root.js';

export { PROJECT_ROOT };
/** The built renderer the browser tier serves. */
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');
/** The built Electron main entry the Electron tier launches. */
export const MAIN_ENTRY = join(PROJECT_ROOT, 'out', 'main', 'index.js');
/** Screenshots of every state (git-ignored); people look at them, tests only write them. */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'e2e', 'screenshots');
/** Debian's Chromium: Playwright's own browser download cannot work on our machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Flags that keep Chromium quiet and offline in a container (no sandbox: we run as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
