// Lint is also our layer checker: which folder may import what (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { noLiteralWords } from './scripts/eslint-no-literal-words.mjs';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

const electronBanned = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import Electron.' };
const nodeBanned = { group: ['node:*', ...NODE_BUILTINS], message: 'This layer runs without Node: no node:* imports.' };
// Test helpers live in one `testing/` folder per layer; production code never imports them.
const testingBanned = { group: ['**/testing/**', '**/testing'], message: 'Test helpers (testing/) are for tests only.' };
const zodBanned = { group: ['zod', 'zod/*'], message: 'zod lives in electron/ (main validates), never in shared/ or renderer/.' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      '.tsbuild/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'e2e/screenshots/',
      '.test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '*.config.js', '*.config.ts', 'scripts/**', 'bin/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronBanned,
            nodeBanned,
            zodBanned,
            testingBanned,
            { group: ['react', 'react-dom', 'react/*', 'recharts'], message: 'shared/ has no UI.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/testing/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronBanned,
            nodeBanned,
            zodBanned,
            testingBanned,
            { group: ['**/electron/**'], message: 'The renderer talks to main only through window.glance.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/testing/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', { patterns: [electronBanned] }] },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronBanned,
            {
              group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
              message: 'core and cli are Electron-free and UI-free.',
            },
          ],
        },
      ],
    },
  },
  {
    // The same zone for production files, which may not import test helpers either.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronBanned,
            testingBanned,
            {
              group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
              message: 'core and cli are Electron-free and UI-free.',
            },
          ],
        },
      ],
    },
  },
  {
    // Raw IPC lives in two files only: main's ipc.ts and the preload.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use electron/main/ipc.ts.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'Main never imports the renderer.' }],
        },
      ],
    },
  },
  {
    // The same for production files, plus no test helpers.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts', '**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use electron/main/ipc.ts.' }],
          patterns: [testingBanned, { group: ['**/renderer/**'], message: 'Main never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain', 'remote'], message: 'Preload only uses contextBridge and ipcRenderer.' }],
          patterns: [
            zodBanned,
            testingBanned,
            { group: ['**/electron/core/**', '**/renderer/**'], message: 'The preload stays tiny: shared/ipc.ts only.' },
          ],
        },
      ],
    },
  },
  {
    // The first view carries one catalogue, the active one, fetched on demand: no static import
    // may pull a catalogue (words.ts brings English) into the renderer's entry chunk.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/shared/present/words.js',
                '**/shared/present/catalogue-*.js',
                '**/shared/present/cli-*.js',
                '**/shared/present/languages.js',
              ],
              allowTypeImports: true,
              message:
                'Import words from shared/present/message-words.js; catalogues load on demand (renderer/src/lib/use-locale-words.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Words people read come from the message catalogue (shared/present): JSX text, word props,
    // what the CLI writes and the tray model's labels may not be literals.
    files: ['renderer/src/**/*.tsx', 'electron/cli/**/*.ts', 'electron/core/tray/tray-model.ts', 'electron/main/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**', 'electron/cli/test-io.ts'],
    plugins: { 'gate-glance': { rules: { 'no-literal-words': noLiteralWords } } },
    rules: { 'gate-glance/no-literal-words': 'error' },
  },
);
