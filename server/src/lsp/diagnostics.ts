/**
 * Diagnostics, pushed or pulled. A client that can pull them (LSP 3.17 `textDocument/diagnostic`, as VS Code) asks for
 * a document's when it changes and for the workspace's; the server answers for the current version and asks it to ask
 * again (`workspace/diagnostic/refresh`) when something else changed: settings, dismissals, last year's report. Any
 * other client gets them pushed: checks debounced per document, published only for the version that is still current,
 * cleared when a document closes or stops being a report. The workspace check shows the reports that are not open
 * from their saved files: in the workspace pull, or pushed once per file.
 */

import {
  LSPErrorCodes,
  ResponseError,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { toDiagnostics, type Options } from '../service';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { REPORT_DETECTED } from '../protocol';
import { pageAt } from '../inputs/index';
import type { SavedDiagnostics } from './workspace';
import { reportPathOf, viewKey, type ServerState } from './state';

/** A document's diagnostics for one version, in the client's encoding. */
interface Diagnosed {
  readonly version: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * The quiet period between the last edit and a check scales with what a check of the document costs: a few times its
 * last analysis, at least `DEBOUNCE_MIN_MS` (keystrokes in a burst still coalesce), at most `DEBOUNCE_MS` (a 5 MB
 * document is not re-checked on every pause).
 */
export const DEBOUNCE_MS = 200;
export const DEBOUNCE_MIN_MS = 40;
const DEBOUNCE_FACTOR = 4;

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Set<string>();
  private readonly announced = new Set<string>();
  /** What the last check of each document cost, in ms. */
  private readonly cost = new Map<string, number>();
  /** Answers to pulls change when this does: settings, dismissals, the workspace's reports, a document closed. */
  private generation = 0;
  /** The workspace check was asked for: the workspace pull answers with the saved reports from then on. */
  private workspaceShown = false;

  constructor(private readonly state: ServerState) {
    const { documents } = state;
    // An opened document is checked at once; the content change its opening also fires adds no quiet period.
    const opening = new Set<string>();
    documents.onDidOpen((e) => {
      opening.add(e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    documents.onDidChangeContent((e) => {
      if (opening.delete(e.document.uri)) return;
      this.schedule(e.document.uri, this.quietPeriod(e.document.uri));
    });
    documents.onDidClose((e) => this.close(e.document.uri));
  }

  private get pull(): boolean {
    return this.state.client.pullDiagnostics;
  }

  /** The pull requests, for a client that pulls. */
  registerPull(): void {
    const { connection } = this.state;
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      const r = await this.diagnose(params.textDocument.uri);
      // An edit came while it was checked: the client asks again for the new version.
      if (r === 'stale' || token.isCancellationRequested)
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
      if (r === 'none') return { kind: 'full', items: [] };
      const resultId = `${r.version}:${this.generation}`;
      if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      return { kind: 'full', resultId, items: r.diagnostics };
    });
    connection.languages.diagnostics.onWorkspace((params): WorkspaceDiagnosticReport => {
      if (!this.workspaceShown) return { items: [] };
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      const open = this.openFiles();
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const saved of this.state.index.savedDiagnostics()) {
        // An open report is answered from its text, by the document pull.
        if (open.has(saved.path)) continue;
        const resultId = `${saved.stamp}:${this.generation}`;
        items.push(
          previous.get(saved.uri) === resultId
            ? { kind: 'unchanged', uri: saved.uri, version: null, resultId }
            : { kind: 'full', uri: saved.uri, version: null, resultId, items: saved.diagnostics },
        );
      }
      return { items };
    });
  }

  /** The files of the open documents (a view of a PDF names its file too). */
  private openFiles(): Map<string, string> {
    const open = new Map<string, string>();
    for (const d of this.state.documents.all()) {
      const file = reportPathOf(d.uri);
      if (file !== undefined) open.set(file, d.uri);
    }
    return open;
  }

  /**
   * The workspace check's result: the saved reports that are not open, shown from their files (pulled with the
   * workspace's diagnostics, or pushed once each); the open ones checked again from their text.
   */
  showWorkspace(saved: readonly SavedDiagnostics[]): void {
    this.workspaceShown = true;
    if (this.pull) {
      this.refresh();
      return;
    }
    const open = this.openFiles();
    for (const { uri, path, diagnostics } of saved) {
      const opened = open.get(path);
      if (opened) this.schedule(opened, 0);
      else void this.state.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** A document is to be checked again at once though its text did not change (asked to be checked as a report). */
  recheck(uri: string): void {
    if (this.pull) this.refresh();
    else this.schedule(uri, 0);
  }

  /** Tells a pulling client that every answer may have changed. */
  private refresh(): void {
    this.generation++;
    if (this.state.client.refreshDiagnostics) void this.state.connection.languages.diagnostics.refresh();
  }

  /** The quiet period before a document is checked again after an edit. */
  private quietPeriod(uri: string): number {
    const cost = this.cost.get(uri) ?? DEBOUNCE_MS;
    return Math.min(DEBOUNCE_MS, Math.max(DEBOUNCE_MIN_MS, DEBOUNCE_FACTOR * cost));
  }

  /** Checks a document after `delay` ms, replacing a check already waiting. */
  schedule(uri: string, delay: number): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  /** Checks every open document again (the settings, the dismissals or the workspace's reports changed). */
  scheduleAll(): void {
    if (this.pull) this.refresh();
    else for (const doc of this.state.documents.all()) this.schedule(doc.uri, 0);
  }

  private close(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.state.service.forget(uri);
    this.state.forgetSettings(uri);
    this.cost.delete(uri);
    this.announced.delete(uri);
    this.clear(uri);
    // Closed, a report of the workspace is answered from its saved file again.
    this.generation++;
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async validate(uri: string): Promise<void> {
    // A pulling client asks for the diagnostics itself; the check only tells it a plain text is a report.
    if (this.pull) {
      await this.detect(uri);
      return;
    }
    const r = await this.diagnose(uri);
    if (r === 'stale') return;
    if (r === 'none') this.clear(uri);
    else {
      this.published.add(uri);
      void this.state.connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
    }
  }

  /**
   * Whether a document is checked as a report — then the document and its options — telling the client once when a
   * plain text is detected as one.
   */
  private async detect(uri: string): Promise<'stale' | 'none' | { doc: TextDocument; options: Options }> {
    const { documents, connection } = this.state;
    const doc = documents.get(uri);
    if (!doc) return 'none';
    const version = doc.version;
    const options = await this.state.optionsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return 'stale';
    if (!this.state.isChecked(doc, options)) return 'none';
    if (doc.languageId === 'plaintext' && options.detection && !this.announced.has(uri)) {
      this.announced.add(uri);
      void connection.sendNotification(REPORT_DETECTED, { uri });
    }
    return { doc, options };
  }

  /** A document's diagnostics for its current version; `stale` when an edit came meanwhile, `none` for no report. */
  private async diagnose(uri: string): Promise<Diagnosed | 'stale' | 'none'> {
    const { documents, connection } = this.state;
    const checked = await this.detect(uri);
    if (typeof checked === 'string') return checked;
    const { doc, options } = checked;
    const version = doc.version;
    let diagnostics;
    let analysis;
    try {
      const started = performance.now();
      analysis = await this.state.service.analysis(doc);
      diagnostics = toDiagnostics(analysis, options, uri);
      // Against last year's report of the same body in the workspace.
      for (const d of this.state.index.crossYear(uri, reportPathOf(uri), analysis, options)) diagnostics.push(d);
      this.cost.set(uri, performance.now() - started);
    } catch (err) {
      connection.console.error(`nianbao: 检查 ${uri} 时出错：${String(err)}`);
      return 'stale';
    }
    // A newer version may have arrived while it was checked: answer only for the current one.
    if (documents.get(uri)?.version !== version) return 'stale';
    // A view of a PDF: each finding names the page it is on.
    const pages = this.state.sources.get(viewKey(uri));
    if (pages && pages.some((m) => m.page !== undefined)) {
      diagnostics = diagnostics.map((d) => {
        const page = pageAt(pages, doc.offsetAt(d.range.start));
        return page === undefined ? d : { ...d, message: `${d.message}（第 ${page} 页）` };
      });
    }
    return { version, diagnostics: this.state.positions(analysis).diagnostics(diagnostics, uri) };
  }
}
