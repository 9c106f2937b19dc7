/**
 * Quick fixes: a finding's code and fix data -> text edits. The rule with that code computes them from its data
 * only, never from the message. Every fix first checks that the text it changes is still what the finding saw; when
 * the text has moved on, it offers nothing rather than a wrong edit.
 */

import type { Fix, FixData, TextEdit } from './codes';
import { ruleFor } from './rules/index';
import { DEFAULT_TEMPLATE, type Template } from './templates/index';

export { applyEdits } from './edits';
export type { Fix, TextEdit };

/** The fixes for a finding with this code and data, computed against the current text. */
export function fixesFor(code: unknown, data: unknown, text: string, template: Template = DEFAULT_TEMPLATE): Fix[] {
  const rule = typeof code === 'string' ? ruleFor(code) : undefined;
  if (!rule?.fix || !isFixData(data, text)) return [];
  const fix = rule.fix(data, { text, template });
  return fix === undefined ? [] : Array.isArray(fix) ? fix : [fix];
}

/** Most characters a name shown in a fix's title may have, and a number's digits. */
const MAX_NAME = 200;
const NUMBER = /^\d{1,15}(\.\d{1,6})?$/u;

type Fields = Record<string, unknown>;

/** A span inside the text, ordered, with the text it expects no longer than itself. */
function isGuard(g: unknown, text: string): boolean {
  if (typeof g !== 'object' || g === null) return false;
  const x = g as Fields;
  const s = x['span'] as Fields | undefined;
  if (typeof s !== 'object' || s === null) return false;
  const start = s['start'];
  const end = s['end'];
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return false;
  if ((start as number) < 0 || (start as number) > (end as number) || (end as number) > text.length) return false;
  if (typeof x['expect'] !== 'string' || x['expect'].length !== (end as number) - (start as number)) return false;
  return x['context'] === undefined || isGuard(x['context'], text);
}

/** Guards in text order that do not overlap: edits a client can apply together. */
function areGuards(list: unknown, text: string): boolean {
  if (!Array.isArray(list) || list.length > text.length + 1) return false;
  let end = -1;
  for (const g of list) {
    if (!isGuard(g, text)) return false;
    const span = (g as { span: { start: number; end: number } }).span;
    if (span.start < end || (span.start === end && span.start === span.end)) return false;
    end = span.end;
  }
  return true;
}

const isName = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_NAME;
const isIndex = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) < 1000;

/**
 * Blank cells a new row may need before its label: none but in layouts that keep their column count, and there no
 * more than the widest row of the text has (the most bars on a line; the HTML cells of the whole text).
 */
function isPad(pad: unknown, layout: unknown, text: string): boolean {
  if (!Number.isSafeInteger(pad) || (pad as number) < 0) return false;
  if (pad === 0) return true;
  let widest = 0;
  if (layout === 'pipe') {
    let bars = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 124) bars++;
      else if (c === 10) bars = 0;
      if (bars > widest) widest = bars;
    }
  } else if (layout === 'html') {
    const cell = /<t[dh]\b/giu;
    while (cell.exec(text)) widest++;
  }
  return (pad as number) <= widest;
}

/**
 * Data that came back from a client is checked before a fix reads it: its shape, and every number bounded by the
 * document (spans inside the text and ordered, a pad no wider than the row beside it, names and indents short).
 * Anything else gives no action.
 */
function isFixData(v: unknown, text: string): v is FixData {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Fields;
  switch (o['fix']) {
    case 'renumber':
    case 'retitle':
      return isIndex(o['section']) && isGuard(o['target'], text);
    case 'insert-section':
      return isIndex(o['section']) && isGuard(o['at'], text) && typeof o['after'] === 'boolean';
    case 'insert-table':
      return isName(o['table']) && isGuard(o['at'], text) && typeof o['after'] === 'boolean' && isName(o['layout']);
    case 'insert-row':
      return (
        isName(o['table']) &&
        isName(o['row']) &&
        isGuard(o['at'], text) &&
        typeof o['after'] === 'boolean' &&
        isName(o['layout']) &&
        typeof o['indent'] === 'string' &&
        /^[ \t\u3000]{0,64}$/u.test(o['indent']) &&
        isPad(o['pad'], o['layout'], text)
      );
    case 'relabel':
      return (
        isName(o['table']) &&
        isName(o['row']) &&
        isGuard(o['target'], text) &&
        typeof o['separator'] === 'string' &&
        o['separator'].length <= 66
      );
    case 'remove':
      return areGuards(o['targets'], text) && (o['targets'] as unknown[]).length > 0;
    case 'set-cell':
      return (
        isGuard(o['target'], text) &&
        typeof o['value'] === 'string' &&
        NUMBER.test(o['value']) &&
        ['addend', 'row-total', 'column-total'].includes(o['role'] as string) &&
        isName(o['cell'])
      );
    case 'fill-zero':
      return (
        isGuard(o['target'], text) &&
        isName(o['cell']) &&
        areGuards(o['tableBlanks'], text) &&
        (o['block'] === undefined || areGuards(o['block'], text))
      );
    case 'set-number':
      return (
        isGuard(o['target'], text) && typeof o['value'] === 'string' && NUMBER.test(o['value']) && isName(o['cell'])
      );
    default:
      return false;
  }
}
