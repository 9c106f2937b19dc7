/** Template rows and tables written out as text in a report's layout, with zeros for values. */

import type { Layout } from './model';
import { tableSpec, type RowSpec, type TableId, type TableSpec } from './template';

function joinCells(cells: readonly string[], layout: Layout, indent: string): string {
  switch (layout) {
    case 'pipe':
      return `${indent}| ${cells.join(' | ')} |`;
    case 'cells':
      return cells.map((c) => `${indent}${c}`).join('\n');
    case 'html':
      return `${indent}<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    default:
      return indent + cells.join('\t');
  }
}

/** One data row: label and zeros. `pad` blank cells go before the label (pipe rows keep their column count). */
export function renderRow(table: TableSpec, row: RowSpec, layout: Layout, indent = '', pad = 0): string {
  const zeros = table.columns.map(() => '0');
  const cells = [...Array.from({ length: pad }, () => (layout === 'pipe' ? ' ' : '')), row.label, ...zeros];
  return joinCells(layout === 'pipe' ? cells.map((c) => c.trim()) : cells, layout, indent);
}

/** A whole table of the template, in the given layout, ending with a line break. */
export function renderTable(id: TableId, layout: Layout): string {
  const table = tableSpec(id);
  const blocks: string[] = [];
  if (table.caption) blocks.push(joinCells([table.caption], layout, ''));
  for (const h of table.headerRows) blocks.push(joinCells(h, layout, ''));
  if (id === 'review') {
    blocks.push(
      joinCells(
        table.columns.map(() => '0'),
        layout,
        '',
      ),
    );
  } else {
    let group: string | undefined;
    for (const row of table.rows) {
      const g = row.group ? table.groups.find((x) => x.id === row.group) : undefined;
      if (g && g.id !== group && g.parent && row.id.endsWith('-1')) blocks.push(joinCells([g.label], layout, ''));
      if (g && g.id === 'results' && row.id === 'open') blocks.push(joinCells([g.label], layout, ''));
      group = g?.id;
      blocks.push(renderRow(table, row, layout));
    }
  }
  const sep = layout === 'cells' ? '\n\n' : '\n';
  const body = blocks.join(sep) + '\n';
  if (layout === 'html') return `<table>\n${blocks.join('\n')}\n</table>\n`;
  return layout === 'pipe' ? pipeSeparated(body) : body;
}

/** Pipe rows padded to one column count, with the separator line after the first row. */
function pipeSeparated(body: string): string {
  const rows = body.trimEnd().split('\n');
  const width = rows.reduce((w, r) => Math.max(w, r.split('|').length - 2), 0);
  const padded = rows.map((r) => {
    const n = r.split('|').length - 2;
    return n < width ? r + ' |'.repeat(width - n) : r;
  });
  const sepLine = `|${' --- |'.repeat(width)}`;
  return [padded[0], sepLine, ...padded.slice(1)].join('\n') + '\n';
}
