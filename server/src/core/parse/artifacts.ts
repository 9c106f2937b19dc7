/** Conversion leftovers: `[bookmark: …]`, `**bold**` markers and `------` rules in plain text. */

import type { Artifact } from '../model';
import type { Line } from '../lines';

/**
 * A Word bookmark left by a conversion (`[bookmark: _GoBack]`), as a pattern the readers of lines, headings and cells
 * share. In Markdown made by a converter, `\[bookmark: \_GoBack\]`: the backslashes go with it.
 */
export const BOOKMARK_PATTERN = String.raw`\\?\[bookmark:[^\]\n]*\]`;
const BOOKMARK = new RegExp(BOOKMARK_PATTERN, 'giu');
const BOLD = /\*\*(?=\S)([^*\n]*?\S)\*\*/gu;
const RULE = /^\s*([-=_*])\1{2,}\s*$/u;

/** Leftovers on the given lines. Markdown keeps its own `**` and `---`. */
export function readArtifacts(lines: readonly Line[], markdown: boolean): Artifact[] {
  const found: Artifact[] = [];
  // A `**` left open at the end of the line before (`…**九是提高培训精度。` / `**积极参加…`: a pair cut by wrapping).
  let open: { at: number; text: string } | undefined;
  for (const line of lines) {
    const t = line.text;
    const pending = open;
    open = undefined;
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
    if (!t.includes('**')) continue;
    const paired = new Set<number>();
    for (const m of t.matchAll(BOLD)) {
      const start = line.start + m.index;
      const end = start + m[0].length;
      paired.add(m.index);
      paired.add(m.index + m[0].length - 2);
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
    const lone = [...t.matchAll(/\*\*/gu)].map((m) => m.index).filter((i) => !paired.has(i));
    // The first lone marker closes the pair the line before left open, when the words between hold no other `*`.
    const first = lone[0];
    if (pending && first !== undefined && !t.slice(0, first).includes('*') && pending.text.length + first <= MAX_BOLD) {
      const end = line.start + first + 2;
      found.push({
        kind: 'bold',
        span: { start: pending.at, end },
        text: `${pending.text}${t.slice(0, first + 2)}`,
        remove: [
          { start: pending.at, end: pending.at + 2 },
          { start: end - 2, end },
        ],
      });
      lone.shift();
    }
    // The last lone marker, words after it to the end of the line: maybe the first half of a cut pair.
    const last = lone.at(-1);
    if (last !== undefined && lone.length % 2 === 1 && /^\S[^*]*$/u.test(t.slice(last + 2)))
      open = { at: line.start + last, text: t.slice(last) };
  }
  return found;
}

/** The most characters a bold pair cut by a line break holds: a run-in heading, not a paragraph. */
const MAX_BOLD = 120;
