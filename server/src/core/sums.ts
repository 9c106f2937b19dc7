/**
 * The sums a table's numbers obey, as equations over cells (Σ left = Σ right), and a table's numbers read as a grid.
 * Shared by the totals check, hover and fix-all.
 */

import type { Cell, Report, Table } from './model';
import { columnIndex, rowName, rowSpec, specOf, type TableSpec } from './templates/index';

export interface CellRef {
  readonly row: string;
  readonly col: number;
}

export type Family = 'E1' | 'E2' | 'E3' | 'E6';

export interface Equation {
  readonly family: Family;
  readonly table: string;
  /** For E2, E3, E6 the total alone; for E1 the rows 一 and 二. */
  readonly left: readonly CellRef[];
  /** The addends; for E1 the rows （七） and 四. */
  readonly right: readonly CellRef[];
  /** Column of an E1, E3 equation; group name of an E6 equation. */
  readonly column?: number;
}

/** Equations by table spec: built once for each table of each template. */
const cache = new WeakMap<TableSpec, Equation[]>();

/** Every equation of a table, from the template's sums. */
export function equations(spec: TableSpec): readonly Equation[] {
  let hit = cache.get(spec);
  if (!hit) {
    hit = buildEquations(spec);
    cache.set(spec, hit);
  }
  return hit;
}

function buildEquations(spec: TableSpec): Equation[] {
  const out: Equation[] = [];
  const s = spec.sums;
  const cols = spec.columns.map((_, i) => i);
  const tc = s?.totalColumn !== undefined ? columnIndex(spec, s.totalColumn) : -1;
  if (tc >= 0) {
    for (const r of spec.rows) {
      out.push({
        family: 'E2',
        table: spec.id,
        left: [{ row: r.id, col: tc }],
        right: cols.filter((c) => c !== tc).map((col) => ({ row: r.id, col })),
      });
    }
  }
  if (s?.totalRow) {
    const { row, addendRows } = s.totalRow;
    for (const col of cols) {
      out.push({
        family: 'E3',
        table: spec.id,
        column: col,
        left: [{ row, col }],
        right: addendRows.map((r) => ({ row: r, col })),
      });
    }
  }
  for (const g of s?.groupTotals ?? []) {
    const row = spec.rows[0]!.id;
    const total = columnIndex(spec, g.total);
    const addends = g.columns.map((c) => columnIndex(spec, c));
    if (total < 0 || addends.some((c) => c < 0)) continue;
    out.push({
      family: 'E6',
      table: spec.id,
      column: total,
      left: [{ row, col: total }],
      right: addends.map((col) => ({ row, col })),
    });
  }
  if (s?.balance) {
    const { left, right } = s.balance;
    for (const col of cols) {
      out.push({
        family: 'E1',
        table: spec.id,
        column: col,
        left: left.map((r) => ({ row: r, col })),
        right: right.map((r) => ({ row: r, col })),
      });
    }
  }
  return out;
}

export function refKey(ref: CellRef): string {
  return `${ref.row}#${ref.col}`;
}

/** A table's value cells by template row and column; rows with too many or too few values have none. */
export class Grid {
  private readonly rows = new Map<string, readonly Cell[]>();

  constructor(
    readonly spec: TableSpec,
    readonly table: Table,
  ) {
    const n = spec.columns.length;
    for (const row of table.rows) {
      if (!row.rowId || row.duplicateOf || row.values.length !== n) continue;
      this.rows.set(row.rowId, row.values);
    }
  }

  cell(ref: CellRef): Cell | undefined {
    return this.rows.get(ref.row)?.[ref.col];
  }

  /** The number in a cell, when the cell holds a valid one. */
  value(ref: CellRef): number | undefined {
    const c = this.cell(ref);
    return c && c.status === 'ok' ? c.value : undefined;
  }

  /** The template row and column of the value cell at an offset. */
  at(offset: number): CellRef | undefined {
    for (const [row, cells] of this.rows) {
      const col = cells.findIndex((c) => c.span.start <= offset && offset <= c.span.end && c.kind !== 'label');
      if (col >= 0) return { row, col };
    }
    return undefined;
  }
}

