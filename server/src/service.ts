/**
 * The report service: text documents in, LSP data out. Knows LSP types but no connection; the server and the CLI
 * both use it. `createReportService` parses once per document version (a cache by URI and version) and hands the
 * result to every feature; the plain functions below are the features themselves.
 */

import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  FoldingRangeKind,
  SymbolKind,
  MarkupKind,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver-types';
import type { Finding, Severity } from './core/codes';
import { looksLikeReport } from './core/detect';
import { dismissedBy, fingerprint, type Dismissal } from './core/dismiss';
import { fixAllStageOf, fixAllSummary, fixAllText } from './core/fixall';
import { fixesFor, type TextEdit } from './core/fixes';
import { hoverAt } from './core/hover';
import { corrections, tablesView } from './core/tableview';
import { renderTables } from './render/tables';
import { inlayHints } from './core/inlay';
import { positionAt, splitLines } from './core/lines';
import type { Report, Span } from './core/model';
import { outline, type OutlineNode } from './core/outline';
import { parseReport } from './core/parse/index';
import { checkReport, isCode } from './core/rules/index';
import { templateById, type Template } from './core/templates/index';
import { FIX_ALL_DONE, FIX_ALL_KIND, LANGUAGE_ID } from './protocol';

export const SOURCE = 'nianbao';

/** Settings, read per document and mapped once to this shape. */
export interface Options {
  /** Check plain-text and Markdown documents that look like reports. */
  readonly detection: boolean;
  /** Severity per code; `off` drops the code's findings. */
  readonly severity: Readonly<Partial<Record<string, Severity | 'off'>>>;
  /** Show the expected value after a wrong total. */
  readonly inlayHints: boolean;
  /** Findings a reviewer dismissed (`.nianbao.json` beside the report): not shown, not fixed. */
  readonly dismissed: readonly Dismissal[];
}

export const DEFAULT_OPTIONS: Options = { detection: true, severity: {}, inlayHints: true, dismissed: [] };

const SEVERITY_NAMES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Maps raw settings (whatever the client sent) to options; unknown codes and values are ignored. */
export function toOptions(raw: unknown): Options {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_OPTIONS;
  const o = raw as Record<string, unknown>;
  const detectionRaw = (o['detection'] as Record<string, unknown> | undefined)?.['enabled'] ?? o['detection.enabled'];
  const severity: Partial<Record<string, Severity | 'off'>> = {};
  const sev = o['severity'];
  if (typeof sev === 'object' && sev !== null) {
    for (const [k, v] of Object.entries(sev as Record<string, unknown>)) {
      if (isCode(k) && typeof v === 'string' && SEVERITY_NAMES.has(v)) severity[k] = v as Severity | 'off';
    }
  }
  const inlayRaw = (o['inlayHints'] as Record<string, unknown> | undefined)?.['enabled'];
  return {
    detection: typeof detectionRaw === 'boolean' ? detectionRaw : true,
    severity,
    inlayHints: typeof inlayRaw === 'boolean' ? inlayRaw : true,
    dismissed: [],
  };
}

export interface Analysis {
  readonly report: Report;
  readonly findings: readonly Finding[];
}

/** Parses and checks a text. The core never throws; this is its one entry point. */
export function analyze(text: string, markdown: boolean, template?: Template): Analysis {
  const report = parseReport(text, { markdown, ...(template ? { template } : {}) });
  return { report, findings: checkReport(report) };
}

/**
 * An analysis that crossed a thread as a structured clone: its template is the same data but not the same object;
 * it is put back, so what is built once per template (label indexes, patterns) is found again.
 */
export function revive(analysis: Analysis): Analysis {
  const template = templateById(analysis.report.template.id) ?? analysis.report.template;
  return { ...analysis, report: { ...analysis.report, template } };
}

