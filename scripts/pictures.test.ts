/**
 * README's pictures cannot go stale quietly: every docs/*.png README shows is made by exactly one
 * named journey (scripts/pictures.mjs lists them, e2e/pictures/journeys.ts holds the browser
 * ones), every journey's picture is shown, and docs/ holds no picture nobody makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../electron/core/testing/project-root.js';
import { PICTURE_JOURNEYS } from '../e2e/pictures/journeys.js';
import { BROWSER_PICTURES, PICTURES, PICTURES_DIR, picturesProblems, referencedPictures } from './pictures.mjs';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const docs = readdirSync(join(PROJECT_ROOT, PICTURES_DIR));
const journeys = Object.keys(PICTURE_JOURNEYS);

describe("README's pictures", () => {
  it('README, the list of pictures, the journeys and docs/ agree', () => {
    expect(picturesProblems({ readme, pictures: PICTURES, journeys, docs })).toEqual([]);
  });

  it('README shows each listed picture, in the list’s order', () => {
    expect(referencedPictures(readme)).toEqual(PICTURES.map((p) => p.file));
  });

  it('each browser picture has exactly one journey, and nothing else does', () => {
    expect([...journeys].sort()).toEqual(BROWSER_PICTURES.map((p) => p.file).sort());
  });
});

describe('picturesProblems', () => {
  const pictures = [
    { file: 'a-light.png', by: 'browser' },
    { file: 'bar.png', by: 'waybar' },
  ];
  const agreeing = {
    readme: '![a](docs/a-light.png)\n![bar](docs/bar.png)',
    pictures,
    journeys: ['a-light.png'],
    docs: ['a-light.png', 'bar.png'],
  };

  it('finds nothing when all agree', () => {
    expect(picturesProblems(agreeing)).toEqual([]);
  });

  it('names a picture README shows that nothing makes', () => {
    expect(picturesProblems({ ...agreeing, readme: `${agreeing.readme}\n![c](docs/c.png)`, docs: [...agreeing.docs, 'c.png'] })).toEqual([
      'README shows docs/c.png, which no journey makes',
      'docs/c.png is made by no journey',
    ]);
  });

  it('names a made picture README no longer shows', () => {
    expect(picturesProblems({ ...agreeing, readme: '![a](docs/a-light.png)' })).toEqual(['bar.png is made, but README does not show it']);
  });

  it('names a picture listed twice', () => {
    expect(picturesProblems({ ...agreeing, pictures: [...pictures, pictures[0]!] })).toEqual(['a-light.png is listed twice']);
  });

  it('names a browser picture without its journey, and a journey of no listed picture', () => {
    expect(picturesProblems({ ...agreeing, journeys: ['b-light.png'] })).toEqual([
      'a-light.png has no browser journey',
      'the journey b-light.png makes no listed browser picture',
    ]);
  });

  it('names a stray picture in docs/ and leaves other files alone', () => {
    expect(picturesProblems({ ...agreeing, docs: [...agreeing.docs, 'old.png', 'notes.md'] })).toEqual([
      'docs/old.png is made by no journey',
    ]);
  });

  it('reads image links and plain mentions of docs/*.png, each once, but not other folders', () => {
    expect(referencedPictures('![x](docs/x.png) see `docs/y.png`; ![x again](docs/x.png) ![z](e2e/docs/z.png) docs/w.pngx')).toEqual([
      'x.png',
      'y.png',
    ]);
  });
});
