/** The server reads PDF, Word and web-page files for the editor's read-only views, and writes a Word fixed copy. */

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { READ_FILE, WRITE_FIXED_COPY, type ReadFileResult, type WriteFixedCopyResult } from '../../server/src/protocol';
import { toDocx } from '../docx';
import { FIXTURES, fixture } from '../helpers';
import { TestClient } from './client';

describe('files read by the server over stdio', function () {
  this.timeout(20000);
  let client: TestClient;
  let dir: string;
  before(async () => {
    client = new TestClient();
    await client.start();
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-lsp-files-'));
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a PDF for a view; the view’s findings name their page', async () => {
    const file = pathToFileURL(path.join(FIXTURES, 'pdf', 'writer-wrong-cell.pdf')).toString();
    // A view URI as VS Code writes it, with the file's URI percent-encoded in its query.
    const view = `nianbao-report:/r.pdf%EF%BC%88%E5%B9%B4%E6%8A%A5%E6%96%87%E5%AD%97%EF%BC%89?${encodeURIComponent(file)}`;
    const r = await client.connection.sendRequest<ReadFileResult>(READ_FILE, { uri: file, view });
    assert.ok(!('error' in r), JSON.stringify(r));
    assert.equal(r.format, 'pdf');
    const wait = client.diagnostics(view);
    // The client's own encoding of the same URI.
    await client.open(decodeURIComponent(view), r.text, 'nianbao');
    const p = await Promise.race([wait, client.diagnostics(decodeURIComponent(view))]);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.message]),
      [['table-total', '（一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6（第 2 页）']],
    );
  });

  it('says why a file cannot be read, in words', async () => {
    const missing = pathToFileURL(path.join(dir, 'none.pdf')).toString();
    assert.deepEqual(await client.connection.sendRequest(READ_FILE, { uri: missing, view: 'nianbao-report:/x' }), {
      error: '无法读取：不存在（ENOENT）',
    });
    const locked = pathToFileURL(path.join(FIXTURES, 'pdf', 'encrypted.pdf')).toString();
    assert.deepEqual(await client.connection.sendRequest(READ_FILE, { uri: locked, view: 'nianbao-report:/y' }), {
      error: '是加密的 PDF（需要密码）',
    });
  });

  it('writes the fixed copy of a Word document and says what it did', async () => {
    const src = path.join(dir, 'fixable.docx');
    writeFileSync(src, await toDocx(fixture('crafted/fixable-tab.txt'), { merge: true }));
    const target = path.join(dir, 'fixed.docx');
    const r = await client.connection.sendRequest<WriteFixedCopyResult>(WRITE_FIXED_COPY, {
      uri: pathToFileURL(src).toString(),
      target: pathToFileURL(target).toString(),
    });
    assert.deepEqual(r, { message: `已修复 3 处（改动 3 个单元格），写入“${target}”`, unplaced: [] });
    assert.ok(existsSync(target));
    const same = await client.connection.sendRequest<WriteFixedCopyResult>(WRITE_FIXED_COPY, {
      uri: pathToFileURL(src).toString(),
      target: pathToFileURL(src).toString(),
    });
    assert.deepEqual(same, { error: '输出文件不能是原文件' });
  });
});
