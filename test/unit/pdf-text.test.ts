/**
 * Text taken out of real PDFs: crafted reports printed by headless Chromium and extracted by poppler's pdftotext
 * (`npm run pdf-fixtures` makes test/fixtures/pdf/ with the real tools; the outputs are committed).
 */

import assert from 'node:assert/strict';
import { applyFix, check, fixture, parse, REAL_REPORTS, replaceOnce, said } from '../helpers';
import { fixesFor } from '../../server/src/core/fixes';
import { fixAllText } from '../../server/src/core/fixall';
import { splitLines } from '../../server/src/core/lines';
import { blankPageFurniture } from '../../server/src/core/parse/furniture';

function findings(name: string): string[] {
  const text = fixture(`pdf/${name}`);
  return check(text).map((f) => {
    const line = text.slice(0, f.span.start).split('\n').length;
    return `${line} ${f.code} ${f.message}`;
  });
}

describe('text from real PDFs', () => {
  it('pdftotext -layout of a correct report: labels wrapped in two columns around their numbers, no finding', () => {
    assert.deepEqual(findings('correct.layout.txt'), []);
  });

  it('pdftotext -layout with one changed cell: that cell, on its line, with its right value, and nothing else', () => {
    const text = fixture('pdf/wrong-cell.layout.txt');
    const line = text.split('\n').findIndex((l) => /^ +6 +1 +0 +0 +0 +0 +6$/u.test(l)) + 1;
    assert.ok(line > 0);
    assert.deepEqual(findings('wrong-cell.layout.txt'), [
      `${line} table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6`,
    ]);
  });

  it('plain pdftotext: each table dumped column after column is said once to be unreadable, nothing else; 二 is read', () => {
    const found = findings('correct.plain.txt');
    assert.deepEqual(
      found.map((f) => f.split(' ')[1]),
      ['table-unreadable', 'table-unreadable'],
    );
    assert.match(found[0]!, /收到和处理政府信息公开申请情况表”的数值与行标签分开排列/u);
    // Its reading order put four of the 四 table's fifteen numbers after the next heading: no row to read there.
    assert.match(found[1]!, /行政复议、行政诉讼情况表”的数值与行标签分开排列/u);
  });

  it('pdftotext -layout of a LibreOffice PDF (labels wrapped down narrow top-aligned cells, page numbers and a running header between a row’s parts): no finding; the changed cell found on its row', () => {
    assert.deepEqual(findings('writer-correct.layout.txt'), []);
    const text = fixture('pdf/writer-wrong-cell.layout.txt');
    const line = text.split('\n').findIndex((l) => /^三、本 +（一） +6 +1 +0/u.test(l)) + 1;
    assert.ok(line > 0);
    assert.deepEqual(findings('writer-wrong-cell.layout.txt'), [
      `${line} table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6`,
    ]);
  });
});

describe('a real report printed by LibreOffice from Word, taken out with pdftotext', () => {
  it('001 (one cell a line, cut by page breaks with a running head): -layout and plain give the findings of its text', () => {
    const expected = check(fixture('001_50aa6597b9c6048c.txt')).map((f) => `${f.code} ${f.message}`);
    for (const form of ['layout', 'plain']) {
      const text = fixture(`pdf/writer-report-001.${form}.txt`);
      assert.deepEqual(
        check(text).map((f) => `${f.code} ${f.message}`),
        expected,
        form,
      );
    }
  });
});

describe('a label cut by a page break', () => {
  it('000 -layout: taken up on the next page at another indentation, it is joined; a group’s label beside a row’s is apart: the findings of the text', () => {
    const expected = check(fixture('000_94c66d917836ad80.txt')).map((f) => `${f.code} ${f.message}`);
    const got = check(fixture('pdf/writer-report-000.layout.txt')).map((f) => `${f.code} ${f.message}`);
    assert.ok(!got.some((g) => /无正|复申请/u.test(g)), got.join('\n'));
    assert.deepEqual(
      expected.filter((e) => !got.includes(e)),
      [],
    );
    // And a group label and a row label one space apart on one line (`(三) 不 1. 属于` over `予公 开 国家秘`) are
    // two labels: nothing is left but the findings of the text.
    assert.deepEqual(got, expected);
  });
});

