/** Table structure checks on a correct report with one change each, and their fixes. */

import assert from 'node:assert/strict';
import { applyFix, briefs, check, fixture, onlyFix, replaceOnce } from '../helpers';
import { figuresFrom, writeReport } from '../gen';

const BASE = fixture('crafted/correct-tab.txt');
const CELLS = fixture('crafted/correct-cells.txt');
const PIPE = fixture('crafted/correct-pipe.md');

function lineCol(text: string, needle: string, offsetInNeedle = 0): string {
  const i = text.indexOf(needle) + offsetInNeedle;
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('table cells', () => {
  it('a blank cell is missing, named by row and column', () => {
    const text = replaceOnce(BASE, '（三）不予公开\t1.属于国家秘密\t0\t0\t0', '（三）不予公开\t1.属于国家秘密\t0\t0\t');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.code, f.message]),
      [['table-cell-missing', '“（三）1.属于国家秘密·科研机构”为空白，应填数字（没有则填 0）']],
    );
    assert.equal(briefs(text)[0], `${lineCol(text, '1.属于国家秘密\t0\t0\t', 13)} table-cell-missing`);
  });

  it('`/` and `—` are missing values', () => {
    const text = replaceOnce(BASE, '行政许可\t12', '行政许可\t/').replace('行政强制\t0', '行政强制\t—');
    assert.deepEqual(
      check(text).map((f) => f.message),
      [
        '“行政许可·本年处理决定数量”为“/”，应填数字（没有则填 0）',
        '“行政强制·本年处理决定数量”为“—”，应填数字（没有则填 0）',
      ],
    );
  });

  it('a count must be a whole number ≥ 0; the fee may be a decimal', () => {
    const text = replaceOnce(BASE, '行政许可\t12', '行政许可\t1.5')
      .replace('行政处罚\t3', '行政处罚\t-3')
      .replace('行政强制\t0', '行政强制\t3件');
    assert.deepEqual(
      check(text).map((f) => [f.code, f.message]),
      [
        ['table-cell-invalid', '“行政许可·本年处理决定数量”应为不小于 0 的整数，实为“1.5”'],
        ['table-cell-invalid', '“行政处罚·本年处理决定数量”应为不小于 0 的整数，实为“-3”'],
        ['table-cell-invalid', '“行政强制·本年处理决定数量”应为不小于 0 的整数，实为“3件”'],
      ],
    );
    assert.deepEqual(check(replaceOnce(BASE, '行政事业性收费\t0.35', '行政事业性收费\t12.5')), []);
    assert.deepEqual(
      check(replaceOnce(BASE, '行政事业性收费\t0.35', '行政事业性收费\t-1')).map((f) => f.code),
      ['table-cell-invalid'],
    );
  });

  it('one value too many, one too few', () => {
    const extra = replaceOnce(BASE, '\t2.重复申请\t0\t1\t0\t0\t0\t0\t1', '\t2.重复申请\t0\t1\t0\t0\t0\t0\t1\t1');
    const e = check(extra);
    assert.deepEqual(
      e.map((f) => [f.code, f.message]),
      [['table-cell-extra', '行“（五）2.重复申请”有 8 个数值，多出 1 个（模板为 7 列）']],
    );
    assert.equal(briefs(extra)[0], `${lineCol(extra, '0\t1\t0\t0\t0\t0\t1\t1', 14)} table-cell-extra`);
    const few = replaceOnce(BASE, '\t2.重复申请\t0\t1\t0\t0\t0\t0\t1', '\t2.重复申请\t0\t1\t0\t0\t0\t1');
    assert.deepEqual(
      check(few).map((f) => f.message),
      ['行“（五）2.重复申请”应有 7 个数值，只有 6 个（没有的填 0）'],
    );
    const none = replaceOnce(BASE, '规章\t0\t0\t0', '规章');
    assert.deepEqual(
      check(none).map((f) => f.message),
      ['行“规章”缺少全部 3 个数值，应填数字（没有则填 0）'],
    );
  });

  it('the 四 table must hold exactly 15 values', () => {
    const text = replaceOnce(
      BASE,
      '1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0',
      '1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0',
    );
    assert.deepEqual(
      check(text).map((f) => f.message),
      ['表格“行政复议、行政诉讼情况表”应有 15 个数值，只有 14 个（没有的填 0）'],
    );
    const blank = replaceOnce(
      BASE,
      '1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0',
      '1\t0\t0\t1\t2\t0\t0\t\t1\t1\t0\t0\t0\t0\t0',
    );
    assert.deepEqual(
      check(blank).map((f) => f.message),
      ['“未经复议直接起诉·其他结果”为空白，应填数字（没有则填 0）'],
    );
  });
});

