/**
 * Columns set apart by runs of spaces, as some exports write them. Read like tab rows (and written as tab rows)
 * when a number is among the cells; `不  予  公  开` alone stays one label.
 */

import type { Line } from '../lines';
import { PLAIN_NUMBER } from '../normalize';
import { cellOf } from './cell';
import type { RawCell } from './types';

/** Two or more cells set apart by runs of two or more spaces. */
const SPACED = /\S(?: {2,}|\u3000{2,}|[ \u3000]{3,})\S/u;
const SPACE_RUN = / {2,}|\u3000{2,}|[ \u3000]{3,}/gu;

/** The cells of a space-aligned row, or undefined when the line is not one. */
export function readSpacedLine(line: Line, indent: number): RawCell[] | undefined {
  const t = line.text;
  if (!SPACED.test(t.slice(indent))) return undefined;
  const cells: RawCell[] = [];
  let from = indent;
  for (const m of t.slice(indent).matchAll(SPACE_RUN)) {
    const at = indent + m.index;
    cells.push(cellOf(line, from, at, from));
    from = at + m[0].length;
  }
  cells.push(cellOf(line, from, t.length, from));
  const joined = joinSpread(cells, (a, b) => cellOf(line, a.span.start - line.start, b.span.end - line.start, 0));
  const split = joined.flatMap((c, i, all) => {
    const next = all[i + 1];
    return next && PLAIN_NUMBER.test(next.text) ? labelThenNumber(line, c) : numbersApart(line, c);
  });
  return split.some((c) => PLAIN_NUMBER.test(c.text)) ? split : undefined;
}

/** One wide character: a Chinese character or a full-width mark (`、`, `（`). */
const WIDE_CHAR = /^[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]$/u;

/** Most spaces between the characters of words spread over their cell. */
const SPREAD_GAP = 6;

/**
 * Words spread over their cell a character at a time (分散对齐, or a PDF's letter spacing: `信  息  内  容`), which
 * `pdftotext -layout` sets two spaces apart or more: three single wide characters or more in a row, set apart
 * evenly (within a space) and near each other, are one piece. Two alone are not: they are as likely the last lines of
 * two labels side by side (`开        密`). `join` makes the piece from the first and the last.
 */
export function joinSpread<T extends { readonly text: string; readonly span: { start: number; end: number } }>(
  pieces: readonly T[],
  join: (first: T, last: T) => T,
): T[] {
  const out: T[] = [];
  const gap = (k: number): number => pieces[k + 1]!.span.start - pieces[k]!.span.end;
  for (let i = 0; i < pieces.length; i++) {
    let j = i;
    while (
      j + 1 < pieces.length &&
      WIDE_CHAR.test(pieces[j]!.text) &&
      WIDE_CHAR.test(pieces[j + 1]!.text) &&
      gap(j) <= SPREAD_GAP &&
      (j === i || Math.abs(gap(j) - gap(i)) <= 1)
    )
      j++;
    if (j - i >= 2) {
      out.push(join(pieces[i]!, pieces[j]!));
      i = j;
    } else out.push(pieces[i]!);
  }
  return out;
}

/** Numbers set apart by one space in a column layout (a narrow column squeezed them) are cells of their own. */
function numbersApart(line: Line, cell: RawCell): RawCell[] {
  if (!/^[0-9０-９.．]+(?: [0-9０-９.．]+)+$/u.test(cell.text)) return [cell];
  const offset = cell.span.start - line.start;
  return [...cell.text.matchAll(/\S+/gu)].map((m) =>
    cellOf(line, offset + m.index, offset + m.index + m[0].length, offset + m.index),
  );
}

/**
 * A label and the row's first number one space apart, the rest of the numbers further off (`(一) 予 0     0   0`: a
 * narrow label column left no room): the label and the number are cells of their own.
 */
function labelThenNumber(line: Line, cell: RawCell): RawCell[] {
  const m = /^(.*[^\s\d.．]) ([0-9０-９]+)$/u.exec(cell.text);
  if (!m) return numbersApart(line, cell);
  const offset = cell.span.start - line.start;
  const at = offset + m[1]!.length + 1;
  return [cellOf(line, offset, offset + m[1]!.length, offset), cellOf(line, at, at + m[2]!.length, at)];
}

/**
 * The columns of a pandoc table, from the line of dashes under its header (or above and below a multiline table):
 * `----- ------- ---`, each run a column, in display columns (a Chinese character takes two).
 */
export interface ColumnRule {
  readonly columns: readonly { readonly from: number; readonly to: number }[];
  readonly text: string;
}

const COLUMN_RULE = /^ *-{2,}(?: +-{2,})+ *$/u;

export function readColumnRule(text: string): ColumnRule | undefined {
  if (!COLUMN_RULE.test(text)) return undefined;
  return { columns: [...text.matchAll(/-+/gu)].map((m) => ({ from: m.index, to: m.index + m[0].length })), text };
}

/** Characters a terminal, and pandoc, draw two columns wide: CJK, Hangul, full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The display column of each character of a text (and one past its end). */
function displayColumns(text: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    out.push(d);
    const code = text.charCodeAt(i);
    // A surrogate pair is one character: its second half takes no column of its own.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    d += code >= 0xd800 && code <= 0xdbff ? 2 : WIDE.test(text[i]!) ? 2 : 1;
  }
  out.push(d);
  return out;
}

/**
 * A row of a table under a column rule, with a blank cell in each column that holds none: a blank where a value goes
 * stands where it is, not shifting the values after it a column left. A cell is in the column its first character
 * falls in; a row whose cells do not each fall in a column of their own is left as it is.
 */
