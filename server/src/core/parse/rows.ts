/**
 * Cells of a physical row read for a table: each cell a value, a blank or a label; a row split where one logical row
 * ends and the next begins; the values of a row with the blank padding around them.
 */

import { BOOKMARK_PATTERN } from './artifacts';
import { cover } from '../util';
import type { Cell, Span } from '../model';
import type { Template, ValueKind } from '../templates/index';
import type { RawCell } from './cells';
import { NO_VALUE_MARK, NUMBERS_ONLY, PLAIN_NUMBER } from '../normalize';
import { lookupLabel } from './labels';

const NUMBER = /^[+-]?\d+(\.\d+)?$/u;
/** Thousands set apart by commas in their places: `1,234`. */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/u;
/** Digits with spaces or commas inside that are no thousands: `1 2`, `3,5` — a number, but not one to guess at. */
const BROKEN_NUMBER = /^[+-]?\d[\d\s,]*\d(\.\d+)?$/u;
const NUMBER_WITH_UNIT = /^[+-]?\d+(\.\d+)?\s*[件个项条次万元%]+$/u;

/**
 * Most digits a value may have before its point: sums of a table's values stay exact in floating point (2^53 is
 * about 9 × 10^15; 30 addends below 10^14 stay under it).
 */
export const MAX_DIGITS = 14;

const DIGITS = new RegExp(`^\\d{1,${MAX_DIGITS}}$`, 'u');
const ASCII = /^[\x20-\x7e]*$/u;

function cell(raw: RawCell, kind: Cell['kind'], value: number | undefined, status: Cell['status']): Cell {
  const c = { span: raw.span, text: raw.text, line: raw.line, kind, value, status };
  return raw.wrapped ? { ...c, wrapped: true } : c;
}

/** A number read from digits, unless it has more digits than sums can hold exactly. */
function numberCell(raw: RawCell, digits: string): Cell {
  const whole = digits.replace(/^[+-]/u, '').split('.')[0]!;
  if (whole.replace(/^0+(?=\d)/u, '').length > MAX_DIGITS) return cell(raw, 'value', undefined, 'invalid');
  return cell(raw, 'value', Number(digits), 'ok');
}

/** A Word bookmark left at a cell's edge: a leftover (its own finding), not part of the cell. */
const BOOKMARK_AT_EDGE = new RegExp(`^${BOOKMARK_PATTERN}\\s*|\\s*${BOOKMARK_PATTERN}$`, 'giu');

/** The cell without a bookmark at either edge, its span narrowed to match. */
function withoutBookmarks(raw: RawCell): RawCell {
  if (!raw.text.includes('[')) return raw;
  let start = 0;
  let end = raw.text.length;
  for (const m of raw.text.matchAll(BOOKMARK_AT_EDGE)) {
    if (m.index === 0) start = m[0].length;
    else end = Math.min(end, m.index);
  }
  if (start === 0 && end === raw.text.length) return raw;
  if (start >= end) return { ...raw, text: '', span: { start: raw.span.end, end: raw.span.end } };
  return {
    ...raw,
    text: raw.text.slice(start, end),
    span: { start: raw.span.start + start, end: raw.span.start + end },
  };
}

export function classify(cellAsRead: RawCell): Cell {
  const raw = withoutBookmarks(cellAsRead);
  const text = raw.text;
  if (text.length === 0) return cell(raw, 'blank', undefined, 'missing');
  if (DIGITS.test(text)) return cell(raw, 'value', Number(text), 'ok');
  // Full-width digits and signs fold to ASCII; the costly fold only runs on text that needs it.
  const t = ASCII.test(text) ? text : text.normalize('NFKC');
  if (NO_VALUE_MARK.test(t)) return cell(raw, 'value', undefined, 'missing');
  if (NUMBER.test(t)) return numberCell(raw, t);
  if (THOUSANDS.test(t)) return numberCell(raw, t.replace(/,/gu, ''));
  if (BROKEN_NUMBER.test(t) || NUMBER_WITH_UNIT.test(t)) return cell(raw, 'value', undefined, 'invalid');
  return cell(raw, 'label', undefined, 'ok');
}

