/**
 * The extension client: starts the language server and connects it to the editor. Nothing of substance lives here:
 * detection, checks, outline and fixes are the server's, so every LSP editor gets them.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CHECK_AS_REPORT,
  CHECK_WORKSPACE,
  FIX_ALL,
  FIX_ALL_DONE,
  LANGUAGE_ID,
  READ_FILE,
  REPORT_DETECTED,
  REPORT_VIEW_SCHEME,
  WRITE_FIXED_COPY,
  type ReadFileResult,
  type WriteFixedCopyResult,
} from '../../server/src/protocol';
import {
  LanguageClient,
  TransportKind,
  type TextEdit as LspTextEdit,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { TablePreviews, type TablePreview } from './preview';
import { ReportList } from './reports';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and the editor tests). */
export interface NianbaoApi {
  /** The status bar item's text for the active editor, or undefined when it is hidden. */
  statusText(): string | undefined;
  /** The table preview of a document, when one is open: the version it shows, and an event at each redraw. */
  preview(uri: vscode.Uri): Pick<TablePreview, 'version' | 'onDidRedraw'> | undefined;
  /** The “年度报告” view's list, and an event each time it is read again. */
  readonly reports: Pick<ReportList, 'current' | 'onDidLoad'>;
  /** Whether the server's diagnostics are pulled (LSP 3.17: the server offered it, and this client pulls). */
  pullsDiagnostics(): boolean;
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
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

  const views = new ReportViews(() => client);
  const previews = new TablePreviews(context.extensionUri, () => client);
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand('nianbao.showPreview', async (uri?: vscode.Uri) => {
      const doc =
        uri instanceof vscode.Uri
          ? (vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ??
            (await vscode.workspace.openTextDocument(uri)))
          : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage('年报校对：请先打开一份年度报告');
        return;
      }
      await previews.show(doc);
    }),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_VIEW_SCHEME, views),
    vscode.commands.registerCommand('nianbao.openAsReport', (uri?: vscode.Uri) => views.open(uri)),
    vscode.commands.registerCommand('nianbao.fixAll', (args?: { target?: vscode.Uri }) => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc?.uri.scheme === REPORT_VIEW_SCHEME) return views.fixCopy(doc.uri, args?.target);
      return doc && fixAll(doc);
    }),
    // Run by the fix-all code action once its edit is applied: say what was done.
    vscode.commands.registerCommand(FIX_ALL_DONE, (message: string) =>
      vscode.window.showInformationMessage(`年报校对：${message}`),
    ),
    vscode.commands.registerCommand('nianbao.checkAsReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const uri = editor.document.uri;
      await client.sendRequest(CHECK_AS_REPORT, { uri: uri.toString() });
      // In the report language it gets the grammar, and the server checks it whatever detection says.
      if (editor.document.languageId !== LANGUAGE_ID) {
        const published = new Promise<void>((resolve) => {
          const sub = vscode.languages.onDidChangeDiagnostics((e) => {
            if (e.uris.some((u) => u.toString() === uri.toString())) {
              sub.dispose();
              resolve();
            }
          });
          setTimeout(() => {
            sub.dispose();
            resolve();
          }, 3000);
        });
        await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
        await published;
      }
      refreshOutline();
    }),
  );
  const status = new ReportStatus();
  context.subscriptions.push(status);
  const reports = new ReportList(client);
  const view = vscode.window.createTreeView('nianbao.reports', { treeDataProvider: reports, showCollapseAll: true });
  context.subscriptions.push(
    reports,
    view,
    reports.onDidLoad((list) => {
      view.message =
        list.length === 0 ? (reports.waiting() > 0 ? '正在读取工作区中的报告…' : '工作区中没有年度报告') : undefined;
    }),
    vscode.commands.registerCommand('nianbao.checkWorkspace', async () => {
      if (!client) return undefined;
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: '年报校对：正在检查工作区中的全部报告…' },
        () => client!.sendRequest<{ reports: number; errors: number; warnings: number }>(CHECK_WORKSPACE, {}),
      );
      const message = `检查了 ${r.reports} 份报告：${r.errors} 个错误，${r.warnings} 个警告（见“问题”面板）`;
      void vscode.window.showInformationMessage(`年报校对：${message}`);
      return message;
    }),
    vscode.commands.registerCommand('nianbao.refreshReports', () => reports.reload()),
  );
  await client.start();
  void reports.reload();
  return {
    statusText: () => status.text(),
    preview: (uri) => previews.of(uri),
    reports,
    pullsDiagnostics: () => client?.initializeResult?.capabilities.diagnosticProvider !== undefined,
  };
}

/**
 * The status bar item of a report: its errors and warnings (`年报 ✗2 ⚠3`, or `年报 ✓`), as Problems counts them; a
 * click opens the table preview, its tooltip offers Problems too. Shown while the active editor holds a report.
 */
