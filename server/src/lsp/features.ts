/** Requests on a checked document: outline, hover, inlay hints, folding, code actions, check-as-report. */

import { CodeAction, CodeActionKind, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
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
  DISMISS_COMMAND,
  type DismissArgs,
} from '../service';
import { addDismissal } from '../dismissals';
import { TABLES_CSS } from '../render/tables';
import {
  CHECK_AS_REPORT,
  CHECK_WORKSPACE,
  FIX_ALL,
  FIX_ALL_KIND,
  TABLES,
  WORKSPACE_REPORTS,
  type TablesResult,
} from '../protocol';

/** Documents longer than this get fix-all in the light bulb only when asked for as a source action. */
const LIGHT_BULB_LIMIT = 500_000;
import type { DiagnosticsPublisher } from './diagnostics';
import { reportPathOf, type ServerState } from './state';

export function registerFeatures(state: ServerState, diagnostics: DiagnosticsPublisher): void {
  const { connection } = state;

  connection.onDocumentSymbol(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    if (!a) return [];
    const uri = p.textDocument.uri;
    const options = await state.optionsFor(uri);
    const cross = state.index.crossYear(uri, reportPathOf(uri), a, options);
    return state.positions(a).symbols(toSymbols(a, options, cross));
  });

  connection.onHover(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    if (!a) return null;
    const at = state.positions(a);
    const h = toHover(a, at.in(p.position));
    return h ? at.hover(h) : null;
  });

  connection.languages.inlayHint.on(async (p) => {
    const a = await state.analysisOf(p.textDocument.uri);
    if (!a) return [];
    const at = state.positions(a);
    return at.inlayHints(toInlayHints(a, await state.optionsFor(p.textDocument.uri), at.inRange(p.range)));
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
    const dismissable = reportPathOf(p.textDocument.uri) !== undefined;
    const at = state.positions(a);
    // The client's diagnostics, their ranges counted as the server counts; the actions name the client's own.
    const theirs = new Map<Diagnostic, Diagnostic>();
    for (const d of p.context.diagnostics) theirs.set({ ...d, range: at.inRange(d.range) }, d);
    const quick = wants(CodeActionKind.QuickFix)
      ? toCodeActions(a, p.textDocument.uri, [...theirs.keys()], dismissable)
      : [];
    const actions = at.codeActions(
      quick.map((x) => (x.diagnostics ? { ...x, diagnostics: x.diagnostics.map((d) => theirs.get(d) ?? d) } : x)),
      p.textDocument.uri,
    );
    // Fix-all re-checks the text several times: when a source action is asked for, or in the light bulb when more
    // than one finding of the document has a safe fix (a report of ordinary size).
    if (only && wants(FIX_ALL_KIND)) {
      const all = toFixAll(a, p.textDocument.uri, options);
      if (all) actions.push(at.codeActions([all], p.textDocument.uri)[0]!);
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
        if (all) actions.push(at.codeActions([all], p.textDocument.uri)[0]!);
      }
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const uri = (action.data as { fixAll?: unknown } | undefined)?.fixAll;
    if (typeof uri !== 'string') return action;
    const a = await state.analysisOf(uri);
    const all = a ? toFixAll(a, uri, await state.optionsFor(uri), CodeActionKind.QuickFix) : undefined;
    return all && a ? state.positions(a).codeActions([all], uri)[0]! : action;
  });

  connection.onRequest(FIX_ALL, async (p: { uri?: unknown }) => {
    if (typeof p?.uri !== 'string') return { edits: [], message: '不是年度报告，没有可自动修复的问题' };
    const a = await state.analysisOf(p.uri);
    if (!a) return { edits: [], message: '不是年度报告，没有可自动修复的问题' };
    const r = toFixAllEdits(a, await state.optionsFor(p.uri));
    return { ...r, edits: state.positions(a).edits(r.edits) };
  });

  connection.onExecuteCommand(async (p) => {
    if (p.command !== DISMISS_COMMAND) return undefined;
    const args = p.arguments?.[0] as Partial<DismissArgs> | undefined;
    const str = (v: unknown): v is string => typeof v === 'string';
    if (!args || !str(args.uri) || !str(args.code) || !str(args.at) || !str(args.text) || !str(args.message))
      return undefined;
    const file = reportPathOf(args.uri);
    if (file === undefined) {
      void connection.window.showErrorMessage('年报校对：只有保存在本机的文件才能记录已核实的问题');
      return undefined;
    }
    const today = new Date().toISOString().slice(0, 10);
    const r = addDismissal(state.dismissals, file, { ...args, code: args.code, at: args.at, text: args.text }, today);
    if ('error' in r) {
      void connection.window.showErrorMessage(`年报校对：${r.error}`);
      return undefined;
    }
    diagnostics.scheduleAll();
    if (state.client.refreshInlays) void connection.languages.inlayHint.refresh();
    return r.path;
  });

  connection.onRequest(WORKSPACE_REPORTS, () => ({
    reports: state.index.reports(),
    pending: state.index.pending,
  }));

  connection.onRequest(CHECK_WORKSPACE, async () => {
    await state.index.scan();
    const saved = state.index.savedDiagnostics();
    let errors = 0;
    let warnings = 0;
    for (const { diagnostics: ds } of saved) {
      for (const d of ds) {
        if (d.severity === DiagnosticSeverity.Error) errors++;
        else if (d.severity === DiagnosticSeverity.Warning) warnings++;
      }
    }
    diagnostics.showWorkspace(saved);
    return { reports: saved.length, errors, warnings };
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
    diagnostics.recheck(p.uri);
    return state.documents.get(p.uri) !== undefined;
  });
}