/** A document as the service sees it (an LSP `TextDocument` is one). */
export interface DocumentLike {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

export interface ReportServiceInit {
  /** Analyses large documents elsewhere (a worker thread); the service calls it for texts of `offloadAt` or more. */
  readonly offload?: (text: string, markdown: boolean) => Promise<Analysis>;
  readonly offloadAt?: number;
}

/** The analyses of open documents, one per URI and version, shared by every request on that version. */
export interface ReportService {
  analysis(doc: DocumentLike): Promise<Analysis>;
  forget(uri: string): void;
}

export function createReportService(init: ReportServiceInit = {}): ReportService {
  const entries = new Map<string, { version: number; analysis: Promise<Analysis> }>();
  const limit = init.offloadAt ?? Infinity;
  return {
    analysis(doc) {
      const hit = entries.get(doc.uri);
      if (hit && hit.version === doc.version) return hit.analysis;
      const text = doc.getText();
      const markdown = isMarkdown(doc.languageId, doc.uri);
      const analysis =
        init.offload && text.length >= limit
          ? init.offload(text, markdown).then(revive)
          : Promise.resolve(analyze(text, markdown));
      entries.set(doc.uri, { version: doc.version, analysis });
      // A failed analysis is not kept: the next request tries again.
      analysis.catch(() => {
        if (entries.get(doc.uri)?.analysis === analysis) entries.delete(doc.uri);
      });
      return analysis;
    },
    forget(uri) {
      entries.delete(uri);
    },
  };
}

/** The severity a finding shows with under these options, or undefined when its code is off. */
export function effectiveSeverity(f: Finding, options: Options): Severity | undefined {
  const s = options.severity[f.code] ?? f.severity;
  return s === 'off' ? undefined : s;
}

/** A finding's severity as LSP numbers it. */
export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(report: Report, span: Span): Range {
  return { start: positionAt(report.lineStarts, span.start), end: positionAt(report.lineStarts, span.end) };
}

/** The findings as the options show them: codes that are off and dismissed findings dropped, severities overridden. */
export function shownFindings(analysis: Analysis, options: Options): Finding[] {
  const out: Finding[] = [];
  const dismissed = dismissedBy(analysis.report, options.dismissed);
  for (const f of analysis.findings) {
    if (dismissed(f)) continue;
    const severity = effectiveSeverity(f, options);
    if (severity) out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

/** Findings as LSP diagnostics, severities as the options say. */
export function toDiagnostics(analysis: Analysis, options: Options, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of shownFindings(analysis, options)) {
    const severity = f.severity;
    const d: Diagnostic = {
      range: toRange(analysis.report, f.span),
      severity: LSP_SEVERITY[severity],
      code: f.code,
      source: SOURCE,
      message: f.message,
    };
    if (f.data) d.data = f.data;
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r) => ({
        location: { uri, range: toRange(analysis.report, r.span) },
        message: r.message,
      }));
    }
    out.push(d);
  }
  return out;
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  subheading: SymbolKind.String,
  table: SymbolKind.Struct,
  rows: SymbolKind.Field,
};

/**
 * The outline; `more`: diagnostics found outside the report (against last year's), counted with its own findings so
 * each node's count is what Problems shows.
 */
export function toSymbols(
  analysis: Analysis,
  options: Options = DEFAULT_OPTIONS,
  more: readonly Diagnostic[] = [],
): DocumentSymbol[] {
  const convert = (n: OutlineNode): DocumentSymbol => ({
    name: n.name,
    detail: n.detail,
    kind: SYMBOL_KIND[n.kind],
    range: toRange(analysis.report, n.span),
    selectionRange: toRange(analysis.report, n.selection),
    children: n.children.map(convert),
  });
  const findings = shownFindings(analysis, options);
  for (const d of more) {
    const start = offsetAt(analysis.report, d.range.start);
    findings.push({
      code: String(d.code),
      severity: d.severity === DiagnosticSeverity.Error ? 'error' : 'warning',
      message: d.message,
      span: { start, end: offsetAt(analysis.report, d.range.end) },
    });
  }
  return outline(analysis.report, findings).map(convert);
}

export function toFoldingRanges(analysis: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (span: Span): void => {
    const a = positionAt(analysis.report.lineStarts, span.start).line;
    const b = positionAt(analysis.report.lineStarts, span.end).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  };
  for (const s of analysis.report.sections) add(s.span);
  for (const t of analysis.report.tables) add(t.span);
  return out;
}

function toTextEdits(report: Report, edits: readonly TextEdit[]): { range: Range; newText: string }[] {
  return edits.map((e) => ({ range: toRange(report, e), newText: e.newText }));
}

/** The command a dismiss quick fix runs (the server's): `[DismissArgs]`. */
export const DISMISS_COMMAND = 'nianbao.dismiss';

export const DISMISS_TITLE = '已核实，忽略此问题';

/** What the dismiss command records: the document, and the finding as `.nianbao.json` keeps it. */
export interface DismissArgs extends Dismissal {
  readonly uri: string;
  readonly message: string;
}

/**
 * Quick fixes for the diagnostics the client sent, computed against the document's current text. `dismissable`: the
 * document is a file, beside which a reviewer's dismissals can be kept; each finding then also gets “已核实，忽略此问题”.
 */
