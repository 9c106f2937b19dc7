/**
 * Table structure rules: missing tables and rows, unknown rows, labels, cells, an older format — one walk over the
 * report's tables.
 */

import type { Guarded } from '../codes';
import { holds, insertLines } from '../edits';
import { LAYOUTS, isLayout } from '../layouts/index';
import type { Cell, Report, Row, Span, Table } from '../model';
import { lookupLabel } from '../parse/labels';
import { MAX_DIGITS } from '../parse/rows';
import { renderRow, renderTable } from '../render';
import { labelKey, similarity } from '../normalize';
import {
  predecessorsOf,
  rowName,
  rowSpec,
  specOf,
  tableSpec,
  type RowSpec,
  type TableSpec,
  type Template,
} from '../templates/index';

import { blankBlocks, blanksOf } from './blanks';
import type { CheckContext, Draft, Rule } from './types';
import {
  Drafts,
  family,
  guard,
  leadingWhitespace,
  lineAt,
  lineSpan,
  lineStartOf,
  replaceFix,
  reportLayout,
  visible,
} from './util';

function walk({ report, template }: CheckContext): ReadonlyMap<string, Draft[]> {
  const out = new Drafts();
  for (const own of template.tables) {
    const table = report.tables.find((t) => t.id === own.id);
    // A table read under its own older format is checked against that format's rows, columns and sums.
    const spec = (table && specOf(report, table)) ?? own;
    if (!table) {
      // A section whose numbers stand apart from their labels is said once (rules/unreadable.ts), not as missing.
      if (report.unreadable.some((u) => u.section === spec.section)) continue;
      const missing = missingTable(report, template, spec);
      if (missing) out.add('table-missing', missing);
      continue;
    }
    // A table left in an older format is one finding (rules/format.ts), not a page of cell errors.
    if (table.foreign.length > 0) continue;
    if (spec.shape === 'single-row') checkSingleRow(out, report, spec, table);
    else checkRows(out, report, template, spec, table);
  }
  return out.byCode;
}

function missingTable(report: Report, template: Template, spec: TableSpec): Draft | undefined {
  const section = report.sections.find((s) => s.index === spec.section);
  if (!section) return undefined;
  const siblings = template.tables.filter((t) => t.section === spec.section);
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
  return {
    message: `第${template.sections[spec.section]!.numeral}部分缺少表格“${spec.name}”`,
    span: section.heading.span,
    data: { fix: 'insert-table', table: spec.id, ...at, layout },
  };
}

function cellName(spec: TableSpec, row: Row, column: number): string {
  const r = row.rowId ? rowSpec(spec, row.rowId) : undefined;
  const col = spec.columns[column] ?? `第 ${column + 1} 列`;
  return spec.shape === 'single-row' ? col : `${r ? rowName(spec, r) : '此行'}·${col}`;
}

function spanOfCells(cells: readonly Cell[]): Span {
  return { start: cells[0]!.span.start, end: cells[cells.length - 1]!.span.end };
}

