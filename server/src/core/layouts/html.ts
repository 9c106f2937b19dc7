/** HTML rows inside Markdown: `<tr><td>…</td></tr>` on one line, or a cell a line. */

import type { Line } from '../lines';
import { linesOf } from './cell';
import type { LayoutModule, RawCell } from './types';

const HTML_CELL = /<(t[dh])\b[^>]*>([\s\S]*?)<\/\1\s*>/giu;
const HTML_ONLY_TAGS = /^\s*(<[^>]*>\s*)+$/u;

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
  },
  renderRow: (cells, indent) => `${indent}<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`,
  renderTable: (rows) => `<table>\n${linesOf(rows.map((r) => HTML.renderRow(r, '')))}</table>\n`,
  labelSeparator: () => '</td><td>',
  blankAround: false,
  keepsColumns: true,
};
