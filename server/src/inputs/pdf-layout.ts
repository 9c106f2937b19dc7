/**
 * A PDF page's text rebuilt by geometry, the way the checker reads it best: lines of text by baseline; tables from
 * their drawn rules — cells from the ruled grid, a cell's wrapped lines joined into one text, merged cells (a rule
 * missing inside the grid) as blank places, a row a line of tab-separated cells; text without rules laid out by column
 * position as `pdftotext -layout` does. Page numbers and running headers and footers are dropped; a table that goes on
 * on the next page goes on in the text, a row split by the page break joined again. Pure geometry: pdf.js stays in
 * `pdf.ts`, so this is tested with items made by hand.
 */

/** A run of text on a page: baseline origin in PDF units (y upwards), advance width, font size. */
import { PAGE_NUMBER } from '../core/parse/furniture';
import { NUMBER_TEXT, lastLabel } from './grid';
import { ordinalPrefix, withoutSpace } from '../core/normalize';

export interface PdfItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** A straight stroke or the middle line of a thin filled rectangle. */
export interface PdfSegment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A picture drawn on a page: its box in PDF units (y upwards, `y` its bottom). */
export interface PdfBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
  readonly segments: readonly PdfSegment[];
  readonly pictures?: readonly PdfBox[];
}

/**
 * The pictures of a page big enough to be a table (a quarter of the page wide, three lines of text high), as a line
 * `[图片]` at their top: where a table was pasted as a picture, the checker says so (parse/pictures.ts).
 */
function pictureItems(page: PdfPage): PdfItem[] {
  return (page.pictures ?? [])
    .filter((p) => p.width >= page.width / 4 && p.height >= 36)
    .map((p) => ({ str: '[图片]', x: p.x, y: p.y + p.height - 10, width: 30, size: 10 }));
}

/** The text of a document's pages and the offset at which each page starts. */
export interface PdfText {
  readonly text: string;
  readonly pageStarts: readonly number[];
}

/** Distance within which two rules are one, and a rule reaches a crossing. */
const TOL = 2;

// ---------------------------------------------------------------------------------------------------------------------
// Rules into tables

interface Line {
  /** The fixed coordinate (y of a horizontal rule, x of a vertical one) and the covered interval. */
  at: number;
  from: number;
  to: number;
}

/**
 * Collinear overlapping segments merged into lines. Segments of one rule may lie a fraction apart (a rule drawn cell
 * by cell at 297.8 and 297.9): they are one rule, their intervals merged in order of where they begin.
 */
function mergeLines(lines: Line[]): Line[] {
  lines.sort((a, b) => a.at - b.at);
  const out: Line[] = [];
  let cluster: Line[] = [];
  const flush = (): void => {
    cluster.sort((a, b) => a.from - b.from);
    let cur: Line | undefined;
    for (const l of cluster) {
      if (cur && l.from <= cur.to + TOL) cur.to = Math.max(cur.to, l.to);
      else {
        cur = { ...l };
        out.push(cur);
      }
    }
    cluster = [];
  };
  for (const l of lines) {
    if (cluster.length > 0 && l.at - cluster[cluster.length - 1]!.at > TOL / 2) flush();
    cluster.push(l);
  }
  flush();
  return out;
}

/** Distinct positions, near ones taken as one. */
function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

/** A ruled table: column and row boundaries, and which rules inside the grid are drawn. */
interface Grid {
  readonly xs: readonly number[];
  /** Row boundaries from the top (descending y). */
  readonly ys: readonly number[];
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Region of each grid cell (r * cols + c): the index of its top-left cell. */
  readonly region: readonly number[];
}

function find(parent: number[], i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r]!;
  for (let k = i; parent[k] !== r;) {
    const next = parent[k]!;
    parent[k] = r;
    k = next;
  }
  return r;
}

