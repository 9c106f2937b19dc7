/** The bundled server over stdio, driven by a real JSON-RPC client. Waits on notifications, never on sleep. */

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { fixture } from '../helpers';
import { OFFICIAL_HEADINGS } from '../expected';
import { SERVER, TestClient } from './client';

const F000 = fixture('000_94c66d917836ad80.txt');
const F001 = fixture('001_50aa6597b9c6048c.txt');
const CORRECT = fixture('crafted/correct-tab.txt');
/** The correct report with two findings that have safe fixes: a wrong total and a blank cell. */
const TWO_FIXABLE = CORRECT.replace('\t（七）总计\t10\t2', '\t（七）总计\t11\t2').replace(
  '1.属于国家秘密\t0\t0',
  '1.属于国家秘密\t\t0',
);

function codesAt(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
}

describe('language server over stdio', function () {
  let client: TestClient;

  before(async function () {
    assert.ok(existsSync(SERVER), 'dist/server.js is missing: run npm run build');
    client = new TestClient();
    const init = (await client.start()) as { capabilities: Record<string, unknown> };
    assert.equal((init.capabilities['textDocumentSync'] as { change: number }).change, 2, 'incremental sync');
  });

  after(async () => {
    await client.stop();
  });

  it('publishes the fixture’s findings with its version', async () => {
    const uri = 'file:///reports/000.txt';
    const p = await client.openChecked(uri, F000);
    assert.equal(p.version, 1);
    assert.deepEqual(codesAt(p.diagnostics), [
      '39 section-title',
      '56 section-title',
      '88 section-title',
      '93 table-cell-extra',
      '95 section-title',
      '111 fee-not-reported',
    ]);
    assert.ok(p.diagnostics.every((d) => d.source === 'nianbao'));
    assert.ok(
      client.notifications.some(
        (n) => n.method === 'nianbao/reportDetected' && (n.params as { uri: string }).uri === uri,
      ),
    );
  });

  it('answers documentSymbol with the six sections and their tables, and folding ranges', async () => {
    const uri = 'file:///reports/001.txt';
    await client.openChecked(uri, F001);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      [...OFFICIAL_HEADINGS],
    );
    assert.equal(symbols[1]!.children!.length, 4);
    assert.equal(symbols[4]!.detail, '1 个问题');
    assert.equal(symbols[4]!.selectionRange.start.line, 386);
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', {
      textDocument: { uri },
    })) as FoldingRange[];
    assert.ok(folds.some((f) => f.startLine === 386 && f.endLine === 394));
  });

  it('offers a quick fix whose edit, applied, clears the diagnostic after an incremental change', async () => {
    const uri = 'file:///reports/001-fix.txt';
    const p = await client.openChecked(uri, F001);
    const d = p.diagnostics.find((x) => x.code === 'section-numbering')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ['将序号改为“五、”', 'quickfix', true],
        ['已核实，忽略此问题', 'quickfix', undefined],
      ],
    );
    const edits = actions[0]!.edit!.changes![uri]!;
    const doc = TextDocument.create(uri, 'plaintext', 1, F001);
    const fixed = TextDocument.applyEdits(doc, edits);
    assert.equal(fixed, F001.replace('5、 存在', '五、存在'));

    const second = client.diagnostics(uri, (x) => x.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const after = await second;
    assert.deepEqual(codesAt(after.diagnostics), [
      '4 text-artifact',
      '34 table-row-label',
      '312 table-row-missing',
      '396 fee-not-reported',
    ]);
  });

  it('publishes only for the current version when edits come fast', async () => {
    const uri = 'file:///reports/fast.txt';
    await client.open(uri, F000);
    for (let v = 2; v <= 6; v++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ text: v % 2 === 0 ? F001 : F000 }],
      });
    }
    const last = await client.diagnostics(uri, (x) => x.version === 6);
    assert.equal(last.diagnostics.length, 5, 'version 6 holds fixture 001');
    const versions = client.published.filter((x) => x.uri === uri).map((x) => x.version);
    assert.deepEqual(
      versions.filter((v) => v !== 1),
      [6],
      `published for ${versions.join(',')}`,
    );
  });

  it('checks nothing in a document that is no report, until asked to', async () => {
    const uri = 'file:///notes/todo.txt';
    await client.open(uri, '待办事项\n\n一、买菜\n');
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
    const js = 'file:///src/a.js';
    await client.open(js, 'console.log("政府信息公开");\n', 'javascript');
    assert.deepEqual(
      await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: js } }),
      [],
    );
    // Neovim names plain text `text`: a report under that id is checked like any other.
    const nvim = 'file:///reports/nvim.txt';
    const published = client.diagnostics(nvim);
    await client.open(nvim, F000, 'text');
    assert.ok((await published).diagnostics.length > 0);
    const wait = client.diagnostics(uri);
    assert.equal(await client.connection.sendRequest('nianbao/checkAsReport', { uri }), true);
    const p = await wait;
    assert.equal(p.diagnostics.filter((d) => d.code === 'section-missing').length, 6);
    assert.equal(client.published.filter((x) => x.uri === js).length, 0);
  });

  it('applies settings when they change: a severity override, then detection off', async () => {
    const uri = 'file:///reports/settings.md';
    assert.equal(
      (await client.openChecked(uri, F000, 'markdown')).diagnostics.filter((d) => d.code === 'section-title').length,
      4,
    );

    client.settings = { severity: { 'section-title': 'off', 'table-cell-extra': 'warning' } };
    const second = client.diagnostics(uri, (x) => x.diagnostics.length === 2);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await second;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.severity]),
      [
        ['table-cell-extra', 2],
        ['fee-not-reported', 2],
      ],
    );

    client.settings = { detection: { enabled: false } };
    const third = client.diagnostics(uri, (x) => x.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await third;
    client.settings = {};
  });

  it('answers hover on a total, inlay hints after a wrong one, and fix-all (source action, light bulb, request) saying what it did', async () => {
    const base = CORRECT;
    const text = TWO_FIXABLE;
    const uri = 'file:///reports/numbers.txt';
    const p = await client.openChecked(uri, text);
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['table-cell-missing', 'table-total'],
    );
    const total = p.diagnostics[1]!;
    assert.equal(total.relatedInformation?.length, 2);

    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: total.range.start,
    })) as { contents: { kind: string; value: string } };
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*（七）总计·自然人\*\* = 11/u);

    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    })) as { label: string; position: { line: number } }[];
    assert.deepEqual(
      hints.map((h) => [h.label, h.position.line]),
      [['应为 10', total.range.start.line]],
    );

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['年报校对：修复全部可自动修复的问题', 'source.fixAll.nianbao']],
    );
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    assert.equal(TextDocument.applyEdits(doc, actions[0]!.edit!.changes![uri]!), base);
    // Once applied, the editor says what was done.
    assert.deepEqual(actions[0]!.command, {
      title: '已修复 2 处（空白填 0 1 处，总计 1 处）',
      command: 'nianbao.fixAllDone',
      arguments: ['已修复 2 处（空白填 0 1 处，总计 1 处）'],
    });
    // The fix-all request gives the same edits and the sentence; on a clean report, why nothing.
    const all = (await client.connection.sendRequest('nianbao/fixAll', { uri })) as {
      edits: { range: unknown; newText: string }[];
      message: string;
    };
    assert.equal(all.message, '已修复 2 处（空白填 0 1 处，总计 1 处）');
    assert.equal(TextDocument.applyEdits(doc, all.edits as never), base);
    const clean = 'file:///reports/clean.txt';
    const cleanWait = client.diagnostics(clean);
    await client.open(clean, base);
    await cleanWait;
    assert.deepEqual(await client.connection.sendRequest('nianbao/fixAll', { uri: clean }), {
      edits: [],
      message: '没有可自动修复的问题',
    });

    const quick = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: p.diagnostics[0]!.range,
      context: { diagnostics: [p.diagnostics[0]] },
    })) as CodeAction[];
    // More than one finding with a safe fix: fix-all is offered in the light bulb too.
    assert.deepEqual(
      quick.map((a) => [a.title, a.kind]),
      [
        ['“（三）1.属于国家秘密·自然人”填 0', 'quickfix'],
        ['已核实，忽略此问题', 'quickfix'],
        ['年报校对：修复全部可自动修复的问题', 'quickfix'],
      ],
    );

    client.settings = { inlayHints: { enabled: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const none = await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    });
    assert.deepEqual(none, []);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('dismisses a finding after review: recorded in .nianbao.json beside the file, gone from the diagnostics, kept across edits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-lsp-dismiss-'));
    const file = path.join(dir, '报告.txt');
    const text = fixture('crafted/correct-tab.txt').replace('\t（七）总计\t10\t', '\t（七）总计\t11\t');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const d = (await client.openChecked(uri, text)).diagnostics[0]!;
    assert.equal(d.code, 'table-total');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const dismiss = actions.find((a) => a.title === '已核实，忽略此问题')!;
    assert.equal(dismiss.command?.command, 'nianbao.dismiss');
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    const written = await client.connection.sendRequest('workspace/executeCommand', {
      command: dismiss.command!.command,
      arguments: dismiss.command!.arguments,
    });
    assert.equal(written, path.join(dir, '.nianbao.json'));
    await cleared;
    const saved = JSON.parse(readFileSync(path.join(dir, '.nianbao.json'), 'utf8')) as {
      dismissed: { file: string; code: string; at: string; text: string }[];
    };
    assert.deepEqual(
      saved.dismissed.map((e) => [e.file, e.code, e.at, e.text]),
      [['报告.txt', 'table-total', 'cell:applications:total:自然人', '11']],
    );
    // A line added at the top: still dismissed. The cell changed: back.
    const v2 = client.diagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
    });
    assert.deepEqual((await v2).diagnostics, []);
    const line = text.split('\n').findIndex((l) => l.startsWith('\t（七）总计')) + 1;
    const v3 = client.diagnostics(uri, (p) => p.version === 3);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character: 7 }, end: { line, character: 9 } }, text: '12' }],
    });
    assert.deepEqual(
      (await v3).diagnostics.map((x) => x.message),
      ['（七）总计·自然人 应为 10（予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2），实为 12'],
    );
  });

  it('speaks UTF-8 to a client that asks for it first: ranges in bytes, its edits and positions read as bytes', async () => {
    const c = new TestClient();
    try {
      const init = (await c.start({}, { general: { positionEncodings: ['utf-8', 'utf-16'] } })) as {
        capabilities: { positionEncoding?: string };
      };
      assert.equal(init.capabilities.positionEncoding, 'utf-8');
      const uri = 'file:///reports/utf8.txt';
      const text = fixture('crafted/correct-tab.txt').replace('\t（七）总计\t10\t', '\t（七）总计\t11\t');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.startsWith('\t（七）总计'));
      const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
      const at = (needle: string): number => bytes(lines[line]!.slice(0, lines[line]!.indexOf(needle)));
      const [d] = (await c.openChecked(uri, text)).diagnostics;
      assert.deepEqual(d!.range, {
        start: { line, character: at('\t11\t') + 1 },
        end: { line, character: at('\t11\t') + 3 },
      });
      // Hover at the byte where 13 starts.
      const hover = (await c.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: bytes(lines[line]!) - 1 },
      })) as { contents: { value: string }; range: { start: { character: number } } };
      assert.match(hover.contents.value, /^\*\*（七）总计·总计\*\* = 13/u);
      assert.equal(hover.range.start.character, bytes(lines[line]!) - 2);
      // The fix's edit is in bytes; sent back as an edit, it mends the cell.
      const actions = (await c.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d!.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      const fix = actions.find((x) => x.title === '将“（七）总计·自然人”改为 10')!;
      assert.deepEqual(fix.diagnostics, [d]);
      const [edit] = fix.edit!.changes![uri]!;
      assert.deepEqual(edit, { range: d!.range, newText: '10' });
      const clean = c.diagnostics(uri, (x) => x.version === 2);
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: edit!.range, text: edit!.newText }],
      });
      assert.deepEqual((await clean).diagnostics, []);
    } finally {
      await c.stop();
    }
  });

  it('survives a document of junk and keeps answering', async () => {
    const uri = 'file:///reports/junk.txt';
    const junk = '政府信息公开年度报告\n' + '\t|\u0000（一）\r'.repeat(2000) + '\ud800';
    await client.openChecked(uri, junk);
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
  });
});

describe('fix-all in the light bulb for a client that resolves code actions', function () {
  this.timeout(10000);
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.start({ codeAction: { resolveSupport: { properties: ['edit', 'command'] } } });
  });
  after(async () => {
    await client.stop();
  });

  it('offers it without its edit at each request, and gives the edit and what it does when resolved', async () => {
    const base = CORRECT;
    const text = TWO_FIXABLE;
    const uri = 'file:///reports/lazy.txt';
    const p = await client.openChecked(uri, text);
    const quick = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: p.diagnostics[0]!.range,
      context: { diagnostics: [p.diagnostics[0]] },
    })) as CodeAction[];
    const lazy = quick.find((a) => a.title === '年报校对：修复全部可自动修复的问题')!;
    assert.deepEqual([lazy.kind, lazy.edit, lazy.data], ['quickfix', undefined, { fixAll: uri }]);
    const resolved = (await client.connection.sendRequest('codeAction/resolve', lazy)) as CodeAction;
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    assert.equal(TextDocument.applyEdits(doc, resolved.edit!.changes![uri]!), base);
    assert.deepEqual(resolved.command?.arguments, ['已修复 2 处（空白填 0 1 处，总计 1 处）']);
  });
});
