/**
 * Entry point of the bundled language server (dist/server.js). Over IPC for the extension, or standalone for any
 * LSP editor: `node dist/server.js --stdio`.
 */

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
