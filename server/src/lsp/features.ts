/** Requests on a checked document: outline, hover, inlay hints, folding, code actions, check-as-report. */

import { CodeAction, CodeActionKind } from 'vscode-languageserver/node';
import {
  safelyFixable,
  toCodeActions,
  toFixAll,
  toFixAllEdits,
  FIX_ALL_TITLE,
  toFoldingRanges,
  toHover,
  toInlayHints,
  toSymbols,
  toTablesHtml,
} from '../service';
import { TABLES_CSS } from '../render/tables';
import { CHECK_AS_REPORT, FIX_ALL, FIX_ALL_KIND, TABLES, type TablesResult } from '../protocol';

/** Documents longer than this get fix-all in the light bulb only when asked for as a source action. */
const LIGHT_BULB_LIMIT = 500_000;
import type { DiagnosticsPublisher } from './diagnostics';
import type { ServerState } from './state';

export function registerFeatures(state: ServerState, diagnostics: DiagnosticsPublisher): void {
  const { connection } = state;

  connection.onDocumentSymbol(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    return a ? toSymbols(a, await state.optionsFor(p.textDocument.uri)) : [];
  });

  connection.onHover(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    return (a && toHover(a, p.position)) ?? null;
  });

  connection.languages.inlayHint.on(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    return a ? toInlayHints(a, await state.optionsFor(p.textDocument.uri), p.range) : [];
  });

  connection.onFoldingRanges(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    return a ? toFoldingRanges(a) : [];
  });

  connection.onCodeAction(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    if (!a) return [];
    const only = p.context.only;
    const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const options = await state.optionsFor(p.textDocument.uri);
    const actions = wants(CodeActionKind.QuickFix) ? toCodeActions(a, p.textDocument.uri, p.context.diagnostics) : [];
    // Fix-all re-checks the text several times: when a source action is asked for, or in the light bulb when more
    // than one finding of the document has a safe fix (a report of ordinary size).
    if (only && wants(FIX_ALL_KIND)) {
      const all = toFixAll(a, p.textDocument.uri, options);
      if (all) actions.push(all);
    } else if (
      wants(CodeActionKind.QuickFix) &&
      actions.length > 0 &&
      safelyFixable(a) > 1 &&
      a.report.text.length < LIGHT_BULB_LIMIT
    ) {
      // The light bulb is asked at every move of the cursor: a client that resolves actions gets the edit (and what it
      // does) only when the user picks it.
      if (state.client.resolveEdits) {
        actions.push({
          ...CodeAction.create(FIX_ALL_TITLE, CodeActionKind.QuickFix),
          data: { fixAll: p.textDocument.uri },
        });
      } else {
        const all = toFixAll(a, p.textDocument.uri, options, CodeActionKind.QuickFix);
        if (all) actions.push(all);
      }
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const uri = (action.data as { fixAll?: unknown } | undefined)?.fixAll;
    if (typeof uri !== 'string') return action;
    const a = await state.analysisOf(uri);
    const all = a ? toFixAll(a, uri, await state.optionsFor(uri), CodeActionKind.QuickFix) : undefined;
    return all ?? action;
  });

  connection.onRequest(FIX_ALL, async (p: { uri?: unknown }) => {
    if (typeof p?.uri !== 'string') return { edits: [], message: '不是年度报告，没有可自动修复的问题' };
    const a = await state.analysisOf(p.uri);
    if (!a) return { edits: [], message: '不是年度报告，没有可自动修复的问题' };
    return toFixAllEdits(a, await state.optionsFor(p.uri));
  });

  connection.onRequest(TABLES, async (p: { uri?: unknown }): Promise<TablesResult> => {
    if (typeof p?.uri !== 'string') return { error: '没有指定文档' };
    const doc = state.documents.get(p.uri);
    const a = await state.analysisOf(p.uri);
    if (!doc || !a) return { error: '此文档未作为年度报告检查' };
    return { html: toTablesHtml(a, await state.optionsFor(p.uri)), css: TABLES_CSS, version: doc.version };
  });

  connection.onRequest(CHECK_AS_REPORT, (p: { uri?: unknown }) => {
    if (typeof p?.uri !== 'string') return false;
    state.forced.add(p.uri);
    diagnostics.schedule(p.uri, 0);
    return state.documents.get(p.uri) !== undefined;
  });
}
