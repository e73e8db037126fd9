/**
 * README's pictures (scripts/pictures.mjs), each by its journey in e2e/pictures/journeys.ts, so a
 * journey that no longer reaches its state fails this tier. They are written to
 * GLANCE_PICTURES_DIR (`npm run screenshots` points it at a folder it copies into docs/), else to
 * a temporary folder removed afterwards. The page's clock stands still at PICTURE_NOW, as the
 * app's does; the time zone (UTC), locale and scale come from the tier's configuration.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_PICTURES } from '../../scripts/pictures.mjs';
import { PICTURE_JOURNEYS, PICTURE_NOW, pictureHarness } from '../pictures/journeys.js';
import { test, expect } from './fixtures.js';

let outDir = process.env['GLANCE_PICTURES_DIR'] ?? '';
let ownDir = false;

test.beforeAll(() => {
  if (outDir !== '') return;
  outDir = mkdtempSync(join(tmpdir(), 'glance-pictures-'));
  ownDir = true;
});

test.afterAll(() => {
  if (ownDir) rmSync(outDir, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const picture of BROWSER_PICTURES) {
  const journey = PICTURE_JOURNEYS[picture.file];
  if (journey === undefined) throw new Error(`${picture.file}: no journey in e2e/pictures/journeys.ts makes it`);

  test.describe(picture.file, () => {
    test.use({ harnessOptions: pictureHarness(journey, picture.language), colorScheme: picture.theme });

    test(picture.file, async ({ world }) => {
      const { page } = world;
      await page.clock.setFixedTime(PICTURE_NOW);
      await journey.run(world);
      // Nothing under the pointer, and the theme's styles painted (one frame to restyle, one to paint).
      await page.mouse.move(0, 0);
      await page.emulateMedia({ colorScheme: picture.theme });
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      const path = join(outDir, picture.file);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      expect(pngSize(path)).toEqual(page.viewportSize());
      expect(world.consoleLog.errors()).toEqual([]);
    });
  });
}
