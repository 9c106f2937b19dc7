/**
 * A rule: one finding code with its default severity, a one-line summary (the README, the settings, SARIF), the
 * check that finds it, and optionally its quick fix and its place in fix-all.
 */

import type { Fix, FixData, Related, Severity } from '../codes';
import type { Report, Span } from '../model';
import type { Grid } from '../sums';
import type { Template } from '../templates/index';

/** What a check reports; the registry adds the rule's code and severity. */
export interface Draft {
  readonly message: string;
  readonly span: Span;
  readonly data?: FixData;
  readonly related?: readonly Related[];
  /** A severity other than the rule's default, for this finding only. */
  readonly severity?: Severity;
}

/** What every check reads: the report and its template, its tables' numbers, and what other checks found. */
export interface CheckContext {
  readonly report: Report;
  readonly template: Template;
  /** The tables' numbers, read once. */
  readonly grids: readonly Grid[];
  /** Cells the sums found wrong (by the cell's offset) with their right value: prose that states it agrees. */
  readonly corrections: ReadonlyMap<number, number>;
  /** A value several rules of one family compute once per check: built on first use. */
  shared<T>(key: object, build: (ctx: CheckContext) => T): T;
}

/** What a quick fix reads besides its data: the current text and the template the finding was made under. */
export interface FixContext {
  readonly text: string;
  readonly template: Template;
}

export interface Rule {
  /** Stable code, never renamed. */
  readonly code: string;
  readonly severity: Severity;
  /** One line in Chinese: the README, the settings' description, SARIF's rule text. */
  readonly summary: string;
  readonly check: (ctx: CheckContext) => readonly Draft[];
  /** The fixes for one finding of this rule, computed against the current text; none when the text moved on. */
  readonly fix?: (data: FixData, ctx: FixContext) => Fix | Fix[] | undefined;
  /** Fix-all applies this finding's fix at this stage (lower first), or never when undefined. */
  readonly fixAllStage?: (data: FixData) => number | undefined;
}
