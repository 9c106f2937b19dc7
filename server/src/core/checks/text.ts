/** Small helpers the checks share for lines of the report's text. */

import { positionAt } from '../lines';
import type { Report, Span } from '../model';

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
