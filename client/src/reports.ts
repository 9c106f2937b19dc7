/**
 * The “年度报告” view in the explorer: every report of the workspace, grouped by body, each with its year and counts
 * (`✗2 ⚠3`, or ✓); a click opens it (a PDF, Word or web page as a report view). The server keeps the list
 * (`nianbao/workspaceReports`) and says when it changes.
 */

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORTS_CHANGED, WORKSPACE_REPORTS, type WorkspaceReport } from '../../server/src/protocol';

type Node =
  { kind: 'body'; key: string; name: string; reports: WorkspaceReport[] } | { kind: 'report'; report: WorkspaceReport };

/** Files the editor cannot show as text: opened through the report view. */
const VIEWED = /\.(pdf|docx|html?)$/iu;

export class ReportList implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private reports: WorkspaceReport[] = [];
  private pending = 0;
  private readonly loaded = new vscode.EventEmitter<readonly WorkspaceReport[]>();
  /** Fires with the list each time it is read again. */
  readonly onDidLoad = this.loaded.event;

  constructor(private readonly client: LanguageClient) {
    client.onNotification(REPORTS_CHANGED, () => void this.reload());
  }

  /** The reports as the view lists them. */
  current(): readonly WorkspaceReport[] {
    return this.reports;
  }

  async reload(): Promise<void> {
    const r = await this.client.sendRequest<{ reports: WorkspaceReport[]; pending: number }>(WORKSPACE_REPORTS, {});
    this.reports = r.reports;
    this.pending = r.pending;
    this.emitter.fire(undefined);
    this.loaded.fire(this.reports);
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'body') return node.reports.map((report) => ({ kind: 'report', report }));
    if (node) return [];
    const bodies = new Map<string, Node & { kind: 'body' }>();
    for (const report of this.reports) {
      const key = report.body || '';
      let b = bodies.get(key);
      if (!b) {
        b = { kind: 'body', key, name: report.name || '（标题未写明单位和年度）', reports: [] };
        bodies.set(key, b);
      }
      b.reports.push(report);
    }
    return [...bodies.values()];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'body') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      const problems = node.reports.reduce((n, r) => n + r.errors + r.warnings, 0);
      item.description = `${node.reports.length} 份${problems > 0 ? ` · ${problems} 个问题` : ''}`;
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'nianbao.body';
      return item;
    }
    const r = node.report;
    const uri = vscode.Uri.parse(r.uri);
    const item = new vscode.TreeItem(
      r.year > 0 ? `${r.year} 年` : path.basename(uri.fsPath),
      vscode.TreeItemCollapsibleState.None,
    );
    item.description = `${r.errors + r.warnings === 0 ? '✓' : `✗${r.errors} ⚠${r.warnings}`} · ${path.basename(uri.fsPath)}`;
    item.tooltip = `${uri.fsPath}\n${r.errors} 个错误，${r.warnings} 个警告；合计${r.sums === 'broken' ? '不符' : r.sums === 'ok' ? '相符' : '无表'}`;
    item.resourceUri = uri;
    item.contextValue = 'nianbao.report';
    item.command = VIEWED.test(uri.path)
      ? { title: '作为年度报告打开', command: 'nianbao.openAsReport', arguments: [uri] }
      : { title: '打开', command: 'vscode.open', arguments: [uri] };
    return item;
  }

  /** How many files the server is still reading, for the view's message. */
  waiting(): number {
    return this.pending;
  }

  dispose(): void {
    this.emitter.dispose();
    this.loaded.dispose();
  }
}
