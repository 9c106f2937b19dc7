/** Conversion leftovers: `[bookmark: …]`, `**bold**` markers and `------` rules in plain text. */

import type { Artifact } from '../model';
import type { Line } from '../lines';

const BOOKMARK = /\[bookmark:[^\]\n]*\]/giu;
const BOLD = /\*\*(?=\S)([^*\n]*?\S)\*\*/gu;
const RULE = /^\s*([-=_*])\1{2,}\s*$/u;

/** Leftovers on the given lines. Markdown keeps its own `**` and `---`. */
export function readArtifacts(lines: readonly Line[], markdown: boolean): Artifact[] {
  const found: Artifact[] = [];
  for (const line of lines) {
    const t = line.text;
    if (t.length === 0) continue;
    const bookmark = t.includes('[');
    for (const m of bookmark ? t.matchAll(BOOKMARK) : []) {
      const span = { start: line.start + m.index, end: line.start + m.index + m[0].length };
      found.push({ kind: 'bookmark', span, text: m[0], remove: [span] });
    }
    if (markdown) continue;
    if (t.length < 200 && RULE.test(t)) {
      found.push({
        kind: 'rule',
        span: { start: line.start, end: line.end },
        text: t,
        remove: [{ start: line.start, end: line.next }],
      });
      continue;
    }
    for (const m of t.includes('**') ? t.matchAll(BOLD) : []) {
      const start = line.start + m.index;
      const end = start + m[0].length;
      found.push({
        kind: 'bold',
        span: { start, end },
        text: m[0],
        remove: [
          { start, end: start + 2 },
          { start: end - 2, end },
        ],
      });
    }
  }
  return found;
}
