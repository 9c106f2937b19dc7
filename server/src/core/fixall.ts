/**
 * Fix-all: every safe fix, in the order of the stages the rules give (blanks filled with 0, then a single wrong
 * addend mended, then row totals, then column totals), re-checking between stages, until nothing changes. Run on its
 * own result, it changes nothing.
 */

import type { FixData, Finding, TextEdit } from './codes';
import { dismissedBy, type Dismissal } from './dismiss';
import { applyEdits } from './edits';
import { fixesFor } from './fixes';
import { parseReport, type ParseOptions } from './parse/index';
import { checkReport, ruleFor } from './rules/index';

/** The fix-all stage a finding's safe fix belongs to; undefined when fix-all leaves it to a person. */
export function fixAllStageOf(f: Finding): number | undefined {
  return f.data ? ruleFor(f.code)?.fixAllStage?.(f.data) : undefined;
}

/** Enough steps for every stage twice over; a step that changes nothing ends the run. */
const MAX_STEPS = 32;

/** What fix-all did: the fixed text, how many findings it fixed, and how many of each stage. */
export interface FixAllResult {
  readonly text: string;
  readonly applied: number;
  /** Findings fixed by stage: 0 blanks, 1 a single wrong cell, 2 row totals, 3 column totals. */
  readonly byStage: readonly number[];
}

/**
 * The text with every safe fix applied: each step checks the text and applies the fixes of the earliest stage that
 * has any. `options` as for parsing (Markdown; a template to read it under); findings a reviewer `dismissed` are left
 * as they are.
 */
export function fixAllText(
  text: string,
  options: ParseOptions = {},
  dismissed: readonly Dismissal[] = [],
): FixAllResult {
  let current = text;
  let applied = 0;
  const byStage: number[] = [];
  for (let step = 0; step < MAX_STEPS; step++) {
    const report = parseReport(current, options);
    const staged: { stage: number; code: string; data: FixData }[] = [];
    const skip = dismissedBy(report, dismissed);
    for (const f of checkReport(report)) {
      if (skip(f)) continue;
      const stage = fixAllStageOf(f);
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
      if (used) {
        applied++;
        byStage[first] = (byStage[first] ?? 0) + 1;
      }
    }
    const next = edits.length > 0 ? applyEdits(current, edits) : current;
    if (next === current) break;
    current = next;
  }
  return { text: current, applied, byStage };
}

/** The text with every safe fix applied. */
export function fixAll(text: string, markdown: boolean): string {
  return fixAllText(text, { markdown }).text;
}

/** What each stage fixes, in the words of the summary. */
const STAGE_WORDS = ['空白填 0', '错格', '总计', '总计'];

/**
 * What fix-all did, in a sentence: `已修复 3 处（空白填 0 1 处，总计 2 处），仍有 2 个问题需人工处理`, or
 * `没有可自动修复的问题`. `remaining`: the errors and warnings a re-check of the fixed text finds.
 */
export function fixAllSummary(result: FixAllResult, remaining: number): string {
  const left = remaining > 0 ? `仍有 ${remaining} 个问题需人工处理` : '';
  if (result.applied === 0) return left ? `没有可自动修复的问题，${left}` : '没有可自动修复的问题';
  const counts = new Map<string, number>();
  result.byStage.forEach((n, stage) => {
    const words = STAGE_WORDS[stage] ?? '其他';
    if (n) counts.set(words, (counts.get(words) ?? 0) + n);
  });
  const parts = [...counts].map(([words, n]) => `${words} ${n} 处`).join('，');
  return `已修复 ${result.applied} 处（${parts}）${left ? `，${left}` : ''}`;
}
