/**
 * The template is a value: a small made-up format (three sections, one table with a total row and a total column,
 * one prose figure) goes through the whole pipeline — parse, checks, outline, hover, fixes, fix-all — with no code
 * written for it.
 */

import assert from 'node:assert/strict';
import { checkReport } from '../../server/src/core/rules/index';
import { fixAllText } from '../../server/src/core/fixall';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { hoverAt } from '../../server/src/core/hover';
import { outline } from '../../server/src/core/outline';
import { parseReport } from '../../server/src/core/parse/index';
import { TEMPLATE_2019, TEMPLATE_2021, type Template } from '../../server/src/core/templates/index';
import { brief, fixture, joinLines, replaceOnce } from '../helpers';

const DEMO: Template = {
  id: 'demo',
  label: '演示格式',
  basis: '演示',
  aliasNote: '用了旧的说法',
  sections: [
    { index: 0, numeral: '一', title: '概况', aliases: ['基本情况'], kind: 'prose', keywords: ['概况'] },
    { index: 1, numeral: '二', title: '数据', aliases: [], kind: 'tables', keywords: ['数据'] },
    { index: 2, numeral: '三', title: '其他事项', aliases: [], kind: 'prose', keywords: ['其他'], noneIsEmpty: true },
  ],
  tables: [
    {
      id: 'counts',
      section: 1,
      name: '收支表',
      caption: '附表一',
      shape: 'rows',
      columns: ['甲', '乙', '合计'],
      valueKind: 'count',
      headerLabels: ['项目'],
      headerRows: [['项目', '甲', '乙', '合计']],
      rows: [
        { id: 'in', label: '收入', short: '收入' },
        { id: 'out', label: '支出', short: '支出' },
        { id: 'sum', label: '总数', short: '总数' },
      ],
      groups: [],
      sums: { totalColumn: '合计', totalRow: { row: 'sum', addendRows: ['in', 'out'] } },
    },
  ],
  figures: [
    {
      id: 'in',
      keywords: ['收入'],
      tight: true,
      gap: 2,
      name: '“收入·合计”',
      cells: [{ table: 'counts', refs: [{ row: 'in', column: '合计' }] }],
    },
  ],
};

const REPORT = joinLines(
  '某单位2023年度报告',
  '',
  '一、概况',
  '本年收入共5件，',
  '全部办结。',
  '',
  '二、数据',
  '附表一',
  '项目\t甲\t乙\t合计',
  '收入\t2\t3\t5',
  '支出\t1\t1\t2',
  '总数\t3\t4\t7',
  '',
  '三、其他事项',
  '本年没有其他事项。',
  '',
);

const parse = (text: string) => parseReport(text, { template: DEMO });
const check = (text: string) => checkReport(parse(text));
const briefs = (text: string) => check(text).map((f) => brief(text, f));

function onlyFix(text: string, code: string) {
  const f = check(text).find((x) => x.code === code);
  assert.ok(f, `no ${code}`);
  const fixes = fixesFor(f.code, f.data, text, DEMO);
  assert.equal(fixes.length, 1);
  return { finding: f, fix: fixes[0]! };
}

