/** Lines of a text and the one place where offsets become line/character positions. */

export interface Line {
  /** 0-based line number. */
  readonly index: number;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  /** Offset just past the line break (equals `end` on the last line). */
  readonly next: number;
  readonly text: string;
  /** A piece of a longer line that the parser cut (a report run together on one line): no line break ends it. */
  readonly cut?: boolean;
}

/** Splits on LF, CRLF and lone CR. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ index: lines.length, start, end: i, next, text: text.slice(start, i) });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ index: lines.length, start, end: n, next: n, text: text.slice(start) });
  return lines;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Line/character (both 0-based, UTF-16) of an offset, given the offsets at which lines start. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo]! };
}
