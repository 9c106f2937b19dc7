/** What real published reports say in their own words and layouts, read without a false alarm. */

import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/codes';
import { applyEdits, fixesFor, type Fix } from '../../server/src/core/fixes';
import { briefs, check, fixture, parse, replaceOnce } from '../helpers';
import { asPdfLayout } from '../gen';

const BASE = fixture('crafted/correct-tab.txt');
const SIX = '本局2023年未收取信息处理费。';

describe('readings of real wording', () => {
  it('the fee stated in other words is reported; words about other costs are not', () => {
    for (const said of [
      '政府信息公开未发生收费情况。',
      '本年度未发生政府信息公开收费事项。',
      '本机关未收取信息公开处理费。',
      '本年度没有收取任何费用。',
      '依申请公开政府信息不收取费用。',
    ]) {
      assert.deepEqual(briefs(replaceOnce(BASE, SIX, said)), [], said);
    }
    for (const other of ['本年度加大了经费投入。', '办公费用由财政保障。']) {
      assert.deepEqual(
        check(replaceOnce(BASE, SIX, other)).map((f) => f.code),
        ['fee-not-reported'],
        other,
      );
    }
  });
});

describe('readings of real layouts', () => {
  it('二 rows written as label, one space, numbers (Markdown made from a PDF) are read', () => {
    const text = BASE.replace(
      /^(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)((?:\t[0-9.]+)+)$/gmu,
      (_, l, v) => `${l}${v.replace(/\t/gu, ' ')}`,
    );
    assert.notEqual(text, BASE);
    assert.match(text, /^行政许可 \d+$/mu);
    assert.deepEqual(briefs(text), []);
    // The numbers are cells of their own: a wrong one is found on its place.
    const wrong = replaceOnce(text, '规章 0 0 0', '规章 0 1.5 0');
    assert.deepEqual(
      check(wrong).map((f) => [f.code, wrong.slice(f.span.start, f.span.end), f.message]),
      [['table-cell-invalid', '1.5', '“规章·本年废止件数”应为不小于 0 的整数，实为“1.5”']],
    );
  });
});

describe('numbers on a line of their own', () => {
  const CELLS = fixture('crafted/correct-cells.txt');

  it('a row’s values on one line, each after one space (Markdown made from a PDF), are its values', () => {
    // One cell a line, but each row's values joined on one line by single spaces.
    const text = CELLS.replace(/^(\t[0-9.]+\n){3,}/gmu, (block) => `\t${block.trim().split(/\s+/u).join(' ')}\n`);
    assert.notEqual(text, CELLS);
    assert.match(text, /^\t5 1 0 0 0 0 6$/mu);
    assert.deepEqual(briefs(text), []);
    const wrong = replaceOnce(text, '\t5 1 0 0 0 0 6', '\t6 1 0 0 0 0 6');
    assert.deepEqual(
      check(wrong).map((f) => [f.code, wrong.slice(f.span.start, f.span.end), f.message]),
      [['table-total', '6', '（一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6']],
    );
  });

  it('two numbers in one cell beside others are not guessed apart', () => {
    const wrong = replaceOnce(BASE, '\t（一）予以公开\t5\t1\t', '\t（一）予以公开\t5 1\t');
    assert.ok(
      check(wrong).some((f) => f.code === 'table-cell-invalid' && wrong.slice(f.span.start, f.span.end) === '5 1'),
    );
  });
});

describe('a block of blank columns', () => {
  it('the five 法人或其他组织 columns left blank on a web page: one finding, and a fix that fills the block', () => {
    const lines = BASE.split('\n');
    const from = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const keep = (row: string): string => {
      const cells = row.split('\t');
      // The five middle columns are the five cells before 总计 and after 自然人.
      for (let k = cells.length - 6; k < cells.length - 1; k++) cells[k] = '';
      return cells.join('\t');
    };
    for (let i = from; i < from + 30; i++) if (/\t\d+$/u.test(lines[i]!)) lines[i] = keep(lines[i]!);
    const text = lines.join('\n');
    const missing = check(text).filter((f) => f.code === 'table-cell-missing');
    assert.deepEqual(
      missing.map((f) => f.message),
      [
        '表格“收到和处理政府信息公开申请情况表”的“商业企业”至“其他”5 列全部空白（25 行，共 125 个单元格），应填数字（没有则填 0）',
      ],
    );
    const { fix } = onlyFixFor(text, missing[0]!);
    assert.equal(fix.title, '“商业企业”至“其他”5 列的 125 个单元格填 0');
    assert.equal(fix.edits.length, 125);
    // Filled, the block is zeros, so the row totals now disagree where they counted legal persons: the sums speak.
    assert.ok(check(applyEdits(text, fix.edits)).every((f) => f.code !== 'table-cell-missing'));
  });
});

function onlyFixFor(text: string, f: Finding): { fix: Fix } {
  const fixes = fixesFor(f.code, f.data, text);
  assert.equal(fixes.length, 2, 'the block, and every blank of the table');
  return { fix: fixes[0]! };
}

