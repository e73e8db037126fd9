/**
 * WCAG 2.x contrast over icon pixels, for the tray icon tests: relative luminance of sRGB
 * colours, and a pixel alpha-composited onto a panel colour before it is compared with it.
 */

/** An sRGB colour, 0..255 per channel. */
export type Rgb = readonly [number, number, number];

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) .. 1 (white). */
function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio, 1 .. 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A pixel of colour `fg` with `alpha` (0..255) drawn over `panel`, as the eye sees it. */
function composite(fg: Rgb, alpha: number, panel: Rgb): Rgb {
  const a = alpha / 255;
  return [fg[0] * a + panel[0] * (1 - a), fg[1] * a + panel[1] * (1 - a), fg[2] * a + panel[2] * (1 - a)];
}

/** `#rrggbb` → Rgb. */
export function hex(value: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (!m) throw new Error(`not a #rrggbb colour: ${value}`);
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

/**
 * How many pixels of an RGBA image, composited onto `panel`, stand out from it by at least
 * `minRatio`. `tint` replaces every pixel's colour (macOS template images are tinted by the
 * menu bar; only their alpha is drawn).
 */
export function pixelsStandingOut(rgba: Uint8Array, panel: Rgb, minRatio: number, tint: Rgb | null = null): number {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3] as number;
    if (alpha === 0) continue;
    const fg: Rgb = tint ?? [rgba[i] as number, rgba[i + 1] as number, rgba[i + 2] as number];
    if (contrastRatio(composite(fg, alpha, panel), panel) >= minRatio) count += 1;
  }
  return count;
}
