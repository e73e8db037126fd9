// Hostile input: the one sanitiser every piece of outside text passes before a terminal or the UI.
import { describe, expect, it } from 'vitest';
import { cleanText } from './text.js';

describe('cleanText', () => {
  it('drops C0 and C1 controls and DEL, so a terminal escape cannot act', () => {
    expect(cleanText('spot\u001b[2J\u001b]0;owned\u0007')).toBe('spot[2J]0;owned');
    expect(cleanText('a\u0000b\u007fc\u0080d\u009be\u009df')).toBe('abcdef');
  });

  it('drops every bidi control, so text cannot print backwards or hide its neighbours', () => {
    const bidi = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const c of bidi) expect(cleanText(`x${c}y`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('xy');
  });

  it('turns line breaks (CR, LF, tab, NEL, U+2028/9) into one space and trims', () => {
    expect(cleanText('  one\r\n\ttwo\u0085three\u2028four\u2029five  ')).toBe('one two three four five');
  });

  it('drops lone surrogates, the BOM and annotation marks but keeps real text: accents, CJK, emoji with joiners', () => {
    expect(cleanText('a\ud800b\udc00c\ufeffd\ufff9e')).toBe('abcde');
    expect(cleanText('Épargne 理财 👩‍💻 مرحبا')).toBe('Épargne 理财 👩‍💻 مرحبا');
  });

  it('drops what draws nothing but makes two names differ: zero-width characters, soft hyphens, tag characters', () => {
    const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u{e0001}', '\u{e0041}', '\u{e007f}'];
    for (const c of invisible) expect(cleanText(`sp${c}ot`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('spot');
    // A hidden ASCII message in tag characters is gone entirely.
    expect(cleanText(`spot${[...'ignore'].map((ch) => String.fromCodePoint(0xe0000 + ch.codePointAt(0)!)).join('')}`)).toBe('spot');
  });

  it('keeps the zero-width joiner only between two emoji (a skin tone or VS16 may precede it)', () => {
    expect(cleanText('👩\u200d💻')).toBe('👩\u200d💻');
    expect(cleanText('👩🏽\u200d💻')).toBe('👩🏽\u200d💻');
    expect(cleanText('❤\ufe0f\u200d🔥')).toBe('❤\ufe0f\u200d🔥');
    expect(cleanText('a\u200db')).toBe('ab');
    expect(cleanText('👩\u200db')).toBe('👩b');
    expect(cleanText('a\u200d💻')).toBe('a💻');
    expect(cleanText('\u200d\u200d')).toBe('');
  });

  it('bounds the length in code points, marking the cut with an ellipsis', () => {
    expect(cleanText('abcdef', 4)).toBe('abc…');
    expect(cleanText('abcd', 4)).toBe('abcd');
    expect([...cleanText('😀'.repeat(10), 5)]).toHaveLength(5);
    expect(cleanText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });
});
