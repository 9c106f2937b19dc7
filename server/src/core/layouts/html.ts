/** HTML rows inside Markdown: `<tr><td>…</td></tr>` on one line, or a cell a line. */

import type { Line } from '../lines';
import { SPACE } from '../normalize';
import { linesOf } from './cell';
import type { LayoutModule, RawCell } from './types';

/** An opening or closing cell tag; an attribute list longer than this is no tag worth reading. */
const CELL_TAG = /<(\/?)t[dh]\b[^<>]{0,500}>/giu;
const HTML_ONLY_TAGS = /^\s*(<[^>]*>\s*)+$/u;

/** White space at either end, zero-width spaces included (inline markup in Markdown is read as them). */
const EDGE_SPACE = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'gu');

/** The text of an HTML cell: tags dropped, the common entities read. */
function htmlText(inner: string): string {
  return inner
    .replace(/<br\s*\/?>/giu, ' ')
    .replace(/<[^>]*>/gu, '')
    .replace(/&nbsp;|&#160;/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(EDGE_SPACE, '');
}

/** The cell whose content is `line.text[from, to)`. */
function htmlCell(line: Line, from: number, to: number): RawCell {
  const inner = line.text.slice(from, to);
  const text = htmlText(inner);
  const whole = { start: line.start + from, end: line.start + to };
  // A blank cell's span is its whole content (`&nbsp;`), which filling it replaces.
  if (text.length === 0) return { span: whole, text: '', line: line.index };
  // Plain text keeps its own span; text inside other tags spans the whole cell, which a fix then replaces.
  const at = inner.indexOf(text);
  const span =
    at >= 0 && !/[<&]/u.test(inner) ? { start: whole.start + at, end: whole.start + at + text.length } : whole;
  return { span, text, line: line.index };
}

/** What an HTML line does: opens or closes a row, holds cells, or is only tags; undefined for no HTML. */
export function readHtmlLine(line: Line): { opens: boolean; closes: boolean; cells: RawCell[] } | undefined {
  const t = line.text;
  if (!t.includes('<')) return undefined;
  const opens = /<tr\b/iu.test(t);
  const closes = /<\/tr\s*>/iu.test(t);
  const cells = /<t[dh]\b/iu.test(t) ? HTML.readLine(line, 0) : [];
  return opens || closes || cells.length > 0 || HTML_ONLY_TAGS.test(t) ? { opens, closes, cells } : undefined;
}

export const HTML: LayoutModule = {
  id: 'html',
  readLine(line) {
    // One pass over the cell tags: a cell runs from its opening tag to the next closing one; an opening tag with no
    // closing tag before the next opening one is no cell. Linear, whatever the tags.
    const cells: RawCell[] = [];
    let open: { end: number } | undefined;
    for (const m of line.text.matchAll(CELL_TAG)) {
      if (m[1] !== '/') {
        open = { end: m.index + m[0].length };
        continue;
      }
      if (!open) continue;
      cells.push(htmlCell(line, open.end, m.index));
      open = undefined;
    }
    return cells;
  },
  renderRow: (cells, indent) => `${indent}<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`,
  renderTable: (rows) => `<table>\n${linesOf(rows.map((r) => HTML.renderRow(r, '')))}</table>\n`,
  labelSeparator: () => '</td><td>',
  blankAround: false,
  keepsColumns: true,
};
