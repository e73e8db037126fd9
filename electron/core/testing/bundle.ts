/**
 * Test support: bundles a TypeScript entry (with the real core it imports) into one .mjs
 * under the project's .test-results/ so a test can run it as a plain `node` child process.
 * keytar stays external and resolves from the project's node_modules, as in the real CLI.
 */
import { mkdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { PROJECT_ROOT } from './project-root.js';

/** Bundles `entry` to `.test-results/<dir>/<name>.mjs` and answers the output path. */
export async function bundleForNode(entry: string, dir: string, name: string): Promise<string> {
  const outDir = join(PROJECT_ROOT, '.test-results', dir);
  mkdirSync(outDir, { recursive: true });
  const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'keytar'];
  const bundle = await rolldown({ input: entry, platform: 'node', external, logLevel: 'warn' });
  const file = join(outDir, `${name}.mjs`);
  await bundle.write({ file, format: 'esm' });
  await bundle.close();
  return file;
}
