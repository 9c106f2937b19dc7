/**
 * Tables of Word documents and web pages are laid on a grid: the columns of every row's borders together. A table
 * made or re-saved by LibreOffice, WPS or Word with rows of different widths has a grid finer than its cells, so a
 * value may span two grid columns (`w:gridSpan`, `colspan`). A merged cell is a blank cell in the template's tables
 * only among labels and headers; a row's values — and blanks where values go — come after its last label, one column
 * each whatever they span.
 */

/** A cell that holds a number (a value, not a label). */
const VALUE = /^[0-9０-９][0-9０-９.,，]*$/u;

/** Index of a row's last label (a cell with text that is no number); -1 when it has none. Spans count up to it. */
export function lastLabel(texts: readonly string[]): number {
  let last = -1;
  texts.forEach((t, i) => {
    const s = t.trim();
    if (s.length > 0 && !VALUE.test(s)) last = i;
  });
  return last;
}
