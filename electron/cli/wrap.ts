/**
 * Prose and help fitted to the terminal: lines broken at spaces, and between CJK characters
 * (never inside a number, a Latin word, a flag or a URL, and never before closing punctuation
 * such as "，" or "）"), measured in terminal columns (a Chinese character takes two).
 */
import type { CliIo } from './io.js';
import { columns } from './columns.js';

/** Columns when stdout is not a terminal and COLUMNS says nothing: the classic terminal's. */
export const DEFAULT_WIDTH = 80;

/** Help and prose stop here on a wide terminal: longer lines are hard to read, tables still use the full width. */
const PROSE_MAX_WIDTH = 100;

/** Fewer columns than this are not worth laying out for: a narrower pane gets this many and wraps on its own. */
const MIN_WIDTH = 20;

/**
 * The width to write to: the terminal's (`stdout.columns`), else `COLUMNS` from the environment
 * as `ls` reads it (a pipe into a pane of known size), else 80.
 */
export function terminalWidth(io: Pick<CliIo, 'stdout' | 'env'>): number {
  const stdout = io.stdout as { isTTY?: boolean; columns?: number };
  const fromEnv = Number(io.env['COLUMNS']);
  const width =
    stdout.isTTY === true && typeof stdout.columns === 'number' && stdout.columns > 0
      ? stdout.columns
      : Number.isInteger(fromEnv) && fromEnv > 0
        ? fromEnv
        : DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, width);
}

// Closing punctuation never starts a line; opening punctuation never ends one (kinsoku).
const NO_BREAK_BEFORE = /^[，。、；：！？）」』】〉》”’％…·,.;:!?)\]}%]/u;
const NO_BREAK_AFTER = /[（「『【〈《“‘([{]$/u;

/** A character that may stand alone on either side of a line break: Han, kana, Hangul and CJK punctuation. */
function isCjk(ch: string): boolean {
  return columns(ch) === 2;
}

/** One unbreakable piece of text and whether a space came before it. */
interface Piece {
  text: string;
  space: boolean;
}

/** Splits a line into the pieces a break may fall between. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let space = false;
  let lastCjk = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\t') {
      space = true;
      continue;
    }
    const cjk = isCjk(ch);
    const last = out[out.length - 1];
    // A number stays with the CJK character beside it ("12月7日", "2 个" aside): a date or a count is not split.
    const digitBeside = last !== undefined && ((cjk && /\d$/u.test(last.text)) || (lastCjk && /\d/u.test(ch)));
    // A no-break space holds its neighbours together, CJK or not.
    const glued = ch === '\u00a0' || last?.text.endsWith('\u00a0') === true;
    const joins =
      last !== undefined &&
      !space &&
      (NO_BREAK_BEFORE.test(ch) || NO_BREAK_AFTER.test(last.text) || (!cjk && !lastCjk) || digitBeside || glued);
    if (last !== undefined && space && ch === '—') last.text += ' —';
    else if (joins) last.text += ch;
    else out.push({ text: ch, space: space && out.length > 0 });
    space = false;
    lastCjk = cjk;
  }
  return out;
}

/**
 * One line broken into lines of at most `width` columns; the lines after the first start with
 * `indent`. A piece wider than a line (a long URL) stands alone on its line, unbroken.
 */
export function wrapLine(text: string, width: number, indent = ''): string[] {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead;
  let used = columns(lead);
  let empty = true;
  for (const piece of pieces(text.slice(lead.length))) {
    const gap = piece.space && !empty ? 1 : 0;
    const size = columns(piece.text);
    if (!empty && used + gap + size > width) {
      lines.push(line);
      line = indent + piece.text;
      used = columns(indent) + size;
      continue;
    }
    line += (gap ? ' ' : '') + piece.text;
    used += gap + size;
    empty = false;
  }
  lines.push(line);
  return lines;
}

// A line of an option or command list: indent, the term, two or more spaces, its description.
const LIST_ENTRY = /^( +)(\S.*?)( {2,})(\S.*)$/u;
// A line that ends a sentence or introduces what follows keeps its line break.
const HARD_END = /[.。:：!！?？]$/u;
// Shorter lines were broken by hand (a list of sentences), longer ones only to fit 80-odd columns.
const REFLOW_MIN = 70;

// Fullwidth punctuation carries its own space.
const FULLWIDTH_PUNCTUATION = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20]/u;

/** Two lines of one paragraph joined: with a space, unless two CJK characters or fullwidth punctuation meet. */
function join(a: string, b: string): string {
  const last = [...a].pop() ?? '';
  const first = [...b][0] ?? '';
  const close = (isCjk(last) && isCjk(first)) || FULLWIDTH_PUNCTUATION.test(last) || FULLWIDTH_PUNCTUATION.test(first);
  return close ? a + b : `${a} ${b}`;
}

/**
 * Help or prose, refilled to `width` columns (at most PROSE_MAX_WIDTH): a paragraph broken only
 * to fit is joined and broken again; an option list keeps its description column, or puts the
 * description under the option when the column leaves too little room; other indented lines
 * (commands to type) are kept as they are.
 */
export function reflow(text: string, width: number): string {
  const max = Math.min(width, PROSE_MAX_WIDTH);
  const input = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < input.length; i += 1) {
    let line = input[i] ?? '';
    if (line.trim() === '') {
      out.push('');
      continue;
    }
    const entry = LIST_ENTRY.exec(line);
    if (line.startsWith(' ') && entry) {
      const [, indent = '', term = '', gap = ''] = entry;
      const column = columns(indent + term + gap);
      let description = entry[4] ?? '';
      // Continuation lines start exactly at the description column.
      while (i + 1 < input.length && /^ +\S/.test(input[i + 1] ?? '') && (/^ */.exec(input[i + 1] ?? '')?.[0].length ?? 0) === column) {
        i += 1;
        description = join(description, (input[i] ?? '').trim());
      }
      const beside = max - column >= 24;
      const pad = ' '.repeat(beside ? column : 8);
      const body = wrapLine(description, max - pad.length);
      if (beside) out.push(indent + term + gap + (body[0] ?? ''), ...body.slice(1).map((l) => pad + l));
      else out.push(indent + term, ...body.map((l) => pad + l));
      continue;
    }
    if (line.startsWith(' ')) {
      out.push(line);
      continue;
    }
    while (!HARD_END.test(line) && columns(line) >= REFLOW_MIN && /^\S/.test(input[i + 1] ?? '')) {
      i += 1;
      line = join(line, input[i] ?? '');
    }
    out.push(...wrapLine(line, max));
  }
  return out.join('\n');
}

/** Help or prose refilled to this command line's terminal. */
export function fitToTerminal(io: Pick<CliIo, 'stdout' | 'env'>, text: string): string {
  return reflow(text, terminalWidth(io));
}