/** Status of a value cell against what its column allows. */
export function withStatus(cell: Cell, kind: ValueKind): Cell {
  if (cell.kind === 'blank' || cell.value === undefined) return cell;
  const v = cell.value;
  const ok =
    kind === 'change'
      ? Number.isInteger(v) && !cell.text.includes('.')
      : v >= 0 &&
        (kind === 'amount' || Number.isInteger(v)) &&
        !/^[+-]/u.test(cell.text) &&
        !(kind === 'count' && cell.text.includes('.'));
  return ok ? cell : { ...cell, status: 'invalid' };
}

/** What a label cell does for splitting: opens a table, names a row (which), heads a column, or something else. */
function roleOf(template: Template, cell: Cell): { role: 'caption' | 'row' | 'header' | 'other'; row?: string } {
  const hits = lookupLabel(template, cell.text);
  if (hits.some((h) => h.kind === 'caption' || h.kind === 'old-caption')) return { role: 'caption' };
  const header = hits.some((h) => h.kind === 'header' || h.kind === 'old-column');
  // An older format's row that is a group heading now (2019's （六）其他处理) splits nothing.
  const group = hits.some((h) => h.kind === 'group');
  const row = hits.find((h) => h.kind === 'row' || (h.kind === 'old-row' && !group));
  if (row && !header) return { role: 'row', row: JSON.stringify(row) };
  return { role: header ? 'header' : 'other' };
}

/** Short text that names nothing in the template: `无`, `一`, `（1）` — what a writer puts where a number goes. */
function isValueLike(template: Template, c: Cell): boolean {
  return c.kind === 'label' && c.text.length <= 4 && lookupLabel(template, c.text).length === 0;
}

/**
 * A cell that stands where a value goes is a value — an invalid one when it is no number — never a part of the label
 * before it: short text that names nothing, with a value after it, and a value or a row's label before it. Read
 * from the right, so `无 无 0` are all values. Merged into the label, it would shift the row's numbers a column.
 */
function valuesInPlace(template: Template, cells: readonly Cell[]): readonly Cell[] {
  let firstLabel = -1;
  for (let i = 0; i < cells.length && firstLabel < 0; i++) {
    if (cells[i]!.kind === 'label' && !isValueLike(template, cells[i]!)) firstLabel = i;
  }
  let out: Cell[] | undefined;
  let next: Cell | undefined;
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i]!;
    if (c.kind === 'blank') continue;
    if (next?.kind === 'value' && isValueLike(template, c)) {
      let prev: Cell | undefined;
      for (let k = i - 1; k >= 0 && !prev; k--) if (cells[k]!.kind !== 'blank') prev = cells[k];
      if (prev?.kind === 'value' || (firstLabel >= 0 && firstLabel < i)) {
        out ??= [...cells];
        out[i] = { ...c, kind: 'value', value: undefined, status: 'invalid' };
      }
    }
    next = (out ?? cells)[i];
  }
  return out ?? cells;
}

/** A row label, then numbers each after one space: `行政许可 97`, `规章 0 0 0` (Markdown made from a PDF). */
export const LABEL_THEN_NUMBERS = /^(.*?[^\s\d.．])((?:[ \u3000]+[0-9０-９]+(?:[.．][0-9０-９]+)?)+)$/u;

/**
 * A label's last piece and a row's numbers after single spaces, three or more (`内容仍不明确 0 0 0 0 0 0 0`): the
 * match (1: the label, 2: the numbers with the spaces before them); undefined for any other text.
 */
export function labelThenRowNumbers(text: string): RegExpExecArray | undefined {
  const m = LABEL_THEN_NUMBERS.exec(text);
  return m && NUMBERS_ONLY.test(m[2]!.trim()) ? m : undefined;
}

