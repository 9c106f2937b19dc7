/**
 * A client that pulls diagnostics (LSP 3.17, as VS Code): the server says so in its capabilities, answers
 * `textDocument/diagnostic` for the current version and `workspace/diagnostic` with the workspace's saved reports once
 * the workspace check was asked for, never pushes, and asks the client to pull again when something else changed.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  DocumentDiagnosticReport,
  InitializeResult,
  WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { fixture, yearReport } from '../helpers';
import { TestClient } from './client';

const CORRECT = fixture('crafted/correct-tab.txt');
const WRONG = CORRECT.replace('\t（七）总计\t10\t2', '\t（七）总计\t11\t2');

describe('a client that pulls diagnostics', function () {
  let client: TestClient;
  let dir: string;
  const refreshes: number[] = [];

  before(async function () {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-pull-'));
    // Last year's report of one body carried 1 forward; this year's says it carried 2 over; a third is open.
    writeFileSync(
      path.join(dir, '东山镇2022.txt'),
      yearReport('crafted/correct-tab.txt', '东山镇人民政府', 2022, 1, 1),
    );
    writeFileSync(
      path.join(dir, '东山镇2023.txt'),
      yearReport('crafted/correct-tab.txt', '东山镇人民政府', 2023, 2, 1),
    );
    writeFileSync(path.join(dir, 'open.txt'), WRONG);
    client = new TestClient();
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes.push(Date.now());
      return null;
    });
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says it answers pulls, for documents and the workspace, and that reports depend on each other', async () => {
    const result = (await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'reports' }],
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceFolders: true },
        textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
      },
    })) as InitializeResult;
    await client.connection.sendNotification('initialized', {});
    assert.deepEqual(result.capabilities.diagnosticProvider, {
      identifier: 'nianbao',
      interFileDependencies: true,
      workspaceDiagnostics: true,
    });
  });

  it('answers a document’s pull for its current version; the same again is unchanged; an edit is answered anew', async () => {
    const uri = pathToFileURL(path.join(dir, 'open.txt')).href;
    await client.open(uri, WRONG);
    const first = (await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
    })) as DocumentDiagnosticReport & { items?: { code?: unknown; message: string; range: unknown }[] };
    assert.equal(first.kind, 'full');
    assert.deepEqual(
      first.items!.map((d) => [d.code, d.message]),
      [['table-total', '（七）总计·自然人 应为 10（予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2），实为 11']],
    );
    const again = await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    const at = WRONG.split('\n').findIndex((l) => l.startsWith('\t（七）总计'));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: at, character: 7 }, end: { line: at, character: 9 } }, text: '10' }],
    });
    const mended = (await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    })) as DocumentDiagnosticReport;
    assert.equal(mended.kind, 'full');
    assert.deepEqual((mended as { items: unknown[] }).items, []);
    assert.notEqual(mended.resultId, first.resultId);
  });

  it('answers the workspace’s pull with the saved reports only after the workspace check, and asks for it again', async () => {
    const empty = (await client.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: [],
    })) as WorkspaceDiagnosticReport;
    assert.deepEqual(empty.items, []);
    const before = refreshes.length;
    const counts = await client.connection.sendRequest('nianbao/checkWorkspace', {});
    // open.txt's wrong total; 东山镇2023.txt's carry-over (twice), the balance it breaks (twice) and its prose.
    assert.deepEqual(counts, { reports: 3, errors: 5, warnings: 1 });
    assert.equal(refreshes.length, before + 1, 'the client is asked to pull again');
    const full = (await client.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: [],
    })) as WorkspaceDiagnosticReport;
    // The open document is answered by its own pull; the two closed reports from their files.
    const byName = new Map(full.items.map((i) => [path.basename(decodeURIComponent(i.uri)), i]));
    assert.deepEqual([...byName.keys()].sort(), ['东山镇2022.txt', '东山镇2023.txt']);
    const last = byName.get('东山镇2022.txt')!;
    assert.equal(last.kind, 'full');
    assert.equal(last.version, null);
    assert.deepEqual((last as { items: unknown[] }).items, []);
    const now = byName.get('东山镇2023.txt') as { kind: string; items: { code?: unknown; message: string }[] };
    assert.deepEqual(
      now.items.map((d) => d.code),
      ['prose-mismatch', 'table-balance', 'table-balance', 'cross-year-carryover', 'cross-year-carryover'],
    );
    assert.equal(
      now.items[3]!.message,
      '二、上年结转政府信息公开申请数量·自然人 应为 1（2022 年报告“四、结转下年度继续办理·自然人”），实为 2',
    );
    const again = (await client.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: full.items.map((i) => ({ uri: i.uri, value: i.resultId! })),
    })) as WorkspaceDiagnosticReport;
    assert.deepEqual(
      again.items.map((i) => i.kind),
      ['unchanged', 'unchanged'],
    );
  });

  it('never pushes diagnostics', () => {
    assert.deepEqual(client.published, []);
  });
});
