/** Text edits: the guard a fix checks first, inserting whole lines, applying edits. */

import type { Guarded, TextEdit } from './codes';

/** Whether the guarded text is still there. */
export function holds(text: string, g: Guarded): boolean {
  const at = g.span.start >= 0 && g.span.end <= text.length && text.slice(g.span.start, g.span.end) === g.expect;
  return at && (g.context === undefined || holds(text, g.context));
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Inserts a block of whole lines before the guarded line, or after it. */
export function insertLines(text: string, at: Guarded, after: boolean, block: string, blankAround: boolean): TextEdit {
  const eol = eolOf(text);
  const lines = block.replace(/\n$/u, '').split('\n').join(eol);
  const gap = blankAround ? eol : '';
  if (after) {
    // After a line's text: a line break first. At the start of a line (the end of a text ending in one): after.
    const atLineStart = at.span.end > 0 && text[at.span.end - 1] === '\n';
    const newText = atLineStart ? `${gap}${lines}${eol}` : `${eol}${gap}${lines}`;
    return { start: at.span.end, end: at.span.end, newText };
  }
  return { start: at.span.start, end: at.span.start, newText: `${lines}${eol}${gap}` };
}

/** Applies non-overlapping edits to a text (for tests, the CLI and fix-all). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
