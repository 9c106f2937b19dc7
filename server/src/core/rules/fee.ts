/**
 * `fee-not-reported`: the template's fee section (六) must state the fee collected (信息处理费), or that none was —
 * in the template's words or in others a sentence uses (`政府信息公开未发生收费情况`, `没有收取任何费用`).
 * When the cell of fee notices (row （六）2) is above 0, fee notices were issued, and the omission is an error.
 */

import { columnIndex, officialHeading, perTemplate, rowName, rowSpec, type Template } from '../templates/index';
import { withoutSpace } from '../normalize';
import type { CheckContext, Draft, Rule } from './types';

const statements = perTemplate((template) =>
  (template.fee?.statements ?? []).map((all) => all.map((p) => new RegExp(p, 'u'))),
);

/** Whether a sentence of the text states the fee in other words. */
function statesFee(template: Template, text: string): boolean {
  const patterns = statements(template);
  return text.split(/[。；;！!？?]/u).some((sentence) => patterns.some((all) => all.every((p) => p.test(sentence))));
}

function check({ report, template, grids }: CheckContext): Draft[] {
  const fee = template.fee;
  const section = fee ? report.sections.find((s) => s.index === fee.section) : undefined;
  if (!fee || !section) return [];
  const body = withoutSpace(section.paragraphs.map((p) => p.text).join('。'));
  // An empty section is reported as empty; the fee is one of the things it lacks.
  if (body.length === 0 || body.includes(fee.word) || statesFee(template, body)) return [];
  const heading = officialHeading(template.sections[fee.section]!);
  const notice = fee.notice;
  const grid = notice ? grids.find((g) => g.spec.id === notice.table) : undefined;
  const col = grid && notice ? columnIndex(grid.spec, notice.column) : -1;
  const notices = grid && notice && col >= 0 ? grid.value({ row: notice.row, col }) : undefined;
  const row = grid && notice ? rowSpec(grid.spec, notice.row) : undefined;
  if (notices !== undefined && notices > 0 && grid && row) {
    return [
      {
        message: `“${rowName(grid.spec, row)}”为 ${notices} 件，说明发出过收费通知；“${heading}”应报告${fee.word}的收取情况`,
        span: section.heading.span,
        severity: 'error',
      },
    ];
  }
  return [
    {
      message: `“${heading}”未说明${fee.word}的收取情况（未收取也应写明，如“本年度未收取${fee.word}”）`,
      span: section.heading.span,
    },
  ];
}

export const feeRules: readonly Rule[] = [
  {
    code: 'fee-not-reported',
    severity: 'warning',
    summary: '第六部分未说明信息处理费的收取情况（（六）2 大于 0 时为错误）',
    check,
  },
];