/** Value cells of a text of numbers set apart by single spaces, starting at `start`. */
function spacedValues(text: string, start: number, line: Cell['line']): Cell[] {
  const out: Cell[] = [];
  for (const n of text.matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)?/gu)) {
    const at = start + n.index;
    out.push(classify({ span: { start: at, end: at + n[0].length }, text: n[0], line }));
  }
  return out;
}

/**
 * A label cell that ends in numbers set apart by single spaces is the label and its value cells, when the label is
 * one; three numbers or more set apart so, alone on their line, are values. Numbers in one cell beside others of its
 * line (`5 1` in a tab row) stay one invalid cell: which was meant cannot be told.
 */
function splitSpacedValues(template: Template, cells: readonly Cell[]): readonly Cell[] {
  // How many cells of each line hold numbers: numbers alone on their line are a row's values.
  const numbersOnLine = new Map<number, number>();
  for (const c of cells)
    if (PLAIN_NUMBER.test(c.text) || NUMBERS_ONLY.test(c.text))
      numbersOnLine.set(c.line, (numbersOnLine.get(c.line) ?? 0) + 1);
  let out: Cell[] | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    // Numbers with no other number on their line: a row's values (beside other numbers, a guess).
    if (NUMBERS_ONLY.test(c.text) && (numbersOnLine.get(c.line) ?? 0) === 1) {
      out ??= cells.slice(0, i);
      for (const v of spacedValues(c.text, c.span.start, c.line)) out.push(v);
      continue;
    }
    const m = c.kind === 'label' && /\d/u.test(c.text) ? LABEL_THEN_NUMBERS.exec(c.text) : null;
    if (!m || !lookupLabel(template, m[1]!).some((h) => h.kind === 'row')) {
      out?.push(c);
      continue;
    }
    out ??= cells.slice(0, i);
    out.push({ ...c, text: m[1]!, span: { start: c.span.start, end: c.span.start + m[1]!.length } });
    for (const v of spacedValues(m[2]!, c.span.start + m[1]!.length, c.line)) out.push(v);
  }
  return out ?? cells;
}

/**
 * Splits a physical row into logical rows: where a label follows a value, where a row's own label follows column
 * headers or another row's label, and around a table's caption. One-cell-per-line text without blank lines between
 * rows is one physical row until split here. A label repeated across merged cells stays in its row.
 */
export function segments(template: Template, physical: readonly Cell[]): Cell[][] {
  const cells = valuesInPlace(template, splitSpacedValues(template, physical));
  // A row without a number that names two columns or more is one header row, whatever else its cells name.
  if (!cells.some((c) => c.kind === 'value')) {
    let columns = 0;
    for (const c of cells) if (c.kind === 'label' && roleOf(template, c).role === 'header') columns++;
    if (columns >= 2) return [[...cells]];
  }
  const out: Cell[][] = [];
  let cur: Cell[] = [];
  let seenValue = false;
  let seenHeader = false;
  let seenCaption = false;
  let seenRow: string | undefined;
  const cut = (): void => {
    if (cur.length > 0) out.push(cur);
    cur = [];
    seenValue = false;
    seenHeader = false;
    seenCaption = false;
    seenRow = undefined;
  };
  for (const c of cells) {
    if (c.kind === 'label') {
      const { role, row } = roleOf(template, c);
      if (seenValue || seenCaption || (role === 'caption' && cur.some((x) => x.kind !== 'blank'))) cut();
      else if (role === 'row' && (seenHeader || (seenRow !== undefined && seenRow !== row))) cut();
      if (role === 'caption') seenCaption = true;
      if (role === 'header') seenHeader = true;
      if (role === 'row') seenRow = row;
    }
    if (c.kind === 'value') seenValue = true;
    cur.push(c);
  }
  cut();
  return out;
}

