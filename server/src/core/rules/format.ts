/**
 * `table-old-format`: a table in an older format — once per table, at the first label the newer format does not
 * have. Under the newer format, its tables with an older format's labels (and tables only the older one had); a
 * report read under a replaced format (2019), each of its tables that the newer format changed.
 */

import type { Cell, Table } from '../model';
import { lookupLabel } from '../parse/labels';
import { successorOf, tableSpec, templateById, type TableSpec, type Template } from '../templates/index';
import type { CheckContext, Draft, Rule } from './types';

function removedTable(older: Template, newer: Template, caption: Cell): Draft {
  return {
    message: `“${caption.text}”是 ${older.label}的表格，${newer.label}已删除这一表格`,
    span: caption.span,
  };
}

/** A table in `older` form: the first label that `newer` does not have. */
function oldFormat(
  older: Template,
  newer: Template,
  spec: TableSpec,
  cell: Cell,
  kind: 'column' | 'row' | 'group',
): Draft {
  if (kind === 'group') {
    const group = spec.groups.find((g) =>
      lookupLabel(newer, cell.text).some((h) => h.kind === 'group' && h.group === g.id),
    );
    const rows = spec.rows.filter((r) => group && r.group === group.id).map((r) => r.label);
    return {
      message: `“${cell.text}”是 ${older.label}的一行，${newer.label}分为 ${rows.length} 行：${rows.join('；')}`,
      span: cell.span,
    };
  }
  return {
    message: `表格“${spec.name}”仍是 ${older.label}（“${cell.text}”），${newer.label}的列为：${spec.columns.join('、')}`,
    span: cell.span,
  };
}

/** A table of a report read under a replaced format, where the newer format differs. */
function replacedTable(older: Template, newer: Template, table: Table): Draft | undefined {
  const spec = tableSpec(newer, table.id);
  if (!spec) return table.caption ? removedTable(older, newer, table.caption) : undefined;
  const cells = [
    ...table.headerRows.flatMap((r) => r.labels),
    ...table.rows.flatMap((r) => (r.label ? [r.label.cell] : [])),
  ];
  for (const cell of cells) {
    const hits = lookupLabel(newer, cell.text);
    const old = hits.find((h) => (h.kind === 'old-column' || h.kind === 'old-row') && h.template === older.id);
    if (!old) continue;
    const kind = old.kind === 'old-column' ? 'column' : hits.some((h) => h.kind === 'group') ? 'group' : 'row';
    return oldFormat(older, newer, spec, cell, kind);
  }
  return undefined;
}

function check({ report, template }: CheckContext): Draft[] {
  const out: Draft[] = [];
  for (const spec of template.tables) {
    const table = report.tables.find((t) => t.id === spec.id);
    const foreign = table?.foreign[0];
    const older = foreign ? templateById(foreign.template) : undefined;
    if (foreign && older) out.push(oldFormat(older, template, spec, foreign.cell, foreign.kind));
  }
  for (const old of report.oldTables) {
    const older = templateById(old.template);
    if (older) out.push(removedTable(older, template, old.caption));
  }
  // A table of a newer report read under its own older format: said once, like a whole report's.
  for (const table of report.tables) {
    const older = table.template !== undefined ? templateById(table.template) : undefined;
    const draft = older ? replacedTable(older, template, table) : undefined;
    if (draft) out.push(draft);
  }
  // A report read under a format that was replaced: say so once per table that changed.
  const successor = successorOf(template);
  if (successor) {
    for (const table of report.tables) {
      const draft = replacedTable(template, successor, table);
      if (draft) out.push(draft);
    }
  }
  return out;
}

export const formatRules: readonly Rule[] = [
  {
    code: 'table-old-format',
    severity: 'error',
    summary: '表格仍是 2019 年格式（国办公开办函〔2019〕60号）',
    check,
  },
];
