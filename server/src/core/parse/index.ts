/**
 * Text -> report model: title, sections (with their sub-headings and paragraphs), tables and conversion leftovers,
 * every node with its span, read under a template. Never throws: whatever the text, it returns a model (possibly with
 * nothing in it).
 */

import { firstPicture } from './pictures';
import { blankInlineMarkup } from './markup';
import type { Artifact, Paragraph, Report, Section, Span, Table } from '../model';
import { splitLines, type Line } from '../lines';
import { PLAIN_NUMBER, isBlank, ordinalPrefix } from '../normalize';
import {
  DEFAULT_TEMPLATE,
  perTemplate,
  predecessorsOf,
  tableSpec,
  templateById,
  type TableSpec,
  type Template,
} from '../templates/index';
import { lookupLabel } from './labels';
import { readArtifacts } from './artifacts';
import { readRawRows, type RawRow } from './cells';
import {
  coreOfLine,
  readHeading,
  readHeadingByPlace,
  readSubheadings,
  readTitle,
  type HeadingCandidate,
} from './headings';
import { blankPageFurniture } from './furniture';
import { unmarkHeadings } from './headed';
import { cutRunTogether } from './oneline';
import { readParagraphs } from './paragraphs';
import { TableReader } from './tables';

export interface ParseOptions {
  /** The text is Markdown: `**`, `#` and `---` are its own syntax, not leftovers. */
  readonly markdown?: boolean;
  /** Read under this format. Without it the report is read under the default format, or under an older one when
   * its tables are in that one's form. */
  readonly template?: Template;
}

/** Table that rows without labels belong to, by section. */
function fallbackTable(template: Template, section: number): string | undefined {
  const own = template.tables.filter((t) => t.section === section);
  return own.length === 1 ? own[0]!.id : undefined;
}

function nextNonBlank(lines: readonly Line[], from: number): Line | undefined {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i]!.text)) return lines[i];
  return undefined;
}

/** Whether one of the section's tables starts within a few lines: a heading of 二 三 四 stands over its tables. */
function opensTable(template: Template, lines: readonly Line[], from: number, section: number): boolean {
  const window: Line[] = [];
  for (let i = from; i < lines.length && window.length < 6; i++) if (!isBlank(lines[i]!.text)) window.push(lines[i]!);
  for (const row of readRawRows(window)) {
    for (const cell of row.cells) {
      if (cell.text.length === 0) continue;
      const hits = lookupLabel(template, cell.text);
      if (hits.some((h) => 'table' in h && h.table !== undefined && tableSpec(template, h.table)?.section === section))
        return true;
    }
  }
  return false;
}

/** Sections still missing, looked for between their neighbours by their ordinal (see readHeadingByPlace). */
function findByPlace(template: Template, lines: readonly Line[], candidates: HeadingCandidate[]): void {
  for (const spec of template.sections) {
    if (candidates.some((c) => c.section === spec.index)) continue;
    let from = -1;
    let to = -1;
    for (const c of candidates) {
      if (c.section < spec.index) from = Math.max(from, c.line.index + 1);
      else if (c.section > spec.index) to = to < 0 ? c.line.index : Math.min(to, c.line.index);
    }
    // A place needs neighbours: in a text where no section was found, nothing is known by its place.
    if (from < 0 && to < 0) continue;
    for (let i = Math.max(from, 0), end = to < 0 ? lines.length : to; i < end; i++) {
      const c = readHeadingByPlace(template, lines[i]!, spec.index);
      if (c && (spec.kind === 'prose' || opensTable(template, lines, i + 1, spec.index))) {
        candidates.push(c);
        break;
      }
    }
  }
  candidates.sort((a, b) => a.line.index - b.line.index);
}

/**
 * A heading whose ordinal stands alone on the line above (`一、` / `总体情况`: Word's list numbering, taken out of a
 * PDF apart from its text): one heading, its ordinal on the line above.
 */
