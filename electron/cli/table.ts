/**
 * A table laid out for the terminal's width: columns padded in terminal columns (a Chinese
 * character takes two); when it does not fit, the least needed columns are dropped first, then
 * the one text column that may be shortened is cut with "…". Numbers are never cut or wrapped:
 * a table that still does not fit is printed whole and the terminal wraps it.
 */
import { columns, padColumns } from './columns.js';

/** How one column behaves. */
export interface TableColumn {
  /** Right-aligned (numbers). */
  readonly right?: boolean;
  /** Dropped when the table is too wide: the lowest number goes first; never without one. */
  readonly drop?: number;
  /** The text column that may be cut with "…" (at most one per table), never below `MIN_CUT` columns. */
  readonly cut?: boolean;
}

/** A table's rows fitted to a width. */
export interface TableLayout {
  /** One row as a line (trailing spaces trimmed). */
  readonly line: (row: readonly string[]) => string;
  /** The columns the lines take, for a rule under the header. */
  readonly width: number;
}

const GAP = 2;
/** A cut column keeps this many columns at least: "Perpetual…" still says which account. */
const MIN_CUT = 6;

/** `text` shortened to `size` columns, ending in "…" when cut. */
export function cutColumns(text: string, size: number): string {
  if (columns(text) <= size) return text;
  let out = '';
  for (const ch of text) {
    if (columns(out + ch) > size - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Lays out `rows` (header included) for `maxWidth` columns. */
export function fitTable(spec: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, maxWidth: number): TableLayout {
  const natural = spec.map((_, i) => Math.max(0, ...rows.map((r) => columns(r[i] ?? ''))));
  const total = (keep: readonly number[], widths: readonly number[]): number =>
    keep.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + GAP * Math.max(0, keep.length - 1);
  let keep = spec.map((_, i) => i);
  const droppable = spec
    .map((c, i) => ({ i, drop: c.drop }))
    .filter((c): c is { i: number; drop: number } => c.drop !== undefined)
    .sort((a, b) => a.drop - b.drop);
  for (const { i } of droppable) {
    if (total(keep, natural) <= maxWidth) break;
    keep = keep.filter((k) => k !== i);
  }
  const widths = [...natural];
  const cut = spec.findIndex((c) => c.cut === true);
  if (cut >= 0 && keep.includes(cut)) {
    const excess = total(keep, widths) - maxWidth;
    if (excess > 0) widths[cut] = Math.min(natural[cut] ?? 0, Math.max(MIN_CUT, (natural[cut] ?? 0) - excess));
  }
  return {
    line: (row) =>
      keep
        .map((i) =>
          padColumns(i === cut ? cutColumns(row[i] ?? '', widths[i] ?? 0) : (row[i] ?? ''), widths[i] ?? 0, spec[i]?.right === true),
        )
        .join(' '.repeat(GAP))
        .trimEnd(),
    width: total(keep, widths),
  };
}
