/**
 * Row labels wrapped around their numbers, as `pdftotext -layout` prints a table whose label column is narrow:
 *
 *     1、申请人无正当理由逾期不补
 *     正、行政机关不再处理其政府信      67  3  0  0  1  0  71
 *     息公开申请
 *
 * The fragment lines around a row of numbers are its label when, joined, they name a row of the section's tables
 * (exactly or nearly). They are taken out of the rows around, so they do not stand as rows of their own.
 */

import { tableSpec, type Template } from '../templates/index';
import type { RawCell, RawRow } from './cells';
import { NUMBERS_ONLY, PLAIN_NUMBER, ordinalPrefix } from '../normalize';
import { lookupLabel, nearRow, type LabelHit } from './labels';
import { labelThenRowNumbers } from './rows';
import { joinSpread } from '../layouts/spaced';

/** Whether a text names a row of one of the tables: exactly, nearly, or not at all. */
function namesRow(template: Template, tables: readonly string[], text: string): 'exact' | 'near' | undefined {
  if (lookupLabel(template, text).some((h) => h.kind === 'row' && tables.includes(h.table))) return 'exact';
  return tables.some((t) => nearRow(template, text, t) !== undefined) ? 'near' : undefined;
}

/**
 * Whether a text names what the hit says with the ordinal it carries: `2.其他` is no `3.其他` (it begins
 * `2.其他法律行政法规禁止公开`), nor the column 其他.
 */
function namesItsRow(template: Template, text: string, hit: LabelHit): boolean {
  const own = ordinalPrefix(text);
  // A column's name has no ordinal.
  if (hit.kind === 'header') return own === undefined;
  if (hit.kind !== 'row') return true;
  const label = tableSpec(template, hit.table)?.rows[hit.row]?.label;
  const theirs = label === undefined ? undefined : ordinalPrefix(label);
  return !own || !theirs || own.value === theirs.value;
}

/** An ordinal and nothing else (`（七）`, `2.`): no label by itself, the start of one. */
function ordinalOnly(text: string | undefined): boolean {
  if (text === undefined) return false;
  const p = ordinalPrefix(text);
  return p !== undefined && p.length >= text.trim().length;
}

/** After a lone ordinal (`（七）`), any words are the rest of its label (`总计`), whatever else they name. */
function wordsAfterOrdinal(c: RawCell): boolean {
  return c.text.length > 0 && !PLAIN_NUMBER.test(c.text) && !NUMBERS_ONLY.test(c.text);
}

/** Whether a cell's text names a row of a table, with the ordinal it carries. */
function namesARow(template: Template, c: RawCell): boolean {
  return lookupLabel(template, c.text).some((h) => h.kind === 'row' && namesItsRow(template, c.text, h));
}

/** A cell that may be a fragment of a wrapped label: text that is no number (nor a row's numbers) and names nothing. */
function isFragment(template: Template, c: RawCell | undefined): c is RawCell {
  return (
    c !== undefined &&
    c.text.length > 0 &&
    !PLAIN_NUMBER.test(c.text) &&
    !NUMBERS_ONLY.test(c.text) &&
    lookupLabel(template, c.text).every((h) => !namesItsRow(template, c.text, h))
  );
}
/** A line of one cell a line, cut into its column pieces where runs of spaces part them (`三、本年度办   （一）予以公`). */
function pieces(cell: RawCell): RawCell[] {
  const out: RawCell[] = [];
  const col = cell.col ?? 0;
  for (const m of cell.text.matchAll(/\S+(?: \S+)*/gu)) {
    const start = cell.span.start + m.index;
    out.push({ span: { start, end: start + m[0].length }, text: m[0], line: cell.line, col: col + m.index });
  }
  // Words spread a character at a time over their cell (`信  息  内  容`) are one piece.
  return joinSpread(out, (first, last) => {
    const from = first.span.start - cell.span.start;
    const to = last.span.end - cell.span.start;
    return {
      span: { start: first.span.start, end: last.span.end },
      text: cell.text.slice(from, to),
      line: cell.line,
      col: col + from,
    };
  });
}

/** Most lines a label wraps over on either side of its numbers (a long label in a narrow column takes twelve). */
const MAX_LINES = 24;

