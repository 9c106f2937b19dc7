/**
 * Prose as paragraphs: runs of non-blank lines outside tables and headings; a line of cells (a tab after its
 * indentation) that no table took stands alone.
 * A paragraph's text joins its lines without their breaks and indentation and leaves out the markers of conversion
 * leftovers, so a figure broken over two lines (as text from a PDF is) reads whole.
 */

import type { Line } from '../lines';
import type { Paragraph, Span } from '../model';
import { trimBounds } from '../normalize';

type Piece = NonNullable<Paragraph['pieces']>[number];

/** A line that holds table cells (a tab after its indentation) is no prose. */
function isTableLine(text: string, start: number): boolean {
  return text.indexOf('\t', start) >= 0;
}

/**
 * The paragraphs of the given lines. `from` is where the region's text starts (after a heading, or after a colon on
 * the heading's line); `tables` are the spans of the tables and `removed` the spans leftovers' fixes would delete,
 * both sorted by start.
 */
export function readParagraphs(
  lines: readonly Line[],
  from: number,
  section: number,
  tables: readonly Span[],
  removed: readonly Span[],
): Paragraph[] {
  const out: Paragraph[] = [];
  let text = '';
  let pieces: Piece[] = [];
  let span: Span | undefined;
  const flush = (): void => {
    // One piece that starts the span is the common case: the text is the span's own, no map needed.
    const contiguous = pieces.length === 1 && pieces[0]!.start === span?.start && pieces[0]!.length === text.length;
    if (span && text.length > 0) out.push(contiguous ? { span, text, section } : { span, text, pieces, section });
    text = '';
    pieces = [];
    span = undefined;
  };
  let t = 0;
  let r = 0;
  for (const line of lines) {
    const lineFrom = Math.max(line.start, from);
    if (lineFrom > line.end) continue;
    while (t < tables.length && tables[t]!.end < line.start) t++;
    const inTable = t < tables.length && tables[t]!.start <= line.end && tables[t]!.end >= lineFrom;
    const local = lineFrom - line.start;
    const bounds = trimBounds(line.text, local);
    if (inTable || bounds.start === bounds.end) {
      flush();
      continue;
    }
    // A line of cells outside any table is a paragraph of its own.
    const cells = isTableLine(line.text, bounds.start);
    if (cells) flush();
    // The line's text, minus the spans leftovers' fixes delete.
    while (r < removed.length && removed[r]!.end <= line.start + bounds.start) r++;
    let pos = line.start + bounds.start;
    const end = line.start + bounds.end;
    const startLength = text.length;
    for (let k = r; k < removed.length && removed[k]!.start < end; k++) {
      const cut = removed[k]!;
      if (cut.start > pos) {
        pieces.push({ at: text.length, start: pos, length: cut.start - pos });
        text += line.text.slice(pos - line.start, cut.start - line.start);
      }
      pos = Math.max(pos, Math.min(cut.end, end));
    }
    if (pos < end) {
      pieces.push({ at: text.length, start: pos, length: end - pos });
      text += line.text.slice(pos - line.start, end - line.start);
    }
    if (text.length === startLength) continue;
    span = { start: span?.start ?? line.start + bounds.start, end };
    if (cells) flush();
  }
  flush();
  return out;
}

/** The report offset of a position in a paragraph's text. */
export function offsetIn(p: Paragraph, at: number): number {
  if (!p.pieces) return p.span.start + Math.min(Math.max(at, 0), p.text.length);
  let lo = 0;
  let hi = p.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.pieces[mid]!.at <= at) lo = mid;
    else hi = mid - 1;
  }
  const piece = p.pieces[lo];
  if (!piece) return p.span.start;
  return piece.start + Math.min(at - piece.at, piece.length);
}

/** The report span of a range of a paragraph's text (it may cross a line break). */
export function spanIn(p: Paragraph, at: number, length: number): Span {
  const start = offsetIn(p, at);
  // The end belongs to the piece holding the last character.
  const end = length > 0 ? offsetIn(p, at + length - 1) + 1 : start;
  return { start, end };
}
