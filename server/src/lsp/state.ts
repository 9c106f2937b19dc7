/** What the server's handlers share: the connection, the open documents, the report service and the settings. */

import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createReportService, DEFAULT_OPTIONS, shouldCheck, toOptions, type Analysis, type Options } from '../service';
import { CONFIG_SECTION } from '../protocol';
import type { SourceMark } from '../inputs/index';
import { WORKER_THRESHOLD, WorkerOffload } from './offload';

export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  readonly offload = new WorkerOffload();
  readonly service = createReportService({
    offload: (text, markdown) => this.offload.analyze(text, markdown),
    offloadAt: WORKER_THRESHOLD,
  });
  /** Documents the user asked to check as reports. */
  readonly forced = new Set<string>();
  /** Views of files read by the server (a PDF's text): where each page starts, by the view's URI (see `viewKey`). */
  readonly sources = new Map<string, readonly SourceMark[]>();
  readonly client = { configuration: false, watchConfiguration: false, refreshInlays: false, resolveEdits: false };
  private readonly settings = new Map<string, Promise<Options>>();

  constructor(readonly connection: Connection) {}

  /** The settings for a document, asked of the client once and kept until they change. */
  optionsFor(uri: string): Promise<Options> {
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
