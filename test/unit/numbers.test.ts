/** Totals, the balance, the prose, the fee and the years: message shapes, placement and fixes. */

import assert from 'node:assert/strict';
import { fixAll } from '../../server/src/core/fixall';
import { hoverAt } from '../../server/src/core/hover';
import { inlayHints } from '../../server/src/core/inlay';
import { applyFix, brief, check, fixture, onlyFix, parse, replaceOnce } from '../helpers';

const BASE = fixture('crafted/correct-tab.txt');

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

const TOTAL_ROW = '\t（七）总计\t10\t2\t0\t0\t1\t0\t13';
const REVIEW_ROW = '1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0';

describe('table-total', () => {
  it('one wrong column total: one error on it, the sums it breaks as related information', () => {
    const text = replaceOnce(BASE, TOTAL_ROW, TOTAL_ROW.replace('\t10\t', '\t11\t'));
    const found = check(text);
    assert.deepEqual(
      found.map((f) => brief(text, f)),
      [`${lineOf(text, '（七）总计')}:8 table-total`],
    );
    const f = found[0]!;
    assert.equal(f.message, '（七）总计·自然人 应为 10（予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2），实为 11');
    assert.deepEqual(
      f.related?.map((r) => r.message),
      // The sums it breaks are said as affected by it: never “应为” for a cell that is right (13 is).
      [
        '行合计：（七）总计·总计 = 13，受（七）总计·自然人 影响（自然人 11 + 商业企业 2 + 法律服务机构 1 = 14；改为 10 后相符）',
        '勾稽关系：一 + 二 = 10 + 1 = 11，（七）+ 四 = 11 + 1 = 12，受（七）总计·自然人 影响（改为 10 后相符）',
      ],
    );
    const { fix } = onlyFix(text, 'table-total');
    assert.equal(fix.title, '将“（七）总计·自然人”改为 10');
    assert.equal(applyFix(text, fix), BASE);
  });

  it('one wrong addend: the error is on the addend, not on the totals', () => {
    const text = replaceOnce(BASE, '3.危及“三安全一稳定”\t1\t0', '3.危及“三安全一稳定”\t2\t0');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => f.code),
      ['table-total'],
    );
    assert.equal(found[0]!.message, '（三）3.危及“三安全一稳定”·自然人 与行合计、列合计都不符：应为 1，实为 2');
    assert.equal(found[0]!.related?.length, 2);
    assert.equal(applyFix(text, onlyFix(text, 'table-total').fix), BASE);
  });

  it('a wrong row total names the columns it adds', () => {
    const text = replaceOnce(BASE, '\t1\t0\t13\n二', '\t1\t0\t14\n二');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => f.message),
      ['一、本年新收政府信息公开申请数量·总计 应为 13（自然人 10 + 商业企业 2 + 法律服务机构 1），实为 14'],
    );
    assert.equal(applyFix(text, onlyFix(text, 'table-total').fix), BASE);
  });

  it('a wrong group total in the 四 table', () => {
    const text = replaceOnce(BASE, REVIEW_ROW, REVIEW_ROW.replace('1\t2\t0', '1\t3\t0'));
    assert.deepEqual(
      check(text).map((f) => f.message),
      ['行政复议·总计 应为 2（结果维持 1 + 尚未审结 1），实为 3'],
    );
    const allZero = replaceOnce(BASE, REVIEW_ROW, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t4');
    assert.deepEqual(
      check(allZero).map((f) => f.message),
      ['复议后起诉·总计 应为 0（各项均为 0），实为 4'],
    );
  });

  it('two wrong cells in different places: each sum reports its own total', () => {
    const text = replaceOnce(BASE, TOTAL_ROW, TOTAL_ROW.replace('\t10\t', '\t11\t')).replace(
      REVIEW_ROW,
      REVIEW_ROW.replace('1\t2\t0', '1\t3\t0'),
    );
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['table-total', 'table-total'],
    );
  });

  it('a blank addend switches off the sums that need it and no others', () => {
    const text = replaceOnce(BASE, '3.危及“三安全一稳定”\t1\t0', '3.危及“三安全一稳定”\t\t0');
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['table-cell-missing'],
    );
  });

  it('a total below the sum of its filled addends is impossible even with blanks', () => {
    const text = replaceOnce(BASE, '3.危及“三安全一稳定”\t1\t0', '3.危及“三安全一稳定”\t\t0').replace(
      '（一）予以公开\t5\t1\t0\t0\t0\t0\t6',
      '（一）予以公开\t5\t1\t0\t0\t0\t0\t4',
    );
    const found = check(text).filter((f) => f.code === 'table-total');
    assert.deepEqual(
      found.map((f) => f.message),
      ['（一）予以公开·总计 应为 6（自然人 5 + 商业企业 1），实为 4'],
    );
    // Every row lacks a value, yet a column whose cells are all there still adds up — or not.
    let holes = BASE;
    for (const label of ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '5.属于三类内部事务信息']) {
      holes = holes.replace(`${label}\t0\t0\t0\t0\t0\t0\t0`, `${label}\t0\t0\t0\t0\t0\t0\t`);
    }
    holes = holes.replace(TOTAL_ROW, TOTAL_ROW.replace('\t0\t0\t1\t0\t13', '\t3\t0\t1\t0\t13'));
    const h = check(holes).filter((f) => f.code === 'table-total');
    assert.deepEqual(
      h.map((f) => f.message),
      ['（七）总计·科研机构 应为 0（各项均为 0），实为 3'],
    );
    const low = replaceOnce(BASE, REVIEW_ROW, '1\t0\t\t1\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0');
    assert.deepEqual(
      check(low).map((f) => [f.code, f.message]),
      [
        ['table-cell-missing', '“行政复议·其他结果”为空白，应填数字（没有则填 0）'],
        ['table-total', '行政复议·总计 应至少为 2（已填各项：结果维持 1 + 尚未审结 1；另有 1 项未填或无效），实为 1'],
      ],
    );
    // A blank that leaves one sum to tell the wrong total: the sums that hold say what it should be.
    const told = replaceOnce(BASE, '3.危及“三安全一稳定”\t1\t0', '3.危及“三安全一稳定”\t\t0').replace(
      TOTAL_ROW,
      TOTAL_ROW.replace('\t10\t', '\t8\t'),
    );
    assert.deepEqual(
      check(told)
        .filter((f) => f.code === 'table-total')
        .map((f) => f.message),
      ['（七）总计·自然人 与行合计、勾稽关系、列合计都不符：应为 10，实为 8'],
    );
  });
});

