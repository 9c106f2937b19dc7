/**
 * Physical rows -> the report's tables. Rows are tied to the template by their labels first; a data row without a
 * label takes the template row its place calls for when the labelled rows around it leave exactly that many free.
 * Group labels shifted into a neighbouring row or column, split header rows, a row broken over lines and blank
 * cells are read as the writer meant them. Never throws.
 */

import type { Cell, ForeignLabel, Layout, OldTable, Row, Span, Table } from '../model';
import { columnKind, tableSpec, type TableSpec, type Template } from '../templates/index';
import type { RawRow } from './cells';
import { append, cover } from '../util';
import { ordinalPrefix } from '../normalize';
import { lookupLabel, nearRow, type LabelHit } from './labels';
import { assignByPlace } from './places';
import { labelsFirst } from './reorder';
import { joinWrappedLabels } from './wrapped';
import {
  NO_VALUES,
  classify,
  fitValues,
  joinCells,
  onNeighbourGrid,
  segments,
  spanOf,
  valuesOf,
  withStatus,
  type Padded,
} from './rows';

interface Draft {
  cells: Cell[];
  labels: Cell[];
  values: Padded;
  row: number | undefined;
  how: 'exact' | 'alias' | 'near' | undefined;
  labelCell: Cell | undefined;
  layout: Layout;
  /** The values came a number a line (blank lines between cells): the row stays open for more. */
  lone?: boolean;
}

interface Builder {
  readonly id: string;
  section: number;
  caption: Cell | undefined;
  headers: Draft[];
  rows: Draft[];
  foreign: ForeignLabel[];
}

/** The current table is one only an older format had. */
const OLD = Symbol('old table');

/**
 * A single-row table whose numbers came one a line, and fewer than its columns: the columns of a PDF dumped one after
 * another, some of them elsewhere in the text — no row to read. The span of those numbers, or undefined.
 */
function singleRowApart(spec: TableSpec, b: Builder, filled: ReadonlySet<number>): Span | undefined {
  const withValues = b.rows.filter((d) => d.values.values.length > 0);
  const lone = withValues.every((d) => d.values.values.length === 1 && d.labels.length === 0);
  if (lone && withValues.length >= 2 && withValues.length < spec.columns.length)
    return cover(withValues.map((d) => d.values.values[0]!.span));
  // Or one row of too few numbers, each on a line of its own, straight after the header's fragments, a line each
  // too (no blank line between: a dump, not a row of one cell a line that lacks a value).
  const only = withValues.length === 1 ? withValues[0]!.values.values : [];
  const lines = new Set(only.map((v) => v.line));
  const first = only.reduce((m, v) => Math.min(m, v.line), Infinity);
  if (only.length >= 2 && only.length < spec.columns.length && lines.size === only.length && filled.has(first - 1))
    return cover(only.map((v) => v.span));
  return undefined;
}

/** Reads tables section by section; `finish` gives the tables found in the whole report. */
export class TableReader {
  private readonly builders = new Map<string, Builder>();
  private readonly oldTables: { caption: Cell; cells: Cell[]; template: string }[] = [];
  private current: string | typeof OLD | undefined;
  private pending: Draft | undefined;
  /** Lines that hold a table cell's text. */
  private readonly filledLines = new Set<number>();

  constructor(private readonly template: Template) {}

  /** Reads one section's rows; `fallback` is the table that unlabeled rows belong to when nothing else says. */
  read(rows: readonly RawRow[], section: number, fallback: string | undefined): void {
    this.current = undefined;
    this.pending = undefined;
    for (const r of rows) for (const c of r.cells) if (c.text.length > 0) this.filledLines.add(c.line);
    for (const raw of joinWrappedLabels(this.template, labelsFirst(this.template, rows), section)) {
      for (const seg of segments(this.template, raw.cells.map(classify))) {
        this.segment(seg, raw.layout, section, fallback);
      }
    }
  }

  /** Whether a section read so far gave any table rows, caption or headers. */
  hasTables(section: number): boolean {
    for (const b of this.builders.values()) {
      if (b.section === section && (b.rows.length > 0 || b.caption || b.headers.length > 0)) return true;
    }
    return false;
  }

  private builder(id: string, section: number): Builder {
    let b = this.builders.get(id);
    if (!b) {
      b = { id, section, caption: undefined, headers: [], rows: [], foreign: [] };
      this.builders.set(id, b);
    }
    return b;
  }