describe('rows at their place', () => {
  const ROW = '2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0';

  it('a label typo is table-row-label with the template label and a fix, never a missing row', () => {
    const text = replaceOnce(BASE, ROW, ROW.replace('其他法律行政法规禁止公开', '其他法律行政止公开'));
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.code, f.message]),
      [['table-row-label', '行标签“2.其他法律行政止公开”与模板不一致，按位置视为“2.其他法律行政法规禁止公开”']],
    );
    assert.equal(applyEdits(text, fixesFor(found[0]!.code, found[0]!.data, text)[0]!.edits), BASE);
  });

  it('a garbled label at the place of a template row is that row, relabelled by its fix', () => {
    const text = replaceOnce(BASE, ROW, ROW.replace('2.其他法律行政法规禁止公开', '2.（页眉残留）'));
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.code, f.message]),
      [['table-row-label', '行标签“2.（页眉残留）”与模板不一致，按位置视为“2.其他法律行政法规禁止公开”']],
    );
    assert.equal(applyEdits(text, fixesFor(found[0]!.code, found[0]!.data, text)[0]!.edits), BASE);
  });

  it('a stray lone number between a label and its row is noise, not the row’s value', () => {
    const row = '\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6';
    assert.ok(BASE.includes(row));
    const text = replaceOnce(BASE, row, '\t（一）予以公开\n12\n\t\t5\t1\t0\t0\t0\t0\t6');
    assert.deepEqual(briefs(text), []);
  });
});

describe('prose in other words', () => {
  const SAID = '2023年，本局共收到政府信息公开申请13件，上年结转1件，办结13件，结转下年度继续办理1件。';

  it('application counts in the section’s own words are compared with 三', () => {
    for (const [said, wrong] of [
      ['依申请公开情况13件。', '依申请公开情况9件。'],
      ['本年度办结政府信息公开申请13件。', '本年度办结政府信息公开申请12件。'],
      ['受理依申请信息公开13件。', '受理依申请信息公开3件。'],
    ] as const) {
      assert.deepEqual(briefs(replaceOnce(BASE, SAID, said)), [], said);
      const text = replaceOnce(BASE, SAID, wrong);
      assert.deepEqual(
        check(text).map((f) => f.code),
        ['prose-mismatch'],
        wrong,
      );
    }
  });

  it('what the prose says of 四 is compared with the 四 table’s totals', () => {
    // The crafted report's 四 table has 2 行政复议 and 1 + 0 行政诉讼.
    for (const said of ['本年度未发生行政复议、行政诉讼。', '未因政府信息公开被申请行政复议。']) {
      const text = replaceOnce(BASE, SAID, SAID + said);
      const found = check(text).filter((f) => f.code === 'prose-mismatch');
      assert.ok(found.length >= 1, said);
      assert.match(found[0]!.message, /四表/u);
    }
    assert.deepEqual(briefs(replaceOnce(BASE, SAID, `${SAID}本年度被申请行政复议2件。`)), []);
  });

  it('a shifted total row: an impossible total is reported with its addends, blank or not', () => {
    const lines = BASE.split('\n');
    const from = lines.findIndex((l) => l.startsWith('一、本年新收'));
    for (let i = from; i < from + 30; i++)
      if (/\t\d+$/u.test(lines[i]!)) lines[i] = lines[i]!.replace(/\t\d+/gu, '\t0');
    const total = lines.findIndex((l) => l.startsWith('\t（七）总计'));
    lines[total] = '\t(七) 总计\t0\t0\t0\t0\t0\t14\t';
    const found = check(lines.join('\n')).filter((f) => f.code.startsWith('table-'));
    assert.deepEqual(
      found.map((f) => [f.code, f.message]),
      [
        ['table-total', '（七）总计·其他 应为 0（各项均为 0），实为 14'],
        ['table-cell-missing', '“（七）总计·总计”为空白，应填数字（没有则填 0）'],
      ],
    );
  });
});

describe('the 四 table under any header', () => {
  for (const [name, header] of [
    ['fragments from pdftotext -layout', ['结果   结果    其他结    尚未    总计', '维持   纠正    果      审结']],
    ['a Markdown row of fragments', ['| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |']],
  ] as const) {
    it(`reads the 15 numbers after the 四 heading as the 四 table: header as ${name}`, () => {
      const lines = BASE.split('\n');
      const at = lines.findIndex((l) => l.startsWith('行政复议\t'));
      lines.splice(at, 3, ...header);
      const text = lines.join('\n');
      assert.deepEqual(briefs(text), []);
      // A wrong group total is still found on its cell.
      const wrong = text.replace('1\t0\t0\t1\t2\t', '1\t0\t0\t1\t3\t');
      assert.deepEqual(
        check(wrong).map((f) => f.message),
        ['行政复议·总计 应为 2（结果维持 1 + 尚未审结 1），实为 3'],
      );
    });
  }
});

