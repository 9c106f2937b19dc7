/**
 * Blank cells of a table: every one, for the fix that fills them all, and whole columns left blank side by side
 * (a web page that left the five 法人或其他组织 columns empty), said as one finding a block instead of one a cell.
 */

import type { Guarded } from '../codes';
import type { Cell, Report, Row, Table } from '../model';
import type { TableSpec } from '../templates/index';
import { guard, visible, type Drafts } from './util';

/** Every blank or `/` value cell of a table, for the fix that fills them all with 0. */
export function blanksOf(report: Report, spec: TableSpec, table: Table): Guarded[] {
  const n = spec.columns.length;
  const out: Guarded[] = [];
  for (const row of table.rows) {
    if (!row.rowId || row.duplicateOf) continue;
    for (const cell of row.values.slice(0, n)) if (cell.status === 'missing') out.push(guard(report, cell.span));
  }
  return out;
}

/** Rows whose values fill every column: the rows a block of blank columns is counted over. */
function fullRows(spec: TableSpec, table: Table): Row[] {
  return table.rows.filter((r) => r.rowId && !r.duplicateOf && r.values.length === spec.columns.length);
}

/**
 * Whole columns left blank side by side (a web page that left the five 法人或其他组织 columns empty): one finding a
 * block, with a fix that fills it, instead of one a cell. A column counts when it is blank in every full row, and
 * there are at least three.
 */
export function blankBlocks(
  out: Drafts,
  report: Report,
  spec: TableSpec,
  table: Table,
  blanks: () => Guarded[],
): Set<Cell> {
  const rows = fullRows(spec, table);
  const inBlock = new Set<Cell>();
  if (rows.length < 3) return inBlock;
  const blankColumn = spec.columns.map((_, c) => rows.every((r) => r.values[c]!.status === 'missing'));
  for (let c = 0; c < blankColumn.length; c++) {
    if (!blankColumn[c]) continue;
    let end = c;
    while (end + 1 < blankColumn.length && blankColumn[end + 1]) end++;
    const cells = rows.flatMap((r) => r.values.slice(c, end + 1));
    for (const cell of cells) inBlock.add(cell);
    const columns =
      end > c ? `“${spec.columns[c]}”至“${spec.columns[end]}”${end - c + 1} 列` : `“${spec.columns[c]}”列`;
    const first = rows[0]!.values[c]!;
    out.add('table-cell-missing', {
      message: `表格“${spec.name}”的${columns}全部空白（${rows.length} 行，共 ${cells.length} 个单元格），应填数字（没有则填 0）`,
      span: visible(report, first.span),
      data: {
        fix: 'fill-zero',
        target: guard(report, first.span),
        cell: `${columns}的 ${cells.length} 个单元格`,
        tableBlanks: blanks(),
        block: cells.map((x) => guard(report, x.span)),
      },
    });
    c = end;
  }
  return inBlock;
}