function checkCells(
  out: Drafts,
  report: Report,
  spec: TableSpec,
  row: Row,
  name: string,
  anchor: Span,
  blanks: () => Guarded[],
  inBlock: ReadonlySet<Cell> = new Set(),
): void {
  const n = spec.columns.length;
  const values = row.values;
  if (values.length === 0) {
    out.add('table-cell-missing', { message: `${name}缺少全部 ${n} 个数值，应填数字（没有则填 0）`, span: anchor });
    return;
  }
  if (values.length < n) {
    out.add('table-cell-missing', {
      message: `${name}应有 ${n} 个数值，只有 ${values.length} 个（没有的填 0）`,
      span: spanOfCells(values),
    });
  }
  values.slice(0, n).forEach((cell, i) => {
    const where = values.length === n ? cellName(spec, row, i) : `${name}的第 ${i + 1} 个数值`;
    if (cell.status === 'missing' && inBlock.has(cell)) return;
    if (cell.status === 'missing') {
      const shown = cell.text.length > 0 ? `“${cell.text}”` : '空白';
      out.add('table-cell-missing', {
        message: `“${where}”为${shown}，应填数字（没有则填 0）`,
        span: visible(report, cell.span),
        ...(values.length === n
          ? {
              data: {
                fix: 'fill-zero' as const,
                target: guard(report, cell.span),
                cell: `“${where}”`,
                tableBlanks: blanks(),
              },
            }
          : {}),
      });
    } else if (cell.status === 'invalid') {
      const kind = spec.columnKinds?.[i] ?? spec.valueKind;
      const wanted = { amount: '不小于 0 的数', count: '不小于 0 的整数', change: '整数' }[kind];
      const digits = /\d+/u.exec(cell.text.normalize('NFKC').replace(/^0+/u, ''))?.[0].length ?? 0;
      const message =
        digits > MAX_DIGITS
          ? `“${where}”有 ${digits} 位数字，超过 ${MAX_DIGITS} 位，无法核对（实为“${cell.text}”）`
          : `“${where}”应为${wanted}，实为“${cell.text}”`;
      out.add('table-cell-invalid', { message, span: cell.span });
    }
  });
  if (values.length > n) {
    const extra = values.slice(n);
    out.add('table-cell-extra', {
      message: `${name}有 ${values.length} 个数值，多出 ${extra.length} 个（模板为 ${n} 列）`,
      span: spanOfCells(extra),
    });
  }
}

function checkSingleRow(out: Drafts, report: Report, spec: TableSpec, table: Table): void {
  const row = table.rows[0];
  if (!row) {
    out.add('table-cell-missing', {
      message: `表格“${spec.name}”缺少全部 ${spec.columns.length} 个数值`,
      span: table.span,
    });
    return;
  }
  checkCells(out, report, spec, row, `表格“${spec.name}”`, row.span, () => blanksOf(report, spec, table));
}

/** Where an alias of a row label comes from: the older format that prints it, or older usage. */
function aliasSource(template: Template, spec: TableSpec, text: string): string {
  const key = labelKey(text);
  const older = predecessorsOf(template).find((o) =>
    tableSpec(o, spec.id)?.rows.some((r) => labelKey(r.label) === key),
  );
  return older ? ` ${older.label}` : '旧的';
}

/** In a table read under its older format, a label of the report's own format is no deviation. */
function newerLabel(report: Report, table: Table, text: string): boolean {
  return table.template !== undefined && lookupLabel(report.template, text).some((h) => h.kind === 'row');
}

/**
 * What a relabel fix rewrites of a row's label: the label cell; of a label read from a group's cell and the row's
 * own (`（六）其他处理` `1.申请人…`), the row's own cell alone, so the group's label stays; of a label wrapped over
 * cells side by side on one line, all of them (the fix keeps their separators). A label wrapped around its numbers
 * lies on several lines with the numbers between, and one over cells a line each cannot be rewritten without
 * moving cells: no edit rewrites them.
 */
function relabelTarget(report: Report, spec: TableSpec, r: RowSpec, row: Row, cell: Cell): Span | undefined {
  if (cell.wrapped) return undefined;
  const parts = row.labels.filter((l) => l.span.start >= cell.span.start && l.span.end <= cell.span.end);
  if (parts.length <= 1) return cell.span;
  const group = r.group ? spec.groups.find((g) => g.id === r.group) : undefined;
  const before = labelKey(
    parts
      .slice(0, -1)
      .map((l) => l.text)
      .join(''),
  );
  if (group && similarity(before, labelKey(group.label)) >= 0.8) return parts[parts.length - 1]!.span;
  return /[\r\n]/u.test(report.text.slice(cell.span.start, cell.span.end)) ? undefined : cell.span;
}

