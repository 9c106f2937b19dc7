/**
 * Hover on a number in a table: which cell it is (row · column) and, for a total, its addends and their sum, with
 * whether they agree.
 */

import type { Report, Span } from './model';
import {
  addendList,
  cellTitle,
  equations,
  evaluate,
  formatNumber,
  grids,
  type Equation,
  type Evaluation,
  type Grid,
} from './sums';

export interface HoverInfo {
  readonly span: Span;
  /** Markdown. */
  readonly contents: string;
}

const SUM_NAME = { E2: '行合计', E3: '列合计', E6: '小计' } as const;

/**
 * `corrections`: cells the checks found wrong, by offset, with the value each should have. A total that is right but
 * whose sum one of them breaks is said to agree once that cell is mended — never told to change.
 */
export function hoverAt(
  report: Report,
  offset: number,
  corrections: ReadonlyMap<number, number> = new Map(),
): HoverInfo | undefined {
  for (const grid of grids(report)) {
    const ref = grid.at(offset);
    if (!ref) continue;
    const cell = grid.cell(ref)!;
    const lines = [`**${cellTitle(grid.spec, ref)}** = ${cell.text.length > 0 ? cell.text : '（空白）'}`];
    for (const eq of equations(grid.spec)) {
      if (eq.family === 'E1' || eq.left[0]!.row !== ref.row || eq.left[0]!.col !== ref.col) continue;
      const ev = evaluate(grid, eq);
      const sum = `${addendList(grid, eq)} = ${formatNumber(ev.rightKnown)}`;
      const v = verdict(grid, eq, ev, cell.span.start, corrections);
      lines.push(`${SUM_NAME[eq.family]}：${sum}${v.startsWith('；') ? '' : ' '}${v}`);
    }
    return { span: cell.span, contents: lines.join('\n\n') };
  }
  return undefined;
}

function verdict(
  grid: Grid,
  eq: Equation,
  ev: Evaluation,
  at: number,
  corrections: ReadonlyMap<number, number>,
): string {
  if (ev.status === 'holds') return '✓';
  if (ev.status !== 'broken') return `（另有 ${ev.missingLeft + ev.missingRight} 项未填或无效）`;
  const own = corrections.get(at);
  if (own !== undefined) return `✗ 应为 ${formatNumber(own)}`;
  // Right itself, broken by an addend found wrong: it agrees once that addend is mended.
  const mended = evaluate(grid, eq, corrections);
  const wrong = eq.right.filter((r) => corrections.has(grid.cell(r)?.span.start ?? -1));
  if (mended.status === 'holds' && wrong.length > 0) {
    const names = wrong
      .map((r) => `${cellTitle(grid.spec, r)} 改为 ${formatNumber(corrections.get(grid.cell(r)!.span.start)!)}`)
      .join('、');
    return `；${names} 后 = ${formatNumber(mended.rightKnown)} ✓`;
  }
  return `✗ 应为 ${formatNumber(ev.rightKnown)}`;
}