/**
 * The column pieces of the fragment lines next to the numbers: the last ones of a group above, the first below.
 * Pieces wholly left of `rowCol` (the row label's column, when a group's label stands left of it) are the group label's
 * lines (`其他` / `处理` beside `请人` / `无正`): they neither stop the lines nor make one.
 */
function fragmentLines(
  template: Template,
  cells: readonly RawCell[],
  from: 'end' | 'start',
  middle?: string,
  rowCol?: number,
): RawCell[][] {
  const filled = cells.filter((c) => c.text.length > 0);
  const ordered = from === 'end' ? [...filled].reverse() : filled;
  const out: RawCell[][] = [];
  for (let i = 0; i < ordered.length; i++) {
    const c = ordered[i]!;
    const parts = pieces(c);
    // The line before this one in reading order: above it when reading upwards, else the last taken (or the
    // numbers' own label piece).
    const before = from === 'end' ? ordered[i + 1]?.text : (ordered[i - 1]?.text ?? middle);
    // Wholly left of the row label's column: a piece running into it is cut there later (`予公 开 国家秘`).
    const group = (p: RawCell): boolean => rowCol !== undefined && (p.col ?? 0) + p.text.length < rowCol;
    // Inside a label wrapped below its numbers, a short word with no ordinal goes on with it even when it names a
    // column (`不计` / `其他` / `情形)`): a row's label begins with its ordinal.
    const inside = (p: RawCell): boolean =>
      from === 'start' &&
      out.length > 0 &&
      p.text.length <= 4 &&
      ordinalPrefix(p.text) === undefined &&
      wordsAfterOrdinal(p) &&
      !NUMBERS_ONLY.test(p.text);
    const ok =
      parts.some((p) => !group(p)) &&
      parts.every(
        (p) =>
          group(p) ||
          isFragment(template, p) ||
          (parts.length === 1 && (inside(p) || (ordinalOnly(before) && wordsAfterOrdinal(p)))),
      );
    if (out.length === MAX_LINES || parts.length === 0) break;
    // Reading upwards, a line that names a row may be the head of this one's label, the rest wrapped below it
    // (`（二）部分公开` over `（区分处理的，` and the numbers): the last line taken; joined only if the whole names a row.
    if (!ok && from === 'end' && parts.length === 1 && namesARow(template, parts[0]!)) {
      out.push(parts);
      break;
    }
    if (!ok) break;
    out.push(parts);
  }
  return from === 'end' ? out.reverse() : out;
}

/**
 * Columns are the same when they start within four characters of each other: a short last line of a label is
 * centred in its cell; the next column (a row label's beside a group label's) starts further off.
 */
const SAME_COLUMN = 4;

/** The piece of a line that stands in the column at `col`: the nearest, when two narrow columns are both near. */
function inColumn(line: readonly RawCell[], col: number): RawCell | undefined {
  let best: RawCell | undefined;
  for (const p of line) {
    const d = Math.abs((p.col ?? 0) - col);
    if (d <= SAME_COLUMN && (best === undefined || d < Math.abs((best.col ?? 0) - col))) best = p;
  }
  return best;
}

/** Takes pieces out of the cells of a group: what is left of a cell stays as its own pieces. */
function takeOut(row: { cells: RawCell[] }, used: readonly RawCell[]): void {
  if (used.length === 0) return;
  const next: RawCell[] = [];
  for (const c of row.cells) {
    const hit = used.filter((u) => u.line === c.line && u.span.start >= c.span.start && u.span.end <= c.span.end);
    if (hit.length === 0) next.push(c);
    else for (const p of pieces(c)) if (!hit.some((u) => u.span.start === p.span.start)) next.push(p);
  }
  row.cells = next;
}

/**
 * The rows of one cell a line next to row `k` in direction `step`, nearest first: the next one, and beyond it more
 * while each is one line of fragments (a row of its own for each line) — as many as a label wraps over.
 */
