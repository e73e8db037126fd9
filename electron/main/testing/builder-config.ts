/**
 * electron-builder.yml for the packaging and security tests: first checked by electron-builder's
 * own loader and JSON schema (an unknown or misspelt key fails there, not at release time), then
 * answered as written in the file, which is what the tests assert on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/testing/project-root.js';

const require = createRequire(import.meta.url);

export async function loadBuilderConfig<T>(): Promise<T> {
  const file = join(PROJECT_ROOT, 'electron-builder.yml');
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(dir: string, file: string, extra: null): Promise<T>;
    validateConfiguration(config: T, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(await getConfig(PROJECT_ROOT, file, null), new DebugLogger(false));
  const { load } = require('js-yaml') as { load(text: string): unknown };
  return load(readFileSync(file, 'utf8')) as T;
}
