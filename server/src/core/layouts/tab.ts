/** Tab-separated rows, as Word and a browser copy give them: one row a line, cells split at tabs. */

import { cellOf, linesOf } from './cell';
import type { LayoutModule, RawCell } from './types';

export const TAB: LayoutModule = {
  id: 'tab',
  readLine(line, indent) {
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
  },
  renderRow: (cells, indent) => indent + cells.join('\t'),
  renderTable: (rows) => linesOf(rows.map((r) => r.join('\t'))),
  labelSeparator: () => '\t',
  blankAround: false,
  keepsColumns: false,
};
