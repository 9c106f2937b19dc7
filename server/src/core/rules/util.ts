/** Helpers the rules share for spans of the report's text and the guards of their fixes. */

import type { Fix, Guarded } from '../codes';
import { holds } from '../edits';
import type { Layout, Report, Span } from '../model';
import { positionAt } from '../lines';
import type { CheckContext, Draft, Rule } from './types';

/** 0-based line of an offset. */
export function lineAt(report: Report, offset: number): number {
  return positionAt(report.lineStarts, offset).line;
}

/** The line holding an offset, without its line break. */
export function lineSpan(report: Report, offset: number): Span {
  const line = lineAt(report, offset);
  const start = report.lineStarts[line]!;
  const nextStart = report.lineStarts[line + 1];
  let end = nextStart ?? report.text.length;
  while (end > start && (report.text[end - 1] === '\n' || report.text[end - 1] === '\r')) end--;
  return { start, end };
}

export function lineStartOf(report: Report, line: number): number {
  return report.lineStarts[line] ?? report.text.length;
}

/** The white space that starts a line. */
export function leadingWhitespace(report: Report, line: number): string {
  const start = lineStartOf(report, line);
  const m = /^[ \t\u3000]*/u.exec(report.text.slice(start, start + 64));
  return m ? m[0] : '';
}

/** The text at a span, as a fix guard; an empty span is guarded by its line. */
export function guard(report: Report, span: Span): Guarded {
  const g = { span, expect: report.text.slice(span.start, span.end) };
  if (span.end > span.start) return g;
  const line = lineSpan(report, span.start);
  return { ...g, context: { span: line, expect: report.text.slice(line.start, line.end) } };
}

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
  let top: Layout | undefined;
  for (const [layout, n] of counts) if (top === undefined || n > counts.get(top)!) top = layout;
  return top ?? (report.markdown ? 'pipe' : 'tab');
}

/**
 * A family of rules that find their problems in one walk (the tables, the sums): the walk runs once per check and
 * each rule takes the drafts filed under its code.
 */
export function family(walk: (ctx: CheckContext) => ReadonlyMap<string, Draft[]>): (code: string) => Rule['check'] {
  return (code: string): Rule['check'] =>
    (ctx) =>
      ctx.shared(walk, walk).get(code) ?? [];
}

/** Drafts filed by code, for a family's walk. */
export class Drafts {
  readonly byCode = new Map<string, Draft[]>();

  add(code: string, draft: Draft): void {
    const list = this.byCode.get(code);
    if (list) list.push(draft);
    else this.byCode.set(code, [draft]);
  }
}

/** The fix that puts `newText` in place of the guarded text; none when the text there has changed. */
export function replaceFix(text: string, target: Guarded, newText: string, title: string): Fix | undefined {
  if (!holds(text, target)) return undefined;
  return { title, edits: [{ ...target.span, newText }], preferred: true };
}
