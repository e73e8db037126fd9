// Build of the three Electron bundles: main (ESM), preload (CommonJS — sandboxed preloads
// cannot be ESM) and the renderer (React; its options live in renderer/vite.config.ts so the
// renderer can also be built and served on its own for the browser e2e tier).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

// This file sits at the project root; electron-vite bundles it (and the renderer config it
// imports) into a file next to it, so the renderer config's own import.meta.dirname would also
// read as the root here — its root, outDir and entry are therefore restated from this file.
const root = import.meta.dirname;

export const config = defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: 'electron/main/index.ts', formats: ['es'] },
      // keytar is a native module: loaded at run time from node_modules (unpacked from the asar).
      rollupOptions: { external: ['keytar'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'] },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: resolve(root, 'out', 'renderer'),
      minify: true,
      // electron-vite 6 reads the entry from rolldownOptions (its preset replaces rollupOptions with it).
      rolldownOptions: { input: resolve(root, 'renderer', 'index.html') },
    },
  },
});

export default config;
