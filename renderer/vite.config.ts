// The renderer's Vite options, shared by electron-vite (the app) and plain Vite (the browser
// e2e tier and `npx vite build -c renderer/vite.config.ts`). No node:path here: this folder's
// lint layer forbids Node imports, and Vite accepts plain '/'-joined paths on every OS.
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const here = import.meta.dirname;

export const rendererConfig: UserConfig = {
  root: here,
  // Relative asset URLs: the page works from app://glance/index.html and any static server.
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../out/renderer`,
    emptyOutDir: true,
    // No inline <script> or data: module preload helpers: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // React + recharts' PieChart alone are ~160 KB gzipped; the first view's budget (195 kB gz, the active catalogue included) is checked by bench/renderer.bench.ts.
    chunkSizeWarningLimit: 700,
    rollupOptions: { input: `${here}/index.html` },
  },
};

// Vite's CLI loads a config file's default export.
// eslint-disable-next-line no-restricted-syntax
export default rendererConfig;
