/** The one way a cell is cut out of a line: trimmed; a blank cell's span is empty, placed where a value would go. */

import type { Line } from '../lines';
import { trimBounds } from '../normalize';
import type { RawCell } from './types';

export function cellOf(line: Line, from: number, to: number, blankAt: number): RawCell {
  const { start, end } = trimBounds(line.text, from, to);
  if (start === end) {
    const at = line.start + Math.min(blankAt, to);
    return { span: { start: at, end: at }, text: '', line: line.index };
  }
  return {
    span: { start: line.start + start, end: line.start + end },
    text: line.text.slice(start, end),
    line: line.index,
    col: start,
  };
}

/** Rows of one line each, joined with line breaks and ending with one. */
export function linesOf(rows: readonly string[]): string {
  return rows.join('\n') + '\n';
}
