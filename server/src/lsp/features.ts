/** Requests on a checked document: outline, hover, inlay hints, folding, code actions, check-as-report. */

import { CodeActionKind } from 'vscode-languageserver/node';
import { toCodeActions, toFixAll, toFoldingRanges, toHover, toInlayHints, toSymbols } from '../service';
import { CHECK_AS_REPORT, FIX_ALL_KIND } from '../protocol';
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
    const actions = wants(CodeActionKind.QuickFix) ? toCodeActions(a, p.textDocument.uri, p.context.diagnostics) : [];
    // Fix-all re-checks the text several times: only when a source action is asked for.
    if (only && wants(FIX_ALL_KIND)) {
      const all = toFixAll(a, p.textDocument.uri);
      if (all) actions.push(all);
    }
    return actions;
  });

  connection.onRequest(CHECK_AS_REPORT, (p: { uri?: unknown }) => {
    if (typeof p?.uri !== 'string') return false;
    state.forced.add(p.uri);
    diagnostics.schedule(p.uri, 0);
    return state.documents.get(p.uri) !== undefined;
  });
}
