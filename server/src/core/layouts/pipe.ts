/** Pipe rows from web pages and Markdown: `| 行政许可 | 0 |`, or one `cell |` a line. */

import { append } from '../util';
import { isSpace } from '../normalize';
import { cellOf } from './cell';
import type { LayoutModule, RawCell } from './types';

/** A Markdown table's separator line `| --- | --- |`. */
export function isPipeSeparator(text: string): boolean {
  return /^[\s|:-]*$/u.test(text) && text.includes('|') && text.includes('---');
}

/** Pipe rows padded to one column count, with the separator line after the first row. */
function pipeSeparated(rows: readonly string[]): string {
  const width = rows.reduce((w, r) => Math.max(w, r.split('|').length - 2), 0);
  const padded = rows.map((r) => {
    const n = r.split('|').length - 2;
    return n < width ? r + ' |'.repeat(width - n) : r;
  });
  const sepLine = `|${' --- |'.repeat(width)}`;
  return [padded[0], sepLine, ...padded.slice(1)].join('\n') + '\n';
}

export const PIPE: LayoutModule = {
  id: 'pipe',
  readLine(line) {
    const t = line.text;
    const bars: number[] = [];
    for (let i = 0; i < t.length; i++) if (t[i] === '|') bars.push(i);
    let first = 0;
    while (first < t.length && isSpace(t[first])) first++;
    let last = t.length - 1;
    while (last >= 0 && isSpace(t[last])) last--;
    const bounds: number[] = [];
    if (bars[0] !== first) bounds.push(-1);
    append(bounds, bars);
    if (bars[bars.length - 1] !== last) bounds.push(t.length);
    const cells: RawCell[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i]! + 1;
      const to = bounds[i + 1]!;
      cells.push(cellOf(line, from, to, from + (to - from > 0 ? 1 : 0)));
    }
    return cells;
  },
  renderRow: (cells, indent) => `${indent}| ${cells.map((c) => c.trim()).join(' | ')} |`,
  renderTable: (rows) => pipeSeparated(rows.map((r) => `| ${r.join(' | ')} |`)),
  labelSeparator: () => ' | ',
  blankAround: false,
  keepsColumns: true,
};
