/** One cell per line, often indented, with a blank line between rows (fixture 001's layout). */

import { cellOf } from './cell';
import type { LayoutModule } from './types';

export const CELLS: LayoutModule = {
  id: 'cells',
  readLine: (line, indent) => [cellOf(line, 0, line.text.length, indent)],
  renderRow: (cells, indent) => cells.map((c) => `${indent}${c}`).join('\n'),
  renderTable: (rows) => rows.map((r) => CELLS.renderRow(r, '')).join('\n\n') + '\n',
  labelSeparator: (indent) => `\n${indent}`,
  blankAround: true,
  keepsColumns: false,
};
