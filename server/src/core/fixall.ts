/**
 * Fix-all: every safe fix, in the order that makes the next ones right — blanks filled with 0, then a single wrong
 * addend mended, then row totals, then column totals — re-checking between stages, until nothing changes. Run on
 * its own result, it changes nothing.
 */

import { checkReport } from './checks/index';
import type { Finding } from './codes';
import { applyEdits, fixesFor, type TextEdit } from './fixes';
import { parseReport } from './parse/index';

type Stage = (f: Finding) => boolean;

const role = (f: Finding): string | undefined => (f.data?.fix === 'set-cell' ? f.data.role : undefined);

const STAGES: readonly Stage[] = [
  (f) => f.code === 'table-cell-missing' && f.data?.fix === 'fill-zero',
  (f) => f.code === 'table-total' && role(f) === 'addend',
  (f) => f.code === 'table-total' && role(f) === 'row-total',
  (f) => f.code === 'table-total' && role(f) === 'column-total',
];

const MAX_ROUNDS = 8;

/** The text with every safe fix applied. */
export function fixAll(text: string, markdown: boolean): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = current;
    for (const stage of STAGES) {
      const findings = checkReport(parseReport(current, { markdown })).filter(stage);
      const edits: TextEdit[] = [];
      const taken = new Set<number>();
      for (const f of findings) {
        // The first fix of a finding is its own; one edit per place.
        const fix = fixesFor(f.code, f.data, current)[0];
        for (const e of fix?.edits ?? []) {
          if (taken.has(e.start)) continue;
          taken.add(e.start);
          edits.push(e);
        }
      }
      if (edits.length > 0) current = applyEdits(current, edits);
    }
    if (current === before) break;
  }
  return current;
}
