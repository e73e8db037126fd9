// Two environments: Node for shared/, electron/ and scripts/; jsdom for the renderer.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export const config = defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/src/testing/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});

// Vitest loads the default export (config files are exempt from the named-exports rule).
export default config;