describe('table-total when every row lacks a value', () => {
  it('still proves a positive total over a column of zeros', () => {
    // Blank the 其他 cell of all 25 rows; the 科研机构 column is all there, all 0, under a 总计 of 3.
    const lines = BASE.split('\n');
    const from = lines.findIndex((l) => l.startsWith('一、本年新收'));
    for (let i = from; i < from + 25; i++) {
      const cells = lines[i]!.split('\t');
      cells[cells.length - 2] = '';
      lines[i] = cells.join('\t');
    }
    const total = lines.findIndex((l) => l.startsWith('\t（七）总计'));
    lines[total] = lines[total]!.replace('\t10\t2\t0\t', '\t10\t2\t3\t');
    const text = lines.join('\n');
    const found = check(text);
    // A whole column left blank is one finding for the column, not 25.
    assert.deepEqual(
      found.filter((f) => f.code === 'table-cell-missing').map((f) => f.message),
      ['表格“收到和处理政府信息公开申请情况表”的“其他”列全部空白（25 行，共 25 个单元格），应填数字（没有则填 0）'],
    );
    assert.deepEqual(
      found.filter((f) => f.code !== 'table-cell-missing').map((f) => [f.code, f.message]),
      [['table-total', '（七）总计·科研机构 应为 0（各项均为 0），实为 3']],
    );
  });
});