describe('real reports through plain pdftotext', () => {
  it('000 and 003: 二’s small tables dumped apart and 三, 四 are said unreadable once each; nothing else but the text’s findings', () => {
    for (const real of ['000_94c66d917836ad80', '003_b4c873c83d7e3610']) {
      const text = check(fixture(`${real}.txt`)).map((f) => `${f.code} ${f.message}`);
      const plain = check(fixture(`pdf/writer-report-${real.slice(0, 3)}.plain.txt`)).map(
        (f) => `${f.code} ${f.message}`,
      );
      const unreadable = plain.filter((f) => f.startsWith('table-unreadable'));
      assert.equal(new Set(unreadable).size, unreadable.length, real);
      assert.ok(
        unreadable.some((f) => f.includes('第二十条第（五）项')),
        real,
      );
      assert.deepEqual(
        plain.filter((f) => !f.startsWith('table-unreadable') && !text.includes(f)),
        [],
        real,
      );
    }
  });
});

describe('bold markers cut by wrapping', () => {
  it('003 -layout: a `**…**` pair over two lines is one leftover, its fix removes both markers; the findings of the text', () => {
    const text = fixture('pdf/writer-report-003.layout.txt');
    const expected = check(fixture('003_b4c873c83d7e3610.txt')).map((f) => `${f.code} ${f.message}`);
    assert.deepEqual(
      check(text).map((f) => `${f.code} ${f.message}`),
      expected,
    );
    const cut = check(text).find((f) => f.message.includes('九是提高培训精度'))!;
    assert.equal(text.slice(cut.span.start, cut.span.end), '**九是提高培训精度。\n**');
    const fixed = applyFix(text, fixesFor(cut.code, cut.data, text)[0]!);
    assert.match(fixed, /工作。九是提高培训精度。\n积极参加/u);
    assert.equal(fixed.length, text.length - 4);
  });
});

describe('plain pdftotext of a LibreOffice PDF', () => {
  it('二’s numbers printed before their labels are read label first; 三 and 四 dumped are each said once, nothing else', () => {
    for (const name of ['writer-correct.plain.txt', 'writer-wrong-cell.plain.txt']) {
      const found = findings(name);
      assert.deepEqual(
        found.map((f) => f.split(' ')[1]),
        ['table-unreadable', 'table-unreadable'],
        name,
      );
      assert.match(found[0]!, /收到和处理政府信息公开申请情况表”的数值与行标签分开排列/u);
      assert.match(found[1]!, /行政复议、行政诉讼情况表”的数值与行标签分开排列/u);
    }
    // 二 is read: a changed number there is found.
    const text = replaceOnce(fixture('pdf/writer-correct.plain.txt'), '12\n行政许可', '1.5\n行政许可');
    assert.ok(
      check(text).some((f) => f.code === 'table-cell-invalid' && text.slice(f.span.start, f.span.end) === '1.5'),
    );
  });

  it('a 四 row of one cell a line that lacks a value is still a missing value, not a dump', () => {
    const cells = fixture('crafted/correct-cells.txt');
    const text = replaceOnce(cells, '\t1\n\t0\n\t0\n\t1\n\t2\n', '\t0\n\t0\n\t1\n\t2\n');
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['table-cell-missing'],
    );
  });
});

describe('Markdown made from a PDF by a real converter (@opendocsg/pdf2md)', () => {
  const md = (name: string): string[] => {
    const text = fixture(`pdf/${name}`);
    return check(text, true).map((f) => `${text.slice(0, f.span.start).split('\n').length} ${f.code} ${f.message}`);
  };

  for (const maker of ['chromium', 'writer']) {
    it(`of the ${maker} PDF (every line a heading, labels a fragment a line, numbers after single spaces): no finding; the changed cell found`, () => {
      assert.deepEqual(md(`${maker}-correct.pdf2md.md`), []);
      const text = fixture(`pdf/${maker}-wrong-cell.pdf2md.md`);
      const line = text.split('\n').findIndex((l) => l.startsWith('## 6 1 0 0 0 0 6')) + 1;
      assert.ok(line > 0);
      assert.deepEqual(md(`${maker}-wrong-cell.pdf2md.md`), [
        `${line} table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6`,
      ]);
    });
  }

  it('of the fixable report: its three errors found (the blank cell, which the converter drops, as a short row)', () => {
    for (const maker of ['chromium', 'writer']) {
      assert.deepEqual(
        md(`${maker}-fixable.pdf2md.md`).map((f) => f.split(' ').slice(1, 3).join(' ')),
        [
          'table-cell-missing 行“（三）2.其他法律行政法规禁止公开”应有',
          'table-total （七）总计·自然人',
          'table-total 行政复议·总计',
        ],
        maker,
      );
    }
  });
});

