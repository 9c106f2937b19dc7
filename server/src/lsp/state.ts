/** What the server's handlers share: the connection, the open documents, the report service and the settings. */

import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createReportService, DEFAULT_OPTIONS, shouldCheck, toOptions, type Analysis, type Options } from '../service';
import { fileURLToPath } from 'node:url';
import { DismissalStore } from '../dismissals';
import { Positions, updateDocument, type Encoding } from './encoding';
import { WorkspaceIndex } from './workspace';
import { CONFIG_SECTION, REPORT_VIEW_SCHEME } from '../protocol';
import type { SourceMark } from '../inputs/index';
import { WORKER_THRESHOLD, WorkerOffload } from './offload';

export class ServerState {
  /** How positions count on the wire: UTF-16 unless the client asked for UTF-8 first (`encoding.ts`). */
  encoding: Encoding = 'utf-16';
  /** The open documents; a client's edits are applied with their ranges in its encoding. */
  readonly documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (doc, changes, version) => updateDocument(doc, changes, version, () => this.encoding),
  });
  readonly offload = new WorkerOffload();
  readonly service = createReportService({
    offload: (text, markdown) => this.offload.analyze(text, markdown),
    offloadAt: WORKER_THRESHOLD,
  });
  /** Documents the user asked to check as reports. */
  readonly forced = new Set<string>();
  /** Views of files read by the server (a PDF's text): where each page starts, by the view's URI (see `viewKey`). */
  readonly sources = new Map<string, readonly SourceMark[]>();
  readonly client = {
    configuration: false,
    watchConfiguration: false,
    refreshInlays: false,
    resolveEdits: false,
    watchFiles: false,
    workspaceFolders: false,
    /** LSP 3.17 pull diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`). */
    pullDiagnostics: false,
    refreshDiagnostics: false,
  };
  private readonly settings = new Map<string, Promise<Options>>();
  /** Dismissed findings, by the folder of a report file. */
  readonly dismissals = new DismissalStore();
  /** What was said of unreadable dismissal files (each once). */
  private readonly warned = new Set<string>();

  /** The reports of the workspace folders; `onIndexChanged` is told when they change. */
  readonly index = new WorkspaceIndex(
    {
      checkFile: (file, settings) => this.offload.checkFile(file, settings),
      optionsFor: (uri) => this.optionsFor(uri),
    },
    () => this.onIndexChanged(),
  );
  onIndexChanged: () => void = () => undefined;

  constructor(readonly connection: Connection) {}

  /**
   * The options for a document: its settings, asked of the client once and kept until they change, and the findings
   * dismissed in `.nianbao.json` beside its file, as the file is now.
   */
  async optionsFor(uri: string): Promise<Options> {
    const settings = await this.settingsFor(uri);
    const file = reportPathOf(uri);
    if (file === undefined) return settings;
    const { options, problem } = this.dismissals.apply(settings, file);
    if (problem && !this.warned.has(problem)) {
      this.warned.add(problem);
      void this.connection.window.showWarningMessage(`年报校对：${problem}`);
    }
    return options;
  }

  private settingsFor(uri: string): Promise<Options> {
    if (!this.client.configuration) return Promise.resolve(DEFAULT_OPTIONS);
    let p = this.settings.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: CONFIG_SECTION })
        .then(toOptions, () => DEFAULT_OPTIONS);
      this.settings.set(uri, p);
    }
    return p;
  }

  forgetSettings(uri?: string): void {
    if (uri === undefined) this.settings.clear();
    else this.settings.delete(uri);
  }

  /** Whether a document is checked under these options. */
  isChecked(doc: TextDocument, options: Options): boolean {
    return shouldCheck(doc.languageId, doc.getText(), options, this.forced.has(doc.uri));
  }

  /** Converts positions of an analysed text between the server's UTF-16 and the client's encoding. */
  positions(analysis: Analysis): Positions {
    return Positions.ofText(analysis.report.text, analysis.report.lineStarts, this.encoding);
  }

  /** The analysis of a document that is being checked, for requests; undefined for other documents. */
  async analysisOf(uri: string): Promise<Analysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    if (!this.isChecked(doc, await this.optionsFor(uri))) return undefined;
    try {
      return await this.service.analysis(doc);
    } catch (err) {
      this.connection.console.error(`nianbao: 分析 ${uri} 时出错：${String(err)}`);
      return undefined;
    }
  }
}

/** A URI as a key, whichever characters the client chose to percent-encode. */
export function viewKey(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/**
 * The file a document is, when it is one on this machine: a `file:` document, or the file a view of a PDF, Word or web
 * page was read from (the view's query). Undefined for unsaved and remote documents.
 */
export function reportPathOf(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    if (u.protocol === 'file:') return fileURLToPath(u);
    if (u.protocol === `${REPORT_VIEW_SCHEME}:`) {
      const file = decodeURIComponent(u.search.slice(1));
      return file.startsWith('file:') ? fileURLToPath(file) : undefined;
    }
  } catch {
    // Not a URI this machine can name a file by.
  }
  return undefined;
}
