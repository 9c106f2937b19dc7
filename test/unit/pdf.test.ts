/**
 * PDF files read with pdf.js and rebuilt by geometry. The PDFs in test/fixtures/pdf/ were made by real tools from the
 * crafted reports (`npm run pdf-fixtures`: LibreOffice from a .docx with Word numbering and merged cells, its tables
 * over page breaks; Chromium's print-to-PDF from a web page); the geometry is also tested on items made by hand.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pageAt } from '../../server/src/inputs/index';
import { InputError } from '../../server/src/inputs/errors';
import { layoutPages, type PdfItem, type PdfPage, type PdfSegment } from '../../server/src/inputs/pdf-layout';
import { readPdf } from '../../server/src/inputs/pdf';
import { check, fixture, FIXTURES, REAL_REPORTS, said } from '../helpers';
import { sources } from '../../scripts/pdf-fixtures';

const pdf = (name: string): Buffer => readFileSync(path.join(FIXTURES, 'pdf', name));
const pdfText = (name: string): string => fixture(`pdf/${name}`);

/** Errors and warnings as `line page code message`. */
async function findings(name: string): Promise<string[]> {
  const input = await readPdf(pdf(name));
  return check(input.text)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => {
      const line = input.text.slice(0, f.span.start).split('\n').length;
      return `${line} p${pageAt(input.sourceMap, f.span.start)} ${f.code} ${f.message}`;
    });
}

async function lineOf(name: string, pattern: RegExp): Promise<number> {
  const lines = (await readPdf(pdf(name))).text.split('\n');
  const i = lines.findIndex((l) => pattern.test(l));
  assert.ok(i >= 0, `no line like ${pattern} in ${name}`);
  return i + 1;
}

const WRONG = '（一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6';