/** The ruled tables of a page: rules that cross each other, with at least two rows and two columns. */
function gridsOf(segments: readonly PdfSegment[]): Grid[] {
  const hs: Line[] = [];
  const vs: Line[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x2 - s.x1);
    const dy = Math.abs(s.y2 - s.y1);
    if (dy <= 1 && dx >= TOL) hs.push({ at: (s.y1 + s.y2) / 2, from: Math.min(s.x1, s.x2), to: Math.max(s.x1, s.x2) });
    else if (dx <= 1 && dy >= TOL)
      vs.push({ at: (s.x1 + s.x2) / 2, from: Math.min(s.y1, s.y2), to: Math.max(s.y1, s.y2) });
  }
  const h = mergeLines(hs);
  const v = mergeLines(vs);
  // Rules that touch are one table.
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  h.forEach((a, i) => {
    v.forEach((b, j) => {
      if (b.at >= a.from - TOL && b.at <= a.to + TOL && a.at >= b.from - TOL && a.at <= b.to + TOL)
        parent[find(parent, i)] = find(parent, h.length + j);
    });
  });
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  h.forEach((a, i) => {
    const g = groups.get(find(parent, i)) ?? { h: [], v: [] };
    g.h.push(a);
    groups.set(find(parent, i), g);
  });
  v.forEach((b, j) => {
    const root = find(parent, h.length + j);
    const g = groups.get(root) ?? { h: [], v: [] };
    g.v.push(b);
    groups.set(root, g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const xs = positions(g.v.map((l) => l.at));
    // A row cut by a page break has no rule on the cut side: its column rules end there.
    const low = g.v.reduce((m, l) => Math.min(m, l.from), Infinity);
    const high = g.v.reduce((m, l) => Math.max(m, l.to), -Infinity);
    const ys = positions([...g.h.map((l) => l.at), low, high]).reverse();
    if (xs.length < 2 || ys.length < 2 || (xs.length < 3 && ys.length < 3)) continue;
    grids.push(grid(xs, ys, g.h, g.v));
  }
  return grids;
}

function grid(xs: number[], ys: number[], h: Line[], v: Line[]): Grid {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covered = (lines: Line[], at: number, mid: number): boolean =>
    lines.some((l) => Math.abs(l.at - at) <= TOL && l.from - TOL <= mid && mid <= l.to + TOL);
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const union = (a: number, b: number): void => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    // The region's root is its top-left cell.
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  };
  for (let r = 0; r < rows; r++) {
    const ymid = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      const xmid = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !covered(v, xs[c + 1]!, ymid)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(h, ys[r + 1]!, xmid)) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  return {
    xs,
    ys,
    left: xs[0]!,
    right: xs[cols]!,
    top: ys[0]!,
    bottom: ys[rows]!,
    region: parent.map((_, i) => find(parent, i)),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Text

/** Wide characters take two columns of a monospaced layout, as in `pdftotext -layout`. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return n;
}

const ASCII_WORD = /[A-Za-z0-9]$/u;

/** Items into lines by baseline, top first, each line's items left to right. */
function linesOf(items: readonly PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  let current: PdfItem[] = [];
  let baseline = Infinity;
  for (const it of sorted) {
    if (current.length > 0 && Math.abs(baseline - it.y) > Math.max(1, 0.4 * it.size)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) baseline = it.y;
    current.push(it);
  }
  if (current.length > 0) lines.push(current);
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

/** A cell's items as one text: its wrapped lines joined (a space only between two Latin words). */
function cellText(items: readonly PdfItem[]): string {
  let out = '';
  for (const line of linesOf(items)) {
    const t = joinTight(line);
    if (out.length > 0 && ASCII_WORD.test(out) && /^[A-Za-z0-9]/u.test(t)) out += ' ';
    out += t;
  }
  return out.trim();
}

/** A line's items side by side: a space where they stand apart. */
function joinTight(line: readonly PdfItem[]): string {
  let out = '';
  let end = -Infinity;
  for (const it of line) {
    const gap = it.x - end;
    if (out.length > 0 && gap > 0.25 * it.size && !out.endsWith(' ')) out += ' ';
    out += it.str;
    end = it.x + it.width;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** A line laid out by position: items at the column their x gives (half an em a column), as `pdftotext -layout`. */
function layoutLine(line: readonly PdfItem[], left: number, em: number): string {
  let out = '';
  let width = 0;
  let end = -Infinity;
  for (const it of line) {
    const gap = it.x - end;
    const str = it.str.replace(/\s+$/u, '');
    if (str.trim().length === 0) continue;
    let col = width;
    if (width > 0 && gap > 0.25 * it.size) col = width + 1;
    if (width === 0 || gap >= it.size) col = Math.max(col, Math.round((it.x - left) / (em / 2)));
    out += ' '.repeat(col - width) + str;
    width = col + columns(str);
    end = it.x + it.width;
  }
  return out.replace(/\s+$/u, '');
}

// ---------------------------------------------------------------------------------------------------------------------
// Tables without rules

/** An item holding several words apart (`0  0  1`) as one item a word, placed by its share of the columns. */
function splitItem(it: PdfItem): PdfItem[] {
  const parts = [...it.str.matchAll(/\S+/gu)];
  if (parts.length < 2) return [it];
  const total = columns(it.str) || 1;
  return parts.map((m) => {
    const before = columns(it.str.slice(0, m.index));
    return {
      str: m[0],
      x: it.x + (it.width * before) / total,
      y: it.y,
      width: (it.width * columns(m[0])) / total,
      size: it.size,
    };
  });
}

/** The most a label's wrapped lines lie apart, in font sizes (single line spacing is 1.2–1.4). */
const WRAPPED_PITCH = 1.45;

const isNumber = (it: PdfItem): boolean => NUMBER_TEXT.test(it.str.trim());

/** A row of numbers: three or more, all to the right of the line's words. */
function numberRow(line: readonly PdfItem[]): boolean {
  const numbers = line.filter(isNumber);
  if (numbers.length < 3) return false;
  const firstNumber = numbers.reduce((m, it) => Math.min(m, it.x), Infinity);
  return line.every((it) => isNumber(it) || it.x + it.width <= firstNumber + 1);
}

/** Where the numbers of a row begin. */
const numbersFrom = (line: readonly PdfItem[]): number =>
  line.filter(isNumber).reduce((m, it) => Math.min(m, it.x), Infinity);

/** A line of label fragments only: everything ends before the numbers begin. */
function fragmentLine(line: readonly PdfItem[], from: number): boolean {
  return line.every((it) => !isNumber(it) && it.x + it.width <= from - 0.25 * it.size);
}

/** A row of column headings: words in two or more places far apart (prose runs on). */
function headingsRow(line: readonly PdfItem[]): boolean {
  for (let k = 1; k < line.length; k++) {
    const gap = line[k]!.x - (line[k - 1]!.x + line[k - 1]!.width);
    if (gap > 2 * line[k]!.size && !isNumber(line[k]!)) return true;
  }
  return false;
}

interface UnruledTable {
  /** The lines it takes, first to last. */
  readonly first: number;
  readonly last: number;
  readonly top: number;
  readonly rows: Cell[][];
  readonly left: number;
  readonly right: number;
}

/**
 * Tables without drawn rules, from the column positions their rows share: rows of numbers are the rows; the label
 * fragments around them (a label wrapped in its cell) are given to their row by the cells' vertical alignment — a
 * block centred on its row's numbers when the first row's label begins above them, else a block that begins on its
 * row's line and runs down to the next row's.
 */
function unruledTables(lines: readonly PdfItem[][]): UnruledTable[] {
  const baseline = (i: number): number => lines[i]![0]!.y;
  const sizeOf = (i: number): number => lines[i]![0]!.size;
  const out: UnruledTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!numberRow(lines[i]!)) {
      i++;
      continue;
    }
    // Number rows joined by fragment lines only.
    const rows = [i];
    let from = numbersFrom(lines[i]!);
    let j = i + 1;
    for (;;) {
      let k = j;
      while (k < lines.length && !numberRow(lines[k]!) && fragmentLine(lines[k]!, from)) k++;
      if (k < lines.length && numberRow(lines[k]!) && baseline(k - 1) - baseline(k) < 3 * sizeOf(k)) {
        rows.push(k);
        from = Math.min(from, numbersFrom(lines[k]!));
        j = k + 1;
      } else break;
    }
    // Fragments above the first row and below the last, up to a line that is no fragment or a wide gap.
    let first = i;
    while (
      first > 0 &&
      fragmentLine(lines[first - 1]!, from) &&
      baseline(first - 1) - baseline(first) < 2 * sizeOf(first)
    )
      first--;
    // Below the last row, lines as close as a label's wrapped lines are — unless a row of headings follows them: then
    // they are the caption of what comes next.
    let last = rows[rows.length - 1]!;
    let below = last;
    while (
      below + 1 < lines.length &&
      fragmentLine(lines[below + 1]!, from) &&
      baseline(below) - baseline(below + 1) < WRAPPED_PITCH * sizeOf(below)
    )
      below++;
    if (below + 1 >= lines.length || !headingsRow(lines[below + 1]!)) last = below;
    out.push(unruledTable(lines, first, last, rows, from));
    i = last + 1;
  }
  return out;
}

function unruledTable(
  lines: readonly PdfItem[][],
  first: number,
  last: number,
  rowLines: readonly number[],
  from: number,
): UnruledTable {
  const ys = rowLines.map((r) => lines[r]![0]!.y);
  const size = lines[rowLines[0]!]![0]!.size;
  const tol = 0.4 * size;
  // Label pieces and their columns, by where they begin. Runs of one line that touch are one piece: a label's line
  // printed as two runs (`二、上年` `结转政`) begins where its first run does.
  const pieces: PdfItem[] = [];
  for (let l = first; l <= last; l++) {
    let prev: PdfItem | undefined;
    for (const it of lines[l]!) {
      if (isNumber(it) && it.x >= from) continue;
      if (prev && !isNumber(prev) && !isNumber(it) && it.x - (prev.x + prev.width) < 0.6 * size) {
        prev = { ...prev, str: prev.str + it.str, width: it.x + it.width - prev.x };
        pieces[pieces.length - 1] = prev;
        continue;
      }
      pieces.push(it);
      prev = it;
    }
  }
  const starts = clusters(
    pieces.map((p) => p.x),
    1.5 * size,
  );
  const columnOf = (x: number): number => {
    let c = 0;
    while (c + 1 < starts.length && x >= starts[c + 1]!) c++;
    return c;
  };
  // Top-aligned cells put every row's first label line on the row's numbers; centred ones do not when a label has an
  // even number of lines.
  const onBaseline = (p: PdfItem, y: number): boolean => Math.abs(p.y - y) <= tol;
  const topAligned = ys.every((y) => pieces.some((p) => onBaseline(p, y)));
  // Row -1: a top-aligned label going on from the previous page, above the first row.
  const owner = pieces.map((): number => -2);
  for (let c = 0; c < starts.length; c++) {
    const mine = pieces.map((_, k) => k).filter((k) => columnOf(pieces[k]!.x) === c);
    ys.forEach((y, r) => {
      const free = mine.filter((k) => owner[k] === -2);
      if (!topAligned) {
        const above = free.filter((k) => pieces[k]!.y > y + tol && (r === 0 || pieces[k]!.y < ys[r - 1]! - tol));
        const reach = above.reduce((m, k) => Math.max(m, pieces[k]!.y - y), 0);
        for (const k of free) if (pieces[k]!.y >= y - reach - tol && pieces[k]!.y <= y + reach + tol) owner[k] = r;
      } else {
        const next = r + 1 < ys.length ? ys[r + 1]! : -Infinity;
        for (const k of free) {
          if (r === 0 && pieces[k]!.y > y + tol) owner[k] = -1;
          else if (pieces[k]!.y <= y + tol && pieces[k]!.y > next + tol) owner[k] = r;
        }
      }
    });
    // What no row took goes to the nearest row.
    for (const k of mine) {
      if (owner[k] !== -2) continue;
      let best = 0;
      ys.forEach((y, r) => {
        if (Math.abs(pieces[k]!.y - y) < Math.abs(pieces[k]!.y - ys[best]!)) best = r;
      });
      owner[k] = best;
    }
  }
  // Number columns by the centres of the numbers.
  const numbers = rowLines.flatMap((r) => lines[r]!.filter((it) => isNumber(it) && it.x >= from));
  const xs = clusters(
    numbers.map((it) => it.x + it.width / 2),
    size,
  );
  const labelsOf = (index: number): Cell[] =>
    starts.map((x, c) => ({ text: cellText(pieces.filter((p, k) => owner[k] === index && columnOf(p.x) === c)), x }));
  const rows = rowLines.map((r, index) => {
    const labels = labelsOf(index);
    const values = xs.map((x): Cell => ({ text: '', x }));
    for (const it of lines[r]!) {
      if (!isNumber(it) || it.x < from) continue;
      const centre = it.x + it.width / 2;
      let best = 0;
      xs.forEach((x, c) => {
        if (Math.abs(centre - x) < Math.abs(centre - xs[best]!)) best = c;
      });
      const cell = values[best]!;
      cell.text = cell.text ? `${cell.text} ${it.str}` : it.str;
    }
    return [...labels, ...values];
  });
  if (owner.includes(-1)) rows.unshift([...labelsOf(-1), ...xs.map((x): Cell => ({ text: '', x }))]);
  const top = lines[first]!.reduce((m, it) => Math.max(m, it.y + it.size), -Infinity);
  const right = numbers.reduce((m, it) => Math.max(m, it.x + it.width), -Infinity);
  return { first, last, top, rows, left: starts[0] ?? from, right };
}

/** Runs of positions, each less than `gap` from the one before it: the first position of each run. */
function clusters(values: number[], gap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let previous = -Infinity;
  for (const v of sorted) {
    if (v - previous > gap) out.push(v);
    previous = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Pages

/** A block of a page in reading order: a line of text, or a table's rows. */
type Block =
  | { kind: 'line'; top: number; bottom: number; text: string; items: PdfItem[] }
  | { kind: 'table'; top: number; rows: Cell[][]; left: number; right: number; ruled: boolean };

/** A cell of a rebuilt table row: its text and where it begins on the page. */
interface Cell {
  text: string;
  readonly x: number;
}

function tableRows(g: Grid, items: readonly PdfItem[]): Cell[][] {
  const cols = g.xs.length - 1;
  const rows = g.ys.length - 1;
  const byRegion = new Map<number, PdfItem[]>();
  for (const it of items) {
    const cx = it.x + it.width / 2;
    const cy = it.y + it.size * 0.3;
    let c = 0;
    while (c < cols - 1 && cx > g.xs[c + 1]!) c++;
    let r = 0;
    while (r < rows - 1 && cy < g.ys[r + 1]!) r++;
    const region = g.region[r * cols + c]!;
    const list = byRegion.get(region) ?? [];
    list.push(it);
    byRegion.set(region, list);
  }
  const out: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    // The cells that begin in this row, left to right, with their texts.
    const origins: number[] = [];
    const texts = new Map<number, string>();
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (g.region[i] !== i) continue;
      origins.push(i);
      texts.set(i, cellText(byRegion.get(i) ?? []));
    }
    // A value — or a blank where a value goes — over several columns of a finer grid (rows drawn with their own
    // column widths) is one cell: after the row's last label, a place it spans is no column (grid.ts).
    const labelled = lastLabel(origins.map((i) => texts.get(i)!));
    const row: Cell[] = [];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const origin = g.region[i]!;
      if (origin === i) row.push({ text: texts.get(i)!, x: g.xs[c]! });
      else if (Math.floor(origin / cols) === r && origins.indexOf(origin) > labelled) continue;
      else row.push({ text: '', x: g.xs[c]! });
    }
    if (row.some((cell) => cell.text.length > 0)) out.push(row);
  }
  return out;
}

/** A page number in a page's margin: as text prints one, or a bare number (its place says what it is), or `Page 3 of 8`. */
function pageNumber(text: string): boolean {
  return (
    PAGE_NUMBER.test(text) || /^[-—–－\s]*\d{1,4}[-—–－\s]*$/u.test(text) || /^page\s*\d+(?:\s*of\s*\d+)?$/iu.test(text)
  );
}

/** The blocks of a page in reading order, page numbers and marks in the margins left out. */
function blocksOf(page: PdfPage): Block[] {
  const grids = gridsOf(page.segments);
  const inside = (it: PdfItem, g: Grid): boolean => {
    const cx = it.x + it.width / 2;
    const cy = it.y + it.size * 0.3;
    return cx >= g.left - TOL && cx <= g.right + TOL && cy <= g.top + TOL && cy >= g.bottom - TOL;
  };
  const loose: PdfItem[] = [];
  const held = grids.map((): PdfItem[] => []);
  const items = page.pictures ? [...page.items, ...pictureItems(page)] : page.items;
  for (const it of items) {
    if (it.str.trim().length === 0) continue;
    const k = grids.findIndex((g) => inside(it, g));
    if (k >= 0) held[k]!.push(it);
    else loose.push(it);
  }
  const blocks: Block[] = [];
  grids.forEach((g, k) => {
    const rows = tableRows(g, held[k]!);
    if (rows.length > 0) blocks.push({ kind: 'table', top: g.top, rows, left: g.left, right: g.right, ruled: true });
  });
  const left = loose.reduce((m, it) => Math.min(m, it.x), Infinity);
  const sizes = loose.map((it) => it.size).sort((a, b) => a - b);
  const em = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const lines = linesOf(loose.flatMap(splitItem));
  const taken = new Set<number>();
  for (const t of unruledTables(lines)) {
    for (let i = t.first; i <= t.last; i++) taken.add(i);
    blocks.push({ kind: 'table', top: t.top, rows: t.rows, left: t.left, right: t.right, ruled: false });
  }
  for (const [i, line] of lines.entries()) {
    if (taken.has(i)) continue;
    const text = layoutLine(line, left, em);
    if (text.trim().length === 0) continue;
    const top = line.reduce((m, it) => Math.max(m, it.y + it.size), -Infinity);
    const bottom = line.reduce((m, it) => Math.min(m, it.y), Infinity);
    blocks.push({ kind: 'line', top, bottom, text, items: line });
  }
  blocks.sort((a, b) => b.top - a.top);
  // Page numbers in the top or bottom margin.
  const margin = page.height * 0.1;
  return blocks.filter(
    (b) => b.kind === 'table' || !(pageNumber(b.text.trim()) && (b.top > page.height - margin || b.bottom < margin)),
  );
}

/** Lines in a margin that recur on most pages at the same place: a running header or footer. */
function runningMarks(pages: readonly PdfPage[], blocks: readonly Block[][]): Set<string> {
  const seen = new Map<string, number>();
  blocks.forEach((list, p) => {
    const margin = pages[p]!.height * 0.1;
    const keys = new Set<string>();
    for (const b of list) {
      if (b.kind !== 'line') continue;
      if (b.top < pages[p]!.height - margin && b.bottom > margin) continue;
      keys.add(`${Math.round(b.bottom / 4)}|${b.text.trim().replace(/\d+/gu, '#')}`);
    }
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  const out = new Set<string>();
  if (pages.length < 3) return out;
  for (const [k, n] of seen) if (n >= Math.max(3, pages.length * 0.6)) out.add(k);
  return out;
}

/**
 * Whether a table at the top of a page goes on from the table that ended the page before: the same right edge, and
 * the same left edge or one of its column rules (a browser does not draw again the part of a cell merged down the
 * first column that runs onto the next page).
 */
function continues(prev: Block | undefined, next: Block): boolean {
  if (!prev || prev.kind !== 'table' || next.kind !== 'table' || prev.ruled !== next.ruled) return false;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= TOL * 4;
  if (!near(prev.right, next.right)) return false;
  return near(prev.left, next.left) || prev.rows.some((row) => row.some((c) => near(c.x, next.left)));
}

/**
 * A row's text for comparing: its cells' words without white space, blank cells left out (the same header drawn
 * again on the next page can lie on another grid of columns, which that page's rows draw).
 */
function rowKey(row: readonly Cell[]): string {
  return row
    .map((c) => withoutSpace(c.text))
    .filter((t) => t.length > 0)
    .join('\t');
}

/** The header rows of a table: those before its first row with a number in it. */
function headerOf(rows: readonly (readonly Cell[])[]): string[] {
  const end = rows.findIndex((r) => r.some((c) => NUMBER_TEXT.test(c.text)));
  return rows.slice(0, end < 0 ? 0 : end).map(rowKey);
}

/** How many of a continued table's first rows repeat its header rows, in their order (all of them, or none). */
function repeatedHeader(header: readonly string[], rows: readonly (readonly Cell[])[]): number {
  if (header.length === 0 || rows.length < header.length) return 0;
  return header.every((h, i) => rowKey(rows[i]!) === h) ? header.length : 0;
}

/**
 * A row that begins as rows and tables begin — with an ordinal (`（六）`, `1.`, `一、`) or an article of the
 * regulation (`第二十条第（六）项`, a table's caption) — is a row of its own, never the rest of one cut by a page break
 * (two tables printed touching run on across the break as one).
 */
function opensRow(row: readonly Cell[]): boolean {
  const first = row.find((c) => c.text.trim().length > 0)?.text.trim();
  return first !== undefined && (ordinalPrefix(first) !== undefined || /^第[一二三四五六七八九十百零]+条/u.test(first));
}

/**
 * The rest of a row cut by a page break joined to its first part: each of its texts to the cell of the last row that
 * begins where it begins. Nothing when a text has no such cell.
 */
function joinCut(tail: Cell[], rest: readonly Cell[]): Cell[] | undefined {
  const joined = tail.map((c) => ({ ...c }));
  for (const cell of rest) {
    if (cell.text.length === 0) continue;
    let k = -1;
    joined.forEach((c, i) => {
      if (c.x <= cell.x + TOL * 2) k = i;
    });
    if (k < 0 || Math.abs(joined[k]!.x - cell.x) > TOL * 4) return undefined;
    // A number is no text cut by a page break (a table a cell a row: `0`, then the next row's label).
    if (NUMBER_TEXT.test(joined[k]!.text)) return undefined;
    joined[k]!.text += cell.text;
  }
  return joined;
}

/** The document's text: its pages' blocks, tables continued across page breaks. */
export function layoutPages(pages: readonly PdfPage[]): PdfText {
  const blocks = pages.map(blocksOf);
  const running = runningMarks(pages, blocks);
  const out: string[] = [];
  const pageStarts: number[] = [];
  let length = 0;
  let last: Block | undefined;
  let lastRow: Cell[] | undefined;
  let header: string[] = [];
  const push = (line: string): void => {
    out.push(line);
    length += line.length + 1;
  };
  const line = (row: readonly Cell[]): string => row.map((c) => c.text).join('\t');
  blocks.forEach((list, p) => {
    pageStarts.push(length);
    const margin = pages[p]!.height * 0.1;
    let firstOnPage = true;
    for (const b of list) {
      if (b.kind === 'line') {
        const inMargin = b.top > pages[p]!.height - margin || b.bottom < margin;
        if (inMargin && running.has(`${Math.round(b.bottom / 4)}|${b.text.trim().replace(/\d+/gu, '#')}`)) continue;
        if (last?.kind === 'table') push('');
        push(b.text);
        last = b;
        firstOnPage = false;
        continue;
      }
      let rows = b.rows;
      const goesOn = p > 0 && firstOnPage && continues(last, b);
      // A table's header rows drawn again at the top of the page it runs onto (Word's 重复标题行) are said once.
      if (goesOn) rows = rows.slice(repeatedHeader(header, rows));
      else header = headerOf(rows);
      if (
        goesOn &&
        lastRow &&
        rows.length > 0 &&
        !rows[0]!.some((c) => NUMBER_TEXT.test(c.text)) &&
        !opensRow(rows[0]!)
      ) {
        // A row cut by the page break: its first part ends the last page, the rest of its labels begin this one.
        const joined = joinCut(lastRow, rows[0]!);
        if (joined) {
          const text = line(joined);
          length += text.length - out[out.length - 1]!.length;
          out[out.length - 1] = text;
          lastRow = joined;
          rows = rows.slice(1);
          // The joined row belongs to the page it begins on; this page begins after it.
          pageStarts[p] = length;
        }
      } else if (!goesOn && out.length > 0 && out[out.length - 1] !== '') push('');
      for (const r of rows) push(line(r));
      if (rows.length > 0) lastRow = rows[rows.length - 1];
      last = b;
      firstOnPage = false;
    }
  });
  return { text: out.join('\n') + '\n', pageStarts };
}