describe('a made-up template', () => {
  it('reads its sections, paragraphs and table, and finds nothing in a correct report', () => {
    const report = parse(REPORT);
    assert.equal(report.template, DEMO);
    assert.deepEqual(
      report.sections.map((s) => s.index),
      [0, 1, 2],
    );
    assert.deepEqual(
      report.sections[0]!.paragraphs.map((p) => p.text),
      ['本年收入共5件，全部办结。'],
    );
    assert.deepEqual(
      report.tables.map((t) => [t.id, t.rows.map((r) => r.rowId)]),
      [['counts', ['in', 'out', 'sum']]],
    );
    assert.deepEqual(check(REPORT), []);
  });

  it('checks its sums with its own names, and the fix sets the total', () => {
    const text = REPORT.replace('总数\t3\t4\t7', '总数\t4\t4\t7');
    const found = check(text);
    assert.deepEqual(briefs(text), ['12:4 table-total']);
    assert.equal(found[0]!.message, '总数·甲 应为 3（收入 2 + 支出 1），实为 4');
    const { fix } = onlyFix(text, 'table-total');
    assert.equal(fix.title, '将“总数·甲”改为 3');
    assert.equal(applyEdits(text, fix.edits), REPORT);
    assert.equal(fixAllText(text, { template: DEMO }).text, REPORT);
  });

  it('compares its prose figure with the table, across a line break', () => {
    const text = REPORT.replace('本年收入共5件，\n', '本年收入共\n6件，\n');
    assert.deepEqual(briefs(text), ['5:1 prose-mismatch']);
    const { fix } = onlyFix(text, 'prose-mismatch');
    assert.equal(applyEdits(text, fix.edits), REPORT.replace('本年收入共5件，\n', '本年收入共\n5件，\n'));
  });

  it('reports a missing section, row and heading ordinal, with fixes from its own data', () => {
    const noSection = REPORT.replace('三、其他事项\n', '');
    assert.deepEqual(briefs(noSection), ['12:1 section-missing']);
    const missing = onlyFix(noSection, 'section-missing');
    assert.equal(missing.finding.message, '缺少章节“三、其他事项”；这张表格之后的文字应属于这一章节');
    assert.equal(
      applyEdits(noSection, missing.fix.edits),
      noSection.replace('总数\t3\t4\t7\n', '总数\t3\t4\t7\n\n三、其他事项\n'),
    );

    const noRow = REPORT.replace('支出\t1\t1\t2\n', '');
    const row = onlyFix(noRow, 'table-row-missing');
    assert.equal(row.finding.message, '表格“收支表”缺少行“支出”，应在此行之前');
    assert.match(applyEdits(noRow, row.fix.edits), /收入\t2\t3\t5\n支出\t0\t0\t0\n总数/u);

    const alias = REPORT.replace('一、概况', '一、基本情况');
    assert.deepEqual(briefs(alias), ['3:1 section-title']);
    assert.equal(check(alias)[0]!.message, '标题“一、基本情况”用了旧的说法，模板标题为“一、概况”');
    assert.equal(applyEdits(alias, onlyFix(alias, 'section-title').fix.edits), REPORT);

    const empty = REPORT.replace('本年没有其他事项。', '无');
    assert.deepEqual(briefs(empty), ['14:1 section-empty']);
  });

  it('outlines its sections and table, and hovers on a total with its addends', () => {
    const report = parse(REPORT);
    const tree = outline(report, []);
    assert.deepEqual(
      tree.map((n) => [n.name, n.children.map((c) => c.name)]),
      [
        ['一、概况', []],
        ['二、数据', ['收支表']],
        ['三、其他事项', []],
      ],
    );
    const at = REPORT.indexOf('总数\t3\t4\t7') + '总数\t3\t4\t'.length;
    assert.equal(
      hoverAt(report, at)?.contents,
      '**总数·合计** = 7\n\n行合计：甲 3 + 乙 4 = 7 ✓\n\n列合计：收入 5 + 支出 2 = 7 ✓',
    );
  });
});

describe('templates per document', () => {
  it('reads a report in the 2019 format under the 2019 template, and a 2021 report under 2021', () => {
    assert.equal(parseReport(fixture('crafted/format-2019-tab.txt')).template, TEMPLATE_2019);
    assert.equal(parseReport(fixture('crafted/correct-tab.txt')).template, TEMPLATE_2021);
    assert.equal(parseReport(fixture('001_50aa6597b9c6048c.txt')).template, TEMPLATE_2021);
  });

  it('a 2019 report’s numbers are checked under 2019: a changed cell is still found', () => {
    const text = fixture('crafted/format-2019-tab.txt').replace('（七）总计\t10\t', '（七）总计\t11\t');
    const codes = check2019(text);
    assert.ok(codes.includes('table-total'), codes.join(' '));
  });
});

function check2019(text: string): string[] {
  return checkReport(parseReport(text)).map((f) => f.code);
}

describe('an older row strayed after an older table', () => {
  it('2019’s （六）其他处理 row moved after 二’s table (九) is still 三’s row, and the report still reads as 2019', () => {
    // 二 holds only the table (九) (its other tables left out), then the row: the row is the one 2019 sign.
    const base = fixture('crafted/format-2019-tab.txt');
    const row = '（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n';
    const from = base.indexOf('第二十条第（一）项');
    const to = base.indexOf('第二十条第（九）项');
    const moved = replaceOnce(
      replaceOnce(base.slice(0, from) + base.slice(to), row, ''),
      '政府集中采购\t12.5\n',
      `政府集中采购\t12.5\n${row}`,
    );
    const report = parseReport(moved);
    assert.equal(report.template, TEMPLATE_2019);
    const apps = report.tables.find((t) => t.id === 'applications')!;
    assert.ok(apps.rows.some((r) => r.rowId === 'other'));
  });
});