export function onColumnRule(line: Line, cells: readonly RawCell[], rule: ColumnRule): RawCell[] {
  const at = displayColumns(line.text);
  const columnOf = (c: RawCell): number => {
    const d = at[c.span.start - line.start] ?? -1;
    return rule.columns.findIndex((k) => d >= k.from && d < k.to);
  };
  const placed = cells.map(columnOf);
  if (placed.some((k, i) => k < 0 || (i > 0 && k <= placed[i - 1]!))) return [...cells];
  const out: RawCell[] = [];
  let next = 0;
  rule.columns.forEach((k, i) => {
    if (placed[next] === i) {
      out.push(cells[next]!);
      next++;
      return;
    }
    // A blank at the column's first character, or at the line's end when the line stops short of it.
    let offset = at.findIndex((d) => d >= k.from);
    if (offset < 0 || offset > line.text.length) offset = line.text.length;
    out.push({ span: { start: line.start + offset, end: line.start + offset }, text: '', line: line.index });
  });
  return out;
}

/** Rows between a short row and the full ones whose columns place its cells. */
const NEAR_ROWS = 30;
/** How far a number may stand from its column's place. */
const COLUMN_SLACK = 3;

/**
 * Where each character of a line stands: counted in characters (pdftotext -layout sets text so, a Chinese character
 * one place) or in display columns (a text browser or pandoc, a Chinese character two).
 */
type Measure = (text: string) => number[];
const BY_CHARACTER: Measure = (text) => Array.from({ length: text.length + 1 }, (_, i) => i);
const MEASURES: readonly Measure[] = [BY_CHARACTER, displayColumns];

/** A short row's numbers placed in the columns of the full rows near it: the column each goes to, and how far off. */
function placeIn(
  row: { cells: readonly RawCell[]; line: Line },
  own: readonly RawCell[],
  full: readonly { cells: readonly RawCell[]; line: Line }[],
  measure: Measure,
): { columns: number[]; places: number[]; off: number } | undefined {
  const middlesOf = (r: { line: Line }, cells: readonly RawCell[]): number[] => {
    const at = measure(r.line.text);
    return cells.map((c) => {
      const from = c.span.start - r.line.start;
      return (at[from]! + at[from + c.text.length]!) / 2;
    });
  };
  const fulls = full.map((r) =>
    middlesOf(
      r,
      r.cells.filter((c) => PLAIN_NUMBER.test(c.text)),
    ),
  );
  const places = fulls[0]!.map((_, col) => {
    const xs = fulls.map((m) => m[col]!).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)]!;
  });
  let off = 0;
  const columns = middlesOf(row, own).map((x) => {
    let best = -1;
    places.forEach((p, col) => {
      if (Math.abs(p - x) <= COLUMN_SLACK && (best < 0 || Math.abs(p - x) < Math.abs(places[best]! - x))) best = col;
    });
    if (best >= 0) off += Math.abs(places[best]! - x);
    return best;
  });
  if (columns.some((c, k) => c < 0 || (k > 0 && c <= columns[k - 1]!))) return undefined;
  return { columns, places, off };
}

/**
 * Rows set out by spaces that lack one number of the rows around them (a blank cell leaves only spaces): each number
 * is placed in the column whose place — the middle of the numbers the nearest full rows (one number more) have in it,
 * counted in characters or in display columns, whichever fits — it stands nearest, within three places; the one
 * column left has a blank cell, at its place in the gap. A row whose numbers do not each fall in a column of their
 * own, in order, is left as it is. The rows' new cells, by their index; undefined where nothing changes.
 */
export function placeBlanks(rows: readonly { cells: readonly RawCell[]; line: Line }[]): (RawCell[] | undefined)[] {
  const numbers = rows.map((r) => r.cells.filter((c) => PLAIN_NUMBER.test(c.text)));
  return rows.map((r, i) => {
    const own = numbers[i]!;
    if (own.length < 2) return undefined;
    // The nearest full rows, above and below.
    const full: { cells: readonly RawCell[]; line: Line }[] = [];
    for (let d = 1; d <= NEAR_ROWS && full.length < 4; d++)
      for (const k of [i - d, i + d]) if (numbers[k]?.length === own.length + 1) full.push(rows[k]!);
    if (full.length === 0) return undefined;
    let fit: { columns: number[]; places: number[]; off: number; measure: Measure } | undefined;
    for (const measure of MEASURES) {
      const placed = placeIn(r, own, full, measure);
      if (placed && (!fit || placed.off < fit.off)) fit = { ...placed, measure };
    }
    if (!fit) return undefined;
    const missing = fit.places.findIndex((_, col) => !fit.columns.includes(col));
    // The blank goes between the numbers either side of its column, at its place when the gap holds it.
    const before = own[missing - 1];
    const after = own[missing];
    const at = fit.measure(r.line.text);
    const lo = before ? before.span.end - r.line.start + 1 : 0;
    const hi = after ? after.span.start - r.line.start - 1 : r.line.text.length;
    let offset = at.findIndex((d) => d >= fit.places[missing]!);
    if (offset < 0) offset = r.line.text.length;
    offset = Math.min(Math.max(offset, lo), Math.max(lo, hi));
    const blank: RawCell = {
      span: { start: r.line.start + offset, end: r.line.start + offset },
      text: '',
      line: r.line.index,
    };
    const cells = [...r.cells];
    cells.splice(after ? cells.indexOf(after) : cells.length, 0, blank);
    return cells;
  });
}