describe('table rows', () => {
  it('a missing row; the fix inserts it at its place in the table’s layout', () => {
    for (const [text, md] of [
      [BASE, false],
      [CELLS, false],
      [PIPE, true],
    ] as const) {
      const row = md
        ? '|  | 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'
        : md === false && text === CELLS
          ? '\t\n\t3.其他\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n'
          : '\t3.其他\t0\t0\t0\t0\t0\t0\t0\n';
      const cut = replaceOnce(text, row, '');
      const { finding, fix } = onlyFix(cut, 'table-row-missing', md);
      // Said at its group's place: on （六）'s last row, not on （七）总计 (the outline's （六） is then not ✓).
      assert.equal(finding.message, '表格“收到和处理政府信息公开申请情况表”缺少行“（六）3.其他”，应在此行之后');
      assert.match(cut.slice(finding.span.start, finding.span.end), /^2\.申请人逾期未按收费通知要求缴纳费用/u);
      assert.equal(fix.title, '按模板插入行“（六）3.其他”（数值为 0）');
      const fixed = applyFix(cut, fix);
      assert.deepEqual(check(fixed, md), [], 'after the fix');
      if (text === BASE) assert.equal(fixed, BASE);
      if (md) assert.equal(fixed, PIPE.replace('|  | 3.其他 |', '|  | 3.其他 |'));
    }
  });

  it('a row is inserted at its place when the parser reads a long line as several (a heading named in prose)', () => {
    // A paragraph over 300 characters naming a heading is cut there for reading; the fix still works on the text's
    // own lines (it used to insert between （七）总计's label and its values, two lines too far).
    const para = '2023年，本局在门户网站主动公开政府信息326条，其中政策文件18件、规划信息9条。';
    const long = para + '本局坚持以公开为常态、不公开为例外。'.repeat(16) + '详见一、总体情况。';
    const row = '\t\n\t3.其他\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n';
    const short = replaceOnce(CELLS, row, '');
    const cut = replaceOnce(short, para, long);
    const fixed = applyFix(cut, onlyFix(cut, 'table-row-missing').fix);
    assert.equal(fixed, replaceOnce(applyFix(short, onlyFix(short, 'table-row-missing').fix), para, long));
    assert.match(fixed, /\t0\n\n\t3\.其他(\n\t0){7}\n\n\t\n\t（七）总计\n/u);
  });

  it('a label read from the group’s cell and the row’s: the relabel fix rewrites the row’s cell alone', () => {
    const own = '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
    const typo = '1 2.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请了';
    // One cell a line: the group's label and the row's are two lines; the fix keeps the group's and the values.
    const cells = replaceOnce(CELLS, `\t（六）其他处理\n\t${own}\n`, `\t（六）其他处理了\n\t${typo}\n`);
    const { finding, fix } = onlyFix(cells, 'table-row-label');
    assert.equal(cells.slice(finding.span.start, finding.span.end), `（六）其他处理了\n\t${typo}`);
    assert.equal(applyFix(cells, fix), replaceOnce(CELLS, '\t（六）其他处理\n', '\t（六）其他处理了\n'));
    // Tab rows: the same, on one line.
    const tab = replaceOnce(BASE, `（六）其他处理\t${own}\t`, `（六）其他处理了\t${typo}\t`);
    assert.equal(
      applyFix(tab, onlyFix(tab, 'table-row-label').fix),
      replaceOnce(BASE, '（六）其他处理\t', '（六）其他处理了\t'),
    );
  });

  it('several rows missing in a row each get a fix', () => {
    const text = replaceOnce(
      BASE,
      '\t6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0\n\t7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n',
      '',
    );
    assert.deepEqual(
      check(text).map((f) => f.message),
      [
        '表格“收到和处理政府信息公开申请情况表”缺少行“（三）6.属于四类过程性信息”，应在此行之前',
        '表格“收到和处理政府信息公开申请情况表”缺少行“（三）7.属于行政执法案卷”，应在此行之前',
      ],
    );
    const first = applyFix(text, onlyFix(text, 'table-row-missing').fix);
    const both = applyFix(first, onlyFix(first, 'table-row-missing').fix);
    assert.equal(both, BASE);
  });

  it('a row that is not in the template, and a duplicate', () => {
    const text = replaceOnce(BASE, '\t（七）总计', '\t合计\t0\t0\t0\t0\t0\t0\t0\n\t（七）总计');
    assert.deepEqual(
      check(text).map((f) => [f.code, f.message]),
      [['table-row-unknown', '行“合计”不是表格“收到和处理政府信息公开申请情况表”中的行']],
    );
    const dup = replaceOnce(BASE, '行政强制\t0', '行政强制\t0\n行政处罚\t3');
    const d = check(dup);
    assert.deepEqual(
      d.map((f) => f.code),
      ['table-row-unknown'],
    );
    assert.match(d[0]!.message, /^行“行政处罚”重复，第 \d+ 行已有$/u);
  });

  it('the 2019 label 规范性文件; the fix puts the template label', () => {
    const text = replaceOnce(BASE, '行政规范性文件\t2', '规范性文件\t2');
    const { finding, fix } = onlyFix(text, 'table-row-label');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, '行标签“规范性文件”是 2019 年格式的用语，模板为“行政规范性文件”');
    assert.equal(applyFix(text, fix), BASE);
  });

  it('a near label is tied to its row and relabelled', () => {
    const text = replaceOnce(BASE, '4.无正当理由大量反复申请', '4.无正当理由大量重复申请');
    const { finding, fix } = onlyFix(text, 'table-row-label');
    assert.equal(finding.message, '行标签“4.无正当理由大量重复申请”与模板不一致，模板为“4.无正当理由大量反复申请”');
    assert.equal(applyFix(text, fix), BASE);
  });

  it('an unlabeled row tied by position gets its label from the fix', () => {
    const text = replaceOnce(BASE, '\t4.保护第三方合法权益\t1', '\t\t1');
    const { fix } = onlyFix(text, 'table-row-label');
    assert.equal(fix.title, '补上行标签“4.保护第三方合法权益”');
    const fixed = applyFix(text, fix);
    assert.equal(fixed, replaceOnce(BASE, '\t4.保护第三方合法权益\t1', '\t\t4.保护第三方合法权益\t1'));
    assert.deepEqual(check(fixed), []);
  });
});

