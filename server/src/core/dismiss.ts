/**
 * Findings a reviewer has checked and accepted (`.nianbao.json` beside the report): each is known by its code and a
 * fingerprint of what it is about — the cell (table, row, column) with its text, the row label, the table, the
 * section heading, or the words of the prose — never by its line, so edits elsewhere keep it dismissed, and a change
 * to the cell or words it is about brings it back.
 */

import type { Finding } from './codes';
import type { Report, Span } from './model';
import { grids } from './sums';

/** What a finding is about: `at` names the place, `text` what the place holds. */
export interface Fingerprint {
  /** `cell:applications:total:自然人`, `row:applications:withheld-2`, `table:review`, `section:2`, `prose:0`, `report`. */
  readonly at: string;
  readonly text: string;
}

/** A dismissed finding as `.nianbao.json` keeps it. */
export interface Dismissal extends Fingerprint {
  readonly code: string;
}

const within = (span: Span, offset: number): boolean =>
  span.start <= offset && offset < Math.max(span.end, span.start + 1);

/** White space inside a piece of text does not matter (a reflowed paragraph is the same words). */
const squeeze = (s: string): string => s.replace(/\s+/gu, '').slice(0, 200);

export function fingerprint(report: Report, f: Finding): Fingerprint {
  const at = f.span.start;
  const own = squeeze(report.text.slice(f.span.start, f.span.end));
  // An empty place (where something is missing) is known by what the finding says is missing.
  const text = own.length > 0 ? own : squeeze(f.message);
  for (const grid of grids(report)) {
    const ref = grid.at(at);
    if (ref && within(grid.cell(ref)!.span, at))
      return { at: `cell:${grid.table.id}:${ref.row}:${grid.spec.columns[ref.col] ?? ref.col}`, text };
  }
  for (const table of report.tables) {
    if (!within(table.span, at)) continue;
    for (const row of table.rows) {
      if (!within(row.span, at)) continue;
      return { at: `row:${table.id}:${row.rowId ?? squeeze(row.labels.map((c) => c.text).join(''))}`, text };
    }
    return { at: `table:${table.id}`, text };
  }
  for (const s of report.sections) {
    if (within(s.heading.span, at)) return { at: `section:${s.index}`, text };
    if (within(s.span, at)) return { at: `prose:${s.index}`, text };
  }
  return { at: 'report', text };
}

/** A test for the findings of a report that the dismissals name. */
export function dismissedBy(report: Report, dismissals: readonly Dismissal[]): (f: Finding) => boolean {
  if (dismissals.length === 0) return () => false;
  const keys = new Set(dismissals.map((d) => key(d.code, d)));
  return (f) => keys.has(key(f.code, fingerprint(report, f)));
}

function key(code: string, p: Fingerprint): string {
  return `${code}\u0000${p.at}\u0000${p.text}`;
}
