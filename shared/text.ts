/**
 * The one sanitiser for text that comes from outside (Gate's account names and messages, a
 * proxy's answer, the operating system's error words) before it reaches a terminal, a tray
 * menu or the popover. A name like `spot\u001b[2J` must not clear a terminal, and one with
 * U+202E must not print its neighbours backwards, so such characters never get through.
 */

// Line and paragraph breaks (C0, NEL, U+2028/9) read as one space: the text stays one line
// and words on either side of a break stay apart.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;

// Every other control (C0, DEL, C1), every bidi control (U+061C, U+200E/F, U+202A–202E,
// U+2066–2069), lone surrogates, the byte-order mark and the interlinear annotation marks; and
// what draws nothing yet makes two names differ or misaligns a column: zero-width space and
// non-joiner (U+200B/C), word joiner (U+2060), soft hyphen (U+00AD) and the tag characters
// (U+E0000–E007F, which can carry a hidden ASCII message; a subdivision flag falls back to 🏴).
const INVISIBLE = /[\p{Cc}\p{Bidi_Control}\p{Cs}\uFEFF\uFFF9-\uFFFB\u200B\u200C\u2060\u00AD\u{E0000}-\u{E007F}]/gu;

// The zero-width joiner is kept only where it joins two emoji (👩‍💻 is one picture, and a
// skin tone or variation selector may sit before it); anywhere else it is dropped.
const LONE_JOINER = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/**
 * `text` without control, bidi-control, invisible or unpaired-surrogate characters, on one line, trimmed,
 * and at most `maxChars` code points long (the last one an ellipsis when it was cut).
 */
export function cleanText(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const cleaned = text.replace(BREAKS, ' ').replace(INVISIBLE, '').replace(LONE_JOINER, '').trim();
  if (cleaned.length <= maxChars) return cleaned;
  const chars = [...cleaned];
  return chars.length <= maxChars
    ? cleaned
    : `${chars
        .slice(0, Math.max(0, maxChars - 1))
        .join('')
        .trimEnd()}…`;
}