function checkRows(out: Drafts, report: Report, template: Template, spec: TableSpec, table: Table): void {
  let cached: Guarded[] | undefined;
  const blanks = (): Guarded[] => (cached ??= blanksOf(report, spec, table));
  const inBlock = blankBlocks(out, report, spec, table, blanks);
  for (const row of table.rows) {
    const r = row.rowId ? rowSpec(spec, row.rowId) : undefined;
    if (row.duplicateOf) {
      out.add('table-row-unknown', {
        message: `行“${rowName(spec, r!)}”重复，第 ${lineAt(report, row.duplicateOf.span.start) + 1} 行已有`,
        span: row.span,
        related: [{ span: row.duplicateOf.span, message: '第一次出现在这里' }],
      });
      continue;
    }
    if (!r) {
      const label = row.label?.cell.text;
      const message = label
        ? `行“${label}”不是表格“${spec.name}”中的行`
        : `这一行数据没有行标签，也无法按位置对应表格“${spec.name}”中的行`;
      out.add('table-row-unknown', { message, span: row.span });
      continue;
    }
    const name = `行“${rowName(spec, r)}”`;
    if (row.matchedBy === 'position' && row.label) {
      const cell = row.label.cell;
      const target = relabelTarget(report, spec, r, row, cell);
      out.add('table-row-label', {
        message: `行标签“${cell.text}”与模板不一致，按位置视为“${r.label}”`,
        span: cell.span,
        ...(target
          ? { data: { fix: 'relabel', table: spec.id, row: r.id, target: guard(report, target), separator: '' } }
          : {}),
      });
    } else if (row.matchedBy === 'position') {
      const first = row.values.find((c) => c.kind !== 'blank') ?? row.values[0];
      const at = first
        ? { start: first.span.start, end: first.span.start }
        : { start: row.span.start, end: row.span.start };
      const separator = LAYOUTS[table.layout].labelSeparator(
        leadingWhitespace(report, lineAt(report, first?.span.start ?? row.span.start)),
      );
      out.add('table-row-label', {
        message: `此行没有行标签，按位置视为“${rowName(spec, r)}”`,
        span: row.span,
        data: { fix: 'relabel', table: spec.id, row: r.id, target: guard(report, at), separator },
      });
    } else if (row.label && row.label.how !== 'exact' && !newerLabel(report, table, row.label.cell.text)) {
      const why =
        row.label.how === 'alias' ? `是${aliasSource(template, spec, row.label.cell.text)}的用语` : '与模板不一致';
      const cell = row.label.cell;
      const target = relabelTarget(report, spec, r, row, cell);
      out.add('table-row-label', {
        message: `行标签“${cell.text}”${why}，模板为“${r.label}”`,
        span: cell.span,
        ...(target
          ? { data: { fix: 'relabel', table: spec.id, row: r.id, target: guard(report, target), separator: '' } }
          : {}),
      });
    }
    checkCells(out, report, spec, row, name, row.label?.cell.span ?? row.span, blanks, inBlock);
  }
  for (const d of missingRows(report, spec, table)) out.add('table-row-missing', d);
}

function missingRows(report: Report, spec: TableSpec, table: Table): Draft[] {
  const out: Draft[] = [];
  const present = new Map<string, Row>();
  for (const row of table.rows) if (row.rowId && !row.duplicateOf) present.set(row.rowId, row);
  spec.rows.forEach((r, i) => {
    if (present.has(r.id)) return;
    const nextSpec = spec.rows.slice(i + 1).find((x) => present.has(x.id));
    const prevSpec = spec.rows
      .slice(0, i)
      .reverse()
      .find((x) => present.has(x.id));
    const next = nextSpec && present.get(nextSpec.id);
    const prev = prevSpec && present.get(prevSpec.id);
    const anchor = next ?? prev;
    const name = rowName(spec, r);
    if (!anchor) {
      out.push({ message: `表格“${spec.name}”缺少行“${name}”`, span: table.span });
      return;
    }
    const after = !next;
    // Said at its group's place: on the group's last row present when the next row is another group's (the row goes
    // in between; the fix inserts it there, before the next row, in that row's layout).
    const inGroup =
      prev !== undefined && next !== undefined && prevSpec!.group === r.group && nextSpec!.group !== r.group;
    const shown = inGroup ? prev : anchor;
    // Before the row's first cell, a blank one included (a row's span starts at its first filled cell).
    const first = anchor.cells.reduce((at, c) => Math.min(at, c.span.start), anchor.span.start);
    const line = lineAt(report, after ? anchor.span.end : first);
    const lineText = lineSpan(report, lineStartOf(report, line));
    const pad = LAYOUTS[table.layout].keepsColumns ? Math.max(0, anchor.cells.length - 1 - spec.columns.length) : 0;
    out.push({
      message: `表格“${spec.name}”缺少行“${name}”，应在此行${after || inGroup ? '之后' : '之前'}`,
      span: shown.label?.cell.span ?? shown.span,
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
    });
  });
  return out;
}