function fragmentRows(
  template: Template,
  rows: readonly { cells: RawCell[]; layout: RawRow['layout'] }[],
  k: number,
  step: 1 | -1,
  middle?: string,
): { cells: RawCell[]; layout: RawRow['layout'] }[] {
  const out: { cells: RawCell[]; layout: RawRow['layout'] }[] = [];
  const only = (i: number): RawCell | undefined => {
    const filled = rows[i]?.cells.filter((c) => c.text.length > 0) ?? [];
    return filled.length === 1 ? filled[0] : undefined;
  };
  for (let i = k + step; i >= 0 && i < rows.length && out.length < MAX_LINES; i += step) {
    const r = rows[i]!;
    if (r.layout !== 'cells') break;
    out.push(r);
    const cell = only(i);
    // The line before in reading order: above when reading upwards, else the previous one or the label piece.
    const before = step < 0 ? only(i - 1)?.text : i === k + step ? middle : only(i - 1)?.text;
    const goesOn = cell && (isFragment(template, cell) || (ordinalOnly(before) && wordsAfterOrdinal(cell)));
    if (!goesOn) break;
  }
  return out;
}

/** A cell of a label and three numbers or more after single spaces, as the label and the numbers; else undefined. */
function labelAndNumbers(cell: RawCell): RawCell[] | undefined {
  const m = labelThenRowNumbers(cell.text);
  if (!m) return undefined;
  const at = cell.span.start + m[1]!.length + (m[2]!.length - m[2]!.trimStart().length);
  const label: RawCell = {
    span: { start: cell.span.start, end: cell.span.start + m[1]!.length },
    text: m[1]!,
    line: cell.line,
    col: cell.col,
  };
  const numbers: RawCell = { span: { start: at, end: cell.span.end }, text: m[2]!.trim(), line: cell.line };
  return [label, numbers];
}

/**
 * A group's label and a row's label one space apart in one piece, as a narrow two-column label prints them
 * (`(三) 不 1. 属于`): the two pieces, the row's at its own column; undefined for any other text.
 */
const GROUP_THEN_ROW = /^([（(][一二三四五六七八九十]+[）)] ?\S*) (\d{1,2} ?[.．、] ?\S.*)$/u;

function splitGroupAndRow(cell: RawCell): [RawCell, RawCell] | undefined {
  const m = GROUP_THEN_ROW.exec(cell.text);
  if (!m) return undefined;
  const at = m[1]!.length + 1;
  const col = cell.col ?? 0;
  return [
    { span: { start: cell.span.start, end: cell.span.start + m[1]!.length }, text: m[1]!, line: cell.line, col },
    { span: { start: cell.span.start + at, end: cell.span.end }, text: m[2]!, line: cell.line, col: col + at },
  ];
}

/** A fragment line's pieces, one cut at the single space nearest `col` when it runs across that column. */
function cutAt(line: readonly RawCell[], col: number): RawCell[] {
  return line.flatMap((p) => {
    const from = p.col ?? 0;
    if (from >= col - 1 || from + p.text.length <= col) return [p];
    let best = -1;
    for (let i = 1; i < p.text.length - 1; i++)
      if (p.text[i] === ' ' && (best < 0 || Math.abs(from + i + 1 - col) < Math.abs(from + best + 1 - col))) best = i;
    if (best < 0 || Math.abs(from + best + 1 - col) > 2) return [p];
    return [
      { span: { start: p.span.start, end: p.span.start + best }, text: p.text.slice(0, best), line: p.line, col: from },
      {
        span: { start: p.span.start + best + 1, end: p.span.end },
        text: p.text.slice(best + 1),
        line: p.line,
        col: from + best + 1,
      },
    ];
  });
}

