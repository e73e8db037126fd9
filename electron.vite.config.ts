// Build of the three Electron bundles: main (ESM), preload (CommonJS — sandboxed preloads
// cannot be ESM) and the renderer (React; its options live in renderer/vite.config.ts so the
// renderer can also be built and served on its own for the browser e2e tier).
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

export const config = defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: 'electron/main/index.ts', formats: ['es'] },
      rollupOptions: { external: ['keytar'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'] },
    },
  },
  renderer: rendererConfig,
});

export default config;
