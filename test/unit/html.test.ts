/** Saved web pages read into the text the checker reads best: tables a row a line, spans expanded. */

import assert from 'node:assert/strict';
import { readInput, type InputText } from '../../server/src/inputs/index';
import { NUMBER_TEXT, lastLabel } from '../../server/src/inputs/grid';
import { sources, toHtml } from '../../scripts/pdf-fixtures';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, fixture, FIXTURES, REAL_REPORTS, said } from '../helpers';

function read(html: string | Uint8Array, name = 'report.html'): InputText {
  const bytes = typeof html === 'string' ? new TextEncoder().encode(html) : html;
  return readInput(bytes, name) as InputText;
}

describe('saved web pages', () => {
  it('a published page of a correct report gives no finding; a changed cell its one error', () => {
    const page = read(toHtml(sources()['correct']!));
    assert.equal(page.format, 'html');
    assert.match(page.text, /^规章\t0\t0\t0$/mu);
    assert.deepEqual(check(page.text), []);
    const wrong = read(toHtml(sources()['wrong-cell']!));
    assert.deepEqual(
      check(wrong.text).map((f) => f.message),
      ['（一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6'],
    );
  });

  it('pages LibreOffice saved from Word documents with merged cells (a value spanning two grid columns): the findings of their text', () => {
    const page = (name: string): string =>
      read(new Uint8Array(readFileSync(path.join(FIXTURES, 'html', `writer-${name}.html`)))).text;
    // The grid is finer than the table: a value cell spans two of its columns.
    assert.match(
      readFileSync(path.join(FIXTURES, 'html', 'writer-correct.html'), 'utf8'),
      /<td colspan="2"[^>]*><p[^>]*>\s*10<\/p>/u,
    );
    for (const [name, text] of Object.entries(sources())) assert.deepEqual(said(page(name)), said(text), name);
    assert.deepEqual(said(page('wrong-cell')), [
      'table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6',
    ]);
    for (const real of REAL_REPORTS) {
      assert.deepEqual(said(page(`report-${real.slice(0, 3)}`)), said(fixture(`${real}.txt`)), real);
    }
  });

  it('expands colspan and rowspan into blank cells, but a value spans no column; joins a label wrapped with <br>, drops scripts and navigation', () => {
    const page = read(
      '<html><head><title>x</title><script>var a = "一、总体情况";</script></head><body>' +
        '<nav><a href="/">首页</a> 一、总体情况</nav>' +
        '<table><tr><td rowspan="2">三、本年度<br>办理结果</td><td colspan="2">（一）予以公开</td><td colspan="2">5</td></tr>' +
        '<tr><td>（二）部分公开</td><td colspan="2"></td><td>1</td></tr></table><p>正文　一段</p></body></html>',
    );
    assert.equal(page.text, '三、本年度办理结果\t（一）予以公开\t\t5\n\t（二）部分公开\t\t1\n\n正文　一段\n');
  });

  it('reads a GBK page by its <meta> charset', () => {
    // <meta charset="gbk"><p>政府信息公开</p> with 政府信息公开 in GBK.
    const head = new TextEncoder().encode('<html><head><meta charset="gbk"></head><body><p>');
    const gbk = Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);
    const tail = new TextEncoder().encode('</p></body></html>');
    const page = read(Uint8Array.from([...head, ...gbk, ...tail]), 'page.htm');
    assert.equal(page.text, '政府信息公开\n');
  });
});

describe('a row’s values on a finer grid (grid.ts, shared by the web page, Word and PDF readers)', () => {
  it('a value spans no column, signed or full-width; a label and the blanks among labels keep their spans', async () => {
    assert.equal(lastLabel(['（一）予以公开', '5', '－', '']), 0);
    assert.equal(lastLabel(['本年增/减', '-1', '+2', '１２', '1,234', '0.35']), 0);
    assert.equal(lastLabel(['', '行政许可', '无', '3']), 2);
    for (const text of ['-1', '+2', '１２', '1,234', '0.35', '12．5']) assert.ok(NUMBER_TEXT.test(text), text);
    for (const text of ['1-2', '1.', '2023年', '－', '-', '']) assert.ok(!NUMBER_TEXT.test(text), text);
    // A signed value after the last label of a 2019 row spans no column: the row keeps its places.
    const page =
      '<table><tr><td colspan="2">规章</td><td colspan="2">1</td><td colspan="2">-1</td><td colspan="2">3</td></tr></table>';
    const text = (await readInput(Buffer.from(page), 'p.html')).text;
    assert.equal(text.trim(), '规章\t\t1\t-1\t3');
  });
});
