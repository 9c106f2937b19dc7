/**
 * Protocol manners and untrusted data over stdio: malformed exchanges get the JSON-RPC error the specification
 * names, and fix data forged by a client gives no action — quickly, and the server goes on answering.
 */

import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fixture } from '../helpers';
import { TestClient } from './client';
import { RawPeer } from './raw';

const HOVER = { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 0 } };

describe('protocol manners over stdio', () => {
  it('answers before initialize with -32002, bad JSON with ParseError, bad params with -32602, after shutdown with InvalidRequest', async () => {
    const peer = new RawPeer();
    try {
      assert.deepEqual((await peer.request(1, 'textDocument/hover', HOVER)).error?.code, -32002);
      const init = await peer.request(2, 'initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.ok(init.result);
      peer.send({ jsonrpc: '2.0', method: 'initialized', params: {} });

      peer.send('{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": ');
      const parse = await peer.next((m) => m.id === null);
      assert.equal(parse.error?.code, -32700);

      for (const [id, method, params] of [
        [4, 'textDocument/hover', null],
        [5, 'textDocument/hover', { textDocument: { uri: 7 }, position: { line: 0, character: 0 } }],
        [6, 'textDocument/documentSymbol', { textDocument: 'file:///x.txt' }],
        [7, 'textDocument/codeAction', { textDocument: { uri: 'file:///x.txt' }, range: null, context: null }],
        [8, 'textDocument/inlayHint', { textDocument: { uri: 'file:///x.txt' }, range: { start: 0, end: 1 } }],
        [9, 'nianbao/checkAsReport', null],
        [10, 'textDocument/hover', { textDocument: { uri: 'file:///x.txt' }, position: { line: -1, character: 0 } }],
      ] as const) {
        const answer = await peer.request(id, method, params);
        assert.equal(answer.error?.code, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
        assert.match(answer.error!.message, /参数无效/u);
      }
      // A notification with bad params is dropped; the server goes on.
      peer.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: null } });
      assert.deepEqual((await peer.request(11, 'textDocument/hover', HOVER)).result, null);

      assert.equal((await peer.request(12, 'shutdown')).result, null);
      assert.equal((await peer.request(13, 'textDocument/hover', HOVER)).error?.code, -32600);
      peer.send({ jsonrpc: '2.0', method: 'exit' });
      assert.equal(await peer.exited, 0);
    } finally {
      peer.kill();
    }
  });
});

describe('forged fix data over stdio', () => {
  let client: TestClient;
  const uri = 'file:///reports/forged.txt';
  let real: Diagnostic[];
  const text = fixture('001_50aa6597b9c6048c.txt');

  before(async () => {
    client = new TestClient();
    await client.start();
    real = (await client.openChecked(uri, text)).diagnostics;
  });
  after(() => client.stop());

  /** The fixes offered for a diagnostic (“已核实，忽略此问题” left out: it carries no fix data). */
  async function actionsFor(d: Diagnostic): Promise<CodeAction[]> {
    const all = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    return all.filter((a) => a.command?.command !== 'nianbao.dismiss');
  }

  it('an insert-row with a pad past the widest row, or a forged span, gives no action and the server stays quick', async () => {
    const missing = real.find((d) => d.code === 'table-row-missing')!;
    assert.equal((await actionsFor(missing)).length, 1, 'the genuine data gives its fix');
    const data = missing.data as Record<string, unknown>;
    for (const forged of [
      { ...data, pad: 1e9 },
      { ...data, pad: 2e7 },
      { ...data, pad: -1 },
      { ...data, pad: 1.5 },
      { ...data, indent: ' '.repeat(1e6) },
      { ...data, at: { span: { start: 10, end: 5 }, expect: '' } },
      { ...data, at: { span: { start: 0, end: text.length + 10 }, expect: text } },
      { ...data, at: { span: { start: 5, end: 5 }, expect: 'x' } },
    ]) {
      const t = performance.now();
      assert.deepEqual(await actionsFor({ ...missing, data: forged }), [], JSON.stringify(forged).slice(0, 120));
      assert.ok(performance.now() - t < 1000);
    }
  });

  it('a removal with inverted or overlapping spans, a set-cell with a value in exponent form: no action', async () => {
    const artifact = real.find((d) => d.code === 'text-artifact')!;
    const a = artifact.data as { targets: { span: { start: number; end: number }; expect: string }[] };
    assert.equal((await actionsFor(artifact)).length, 1);
    const t0 = a.targets[0]!;
    const inverted = { ...a, targets: [{ span: { start: t0.span.end, end: t0.span.start }, expect: '' }] };
    const twice = { ...a, targets: [t0, t0] };
    for (const data of [inverted, twice, { ...a, targets: [] }]) {
      assert.deepEqual(await actionsFor({ ...artifact, data }), []);
    }
    const setCell = {
      ...artifact,
      code: 'table-total',
      data: { fix: 'set-cell', target: t0, value: '1e+21', role: 'addend', cell: 'x' },
    };
    assert.deepEqual(await actionsFor(setCell), []);
  });
});
