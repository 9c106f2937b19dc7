/**
 * Hover on a number in a table: which cell it is (row · column) and, for a total, its addends and their sum, with
 * whether they agree.
 */

import type { Report, Span } from './model';
import { addendList, cellTitle, equations, evaluate, formatNumber, grids } from './sums';

export interface HoverInfo {
  readonly span: Span;
  /** Markdown. */
  readonly contents: string;
}

const SUM_NAME = { E2: '行合计', E3: '列合计', E6: '小计' } as const;

export function hoverAt(report: Report, offset: number): HoverInfo | undefined {
  for (const grid of grids(report)) {
    const ref = grid.at(offset);
    if (!ref) continue;
    const cell = grid.cell(ref)!;
    const lines = [`**${cellTitle(grid.spec, ref)}** = ${cell.text.length > 0 ? cell.text : '（空白）'}`];
    for (const eq of equations(grid.spec)) {
      if (eq.family === 'E1' || eq.left[0]!.row !== ref.row || eq.left[0]!.col !== ref.col) continue;
      const ev = evaluate(grid, eq);
      const sum = `${addendList(grid, eq)} = ${formatNumber(ev.rightKnown)}`;
      const verdict =
        ev.status === 'holds'
          ? '✓'
          : ev.status === 'broken'
            ? `✗ 应为 ${formatNumber(ev.rightKnown)}`
            : `（另有 ${ev.missingLeft + ev.missingRight} 项未填或无效）`;
      lines.push(`${SUM_NAME[eq.family]}：${sum} ${verdict}`);
    }
    return { span: cell.span, contents: lines.join('\n\n') };
  }
  return undefined;
}
