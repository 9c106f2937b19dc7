/**
 * Numbers printed before their label, one a line: plain pdftotext of a PDF whose cells are top-aligned gives a small
 * table as `0 0 0 规章 2 1 5 行政规范性文件` (the numbers' line sits a little higher than the label's). Read so only
 * when every row label of the run has numbers just before it and none just after: then each label is put before
 * its numbers. Anything less certain is left as it is.
 */

import { PLAIN_NUMBER } from '../normalize';
import type { Template } from '../templates/index';
import type { RawCell, RawRow } from './cells';
import { lookupLabel } from './labels';

const isNumber = (c: RawCell): boolean => PLAIN_NUMBER.test(c.text);

const isCaption = (template: Template, c: RawCell): boolean =>
  lookupLabel(template, c.text).some((h) => h.kind === 'caption');

/** A table's cells (from its caption to the next) with numbers before labels, put label first; else undefined. */
function reorderTable(template: Template, filled: readonly RawCell[]): RawCell[] | undefined {
  const labels = filled
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !isNumber(c) && lookupLabel(template, c.text).some((h) => h.kind === 'row'));
  if (labels.length === 0) return undefined;
  // Every label just after numbers; the last one with no numbers after it (label first, it would have them).
  if (labels.some(({ i }) => i === 0 || !isNumber(filled[i - 1]!))) return undefined;
  const last = labels[labels.length - 1]!.i;
  if (filled.slice(last + 1).some(isNumber)) return undefined;
  const rowLabels = new Set(labels.map((l) => l.c));
  const out: RawCell[] = [];
  let run: RawCell[] = [];
  for (const c of filled) {
    if (isNumber(c)) {
      run.push(c);
      continue;
    }
    const isRow = rowLabels.has(c);
    if (isRow) out.push(c);
    for (const n of run) out.push(n);
    run = [];
    if (!isRow) out.push(c);
  }
  for (const n of run) out.push(n);
  return out;
}

function reorder(template: Template, cells: readonly RawCell[]): RawCell[] | undefined {
  const filled = cells.filter((c) => c.text.length > 0);
  // Table by table: from one caption to the next.
  const parts: RawCell[][] = [[]];
  for (const c of filled) {
    if (isCaption(template, c) && parts[parts.length - 1]!.length > 0) parts.push([]);
    parts[parts.length - 1]!.push(c);
  }
  let changed = false;
  const out: RawCell[] = [];
  for (const part of parts) {
    const r = reorderTable(template, part);
    if (r) changed = true;
    for (const c of r ?? part) out.push(c);
  }
  return changed ? out : undefined;
}

/**
 * The rows with each one-cell-a-line run whose numbers all come before their labels put in label-first order — but
 * not a run that opens with numbers right after a row label standing alone: those are that label's numbers, and the
 * empty line between was an empty cell (LibreOffice saves a table as text a cell a line, an empty cell an empty
 * line).
 */
export function labelsFirst(template: Template, rows: readonly RawRow[]): RawRow[] {
  let afterLabel = false;
  return rows.map((r) => {
    const filled = r.cells.filter((c) => c.text.length > 0);
    const opensWithNumbers = filled.length > 0 && isNumber(filled[0]!);
    const follows = afterLabel;
    const last = filled[filled.length - 1];
    afterLabel =
      r.layout === 'cells' &&
      last !== undefined &&
      !isNumber(last) &&
      lookupLabel(template, last.text).some((h) => h.kind === 'row');
    if (r.layout !== 'cells' || (follows && opensWithNumbers)) return r;
    const cells = reorder(template, r.cells);
    return cells ? { ...r, cells } : r;
  });
}
