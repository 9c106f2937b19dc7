/**
 * Markdown in which (nearly) every line is a heading: what a PDF-to-Markdown converter makes of a report whose text
 * is all one size (`## 规章 0 0 0`, `## 信息公开申请数量`). Its marks carry nothing: the lines are read without their
 * `#`s (each line begins after its mark; offsets and line numbers are the real ones).
 */

import { isBlank } from '../normalize';
import type { Line } from '../lines';

const HEADING_MARK = /^[ \t]{0,3}#{1,6}[ \t]+/u;

/** At least this many lines, nearly all of them headings (a Markdown report has a dozen headings among its text). */
const MIN_LINES = 20;
const SHARE = 0.8;

/** The lines without their heading marks, when the text is of that kind; else the lines as they are. */
export function unmarkHeadings(lines: readonly Line[], markdown: boolean): readonly Line[] {
  if (!markdown) return lines;
  let filled = 0;
  let marked = 0;
  for (const l of lines) {
    if (isBlank(l.text)) continue;
    filled++;
    if (HEADING_MARK.test(l.text)) marked++;
  }
  if (filled < MIN_LINES || marked < filled * SHARE) return lines;
  return lines.map((l) => {
    const m = HEADING_MARK.exec(l.text);
    return m ? { ...l, start: l.start + m[0].length, text: l.text.slice(m[0].length) } : l;
  });
}
