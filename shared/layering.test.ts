// The layer rules are promises of the build, so they get tests of their own: a probe file that
// imports Electron or Node from shared/ or renderer/ must fail `tsc` (with that folder's own
// tsconfig) and ESLint (with the project's config), while the same import is fine in core.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const probeRoot = join(root, '.test-results', 'layering');

/** Typechecks one probe file under `layer`'s tsconfig; answers tsc's output ('' when clean). */
function typecheck(layer: 'shared' | 'renderer', source: string): string {
  const dir = join(probeRoot, layer);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'probe.ts'), source);
  const base = relative(dir, join(root, layer, 'tsconfig.json'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: base,
      compilerOptions: { composite: false, incremental: false, noEmit: true, emitDeclarationOnly: false, rootDir: '.' },
      include: ['probe.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

async function lintMessages(filePath: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

afterAll(() => rmSync(probeRoot, { recursive: true, force: true }));

// Each probe is a cold tsc run: seconds on an idle machine, over half a minute on a busy CI box.
const TSC_TIMEOUT_MS = 120_000;

describe('layering', () => {
  it(
    'tsc refuses node:* and Electron in shared/, and accepts pure code',
    () => {
      expect(typecheck('shared', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toMatch(/node:fs/);
      expect(typecheck('shared', "import { app } from 'electron';\nexport const a = app;\n")).toMatch(/no exported member 'app'/);
      expect(typecheck('shared', 'export const pure = [1, 2].map((n) => n * 2);\n')).toBe('');
    },
    TSC_TIMEOUT_MS,
  );

  it(
    'tsc refuses node:* and Electron in renderer/, and accepts DOM code',
    () => {
      expect(typecheck('renderer', "import { join } from 'node:path';\nexport const j = join;\n")).toMatch(/node:path/);
      expect(typecheck('renderer', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toMatch(
        /no exported member 'ipcRenderer'/,
      );
      expect(typecheck('renderer', 'export const title = document.title;\n')).toBe('');
    },
    TSC_TIMEOUT_MS,
  );

  it('ESLint bans Electron, Node and zod where they do not belong, and raw IPC outside its two files', async () => {
    expect(await lintMessages('shared/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Only electron\/main and electron\/preload may import Electron/),
    ]);
    expect((await lintMessages('renderer/src/probe.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).join()).toMatch(
      /zod lives in electron/,
    );
    expect((await lintMessages('electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).join()).toMatch(
      /Only electron\/main and electron\/preload/,
    );
    expect(
      (await lintMessages('electron/main/probe.ts', "import { ipcMain } from 'electron';\nexport const m = ipcMain;\n")).join(),
    ).toMatch(/Use electron\/main\/ipc.ts/);
    expect(
      await lintMessages('electron/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"),
    ).toEqual([]);
  });
});