describe('PDF files', function () {
  this.timeout(20000);

  const MAKERS = {
    writer: 'LibreOffice from a .docx, ruled tables over page breaks',
    'writer-unruled': 'LibreOffice from a .docx, tables without rules, cells aligned to the top',
    chromium: 'Chromium from a web page, ruled tables',
    'chromium-unruled': 'Chromium from a web page, tables without rules, cells centred',
  };
  const SOURCES = ['correct', 'wrong-cell', 'fixable'];

  for (const [maker, how] of Object.entries(MAKERS)) {
    it(`${how}: a correct report gives no error or warning`, async () => {
      assert.deepEqual(await findings(`${maker}-correct.pdf`), []);
    });

    it(`${how}: one changed cell is found on its row, with its page and right value, and nothing else`, async () => {
      const line = await lineOf(`${maker}-wrong-cell.pdf`, /（一）予以公开\t6\t1\t/u);
      assert.deepEqual(await findings(`${maker}-wrong-cell.pdf`), [`${line} p2 table-total ${WRONG}`]);
    });

    it(`${how}: every report gives the findings its text gives`, async () => {
      for (const source of SOURCES) {
        const text = sources()[source]!;
        const expected = check(text).map((f) => `${f.code} ${f.message}`);
        const input = await readPdf(pdf(`${maker}-${source}.pdf`));
        assert.deepEqual(
          check(input.text).map((f) => `${f.code} ${f.message}`),
          expected,
          source,
        );
      }
    });
  }

  it('the real reports, as LibreOffice prints them from Word: the findings of their text', async () => {
    // 003's paragraphs wrap in the PDF, cutting three of its four bold-marker pairs over two lines: each is one
    // leftover all the same.
    for (const real of REAL_REPORTS) {
      const expected = check(fixture(`${real}.txt`)).map((f) => `${f.code} ${f.message}`);
      const input = await readPdf(pdf(`writer-report-${real.slice(0, 3)}.pdf`));
      assert.deepEqual(
        check(input.text).map((f) => `${f.code} ${f.message}`),
        expected,
        real,
      );
    }
  });

  it('documents saved again by LibreOffice and printed by it (every cell its own borders, rules in pieces a fraction apart): the findings of their text', async () => {
    for (const [name, text] of Object.entries(sources()))
      assert.deepEqual(said((await readPdf(pdf(`resaved-${name}.pdf`))).text), said(text), name);
    for (const real of REAL_REPORTS) {
      const input = await readPdf(pdf(`resaved-report-${real.slice(0, 3)}.pdf`));
      assert.deepEqual(said(input.text), said(fixture(`${real}.txt`)), real);
    }
  });

  it('header rows drawn again on every page a table runs onto (Word’s 重复标题行): said once, a row cut by the break still joined — the findings of the text', async () => {
    const text = (await readPdf(pdf('writer-repeat-correct.pdf'))).text;
    // Drawn five times in the PDF, read once.
    assert.equal(pdfText('writer-repeat-correct.layout.txt').match(/自然人/gu)?.length, 5);
    assert.equal(text.match(/自然人/gu)?.length, 1);
    assert.match(text, /^\t5\.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0$/mu);
    assert.deepEqual(said(text), []);
    for (const real of REAL_REPORTS) {
      const input = await readPdf(pdf(`writer-repeat-report-${real.slice(0, 3)}.pdf`));
      assert.deepEqual(said(input.text), said(fixture(`${real}.txt`)), real);
    }
  });

  it('two small tables printed touching across a page break are two tables: the next one’s caption row is no rest of a cut row', async () => {
    // The crafted report's web page (saved by LibreOffice) printed by Chromium: 行政许可 ends page 1, the table
    // 第二十条第（六）项 begins page 2 at the same left and right edges.
    const text = (await readPdf(pdf('chromium-page-correct.pdf'))).text;
    assert.match(text, /^行政许可\t12$/mu);
    assert.deepEqual(said(text), []);
    // And through pdftotext: the last line of row 一's label at the foot of page 1 and of row 二's at the head of
    // page 2 are the same words (`政府信息公开`), either side of one break — no running head.
    assert.deepEqual(said(pdfText('chromium-page-correct.layout.txt')), []);
    assert.deepEqual(said(pdfText('chromium-page-correct.raw.txt')), []);
  });

  it('a blank cell over two columns of a finer grid (a page saved by LibreOffice, printed by Chromium) is one blank', async () => {
    const text = (await readPdf(pdf('chromium-page-fixable.pdf'))).text;
    assert.deepEqual(said(text), said(fixture('crafted/fixable-tab.txt')));
    assert.deepEqual(said(pdfText('chromium-page-fixable.layout.txt')), said(fixture('crafted/fixable-tab.txt')));
  });

  it('a published page printed by Chromium: a row cut by a page break joined though the cell merged down the first column is not drawn again', async () => {
    const input = await readPdf(pdf('chromium-page-report-000.pdf'));
    assert.match(input.text, /^\t\(二\)部分公开\(区分处理的,只计这一情形,不计其他情形\)\t0/mu);
    assert.deepEqual(said(input.text), said(fixture(`${REAL_REPORTS[0]}.txt`)));
  });

  it('LibreOffice: Word numbering drawn before the headings, merged cells as blanks, the row split by a page break joined', async () => {
    const text = (await readPdf(pdf('writer-correct.pdf'))).text;
    assert.match(text, /^一、\s*总体情况$/mu);
    assert.match(text, /^三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6$/mu);
    assert.match(text, /^\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t1\t0\t2$/mu);
    // The row 一 begins at the foot of page 1 and its label ends at the head of page 2.
    assert.match(text, /^一、本年新收政府信息公开申请数量\t\t10\t2\t0\t0\t1\t0\t13$/mu);
  });

  it('each page starts where the source map says', async () => {
    const input = await readPdf(pdf('writer-correct.pdf'));
    assert.deepEqual(
      input.sourceMap.map((m) => m.page),
      [1, 2, 3, 4],
    );
    assert.equal(input.sourceMap[0]!.offset, 0);
    for (let i = 1; i < input.sourceMap.length; i++)
      assert.ok(input.sourceMap[i]!.offset > input.sourceMap[i - 1]!.offset);
  });

  it('an encrypted PDF, a picture with no text and a damaged file are each refused in one sentence', async () => {
    const reason = async (bytes: Uint8Array): Promise<string> => {
      try {
        await readPdf(bytes);
      } catch (e) {
        assert.ok(e instanceof InputError, String(e));
        return e.reason;
      }
      return 'read';
    };
    assert.equal(await reason(pdf('encrypted.pdf')), '是加密的 PDF（需要密码）');
    assert.equal(
      await reason(pdf('image-only.pdf')),
      '是扫描件或图片，没有可读取的文字（请用可复制文字的 PDF 或原始 Word 文件）',
    );
    assert.equal(await reason(Buffer.from('%PDF-1.7\ngarbage\n')), '不是有效的 PDF 文件');
    assert.equal(await reason(Buffer.from('政府信息公开工作年度报告')), '不是有效的 PDF 文件');
  });
});

/** An item of text at (x, y), 10 units a character. */
const item = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: [...str].length * 10, size: 10 });
const h = (y: number, x1: number, x2: number): PdfSegment => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): PdfSegment => ({ x1: x, y1, x2: x, y2 });
const page = (items: PdfItem[], segments: PdfSegment[] = []): PdfPage => ({ width: 600, height: 800, items, segments });

