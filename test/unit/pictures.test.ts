/**
 * A table published as a picture (a screenshot pasted into the Word document or the web page), or left out by a
 * converter (`[TABLE]`): said once as a table that cannot be read, never as a table missing.
 */

import assert from 'node:assert/strict';
import { pictureOf } from '../../server/src/core/parse/pictures';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readInput } from '../../server/src/inputs/index';
import { layoutPages, type PdfBox } from '../../server/src/inputs/pdf-layout';
import { toHtml } from '../../scripts/pdf-fixtures';
import { PICTURE, toDocx } from '../docx';
import { FIXTURES, check, fixture, said, withTable3As as replaced } from '../helpers';

const PICTURE_SAID =
  'table-unreadable 表格“收到和处理政府信息公开申请情况表”是图片，无法核对其中的数字，请对照原表人工核对，或改用文字表格';

/** The crafted correct report with its 三 table's rows replaced by one line. */
function withTable3As(line: string): string {
  return replaced(fixture('crafted/correct-tab.txt'), line);
}

async function read(bytes: Uint8Array, name: string): Promise<string> {
  return (await readInput(bytes, name)).text;
}

describe('a table as a picture', () => {
  it('knows a picture line, a Markdown image, an <img> and pandoc’s [TABLE]; nothing else', () => {
    assert.equal(pictureOf('[图片：表三.png]'), 'image');
    assert.equal(pictureOf('  [图片]  '), 'image');
    assert.equal(pictureOf('![表三](images/t3.png)'), 'image');
    assert.equal(pictureOf('![](media/image1.png){width="5in"}'), 'image');
    assert.equal(pictureOf('<p><img src="t3.png" alt="表三"></p>'), 'image');
    assert.equal(pictureOf('[TABLE]'), 'dropped');
    for (const text of ['图片', '[图片说明文字很长]', '见下图：![表](a.png)', '[bookmark: _GoBack]', '[TABLE] 见上'])
      assert.equal(pictureOf(text), undefined, text);
  });

  it('in a web page (<img> where 三’s table was, a site logo above the title): one table-unreadable, nothing missing', async () => {
    const page = toHtml(withTable3As(PICTURE)).replace(
      /<p>\[\[picture\]\]<\/p>/u,
      '<p><img src="/uploads/2024/表三.png?v=2" alt="表三"></p>',
    );
    assert.match(page, /<img src=/u);
    const logo = page.replace(/<body>/u, '<body><div class="logo"><img src="/img/logo.png"></div>');
    assert.notEqual(logo, page);
    const text = await read(Buffer.from(logo), 'report.html');
    assert.match(text, /^\[图片：logo\.png\]$/mu);
    assert.match(text, /^\[图片：表三\.png\]$/mu);
    assert.deepEqual(said(text), [PICTURE_SAID]);
  });

  it('in a Word document (a picture where 三’s table was): one table-unreadable, nothing missing', async () => {
    const docx = await toDocx(withTable3As(PICTURE));
    const text = await read(docx, 'report.docx');
    assert.match(text, /^\[图片\]$/mu);
    assert.deepEqual(said(text), [PICTURE_SAID]);
  });

  it('in Markdown, and pandoc’s [TABLE] in its plain text', () => {
    assert.deepEqual(said(withTable3As('![表三](images/t3.png)'), true), [PICTURE_SAID]);
    const dropped = check(withTable3As('[TABLE]'));
    assert.deepEqual(
      dropped.map((f) => `${f.code} ${f.message}`),
      [
        'table-unreadable 表格“收到和处理政府信息公开申请情况表”在转换时被略去（只留下“[TABLE]”），无法核对，请用原文件或按行导出的文本检查',
      ],
    );
    // Without the picture, the same report misses the table.
    assert.deepEqual(
      said(withTable3As('')).map((f) => f.split(' ')[0]),
      ['table-missing'],
    );
  });

  it('a picture beside a table that is read is no finding', () => {
    const text = fixture('crafted/correct-tab.txt').replace(
      '三、收到和处理政府信息公开申请情况\n',
      '三、收到和处理政府信息公开申请情况\n\n[图片：图表.png]\n',
    );
    assert.deepEqual(said(text), []);
  });

  it('in PDFs printed by LibreOffice and Chromium (a picture drawn where the table was): one table-unreadable', async () => {
    for (const name of ['writer-picture.pdf', 'chromium-picture.pdf']) {
      const text = await read(readFileSync(path.join(FIXTURES, 'pdf', name)), name);
      assert.match(text, /^\[图片\]$/mu, name);
      assert.deepEqual(said(text), [PICTURE_SAID], name);
    }
  });

  it('a PDF page’s pictures: one the size of a table is a line of its own, an icon or a thin rule is none', () => {
    const page = (pictures: PdfBox[]): string =>
      layoutPages([
        {
          width: 595,
          height: 842,
          items: [
            { str: '三、收到和处理政府信息公开申请情况', x: 72, y: 700, width: 300, size: 16 },
            { str: '四、政府信息公开行政复议、行政诉讼情况', x: 72, y: 300, width: 300, size: 16 },
          ],
          segments: [],
          pictures,
        },
      ]).text;
    assert.equal(
      page([{ x: 72, y: 380, width: 450, height: 300 }]),
      '三、收到和处理政府信息公开申请情况\n[图片]\n四、政府信息公开行政复议、行政诉讼情况\n',
    );
    assert.equal(
      page([
        { x: 72, y: 650, width: 20, height: 20 },
        { x: 72, y: 500, width: 450, height: 2 },
      ]),
      '三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n',
    );
  });
});
