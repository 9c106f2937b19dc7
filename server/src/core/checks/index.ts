/** Every check over a parsed report, findings in text order. */

import type { Finding } from '../codes';
import type { Report } from '../model';
import { grids } from '../sums';
import { checkArtifacts } from './artifacts';
import { checkSections } from './sections';
import { checkTables } from './tables';
import { checkTotals } from './totals';
import { checkFee } from './fee';
import { checkProse } from './prose';
import { checkYears } from './years';

export function checkReport(report: Report): Finding[] {
  // The tables' numbers, read once for every check that needs them.
  const gs = grids(report);
  const totals = checkTotals(report, gs);
  // Where a total is wrong, prose that states the right value agrees with the table as it should be.
  const corrections = new Map<number, number>();
  for (const f of totals)
    if (f.data?.fix === 'set-cell') corrections.set(f.data.target.span.start, Number(f.data.value));
  const all = [
    ...checkSections(report),
    ...checkTables(report),
    ...totals,
    ...checkProse(report, gs, corrections),
    ...checkFee(report, gs),
    ...checkYears(report),
    ...checkArtifacts(report),
  ];
  return all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}