function withOrdinalAbove(lines: readonly Line[], c: HeadingCandidate): HeadingCandidate | undefined {
  let i = c.line.index - 1;
  while (i >= 0 && isBlank(lines[i]!.text)) i--;
  const above = i >= 0 ? lines[i]! : undefined;
  if (!above) return undefined;
  const core = coreOfLine(above);
  const prefix = ordinalPrefix(core.text);
  if (!prefix || prefix.style !== 'section' || prefix.length !== core.text.length || prefix.value !== c.section + 1)
    return undefined;
  const ordinalText = core.text.trimEnd();
  const h = c.heading;
  return {
    ...c,
    heading: {
      ...h,
      span: { start: core.start, end: h.span.end },
      text: `${ordinalText}${h.text}`,
      ordinal: {
        span: { start: core.start, end: core.end },
        text: ordinalText,
        value: prefix.value,
        style: prefix.style,
      },
    },
  };
}

function readHeadings(
  template: Template,
  lines: readonly Line[],
): { candidates: HeadingCandidate[]; stray: Artifact[] } {
  const candidates: HeadingCandidate[] = [];
  const stray: Artifact[] = [];
  let last = -1;
  for (const line of lines) {
    let c = readHeading(template, line, last);
    if (!c) continue;
    if (!c.heading.ordinal) c = withOrdinalAbove(lines, c) ?? c;
    if (!c.heading.ordinal) {
      // A title alone, just before the same section's numbered heading, is a leftover line.
      const next = nextNonBlank(lines, line.index + 1);
      const nextHeading = next ? readHeading(template, next, last) : undefined;
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
  findByPlace(template, lines, candidates);
  return { candidates, stray };
}

function parseWith(text: string, real: readonly Line[], template: Template, markdown: boolean): Report {
  // A report run together on one line is read in the pieces its headings cut it into.
  const lines = cutRunTogether(template, unmarkHeadings(blankPageFurniture(real), markdown));
  const { candidates, stray } = readHeadings(template, lines);

  const reader = new TableReader(template);
  const unreadable: Report['unreadable'][number][] = [];
  const read: { rows: RawRow[]; section: number }[] = [];
  candidates.forEach((c, i) => {
    if (template.sections[c.section]!.kind !== 'tables') return;
    // A section repeated (section-duplicate) adds no tables once one of its headings had them: the second copy of
    // a pasted table is the one error of the repeated heading, not a duplicate finding for each of its rows.
    if (reader.hasTables(c.section)) return;
    const nextLine = candidates[i + 1]?.line.index ?? lines.length;
    const body = lines.slice(c.line.index + 1, nextLine);
    // A table run together on one line (scraped text): its cells and digits cannot be told apart with certainty.
    const joined = body.find((l) => l.cut && !l.text.includes('\t') && /\d/u.test(l.text));
    if (joined) {
      unreadable.push({ section: c.section, span: { start: joined.start, end: joined.end }, reason: 'joined' });
      return;
    }
    const rows = readRawRows(body);
    let widest = 0;
    let widestOfAll = 0;
    for (const t of template.tables) {
      widestOfAll = Math.max(widestOfAll, t.columns.length);
      if (t.section === c.section) widest = Math.max(widest, t.columns.length);
    }
    // 二's small tables (three columns at most) printed side by side can be dumped so; a wider table's labels wrap.
    const apart =
      numbersApart(rows, widest, widestOfAll) ?? (widest <= 3 ? labelsApart(template, rows, c.section) : undefined);
    if (apart) unreadable.push({ section: c.section, span: apart, reason: 'apart' });
    else {
      reader.read(rows, c.section, fallbackTable(template, c.section));
      read.push({ rows, section: c.section });
      // No table, but a picture or a converter's placeholder where the tables go: they are there, not as text.
      const picture = reader.hasTables(c.section) ? undefined : firstPicture(body);
      if (picture) {
        const { line, kind } = picture;
        unreadable.push({ section: c.section, span: { start: line.start, end: line.end }, reason: kind });
      }
    }
  });
  const { tables: found, oldTables, apart } = reader.finish();
  for (const a of apart) unreadable.push({ section: a.section, span: a.span, reason: 'apart' });
  const olderReads = new Map<string, Table[]>();
  const tables = found.map((t) => readUnderOlder(t, read, olderReads) ?? t);

  const artifacts = [...readArtifacts(lines, markdown), ...stray].sort((a, b) => a.span.start - b.span.start);
  const tableSpans = [...tables.map((t) => t.span), ...oldTables.map((t) => t.span)].sort((a, b) => a.start - b.start);
  const removed = artifacts.flatMap((a) => a.remove).sort((a, b) => a.start - b.start);
  const paragraphs: Paragraph[] = [];
  const firstLine = candidates[0]?.line.index ?? lines.length;
  for (const p of readParagraphs(lines.slice(0, firstLine), 0, -1, tableSpans, removed)) paragraphs.push(p);

  const sections: Section[] = candidates.map((c, i) => {
    const nextLine = candidates[i + 1]?.line.index ?? lines.length;
    let lastLine = nextLine - 1;
    while (lastLine > c.line.index && isBlank(lines[lastLine]!.text)) lastLine--;
    const end = lines[lastLine]!.end;
    const bodyStart = c.heading.inline ?? c.line.next;
    const bodyLines = lines.slice(c.line.index + 1, nextLine);
    const spec = template.sections[c.section]!;
    const subheadings = readSubheadings(spec, bodyLines);
    // Sub-headings are headings, not prose: they stand outside paragraphs as tables do.
    const outside =
      subheadings.length > 0
        ? mergeSpans(
            tableSpans,
            subheadings.map((h) => h.span),
          )
        : tableSpans;
    const own = readParagraphs(
      c.heading.inline !== undefined ? lines.slice(c.line.index, nextLine) : bodyLines,
      bodyStart,
      c.section,
      outside,
      removed,
    );
    for (const p of own) paragraphs.push(p);
    return {
      index: c.section,
      heading: c.heading,
      span: { start: c.heading.span.start, end: Math.max(end, c.heading.span.end) },
      body: { start: Math.min(bodyStart, end), end },
      subheadings,
      paragraphs: own,
    };
  });

  return {
    template,
    text,
    title: readTitle(lines, candidates[0]?.line.index ?? -1),
    sections,
    tables,
    oldTables,
    unreadable,
    artifacts,
    paragraphs,
    lineStarts: real.map((l) => l.start),
    markdown,
  };
}

/**
 * Numbers that stand apart from their labels, as plain pdftotext or a PDF viewer's copy dumps a table's columns one
 * after another: more numbers one after another than the section's widest table has columns (with one more for a
 * stray cell) on lines of their own between blank lines, or, one cell a line without blank lines, more than any table
 * of the template has. Rows of cells side by side (tab, pipe, HTML) are never such a dump. The span, or undefined.
 */
function numbersApart(rows: readonly RawRow[], widest: number, widestOfAll: number): Span | undefined {
  let run = 0;
  let start = 0;
  let lone = false;
  for (const row of rows) {
    if (row.layout !== 'cells') {
      run = 0;
      lone = false;
      continue;
    }
    const filled = row.cells.filter((c) => c.text.length > 0);
    const single = filled.length === 1 && PLAIN_NUMBER.test(filled[0]!.text);
    // Numbers a line each between blank lines continue a run; a group of lines starts its own.
    if (!(single && lone)) run = 0;
    lone = single;
    const limit = single ? widest + 1 : widestOfAll + 1;
    for (const c of filled) {
      if (!PLAIN_NUMBER.test(c.text)) {
        run = 0;
        continue;
      }
      if (run === 0) start = c.span.start;
      if (++run > limit) {
        const last = rows[rows.length - 1]!.cells;
        return { start, end: Math.max(c.span.end, last[last.length - 1]?.span.end ?? c.span.end) };
      }
    }
  }
  return undefined;
}

/**
 * Labels and numbers of one cell a line that do not stand together, as plain pdftotext dumps 二's small tables
 * printed side by side: a row label with no number just before or after it (a caption or a column's name there
 * instead), while as many numbers or more stand after words that are no label. Said as numbers apart, not guessed.
 * A blank value (no number anywhere else) is no such dump.
 */
function labelsApart(template: Template, rows: readonly RawRow[], section: number): Span | undefined {
  const cells = rows.flatMap((r) => (r.layout === 'cells' ? r.cells.filter((c) => c.text.length > 0) : []));
  const number = (i: number): boolean => i >= 0 && i < cells.length && PLAIN_NUMBER.test(cells[i]!.text);
  const isRow = (text: string): boolean =>
    lookupLabel(template, text).some((h) => h.kind === 'row' && tableSpec(template, h.table)?.section === section);
  let alone = 0;
  let stray = 0;
  let first: Span | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (PLAIN_NUMBER.test(c.text)) {
      // After words that are no row label and no number: a number whose label is elsewhere.
      if (i > 0 && !number(i - 1) && !isRow(cells[i - 1]!.text)) stray++;
      continue;
    }
    if (isRow(c.text) && !number(i - 1) && !number(i + 1)) {
      alone++;
      first ??= c.span;
    }
  }
  // Two labels alone at least: one may be a label a writer left without its number.
  if (alone < 2 || stray < alone) return undefined;
  const last = cells[cells.length - 1]!;
  return { start: first!.start, end: last.span.end };
}

/**
 * A table with an older format's labels, read again under that format (2019's one （六）其他处理 row in a 2021
 * report): its rows and sums are then checked as that format has them, not switched off. Undefined when the older
 * format has no such table, or reads it no better.
 */
function readUnderOlder(
  table: Table,
  read: readonly { rows: RawRow[]; section: number }[],
  cache: Map<string, Table[]>,
): Table | undefined {
  const older = table.foreign[0] ? templateById(table.foreign[0].template) : undefined;
  if (!older || !tableSpec(older, table.id)) return undefined;
  // A section is read under the older format once, for all of its tables that need it.
  const key = `${older.id}#${table.section}`;
  let tables = cache.get(key);
  if (!tables) {
    const reader = new TableReader(older);
    for (const r of read) {
      if (r.section === table.section) reader.read(r.rows, r.section, fallbackTable(older, r.section));
    }
    tables = reader.finish().tables;
    cache.set(key, tables);
  }
  const again = tables.find((t) => t.id === table.id);
  if (!again || again.rows.filter((r) => r.rowId).length < table.rows.filter((r) => r.rowId).length) return undefined;
  return { ...again, template: older.id };
}

/** Two lists of spans sorted by start, merged into one. */
function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** The tables of a format whose labels differ in an older one: only these can tell the two apart. */
const changedTables = perTemplate((template: Template) => {
  const shape = (t: TableSpec): string => JSON.stringify([t.columns, t.rows.map((r) => r.label)]);
  return predecessorsOf(template).map((older) => ({
    older,
    ids: template.tables
      .filter((t) => {
        const o = tableSpec(older, t.id);
        return o !== undefined && shape(o) !== shape(t);
      })
      .map((t) => t.id),
  }));
});

/** An older format the report's tables are in: more than half of the tables that differ show its labels. */
function olderFormat(report: Report): Template | undefined {
  for (const { older, ids } of changedTables(report.template)) {
    const present = report.tables.filter((t) => ids.includes(t.id));
    const old = present.filter((t) => t.template === older.id || t.foreign.some((f) => f.template === older.id));
    if (old.length > 0 && old.length * 2 > present.length) return older;
  }
  return undefined;
}

export function parseReport(text: string, options: ParseOptions = {}): Report {
  const markdown = options.markdown ?? false;
  // Markdown's inline markup is read as white space; the report keeps the text as it is, for fixes to check against.
  const lines = splitLines(markdown ? blankInlineMarkup(text) : text);
  if (options.template) return parseWith(text, lines, options.template, markdown);
  const report = parseWith(text, lines, DEFAULT_TEMPLATE, markdown);
  const older = olderFormat(report);
  return older ? parseWith(text, lines, older, markdown) : report;
}
