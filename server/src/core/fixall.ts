/**
 * Fix-all: every safe fix, in the order of the stages the rules give (blanks filled with 0, then a single wrong
 * addend mended, then row totals, then column totals), re-checking between stages, until nothing changes. Run on its
 * own result, it changes nothing.
 */

import type { FixData, TextEdit } from './codes';
import { applyEdits } from './edits';
import { fixesFor } from './fixes';
import { parseReport, type ParseOptions } from './parse/index';
import { checkReport, ruleFor } from './rules/index';

/** Enough steps for every stage twice over; a step that changes nothing ends the run. */
const MAX_STEPS = 32;

/** What fix-all did: the fixed text and how many findings it fixed. */
export interface FixAllResult {
  readonly text: string;
  readonly applied: number;
}

/**
 * The text with every safe fix applied: each step checks the text and applies the fixes of the earliest stage that
 * has any. `options` as for parsing (Markdown; a template to read it under).
 */
export function fixAllText(text: string, options: ParseOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const report = parseReport(current, options);
    const staged: { stage: number; code: string; data: FixData }[] = [];
    for (const f of checkReport(report)) {
      const stage = f.data ? ruleFor(f.code)?.fixAllStage?.(f.data) : undefined;
      if (stage !== undefined) staged.push({ stage, code: f.code, data: f.data! });
    }
    if (staged.length === 0) break;
    let first = Infinity;
    for (const s of staged) if (s.stage < first) first = s.stage;
    const edits: TextEdit[] = [];
    const taken = new Set<number>();
    for (const s of staged) {
      if (s.stage !== first) continue;
      // The first fix of a finding is its own; one edit per place.
      const fix = fixesFor(s.code, s.data, current, report.template)[0];
      let used = false;
      for (const e of fix?.edits ?? []) {
        if (taken.has(e.start)) continue;
        taken.add(e.start);
        edits.push(e);
        used = true;
      }
      if (used) applied++;
    }
    const next = edits.length > 0 ? applyEdits(current, edits) : current;
    if (next === current) break;
    current = next;
  }
  return { text: current, applied };
}

/** The text with every safe fix applied. */
export function fixAll(text: string, markdown: boolean): string {
  return fixAllText(text, { markdown }).text;
}
