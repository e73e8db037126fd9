/**
 * Every tray icon PNG in build/tray must be visible on light and dark panels alike: on each
 * panel colour below, a part of the glyph (its fill or its outline), alpha-composited onto
 * the panel, contrasts with it by at least 3:1 (WCAG's ratio for graphical objects). macOS
 * template images are judged as the menu bar draws them: their alpha tinted black on a light
 * bar and white on a dark one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../../scripts/png.mjs';
import { contrastRatio, hex, pixelsStandingOut, type Rgb } from '../testing/contrast.js';

const TRAY_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'build', 'tray');
/** White and GNOME's light panel, a typical dark panel (#2b2b2b) and pure black. */
const PANELS = ['#ffffff', '#f0f0f0', '#2b2b2b', '#000000'] as const;
/** WCAG 2.x non-text contrast (1.4.11). */
const MIN_RATIO = 3;
/** The standing-out part must be a real part of the glyph, not a stray edge pixel. */
const MIN_SHARE_OF_GLYPH = 0.3;
/** The idle glyph may not be much fainter than the faintest other state in the same variant. */
const IDLE_VS_OTHERS = 0.75;

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

const files = readdirSync(TRAY_DIR)
  .filter((f) => f.endsWith('.png'))
  .sort();

function load(file: string) {
  return decodePng(readFileSync(join(TRAY_DIR, file))).rgba;
}

function tintFor(file: string, panel: Rgb): Rgb | null {
  if (!file.includes('Template')) return null;
  return contrastRatio(BLACK, panel) >= contrastRatio(WHITE, panel) ? BLACK : WHITE;
}

function drawnPixels(rgba: Uint8Array): number {
  let n = 0;
  for (let i = 3; i < rgba.length; i += 4) if ((rgba[i] as number) > 0) n += 1;
  return n;
}

describe('tray icon contrast', () => {
  it('reads every icon: 4 states × 3 variants × 2 sizes', () => {
    expect(files).toHaveLength(24);
  });

  for (const file of files) {
    it(`${file} has a part with at least ${MIN_RATIO}:1 contrast on every panel`, () => {
      const rgba = load(file);
      const drawn = drawnPixels(rgba);
      for (const p of PANELS) {
        const panel = hex(p);
        const standing = pixelsStandingOut(rgba, panel, MIN_RATIO, tintFor(file, panel));
        expect(standing / drawn, `${file} on ${p}: ${standing} of ${drawn} drawn pixels`).toBeGreaterThanOrEqual(MIN_SHARE_OF_GLYPH);
      }
    });
  }

  it('the idle icon stands out as much as the other states, in every variant, size and panel', () => {
    for (const file of files.filter((f) => f.startsWith('tray-idle'))) {
      for (const p of PANELS) {
        const panel = hex(p);
        const count = (name: string) => pixelsStandingOut(load(name), panel, MIN_RATIO, tintFor(name, panel));
        const others = ['live', 'stale', 'error'].map((kind) => count(file.replace('idle', kind)));
        expect(count(file), `${file} on ${p} vs ${others.join('/')}`).toBeGreaterThanOrEqual(IDLE_VS_OTHERS * Math.min(...others));
      }
    }
  });
});

describe('contrast helpers (WCAG formula)', () => {
  it('match the WCAG reference values', () => {
    expect(contrastRatio(BLACK, WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio(WHITE, WHITE)).toBe(1);
    // #767676 on white is the classic 4.54:1.
    expect(contrastRatio(hex('#767676'), WHITE)).toBeCloseTo(4.54, 2);
  });

  it('composite half-transparent black onto white as mid grey', () => {
    const rgba = new Uint8Array([0, 0, 0, 128, 0, 0, 0, 0]);
    // 50 % black over white is ~#7f7f7f, 3.9:1: it stands out at 3:1 and not at 4.5:1; the transparent pixel never does.
    expect(pixelsStandingOut(rgba, WHITE, 3)).toBe(1);
    expect(pixelsStandingOut(rgba, WHITE, 4.5)).toBe(0);
  });
});