describe('table-balance', () => {
  it('a column off balance while its totals hold is shown on row 一 with the suspects named', () => {
    const forward = '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1';
    const text = replaceOnce(BASE, forward, '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
    const found = check(text).filter((f) => f.code === 'table-balance');
    assert.deepEqual(
      found.map((f) => [f.code, brief(text, f).split(' ')[0]]),
      [
        ['table-balance', `${lineOf(text, '一、本年新收')}:${'一、本年新收政府信息公开申请数量\t\t'.length + 1}`],
        [
          'table-balance',
          `${lineOf(text, '一、本年新收')}:${'一、本年新收政府信息公开申请数量\t\t10\t2\t0\t0\t1\t0\t'.length + 1}`,
        ],
      ],
    );
    assert.equal(
      found[0]!.message,
      '“自然人”列不符合勾稽关系（第一项加第二项之和，等于第三项加第四项之和）：一 + 二 = 10 + 1 = 11，（七）+ 四 = 10 + 2 = 12；（七）总计与各项相符，问题应在本年新收、上年结转或结转下年度',
    );
    assert.equal(found[0]!.related?.length, 4);
  });
});

describe('prose-mismatch', () => {
  it('a figure that disagrees with its cell; the fix puts the table’s value', () => {
    const text = replaceOnce(BASE, '共收到政府信息公开申请13件', '共收到政府信息公开申请12件');
    const { finding, fix } = onlyFix(text, 'prose-mismatch');
    assert.equal(
      finding.message,
      '正文写“收到政府信息公开申请12件”，表格中“一、本年新收政府信息公开申请数量·总计”为 13',
    );
    assert.equal(text.slice(finding.span.start, finding.span.end), '12');
    assert.equal(fix.title, '按表格改为 13（“一、本年新收政府信息公开申请数量·总计”）');
    assert.equal(applyFix(text, fix), BASE);
  });

  it('reads each figure of §5 and accepts 一 + 二 for 收到', () => {
    const sentence =
      '本年共收到申请14件，上年结转1件，其中予以公开6件、部分公开2件、不予公开2件、无法提供2件、不予处理1件、其他处理0件，办结13件，结转下年度1件；被申请行政复议2件，行政诉讼1件。';
    assert.deepEqual(check(replaceOnce(BASE, '改进措施：', sentence + '\n\n改进措施：')), []);
    const wrong = sentence.replace(/(\d+)件/gu, (_, n: string) => `${Number(n) + 7}件`);
    const found = check(replaceOnce(BASE, '改进措施：', wrong + '\n\n改进措施：'));
    assert.deepEqual(
      found.map((f) => f.message.replace(/，表格中.*/u, '')),
      [
        '正文写“收到申请21件”',
        '正文写“上年结转8件”',
        '正文写“予以公开13件”',
        '正文写“部分公开9件”',
        '正文写“不予公开9件”',
        '正文写“无法提供9件”',
        '正文写“不予处理8件”',
        '正文写“其他处理7件”',
        '正文写“办结20件”',
        '正文写“结转下年度8件”',
        '正文写“行政复议9件”',
        '正文写“行政诉讼8件”',
      ],
    );
  });

  it('未收到…申请 means 0', () => {
    const text = replaceOnce(BASE, '共收到政府信息公开申请13件', '未收到政府信息公开申请');
    assert.deepEqual(
      check(text).map((f) => f.message),
      ['正文写“未收到政府信息公开申请”，表格中“一、本年新收政府信息公开申请数量·总计”为 13'],
    );
  });

  it('says nothing of figures it cannot tie to one cell', () => {
    for (const s of [
      '收到群众留言75件。',
      '收到行政复议申请2件。',
      '行政复议、行政诉讼共0件。',
      '主动公开政府信息326件。',
      '2023年，共办理人大建议12件。',
      '依法予以公开文件12件，部分公开栏目3个。',
    ]) {
      assert.deepEqual(check(replaceOnce(BASE, '改进措施：', s + '\n\n改进措施：')), [], s);
    }
  });
});

describe('fee-not-reported and year-mismatch', () => {
  it('六 without 信息处理费: a warning, an error when fee notices were issued', () => {
    const text = replaceOnce(BASE, '本局2023年未收取信息处理费。', '无。');
    const w = check(text);
    assert.deepEqual(
      w.map((f) => [f.code, f.severity, f.message]),
      [
        [
          'fee-not-reported',
          'warning',
          '“六、其他需要报告的事项”未说明信息处理费的收取情况（未收取也应写明，如“本年度未收取信息处理费”）',
        ],
      ],
    );
    const fees = replaceOnce(
      text,
      '\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0',
      '\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1',
    )
      .replace('\t（七）总计\t10\t2\t0\t0\t1\t0\t13', '\t（七）总计\t11\t2\t0\t0\t1\t0\t14')
      .replace('四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1', '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0')
      .replace('办结13件，结转下年度继续办理1件', '办结14件，结转下年度继续办理0件');
    const e = check(fees);
    assert.deepEqual(
      e.map((f) => [f.code, f.severity]),
      [['fee-not-reported', 'error']],
    );
    assert.equal(
      e[0]!.message,
      '“（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”为 1 件，说明发出过收费通知；“六、其他需要报告的事项”应报告信息处理费的收取情况',
    );
  });

  it('a date of another year than the title; a title left from another year', () => {
    const text = replaceOnce(BASE, '截至2023年12月31日', '截至2022年12月31日');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.code, f.message, text.slice(f.span.start, f.span.end)]),
      [['year-mismatch', '“截至…12月31日”的年份 2022 与标题中的 2023 年不一致', '2022']],
    );
    const title = replaceOnce(BASE, '青山县自然资源局2023年', '青山县自然资源局2022年');
    assert.deepEqual(
      check(title).map((f) => f.message),
      ['标题中的年份 2022 与统计期限和截至日期的 2023 年不一致'],
    );
  });
});

