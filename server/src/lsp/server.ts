/**
 * The language server: the only layer that knows the protocol. Capabilities and settings here; diagnostics in
 * `diagnostics.ts`, the requests in `features.ts`, shared state in `state.ts`.
 */

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { CONFIG_SECTION, FIX_ALL_KIND, REPORTS_CHANGED } from '../protocol';
import { REPORT_EXTENSIONS } from '../inputs/index';
import { DISMISS_COMMAND } from '../service';
import { DISMISS_FILE } from '../dismissals';
import { DiagnosticsPublisher } from './diagnostics';
import { negotiate } from './encoding';
import { registerFeatures } from './features';
import { registerFiles } from './files';
import { ServerState } from './state';

export { DEBOUNCE_MS } from './diagnostics';

/** How long the report list waits after a workspace file was checked before it is told (a scan checks many). */
const INDEX_QUIET_MS = 300;

export function startServer(connection: Connection): void {
  const state = new ServerState(connection);
  let folders: string[] = [];
  const diagnostics = new DiagnosticsPublisher(state);

  connection.onInitialize((params): InitializeResult => {
    const ws = params.capabilities.workspace;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    state.client.workspaceFolders = ws?.workspaceFolders === true;
    // Neovim 0.7 names its encodings `offsetEncoding` (clangd's extension) and reads the answer from the result's root.
    const offsetEncoding = (params.capabilities as { offsetEncoding?: readonly string[] }).offsetEncoding;
    state.encoding = negotiate({ ...params.capabilities, ...(offsetEncoding ? { offsetEncoding } : {}) });
    state.client.configuration = ws?.configuration === true;
    state.client.watchConfiguration = ws?.didChangeConfiguration?.dynamicRegistration === true;
    state.client.refreshInlays = ws?.inlayHint?.refreshSupport === true;
    state.client.watchFiles = ws?.didChangeWatchedFiles?.dynamicRegistration === true;
    state.client.pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    state.client.refreshDiagnostics = ws?.diagnostics?.refreshSupport === true;
    state.client.resolveEdits =
      params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    return {
      capabilities: {
        positionEncoding: state.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '年报大纲' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        inlayHintProvider: true,
        executeCommandProvider: { commands: [DISMISS_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        // Pulled by a client that can: a report's carry-over depends on last year's report in the workspace.
        ...(state.client.pullDiagnostics
          ? { diagnosticProvider: { identifier: 'nianbao', interFileDependencies: true, workspaceDiagnostics: true } }
          : {}),
      },
      serverInfo: { name: 'nianbao', version: '0.1.0' },
      ...(offsetEncoding ? { offsetEncoding: state.encoding } : {}),
    };
  });

  connection.onInitialized(() => {
    if (state.client.watchConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
    }
    // A reviewer's dismissals edited by hand, or by another editor: the reports are checked again. Report files of
    // the workspace that change: read again for the report list and last year's carry-over.
    if (state.client.watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${DISMISS_FILE}` }, { globPattern: `**/*.{${REPORT_EXTENSIONS.join(',')}}` }],
      });
    }
    if (state.client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = [...folders.filter((u) => !e.removed.some((r) => r.uri === u)), ...e.added.map((a) => a.uri)];
        state.index.setFolders(folders);
      });
    }
    state.index.setFolders(folders);
  });

  connection.onDidChangeWatchedFiles((p) => {
    let dismissals = false;
    for (const change of p.changes) {
      if (change.uri.endsWith(DISMISS_FILE)) dismissals = true;
      else if (change.uri.startsWith('file:')) void state.index.refresh(fileURLToPath(change.uri));
    }
    if (!dismissals) return;
    diagnostics.scheduleAll();
    if (state.client.refreshInlays) void connection.languages.inlayHint.refresh();
  });

  // What the index knows changed: the report list is told (once a burst is over), open reports checked again.
  let told: NodeJS.Timeout | undefined;
  state.onIndexChanged = () => {
    if (told) return;
    told = setTimeout(() => {
      told = undefined;
      void connection.sendNotification(REPORTS_CHANGED, {});
      diagnostics.scheduleAll();
    }, INDEX_QUIET_MS);
  };

  connection.onDidChangeConfiguration(() => {
    state.forgetSettings();
    diagnostics.scheduleAll();
    // The saved reports of the workspace too: their findings depend on the settings (severity, codes turned off).
    void state.index.recheck();
    if (state.client.refreshInlays) void connection.languages.inlayHint.refresh();
  });

  registerFeatures(state, diagnostics);
  diagnostics.registerPull();
  registerFiles(state);
  connection.onShutdown(() => state.offload.dispose());

  state.documents.listen(connection);
  connection.listen();
}
