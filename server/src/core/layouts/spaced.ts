/**
 * Columns set apart by runs of spaces, as some exports write them. Read like tab rows (and written as tab rows)
 * when a number is among the cells; `不  予  公  开` alone stays one label.
 */

import type { Line } from '../lines';
import { PLAIN_NUMBER } from '../normalize';
import { cellOf } from './cell';
import type { RawCell } from './types';

/** Two or more cells set apart by runs of two or more spaces. */
const SPACED = /\S(?: {2,}|\u3000{2,}|[ \u3000]{3,})\S/u;
const SPACE_RUN = / {2,}|\u3000{2,}|[ \u3000]{3,}/gu;

/** The cells of a space-aligned row, or undefined when the line is not one. */
export function readSpacedLine(line: Line, indent: number): RawCell[] | undefined {
  const t = line.text;
  if (!SPACED.test(t.slice(indent))) return undefined;
  const cells: RawCell[] = [];
  let from = indent;
  for (const m of t.slice(indent).matchAll(SPACE_RUN)) {
    const at = indent + m.index;
    cells.push(cellOf(line, from, at, from));
    from = at + m[0].length;
  }
  cells.push(cellOf(line, from, t.length, from));
  const split = cells.flatMap((c, i) => {
    const next = cells[i + 1];
    return next && PLAIN_NUMBER.test(next.text) ? labelThenNumber(line, c) : numbersApart(line, c);
  });
  return split.some((c) => PLAIN_NUMBER.test(c.text)) ? split : undefined;
}

/** Numbers set apart by one space in a column layout (a narrow column squeezed them) are cells of their own. */
function numbersApart(line: Line, cell: RawCell): RawCell[] {
  if (!/^[0-9０-９.．]+(?: [0-9０-９.．]+)+$/u.test(cell.text)) return [cell];
  const offset = cell.span.start - line.start;
  return [...cell.text.matchAll(/\S+/gu)].map((m) =>
    cellOf(line, offset + m.index, offset + m.index + m[0].length, offset + m.index),
  );
}

/**
 * A label and the row's first number one space apart, the rest of the numbers further off (`(一) 予 0     0   0`: a
 * narrow label column left no room): the label and the number are cells of their own.
 */
function labelThenNumber(line: Line, cell: RawCell): RawCell[] {
  const m = /^(.*[^\s\d.．]) ([0-9０-９]+)$/u.exec(cell.text);
  if (!m) return numbersApart(line, cell);
  const offset = cell.span.start - line.start;
  const at = offset + m[1]!.length + 1;
  return [cellOf(line, offset, offset + m[1]!.length, offset), cellOf(line, at, at + m[2]!.length, at)];
}
