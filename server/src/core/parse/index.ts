/**
 * Text -> report model: title, sections (with the sub-headings of 一), tables and conversion leftovers, every node
 * with its span. Never throws: whatever the text, it returns a model (possibly with nothing in it).
 */

import type { Artifact, Report, Section } from '../model';
import { isBlank, splitLines, type Line } from '../lines';
import { SECTIONS, TABLES, tableSpec, type TableId } from '../template';
import { lookupLabel } from './labels';
import { readArtifacts } from './artifacts';
import { readRawRows } from './cells';
import { readHeading, readHeadingByPlace, readSubheadings, readTitle, type HeadingCandidate } from './headings';
import { TableReader } from './tables';

export interface ParseOptions {
  /** The text is Markdown: `**`, `#` and `---` are its own syntax, not leftovers. */
  readonly markdown?: boolean;
}

/** Table that rows without labels belong to, by section. */
function fallbackTable(section: number): TableId | undefined {
  const own = TABLES.filter((t) => t.section === section);
  return own.length === 1 ? own[0]!.id : undefined;
}

function nextNonBlank(lines: readonly Line[], from: number): Line | undefined {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i]!.text)) return lines[i];
  return undefined;
}

/** Whether one of the section's tables starts within a few lines: a heading of 二 三 四 stands over its tables. */
function opensTable(lines: readonly Line[], from: number, section: number): boolean {
  let seen = 0;
  for (let i = from; i < lines.length && seen < 6; i++) {
    const text = lines[i]!.text;
    if (isBlank(text)) continue;
    seen++;
    for (const cell of text.split(/[\t|]/u)) {
      const hits = cell.trim().length > 0 ? lookupLabel(cell.trim()) : [];
      if (hits.some((h) => 'table' in h && h.table !== undefined && tableSpec(h.table).section === section))
        return true;
    }
  }
  return false;
}

/** Sections still missing, looked for between their neighbours by their ordinal (see readHeadingByPlace). */
function findByPlace(lines: readonly Line[], candidates: HeadingCandidate[]): void {
  for (const spec of SECTIONS) {
    if (candidates.some((c) => c.section === spec.index)) continue;
    const before = candidates.filter((c) => c.section < spec.index).map((c) => c.line.index);
    const after = candidates.filter((c) => c.section > spec.index).map((c) => c.line.index);
    // A place needs neighbours: in a text where no section was found, nothing is known by its place.
    if (before.length + after.length === 0) continue;
    const from = before.length > 0 ? Math.max(...before) + 1 : 0;
    const to = after.length > 0 ? Math.min(...after) : lines.length;
    for (let i = from; i < to; i++) {
      const c = readHeadingByPlace(lines[i]!, spec.index);
      if (c && (spec.kind === 'prose' || opensTable(lines, i + 1, spec.index))) {
        candidates.push(c);
        break;
      }
    }
  }
  candidates.sort((a, b) => a.line.index - b.line.index);
}

export function parseReport(text: string, options: ParseOptions = {}): Report {
  const markdown = options.markdown ?? false;
  const lines = splitLines(text);

  const candidates: HeadingCandidate[] = [];
  const stray: Artifact[] = [];
  let last = -1;
  for (const line of lines) {
    const c = readHeading(line, last);
    if (!c) continue;
    if (!c.heading.ordinal) {
      // A title alone, just before the same section's numbered heading, is a leftover line.
      const next = nextNonBlank(lines, line.index + 1);
      const nextHeading = next ? readHeading(next, last) : undefined;
      if (nextHeading && nextHeading.section === c.section && nextHeading.heading.ordinal) {
        stray.push({
          kind: 'stray-heading',
          span: c.heading.span,
          text: c.heading.text,
          remove: [{ start: line.start, end: line.next }],
        });
        continue;
      }
    }
    candidates.push(c);
    last = Math.max(last, c.section);
  }
  findByPlace(lines, candidates);

  const sections: Section[] = candidates.map((c, i) => {
    const nextLine = candidates[i + 1]?.line.index ?? lines.length;
    let lastLine = nextLine - 1;
    while (lastLine > c.line.index && isBlank(lines[lastLine]!.text)) lastLine--;
    const end = lines[lastLine]!.end;
    const bodyStart = c.heading.inline ?? c.line.next;
    const bodyLines = lines.slice(c.line.index + 1, nextLine);
    return {
      index: c.section,
      heading: c.heading,
      span: { start: c.heading.span.start, end: Math.max(end, c.heading.span.end) },
      body: { start: Math.min(bodyStart, end), end },
      subheadings: c.section === 0 ? readSubheadings(bodyLines) : [],
    };
  });

  const reader = new TableReader();
  candidates.forEach((c, i) => {
    if (SECTIONS[c.section]!.kind !== 'tables') return;
    const nextLine = candidates[i + 1]?.line.index ?? lines.length;
    reader.read(readRawRows(lines.slice(c.line.index + 1, nextLine)), c.section, fallbackTable(c.section));
  });
  const { tables, oldTables } = reader.finish();

  const artifacts = [...readArtifacts(lines, markdown), ...stray].sort((a, b) => a.span.start - b.span.start);
  return {
    text,
    title: readTitle(lines, candidates[0]?.line.index ?? -1),
    sections,
    tables,
    oldTables,
    artifacts,
    lineStarts: lines.map((l) => l.start),
    markdown,
  };
}