describe('HTML tables in Markdown', () => {
  const zeros = (n: number): number[] => Array.from({ length: n }, () => 0);
  const html = writeReport(
    figuresFrom(
      Array.from({ length: 21 }, (_, i) => [i % 2, 0, 0, 0, 0, i % 3 === 0 ? 1 : 0]),
      [1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 2],
      [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
      zeros(10),
    ),
    'html',
  );

  it('reads every table and finds nothing in a correct report', () => {
    assert.deepEqual(check(html, true), []);
  });

  it('inserts a missing row and a missing table as HTML rows', () => {
    const row = html.split('\n').find((l) => l.includes('3.其他'))!;
    const cut = html.replace(`${row}\n`, '');
    const fixed = applyFix(cut, onlyFix(cut, 'table-row-missing', true).fix);
    assert.deepEqual(check(fixed, true), []);
    assert.ok(fixed.includes('<tr><td></td><td>3.其他</td><td>0</td>'), 'the row keeps the table’s column count');
    const start = html.indexOf('<table>', html.indexOf('## 四、'));
    const end = html.indexOf('</table>', start) + '</table>\n'.length;
    const noTable = html.slice(0, start) + html.slice(end);
    const withTable = applyFix(noTable, onlyFix(noTable, 'table-missing', true).fix);
    assert.deepEqual(check(withTable, true), []);
  });
});

describe('tables', () => {
  it('a missing table; the fix inserts the template table with zeros', () => {
    const table = '第二十条第（五）项\t\t\t\n信息内容\t本年处理决定数量\n行政许可\t12\n';
    const text = replaceOnce(BASE, table, '');
    const { finding, fix } = onlyFix(text, 'table-missing');
    assert.equal(finding.message, '第二部分缺少表格“第二十条第（五）项”');
    assert.equal(fix.title, '按模板插入表格“第二十条第（五）项”（数值为 0）');
    const fixed = applyFix(text, fix);
    assert.equal(fixed, replaceOnce(BASE, table, '第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t0\n'));
    assert.deepEqual(check(fixed), []);
  });

  it('a missing 三 or 四 table is inserted whole, in the report’s layout', () => {
    for (const [text, md, from, to] of [
      [BASE, false, BASE.indexOf('（本列数据'), BASE.indexOf('四、政府信息公开行政复议')],
      [CELLS, false, CELLS.indexOf('\t行政复议\n'), CELLS.indexOf('五、存在')],
      [PIPE, true, PIPE.indexOf('| 行政复议'), PIPE.indexOf('## 五、存在')],
    ] as const) {
      const cut = text.slice(0, from) + text.slice(to);
      const found = check(cut, md);
      assert.deepEqual(
        found.map((f) => f.code),
        ['table-missing'],
      );
      const fixed = applyFix(cut, onlyFix(cut, 'table-missing', md).fix);
      const after = check(fixed, md).map((f) => f.code);
      assert.ok(
        after.every((c) => c !== 'table-missing' && !c.startsWith('table-row') && c !== 'table-cell-extra'),
        after.join(),
      );
    }
  });

  it('a table in the 2019 format is one finding, not a page of cell errors', () => {
    const text = replaceOnce(
      BASE,
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
    );
    assert.deepEqual(
      check(text).map((f) => [f.code, f.message]),
      [
        [
          'table-old-format',
          '表格“第二十条第（一）项”仍是 2019 年格式（“本年新制作数量”），2021 年格式的列为：本年制发件数、本年废止件数、现行有效件数',
        ],
      ],
    );
    const nine = replaceOnce(
      BASE,
      '\n三、收到和处理',
      '\n第二十条第（九）项\t\t\n信息内容\t采购总金额\n政府集中采购\t0\n\n三、收到和处理',
    );
    assert.deepEqual(
      check(nine).map((f) => [f.code, f.message]),
      [['table-old-format', '“第二十条第（九）项”是 2019 年格式的表格，2021 年格式已删除这一表格']],
    );
    const six = BASE.replace(
      /（六）其他处理\t1\.申请人无正当理由[^\n]*\n\t2\.[^\n]*\n\t3\.其他[^\n]*\n/u,
      '（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n',
    );
    assert.notEqual(six, BASE);
    assert.deepEqual(
      check(six).map((f) => f.code),
      ['table-old-format'],
    );
  });
});
