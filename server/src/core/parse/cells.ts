/**
 * Lines -> physical rows of raw cells, whatever the layout:
 * - tab-separated: a line with a tab (after its indentation) is one row, its cells split at tabs;
 * - pipe rows: `| a | b |` is one row; a markdown separator line is skipped; `cell |` alone is one cell;
 * - one cell per line: consecutive one-cell lines form one row, up to an empty line. A line holding only
 *   white space with a tab in it is a blank cell, not a break;
 * - HTML rows in Markdown: `<tr><td>…</td></tr>`, on one line or a cell a line.
 */

import type { Layout, Span } from '../model';
import type { Line } from '../lines';
import { append } from '../util';

export interface RawCell {
  readonly span: Span;
  /** Trimmed text; empty for a blank cell. */
  readonly text: string;
  readonly line: number;
}

export interface RawRow {
  readonly cells: readonly RawCell[];
  readonly layout: Layout;
}

const WS = /[\s\u3000\ufeff\u200b]/u;

/** A cell from `line.text[from, to)`: trimmed; a blank cell's span is empty, placed where a value would go. */
function cellOf(line: Line, from: number, to: number, blankAt: number): RawCell {
  const t = line.text;
  let s = from;
  let e = to;
  while (s < e && WS.test(t[s]!)) s++;
  while (e > s && WS.test(t[e - 1]!)) e--;
  if (s === e) {
    const at = line.start + Math.min(blankAt, to);
    return { span: { start: at, end: at }, text: '', line: line.index };
  }
  return { span: { start: line.start + s, end: line.start + e }, text: t.slice(s, e), line: line.index };
}

function isPipeSeparator(text: string): boolean {
  return /^[\s|:\-]*$/u.test(text) && text.includes('|') && text.includes('---');
}

function pipeCells(line: Line): RawCell[] {
  const t = line.text;
  const bars: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] === '|') bars.push(i);
  let first = 0;
  while (first < t.length && WS.test(t[first]!)) first++;
  let last = t.length - 1;
  while (last >= 0 && WS.test(t[last]!)) last--;
  const bounds: number[] = [];
  if (bars[0] !== first) bounds.push(-1);
  append(bounds, bars);
  const endsWithBar = bars[bars.length - 1] === last;
  if (!endsWithBar) bounds.push(t.length);
  const cells: RawCell[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]! + 1;
    const to = bounds[i + 1]!;
    cells.push(cellOf(line, from, to, from + (to - from > 0 ? 1 : 0)));
  }
  return cells;
}

function tabCells(line: Line, indent: number): RawCell[] {
  const t = line.text;
  const cells: RawCell[] = [];
  let from = indent;
  for (let i = indent; i <= t.length; i++) {
    if (i === t.length || t[i] === '\t') {
      cells.push(cellOf(line, from, i, from));
      from = i + 1;
    }
  }
  return cells;
}

const HTML_CELL = /<(t[dh])\b[^>]*>([\s\S]*?)<\/\1\s*>/giu;
const HTML_ONLY_TAGS = /^[\s\u3000]*(<[^>]*>[\s\u3000]*)+$/u;

/** The text of an HTML cell: tags dropped, the common entities read. */
function htmlText(inner: string): string {
  return inner
    .replace(/<br\s*\/?>/giu, ' ')
    .replace(/<[^>]*>/gu, '')
    .replace(/&nbsp;|&#160;/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .trim();
}

function htmlCells(line: Line): RawCell[] {
  const cells: RawCell[] = [];
  for (const m of line.text.matchAll(HTML_CELL)) {
    const inner = m[2]!;
    const innerStart = m.index + m[0].indexOf('>') + 1;
    const text = htmlText(inner);
    if (text.length === 0) {
      // A blank cell's span is its whole content (`&nbsp;`), which filling it replaces.
      const span = { start: line.start + innerStart, end: line.start + innerStart + inner.length };
      cells.push({ span, text: '', line: line.index });
      continue;
    }
    // Plain text keeps its own span; text inside other tags spans the whole cell, which a fix then replaces.
    const at = inner.indexOf(text);
    const span =
      at >= 0 && !/[<&]/u.test(inner)
        ? { start: line.start + innerStart + at, end: line.start + innerStart + at + text.length }
        : { start: line.start + innerStart, end: line.start + innerStart + inner.length };
    cells.push({ span, text, line: line.index });
  }
  return cells;
}

/** Two or more cells set apart by runs of two or more spaces. */
const SPACED = /\S(?: {2,}|\u3000{2,}|[ \u3000]{3,})\S/u;
const SPACE_RUN = /(?: {2,}|\u3000{2,}|[ \u3000]{3,})/gu;

function spacedCells(line: Line, indent: number): RawCell[] {
  const t = line.text;
  const cells: RawCell[] = [];
  let from = indent;
  for (const m of t.slice(indent).matchAll(SPACE_RUN)) {
    const at = indent + m.index;
    cells.push(cellOf(line, from, at, from));
    from = at + m[0].length;
  }
  cells.push(cellOf(line, from, t.length, from));
  return cells;
}

/** Reads the lines of a region into physical rows. Never throws. */
export function readRawRows(lines: readonly Line[]): RawRow[] {
  const rows: RawRow[] = [];
  let group: RawCell[] = [];
  let groupLayout: Layout = 'cells';
  const flush = (): void => {
    if (group.length > 0) rows.push({ cells: group, layout: groupLayout });
    group = [];
    groupLayout = 'cells';
  };
  let html: RawCell[] | undefined;
  const endHtml = (): void => {
    if (html && html.length > 0) rows.push({ cells: html, layout: 'html' });
    html = undefined;
  };
  for (const line of lines) {
    const t = line.text;
    if (!t.includes('\t') && /^[\s\u3000\ufeff\u200b]*$/u.test(t)) {
      flush();
      continue;
    }
    if (t.includes('<')) {
      const opens = /<tr\b/iu.test(t);
      const closes = /<\/tr\s*>/iu.test(t);
      const cells = /<t[dh]\b/iu.test(t) ? htmlCells(line) : [];
      if (opens || closes || cells.length > 0 || HTML_ONLY_TAGS.test(t)) {
        flush();
        if (opens) endHtml();
        if (opens || html) {
          html ??= [];
          append(html, cells);
        } else if (cells.length > 0) rows.push({ cells, layout: 'html' });
        if (closes) endHtml();
        continue;
      }
    }
    let indent = 0;
    while (indent < t.length && WS.test(t[indent]!)) indent++;
    const rest = t.slice(indent);
    if (rest.includes('|')) {
      if (isPipeSeparator(t)) continue;
      const cells = pipeCells(line);
      if (cells.length >= 2) {
        flush();
        rows.push({ cells, layout: 'pipe' });
      } else {
        append(group, cells);
        groupLayout = 'pipe';
      }
      continue;
    }
    if (rest.includes('\t')) {
      flush();
      rows.push({ cells: tabCells(line, indent), layout: 'tab' });
      continue;
    }
    if (SPACED.test(rest)) {
      // Columns aligned with runs of spaces, as some exports write them, read like tabs when a number is among
      // them; `不  予  公  开` alone stays one label.
      const cells = spacedCells(line, indent);
      if (cells.some((c) => /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/u.test(c.text))) {
        flush();
        rows.push({ cells, layout: 'tab' });
        continue;
      }
    }
    group.push(cellOf(line, 0, t.length, indent));
  }
  flush();
  endHtml();
  return rows;
}
