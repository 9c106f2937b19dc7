/**
 * Quick fixes: a finding's code and fix data -> text edits. A fix dispatches on the code and reads only its data,
 * never the message. Every fix first checks that the text it changes is still what the finding saw; when the text
 * has moved on, it offers nothing rather than a wrong edit.
 */

import { isCode, type Code, type FixData, type Guarded } from './codes';
import type { Layout } from './model';
import { renderRow, renderTable } from './render';
import { SECTIONS, TABLES, officialHeading, rowName, type TableId } from './template';

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

function holds(
  text: string,
  g: { span: { start: number; end: number }; expect: string; context?: Guarded['context'] },
): boolean {
  const at = g.span.start >= 0 && g.span.end <= text.length && text.slice(g.span.start, g.span.end) === g.expect;
  return at && (g.context === undefined || holds(text, g.context));
}

function isLayout(v: string): v is Layout {
  return v === 'tab' || v === 'cells' || v === 'pipe' || v === 'html';
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Inserts a block of whole lines before the guarded line, or after it. */
function insertLines(text: string, at: Guarded, after: boolean, block: string, blankAround: boolean): TextEdit {
  const eol = eolOf(text);
  const lines = block.replace(/\n$/u, '').split('\n').join(eol);
  const gap = blankAround ? eol : '';
  if (after) {
    // After a line's text: a line break first. At the start of a line (the end of a text ending in one): after.
    const atLineStart = at.span.end > 0 && text[at.span.end - 1] === '\n';
    const newText = atLineStart ? `${gap}${lines}${eol}` : `${eol}${gap}${lines}`;
    return { start: at.span.end, end: at.span.end, newText };
  }
  return { start: at.span.start, end: at.span.start, newText: `${lines}${eol}${gap}` };
}

type Provider = (data: FixData, text: string) => Fix | Fix[] | undefined;

const providers: Record<Code, Provider | undefined> = {
  'section-numbering': (d, text) => {
    if (d.fix !== 'renumber' || !holds(text, d.target)) return undefined;
    const spec = SECTIONS[d.section];
    if (!spec) return undefined;
    const ordinal = `${spec.numeral}、`;
    return { title: `将序号改为“${ordinal}”`, edits: [{ ...d.target.span, newText: ordinal }], preferred: true };
  },
  'section-title': (d, text) => {
    if (d.fix !== 'retitle' || !holds(text, d.target)) return undefined;
    const spec = SECTIONS[d.section];
    if (!spec) return undefined;
    const heading = officialHeading(spec);
    return { title: `改为模板标题“${heading}”`, edits: [{ ...d.target.span, newText: heading }], preferred: true };
  },
  'section-missing': (d, text) => {
    if (d.fix !== 'insert-section' || !holds(text, d.at)) return undefined;
    const spec = SECTIONS[d.section];
    if (!spec) return undefined;
    const heading = officialHeading(spec);
    return {
      title: `插入章节标题“${heading}”`,
      edits: [insertLines(text, d.at, d.after, heading, true)],
      preferred: true,
    };
  },
  'table-missing': (d, text) => {
    if (d.fix !== 'insert-table' || !holds(text, d.at) || !isLayout(d.layout)) return undefined;
    const spec = TABLES.find((t) => t.id === d.table);
    if (!spec) return undefined;
    const block = renderTable(spec.id, d.layout);
    return {
      title: `按模板插入表格“${spec.name}”（数值为 0）`,
      edits: [insertLines(text, d.at, d.after, block, d.layout === 'cells')],
      preferred: true,
    };
  },
  'table-row-missing': (d, text) => {
    if (d.fix !== 'insert-row' || !holds(text, d.at) || !isLayout(d.layout)) return undefined;
    const spec = TABLES.find((t) => t.id === (d.table as TableId));
    const row = spec?.rows.find((r) => r.id === d.row);
    if (!spec || !row) return undefined;
    const block = renderRow(spec, row, d.layout, d.indent, d.pad);
    return {
      title: `按模板插入行“${rowName(spec, row)}”（数值为 0）`,
      edits: [insertLines(text, d.at, d.after, block, d.layout === 'cells')],
      preferred: true,
    };
  },
  'table-row-label': (d, text) => {
    if (d.fix !== 'relabel' || !holds(text, d.target)) return undefined;
    const spec = TABLES.find((t) => t.id === d.table);
    const row = spec?.rows.find((r) => r.id === d.row);
    if (!spec || !row) return undefined;
    const verb = d.target.expect.length === 0 ? '补上行标签' : '改为模板标签';
    return {
      title: `${verb}“${row.label}”`,
      edits: [{ ...d.target.span, newText: row.label + d.separator }],
      preferred: true,
    };
  },
  'text-artifact': (d, text) => {
    if (d.fix !== 'remove' || d.targets.length === 0 || !d.targets.every((t) => holds(text, t))) return undefined;
    const shown = d.targets.map((t) => t.expect.trim()).join(' … ');
    return {
      title: `删除转换残留“${shown.length > 30 ? `${shown.slice(0, 30)}…` : shown}”`,
      edits: d.targets.map((t) => ({ ...t.span, newText: '' })),
      preferred: true,
    };
  },
  'table-total': (d, text) => {
    if (d.fix !== 'set-cell' || !holds(text, d.target)) return undefined;
    return {
      title: `将“${d.cell}”改为 ${d.value}`,
      edits: [{ ...d.target.span, newText: d.value }],
      preferred: true,
    };
  },
  'table-cell-missing': (d, text) => {
    if (d.fix !== 'fill-zero' || !holds(text, d.target)) return undefined;
    const fixes: Fix[] = [{ title: `“${d.cell}”填 0`, edits: [{ ...d.target.span, newText: '0' }], preferred: true }];
    if (d.tableBlanks.length > 1 && d.tableBlanks.every((g) => holds(text, g))) {
      fixes.push({
        title: `本表 ${d.tableBlanks.length} 处空缺都填 0`,
        edits: d.tableBlanks.map((g) => ({ ...g.span, newText: '0' })),
        preferred: false,
      });
    }
    return fixes;
  },
  'prose-mismatch': (d, text) => {
    if (d.fix !== 'set-number' || !holds(text, d.target)) return undefined;
    return {
      title: `按表格改为 ${d.value}（${d.cell}）`,
      edits: [{ ...d.target.span, newText: d.value }],
      preferred: true,
    };
  },
  'section-order': undefined,
  'section-duplicate': undefined,
  'section-empty': undefined,
  'table-row-unknown': undefined,
  'table-cell-extra': undefined,
  'table-cell-invalid': undefined,
  'table-old-format': undefined,
  'table-balance': undefined,
  'fee-not-reported': undefined,
  'year-mismatch': undefined,
};

/** The fixes for a finding with this code and data, computed against the current text. */
export function fixesFor(code: unknown, data: unknown, text: string): Fix[] {
  if (!isCode(code) || !isFixData(data)) return [];
  const fix = providers[code]?.(data, text);
  return fix === undefined ? [] : Array.isArray(fix) ? fix : [fix];
}

function isGuard(g: unknown): boolean {
  if (typeof g !== 'object' || g === null) return false;
  const x = g as Record<string, unknown>;
  const s = x['span'] as Record<string, unknown> | undefined;
  const spanOk = typeof s === 'object' && s !== null && Number.isInteger(s['start']) && Number.isInteger(s['end']);
  return typeof x['expect'] === 'string' && spanOk && (x['context'] === undefined || isGuard(x['context']));
}

/** Data that came back from a client is checked for shape before a fix reads it. */
function isFixData(v: unknown): v is FixData {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  switch (o['fix']) {
    case 'renumber':
    case 'retitle':
      return typeof o['section'] === 'number' && isGuard(o['target']);
    case 'insert-section':
      return typeof o['section'] === 'number' && isGuard(o['at']) && typeof o['after'] === 'boolean';
    case 'insert-table':
      return (
        typeof o['table'] === 'string' &&
        isGuard(o['at']) &&
        typeof o['after'] === 'boolean' &&
        typeof o['layout'] === 'string'
      );
    case 'insert-row':
      return (
        typeof o['table'] === 'string' &&
        typeof o['row'] === 'string' &&
        isGuard(o['at']) &&
        typeof o['after'] === 'boolean' &&
        typeof o['layout'] === 'string' &&
        typeof o['indent'] === 'string' &&
        typeof o['pad'] === 'number'
      );
    case 'relabel':
      return (
        typeof o['table'] === 'string' &&
        typeof o['row'] === 'string' &&
        isGuard(o['target']) &&
        typeof o['separator'] === 'string'
      );
    case 'remove':
      return Array.isArray(o['targets']) && (o['targets'] as unknown[]).every(isGuard);
    case 'set-cell':
      return (
        isGuard(o['target']) &&
        typeof o['value'] === 'string' &&
        typeof o['role'] === 'string' &&
        typeof o['cell'] === 'string'
      );
    case 'fill-zero':
      return (
        isGuard(o['target']) &&
        typeof o['cell'] === 'string' &&
        Array.isArray(o['tableBlanks']) &&
        (o['tableBlanks'] as unknown[]).every(isGuard)
      );
    case 'set-number':
      return isGuard(o['target']) && typeof o['value'] === 'string' && typeof o['cell'] === 'string';
    default:
      return false;
  }
}

/** Applies non-overlapping edits to a text (for tests, the CLI and fix-all). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
