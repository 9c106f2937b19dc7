/**
 * Page furniture in text taken out of a PDF (`pdftotext` ends each page with a form feed): page numbers (`-1-`,
 * `- 2 -`, `第 3 页`, `3/8`) at the foot or head of a page, and a running header or footer — the same short line
 * at the head (or foot) of two pages or more — and a table's header rows drawn again at the head of the page it runs
 * onto (Word's 重复标题行). They are read as blank lines, and the blank lines around a page break are left out, so a
 * table row (or a run of cells one a line) cut by the break meets its other part.
 */

import { isBlank, withoutSpace } from '../normalize';
import type { Line } from '../lines';

/** A page number as a page prints it: `- 3 -`, `第 3 页`, `第3页，共8页`, `3/8` (a bare `3` could be a table's value). */
export const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;

/** Lines a page's head or foot is looked for in. */
const EDGE = 2;
const MAX_MARK = 40;

/**
 * The lines with page numbers and running heads blanked and the blank lines of each page break left out, when the
 * text has page breaks (form feeds).
 */
export function blankPageFurniture(lines: readonly Line[]): readonly Line[] {
  const breaks = lines.filter((l) => l.text.includes('\f')).map((l) => l.index);
  if (breaks.length === 0) return lines;
  const clean = (t: string): string => t.replace(/\f/gu, '').trim();
  // The non-blank lines next to each page break: the foot of one page, the head of the next — with the break each
  // is next to.
  const edges = new Map<number, number>();
  const take = (from: number, step: 1 | -1, b: number): void => {
    for (let i = from, n = 0; i >= 0 && i < lines.length && n < EDGE; i += step) {
      if (isBlank(clean(lines[i]!.text))) continue;
      edges.set(i, b);
      n++;
    }
  };
  for (const b of breaks) {
    take(b, 1, b);
    take(b - 1, -1, b);
  }
  // A running head or foot stands next to two page breaks or more: the same words either side of one break are a
  // label's last line and the next row's (`政府信息公开` under two rows of 三), not a head.
  const seen = new Map<string, Set<number>>();
  for (const [i, b] of edges) {
    const t = clean(lines[i]!.text);
    if (t.length > MAX_MARK) continue;
    const at = seen.get(t) ?? new Set<number>();
    at.add(b);
    seen.set(t, at);
  }
  const furniture = (i: number): boolean => {
    const t = clean(lines[i]!.text);
    // A running head is words: a bare number at a page's edge may be a table's value (`0` ends many pages).
    return PAGE_NUMBER.test(t) || (edges.has(i) && (seen.get(t)?.size ?? 0) >= 2 && !/\d\s+\d|^[\d.．\s]+$/u.test(t));
  };
  const gone = new Set<number>();
  for (const i of edges.keys()) if (furniture(i)) gone.add(i);
  for (const i of repeatedHeaders(lines, breaks, gone)) gone.add(i);
  const blanked = lines.map((l) => (gone.has(l.index) ? { ...l, text: '' } : l));
  // The blank lines a page break leaves between a page's last words and the next page's first are no paragraph or
  // row break: they are read as if the page went on (lines renumbered for reading; offsets are the real ones).
  const dropped = new Set<number>();
  for (const b of breaks) {
    let from = b;
    while (from > 0 && isBlank(clean(blanked[from - 1]!.text))) from--;
    let to = b;
    while (to < blanked.length && isBlank(clean(blanked[to]!.text))) to++;
    // A break with words on the break's own line (`\f一、总体情况`) keeps that line.
    if (from > 0 && to < blanked.length) for (let i = from; i < to; i++) dropped.add(i);
  }
  if (dropped.size === 0) return blanked;
  const out: Line[] = [];
  for (const l of blanked) if (!dropped.has(l.index)) out.push({ ...l, index: out.length });
  return out;
}

/** Lines before a page break a table's header is looked for in. */
const HEADER_LOOKBACK = 200;

/**
 * The lines at the head of a page that repeat, line for line (white space aside), two lines or more without a digit
 * that stood earlier just before a line with digits — a table's header rows over its first row of numbers, drawn
 * again where the table goes on.
 */
function repeatedHeaders(lines: readonly Line[], breaks: readonly number[], gone: ReadonlySet<number>): number[] {
  const keys = lines.map((l, i) => (gone.has(i) ? '' : withoutSpace(l.text)));
  const out: number[] = [];
  const next = (i: number, end: number): number => {
    while (i < end && keys[i]!.length === 0) i++;
    return i;
  };
  for (const b of breaks) {
    const head = next(b, lines.length);
    const key = keys[head];
    if (key === undefined || key.length === 0 || /\d/u.test(key)) continue;
    let j = b - 1;
    while (j >= Math.max(0, b - HEADER_LOOKBACK) && keys[j] !== key) j--;
    if (j < Math.max(0, b - HEADER_LOOKBACK)) continue;
    const run: number[] = [];
    let p = head;
    let q = j;
    while (p < lines.length && q < b && keys[p] === keys[q] && !/\d/u.test(keys[p]!)) {
      run.push(p);
      p = next(p + 1, lines.length);
      q = next(q + 1, b);
    }
    // The earlier rows were a header: a row of numbers came right after them.
    if (run.length < 2 || q >= b || !/\d/u.test(keys[q]!)) continue;
    // Blanked, so the next page's copy is matched with the first one, not with this.
    for (const i of run) {
      out.push(i);
      keys[i] = '';
    }
  }
  return out;
}
