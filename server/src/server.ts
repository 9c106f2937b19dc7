/**
 * Entry point of the bundled language server (dist/server.js). Over IPC for the extension (`--node-ipc`), or over
 * stdio for any LSP editor: `node dist/server.js --stdio`. Every message passes the protocol gate (lsp/gate.ts).
 */

import {
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import { GatedReader } from './lsp/gate';
import { startServer } from './lsp/server';

const ipc = process.argv.includes('--node-ipc');
const writer = ipc ? new IPCMessageWriter(process) : new StreamMessageWriter(process.stdout);
const reader = new GatedReader(ipc ? new IPCMessageReader(process) : new StreamMessageReader(process.stdin), writer);

startServer(createConnection(ProposedFeatures.all, reader, writer));
