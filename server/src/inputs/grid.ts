/**
 * Tables of Word documents and web pages are laid on a grid: the columns of every row's borders together. A table
 * made or re-saved by LibreOffice, WPS or Word with rows of different widths has a grid finer than its cells, so a
 * value may span two grid columns (`w:gridSpan`, `colspan`). A merged cell is a blank cell in the template's tables
 * only among labels and headers; a row's values — and blanks where values go — come after its last label, one column
 * each whatever they span.
 */

import { NO_VALUE_MARK } from '../core/normalize';

/**
 * A cell that holds a number — a value, not a label: digits (half- or full-width), a sign (2019's 本年增/减), a point
 * or thousands marks between them. The one test of the readers (web pages, Word documents, PDF geometry).
 */
export const NUMBER_TEXT = /^[-+]?[0-9０-９]+(?:[.,，．][0-9０-９]+)*$/u;

/**
 * Index of a row's last label (a cell with text that is no number nor a dash); -1 when it has none. Spans count up
 * to it.
 */
export function lastLabel(texts: readonly string[]): number {
  let last = -1;
  texts.forEach((t, i) => {
    const s = t.trim();
    if (s.length > 0 && !NUMBER_TEXT.test(s) && !NO_VALUE_MARK.test(s)) last = i;
  });
  return last;
}
