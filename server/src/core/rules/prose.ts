/**
 * `prose-mismatch`: figures the prose states that the tables also hold (report-format.md §5), read paragraph by
 * paragraph so a figure broken over two lines reads whole. Reading prose is heuristic, so a figure counts only when
 * its clause ties it to one cell without doubt: the keyword, then within a few characters and no other keyword, the
 * number and its unit 件. A clause that cannot be tied says nothing.
 */

import type { Paragraph } from '../model';
import { spanIn } from '../parse/paragraphs';
import { columnIndex, perTemplate, type FigureCells, type ProseFigure } from '../templates/index';
import { formatNumber, type Grid } from '../sums';
import type { CheckContext, Draft, Rule } from './types';
import { guard, replaceFix } from './util';

const DIGITS = '([0-9０-９]{1,6})';
/** What may stand between a keyword and its number: no clause break, no digit. */
const GAP = '[^，,。；;：:！!？?\\n0-9０-９]';
/** What may stand between a keyword and its number in a tight figure: connecting words only. */
const TIGHT_GAP = '[的共有为计了达案件数量\\s]';

interface Compiled {
  readonly figure: ProseFigure;
  readonly pattern: RegExp;
  /** The figure's own keywords, to tell them from another figure's. */
  readonly own: RegExp;
  readonly none: RegExp | undefined;
}

const compile = perTemplate((template) => {
  const figures = template.figures;
  const all = figures.flatMap((f) => f.keywords);
  const compiled: Compiled[] = figures.map((figure) => ({
    figure,
    pattern: new RegExp(
      `(?:${figure.keywords.join('|')})${figure.via ? `${GAP}{0,20}?${figure.via}` : ''}${figure.tight ? TIGHT_GAP : GAP}{0,${figure.gap}}?${DIGITS}[\\s]*[件个宗起]`,
      'gu',
    ),
    own: new RegExp(figure.keywords.join('|'), 'u'),
    none: figure.none ? new RegExp(figure.none, 'gu') : undefined,
  }));
  return {
    compiled,
    keywords: all.length > 0 ? new RegExp(all.join('|'), 'u') : undefined,
    joined: all.length > 0 ? new RegExp(`(?:${all.join('|')})[、和及与或/]$`, 'u') : undefined,
  };
});

/**
 * Value of the cells a figure states, when every one holds a number: as printed, and as the sums say it should be
 * (the same when no cell is wrong).
 */
function tableValue(
  ctx: CheckContext,
  cells: readonly FigureCells[],
): { printed: number; corrected: number } | undefined {
  let printed = 0;
  let corrected = 0;
  for (const c of cells) {
    const grid: Grid | undefined = ctx.grids.find((g) => g.spec.id === c.table);
    if (!grid) return undefined;
    for (const ref of c.refs) {
      const cell = { row: ref.row, col: columnIndex(grid.spec, ref.column) };
      const v = grid.value(cell);
      if (v === undefined) return undefined;
      printed += v;
      corrected += ctx.corrections.get(grid.cell(cell)!.span.start) ?? v;
    }
  }
  return { printed, corrected };
}

/** A number with its unit: paragraphs without one state no figure. */
const COUNTED = /[0-9０-９]\s*[件个宗起]/u;

function check(ctx: CheckContext): Draft[] {
  const { compiled, keywords, joined } = compile(ctx.template);
  if (!keywords || !joined) return [];
  const out: Draft[] = [];
  for (const p of ctx.report.paragraphs) {
    // A line of cells that no table took is no prose.
    if (p.text.includes('\t')) continue;
    if (COUNTED.test(p.text) && keywords.test(p.text)) figuresIn(ctx, p, compiled, keywords, joined, out);
    if (p.text.includes('未')) noneStated(ctx, p, compiled, out);
  }
  return out;
}

/** The figures a paragraph states that disagree with their cells. */
function figuresIn(
  ctx: CheckContext,
  p: Paragraph,
  compiled: readonly Compiled[],
  keywords: RegExp,
  joined: RegExp,
  out: Draft[],
): void {
  const text = p.text;
  for (const { figure, pattern, own } of compiled) {
    for (const m of text.matchAll(pattern)) {
      const digits = m[1]!;
      const at = m[0].lastIndexOf(digits);
      // Another figure's keyword inside the gap: the number belongs to that one.
      if (keywords.test(m[0].slice(0, at).replace(own, ''))) continue;
      // `行政复议、行政诉讼共0件`: one number for two figures ties to neither.
      if (joined.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const stated = Number(digits.normalize('NFKC'));
      const value = tableValue(ctx, figure.cells);
      if (value === undefined) continue;
      const also = figure.alsoAccept ? tableValue(ctx, figure.alsoAccept) : undefined;
      if ([value.printed, value.corrected, also?.printed, also?.corrected].includes(stated)) continue;
      const span = spanIn(p, m.index + at, digits.length);
      const expected = formatNumber(value.printed);
      out.push({
        message: `正文写“${m[0].trim()}”，表格中${figure.name}为 ${expected}`,
        span,
        data: { fix: 'set-number', target: guard(ctx.report, span), value: expected, cell: figure.name },
      });
    }
  }
}

/** `未收到…申请` says the figure is 0. */
function noneStated(ctx: CheckContext, p: Paragraph, compiled: readonly Compiled[], out: Draft[]): void {
  for (const { figure, none } of compiled) {
    if (!none) continue;
    const found = tableValue(ctx, figure.cells);
    if (found === undefined || found.printed === 0 || found.corrected === 0) continue;
    for (const m of p.text.matchAll(none)) {
      out.push({
        message: `正文写“${m[0]}”，表格中${figure.name}为 ${formatNumber(found.printed)}`,
        span: spanIn(p, m.index, m[0].length),
      });
    }
  }
}

export const proseRules: readonly Rule[] = [
  {
    code: 'prose-mismatch',
    severity: 'warning',
    summary: '正文中的数字与表格不一致',
    check,
    fix: (d, { text }) =>
      d.fix === 'set-number' ? replaceFix(text, d.target, d.value, `按表格改为 ${d.value}（${d.cell}）`) : undefined,
  },
];
