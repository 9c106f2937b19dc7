/** Table structure checks: missing tables and rows, unknown rows, labels, cells, the 2019 format. */

import { finding, type Finding, type Guarded } from '../codes';
import type { Cell, Layout, Report, Row, Span, Table } from '../model';
import { OLD_FORMAT_SINGLE_ROW_GROUP, SECTIONS, TABLES, rowName, rowSpec, type TableSpec } from '../template';
import { guard } from './sections';
import { lineAt, lineSpan } from './text';
import { append } from '../util';

/** A span users can see: an empty span (a blank cell) widens to the character beside it. */
export function visible(report: Report, span: Span): Span {
  if (span.end > span.start) return span;
  const next = report.text[span.start];
  if (next !== undefined && next !== '\n' && next !== '\r') return { start: span.start, end: span.start + 1 };
  return { start: Math.max(0, span.start - 1), end: span.start };
}

/** The layout most of the report's tables use; a new table is written the same way. */
export function reportLayout(report: Report): Layout {
  const counts = new Map<Layout, number>();
  for (const t of report.tables) counts.set(t.layout, (counts.get(t.layout) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return top ? top[0] : report.markdown ? 'pipe' : 'tab';
}

function lineStartOf(report: Report, line: number): number {
  return report.lineStarts[line] ?? report.text.length;
}

function leadingWhitespace(report: Report, line: number): string {
  const start = lineStartOf(report, line);
  const m = /^[ \t\u3000]*/u.exec(report.text.slice(start, start + 64));
  return m ? m[0] : '';
}

export function checkTables(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const spec of TABLES) {
    const table = report.tables.find((t) => t.id === spec.id);
    if (!table) {
      const missing = missingTable(report, spec);
      if (missing) out.push(missing);
      continue;
    }
    if (table.oldFormat.length > 0) {
      out.push(oldFormat(spec, table.oldFormat[0]!));
      continue;
    }
    if (spec.id === 'review') append(out, checkReview(report, spec, table));
    else append(out, checkRows(report, spec, table));
  }
  for (const old of report.oldTables) {
    out.push(
      finding(
        'table-old-format',
        `“${old.caption.text}”是 2019 年格式的表格，2021 年格式已删除这一表格`,
        old.caption.span,
      ),
    );
  }
  return out;
}

function oldFormat(spec: TableSpec, cell: Cell): Finding {
  if (spec.id === 'applications') {
    const rows = spec.rows.filter((r) => r.group === OLD_FORMAT_SINGLE_ROW_GROUP).map((r) => r.label);
    return finding(
      'table-old-format',
      `“${cell.text}”是 2019 年格式的一行，2021 年格式分为 ${rows.length} 行：${rows.join('；')}`,
      cell.span,
    );
  }
  return finding(
    'table-old-format',
    `表格“${spec.name}”仍是 2019 年格式（“${cell.text}”），2021 年格式的列为：${spec.columns.join('、')}`,
    cell.span,
  );
}

function missingTable(report: Report, spec: TableSpec): Finding | undefined {
  const section = report.sections.find((s) => s.index === spec.section);
  if (!section) return undefined;
  const siblings = TABLES.filter((t) => t.section === spec.section);
  const pos = siblings.indexOf(spec);
  const present = (t: TableSpec): Table | undefined =>
    report.tables.find((x) => x.id === t.id && x.section === spec.section);
  const prev = siblings
    .slice(0, pos)
    .reverse()
    .map(present)
    .find((t) => t !== undefined);
  const next = siblings
    .slice(pos + 1)
    .map(present)
    .find((t) => t !== undefined);
  const layout = reportLayout(report);
  const at = prev
    ? { at: guard(report, lineSpan(report, prev.span.end)), after: true }
    : next
      ? { at: guard(report, lineSpan(report, next.span.start)), after: false }
      : { at: guard(report, lineSpan(report, section.heading.span.start)), after: true };
  return finding(
    'table-missing',
    `第${SECTIONS[spec.section]!.numeral}部分缺少表格“${spec.name}”`,
    section.heading.span,
    {
      data: { fix: 'insert-table', table: spec.id, ...at, layout },
    },
  );
}

function cellName(spec: TableSpec, row: Row, column: number): string {
  const r = row.rowId ? rowSpec(spec, row.rowId) : undefined;
  const col = spec.columns[column] ?? `第 ${column + 1} 列`;
  return spec.id === 'review' ? col : `${r ? rowName(spec, r) : '此行'}·${col}`;
}

/** Every blank or `/` value cell of a table, for the fix that fills them all with 0. */
function blanksOf(report: Report, spec: TableSpec, table: Table): Guarded[] {
  const n = spec.columns.length;
  const out: Guarded[] = [];
  for (const row of table.rows) {
    if (!row.rowId || row.duplicateOf) continue;
    for (const cell of row.values.slice(0, n)) if (cell.status === 'missing') out.push(guard(report, cell.span));
  }
  return out;
}

function checkCells(
  report: Report,
  spec: TableSpec,
  row: Row,
  name: string,
  anchor: Span,
  blanks: () => Guarded[],
): Finding[] {
  const out: Finding[] = [];
  const n = spec.columns.length;
  const values = row.values;
  if (values.length === 0) {
    out.push(finding('table-cell-missing', `${name}缺少全部 ${n} 个数值，应填数字（没有则填 0）`, anchor));
    return out;
  }
  if (values.length < n) {
    out.push(
      finding(
        'table-cell-missing',
        `${name}应有 ${n} 个数值，只有 ${values.length} 个（没有的填 0）`,
        spanOfCells(values),
      ),
    );
  }
  values.slice(0, n).forEach((cell, i) => {
    const where = values.length === n ? cellName(spec, row, i) : `${name}的第 ${i + 1} 个数值`;
    if (cell.status === 'missing') {
      const shown = cell.text.length > 0 ? `“${cell.text}”` : '空白';
      const data =
        values.length === n
          ? { fix: 'fill-zero' as const, target: guard(report, cell.span), cell: where, tableBlanks: blanks() }
          : undefined;
      out.push(
        finding('table-cell-missing', `“${where}”为${shown}，应填数字（没有则填 0）`, visible(report, cell.span), {
          ...(data ? { data } : {}),
        }),
      );
    } else if (cell.status === 'invalid') {
      const wanted = spec.valueKind === 'amount' ? '不小于 0 的数' : '不小于 0 的整数';
      out.push(finding('table-cell-invalid', `“${where}”应为${wanted}，实为“${cell.text}”`, cell.span));
    }
  });
  if (values.length > n) {
    const extra = values.slice(n);
    out.push(
      finding(
        'table-cell-extra',
        `${name}有 ${values.length} 个数值，多出 ${extra.length} 个（模板为 ${n} 列）`,
        spanOfCells(extra),
      ),
    );
  }
  return out;
}

function spanOfCells(cells: readonly Cell[]): Span {
  return { start: cells[0]!.span.start, end: cells[cells.length - 1]!.span.end };
}

function checkReview(report: Report, spec: TableSpec, table: Table): Finding[] {
  const row = table.rows[0];
  if (!row) {
    return [finding('table-cell-missing', `表格“${spec.name}”缺少全部 ${spec.columns.length} 个数值`, table.span)];
  }
  return checkCells(report, spec, row, `表格“${spec.name}”`, row.span, () => blanksOf(report, spec, table));
}

function checkRows(report: Report, spec: TableSpec, table: Table): Finding[] {
  const out: Finding[] = [];
  let cached: Guarded[] | undefined;
  const blanks = (): Guarded[] => (cached ??= blanksOf(report, spec, table));
  for (const row of table.rows) {
    const r = row.rowId ? rowSpec(spec, row.rowId) : undefined;
    if (row.duplicateOf) {
      out.push(
        finding('table-row-unknown', `行“${rowName(spec, r!)}”重复，第 ${row.duplicateOf.line + 1} 行已有`, row.span, {
          related: [{ span: row.duplicateOf.span, message: '第一次出现在这里' }],
        }),
      );
      continue;
    }
    if (!r) {
      const label = row.label?.cell.text;
      const msg = label
        ? `行“${label}”不是表格“${spec.name}”中的行`
        : `这一行数据没有行标签，也无法按位置对应表格“${spec.name}”中的行`;
      out.push(finding('table-row-unknown', msg, row.span));
      continue;
    }
    const name = `行“${rowName(spec, r)}”`;
    if (row.matchedBy === 'position') {
      const first = row.values.find((c) => c.kind !== 'blank') ?? row.values[0];
      const at = first
        ? { start: first.span.start, end: first.span.start }
        : { start: row.span.start, end: row.span.start };
      const separator = {
        pipe: ' | ',
        html: '</td><td>',
        cells: `\n${leadingWhitespace(report, first?.line ?? row.line)}`,
        tab: '\t',
      }[table.layout];
      out.push(
        finding('table-row-label', `此行没有行标签，按位置视为“${rowName(spec, r)}”`, row.span, {
          data: { fix: 'relabel', table: spec.id, row: r.id, target: guard(report, at), separator },
        }),
      );
    } else if (row.label && row.label.how !== 'exact') {
      const why = row.label.how === 'alias' ? '是 2019 年格式的用语' : '与模板不一致';
      out.push(
        finding('table-row-label', `行标签“${row.label.cell.text}”${why}，模板为“${r.label}”`, row.label.cell.span, {
          data: {
            fix: 'relabel',
            table: spec.id,
            row: r.id,
            target: guard(report, row.label.cell.span),
            separator: '',
          },
        }),
      );
    }
    append(out, checkCells(report, spec, row, name, row.label?.cell.span ?? row.span, blanks));
  }
  append(out, missingRows(report, spec, table));
  return out;
}

function missingRows(report: Report, spec: TableSpec, table: Table): Finding[] {
  const out: Finding[] = [];
  const present = new Map<string, Row>();
  for (const row of table.rows) if (row.rowId && !row.duplicateOf) present.set(row.rowId, row);
  spec.rows.forEach((r, i) => {
    if (present.has(r.id)) return;
    const next = spec.rows
      .slice(i + 1)
      .map((x) => present.get(x.id))
      .find((x) => x !== undefined);
    const prev = spec.rows
      .slice(0, i)
      .reverse()
      .map((x) => present.get(x.id))
      .find((x) => x !== undefined);
    const anchor = next ?? prev;
    const name = rowName(spec, r);
    if (!anchor) {
      out.push(finding('table-row-missing', `表格“${spec.name}”缺少行“${name}”`, table.span));
      return;
    }
    const after = !next;
    const line = after ? lineAt(report, anchor.span.end) : anchor.line;
    const lineText = lineSpan(report, lineStartOf(report, line));
    const keepsColumns = table.layout === 'pipe' || table.layout === 'html';
    const pad = keepsColumns ? Math.max(0, anchor.cells.length - 1 - spec.columns.length) : 0;
    out.push(
      finding(
        'table-row-missing',
        `表格“${spec.name}”缺少行“${name}”，应在此行${after ? '之后' : '之前'}`,
        anchor.label?.cell.span ?? anchor.span,
        {
          data: {
            fix: 'insert-row',
            table: spec.id,
            row: r.id,
            at: guard(report, lineText),
            layout: table.layout,
            indent: leadingWhitespace(report, line),
            pad,
            after,
          },
        },
      ),
    );
  });
  return out;
}
