/**
 * The stable finding codes: a public contract (CLI JSON, the `nianbao.severity` setting, the README). A code is never
 * renamed; its default severity says how a reviewer weighs it — errors would be rejected, warnings are doubtful,
 * hints are style.
 */

import type { Span } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface CodeInfo {
  readonly severity: Severity;
  /** One line for the README and the settings' description. */
  readonly summary: string;
}

export const CODES = {
  'section-missing': { severity: 'error', summary: '缺少模板规定的章节（一至六）' },
  'section-order': { severity: 'error', summary: '章节顺序与模板不符' },
  'section-numbering': { severity: 'error', summary: '章节序号错误或缺失（如“5、”应为“五、”）' },
  'section-title': { severity: 'hint', summary: '章节标题使用条例用语或其他非模板标题' },
  'section-duplicate': { severity: 'error', summary: '同一章节出现两次' },
  'section-empty': { severity: 'error', summary: '章节没有内容（第五部分只写“无”也算）' },
  'table-missing': { severity: 'error', summary: '缺少模板规定的表格' },
  'table-row-missing': { severity: 'error', summary: '表格缺少模板规定的行' },
  'table-row-unknown': { severity: 'warning', summary: '数据行无法对应模板中的任何行（无标签或重复）' },
  'table-row-label': {
    severity: 'warning',
    summary: '行标签与模板不一致（如 2019 年的“规范性文件”），或缺少标签、按位置对应',
  },
  'table-cell-missing': { severity: 'error', summary: '单元格为空、为“/”或数值个数不足（应填 0）' },
  'table-cell-extra': { severity: 'error', summary: '一行的数值多于模板的列数' },
  'table-cell-invalid': { severity: 'error', summary: '单元格不是不小于 0 的整数（收费金额可为小数）' },
  'table-old-format': { severity: 'error', summary: '表格仍是 2019 年格式（国办公开办函〔2019〕60号）' },
  'text-artifact': { severity: 'warning', summary: '文档转换残留（[bookmark: …]、**、分隔线、重复的标题行）' },
  'table-total': { severity: 'error', summary: '总计与各项之和不符（三表的行合计、列合计，四表的小计）' },
  'table-balance': { severity: 'error', summary: '三表某列不符合勾稽关系：第一项加第二项之和，等于第三项加第四项之和' },
  'prose-mismatch': { severity: 'warning', summary: '正文中的数字与表格不一致' },
  'fee-not-reported': {
    severity: 'warning',
    summary: '第六部分未说明信息处理费的收取情况（（六）2 大于 0 时为错误）',
  },
  'year-mismatch': { severity: 'warning', summary: '标题年份、统计期限和“截至…12月31日”的年份不一致' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(value: unknown): value is Code {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CODES, value);
}

/** Another place that explains a finding. */
export interface Related {
  readonly span: Span;
  readonly message: string;
}

/** What a check found: code, message users read, where, and what its quick fix needs. */
export interface Finding {
  readonly code: Code;
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
    }
  | { readonly fix: 'set-number'; readonly target: Guarded; readonly value: string; readonly cell: string };

export function finding(
  code: Code,
  message: string,
  span: Span,
  extra: { data?: FixData; related?: Related[] } = {},
): Finding {
  return { code, severity: CODES[code].severity, message, span, ...extra };
}
