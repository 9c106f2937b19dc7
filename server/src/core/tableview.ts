/**
 * The tables of a report as the template draws them — 二's four, 三, 四 — each cell holding the report's value and what
 * the checks say of it: wrong (with the right value), blank, invalid, or flagged by a finding; and the sums each cell
 * is part of that do not hold. Plain, serialisable data: the editor's preview and the reviewer's HTML page draw it
 * (`render/tables.ts`).
 */

import type { Finding, Severity } from './codes';
import { positionAt, type Position } from './lines';
import type { Cell, Report, Span } from './model';
import { cellTitle, equations, evaluate, formatNumber, grids, refKey, type Equation, type Grid } from './sums';
import { specOf, type TableSpec } from './templates/index';

export interface Place {
  readonly start: Position;
  readonly end: Position;
}

export type CellState = 'ok' | 'wrong' | 'blank' | 'invalid' | 'flagged' | 'absent';

export interface CellView {
  /** The cell's text in the report; '' for a blank cell or one the report does not have. */
  readonly text: string;
  readonly state: CellState;
  /** The value the checks say the cell should hold (a wrong total, a blank to fill with 0). */
  readonly expected?: string;
  /** `行政复议·总计`, `（七）总计·自然人`. */
  readonly title: string;
  /** Where the cell is in the text; absent for a cell the report does not have. */
  readonly place?: Place;
  /** Indexes into `TablesView.sums` of the broken sums the cell is part of. */
  readonly sums: readonly number[];
  /** Messages of the findings on the cell. */
  readonly notes: readonly string[];
}

export interface RowView {
  /** The template's label (`（三）不予公开` for a group line, which has no cells). */
  readonly label: string;
  /** 0 for a table's own rows, 1 under a group, 2 under a group of a group. */
  readonly depth: number;
  readonly kind: 'row' | 'group';
  /** The report's label when it differs from the template's. */
  readonly found?: string;
  readonly place?: Place;
  readonly cells: readonly CellView[];
  /** Messages of the findings on the row's label or about the row (a missing row). */
  readonly notes: readonly string[];
}

/** A header cell spanning columns and rows, as the template prints it. */
export interface HeaderCell {
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
}

export interface TableView {
  readonly id: string;
  /** `收到和处理政府信息公开申请情况表`, `第二十条第（一）项`. */
  readonly name: string;
  /** The section's numeral: 二, 三, 四. */
  readonly section: string;
  /** `ok`: read; `missing`: not in the report; `unreadable`: numbers apart from labels; `other-format`: old labels. */
  readonly state: 'ok' | 'missing' | 'unreadable' | 'other-format';
  /** Why a table is not drawn with values, in a sentence. */
  readonly note?: string;
  /** The header over the label column (the corner note, 信息内容); absent for a table of one unlabelled row. */
  readonly labelHeader?: string;
  /** Header rows over the value columns. */
  readonly header: readonly (readonly HeaderCell[])[];
  readonly rows: readonly RowView[];
  readonly place?: Place;
}

export interface SumView {
  /** `行合计：（七）总计·总计`. */
  readonly title: string;
}

export interface TablesView {
  readonly tables: readonly TableView[];
  /** The sums that do not hold, which the cells refer to. */
  readonly sums: readonly SumView[];
  /** Errors and warnings of the whole report. */
  readonly errors: number;
  readonly warnings: number;
}

const SUM_NAME: Record<Equation['family'], string> = { E1: '勾稽关系', E2: '行合计', E3: '列合计', E6: '小计' };

/** The cells the checks found wrong, by offset, with the value each should have. */
/** Why a section's tables could not be read, as the table view says it. */
const UNREADABLE_NOTES: Record<Report['unreadable'][number]['reason'], string> = {
  apart: '表格的数值与行标签分开排列，无法逐格读出',
  joined: '表格的文字连成一行，无法逐格读出',
  image: '表格是图片，无法读出其中的数字',
  dropped: '表格在转换时被略去，只留下占位符',
};

export function corrections(findings: readonly Finding[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of findings) if (f.data?.fix === 'set-cell') out.set(f.data.target.span.start, Number(f.data.value));
  return out;
}