describe('labels that begin like another row', () => {
  it('`2.其他` wrapped over lines is the start of 2.其他法律行政法规禁止公开, not the row 3.其他 nor the column 其他', () => {
    // pdf2md of the LibreOffice PDF: `2.其他` / `法律行` / `政法规` / `禁止公` / `开` / `0 0 0 0 0 0 0`.
    const report = parse(fixture('pdf/writer-correct.pdf2md.md'), true);
    const table = report.tables.find((t) => t.id === 'applications')!;
    const rows = table.rows.filter((r) => r.label?.cell.text.startsWith('2.其他'));
    assert.deepEqual(
      rows.map((r) => [r.label!.cell.text, r.matchedBy, r.values.map((v) => v.text).join(' ')]),
      [['2.其他法律行政法规禁止公开', 'label', '0 0 0 0 0 0 0']],
    );
  });
});

describe('page furniture in text taken out of a PDF', () => {
  it('page numbers, a running header and the blank lines of a page break are left out; the same words elsewhere stay', () => {
    const text = [
      '某某县人民政府',
      '一、本年新收政府   10   2   13',
      '',
      '                 -1-',
      '\f          某某县人民政府',
      '信息公开申请数量',
      '第 2 页',
      '\f          某某县人民政府',
      '正文',
    ].join('\n');
    const lines = blankPageFurniture(splitLines(text));
    assert.deepEqual(
      lines.map((l) => l.text),
      ['某某县人民政府', '一、本年新收政府   10   2   13', '信息公开申请数量', '正文'],
    );
    // Lines are renumbered for reading; offsets are the real ones.
    assert.deepEqual(
      lines.map((l) => l.index),
      [0, 1, 2, 3],
    );
    assert.equal(lines[2]!.start, text.indexOf('信息公开申请数量'));
    // No page break, nothing taken.
    assert.deepEqual(
      blankPageFurniture(splitLines('-1-\n\n正文')).map((l) => l.text),
      ['-1-', '', '正文'],
    );
  });
});

describe('label columns two or three characters wide (pdftotext -layout of prints made by LibreOffice and Chromium)', () => {
  it('a label wrapped over sixteen lines beside its group’s, the numbers on its first line: the findings of the text', () => {
    // Real report 000's page printed by Chromium: `1. 申` and the numbers, then `请人` … `请` a line each, the group's
    // `其他` / `处理` beside the first two.
    const page = fixture('pdf/chromium-page-report-000.layout.txt');
    assert.match(page, /\(六\) {3}1\. 申 {3}0/u);
    assert.deepEqual(said(page), said(fixture('000_94c66d917836ad80.txt')));
    // The same report and 001 saved again by LibreOffice and printed: a group's label and a row's one space apart.
    for (const real of ['000_94c66d917836ad80', '001_50aa6597b9c6048c'])
      assert.deepEqual(
        said(fixture(`pdf/resaved-report-${real.slice(0, 3)}.layout.txt`)),
        said(fixture(`${real}.txt`)),
      );
    for (const name of ['correct', 'wrong-cell']) {
      const text = fixture(`pdf/resaved-${name}.layout.txt`);
      assert.deepEqual(said(text), said(fixture(`pdf/writer-${name}.layout.txt`)), name);
    }
  });
});

describe('pdftotext -raw: the text in the order the PDF draws it, as a viewer’s copy gives it', () => {
  it('a label’s pieces a line each, then its numbers after single spaces, no blank lines: the findings of the text', () => {
    const raw = fixture('pdf/writer-correct.raw.txt');
    assert.match(raw, /^（三）\n不予公\n开\n1\.属于\n国家秘\n密\n0 0 0 0 0 0 0$/mu);
    for (const printer of ['writer', 'chromium', 'chromium-unruled', 'resaved']) {
      assert.deepEqual(said(fixture(`pdf/${printer}-correct.raw.txt`)), [], printer);
      assert.deepEqual(
        said(fixture(`pdf/${printer}-wrong-cell.raw.txt`)),
        said(fixture('pdf/writer-wrong-cell.layout.txt')),
        printer,
      );
    }
    // The real reports printed by LibreOffice, saved again and printed, and 000's page printed by Chromium (its label
    // `(二)部分公开…` centred on its numbers: pieces above and below them, `其他` among those below).
    // The same findings; their order follows the text's, which the drawing order changes.
    const sorted = (name: string): string[] => said(fixture(name)).sort();
    for (const real of REAL_REPORTS) {
      const text = sorted(`${real}.txt`);
      for (const printer of ['writer', 'resaved'])
        assert.deepEqual(sorted(`pdf/${printer}-report-${real.slice(0, 3)}.raw.txt`), text, `${printer} ${real}`);
    }
    assert.deepEqual(sorted('pdf/chromium-page-report-000.raw.txt'), sorted('000_94c66d917836ad80.txt'));
  });
});

