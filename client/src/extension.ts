/**
 * The extension client: starts the language server and connects it to the editor. Nothing of substance lives here:
 * detection, checks, outline and fixes are the server's, so every LSP editor gets them.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import { CHECK_AS_REPORT, FIX_ALL_KIND, LANGUAGE_ID, REPORT_DETECTED } from '../../server/src/protocol';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { language: 'plaintext' }, { language: 'markdown' }],
  };
  client = new LanguageClient('nianbao', '年报校对', serverOptions, clientOptions);

  // The server tells which plain-text documents are reports; they get the report language and its grammar, once:
  // a user who sets a document back to plain text keeps it so.
  const switched = new Set<string>();
  client.onNotification(REPORT_DETECTED, async (p: { uri: string }) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.uri);
    if (!doc || doc.languageId !== 'plaintext' || switched.has(p.uri)) return;
    switched.add(p.uri);
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.fixAll', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' }),
    ),
    vscode.commands.registerCommand('nianbao.checkAsReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest(CHECK_AS_REPORT, { uri: editor.document.uri.toString() });
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
