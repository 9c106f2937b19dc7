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
import { CONFIG_SECTION, FIX_ALL_KIND } from '../protocol';
import { DISMISS_COMMAND } from '../service';
import { DISMISS_FILE } from '../dismissals';
import { DiagnosticsPublisher } from './diagnostics';
import { negotiate } from './encoding';
import { registerFeatures } from './features';
import { registerFiles } from './files';
import { ServerState } from './state';

export { DEBOUNCE_MS } from './diagnostics';

export function startServer(connection: Connection): void {
  const state = new ServerState(connection);
  const diagnostics = new DiagnosticsPublisher(state);

  connection.onInitialize((params): InitializeResult => {
    const ws = params.capabilities.workspace;
    // Neovim 0.7 names its encodings `offsetEncoding` (clangd's extension) and reads the answer from the result's root.
    const offsetEncoding = (params.capabilities as { offsetEncoding?: readonly string[] }).offsetEncoding;
    state.encoding = negotiate({ ...params.capabilities, ...(offsetEncoding ? { offsetEncoding } : {}) });
    state.client.configuration = ws?.configuration === true;
    state.client.watchConfiguration = ws?.didChangeConfiguration?.dynamicRegistration === true;
    state.client.refreshInlays = ws?.inlayHint?.refreshSupport === true;
    state.client.watchFiles = ws?.didChangeWatchedFiles?.dynamicRegistration === true;
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
      },
      serverInfo: { name: 'nianbao', version: '0.1.0' },
      ...(offsetEncoding ? { offsetEncoding: state.encoding } : {}),
    };
  });

  connection.onInitialized(() => {
    if (state.client.watchConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
    }
    // A reviewer's dismissals edited by hand, or by another editor: the reports are checked again.
    if (state.client.watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${DISMISS_FILE}` }],
      });
    }
  });

  connection.onDidChangeWatchedFiles(() => {
    diagnostics.scheduleAll();
    if (state.client.refreshInlays) void connection.languages.inlayHint.refresh();
  });

  connection.onDidChangeConfiguration(() => {
    state.forgetSettings();
    diagnostics.scheduleAll();
    if (state.client.refreshInlays) void connection.languages.inlayHint.refresh();
  });

  registerFeatures(state, diagnostics);
  registerFiles(state);
  connection.onShutdown(() => state.offload.dispose());

  state.documents.listen(connection);
  connection.listen();
}