/** The grids of the report's tables, in template order, skipping tables left in an older format. */
export function grids(report: Report): Grid[] {
  const out: Grid[] = [];
  for (const own of report.template.tables) {
    const table = report.tables.find((t) => t.id === own.id);
    const spec = table ? specOf(report, table) : undefined;
    if (table && spec && table.foreign.length === 0) out.push(new Grid(spec, table));
  }
  return out;
}

/** A cell's name in messages: `（七）总计·自然人`, `行政复议·总计`. */
export function cellTitle(spec: TableSpec, ref: CellRef): string {
  const col = spec.columns[ref.col] ?? `第 ${ref.col + 1} 列`;
  if (spec.shape === 'single-row') return col;
  const r = rowSpec(spec, ref.row);
  return `${r ? rowName(spec, r) : ref.row}·${col}`;
}

/** Short name of an addend for a sum's message: the column (E2, E6) or the row or its group (E3). */
export function addendName(spec: TableSpec, eq: Equation, ref: CellRef): string {
  if (eq.family === 'E2') return spec.columns[ref.col] ?? '';
  if (eq.family === 'E6') return (spec.columns[ref.col] ?? '').split('·').pop() ?? '';
  const r = rowSpec(spec, ref.row);
  const group = r?.group ? spec.groups.find((g) => g.id === r.group) : undefined;
  if (group?.parent) return group.label.replace(/^（[^）]*）/u, '');
  return r?.short ?? ref.row;
}

/** `予以公开 2 + 部分公开 1 + 不予公开 2`: the addends with a value, same names summed; `各项均为 0` when none. */
export function addendList(grid: Grid, eq: Equation): string {
  const sums = new Map<string, number>();
  for (const ref of eq.right) {
    const v = grid.value(ref);
    if (v === undefined || v === 0) continue;
    const name = addendName(grid.spec, eq, ref);
    sums.set(name, (sums.get(name) ?? 0) + v);
  }
  if (sums.size === 0) return '各项均为 0';
  return [...sums.entries()].map(([k, v]) => `${k} ${formatNumber(v)}`).join(' + ');
}

/** A number as people write it: digits, at most four decimals, never an exponent. */
export function formatNumber(v: number): string {
  return v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 4 });
}

export interface Evaluation {
  readonly eq: Equation;
  /** `holds`, `broken`, or `unknown` when a cell is missing or invalid. */
  readonly status: 'holds' | 'broken' | 'unknown';
  /** Σ left − Σ right over the cells with values. */
  readonly residual: number;
  readonly leftKnown: number;
  readonly rightKnown: number;
  /** Cells without a valid value, on the left and on the right. */
  readonly missingLeft: number;
  readonly missingRight: number;
}

export function evaluate(grid: Grid, eq: Equation, overrides?: ReadonlyMap<number, number>): Evaluation {
  let leftKnown = 0;
  let rightKnown = 0;
  let missingLeft = 0;
  let missingRight = 0;
  // A cell's value, or what a correction says it should be (keyed by the cell's offset).
  const valueOf = (ref: CellRef): number | undefined => {
    const start = overrides && overrides.size > 0 ? grid.cell(ref)?.span.start : undefined;
    return (start !== undefined ? overrides!.get(start) : undefined) ?? grid.value(ref);
  };
  for (const ref of eq.left) {
    const v = valueOf(ref);
    if (v === undefined) missingLeft++;
    else leftKnown += v;
  }
  for (const ref of eq.right) {
    const v = valueOf(ref);
    if (v === undefined) missingRight++;
    else rightKnown += v;
  }
  const residual = leftKnown - rightKnown;
  const status = missingLeft + missingRight > 0 ? 'unknown' : residual === 0 ? 'holds' : 'broken';
  return { eq, status, residual, leftKnown, rightKnown, missingLeft, missingRight };
}
