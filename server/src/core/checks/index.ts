/** Every check over a parsed report, findings in text order. */

import type { Finding } from '../codes';
import type { Report } from '../model';
import { checkArtifacts } from './artifacts';
import { checkSections } from './sections';
import { checkTables } from './tables';
import { checkTotals } from './totals';
import { checkFee } from './fee';
import { checkProse } from './prose';
import { checkYears } from './years';

export function checkReport(report: Report): Finding[] {
  const all = [
    ...checkSections(report),
    ...checkTables(report),
    ...checkTotals(report),
    ...checkProse(report),
    ...checkFee(report),
    ...checkYears(report),
    ...checkArtifacts(report),
  ];
  return all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}