  private segment(seg: Cell[], layout: Layout, section: number, fallback: string | undefined): void {
    const t = this.template;
    const labels = seg.filter((c) => c.kind === 'label');
    const values = valuesOf(seg);
    const hasValues = values.values.some((c) => c.kind === 'value');
    const hits = labels.map((c) => ({ cell: c, hits: lookupLabel(t, c.text) }));
    const find = <K extends LabelHit['kind']>(
      kind: K,
    ): { cell: Cell; hit: Extract<LabelHit, { kind: K }> } | undefined => {
      let found: { cell: Cell; hit: Extract<LabelHit, { kind: K }> } | undefined;
      for (const h of hits) {
        const list = h.hits.filter((x): x is Extract<LabelHit, { kind: K }> => x.kind === kind);
        const pick = list.find((x) => 'table' in x && x.table === this.current) ?? list[0];
        if (pick) found = { cell: h.cell, hit: pick };
      }
      return found;
    };

    const caption = find('caption');
    const oldCaption = find('old-caption');
    if (oldCaption) {
      this.current = OLD;
      this.oldTables.push({ caption: oldCaption.cell, cells: [], template: oldCaption.hit.template });
      return;
    }
    if (caption) {
      this.current = caption.hit.table;
      const b = this.builder(caption.hit.table, section);
      b.caption ??= caption.cell;
      return;
    }

    // `总计` and `其他` name a column and a row: without values, or beside column headers, they are headers.
    const headerOnly = hits.some(
      (h) => h.hits.length > 0 && h.hits.every((x) => x.kind === 'header' || x.kind === 'old-column'),
    );
    let rowHit = find('row');
    const ambiguous = rowHit !== undefined && lookupLabel(t, rowHit.cell.text).some((x) => x.kind === 'header');
    if (ambiguous && (headerOnly || !hasValues)) rowHit = undefined;
    const oldRow = find('old-row');
    // In an older format's table, its rows go to it — but not an older row of one of this format's tables (2019's
    // （六）其他处理 of 三, strayed after 二's old table (九)).
    if (this.current === OLD && !rowHit && !oldRow?.hit.table) {
      append(
        this.oldTables[this.oldTables.length - 1]!.cells,
        seg.filter((c) => c.kind !== 'blank'),
      );
      return;
    }
    // An older format's row that the newer one made a group of rows (2019's one （六）其他处理 row): a row only
    // with values and no other label; without values it is the group's heading.
    const oldGroup = oldRow !== undefined && lookupLabel(t, oldRow.cell.text).some((x) => x.kind === 'group');
    if (oldRow && !rowHit && (!oldGroup || (hasValues && labels.length === 1))) {
      const { table, template } = oldRow.hit;
      const kind = oldGroup ? 'group' : 'row';
      if (table) this.builder(table, section).foreign.push({ cell: oldRow.cell, template, kind });
      else if (this.oldTables.length > 0) this.oldTables[this.oldTables.length - 1]!.cells.push(oldRow.cell);
      this.pending = undefined;
      return;
    }

    if (!hasValues) {
      // A bare word without numbers that names a row of another section's table (`其他` among the 四 header's
      // fragments) is no row in a section with tables of its own.
      const elsewhere =
        rowHit !== undefined &&
        this.template.tables.some((x) => x.section === section) &&
        tableSpec(this.template, rowHit.hit.table)?.section !== section &&
        ordinalPrefix(rowHit.cell.text) === undefined;
      if (elsewhere) return;
      // Without numbers and with several column names, a row is a header even when one cell names a row.
      const columnNames = hits.filter((h) => h.hits.some((x) => x.kind === 'header')).length;
      if (rowHit && columnNames < 2) {
        const draft = this.draft(seg, NO_VALUES, rowHit.hit.row, rowHit.hit.how, rowHit.cell, layout);
        this.current = rowHit.hit.table;
        this.builder(rowHit.hit.table, section).rows.push(draft);
        this.pending = draft;
        return;
      }
      const header = this.headerTable(hits, section);
      if (header) {
        this.current = header;
        const b = this.builder(header, section);
        b.headers.push(this.draft(seg, NO_VALUES, undefined, undefined, undefined, layout));
        const old = find('old-column');
        for (const h of hits) {
          for (const x of h.hits) {
            if (x.kind === 'old-column' && x.table === header)
              b.foreign.push({ cell: h.cell, template: x.template, kind: 'column' });
          }
        }
        if (old && old.hit.table !== header) {
          const { table, template } = old.hit;
          this.builder(table, section).foreign.push({ cell: old.cell, template, kind: 'column' });
        }
        return;
      }
      const group = find('group');
      if (group) this.current = group.hit.table;
      return;
    }

    const spec = typeof this.current === 'string' ? tableSpec(t, this.current) : undefined;
    const lone = labels.length === 0 && values.values.length === 1 && values.values[0]!.kind === 'value';
    if (lone && spec?.shape === 'rows' && spec.columns.length >= 3) {
      // Numbers a line each after a row's label are its values, one cell a line with blank lines between (stored
      // web text); a lone number with no label before it is noise (a page number, a footnote mark).
      const p = this.pending;
      if (p && p.values.values.length < spec.columns.length) {
        p.values = { values: [...p.values.values, values.values[0]!], lead: p.values.lead, trail: [] };
        append(p.cells, seg);
        p.lone = true;
      }
      return;
    }
    // A row of values without labels completes a labelled row that had none (a row broken over lines), or one that
    // has only a stray lone number, which it replaces.
    const open = this.pending;
    if (
      labels.length === 0 &&
      open &&
      (open.values.values.length === 0 || (open.lone && open.values.values.length === 1))
    ) {
      open.values = values;
      open.cells = [...open.cells.filter((c) => c.kind === 'label'), ...seg];
      open.lone = false;
      this.pending = undefined;
      return;
    }
    this.pending = undefined;

    const table =
      rowHit?.hit.table ??
      (headerOnly ? this.headerTable(hits, section) : undefined) ??
      (this.current !== OLD ? this.current : undefined) ??
      fallback;
    if (!table) return;
    const unknown = hits.filter((h) => h.hits.length === 0).map((h) => h.cell);
    if (!rowHit && unknown.length > 0) {
      // A long label wrapped over cells or lines side by side reads whole; else the last unknown label may be near.
      const wrapped = lastRun(seg, unknown);
      const joined = wrapped.length > 1 ? joinCells(wrapped) : undefined;
      const exact = joined ? lookupLabel(t, joined.text).find((h) => h.kind === 'row' && h.table === table) : undefined;
      if (joined && exact?.kind === 'row') rowHit = { cell: joined, hit: exact };
      for (const cand of [joined, unknown[unknown.length - 1]!]) {
        if (rowHit || !cand) continue;
        const near = nearRow(t, cand.text, table);
        if (near && near.kind === 'row') rowHit = { cell: cand, hit: near };
      }
    }
    const unknownLabel = !rowHit && unknown.length > 0 ? unknown[unknown.length - 1] : undefined;
    this.current = table;
    this.builder(table, section).rows.push(
      this.draft(seg, values, rowHit?.hit.row, rowHit?.hit.how, rowHit?.cell ?? unknownLabel, layout),
    );
  }

