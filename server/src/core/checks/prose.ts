/**
 * `prose-mismatch`: figures the prose states that the tables also hold (report-format.md §5). Reading prose is
 * heuristic, so a figure counts only when its clause ties it to one cell without doubt: the keyword, then within a
 * few characters and no other keyword, the number and its unit 件. A clause that cannot be tied says nothing.
 */

import { finding, type Finding } from '../codes';
import type { Report, Span } from '../model';
import { splitLines } from '../lines';
import { formatNumber, type CellRef, type Grid } from '../sums';
import { PROSE_FIGURES, type ProseFigure } from '../template';
import { guard } from './sections';

const DIGITS = '([0-9０-９]{1,6})';
/** What may stand between a keyword and its number: no clause break, no digit. */
const GAP = '[^，,。；;：:！!？?\\n0-9０-９]';
/** What may stand between a keyword and its number in a tight figure: connecting words only. */
const TIGHT_GAP = '[的共有为计了达案件数量\\s\\u3000]';

interface Compiled {
  readonly figure: ProseFigure;
  readonly pattern: RegExp;
  /** The figure's own keywords, to tell them from another figure's. */
  readonly own: RegExp;
}

const COMPILED: Compiled[] = PROSE_FIGURES.map((figure) => ({
  figure,
  pattern: new RegExp(
    `(?:${figure.keywords.join('|')})${figure.via ? `${GAP}{0,20}?${figure.via}` : ''}${figure.tight ? TIGHT_GAP : GAP}{0,${figure.gap}}?${DIGITS}[\\s\\u3000]*[件个宗起]`,
    'gu',
  ),
  own: new RegExp(figure.keywords.join('|'), 'u'),
}));

const ALL_KEYWORDS = new RegExp(PROSE_FIGURES.flatMap((f) => f.keywords).join('|'), 'u');
const JOINED = new RegExp(`(?:${PROSE_FIGURES.flatMap((f) => f.keywords).join('|')})[、和及与或/]$`, 'u');

/**
 * Value of the cells a figure states, when every one holds a number: as printed, and as the totals check says it
 * should be (the same when no cell is wrong).
 */
function tableValue(
  grids: readonly Grid[],
  cells: readonly { table: string; refs: readonly CellRef[] }[],
  corrections: ReadonlyMap<number, number>,
): { printed: number; corrected: number } | undefined {
  let printed = 0;
  let corrected = 0;
  for (const c of cells) {
    const grid = grids.find((g) => g.spec.id === c.table);
    if (!grid) return undefined;
    for (const ref of c.refs) {
      const v = grid.value(ref);
      if (v === undefined) return undefined;
      printed += v;
      corrected += corrections.get(grid.cell(ref)!.span.start) ?? v;
    }
  }
  return { printed, corrected };
}

/** Spans of the text outside every table: the prose. */
function proseSpans(report: Report): Span[] {
  const tables = report.tables.map((t) => t.span).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let from = 0;
  for (const t of tables) {
    if (t.start > from) out.push({ start: from, end: t.start });
    from = Math.max(from, t.end);
  }
  out.push({ start: from, end: report.text.length });
  return out;
}

export function checkProse(report: Report, gs: readonly Grid[], corrections: ReadonlyMap<number, number>): Finding[] {
  const out: Finding[] = [];
  for (const region of proseSpans(report)) {
    const text = report.text.slice(region.start, region.end);
    for (const line of splitLines(text)) {
      if (line.text.length === 0 || line.text.includes('\t')) continue;
      if (COUNTED.test(line.text) && ALL_KEYWORDS.test(line.text)) {
        for (const f of figuresIn(report, region.start + line.start, line.text, gs, corrections)) out.push(f);
      }
      if (line.text.includes('未')) {
        for (const n of noneReceived(line.text, gs, corrections)) {
          const start = region.start + line.start + n.index;
          out.push(finding('prose-mismatch', n.message, { start, end: start + n.length }));
        }
      }
    }
  }
  return out;
}

/** A number with its unit: lines without one state no figure. */
const COUNTED = /[0-9０-９][\s\u3000]*[件个宗起]/u;

/** The figures a line states that disagree with their cells; `offset` is where the line starts in the report. */
function figuresIn(
  report: Report,
  offset: number,
  line: string,
  gs: readonly Grid[],
  corrections: ReadonlyMap<number, number>,
): Finding[] {
  const out: Finding[] = [];
  for (const { figure, pattern, own } of COMPILED) {
    for (const m of line.matchAll(pattern)) {
      const digits = m[1]!;
      const at = m[0].lastIndexOf(digits);
      // Another figure's keyword inside the gap: the number belongs to that one.
      if (ALL_KEYWORDS.test(m[0].slice(0, at).replace(own, ''))) continue;
      // `行政复议、行政诉讼共0件`: one number for two figures ties to neither.
      if (JOINED.test(line.slice(Math.max(0, m.index - 12), m.index))) continue;
      const stated = Number(digits.normalize('NFKC'));
      const value = tableValue(gs, figure.cells, corrections);
      if (value === undefined) continue;
      const also = figure.alsoAccept ? tableValue(gs, figure.alsoAccept, corrections) : undefined;
      if ([value.printed, value.corrected, also?.printed, also?.corrected].includes(stated)) continue;
      const start = offset + m.index + at;
      const span = { start, end: start + digits.length };
      const expected = formatNumber(value.printed);
      out.push(
        finding('prose-mismatch', `正文写“${m[0].trim()}”，表格中${figure.name}为 ${expected}`, span, {
          data: { fix: 'set-number', target: guard(report, span), value: expected, cell: figure.name },
        }),
      );
    }
  }
  return out;
}

const NONE = /未(?:收到|受理)[^，,。；;\n]{0,20}?申请/gu;

/** `未收到…申请` says 0 applications. */
function noneReceived(
  line: string,
  gs: readonly Grid[],
  corrections: ReadonlyMap<number, number>,
): { index: number; length: number; message: string }[] {
  const figure = PROSE_FIGURES.find((f) => f.id === 'new');
  if (!figure) return [];
  const found = tableValue(gs, figure.cells, corrections);
  if (found === undefined || found.printed === 0 || found.corrected === 0) return [];
  const value = found.printed;
  return [...line.matchAll(NONE)].map((m) => ({
    index: m.index,
    length: m[0].length,
    message: `正文写“${m[0]}”，表格中${figure.name}为 ${formatNumber(value)}`,
  }));
}