/** The rows with wrapped labels joined; the fragments used are taken out of their rows. */
export function joinWrappedLabels(template: Template, rows: readonly RawRow[], section: number): RawRow[] {
  const tables = template.tables.filter((t) => t.section === section).map((t) => t.id);
  const out: { cells: RawCell[]; layout: RawRow['layout'] }[] = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  for (let k = 0; k < out.length; k++) {
    const row = out[k]!;
    // A label's last line and the row's numbers after single spaces (`内容仍不明确 0 0 0 0 0 0 0`): two cells.
    if (row.layout === 'cells' && row.cells.length === 1) {
      const apart = labelAndNumbers(row.cells[0]!);
      if (apart) row.cells = apart;
    }
    // A row of numbers: in a layout of its own, or (one cell a line) a line of numbers set apart by single spaces.
    const numbersAt = row.cells.findIndex(
      (c) => NUMBERS_ONLY.test(c.text) || (row.layout !== 'cells' && PLAIN_NUMBER.test(c.text)),
    );
    if (numbersAt < 0) continue;
    // The label pieces on the numbers' own line, one a column: a top-aligned cell's first line, a centred one's
    // middle line — the row label's and its group's side by side.
    let labels = row.cells.slice(0, numbersAt).filter((c) => c.text.length > 0);
    // `(三) 不 1. 属于`: the group's and the row's labels apart, and the fragment lines cut at the row's column.
    let boundary: number | undefined;
    if (labels.length === 1) {
      const two = splitGroupAndRow(labels[0]!);
      if (two) {
        row.cells.splice(row.cells.indexOf(labels[0]!), 1, two[0], two[1]);
        labels = two;
        boundary = two[1].col;
      }
    }
    // A label that names a row already takes fragments only to name a row exactly (`2.其他` + `法律行…禁止公开`).
    const named = labels.some((c) => namesARow(template, c));
    // The fragment lines are one cell a line: a few of the lines just above and of those just below,
    // each cut into the columns a layout printed side by side (a group label's column, the row label's column).
    // One cell a line, in a row of their own or each line a row (blank lines between every line, as a converter
    // from PDF to Markdown writes them): the rows of fragments next to the numbers, nearest first.
    // The row label's own piece on the numbers' line: the last, right of its group's (`(六) 其他处理   1.`).
    const middle = labels.at(-1)?.text;
    const rowCol = labels.length > 1 ? labels.reduce((m, c) => Math.max(m, c.col ?? 0), 0) : undefined;
    const prev = fragmentRows(template, out, k, -1);
    const next = fragmentRows(template, out, k, 1, middle);
    const cut = (lines: RawCell[][]): RawCell[][] =>
      boundary === undefined ? lines : lines.map((l) => cutAt(l, boundary));
    const above = cut(
      fragmentLines(
        template,
        [...prev].reverse().flatMap((r) => r.cells),
        'end',
        undefined,
        rowCol,
      ),
    );
    const below = cut(
      fragmentLines(
        template,
        next.flatMap((r) => r.cells),
        'start',
        middle,
        rowCol,
      ),
    );
    const columns = [...new Set([...above.flat(), ...below.flat(), ...labels].map((p) => p.col ?? 0))];
    // The column nearest the numbers first: a row's own label stands right of its group's.
    columns.sort((a, b) => b - a);
    // Exactly, by the pieces in one column; then exactly, a line's one piece in another column taken too (a label cut
    // by a page break goes on at the next page's indentation); then nearly.
    const passes = named ? (['exact', 'across'] as const) : (['exact', 'across', 'near'] as const);
    found: for (const pass of passes) {
      const wanted = pass === 'near' ? 'near' : 'exact';
      for (const col of columns) {
        const piece = (l: readonly RawCell[]): RawCell | undefined =>
          inColumn(l, col) ?? (pass === 'across' && l.length === 1 ? l[0] : undefined);
        const b0 = above.map(piece).filter((p): p is RawCell => p !== undefined);
        const a0 = below.map(piece).filter((p): p is RawCell => p !== undefined);
        const label = inColumn(labels, col);
        const middle = label?.text ?? '';
        for (let nb = b0.length; nb >= 0; nb--) {
          for (let na = a0.length; na >= 0; na--) {
            if (nb + na === 0) continue;
            const b = b0.slice(b0.length - nb);
            const a = a0.slice(0, na);
            const text = [...b.map((c) => c.text), middle, ...a.map((c) => c.text)].join('');
            if (namesRow(template, tables, text) !== wanted) continue;
            const anchor = label ?? b[0] ?? a[0]!;
            const joined: RawCell = { span: anchor.span, text, line: anchor.line, col, wrapped: true };
            if (label) row.cells[row.cells.indexOf(label)] = joined;
            else row.cells.splice(numbersAt, 0, joined);
            for (const r of prev) takeOut(r, b);
            for (const r of next) takeOut(r, a);
            break found;
          }
        }
      }
    }
  }
  return out.filter((r) => r.cells.length > 0);
}
