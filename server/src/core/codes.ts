/**
 * What the rules report: findings with a stable code (a public contract: CLI JSON, the `nianbao.severity` setting,
 * the README; the codes and their default severities are in the rule registry, `rules/index.ts`), and the plain,
 * serialisable data their quick fixes need.
 */

import type { Span } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Another place that explains a finding. */
export interface Related {
  readonly span: Span;
  readonly message: string;
}

/** What a check found: code, message users read, where, and what its quick fix needs. */
export interface Finding {
  /** A rule's code (`rules/index.ts`). */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** Plain, serialisable data for the fix (see fixes.ts); absent when no fix is offered. */
  readonly data?: FixData;
  readonly related?: readonly Related[];
}

/** A span whose text must still be `expect` for a fix to apply: a stale fix changes nothing. */
export interface Guarded {
  readonly span: Span;
  readonly expect: string;
  /** For an empty span (an insertion point), the line around it, which must be unchanged too. */
  readonly context?: { readonly span: Span; readonly expect: string };
}

/**
 * Fix payloads, one shape per kind of fix. Insertions go before the guarded text at `at`, or after it when `after`.
 * Offsets are UTF-16 indices into the text the finding was made on. */
export type FixData =
  | { readonly fix: 'renumber'; readonly section: number; readonly target: Guarded }
  | { readonly fix: 'retitle'; readonly section: number; readonly target: Guarded }
  | { readonly fix: 'insert-section'; readonly section: number; readonly at: Guarded; readonly after: boolean }
  | {
      readonly fix: 'insert-table';
      readonly table: string;
      readonly at: Guarded;
      readonly after: boolean;
      readonly layout: string;
    }
  | {
      readonly fix: 'insert-row';
      readonly table: string;
      readonly row: string;
      readonly at: Guarded;
      readonly layout: string;
      /** White space that starts each line of the neighbouring row. */
      readonly indent: string;
      /** Blank cells before the label in pipe rows, to keep the column count. */
      readonly pad: number;
      readonly after: boolean;
    }
  | {
      readonly fix: 'relabel';
      readonly table: string;
      readonly row: string;
      readonly target: Guarded;
      readonly separator: string;
    }
  | { readonly fix: 'remove'; readonly targets: readonly Guarded[] }
  | {
      readonly fix: 'set-cell';
      readonly target: Guarded;
      readonly value: string;
      /** What the cell is; fix-all mends addends first, then row totals, then column totals. */
      readonly role: 'addend' | 'row-total' | 'column-total';
      readonly cell: string;
    }
  | {
      readonly fix: 'fill-zero';
      readonly target: Guarded;
      readonly cell: string;
      /** Every blank of the table, this one included. */
      readonly tableBlanks: readonly Guarded[];
      /** A block of whole blank columns this cell opens: the fix fills the block. */
      readonly block?: readonly Guarded[];
    }
  | { readonly fix: 'set-number'; readonly target: Guarded; readonly value: string; readonly cell: string };

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  /** What the fix does, as the quick-fix menu shows it. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix is the obvious one for its finding. */
  readonly preferred: boolean;
}