describe('PDF geometry', () => {
  it('a ruled grid: a cell’s wrapped lines joined, a missing rule inside the grid a merged cell read as blanks', () => {
    // Three columns, three rows; the first column's cell spans rows 2–3 (no rule between them at x 100–200).
    const rules = [h(700, 100, 400), h(670, 100, 400), h(640, 200, 400), h(610, 100, 400)];
    const cols = [v(100, 610, 700), v(200, 610, 700), v(300, 610, 700), v(400, 610, 700)];
    const items = [
      item('项目', 110, 680),
      item('数量', 210, 680),
      item('合计', 310, 680),
      item('三、本年', 110, 650),
      item('度办理', 110, 638),
      item('（一）', 210, 650),
      item('5', 310, 650),
      item('（二）', 210, 620),
      item('1', 310, 620),
    ];
    assert.equal(
      layoutPages([page(items, [...rules, ...cols])]).text,
      '项目\t数量\t合计\n三、本年度办理\t（一）\t5\n\t（二）\t1\n',
    );
  });

  it('thin filled rectangles are rules, as Word draws cell borders', () => {
    const rect = (x: number, y: number, w: number, hgt: number): PdfSegment[] =>
      w < hgt ? [v(x + w / 2, y, y + hgt)] : [h(y + hgt / 2, x, x + w)];
    const segments = [
      ...rect(100, 699, 200, 1),
      ...rect(100, 669, 200, 1),
      ...rect(100, 639, 200, 1),
      ...rect(99, 640, 1, 60),
      ...rect(199, 640, 1, 60),
      ...rect(299, 640, 1, 60),
    ];
    const items = [item('行政许可', 110, 680), item('12', 210, 680), item('行政处罚', 110, 650), item('3', 210, 650)];
    assert.equal(layoutPages([page(items, segments)]).text, '行政许可\t12\n行政处罚\t3\n');
  });

  it('a table going on over a page break goes on; the row split by the break is joined; page numbers and running headers dropped', () => {
    const grid = (top: number, rows: number): PdfSegment[] => {
      const out: PdfSegment[] = [];
      for (let r = 0; r <= rows; r++) out.push(h(top - r * 30, 100, 300));
      for (const x of [100, 200, 300]) out.push(v(x, top - rows * 30, top));
      return out;
    };
    const header = (n: number): PdfItem[] => [item('某镇人民政府', 250, 770), item(`- ${n} -`, 290, 30)];
    const first = page(
      [...header(1), item('正文', 100, 720), item('一、本年新收', 110, 180), item('10', 210, 180)],
      grid(200, 1),
    );
    const second = page(
      [...header(2), item('申请数量', 110, 730), item('二、上年结转', 110, 700), item('1', 210, 700)],
      grid(750, 2),
    );
    const third = page([...header(3), item('结束', 100, 700)]);
    const out = layoutPages([first, second, third]);
    assert.equal(out.text, '正文\n\n一、本年新收申请数量\t10\n二、上年结转\t1\n\n结束\n');
    assert.deepEqual(out.pageStarts, [
      0,
      '正文\n\n一、本年新收申请数量\t10\n'.length,
      out.text.indexOf('\n\n结束') + 1,
    ]);
  });

  it('a table without rules: a label line printed as two runs that touch is one label, in the column it begins in', () => {
    // Row 1's label is one cell over both label columns, printed as `二、上年` + `结转政`; the second run begins
    // where row 2's second label column does.
    const numbers = (y: number): PdfItem[] => [item('0', 300, y), item('0', 340, y), item('0', 380, y)];
    const items = [
      item('二、上年', 100, 700),
      item('结转政', 140.5, 700),
      ...numbers(700),
      item('三、本年', 100, 680),
      item('（一）', 150, 680),
      ...numbers(680),
    ];
    assert.equal(layoutPages([page(items)]).text, '二、上年结转政\t\t0\t0\t0\n三、本年\t（一）\t0\t0\t0\n');
  });

  it('text without rules is laid out by column, as pdftotext -layout does', () => {
    const items = [
      item('行政许可', 100, 700),
      item('12', 300, 700),
      item('其他对外管理服务事项', 100, 680),
      item('3', 300, 680),
    ];
    // Half an em a column: x 300 is column 40, whatever the width of the label before it.
    assert.equal(
      layoutPages([page(items)]).text,
      `行政许可${' '.repeat(32)}12\n其他对外管理服务事项${' '.repeat(20)}3\n`,
    );
  });
});
