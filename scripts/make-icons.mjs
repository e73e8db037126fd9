#!/usr/bin/env node
// Draws the tray icons and the app icon from code: a pie glyph whose shape says the state
// (live: pie with a slice out, stale: ring with clock hands, error: ring with "!", idle: ring),
// as macOS template images (black + alpha; the menu bar tints them) and as light/dark panel
// variants with a coloured state dot. `node scripts/make-icons.mjs` rewrites build/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The tray states, as electron/core/tray/tray-model.ts names them. */
export const ICON_KINDS = ['live', 'stale', 'error', 'idle'];

const TAU = Math.PI * 2;

/** Coverage (0..1) of the state glyph at point (x, y) of the unit square. */
function glyph(kind, x, y, withDot) {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  // Angle clockwise from 12 o'clock, 0..1 turns.
  const turn = ((Math.atan2(dx, -dy) / TAU) + 1) % 1;
  const ring = r <= 0.44 && r >= 0.32;
  let on;
  if (kind === 'live') {
    // A pie with its first quarter pulled out.
    on = r <= 0.44 && !(turn < 0.25 && r > 0.05);
    if (!on && turn < 0.25) {
      const ox = x - 0.06;
      const oy = y + 0.06;
      const r2 = Math.hypot(ox - 0.5, oy - 0.5);
      const t2 = ((Math.atan2(ox - 0.5, -(oy - 0.5)) / TAU) + 1) % 1;
      on = r2 <= 0.44 && t2 > 0.02 && t2 < 0.23;
    }
  } else if (kind === 'stale') {
    const hand = (ax, ay, len) => {
      const t = Math.max(0, Math.min(len, dx * ax + dy * ay));
      return Math.hypot(dx - ax * t, dy - ay * t) <= 0.055;
    };
    on = ring || hand(0, -1, 0.22) || hand(Math.SQRT1_2, Math.SQRT1_2, 0.17);
  } else if (kind === 'error') {
    const bar = Math.abs(dx) <= 0.06 && dy >= -0.2 && dy <= 0.06;
    const dot = Math.hypot(dx, dy - 0.17) <= 0.065;
    on = ring || bar || dot;
  } else {
    on = r <= 0.44 && r >= 0.36;
  }
  if (withDot && Math.hypot(x - 0.8, y - 0.8) <= 0.25) on = false; // clear room for the dot
  return on ? 1 : 0;
}

function dot(x, y) {
  return Math.hypot(x - 0.8, y - 0.8) <= 0.18 ? 1 : 0;
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

const PANEL = {
  // Glyph colour for a light panel / a dark panel.
  light: { glyph: [0x1f, 0x23, 0x28], dots: { live: [0x1a, 0x7f, 0x37], stale: [0xbf, 0x87, 0x00], error: [0xcf, 0x22, 0x2e] } },
  dark: { glyph: [0xf0, 0xf3, 0xf6], dots: { live: [0x3f, 0xb9, 0x50], stale: [0xd2, 0x99, 0x22], error: [0xf8, 0x51, 0x49] } },
};

/** Every icon file as name → PNG bytes (deterministic). */
export function renderIcons() {
  const files = new Map();
  for (const kind of ICON_KINDS) {
    for (const [suffix, size] of [['', 16], ['@2x', 32]]) {
      files.set(`tray/tray-${kind}Template${suffix}.png`, render(size, (x, y) => [0, 0, 0, glyph(kind, x, y, false)]));
      for (const panel of ['light', 'dark']) {
        const { glyph: color, dots } = PANEL[panel];
        const dotColor = dots[kind];
        files.set(
          `tray/tray-${kind}-${panel}${suffix}.png`,
          render(size, (x, y) => {
            if (dotColor && dot(x, y)) return [...dotColor, 1];
            return [...color, glyph(kind, x, y, Boolean(dotColor))];
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
      const g = glyph('live', (x - 0.5) / 0.7 + 0.5, (y - 0.5) / 0.7 + 0.5, false);
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