const check = family(walk);

export const tableRules: readonly Rule[] = [
  {
    code: 'table-missing',
    severity: 'error',
    summary: '缺少模板规定的表格',
    check: check('table-missing'),
    fix: (d, { text, template }) => {
      if (d.fix !== 'insert-table' || !holds(text, d.at) || !isLayout(d.layout)) return undefined;
      const spec = tableSpec(template, d.table);
      if (!spec) return undefined;
      return {
        title: `按模板插入表格“${spec.name}”（数值为 0）`,
        edits: [insertLines(text, d.at, d.after, renderTable(spec, d.layout), LAYOUTS[d.layout].blankAround)],
        preferred: true,
      };
    },
  },
  {
    code: 'table-row-missing',
    severity: 'error',
    summary: '表格缺少模板规定的行',
    check: check('table-row-missing'),
    fix: (d, { text, template }) => {
      if (d.fix !== 'insert-row' || !holds(text, d.at) || !isLayout(d.layout)) return undefined;
      const spec = tableSpec(template, d.table);
      const row = spec ? rowSpec(spec, d.row) : undefined;
      if (!spec || !row) return undefined;
      const block = renderRow(spec, row, d.layout, d.indent, d.pad);
      return {
        title: `按模板插入行“${rowName(spec, row)}”（数值为 0）`,
        edits: [insertLines(text, d.at, d.after, block, LAYOUTS[d.layout].blankAround)],
        preferred: true,
      };
    },
  },
  {
    code: 'table-row-unknown',
    severity: 'warning',
    summary: '数据行无法对应模板中的任何行（无标签或重复）',
    check: check('table-row-unknown'),
  },
  {
    code: 'table-row-label',
    severity: 'warning',
    summary: '行标签与模板不一致（如 2019 年的“规范性文件”），或缺少标签、按位置对应',
    check: check('table-row-label'),
    fix: (d, { text, template }) => {
      const spec = d.fix === 'relabel' ? tableSpec(template, d.table) : undefined;
      const row = spec && d.fix === 'relabel' ? rowSpec(spec, d.row) : undefined;
      if (d.fix !== 'relabel' || !row) return undefined;
      const verb = d.target.expect.length === 0 ? '补上行标签' : '改为模板标签';
      // A label wrapped over cells side by side: the first cell takes the label, the others are emptied and keep
      // their places, so no cell of the row moves to another column.
      const kept = [...d.target.expect.matchAll(/\t|\||<\/t[dh]>\s*<t[dh][^>]*>/giu)].map((m) => m[0]).join('');
      return replaceFix(text, d.target, row.label + kept + d.separator, `${verb}“${row.label}”`);
    },
  },
  {
    code: 'table-cell-missing',
    severity: 'error',
    summary: '单元格为空、为“/”或数值个数不足（应填 0）',
    check: check('table-cell-missing'),
    fix: (d, { text }) => {
      if (d.fix !== 'fill-zero' || !holds(text, d.target)) return undefined;
      const own = d.block && d.block.every((g) => holds(text, g)) ? d.block : [d.target];
      const fixes = [{ title: `${d.cell}填 0`, edits: own.map((g) => ({ ...g.span, newText: '0' })), preferred: true }];
      if (d.tableBlanks.length > 1 && d.tableBlanks.every((g) => holds(text, g))) {
        fixes.push({
          title: `本表 ${d.tableBlanks.length} 处空缺都填 0`,
          edits: d.tableBlanks.map((g) => ({ ...g.span, newText: '0' })),
          preferred: false,
        });
      }
      return fixes;
    },
    fixAllStage: (d) => (d.fix === 'fill-zero' ? 0 : undefined),
  },
  {
    code: 'table-cell-extra',
    severity: 'error',
    summary: '一行的数值多于模板的列数',
    check: check('table-cell-extra'),
  },
  {
    code: 'table-cell-invalid',
    severity: 'error',
    summary: '单元格不是不小于 0 的整数（收费金额可为小数）',
    check: check('table-cell-invalid'),
  },
];