describe('header rows drawn again on the page a table runs onto (Word’s 重复标题行), through pdftotext', () => {
  it('-layout and -raw: the copies at the head of a page are read as page furniture, the row cut by the break joined', () => {
    const layout = fixture('pdf/writer-repeat-correct.layout.txt');
    assert.equal(layout.match(/自然人/gu)?.length, 5);
    assert.deepEqual(said(layout), []);
    for (const real of ['000_94c66d917836ad80', '001_50aa6597b9c6048c'])
      assert.deepEqual(
        said(fixture(`pdf/writer-repeat-report-${real.slice(0, 3)}.layout.txt`)),
        said(fixture(`${real}.txt`)),
      );
    for (const real of REAL_REPORTS)
      assert.deepEqual(
        said(fixture(`pdf/writer-repeat-report-${real.slice(0, 3)}.raw.txt`)).sort(),
        said(fixture(`${real}.txt`)).sort(),
        real,
      );
    // -raw of the crafted report: the rest of a label cut by the break comes after the copied header, below its
    // numbers, and is not joined — the row is taken by its place (a warning, its numbers checked).
    assert.deepEqual(said(fixture('pdf/writer-repeat-correct.raw.txt')), [
      'table-row-label 此行没有行标签，按位置视为“（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”',
    ]);
  });

  it('lines at the head of a page that only look like an earlier header (not over a row of numbers) stay', () => {
    const prose = ['甲乙丙', '丁戊己', '正文一', '正文一续', '\f甲乙丙', '丁戊己', '正文二'];
    assert.deepEqual(
      blankPageFurniture(splitLines(prose.join('\n'))).map((l) => l.text),
      prose,
    );
    const table = ['表头甲', '表头乙', '行一 1 2 3', '行二 4 5 6', '\f表头甲', '表头乙', '行三 7 8 9'];
    assert.deepEqual(
      blankPageFurniture(splitLines(table.join('\n'))).map((l) => l.text),
      ['表头甲', '表头乙', '行一 1 2 3', '行二 4 5 6', '行三 7 8 9'],
    );
  });
});

describe('words spread over their cell (分散对齐, letter spacing), as pdftotext -layout sets them', () => {
  it('three characters or more evenly apart are one label; an ordinal with a space inside is the same ordinal', () => {
    const text = fixture('pdf/writer-correct.layout.txt')
      .replace(/^( 信息内容)( {9}本年处理决定数量)$/mu, ' 信  息  内  容$2')
      .replace(/^ 行政许可( +12)$/mu, ' 行  政  许  可$1')
      .replace(/^一、( +总体情况)$/mu, '一 、$1');
    assert.match(text, /^ 行 {2}政 {2}许 {2}可 +12$/mu);
    assert.match(text, /^ 信 {2}息 {2}内 {2}容 +本年处理决定数量$/mu);
    assert.match(text, /^一 、 +总体情况$/mu);
    assert.deepEqual(said(text), []);
    const row = parse(text).tables.find((t) => t.rows.some((r) => r.label?.cell.text === '行  政  许  可'));
    assert.ok(row, 'the spread label names its row');
    // Two single characters far apart are two labels' last lines side by side, not one word.
    assert.deepEqual(said(fixture('pdf/correct.layout.txt')), []);
    assert.match(fixture('pdf/correct.layout.txt'), /^开 {8}密$/mu);
  });
});

describe('a blank cell in a table set out by spaces (pdftotext -layout)', () => {
  it('is placed in its column by the full rows around it: said as that cell, filled by fix-all', () => {
    const crafted = said(fixture('crafted/fixable-tab.txt'));
    for (const name of ['pdf/fixable.layout.txt', 'pdf/writer-fixable.layout.txt', 'pdf/resaved-fixable.layout.txt']) {
      const text = fixture(name);
      assert.deepEqual(said(text), crafted, name);
      assert.deepEqual(said(fixAllText(text).text), [], name);
    }
    // Chromium's print: pdftotext counts a Chinese character one place, so the label before the numbers shifts
    // nothing; the blank 商业企业 cell lies between 自然人's 0 and 科研机构's.
    const line = fixture('pdf/fixable.layout.txt')
      .split('\n')
      .find((l) => l.includes('政法规禁止公'))!;
    assert.match(line, /政法规禁止公 {4}0 {12}0/u);
  });
});
