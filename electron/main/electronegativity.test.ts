/**
 * Doyensec's Electronegativity over what ships (the built main, preload and renderer) and over
 * the main/preload sources, through its programmatic API (its CLI always exits 0): no HIGH or
 * CRITICAL finding may exist. A deliberately insecure canary proves the harness really reports.
 *
 * Two adaptations, both about the tool, not the app:
 * - Electronegativity 1.10.3 cannot walk ES2022 class private fields (`#x`): its esquery-based
 *   checks throw "Unknown node type ClassPrivateProperty." and the whole file is skipped. The
 *   built main bundle is therefore lowered to ES2021 with TypeScript (a syntax-only transform)
 *   before the scan. The TypeScript sources parse fine as they are (typescript-estree).
 * - It fetches translations and Electron release data from the internet; `got` is stubbed to
 *   fail at once, so the scan stays offline (it then uses its bundled English strings).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, PROJECT_ROOT, ensureBuiltApp } from './testing/built-app.js';

// The Electron we ship, so the scan judges its checks against that release and no other.
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies['electron']!;

interface Level {
  readonly name: string;
  readonly value: number;
}

interface Issue {
  readonly id: string;
  readonly file: string;
  readonly description: string;
  readonly severity: Level;
  readonly confidence: Level;
  readonly location: { readonly line: number; readonly column: number };
  readonly manualReview?: boolean;
}

interface ScanResult {
  readonly globalChecks: number;
  readonly atomicChecks: number;
  readonly errors: ReadonlyArray<{ file: string; message: string; tolerable: boolean }>;
  readonly issues: readonly Issue[];
}

type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const require = createRequire(import.meta.url);
const HIGH = 3;

function loadElectronegativity(): Run {
  const dir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [dir] });
  const offline = (): Promise<never> => Promise.reject(new Error('offline: network disabled in tests'));
  const stub = Object.assign(offline, { head: offline, get: offline });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: stub } as unknown as NodeJS.Module;
  return require(join(dir, 'dist', 'runner.js')) as Run;
}

let run: Run;
let work: string;

async function scan(input: string): Promise<ScanResult> {
  return run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: ELECTRON_VERSION,
      parserPlugins: [],
    },
    false,
  );
}

function describeIssues(issues: readonly Issue[]): string[] {
  return issues.map(
    (i) => `${i.severity.name}/${i.confidence.name} ${i.id} ${i.file}:${i.location.line}${i.manualReview ? ' (review)' : ''}`,
  );
}

beforeAll(() => {
  ensureBuiltApp();
  run = loadElectronegativity();
  work = mkdtempSync(join(tmpdir(), 'glance-electronegativity-'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('reports a HIGH finding for an insecure canary window (the harness works)', async () => {
    const dir = join(work, 'canary');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'canary', main: 'main.js', devDependencies: { electron: ELECTRON_VERSION } }),
    );
    writeFileSync(
      join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const result = await scan(dir);
    const high = result.issues.filter((i) => i.severity.value >= HIGH).map((i) => i.id);
    expect(high).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 60_000);

  it('finds no HIGH or CRITICAL issue in the built app (main, preload, renderer)', async () => {
    const dir = join(work, 'built');
    mkdirSync(join(dir, 'out', 'main'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'package.json'), join(dir, 'package.json'));
    cpSync(join(PROJECT_ROOT, 'out', 'preload'), join(dir, 'out', 'preload'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'out', 'renderer'), join(dir, 'out', 'renderer'), { recursive: true });
    const lowered = ts.transpileModule(readFileSync(BUILT.main, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext },
    }).outputText;
    writeFileSync(join(dir, 'out', 'main', 'index.js'), lowered);

    const result = await scan(dir);
    console.log(
      `Electronegativity (built app): ${result.atomicChecks} atomic + ${result.globalChecks} global checks\n  ${describeIssues(result.issues).join('\n  ') || 'no findings'}`,
    );
    expect(result.atomicChecks).toBeGreaterThanOrEqual(30);
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    expect(describeIssues(result.issues.filter((i) => i.severity.value >= HIGH || i.severity.name === 'CRITICAL'))).toEqual([]);
    // The scan did read main: the popover's window options were checked, not skipped.
    expect(result.issues.some((i) => i.file.endsWith('out/main/index.js'))).toBe(true);
  }, 120_000);

  it('finds no HIGH or CRITICAL issue in the main and preload sources', async () => {
    const dir = join(work, 'sources');
    cpSync(join(PROJECT_ROOT, 'package.json'), join(dir, 'package.json'));
    for (const part of ['main', 'preload']) {
      cpSync(join(PROJECT_ROOT, 'electron', part), join(dir, 'electron', part), {
        recursive: true,
        filter: (src) => !src.endsWith('.test.ts') && !src.includes(`${part}/testing`),
      });
    }
    const result = await scan(dir);
    console.log(`Electronegativity (sources): ${describeIssues(result.issues).join('; ') || 'no findings'}`);
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    expect(describeIssues(result.issues.filter((i) => i.severity.value >= HIGH || i.severity.name === 'CRITICAL'))).toEqual([]);
  }, 120_000);
});
