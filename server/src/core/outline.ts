/**
 * Report -> outline tree: the sections in text order, each named by its official heading; under a section its
 * sub-headings (一's) and its tables, and under a table with row groups (三's) its groups. Each node's detail counts
 * the problems inside it.
 */

import type { Finding } from './codes';
import type { Report, Row, Span, Table } from './model';
import { cover } from './util';
import { officialHeading, specOf, type TableSpec } from './templates/index';

export type OutlineKind = 'section' | 'subheading' | 'table' | 'rows';

export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** Everything the node covers. */
  readonly span: Span;
  /** The part to reveal when the node is picked (a heading, a caption). */
  readonly selection: Span;
  readonly children: readonly OutlineNode[];
}

/**
 * The starts of the findings Problems shows as problems — errors and warnings, not hints or information — in order, to
 * count those inside a span in logarithmic time (a report may hold many).
 */
export class FindingCounts {
  private readonly starts: number[];

  constructor(findings: readonly Finding[]) {
    this.starts = findings
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => f.span.start)
      .sort((a, b) => a - b);
  }

  /** How many errors and warnings start inside the span, its ends included. */
  count(span: Span): number {
    return firstAbove(this.starts, span.end) - firstAbove(this.starts, span.start - 1);
  }
}

/** Index of the first value above `x` in a sorted list. */
function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `✓` when no error or warning starts inside the span, else how many: the count Problems gives for it. */
export function problemDetail(counts: FindingCounts, span: Span): string {
  const n = counts.count(span);
  return n === 0 ? '✓' : `${n} 个问题`;
}

function node(
  name: string,
  kind: OutlineKind,
  span: Span,
  selection: Span,
  findings: FindingCounts,
  children: OutlineNode[] = [],
): OutlineNode {
  return { name, detail: problemDetail(findings, span), kind, span, selection, children };
}

function spanOfRows(rows: readonly Row[]): Span | undefined {
  return cover(rows.map((r) => r.span));
}

/** A table's rows by group: rows outside groups, and a top group holding its own rows and its sub-groups. */
function rowGroups(spec: TableSpec, table: Table, findings: FindingCounts): OutlineNode[] {
  const groupOf = (id: string | undefined) => spec.groups.find((g) => g.id === id);
  const rowsOf = (ids: readonly string[]): Row[] =>
    table.rows.filter((r) => r.rowId !== undefined && ids.includes(r.rowId));
  const make = (name: string, ids: readonly string[], children: OutlineNode[] = []): OutlineNode | undefined => {
    const span = spanOfRows(rowsOf(ids));
    return span ? node(name, 'rows', span, span, findings, children) : undefined;
  };
  const out: OutlineNode[] = [];
  const results: OutlineNode[] = [];
  const seen = new Set<string>();
  for (const r of spec.rows) {
    if (!r.group) {
      const n = make(r.label, [r.id]);
      if (n) out.push(n);
    } else if (!groupOf(r.group)?.parent) {
      const n = make(r.label.replace(/（[^（）]*）$/u, ''), [r.id]);
      if (n) results.push(n);
    } else if (!seen.has(r.group)) {
      seen.add(r.group);
      const g = groupOf(r.group);
      const n = g
        ? make(
            g.label,
            spec.rows.filter((x) => x.group === g.id).map((x) => x.id),
          )
        : undefined;
      if (n) results.push(n);
    }
  }
  // The top group (三、本年度办理结果) holds every grouped row; it goes where its rows are.
  const group = spec.groups.find((g) => !g.parent);
  const grouped = spec.rows.filter((r) => r.group !== undefined).map((r) => r.id);
  const node3 = group ? make(group.label, grouped, results) : undefined;
  if (node3) {
    const at = out.findIndex((n) => n.span.start > node3.span.start);
    out.splice(at < 0 ? out.length : at, 0, node3);
  }
  return out;
}

export function outline(report: Report, shown: readonly Finding[]): OutlineNode[] {
  const template = report.template;
  const findings = new FindingCounts(shown);
  return report.sections.map((s) => {
    const spec = template.sections[s.index]!;
    const children: OutlineNode[] = [];
    for (const sub of s.subheadings) {
      children.push(node(spec.subheadings?.[sub.index] ?? sub.text, 'subheading', sub.span, sub.span, findings));
    }
    for (const t of report.tables) {
      const table = specOf(report, t);
      if (!table || t.section !== s.index || t.span.start < s.span.start || t.span.start > s.span.end) continue;
      const selection = t.caption?.span ?? t.headerRows[0]?.span ?? t.span;
      const groups = table.groups.length > 0 ? rowGroups(table, t, findings) : [];
      children.push(node(table.name, 'table', t.span, selection, findings, groups));
    }
    return node(officialHeading(spec), 'section', s.span, s.heading.span, findings, children);
  });
}