class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = '年报校对';
    this.item.command = 'nianbao.showPreview';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
    ];
    this.update();
  }

  private visible = false;

  text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const ours = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'nianbao') : [];
    if (!doc || (doc.languageId !== LANGUAGE_ID && ours.length === 0)) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = errors + warnings === 0 ? '年报 ✓' : `年报 ✗${errors} ⚠${warnings}`;
    const tip = new vscode.MarkdownString(
      `年报校对：${errors} 个错误，${warnings} 个警告\n\n` +
        '[打开表格预览](command:nianbao.showPreview) · [打开“问题”面板](command:workbench.actions.view.problems)',
    );
    tip.isTrusted = { enabledCommands: ['nianbao.showPreview', 'workbench.actions.view.problems'] };
    this.item.tooltip = tip;
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

/**
 * Makes the Outline view ask for the symbols of report documents again. LSP has no “symbols changed” message, and the
 * outline asked when the document was not yet checked; a symbol provider's arrival or departure makes it ask anew.
 */
function refreshOutline(): void {
  vscode.languages
    .registerDocumentSymbolProvider({ language: LANGUAGE_ID }, { provideDocumentSymbols: () => [] })
    .dispose();
}

/**
 * Fix-all on a document: the server's edits applied, and what they did said in Chinese (or why nothing was done).
 * Returns the message.
 */
async function fixAll(doc: vscode.TextDocument): Promise<string | undefined> {
  if (!client) return undefined;
  const r = await client.sendRequest<{ edits: LspTextEdit[]; message: string }>(FIX_ALL, {
    uri: doc.uri.toString(),
  });
  if (r.edits.length > 0) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, await client.protocol2CodeConverter.asTextEdits(r.edits));
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage('年报校对：文档已改动，未能修复，请重试');
      return undefined;
    }
  }
  void vscode.window.showInformationMessage(`年报校对：${r.message}`);
  return r.message;
}

/** Files a user opens as reports that the editor cannot show as text: PDF, Word, saved web pages. */
const VIEWABLE = ['pdf', 'docx', 'html', 'htm'];

/**
 * Read-only views of PDF, Word and web-page files: the text the checker read from them, as a report document (its
 * findings, outline and hover are the server's as for any report). A view's URI carries the file's URI in its query.
 */
class ReportViews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  static viewOf(file: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({
      scheme: REPORT_VIEW_SCHEME,
      path: `${file.path}（年报文字）`,
      query: file.toString(),
    });
  }

  static fileOf(view: vscode.Uri): vscode.Uri {
    return vscode.Uri.parse(view.query);
  }

  async provideTextDocumentContent(view: vscode.Uri): Promise<string> {
    const known = this.texts.get(view.toString());
    if (known !== undefined) return known;
    const r = await this.read(view);
    return 'error' in r ? `无法读取：${r.error}` : r.text;
  }

  private async read(view: vscode.Uri): Promise<ReadFileResult> {
    const client = this.client();
    if (!client) return { error: '年报校对的语言服务器未运行' };
    const r = await client.sendRequest<ReadFileResult>(READ_FILE, {
      uri: ReportViews.fileOf(view).toString(),
      view: view.toString(),
    });
    if (!('error' in r)) this.texts.set(view.toString(), r.text);
    return r;
  }

  /** Opens a file as a report: the one given (explorer menu), the active editor's, or one the user picks. */
  async open(given?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    let file = given ?? vscode.window.activeTextEditor?.document.uri;
    if (!file || file.scheme !== 'file' || !VIEWABLE.some((e) => file!.path.toLowerCase().endsWith(`.${e}`))) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: '作为年度报告打开',
        filters: { '年度报告（PDF、Word、网页）': VIEWABLE },
      });
      file = picked?.[0];
    }
    if (!file) return undefined;
    const view = ReportViews.viewOf(file);
    const r = await this.read(view);
    if ('error' in r) {
      void vscode.window.showErrorMessage(`年报校对：“${path.basename(file.fsPath)}”${r.error}`);
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(view);
    const report =
      doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    return vscode.window.showTextDocument(report, { preview: false });
  }

  /** Fix-all on a view: a Word document gets a fixed copy written beside it; other files cannot be written back. */
  async fixCopy(view: vscode.Uri, given?: vscode.Uri): Promise<void> {
    const file = ReportViews.fileOf(view);
    if (!file.path.toLowerCase().endsWith('.docx')) {
      void vscode.window.showInformationMessage('年报校对：PDF 和网页无法直接修复，请在原始 Word 文件中修改后重新导出');
      return;
    }
    const target =
      given ??
      (await vscode.window.showSaveDialog({
        defaultUri: file.with({ path: file.path.replace(/\.docx$/iu, '（已修复）.docx') }),
        filters: { 'Word 文档': ['docx'] },
        saveLabel: '写出修复后的副本',
      }));
    const client = this.client();
    if (!target || !client) return;
    const r = await client.sendRequest<WriteFixedCopyResult>(WRITE_FIXED_COPY, {
      uri: file.toString(),
      target: target.toString(),
    });
    if ('error' in r) void vscode.window.showErrorMessage(`年报校对：${r.error}`);
    else if (r.unplaced.length > 0)
      void vscode.window.showWarningMessage(`年报校对：${r.message}；无法写回：${r.unplaced.join('；')}`);
    else void vscode.window.showInformationMessage(`年报校对：${r.message}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
