/** Template rows and tables written out as text in a report's layout, with zeros for values. */

import { LAYOUTS } from './layouts/index';
import type { Layout } from './model';
import type { RowSpec, TableSpec } from './templates/index';

/** One data row: label and zeros. `pad` blank cells go before the label (rows that keep their column count). */
export function renderRow(table: TableSpec, row: RowSpec, layout: Layout, indent = '', pad = 0): string {
  const cells = [...Array.from({ length: pad }, () => ''), row.label, ...table.columns.map(() => '0')];
  return LAYOUTS[layout].renderRow(cells, indent);
}

/** The labels of a row's group and the groups above it, outermost first. */
function groupChain(table: TableSpec, row: RowSpec): string[] {
  const chain: string[] = [];
  let id = row.group;
  while (id !== undefined && !chain.includes(id)) {
    chain.unshift(id);
    id = table.groups.find((g) => g.id === id)?.parent;
  }
  return chain;
}

/** A whole table of the template, in the given layout, ending with a line break. */
export function renderTable(table: TableSpec, layout: Layout): string {
  const rows: string[][] = [];
  if (table.caption) rows.push([table.caption]);
  for (const h of table.headerRows) rows.push([...h]);
  const zeros = table.columns.map(() => '0');
  if (table.shape === 'single-row') rows.push(zeros);
  else {
    // A group's heading goes before its first row.
    const printed = new Set<string>();
    for (const row of table.rows) {
      for (const id of groupChain(table, row)) {
        const g = table.groups.find((x) => x.id === id);
        if (g && !printed.has(id)) rows.push([g.label]);
        printed.add(id);
      }
      rows.push([row.label, ...zeros]);
    }
  }
  return LAYOUTS[layout].renderTable(rows);
}