export function toCodeActions(
  analysis: Analysis,
  uri: string,
  diagnostics: readonly Diagnostic[],
  dismissable = false,
): CodeAction[] {
  const out: CodeAction[] = [];
  const report = analysis.report;
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    for (const fix of fixesFor(d.code, d.data, report.text, report.template)) {
      const action = CodeAction.create(
        fix.title,
        { changes: { [uri]: toTextEdits(report, fix.edits) } },
        CodeActionKind.QuickFix,
      );
      action.diagnostics = [d];
      action.isPreferred = fix.preferred;
      out.push(action);
    }
    if (!dismissable) continue;
    // The finding on the current text: same code, same place (a diagnostic of an older version gets no action).
    const f = analysis.findings.find(
      (x) => x.code === d.code && x.message === d.message && sameRange(toRange(report, x.span), d.range),
    );
    if (!f) continue;
    const args: DismissArgs = { uri, code: f.code, ...fingerprint(report, f), message: f.message };
    const action = CodeAction.create(
      DISMISS_TITLE,
      { title: DISMISS_TITLE, command: DISMISS_COMMAND, arguments: [args] },
      CodeActionKind.QuickFix,
    );
    action.diagnostics = [d];
    out.push(action);
  }
  return out;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export function toHover(analysis: Analysis, position: Position): Hover | undefined {
  // The cells the checks found wrong and what they should be: the hover of a right total then says so.
  const info = hoverAt(analysis.report, offsetAt(analysis.report, position), corrections(analysis.findings));
  if (!info) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: info.contents }, range: toRange(analysis.report, info.span) };
}

/** The report's tables drawn as HTML, findings as the options show them (the preview). */
export function toTablesHtml(analysis: Analysis, options: Options): string {
  return renderTables(tablesView(analysis.report, shownFindings(analysis, options)));
}

export function toInlayHints(analysis: Analysis, options: Options, range: Range): InlayHint[] {
  if (!options.inlayHints) return [];
  const hints: InlayHint[] = [];
  for (const h of inlayHints(shownFindings(analysis, options))) {
    const position = positionAt(analysis.report.lineStarts, h.offset);
    if (position.line < range.start.line || position.line > range.end.line) continue;
    hints.push({ position, label: h.label, tooltip: h.tooltip, paddingLeft: true });
  }
  return hints;
}

/** How many errors and warnings a text holds, severities as the options say: what is left for a person. */
export function problemsIn(text: string, markdown: boolean, options: Options, template?: Template): number {
  return shownFindings(analyze(text, markdown, template), options).filter(
    (f) => f.severity === 'error' || f.severity === 'warning',
  ).length;
}

/** How many findings of a document a fix-all stage would fix (its safe fixes). */
export function safelyFixable(analysis: Analysis): number {
  let n = 0;
  for (const f of analysis.findings) if (fixAllStageOf(f) !== undefined) n++;
  return n;
}

/** Fix-all on a document: its edits (one per changed line) and what it did, in a sentence. */
export interface FixAllEdits {
  readonly edits: LspTextEdit[];
  readonly message: string;
}

/** Every safe fix of a document, as edits, and the summary a user reads (remaining problems as the options show them). */
export function toFixAllEdits(analysis: Analysis, options: Options): FixAllEdits {
  const report = analysis.report;
  const before = report.text;
  const result = fixAllText(before, { markdown: report.markdown, template: report.template }, options.dismissed);
  const after = result.text;
  const message = fixAllSummary(result, problemsIn(after, report.markdown, options, report.template));
  if (after === before) return { edits: [], message };
  const a = splitLines(before);
  const b = splitLines(after);
  const edits =
    a.length === b.length
      ? a.flatMap((line, i) =>
          line.text === b[i]!.text
            ? []
            : [{ range: toRange(report, { start: line.start, end: line.end }), newText: b[i]!.text }],
        )
      : [{ range: toRange(report, { start: 0, end: before.length }), newText: after }];
  return { edits, message };
}

export const FIX_ALL_TITLE = '年报校对：修复全部可自动修复的问题';

/** Fix-all as one source action (or, in the light bulb, a quick fix), undefined when it would change nothing. */
export function toFixAll(
  analysis: Analysis,
  uri: string,
  options: Options,
  kind: string = FIX_ALL_KIND,
): CodeAction | undefined {
  const { edits, message } = toFixAllEdits(analysis, options);
  if (edits.length === 0) return undefined;
  const action = CodeAction.create(FIX_ALL_TITLE, { changes: { [uri]: edits } }, kind);
  // The editor says what was done once the edit is applied.
  action.command = { title: message, command: FIX_ALL_DONE, arguments: [message] };
  return action;
}

function offsetAt(report: Report, p: Position): number {
  const start = report.lineStarts[Math.min(p.line, report.lineStarts.length - 1)] ?? 0;
  return Math.min(start + p.character, report.text.length);
}

/**
 * Whether a document should be checked: its own language always; any other language id when detection says it is a
 * report (editors name plain text differently: `plaintext`, Neovim's `text`, `txt`, or nothing special); or because
 * the user asked.
 */
export function shouldCheck(languageId: string, text: string, options: Options, forced: boolean): boolean {
  if (forced) return true;
  if (languageId === LANGUAGE_ID) return true;
  return options.detection && looksLikeReport(text);
}

export function isMarkdown(languageId: string, uri: string): boolean {
  return languageId === 'markdown' || /\.(md|markdown)$/iu.test(uri);
}
