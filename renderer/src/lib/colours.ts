/**
 * A stable colour per account, so "Spot" is the same blue in every currency, every refresh
 * and every session. Gate's known accounts get fixed, distinct colours; a name Gate adds
 * later is hashed into the palette (stable, though it may share a colour).
 */

/** Mid-tone colours readable on both the light and the dark background. */
export const PALETTE = [
  '#3b82f6', // blue
  '#f59e0b', // amber
  '#10b981', // emerald
  '#8b5cf6', // violet
  '#ef4444', // red
  '#06b6d4', // cyan
  '#ec4899', // pink
  '#84cc16', // lime
  '#f97316', // orange
  '#6366f1', // indigo
  '#14b8a6', // teal
  '#a855f7', // purple
] as const;

/** The grouped "Other" slice: neutral, so it never looks like an account. */
export const OTHER_COLOUR = '#94a3b8';

// A Map, so an account called `constructor` or `toString` is hashed like any unknown name.
const KNOWN: ReadonlyMap<string, number> = new Map([
  ['spot', 0],
  ['futures', 1],
  ['finance', 2],
  ['quant', 3],
  ['delivery', 4],
  ['margin', 5],
  ['cross_margin', 6],
  ['options', 7],
  ['warrant', 8],
  ['cbbc', 9],
  ['payment', 10],
  ['meme_box', 11],
]);

/** FNV-1a, 32 bit: tiny, stable across runs and platforms. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The colour for one of Gate's account keys. */
export function colourForAccount(name: string): string {
  const index = KNOWN.get(name) ?? hashName(name) % PALETTE.length;
  return PALETTE[index] ?? OTHER_COLOUR;
}
