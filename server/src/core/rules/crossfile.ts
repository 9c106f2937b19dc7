/**
 * Findings between reports (`crossyear.ts`): they are in the registry for their code, default severity and summary —
 * the settings, the README, SARIF — but no check of one report finds them; the CLI and the editor compare reports.
 */

import type { Rule } from './types';

export const crossFileRules: readonly Rule[] = [
  {
    code: 'cross-year-carryover',
    severity: 'error',
    summary: '三表“二、上年结转”与同一单位上一年度报告的“四、结转下年度继续办理”不一致',
    check: () => [],
  },
  {
    code: 'report-duplicate',
    severity: 'warning',
    summary: '同一单位同一年度有两份以上报告',
    check: () => [],
  },
];
