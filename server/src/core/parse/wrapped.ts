/**
 * Row labels wrapped around their numbers, as `pdftotext -layout` prints a table whose label column is narrow:
 *
 *     1、申请人无正当理由逾期不补
 *     正、行政机关不再处理其政府信      67  3  0  0  1  0  71
 *     息公开申请
 *
 * The fragment lines around a row of numbers are its label when, joined, they name a row of the section's tables
 * (exactly or nearly). They are taken out of the rows around, so they do not stand as rows of their own.
 */

import type { Template } from '../templates/index';
import type { RawCell, RawRow } from './cells';
import { lookupLabel, nearRow } from './labels';

const NUMBER = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/u;

/** Whether a text names a row of one of the tables: exactly, nearly, or not at all. */
function namesRow(template: Template, tables: readonly string[], text: string): 'exact' | 'near' | undefined {
  if (lookupLabel(template, text).some((h) => h.kind === 'row' && tables.includes(h.table))) return 'exact';
  return tables.some((t) => nearRow(template, text, t) !== undefined) ? 'near' : undefined;
}

/** A cell that may be a fragment of a wrapped label: text that is no number and names nothing. */
function isFragment(template: Template, c: RawCell | undefined): c is RawCell {
  return c !== undefined && c.text.length > 0 && !NUMBER.test(c.text) && lookupLabel(template, c.text).length === 0;
}

/** Up to two fragment cells at the end of a row of one cell a line, in order. */
function trailing(template: Template, cells: readonly RawCell[]): RawCell[] {
  const filled = cells.filter((c) => c.text.length > 0);
  const out: RawCell[] = [];
  for (let i = filled.length - 1; i >= 0 && out.length < 2 && isFragment(template, filled[i]); i--)
    out.unshift(filled[i]!);
  return out;
}

/** Up to two fragment cells at the start of a row of one cell a line. */
function leading(template: Template, cells: readonly RawCell[]): RawCell[] {
  const filled = cells.filter((c) => c.text.length > 0);
  const out: RawCell[] = [];
  for (let i = 0; i < filled.length && out.length < 2 && isFragment(template, filled[i]); i++) out.push(filled[i]!);
  return out;
}

/** The rows with wrapped labels joined; the fragments used are taken out of their rows. */
export function joinWrappedLabels(template: Template, rows: readonly RawRow[], section: number): RawRow[] {
  const tables = template.tables.filter((t) => t.section === section).map((t) => t.id);
  const out: { cells: RawCell[]; layout: RawRow['layout'] }[] = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  for (let k = 0; k < out.length; k++) {
    const row = out[k]!;
    if (row.layout === 'cells' || !row.cells.some((c) => NUMBER.test(c.text))) continue;
    const first = row.cells.findIndex((c) => c.text.length > 0);
    const label = first >= 0 && !NUMBER.test(row.cells[first]!.text) ? row.cells[first]! : undefined;
    if (label && lookupLabel(template, label.text).some((h) => h.kind === 'row')) continue;
    // The fragment lines are one cell a line: up to two of the lines just above, up to two of those just below.
    const prev = out[k - 1]?.layout === 'cells' ? out[k - 1] : undefined;
    const next = out[k + 1]?.layout === 'cells' ? out[k + 1] : undefined;
    const above = trailing(template, prev?.cells ?? []);
    const below = leading(template, next?.cells ?? []);
    const middle = label?.text ?? '';
    // An exact name first, from any of the joins; a near one only when none is exact.
    found: for (const wanted of ['exact', 'near'] as const) {
      for (let nb = above.length; nb >= 0; nb--) {
        for (let na = below.length; na >= 0; na--) {
          if (nb + na === 0) continue;
          const b = above.slice(above.length - nb);
          const a = below.slice(0, na);
          const text = [...b.map((c) => c.text), middle, ...a.map((c) => c.text)].join('');
          if (namesRow(template, tables, text) !== wanted) continue;
          const anchor = label ?? b[0] ?? a[0]!;
          const joined: RawCell = { span: anchor.span, text, line: anchor.line, wrapped: true };
          if (label) row.cells[first] = joined;
          else row.cells.unshift(joined);
          for (const c of b) prev!.cells.splice(prev!.cells.indexOf(c), 1);
          for (const c of a) next!.cells.splice(next!.cells.indexOf(c), 1);
          break found;
        }
      }
    }
  }
  return out.filter((r) => r.cells.length > 0);
}
