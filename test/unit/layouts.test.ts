/** The parser on each text layout and on the damage real files carry. */

import assert from 'node:assert/strict';
import type { Table } from '../../server/src/core/model';
import { briefs, check, fixture, joinLines, parse, REAL_REPORTS, said } from '../helpers';

const BASE = fixture('crafted/correct-tab.txt');

function table(text: string, id: string, markdown = false): Table {
  const t = parse(text, markdown).tables.find((x) => x.id === id);
  assert.ok(t, `no table ${id}`);
  return t;
}

function rowValues(t: Table, rowId: string): (number | undefined)[] {
  const row = t.rows.find((r) => r.rowId === rowId);
  assert.ok(row, `no row ${rowId}`);
  return row.values.map((v) => v.value);
}

describe('layouts', () => {
  for (const [name, layout] of [
    ['crafted/correct-tab.txt', 'tab'],
    ['crafted/correct-cells.txt', 'cells'],
    ['crafted/correct-pipe.md', 'pipe'],
    ['000_94c66d917836ad80.txt', 'tab'],
    ['001_50aa6597b9c6048c.txt', 'cells'],
  ] as const) {
    it(`reads every table of ${name} (${layout})`, () => {
      const text = fixture(name);
      const md = name.endsWith('.md');
      const report = parse(text, md);
      assert.deepEqual(
        report.tables.map((t) => [t.id, t.layout]),
        ['art20-1', 'art20-5', 'art20-6', 'art20-8', 'applications', 'review'].map((id) => [id, layout]),
      );
      const apps = table(text, 'applications', md);
      const expectedRows = name.startsWith('001') ? 24 : 25;
      assert.equal(apps.rows.filter((r) => r.matchedBy === 'label').length, expectedRows);
      assert.equal(table(text, 'review', md).rows[0]!.values.length, name.startsWith('000') ? 16 : 15);
    });
  }

  it('reads the values of each layout into the same cells', () => {
    for (const name of ['crafted/correct-tab.txt', 'crafted/correct-cells.txt', 'crafted/correct-pipe.md']) {
      const text = fixture(name);
      const md = name.endsWith('.md');
      const apps = table(text, 'applications', md);
      assert.deepEqual(rowValues(apps, 'new'), [10, 2, 0, 0, 1, 0, 13], name);
      assert.deepEqual(rowValues(apps, 'unprocessed-2'), [0, 1, 0, 0, 0, 0, 1], name);
      assert.deepEqual(rowValues(table(text, 'art20-1', md), 'normative'), [2, 1, 5], name);
      assert.deepEqual(rowValues(table(text, 'art20-8', md), 'fees'), [0.35], name);
      assert.deepEqual(
        table(text, 'review', md).rows[0]!.values.map((v) => v.value),
        [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
        name,
      );
    }
  });

  it('gives every cell its exact range', () => {
    const t = table(BASE, 'applications');
    const row = t.rows.find((r) => r.rowId === 'new')!;
    for (const cell of row.values) assert.equal(BASE.slice(cell.span.start, cell.span.end), cell.text);
    assert.equal(BASE.slice(row.label!.cell.span.start, row.label!.cell.span.end), '一、本年新收政府信息公开申请数量');
  });

  it('reads one cell per line without blank lines between rows or indentation', () => {
    const cells = fixture('crafted/correct-cells.txt');
    const from = cells.indexOf('二、主动公开');
    const to = cells.indexOf('五、存在');
    const flat = cells
      .slice(from, to)
      .split('\n')
      .filter((l) => l !== '' && l !== '\t')
      .map((l) => l.replace(/^\t/u, ''))
      .join('\n');
    const text = `${cells.slice(0, from)}${flat}\n\n${cells.slice(to)}`;
    assert.deepEqual(check(text), []);
    assert.deepEqual(rowValues(table(text, 'art20-1'), 'rules'), [0, 0, 0]);
    assert.deepEqual(table(text, 'review').rows[0]!.values.length, 15);
  });

  it('reads pipe rows whose merged cells a converter repeated', () => {
    const pipe = fixture('crafted/correct-pipe.md');
    const text = pipe
      .replace('|  | 2.其他法律行政法规禁止公开 |', '| （三）不予公开 | 2.其他法律行政法规禁止公开 |')
      .replace(
        '| 一、本年新收政府信息公开申请数量 |  |',
        '| 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 |',
      )
      .replace(
        '| 行政复议 |  |  |  |  | 行政诉讼 |',
        '| 行政复议 | 行政复议 | 行政复议 | 行政复议 | 行政复议 | 行政诉讼 |',
      );
    assert.notEqual(text, pipe);
    assert.deepEqual(check(text, true), []);
  });

  it('reads columns set apart by runs of spaces', () => {
    const spaced = BASE.split('\n')
      .map((l) => (l.includes('\t') && !l.startsWith('\t') ? l.replace(/\t+/gu, '    ') : l))
      .join('\n');
    assert.notEqual(spaced, BASE);
    const t = table(spaced, 'applications');
    assert.deepEqual(rowValues(t, 'new'), [10, 2, 0, 0, 1, 0, 13]);
    assert.deepEqual(rowValues(table(spaced, 'art20-1'), 'normative'), [2, 1, 5]);
    assert.deepEqual(check(spaced), []);
    const label = fixture('crafted/correct-cells.txt').replace('\t（三）不予公开\n', '\t（三）不  予  公  开\n');
    assert.deepEqual(check(label), []);
  });

  it('reads pipe rows given one `cell |` per line', () => {
    const text = joinLines(
      '青山县2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（五）项 |',
      '',
      '信息内容 |',
      '本年处理决定数量 |',
      '',
      '行政许可 |',
      '7 |',
      '',
    );
    const t = table(text, 'art20-5');
    assert.equal(t.layout, 'pipe');
    assert.deepEqual(rowValues(t, 'licensing'), [7]);
  });

  it('reads labels with spaces inside, half-width brackets and `1. 属于`', () => {
    const text = BASE.replace('（三）不予公开\t1.属于国家秘密', '(三) 不 予 公 开\t1. 属于国家 秘密').replace(
      '三、本年度办理结果',
      '三、本 年 度 办 理 结 果',
    );
    assert.notEqual(text, BASE);
    assert.deepEqual(check(text), []);
    assert.deepEqual(rowValues(table(text, 'applications'), 'withheld-1'), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('reads a header split over two lines and group labels shifted into the next row', () => {
    const text = BASE.replace('（四）无法提供\t1.本机关不掌握相关政府信息', '\t1.本机关不掌握相关政府信息').replace(
      '\t2.没有现成信息需要另行制作',
      '（四）无法提供\t2.没有现成信息需要另行制作',
    );
    assert.deepEqual(check(text), []);
    const split = BASE.replace(
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '信息内容\t本年制发件数\n\t本年废止件数\t现行有效件数',
    );
    assert.deepEqual(check(split), []);
  });

  it('reads a group label glued to the row label, or one column off', () => {
    const glued = BASE.replace('（三）不予公开\t1.属于国家秘密', '（三）不予公开 1.属于国家秘密');
    assert.deepEqual(check(glued), []);
    const off = BASE.replace('（五）不予处理\t1.信访举报投诉类申请', '\t（五）不予处理\t1.信访举报投诉类申请').replace(
      '\t2.重复申请\t0',
      '\t\t2.重复申请\t0',
    );
    assert.deepEqual(check(off), []);
    assert.deepEqual(rowValues(table(off, 'applications'), 'unprocessed-2'), [0, 1, 0, 0, 0, 0, 1]);
  });

  it('reads a long label wrapped over two lines, and ignores a page number inside a table', () => {
    const cells = fixture('crafted/correct-cells.txt');
    const wrapped = cells.replace(
      '\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n',
      '\t1.申请人无正当理由逾期不补正、行政机关不再处理其政\n\t府信息公开申请\n',
    );
    assert.notEqual(wrapped, cells);
    assert.deepEqual(check(wrapped), []);
    const paged = BASE.replace('\t5.属于三类内部事务信息', '3\n\t5.属于三类内部事务信息');
    assert.notEqual(paged, BASE);
    assert.deepEqual(check(paged), []);
  });

  it('joins a row broken by a blank line', () => {
    const text = BASE.replace('\t3.其他\t0\t0', '\t3.其他\n\n\t0\t0');
    assert.deepEqual(check(text), []);
    assert.deepEqual(rowValues(table(text, 'applications'), 'other-3'), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('ties unlabeled rows to the free template rows around them, and says so', () => {
    const text = BASE.replace('\t3.危及“三安全一稳定”\t1', '\t\t1').replace('\t4.保护第三方合法权益\t1', '\t\t1');
    assert.deepEqual(
      check(text).map((f) => [f.code, f.message]),
      [
        ['table-row-label', '此行没有行标签，按位置视为“（三）3.危及“三安全一稳定””'],
        ['table-row-label', '此行没有行标签，按位置视为“（三）4.保护第三方合法权益”'],
      ],
    );
    assert.deepEqual(rowValues(table(text, 'applications'), 'withheld-3'), [1, 0, 0, 0, 0, 0, 1]);
  });

  it('reads CRLF line ends and a BOM', () => {
    const text = '\ufeff' + BASE.replace(/\n/gu, '\r\n');
    assert.deepEqual(check(text), []);
    const cells = '\ufeff' + fixture('crafted/correct-cells.txt').replace(/\n/gu, '\r\n');
    assert.deepEqual(check(cells), []);
  });

  it('reports all six sections missing in a text without any, at its last line', () => {
    assert.deepEqual(briefs('今天天气很好。\n明天也好。'), [
      '2:1 section-missing',
      '2:1 section-missing',
      '2:1 section-missing',
      '2:1 section-missing',
      '2:1 section-missing',
      '2:1 section-missing',
    ]);
  });
});

describe('text LibreOffice exports from a Word document', () => {
  // A table cell a line, an empty cell an empty line, no line between rows: a row's label, the empty line of its
  // second label cell, then its numbers — which are that label's, not the next label's (read first for plain
  // pdftotext's top-aligned tables).
  const exported = (name: string): string => fixture(`text/writer-${name}.txt`);

  it('gives the findings of the text it was made from: the crafted reports and the three real ones', () => {
    assert.match(exported('correct'), /^一、本年新收政府信息公开申请数量\n\n10\n2\n/mu);
    assert.deepEqual(said(exported('correct')), []);
    assert.deepEqual(said(exported('wrong-cell')), [
      'table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6',
    ]);
    for (const real of REAL_REPORTS)
      assert.deepEqual(said(exported(`report-${real.slice(0, 3)}`)), said(fixture(`${real}.txt`)), real);
  });
});