const shown = (s: Severity): boolean => s === 'error' || s === 'warning';

/** `findings`: the ones the user sees (severities as the settings make them). */
export function tablesView(report: Report, findings: readonly Finding[]): TablesView {
  const fixes = corrections(findings);
  const place = (span: Span): Place => ({
    start: positionAt(report.lineStarts, span.start),
    end: positionAt(report.lineStarts, span.end),
  });
  const notesIn = (span: Span): string[] =>
    findings.filter((f) => f.span.start >= span.start && f.span.end <= span.end).map((f) => f.message);

  // The sums that do not hold, and the cells of each.
  const sums: SumView[] = [];
  const sumsOf = new Map<string, number[]>();
  const byTable = new Map<string, Grid>();
  for (const grid of grids(report)) {
    byTable.set(grid.table.id, grid);
    for (const eq of equations(grid.spec)) {
      if (evaluate(grid, eq).status !== 'broken') continue;
      const i = sums.length;
      const at = eq.family === 'E1' ? `第 ${(eq.column ?? 0) + 1} 列（${grid.spec.columns[eq.column ?? 0]}）` : '';
      sums.push({ title: `${SUM_NAME[eq.family]}：${at || cellTitle(grid.spec, eq.left[0]!)}` });
      for (const ref of [...eq.left, ...eq.right]) {
        const key = `${grid.table.id}:${refKey(ref)}`;
        const list = sumsOf.get(key) ?? [];
        if (!list.includes(i)) list.push(i);
        sumsOf.set(key, list);
      }
    }
  }

  const cellView = (spec: TableSpec, grid: Grid | undefined, row: string, col: number, cell: Cell | undefined) => {
    const title = cellTitle(spec, { row, col });
    const key = `${spec.id}:${refKey({ row, col })}`;
    if (!cell) return { text: '', state: 'absent' as const, title, sums: [], notes: [] };
    const notes = notesIn(cell.span);
    const fix = fixes.get(cell.span.start);
    const state: CellState =
      fix !== undefined
        ? 'wrong'
        : cell.status === 'missing'
          ? 'blank'
          : cell.status === 'invalid'
            ? 'invalid'
            : findings.some((f) => shown(f.severity) && f.span.start >= cell.span.start && f.span.end <= cell.span.end)
              ? 'flagged'
              : 'ok';
    const expected = fix !== undefined ? formatNumber(fix) : undefined;
    return {
      text: cell.text,
      state,
      ...(expected !== undefined ? { expected } : {}),
      title,
      place: place(cell.span),
      sums: grid ? (sumsOf.get(key) ?? []) : [],
      notes,
    };
  };

  const tables: TableView[] = [];
  for (const own of report.template.tables) {
    const table = report.tables.find((t) => t.id === own.id);
    const spec = (table && specOf(report, table)) ?? own;
    const section = report.template.sections[spec.section]?.numeral ?? '';
    const base = { id: spec.id, name: spec.name, section, header: header(spec), ...labelHeader(spec) };
    const unreadable = report.unreadable.find((u) => u.section === spec.section);
    if (!table) {
      const note = unreadable ? UNREADABLE_NOTES[unreadable.reason] : `报告中没有“${spec.name}”，模板要求此表`;
      tables.push({ ...base, state: unreadable ? 'unreadable' : 'missing', note, rows: templateRows(spec) });
      continue;
    }
    if (table.foreign.length > 0) {
      tables.push({
        ...base,
        state: 'other-format',
        note: `表中有旧格式的标签（${table.foreign[0]!.cell.text}），其数值未按本格式核对`,
        rows: templateRows(spec),
        place: place(table.span),
      });
      continue;
    }
    const grid = byTable.get(table.id);
    const rows: RowView[] = [];
    let lastGroup: string | undefined;
    for (const r of spec.rows) {
      const depth = groupLines(spec, r.group, lastGroup, rows);
      lastGroup = r.group;
      const present = table.rows.find((x) => x.rowId === r.id && !x.duplicateOf);
      const label = spec.shape === 'single-row' ? '' : r.label;
      const cells = spec.columns.map((_, col) =>
        cellView(spec, grid, r.id, col, grid?.cell({ row: r.id, col }) ?? undefined),
      );
      if (!present) {
        const notes = findings
          .filter((f) => f.data?.fix === 'insert-row' && f.data.table === spec.id && f.data.row === r.id)
          .map((f) => f.message);
        rows.push({ label, depth, kind: 'row', cells, notes: notes.length > 0 ? notes : ['报告中没有此行'] });
        continue;
      }
      const found = present.label?.cell.text;
      const rowNotes = present.labels.flatMap((c) => notesIn(c.span));
      if (present.values.length !== spec.columns.length)
        rowNotes.push(`此行读出 ${present.values.length} 个数值，模板为 ${spec.columns.length} 列`);
      rows.push({
        label,
        depth,
        kind: 'row',
        ...(found !== undefined && found !== r.label && spec.shape !== 'single-row' ? { found } : {}),
        place: place(present.span),
        cells,
        notes: rowNotes,
      });
    }
    tables.push({ ...base, state: 'ok', rows, place: place(table.span) });
  }
  return {
    tables,
    sums,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

/** The template's rows without values, for a table the report does not have or that cannot be read. */
function templateRows(spec: TableSpec): RowView[] {
  const rows: RowView[] = [];
  let lastGroup: string | undefined;
  for (const r of spec.rows) {
    const depth = groupLines(spec, r.group, lastGroup, rows);
    lastGroup = r.group;
    const cells = spec.columns.map((_, col) => ({
      text: '',
      state: 'absent' as const,
      title: cellTitle(spec, { row: r.id, col }),
      sums: [],
      notes: [],
    }));
    rows.push({ label: spec.shape === 'single-row' ? '' : r.label, depth, kind: 'row', cells, notes: [] });
  }
  return rows;
}

/**
 * Adds the lines of the groups a row opens (`三、本年度办理结果`, then `（三）不予公开`) and gives the row's depth. A
 * group's own total row (（七）总计 under 三、) stays at the group's depth + 1.
 */
function groupLines(spec: TableSpec, group: string | undefined, last: string | undefined, rows: RowView[]): number {
  const chain: string[] = [];
  for (let g = group; g !== undefined; g = spec.groups.find((x) => x.id === g)?.parent) chain.unshift(g);
  const open: string[] = [];
  for (let g = last; g !== undefined; g = spec.groups.find((x) => x.id === g)?.parent) open.unshift(g);
  chain.forEach((id, i) => {
    if (open[i] === id) return;
    open.length = i;
    const g = spec.groups.find((x) => x.id === id);
    rows.push({ label: g?.label ?? id, depth: i, kind: 'group', cells: [], notes: [] });
    open.push(id);
  });
  return chain.length;
}

function labelHeader(spec: TableSpec): { labelHeader?: string } {
  if (spec.shape === 'single-row') return {};
  const corner = spec.headerRows[0]?.[0];
  return { labelHeader: corner !== undefined && corner.length > 0 ? corner : '项目' };
}

/**
 * The header rows over the value columns: each column's path — its band (`法人或其他组织`, `行政诉讼`), then its name
 * split at `·` — one level per row, equal neighbours merged, a path's last name spanning the rows left below it.
 */
function header(spec: TableSpec): HeaderCell[][] {
  const paths = spec.columns.map((name, col) => {
    const bands = (spec.columnBands ?? []).filter((b) => col >= b.from && col < b.from + b.count);
    return [...bands.map((b) => b.label), ...name.split('·')];
  });
  const depth = paths.reduce((n, p) => Math.max(n, p.length), 1);
  const out: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeaderCell[] = [];
    for (let col = 0; col < paths.length; col++) {
      const path = paths[col]!;
      if (level >= path.length) continue;
      const last = level === path.length - 1;
      const prefix = path.slice(0, level + 1).join('·');
      let span = 1;
      while (
        !last &&
        col + span < paths.length &&
        paths[col + span]!.slice(0, level + 1).join('·') === prefix &&
        paths[col + span]!.length > level + 1
      )
        span++;
      row.push({ text: path[level]!, colspan: span, rowspan: last ? depth - level : 1 });
      col += span - 1;
    }
    out.push(row);
  }
  return out;
}
