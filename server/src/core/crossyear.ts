/**
 * Reports of one body across years: who a report is (the title's organisation and year), what it carries over (三's
 * 二、上年结转 and 四、结转下年度继续办理 rows, as the template names them), and the findings between reports —
 * `cross-year-carryover` (this year's carried-over applications differ from what last year's report carried forward)
 * and `report-duplicate` (two reports of one body and year). Plain data in and out: the CLI compares the files it
 * checked, the editor the reports of a workspace.
 */

import { positionAt, type Position } from './lines';
import type { Report } from './model';
import { grids } from './sums';
import { rowName, rowSpec } from './templates/index';

/** Who a report is: the body (a key tolerant of spacing and 人民政府/政府) and the year it reports on. */
export interface Identity {
  /** The key reports of one body share. */
  readonly body: string;
  /** The body's name as the title writes it. */
  readonly name: string;
  readonly year: number;
}

/** The key of a body's name: no white space, 人民政府 said as 政府, a trailing 政府 dropped. */
export function bodyKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/人民政府/gu, '政府')
    .replace(/政府$/u, '');
}

const TITLE = /^(.+?)\s*(\d{4})\s*年度?\s*(?:政府信息公开|.*年度报告)/u;

/** The identity from the report's title, or from its first lines when the title breaks after the body's name. */
export function identityOf(report: Report): Identity | undefined {
  const t = report.title;
  if (t?.unit && t.year !== undefined) return make(t.unit, t.year);
  // `XX镇人民政府` on one line, `2023年政府信息公开工作年度报告` on the next.
  const first: string[] = [];
  for (let i = 0; i < report.lineStarts.length && first.length < 3; i++) {
    const line = report.text.slice(report.lineStarts[i], report.lineStarts[i + 1] ?? report.text.length).trim();
    if (line.length > 0) first.push(line);
  }
  const m = TITLE.exec(first.join('').normalize('NFKC'));
  return m ? make(m[1]!, Number(m[2])) : undefined;
}

function make(name: string, year: number): Identity | undefined {
  const body = bodyKey(name);
  return body.length > 0 && year >= 2000 && year <= 2100 ? { body, name: name.trim(), year } : undefined;
}

/** A value cell of the carry-over rows: its column's name, its number (when valid) and where it is. */
export interface CarryCell {
  readonly column: string;
  /** `二、上年结转政府信息公开申请数量·自然人`. */
  readonly title: string;
  readonly value: number | undefined;
  readonly text: string;
  readonly start: Position;
  readonly end: Position;
}

/** What a report says about carrying over: the row it carried in and the row it carries forward. */
export interface CarryRows {
  readonly carried: readonly CarryCell[];
  readonly forward: readonly CarryCell[];
}

export function carryRows(report: Report): CarryRows {
  const spec = report.template.carryOver;
  const out = { carried: [] as CarryCell[], forward: [] as CarryCell[] };
  if (!spec) return out;
  const grid = grids(report).find((g) => g.spec.id === spec.table);
  if (!grid) return out;
  const row = (id: string): CarryCell[] => {
    const r = rowSpec(grid.spec, id);
    if (!r) return [];
    return grid.spec.columns.flatMap((column, col) => {
      const cell = grid.cell({ row: id, col });
      if (!cell) return [];
      return [
        {
          column,
          title: `${rowName(grid.spec, r)}·${column}`,
          value: grid.value({ row: id, col }),
          text: cell.text,
          start: positionAt(report.lineStarts, cell.span.start),
          end: positionAt(report.lineStarts, cell.span.end),
        },
      ];
    });
  };
  out.carried = row(spec.toRow);
  out.forward = row(spec.fromRow);
  return out;
}

/** One report as the comparison needs it. */
export interface YearEntry {
  /** The file or document (a path, a URI). */
  readonly source: string;
  readonly identity: Identity;
  readonly rows: CarryRows;
  /** Where the title is, for a finding about the whole report. */
  readonly title: { readonly start: Position; readonly end: Position };
}

/** A finding between reports: on `source`, with the other report's place as related information. */
export interface CrossFinding {
  readonly source: string;
  readonly code: 'cross-year-carryover' | 'report-duplicate';
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly start: Position;
  readonly end: Position;
  readonly related: readonly {
    readonly source: string;
    readonly start: Position;
    readonly end: Position;
    readonly message: string;
  }[];
}

/** A report as the comparison needs it, from `source`; undefined when its title does not say who and which year. */
export function yearEntry(report: Report, source: string): YearEntry | undefined {
  const identity = identityOf(report);
  if (!identity) return undefined;
  const span = report.title?.span ?? { start: 0, end: 0 };
  return {
    source,
    identity,
    rows: carryRows(report),
    title: { start: positionAt(report.lineStarts, span.start), end: positionAt(report.lineStarts, span.end) },
  };
}

/**
 * The findings between the given reports: for each body and year, a second report is a duplicate (both are told);
 * each report whose body has a report of the year before is compared with it, column by column.
 */
export function crossYearFindings(entries: readonly YearEntry[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  const byKey = new Map<string, YearEntry[]>();
  for (const e of entries) {
    const key = `${e.identity.body}\u0000${e.identity.year}`;
    const list = byKey.get(key) ?? [];
    list.push(e);
    byKey.set(key, list);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const e of list) {
      const others = list.filter((o) => o !== e);
      out.push({
        source: e.source,
        code: 'report-duplicate',
        severity: 'warning',
        message: `“${e.identity.name}”${e.identity.year} 年的报告不止一份：另见 ${others.map((o) => `“${o.source}”`).join('、')}`,
        start: e.title.start,
        end: e.title.end,
        related: others.map((o) => ({
          source: o.source,
          start: o.title.start,
          end: o.title.end,
          message: `同一单位同一年度的另一份报告`,
        })),
      });
    }
  }
  for (const e of entries) {
    const last = byKey.get(`${e.identity.body}\u0000${e.identity.year - 1}`);
    // With two reports of last year the comparison would guess which one counts: the duplicate is said instead.
    if (!last || last.length !== 1) continue;
    const prev = last[0]!;
    for (const cell of e.rows.carried) {
      const before = prev.rows.forward.find((c) => c.column === cell.column);
      if (!before || before.value === undefined || cell.value === undefined || before.value === cell.value) continue;
      out.push({
        source: e.source,
        code: 'cross-year-carryover',
        severity: 'error',
        message: `${cell.title} 应为 ${before.text}（${prev.identity.year} 年报告“${before.title}”），实为 ${cell.text}`,
        start: cell.start,
        end: cell.end,
        related: [
          {
            source: prev.source,
            start: before.start,
            end: before.end,
            message: `${prev.identity.year} 年报告：${before.title} = ${before.text}`,
          },
        ],
      });
    }
  }
  return out;
}
