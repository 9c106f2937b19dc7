/**
 * The rule registry: every rule, in the order the README and the settings list them. The codes, their default
 * severities and summaries, `package.json`'s `nianbao.severity` settings and the README's code table all come from
 * here (`npm run manifest` writes the settings; `test/unit/docs.test.ts` holds both to it).
 *
 * Adding a rule: write it in the file of its family (or a new file exporting `Rule[]`), add that list below.
 */

import type { Finding } from '../codes';
import type { Report } from '../model';
import { artifactRules } from './artifacts';
import { crossFileRules } from './crossfile';
import { ReportContext } from './context';
import { feeRules } from './fee';
import { formatRules } from './format';
import { proseRules } from './prose';
import { sectionRules } from './sections';
import { tableRules } from './tables';
import { sumRules } from './totals';
import type { Rule } from './types';
import { unreadableRules } from './unreadable';
import { yearRules } from './years';

export type { CheckContext, Draft, FixContext, Rule } from './types';

export const RULES: readonly Rule[] = [
  ...sectionRules,
  ...tableRules,
  ...formatRules,
  ...unreadableRules,
  ...artifactRules,
  ...sumRules,
  ...proseRules,
  ...feeRules,
  ...yearRules,
  ...crossFileRules,
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export const ALL_CODES: readonly string[] = RULES.map((r) => r.code);

export function ruleFor(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

export function isCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** Every rule over a parsed report, findings in text order. */
export function checkReport(report: Report): Finding[] {
  const ctx = new ReportContext(report);
  const all: Finding[] = [];
  for (const rule of RULES) {
    for (const d of rule.check(ctx)) {
      const f: Finding = { code: rule.code, severity: d.severity ?? rule.severity, message: d.message, span: d.span };
      all.push({ ...f, ...(d.data ? { data: d.data } : {}), ...(d.related ? { related: d.related } : {}) });
    }
  }
  return all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}