describe('header rows', () => {
  it('a row of column names that also names a row is a header, and the real row is not a duplicate', () => {
    const md = fixture('crafted/correct-pipe.md');
    const at = md.indexOf('|  |  | 自然人 | 法人或其他组织 |');
    assert.ok(at > 0);
    const text = md.slice(0, at) + '| 项目 | 自然人 | 商业企业 | 予以公开 | 部分公开 |\n' + md.slice(at);
    assert.deepEqual(briefs(text, true), []);
  });
});

describe('columns dumped one after another', () => {
  it('a 三 table as plain pdftotext gives it (labels, then every number alone) is said once, nothing guessed', () => {
    const lines = BASE.split('\n');
    const from = lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系'));
    const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const table = lines.slice(from, to).filter((l) => l.trim().length > 0);
    const labels = table.flatMap((l) => l.split('\t').filter((c) => c.length > 0 && !/^\d+$/u.test(c)));
    const numbers = table.flatMap((l) => l.split('\t').filter((c) => /^\d+$/u.test(c)));
    const dumped = [...labels, ...numbers].join('\n\n');
    const text = [...lines.slice(0, from), dumped, '', ...lines.slice(to)].join('\n');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.code, f.message]),
      [
        [
          'table-unreadable',
          '表格“收到和处理政府信息公开申请情况表”的数值与行标签分开排列，无法逐行核对，请用按行导出的文本或直接检查 PDF',
        ],
      ],
    );
    assert.equal(text.slice(found[0]!.span.start, found[0]!.span.start + numbers[0]!.length), numbers[0]);
  });
});

describe('labels wrapped around their numbers (pdftotext -layout)', () => {
  const layoutTable = (width: number): string => asPdfLayout(BASE, width);

  it('reads every row whose label wraps over two or three lines, with no false alarm', () => {
    const text = layoutTable(12);
    // `1.申请人无正当理由逾期不补正、…` over three lines, its numbers on the middle one.
    assert.match(
      text,
      /^ {4}1\.申请人无正当理由逾期\n {4}不补正、行政机关不再处理 +\d[^\n]*\n {4}其政府信息公开申请\n/mu,
    );
    assert.deepEqual(briefs(text), []);
  });

  it('a changed number is still found on its line with the right value', () => {
    const text = layoutTable(12);
    const row = /^ {4}（七）总计 +10 /mu.exec(text)!;
    const wrong = text.slice(0, row.index) + row[0].replace(' 10 ', ' 11 ') + text.slice(row.index + row[0].length);
    assert.deepEqual(
      check(wrong).map((f) => f.message),
      ['（七）总计·自然人 应为 10（予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2），实为 11'],
    );
  });
});

describe('the 2019 single row in a 2021 report', () => {
  const six = BASE.replace(
    /（六）其他处理\t1\.申请人无正当理由[^\n]*\n\t2\.[^\n]*\n\t3\.其他[^\n]*\n/u,
    '（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n',
  );

  it('reads the table under 2019: the format is said once, and the sums still hold it', () => {
    assert.notEqual(six, BASE);
    const found = check(six);
    assert.deepEqual(
      found.map((f) => [f.code, f.message]),
      [
        [
          'table-old-format',
          '“（六）其他处理”是 2019 年格式的一行，2021 年格式分为 3 行：1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他',
        ],
      ],
    );
  });

  it('a changed 予以公开 cell is still found, with its right value', () => {
    const row = '\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6';
    const wrong = replaceOnce(six, row, row.replace('\t5\t', '\t6\t'));
    assert.deepEqual(
      check(wrong)
        .filter((f) => f.code === 'table-total')
        .map((f) => f.message),
      ['（一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6'],
    );
  });
});

describe('a whole report on one line (scraped web text)', () => {
  const one = BASE.replace(/\s+/gu, ' ');

  it('finds the sections inside the line, reads the prose, and says once a table that its digits run together', () => {
    const found = check(one);
    assert.deepEqual(
      found.map((f) => f.code),
      Array.from({ length: 6 }, () => 'table-unreadable'),
    );
    assert.equal(
      found[4]!.message,
      '表格“收到和处理政府信息公开申请情况表”的文字连成一行，相邻单元格的数字连在一起，无法逐行核对，请用按行导出的文本或直接检查原文件',
    );
    assert.equal(parse(one).sections.length, 6);
    // Positions are still those of the one real line.
    assert.ok(found.every((f) => f.span.start >= 0 && f.span.end <= one.length));
    // The fee and the years are read from its prose.
    assert.deepEqual(
      check(one.replace('未收取信息处理费', '未作说明'))
        .map((f) => f.code)
        .filter((c) => c !== 'table-unreadable'),
      ['fee-not-reported'],
    );
  });

  it('a heading typo inside the line is the section, its title flagged', () => {
    const typo = one.replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况');
    assert.deepEqual(
      check(typo)
        .filter((f) => f.code === 'section-title')
        .map((f) => f.message),
      [
        '标题“四、政府信息公开行政法复议、行政诉讼情况”与模板不一致，模板标题为“四、政府信息公开行政复议、行政诉讼情况”',
      ],
    );
  });
});