describe('fixes for the numbers', () => {
  it('fills one blank with 0, or every blank of the table', () => {
    const text = replaceOnce(BASE, '1.属于国家秘密\t0\t0\t0', '1.属于国家秘密\t0\t\t0').replace(
      '8.属于行政查询事项\t0',
      '8.属于行政查询事项\t/',
    );
    const found = check(text).filter((f) => f.code === 'table-cell-missing');
    assert.equal(found.length, 2);
    const { fixesFor } = require('../../server/src/core/fixes') as typeof import('../../server/src/core/fixes');
    const fixes = fixesFor(found[0]!.code, found[0]!.data, text);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['“（三）1.属于国家秘密·商业企业”填 0', '本表 2 处空缺都填 0'],
    );
    assert.equal(applyFix(text, fixes[1]!), BASE);
    assert.equal(applyFix(text, fixes[0]!), BASE.replace('8.属于行政查询事项\t0', '8.属于行政查询事项\t/'));
  });

  it('fix-all mends blanks, then row totals, then column totals, and changes nothing the second time', () => {
    const text = replaceOnce(BASE, '1.属于国家秘密\t0\t0\t0', '1.属于国家秘密\t\t0\t0')
      .replace(TOTAL_ROW, TOTAL_ROW.replace('\t10\t', '\t12\t'))
      .replace('\t1\t0\t13\n二', '\t1\t0\t15\n二')
      .replace(REVIEW_ROW, REVIEW_ROW.replace('1\t2\t0', '1\t3\t0'));
    assert.ok(check(text).length >= 4);
    const fixed = fixAll(text, false);
    assert.equal(fixed, BASE);
    assert.equal(fixAll(fixed, false), fixed);
  });
});

