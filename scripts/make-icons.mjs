#!/usr/bin/env node
// Draws the tray icons and the app icon from code: a pie glyph whose shape says the state
// (live: pie with a slice out, stale: ring with clock hands, error: ring with "!", idle: ring
// with a bar), as macOS template images (black + alpha; the menu bar tints them) and as two
// outlined panel variants with a coloured state dot. `node scripts/make-icons.mjs` rewrites build/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The tray states, as electron/core/tray/tray-model.ts names them. */
export const ICON_KINDS = ['live', 'stale', 'error', 'idle'];

const TAU = Math.PI * 2;

/** Glyph size inside the unit square: room is left around it for the outline. */
const GLYPH_SCALE = 0.9;
/** Outline width in the unit square: 1 px at 16 px, 2 px at 32 px. */
const OUTLINE = 1 / 16;
/** Centre and radius of the coloured state dot (bottom-right), in the unit square. */
const DOT = { x: 0.8, y: 0.8, r: 0.17 };
/** Room cleared around the dot so it does not merge with the glyph. */
const DOT_CLEARANCE = 0.07;

/**
 * Whether point (x, y) of the unit square is inside the state glyph (before scaling). Every
 * state draws a ring of the same stroke (0.32..0.44), so none of them is fainter than another;
 * idle adds a bar across the middle ("no figure yet").
 */
function glyphShape(kind, x, y) {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  // Angle clockwise from 12 o'clock, 0..1 turns.
  const turn = (Math.atan2(dx, -dy) / TAU + 1) % 1;
  const ring = r <= 0.44 && r >= 0.32;
  if (kind === 'live') {
    // A pie with its first quarter pulled out.
    if (r <= 0.44 && !(turn < 0.25 && r > 0.05)) return true;
    if (turn >= 0.25) return false;
    const ox = x - 0.06;
    const oy = y + 0.06;
    const r2 = Math.hypot(ox - 0.5, oy - 0.5);
    const t2 = (Math.atan2(ox - 0.5, -(oy - 0.5)) / TAU + 1) % 1;
    return r2 <= 0.44 && t2 > 0.02 && t2 < 0.23;
  }
  if (kind === 'stale') {
    const hand = (ax, ay, len) => {
      const t = Math.max(0, Math.min(len, dx * ax + dy * ay));
      return Math.hypot(dx - ax * t, dy - ay * t) <= 0.06;
    };
    return ring || hand(0, -1, 0.22) || hand(Math.SQRT1_2, Math.SQRT1_2, 0.17);
  }
  if (kind === 'error') {
    const bar = Math.abs(dx) <= 0.065 && dy >= -0.2 && dy <= 0.06;
    const mark = Math.hypot(dx, dy - 0.17) <= 0.07;
    return ring || bar || mark;
  }
  // idle
  return ring || (Math.abs(dy) <= 0.06 && Math.abs(dx) <= 0.2);
}

function isDot(x, y) {
  return Math.hypot(x - DOT.x, y - DOT.y) <= DOT.r;
}

/** The glyph scaled into the square, with room cleared for the dot when there is one. */
function glyphAt(kind, x, y, withDot) {
  if (withDot && Math.hypot(x - DOT.x, y - DOT.y) <= DOT.r + DOT_CLEARANCE) return false;
  return glyphShape(kind, (x - 0.5) / GLYPH_SCALE + 0.5, (y - 0.5) / GLYPH_SCALE + 0.5);
}

/** Offsets sampled to dilate a shape by the outline width (a ring of 16 plus a half ring). */
const DILATE = (() => {
  const out = [];
  for (const f of [1, 0.5]) {
    for (let k = 0; k < 16; k += 1) out.push([Math.cos((k / 16) * TAU) * OUTLINE * f, Math.sin((k / 16) * TAU) * OUTLINE * f]);
  }
  return out;
})();

/** Whether (x, y) lies within the outline width of `inside` (but not inside it). */
function nearShape(inside, x, y) {
  for (const [ox, oy] of DILATE) if (inside(x + ox, y + oy)) return true;
  return false;
}

const SS = 4; // 4×4 supersampling for anti-aliased edges

function render(size, paint) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy += 1) {
        for (let sx = 0; sx < SS; sx += 1) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (SS * SS);
      rgba[i] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      rgba[i + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      rgba[i + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const INK_DARK = [0x1f, 0x23, 0x28];
const INK_LIGHT = [0xf0, 0xf3, 0xf6];

/**
 * The two panel variants. Each has a fill and an outline of the opposite lightness, so each
 * reads on light and dark panels alike; the variant only decides which of the two dominates.
 * `dark` (light fill, dark outline) is also the Linux default, where no signal tells the
 * panel's colour. Dot colours keep 3:1 against the fill of their variant.
 */
const PANEL_VARIANTS = {
  light: { fill: INK_DARK, outline: INK_LIGHT, dots: { live: [0x1a, 0x7f, 0x37], stale: [0x9a, 0x67, 0x00], error: [0xcf, 0x22, 0x2e] } },
  dark: { fill: INK_LIGHT, outline: INK_DARK, dots: { live: [0x3f, 0xb9, 0x50], stale: [0xd2, 0x99, 0x22], error: [0xf8, 0x51, 0x49] } },
};

/** Every icon file as name → PNG bytes (deterministic). */
export function renderIcons() {
  const files = new Map();
  for (const kind of ICON_KINDS) {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ]) {
      // macOS template images: black + alpha, no outline (the menu bar tints them itself).
      files.set(
        `tray/tray-${kind}Template${suffix}.png`,
        render(size, (x, y) => [0, 0, 0, glyphAt(kind, x, y, false) ? 1 : 0]),
      );
      for (const [variant, { fill, outline, dots }] of Object.entries(PANEL_VARIANTS)) {
        const dotColor = dots[kind];
        const withDot = Boolean(dotColor);
        const inside = (x, y) => glyphAt(kind, x, y, withDot) || (withDot && isDot(x, y));
        files.set(
          `tray/tray-${kind}-${variant}${suffix}.png`,
          render(size, (x, y) => {
            if (withDot && isDot(x, y)) return [...dotColor, 1];
            if (glyphAt(kind, x, y, withDot)) return [...fill, 1];
            return nearShape(inside, x, y) ? [...outline, 1] : [0, 0, 0, 0];
          }),
        );
      }
    }
  }
  // The app icon: the live glyph in Gate-ish blue on a rounded white tile.
  files.set(
    'icon.png',
    render(512, (x, y) => {
      const inset = 0.06;
      const cx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - 0.18), 0);
      const cy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - 0.18), 0);
      const tile = Math.hypot(cx, cy) <= 0.18;
      if (!tile) return [0, 0, 0, 0];
      const g = glyphShape('live', (x - 0.5) / 0.7 + 0.5, (y - 0.5) / 0.7 + 0.5);
      return g ? [0x23, 0x54, 0xe6, 1] : [0xff, 0xff, 0xff, 1];
    }),
  );
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, png] of renderIcons()) {
    const file = join(root, 'build', name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
  }
  console.log('icons written to build/');
}