  /**
   * The table whose column headers the cells are: the current table, or the one most of them name — of the section
   * being read when it has one (`总计` heads a column of 三 and of 四).
   */
  private headerTable(hits: readonly { cell: Cell; hits: readonly LabelHit[] }[], section: number): string | undefined {
    const own = new Set(this.template.tables.filter((t) => t.section === section).map((t) => t.id));
    const tables = new Map<string, number>();
    for (const h of hits) {
      const ids = new Set(
        h.hits.filter((x) => x.kind === 'header' || x.kind === 'old-column').map((x) => (x as { table: string }).table),
      );
      for (const id of ids) tables.set(id, (tables.get(id) ?? 0) + 1 / ids.size);
    }
    if (tables.size === 0) return undefined;
    if (this.current && this.current !== OLD && tables.has(this.current)) return this.current;
    if ([...tables.keys()].some((id) => own.has(id))) {
      for (const id of [...tables.keys()]) if (!own.has(id)) tables.delete(id);
    } else if (own.size > 0 && new Set(hits.filter((h) => h.hits.length > 0).map((h) => h.cell.text)).size < 2) {
      // One column name of another section's table (`其他` among the 四 header's fragments, a line each, however
      // often) heads nothing in a section with tables of its own; a row of them does (a table under the wrong
      // heading).
      return undefined;
    }
    return [...tables.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }

  private draft(
    seg: Cell[],
    values: Padded,
    row: number | undefined,
    how: Draft['how'],
    labelCell: Cell | undefined,
    layout: Layout,
  ): Draft {
    return { cells: [...seg], labels: seg.filter((c) => c.kind === 'label'), values, row, how, labelCell, layout };
  }

  /** The tables found, in template order, and the 2019-only tables. */
  finish(): { tables: Table[]; oldTables: OldTable[]; apart: { section: number; span: Span }[] } {
    const tables: Table[] = [];
    const apart: { section: number; span: Span }[] = [];
    for (const spec of this.template.tables) {
      const b = this.builders.get(spec.id);
      if (!b) continue;
      if (b.rows.length === 0 && !b.caption && b.foreign.length === 0 && b.headers.length < 2) continue;
      const lone = spec.shape === 'single-row' ? singleRowApart(spec, b, this.filledLines) : undefined;
      if (lone) apart.push({ section: b.section, span: lone });
      else tables.push(spec.shape === 'single-row' ? this.finishSingleRow(spec, b) : this.finishTable(spec, b));
    }
    const oldTables = this.oldTables.map((o) => ({
      caption: o.caption,
      span: spanOf([o.caption, ...o.cells]),
      template: o.template,
    }));
    return { tables, oldTables, apart };
  }

  private finishTable(spec: TableSpec, b: Builder): Table {
    // A lone number without a label in a table of three or more columns is no row: a page number, a stray cell.
    if (spec.columns.length >= 3) {
      b.rows = b.rows.filter((d) => d.row !== undefined || d.labelCell || d.values.values.length > 1);
    }
    const { assigned, matchedBy } = assignByPlace(
      b.rows.map((d) => d.row),
      spec.rows.length,
    );
    const seen = new Map<number, Row>();
    const n = spec.columns.length;
    const gridded = onNeighbourGrid(
      b.rows.map((d) => d.values),
      n,
    );
    const rows: Row[] = b.rows.map((d, k) => {
      const r = assigned[k];
      const row: Row = {
        span: spanOf(
          d.cells.filter((c) => c.kind !== 'blank').length > 0 ? d.cells.filter((c) => c.kind !== 'blank') : d.cells,
        ),
        cells: d.cells,
        labels: d.labels,
        values: (gridded[k] ?? fitValues(d.values, n)).map((c, i) => withStatus(c, columnKind(spec, i))),
        rowId: r !== undefined ? spec.rows[r]!.id : undefined,
        matchedBy: matchedBy[k]!,
        label: d.labelCell ? { cell: d.labelCell, how: d.how ?? 'none' } : undefined,
        duplicateOf: r !== undefined ? seen.get(r) : undefined,
        line: d.cells[0]?.line ?? 0,
      };
      if (r !== undefined && !seen.has(r)) seen.set(r, row);
      return row;
    });
    return this.table(b, rows);
  }

  /** A single-row table (the 四 table) is one row of values, wherever its lines break. */
  private finishSingleRow(spec: TableSpec, b: Builder): Table {
    // A lone number beside a line that holds the whole row is noise (a page number), not a sixteenth value.
    const n = spec.columns.length;
    const count = (d: Draft): number => d.values.values.length;
    if (b.rows.some((d) => count(d) === n) && b.rows.reduce((s, d) => s + count(d), 0) > n) {
      b.rows = b.rows.filter((d) => count(d) !== 1 || d.labels.length > 0);
    }
    const cells = b.rows.flatMap((d) => d.cells);
    const padded: Padded = {
      values: b.rows.flatMap((d) => d.values.values),
      lead: b.rows[0]?.values.lead ?? [],
      trail: b.rows[b.rows.length - 1]?.values.trail ?? [],
    };
    const values = fitValues(padded, spec.columns.length).map((c, i) => withStatus(c, columnKind(spec, i)));
    const rows: Row[] =
      b.rows.length === 0
        ? []
        : [
            {
              span: spanOf(cells.filter((c) => c.kind !== 'blank')),
              cells,
              labels: cells.filter((c) => c.kind === 'label'),
              values,
              rowId: spec.rows[0]?.id,
              matchedBy: 'label',
              label: undefined,
              duplicateOf: undefined,
              line: cells[0]?.line ?? 0,
            },
          ];
    return this.table(b, rows);
  }

  private table(b: Builder, rows: Row[]): Table {
    const headerRows: Row[] = b.headers.map((d) => ({
      span: spanOf(d.cells.filter((c) => c.kind !== 'blank')),
      cells: d.cells,
      labels: d.labels,
      values: [],
      rowId: undefined,
      matchedBy: 'none',
      label: undefined,
      duplicateOf: undefined,
      line: d.cells[0]?.line ?? 0,
    }));
    const spans = [b.caption?.span, ...headerRows.map((r) => r.span), ...rows.map((r) => r.span)].filter(
      (s): s is Span => s !== undefined && s.end >= s.start,
    );
    const layouts = new Map<Layout, number>();
    for (const d of [...b.headers, ...b.rows]) layouts.set(d.layout, (layouts.get(d.layout) ?? 0) + 1);
    const layout = [...layouts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'tab';
    return {
      id: b.id,
      span: cover(spans) ?? { start: 0, end: 0 },
      layout,
      caption: b.caption,
      headerRows,
      rows,
      foreign: b.foreign,
      section: b.section,
    };
  }
}

/** The unknown label cells that end the run of unknown labels (and blanks between them) nearest the values. */
function lastRun(seg: readonly Cell[], unknown: readonly Cell[]): Cell[] {
  const isUnknown = new Set(unknown);
  const run: Cell[] = [];
  let i = seg.length - 1;
  while (i >= 0 && !isUnknown.has(seg[i]!)) i--;
  for (; i >= 0; i--) {
    const c = seg[i]!;
    if (isUnknown.has(c)) run.unshift(c);
    else if (c.kind !== 'blank') break;
  }
  return run;
}