describe('seeing the numbers', () => {
  it('hover names the cell and, on a total, its addends and sum', () => {
    const report = parse(BASE);
    const at = BASE.indexOf(TOTAL_ROW) + TOTAL_ROW.indexOf('\t10') + 1;
    assert.deepEqual(hoverAt(report, at)?.contents.split('\n\n'), [
      '**（七）总计·自然人** = 10',
      '列合计：予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2 = 10 ✓',
    ]);
    const total = BASE.indexOf(TOTAL_ROW) + TOTAL_ROW.length - 1;
    assert.deepEqual(hoverAt(report, total)?.contents.split('\n\n'), [
      '**（七）总计·总计** = 13',
      '行合计：自然人 10 + 商业企业 2 + 法律服务机构 1 = 13 ✓',
      '列合计：予以公开 6 + 部分公开 2 + 不予公开 2 + 无法提供 2 + 不予处理 1 = 13 ✓',
    ]);
    const plain = BASE.indexOf('行政许可\t12') + 5;
    assert.equal(hoverAt(report, plain)?.contents, '**行政许可·本年处理决定数量** = 12');
    assert.equal(hoverAt(report, BASE.indexOf('一、总体情况')), undefined);
  });

  it('one wrong cell explains every broken sum: hover and inlay hints never point at a cell that is right', () => {
    const corrections = (text: string): Map<number, number> => {
      const m = new Map<number, number>();
      for (const f of check(text))
        if (f.data?.fix === 'set-cell') m.set(f.data.target.span.start, Number(f.data.value));
      return m;
    };
    const hover = (text: string, at: number): string[] | undefined =>
      hoverAt(parse(text), at, corrections(text))?.contents.split('\n\n');

    // E3: a wrong column total (自然人 11, right 10). The row total 13 is right: it agrees once 自然人 is 10.
    const e3 = replaceOnce(BASE, TOTAL_ROW, TOTAL_ROW.replace('\t10\t', '\t11\t'));
    const row = e3.indexOf('\t（七）总计\t11');
    assert.deepEqual(hover(e3, row + '\t（七）总计\t11\t2\t0\t0\t1\t0\t1'.length), [
      '**（七）总计·总计** = 13',
      '行合计：自然人 11 + 商业企业 2 + 法律服务机构 1 = 14；（七）总计·自然人 改为 10 后 = 13 ✓',
      '列合计：予以公开 6 + 部分公开 2 + 不予公开 2 + 无法提供 2 + 不予处理 1 = 13 ✓',
    ]);
    assert.deepEqual(hover(e3, row + '\t（七）总计\t1'.length), [
      '**（七）总计·自然人** = 11',
      '列合计：予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2 = 10 ✗ 应为 10',
    ]);
    assert.deepEqual(
      inlayHints(check(e3)).map((h) => [h.label, e3.slice(h.offset - 2, h.offset)]),
      [['应为 10', '11']],
    );

    // A wrong addend (3.危及… 2, right 1): its row total 1 and the column total 10 are right.
    const addend = replaceOnce(BASE, '3.危及“三安全一稳定”\t1\t0', '3.危及“三安全一稳定”\t2\t0');
    const line = addend.slice(addend.indexOf('3.危及“三安全一稳定”\t2'));
    const rowTotal = addend.indexOf('3.危及“三安全一稳定”\t2') + line.indexOf('\n') - 1;
    assert.deepEqual(hover(addend, rowTotal), [
      '**（三）3.危及“三安全一稳定”·总计** = 1',
      '行合计：自然人 2 = 2；（三）3.危及“三安全一稳定”·自然人 改为 1 后 = 1 ✓',
    ]);
    // The one hint stands after the wrong cell itself.
    const hints = inlayHints(check(addend));
    assert.deepEqual(
      hints.map((h) => [h.label, h.offset]),
      [['应为 1', addend.indexOf('3.危及“三安全一稳定”\t2') + '3.危及“三安全一稳定”\t2'.length]],
    );

    // E6: a wrong cell of 四 that breaks its group total only: the total is flagged, nothing else is.
    const e6 = replaceOnce(BASE, REVIEW_ROW, REVIEW_ROW.replace(/^1\t0\t0\t1\t2/u, '1\t0\t0\t1\t3'));
    assert.deepEqual(
      check(e6).map((f) => [f.code, f.related?.length ?? 0]),
      [['table-total', 0]],
    );
  });

  it('an inlay hint after a wrong total shows the expected value', () => {
    const text = replaceOnce(BASE, '\t1\t0\t13\n二', '\t1\t0\t14\n二');
    const hints = inlayHints(check(text));
    assert.deepEqual(
      hints.map((h) => [h.label, text.slice(h.offset - 2, h.offset)]),
      [['应为 13', '14']],
    );
  });
});
