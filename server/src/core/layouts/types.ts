/** A table layout: how one table row stands in the text, read and written. */

import type { Layout, Span } from '../model';
import type { Line } from '../lines';

export interface RawCell {
  readonly span: Span;
  /** Trimmed text; empty for a blank cell. */
  readonly text: string;
  readonly line: number;
  /** Where the cell starts in its line (characters), for text laid out in columns by spaces. */
  readonly col?: number;
  /** The text joins label fragments from the lines around (see `Cell.wrapped`). */
  readonly wrapped?: boolean;
}

export interface LayoutModule {
  readonly id: Layout;
  /** The cells of one line of this layout, from `indent` (the line's leading white space) on. */
  readonly readLine: (line: Line, indent: number) => RawCell[];
  /** One row's cells as text, every line starting with `indent`. */
  readonly renderRow: (cells: readonly string[], indent: string) => string;
  /** A whole table from its rows of cells, ending with a line break. */
  readonly renderTable: (rows: readonly (readonly string[])[]) => string;
  /** What goes between a label put before a row's first value and that value (`indent`: the row's own). */
  readonly labelSeparator: (indent: string) => string;
  /** Inserted rows and tables stand apart with blank lines. */
  readonly blankAround: boolean;
  /** Rows keep one column count: a row inserted next to a wider one gets blank cells before its label. */
  readonly keepsColumns: boolean;
}
