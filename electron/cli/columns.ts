/**
 * How many terminal columns a string takes, so the table lines up in Chinese too: East Asian
 * wide and fullwidth characters (UAX #11: Han, kana, Hangul, CJK punctuation, fullwidth forms)
 * take two, combining marks none, everything else one.
 */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const COMBINING = /\p{Mn}/u;

function width(codePoint: number, char: string): number {
  if (COMBINING.test(char)) return 0;
  return WIDE.some(([from, to]) => codePoint >= from && codePoint <= to) ? 2 : 1;
}

/** Terminal columns of `text`. */
export function columns(text: string): number {
  let n = 0;
  for (const char of text) n += width(char.codePointAt(0) ?? 0, char);
  return n;
}

/** `text` padded with spaces to `size` columns, on the left (`right`-aligned) or the right. */
export function padColumns(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - columns(text)));
  return right ? fill + text : text + fill;
}
