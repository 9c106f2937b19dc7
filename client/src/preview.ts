/**
 * The table preview: a webview beside a report that draws its tables as the template prints them (the server draws
 * them: `nianbao/tables`), follows edits and the cursor, and reveals a cell's text when the cell is clicked. One
 * preview per report; local script and styles only, under a Content Security Policy with a nonce.
 */

import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TABLES, type TablesResult } from '../../server/src/protocol';

/** How long the preview waits after the last edit before it redraws. */
const REDRAW_DELAY_MS = 150;

interface Place {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

type FromWebview = { type: 'ready' } | { type: 'problems' } | ({ type: 'reveal' } & Place);

export class TablePreviews implements vscode.Disposable {
  private readonly previews = new Map<string, TablePreview>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
  ) {}

  /** Opens (or shows) the preview of a report beside its editor. */
  async show(doc: vscode.TextDocument): Promise<TablePreview> {
    const key = doc.uri.toString();
    const known = this.previews.get(key);
    if (known) {
      known.panel.reveal(undefined, true);
      return known;
    }
    const preview = new TablePreview(doc, this.extensionUri, this.client, () => this.previews.delete(key));
    this.previews.set(key, preview);
    await preview.redraw();
    return preview;
  }

  /** The preview of a document, when one is open. */
  of(uri: vscode.Uri): TablePreview | undefined {
    return this.previews.get(uri.toString());
  }

  dispose(): void {
    for (const p of [...this.previews.values()]) p.panel.dispose();
  }
}

export class TablePreview {
  readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private html = '';
  private css = '';
  /** The version of the document the preview shows. */
  version = -1;
  private readonly drawn = new vscode.EventEmitter<number>();
  /** Fires with the document version each time the preview is redrawn. */
  readonly onDidRedraw = this.drawn.event;

  constructor(
    private readonly doc: vscode.TextDocument,
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    onDispose: () => void,
  ) {
    const column = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    this.panel = vscode.window.createWebviewPanel(
      'nianbao.preview',
      `表格预览：${path.basename(doc.uri.path)}`,
      { viewColumn: column + 1, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] },
    );
    this.subscriptions.push(
      this.drawn,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.doc.uri.toString()) this.schedule();
      }),
      // Severities or detection changed: the cells' states may change.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('nianbao')) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === this.doc.uri.toString()) this.postCursor(e.selections[0]!.active);
      }),
      this.panel.onDidChangeViewState(() => {
        // A hidden webview loses its page: it is drawn again from what it last showed.
        if (this.panel.visible) this.setPage();
      }),
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)),
      this.panel.onDidDispose(() => {
        if (this.timer) clearTimeout(this.timer);
        for (const s of this.subscriptions) s.dispose();
        onDispose();
      }),
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(), REDRAW_DELAY_MS);
  }

  /** Asks the server for the tables of the document as it is now and shows them. */
  async redraw(): Promise<void> {
    const client = this.client();
    let r: TablesResult;
    try {
      r = client
        ? await client.sendRequest<TablesResult>(TABLES, { uri: this.doc.uri.toString() })
        : { error: '年报校对的语言服务器未运行' };
    } catch (err) {
      r = { error: String(err) };
    }
    const first = this.html.length === 0;
    if ('error' in r) {
      this.html = `<p class="note">无法显示表格：${r.error.replace(/[&<>]/gu, '')}</p>`;
    } else {
      this.html = r.html;
      this.css = r.css;
      this.version = r.version;
    }
    if (first) this.setPage();
    else void this.panel.webview.postMessage({ type: 'update', html: this.html });
    this.drawn.fire(this.version);
  }

  private setPage(): void {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview.js'));
    const csp = [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    webview.html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${this.css}</style>
<title>表格预览</title>
</head>
<body>
<div id="root">${this.html}</div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private postCursor(at: vscode.Position): void {
    void this.panel.webview.postMessage({ type: 'cursor', line: at.line, character: at.character });
  }

  private async receive(m: FromWebview): Promise<void> {
    if (m.type === 'problems') {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    } else if (m.type === 'ready') {
      const editor = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.toString() === this.doc.uri.toString(),
      );
      if (editor) this.postCursor(editor.selection.active);
    } else if (m.type === 'reveal') {
      const range = new vscode.Range(m.start.line, m.start.character, m.end.line, m.end.character);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.doc.uri.toString());
      const editor = await vscode.window.showTextDocument(this.doc, {
        viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
        selection: range,
        preserveFocus: false,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}
