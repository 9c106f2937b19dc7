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
  if (!rule?.fix || !isFixData(data)) return [];
  const fix = rule.fix(data, { text, template });
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
