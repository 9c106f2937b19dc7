/**
 * `fee-not-reported`: section 六 must state the 信息处理费 collected, or that none was. When row （六）2 shows
 * applications dropped for an unpaid fee notice, fee notices were issued, and the omission is an error.
 */

import { finding, type Finding } from '../codes';
import type { Report } from '../model';
import type { Grid } from '../sums';
import { FEE_NOTICE_ROW, FEE_WORD, SECTIONS, officialHeading, rowName, rowSpec } from '../template';

export function checkFee(report: Report, gs: readonly Grid[]): Finding[] {
  const six = report.sections.find((s) => s.index === 5);
  if (!six) return [];
  const body = report.text.slice(six.body.start, six.body.end).replace(/[\s\u3000]+/gu, '');
  // An empty 六 is reported as empty; the fee is one of the things it lacks.
  if (body.length === 0 || body.includes(FEE_WORD)) return [];
  const grid = gs.find((g) => g.spec.id === FEE_NOTICE_ROW.table);
  const col = grid?.spec.sums?.totalColumn;
  const notices = grid && col !== undefined ? grid.value({ row: FEE_NOTICE_ROW.row, col }) : undefined;
  const heading = officialHeading(SECTIONS[5]!);
  if (notices !== undefined && notices > 0) {
    const row = rowName(grid!.spec, rowSpec(grid!.spec, FEE_NOTICE_ROW.row)!);
    return [
      {
        ...finding(
          'fee-not-reported',
          `“${row}”为 ${notices} 件，说明发出过收费通知；“${heading}”应报告${FEE_WORD}的收取情况`,
          six.heading.span,
        ),
        severity: 'error',
      },
    ];
  }
  return [
    finding(
      'fee-not-reported',
      `“${heading}”未说明${FEE_WORD}的收取情况（未收取也应写明，如“本年度未收取${FEE_WORD}”）`,
      six.heading.span,
    ),
  ];
}
