/**
 * Electron tier: Playwright's `_electron.launch` of the built app (out/main/index.js). Where no
 * Electron binary exists (our CI machines: it cannot be downloaded there) the global setup
 * prints one line saying so and every test skips with that reason; nothing fails or hangs.
 */
import { defineConfig } from '@playwright/test';

const config = defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/e2e-electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: [['list']],
});

// eslint-disable-next-line no-restricted-syntax -- Playwright loads a config's default export.
export default config;
