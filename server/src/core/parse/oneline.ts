/**
 * A whole report on one line (text scraped from a web page): the line is cut, for reading only, before and after
 * every section heading inside it, so the sections are found and their prose is read. The cuts are lines of the
 * parser's own (a cut has no line break: `next === end`); positions are still counted on the real lines.
 */

import type { Line } from '../lines';
import { labelKey, similarity } from '../normalize';
import { perTemplate, type Template } from '../templates/index';

/** A line this long that holds headings is a report run together. */
const LONG = 300;

interface TitleKey {
  readonly section: number;
  readonly numeral: string;
  readonly keys: readonly string[];
}

const titleKeys = perTemplate((template): TitleKey[] =>
  template.sections.map((s) => ({
    section: s.index,
    numeral: s.numeral,
    keys: [s.title, ...s.aliases].map(labelKey).sort((a, b) => b.length - a.length),
  })),
);

/** Where a heading starts at `at` (its ordinal) and how long it is, when the text there is one. */
function headingAt(template: Template, text: string, at: number): number | undefined {
  for (const t of titleKeys(template)) {
    if (!text.startsWith(`${t.numeral}、`, at)) continue;
    const from = at + t.numeral.length + 1;
    // The title as printed may hold spaces or a typo: the length whose key is the title's, else the most like it.
    let best = { score: 0, length: 0 };
    let first = from;
    while (first < text.length && /\s/u.test(text[first]!)) first++;
    for (const key of t.keys) {
      // A title's first character is where a typo is rarest: it picks the titles worth comparing.
      if (labelKey(text[first] ?? '') !== key[0]) continue;
      for (let len = Math.max(1, key.length - 1); len <= key.length + 4 && from + len <= text.length; len++) {
        const got = labelKey(text.slice(from, from + len));
        if (got === key) return from + len - at;
        const score = similarity(got, key);
        if (score > best.score) best = { score, length: from + len - at };
      }
    }
    if (best.score >= 0.8) return best.length;
  }
  return undefined;
}

/** The lines to parse: long lines holding headings cut before and after each heading. */
export function cutRunTogether(template: Template, lines: readonly Line[]): Line[] {
  if (!lines.some((l) => l.text.length > LONG)) return [...lines];
  const out: Line[] = [];
  const push = (line: Line, from: number, to: number, last: boolean): void => {
    if (to <= from && !last) return;
    out.push({
      index: out.length,
      start: line.start + from,
      end: line.start + to,
      next: last ? line.next : line.start + to,
      text: line.text.slice(from, to),
      cut: true,
    });
  };
  for (const line of lines) {
    if (line.text.length <= LONG) {
      out.push({ ...line, index: out.length });
      continue;
    }
    const cuts: number[] = [];
    for (let i = line.text.indexOf('、'); i > 0; i = line.text.indexOf('、', i + 1)) {
      const at = i - 1;
      const length = headingAt(template, line.text, at);
      if (length !== undefined) cuts.push(at, at + length);
    }
    if (cuts.length === 0) {
      out.push({ ...line, index: out.length });
      continue;
    }
    let from = 0;
    for (const c of cuts) {
      push(line, from, c, false);
      from = c;
    }
    push(line, from, line.text.length, true);
  }
  return out;
}
