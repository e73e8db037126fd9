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
// U+2066–2069), lone surrogates, the byte-order mark and the interlinear annotation marks.
const INVISIBLE = /[\p{Cc}\p{Bidi_Control}\p{Cs}\uFEFF\uFFF9-\uFFFB]/gu;

/**
 * `text` without control, bidi-control or unpaired-surrogate characters, on one line, trimmed,
 * and at most `maxChars` code points long (the last one an ellipsis when it was cut).
 */
export function cleanText(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const cleaned = text.replace(BREAKS, ' ').replace(INVISIBLE, '').trim();
  if (cleaned.length <= maxChars) return cleaned;
  const chars = [...cleaned];
  return chars.length <= maxChars
    ? cleaned
    : `${chars
        .slice(0, Math.max(0, maxChars - 1))
        .join('')
        .trimEnd()}…`;
}
