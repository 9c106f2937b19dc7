/**
 * Lines -> physical rows of raw cells, whatever the layout (each layout's own reading is in `layouts/`):
 * - tab-separated: a line with a tab (after its indentation) is one row, its cells split at tabs;
 * - columns set apart by runs of spaces, with a number among them: one row, as if tab-separated;
 * - pipe rows: `| a | b |` is one row; a markdown separator line is skipped; `cell |` alone is one cell;
 * - one cell per line: consecutive one-cell lines form one row, up to an empty line. A line holding only
 *   white space with a tab in it is a blank cell, not a break;
 * - HTML rows in Markdown: `<tr><td>…</td></tr>`, on one line or a cell a line.
 */

import type { Layout } from '../model';
import type { Line } from '../lines';
import { NUMBERS_ONLY, isBlank, isSpace } from '../normalize';
import { append } from '../util';
import { LAYOUTS, type RawCell } from '../layouts/index';
import { readHtmlLine } from '../layouts/html';
import { isPipeSeparator } from '../layouts/pipe';
import { labelThenRowNumbers } from './rows';
import { onColumnRule, placeBlanks, readColumnRule, readSpacedLine, type ColumnRule } from '../layouts/spaced';

export type { RawCell };

export interface RawRow {
  readonly cells: readonly RawCell[];
  readonly layout: Layout;
}

/** Most lines an HTML cell is broken over (pandoc wraps its HTML at 72 columns: a tag's attributes, a `<span`). */
const CELL_LINES = 12;

function openCells(text: string): number {
  if (!text.includes('<')) return 0;
  let n = 0;
  for (const m of text.matchAll(/<(\/?)t[dh]\b/giu)) n += m[1] ? -1 : 1;
  return n;
}

/**
 * The lines with each HTML cell broken over lines made one line, its line breaks kept, so offsets in it are still
 * the text's: `<td width="25%"` / `style="…"><p>` / `规章</p></td>` is one cell.
 */
function joinBrokenCells(lines: readonly Line[]): readonly Line[] {
  let out: Line[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    let open = openCells(first.text);
    let last = i;
    while (
      open > 0 &&
      last + 1 < lines.length &&
      last - i < CELL_LINES &&
      lines[last + 1]!.start === lines[last]!.next
    ) {
      last++;
      open += openCells(lines[last]!.text);
    }
    if (last === i || open > 0) {
      out?.push(first);
      continue;
    }
    out ??= lines.slice(0, i);
    let text = first.text;
    for (let k = i + 1; k <= last; k++) {
      const prev = lines[k - 1]!;
      text += (prev.next - prev.end === 2 ? '\r\n' : prev.next - prev.end === 1 ? '\n' : '') + lines[k]!.text;
    }
    const end = lines[last]!;
    out.push({ index: first.index, start: first.start, end: end.end, next: end.next, text });
    i = last;
  }
  return out ?? lines;
}

/** Reads the lines of a region into physical rows. Never throws. */
export function readRawRows(region: readonly Line[]): RawRow[] {
  const lines = joinBrokenCells(region);
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
  // A pandoc table's columns, from its line of dashes to the same line that closes it.
  let rule: ColumnRule | undefined;
  // Rows set out by spaces, with no rule to say their columns: where a blank cell was, their columns tell.
  const aligned: { cells: RawCell[]; line: Line; at: number }[] = [];
  for (const line of lines) {
    const t = line.text;
    const dashes = t.includes('--') ? readColumnRule(t) : undefined;
    if (dashes) {
      flush();
      rule = rule?.text === dashes.text ? undefined : dashes;
      continue;
    }
    if (!t.includes('\t') && isBlank(t)) {
      flush();
      continue;
    }
    const tags = readHtmlLine(line);
    if (tags) {
      flush();
      if (tags.opens) endHtml();
      if (tags.opens || html) {
        html ??= [];
        append(html, tags.cells);
      } else if (tags.cells.length > 0) rows.push({ cells: tags.cells, layout: 'html' });
      if (tags.closes) endHtml();
      continue;
    }
    let indent = 0;
    while (indent < t.length && isSpace(t[indent])) indent++;
    if (t.includes('|', indent)) {
      if (isPipeSeparator(t)) continue;
      // A row of blank cells says nothing (a table reads no row from it) but ends a row of one cell a line.
      if (!/[^|\s]/u.test(t) && t.indexOf('|') !== t.lastIndexOf('|')) {
        flush();
        continue;
      }
      const cells = LAYOUTS.pipe.readLine(line, indent);
      if (cells.length >= 2) {
        flush();
        rows.push({ cells, layout: 'pipe' });
      } else {
        append(group, cells);
        groupLayout = 'pipe';
      }
      continue;
    }
    if (t.includes('\t', indent)) {
      flush();
      rows.push({ cells: LAYOUTS.tab.readLine(line, indent), layout: 'tab' });
      continue;
    }
    const spaced = readSpacedLine(line, indent);
    if (spaced) {
      flush();
      if (!rule) aligned.push({ cells: spaced, line, at: rows.length });
      rows.push({ cells: rule ? onColumnRule(line, spaced, rule) : spaced, layout: 'tab' });
      continue;
    }
    const cells = LAYOUTS.cells.readLine(line, indent);
    // A row's numbers after single spaces, alone or after the last piece of its label, among label pieces a line each
    // with no blank line between (text taken out of a PDF in its drawing order: `pdftotext -raw`, a viewer's copy):
    // a line of its own, as blank lines around it would make it.
    const only = cells.length === 1 ? cells[0]!.text : '';
    if (NUMBERS_ONLY.test(only) || labelThenRowNumbers(only)) {
      flush();
      rows.push({ cells, layout: 'cells' });
      continue;
    }
    append(group, cells);
  }
  flush();
  endHtml();
  placeBlanks(aligned).forEach((cells, k) => {
    if (cells) rows[aligned[k]!.at] = { cells, layout: 'tab' };
  });
  return rows;
}
