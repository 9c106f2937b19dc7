/**
 * The language server: the only module that knows the protocol. Documents sync incrementally; diagnostics are
 * debounced per document and never published for a version that is no longer current.
 */

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DEFAULT_OPTIONS,
  shouldCheck,
  toCodeActions,
  toDiagnostics,
  toFixAll,
  toFoldingRanges,
  toHover,
  toInlayHints,
  toOptions,
  toSymbols,
  type Options,
} from '../service';
import { CHECK_AS_REPORT, CONFIG_SECTION, FIX_ALL_KIND, REPORT_DETECTED } from '../protocol';
import { Analyzer } from './analyzer';

/** Delay between the last edit and a check. */
export const DEBOUNCE_MS = 200;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Analyzer();
  const timers = new Map<string, NodeJS.Timeout>();
  const forced = new Set<string>();
  const published = new Set<string>();
  const announced = new Set<string>();
  const settings = new Map<string, Promise<Options>>();
  let canConfigure = false;
  let canWatchConfiguration = false;
  let canRefreshInlays = false;

  connection.onInitialize((params): InitializeResult => {
    const ws = params.capabilities.workspace;
    canConfigure = ws?.configuration === true;
    canWatchConfiguration = ws?.didChangeConfiguration?.dynamicRegistration === true;
    canRefreshInlays = ws?.inlayHint?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '年报大纲' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        inlayHintProvider: true,
      },
      serverInfo: { name: 'nianbao', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canWatchConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
    }
  });

  function optionsFor(uri: string): Promise<Options> {
    if (!canConfigure) return Promise.resolve(DEFAULT_OPTIONS);
    let p = settings.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: CONFIG_SECTION })
        .then(toOptions, () => DEFAULT_OPTIONS);
      settings.set(uri, p);
    }
    return p;
  }

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
    if (canRefreshInlays) void connection.languages.inlayHint.refresh();
  });

  function clear(uri: string): void {
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const options = await optionsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    if (!shouldCheck(doc.languageId, doc.getText(), options, forced.has(uri))) {
      clear(uri);
      return;
    }
    if (doc.languageId === 'plaintext' && options.detection && !announced.has(uri)) {
      announced.add(uri);
      void connection.sendNotification(REPORT_DETECTED, { uri });
    }
    let diagnostics;
    try {
      diagnostics = toDiagnostics(await cache.get(doc), options, uri);
    } catch (err) {
      connection.console.error(`nianbao: 检查 ${uri} 时出错：${String(err)}`);
      return;
    }
    // A newer version may have arrived while settings were fetched: publish only for the current one.
    if (documents.get(uri)?.version !== version) return;
    published.add(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    settings.delete(e.document.uri);
    announced.delete(e.document.uri);
    clear(e.document.uri);
  });

  /** The analysis of a document that is being checked, for requests; undefined for other documents. */
  async function analysisOf(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const options = await optionsFor(uri);
    if (!shouldCheck(doc.languageId, doc.getText(), options, forced.has(uri))) return undefined;
    try {
      return await cache.get(doc);
    } catch (err) {
      connection.console.error(`nianbao: 分析 ${uri} 时出错：${String(err)}`);
      return undefined;
    }
  }

  connection.onDocumentSymbol(async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toSymbols(a, await optionsFor(p.textDocument.uri)) : [];
  });

  connection.onHover(async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return (a && toHover(a, p.position)) ?? null;
  });

  connection.languages.inlayHint.on(async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toInlayHints(a, await optionsFor(p.textDocument.uri), p.range) : [];
  });

  connection.onFoldingRanges(async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toFoldingRanges(a) : [];
  });

  connection.onCodeAction(async (p) => {
    const a = await analysisOf(p.textDocument.uri);
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
    forced.add(p.uri);
    schedule(p.uri, 0);
    return documents.get(p.uri) !== undefined;
  });

  connection.onShutdown(() => cache.dispose());

  documents.listen(connection);
  connection.listen();
}