/** Values of a row: the cells after its last label, blank padding at either end dropped. */
export function valuesOf(seg: readonly Cell[]): Padded {
  let last = -1;
  seg.forEach((c, i) => {
    if (c.kind === 'label') last = i;
  });
  let s = last + 1;
  let e = seg.length;
  while (s < e && seg[s]!.kind === 'blank') s++;
  while (e > s && seg[e - 1]!.kind === 'blank') e--;
  return { values: seg.slice(s, e), lead: seg.slice(last + 1, s), trail: seg.slice(e) };
}

export const NO_VALUES: Padded = { values: [], lead: [], trail: [] };

/** Values with the blank cells around them that were taken for padding. */
export interface Padded {
  readonly values: readonly Cell[];
  readonly lead: readonly Cell[];
  readonly trail: readonly Cell[];
}

/**
 * The values of a row with `n` columns. Blank cells around the values are padding (merged cells), unless the row is
 * short and the blanks lie on one side only: then the blanks next to the values are the missing ones. A row with more
 * cells than columns whose blanks are exactly the excess is laid on a finer grid (a table with merged cells written
 * out cell by cell, as pandoc writes a Word table as a pipe table: `10 |  | 2 |  | 0`): its blanks are no columns.
 */
export function fitValues(p: Padded, n: number): Cell[] {
  const short = n - p.values.length;
  if (short < 0) {
    const filled = p.values.filter((c) => c.kind !== 'blank');
    if (filled.length === n) return filled;
  }
  if (short <= 0 || (p.lead.length > 0 && p.trail.length > 0)) return [...p.values];
  if (p.lead.length > 0) return [...p.lead.slice(Math.max(0, p.lead.length - short)), ...p.values];
  return [...p.values, ...p.trail.slice(0, short)];
}

/** The cells after a row's last label, from the right: the same columns of a finer grid line up from the right. */
function fromRight(p: Padded): Cell[] {
  return [...p.lead, ...p.values, ...p.trail].reverse();
}

/** Where a row on a finer grid has its `n` values, as places from the right; undefined for a row of another kind. */
function gridOf(p: Padded, n: number): number[] | undefined {
  if (p.values.length <= n) return undefined;
  const places = fromRight(p).flatMap((c, i) => (c.kind === 'blank' ? [] : [i]));
  return places.length === n ? places : undefined;
}

/**
 * The values of rows on a finer grid that lack some (a blank where a value goes, among the grid's own blanks): read
 * at the places a neighbouring row of the table (the nearest, up to four rows off) has its values, when every value of
 * the row stands at one of them.
 * Rows of other kinds are undefined (`fitValues` reads them).
 */
/** How far a row looks, either way, for a neighbour on its grid. */
const NEIGHBOURS = 4;

export function onNeighbourGrid(rows: readonly Padded[], n: number): (Cell[] | undefined)[] {
  const grids = rows.map((p) => gridOf(p, n));
  return rows.map((p, k) => {
    if (p.values.length <= n || grids[k]) return undefined;
    const cells = fromRight(p);
    const filled = cells.flatMap((c, i) => (c.kind === 'blank' ? [] : [i]));
    for (let d = 1; d <= NEIGHBOURS; d++) {
      for (const j of [k - d, k + d]) {
        const g = grids[j];
        if (!g || !filled.every((i) => g.includes(i))) continue;
        return g.map((i) => cells[i]!).reverse();
      }
    }
    return undefined;
  });
}

/** Label cells read as one: a label wrapped over lines. */
export function joinCells(cells: readonly Cell[]): Cell {
  const first = cells[0]!;
  return {
    ...first,
    span: spanOf(cells),
    text: cells.map((c) => c.text).join(''),
  };
}

/** From the first to the last character of the cells, whatever their order (a label read after its numbers). */
export function spanOf(cells: readonly Cell[]): Span {
  return cover(cells.map((c) => c.span)) ?? { start: 0, end: 0 };
}
