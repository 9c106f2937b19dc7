import assert from 'node:assert/strict';
import { bodyKey, carryRows, crossYearFindings, identityOf, type YearEntry } from '../../server/src/core/crossyear';
import { analyze } from '../../server/src/service';
import { yearReport } from '../helpers';

/** The crafted report of 青山县自然资源局 for `year`. */
function qingshan(name: string, year: number, carried = 1, forward = 1): string {
  return yearReport(name, '青山县自然资源局', year, carried, forward);
}

function entry(source: string, text: string, markdown = false): YearEntry {
  const report = analyze(text, markdown).report;
  const identity = identityOf(report);
  assert.ok(identity, source);
  return {
    source,
    identity,
    rows: carryRows(report),
    title: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
  };
}

describe('reports across years', () => {
  it('knows a body whatever its spacing and 人民政府/政府', () => {
    assert.equal(bodyKey('青山镇人民政府'), '青山镇');
    assert.equal(bodyKey('青山镇 政府'), '青山镇');
    assert.equal(bodyKey('青山镇'), '青山镇');
    assert.equal(bodyKey('青山县人民政府办公室'), '青山县政府办公室');
    const split = analyze('青山镇人民政府\n2023年政府信息公开工作年度报告\n\n一、总体情况\n', false).report;
    assert.deepEqual(identityOf(split), { body: '青山镇', name: '青山镇人民政府', year: 2023 });
    const one = analyze('青山镇政府2022年度政府信息公开工作年度报告\n\n一、总体情况\n', false).report;
    assert.deepEqual(identityOf(one), { body: '青山镇', name: '青山镇政府', year: 2022 });
  });

  for (const [name, markdown] of [
    ['crafted/correct-tab.txt', false],
    ['crafted/correct-cells.txt', false],
    ['crafted/correct-pipe.md', true],
  ] as const) {
    it(`${name}: carry-over that matches last year is quiet; one that does not is an error on this year's cell, naming last year's`, () => {
      const last = entry('2022.txt', qingshan(name, 2022), markdown);
      assert.deepEqual(
        last.rows.forward.map((c) => `${c.column}=${c.text}`),
        ['自然人=1', '商业企业=0', '科研机构=0', '社会公益组织=0', '法律服务机构=0', '其他=0', '总计=1'],
      );
      assert.deepEqual(crossYearFindings([last, entry('2023.txt', qingshan(name, 2023), markdown)]), []);
      const text = qingshan(name, 2023, 2, 1);
      const now = entry('2023.txt', text, markdown);
      const found = crossYearFindings([last, now]);
      assert.deepEqual(
        found.map((f) => [f.source, f.code, f.severity, f.message]),
        [
          [
            '2023.txt',
            'cross-year-carryover',
            'error',
            '二、上年结转政府信息公开申请数量·自然人 应为 1（2022 年报告“四、结转下年度继续办理·自然人”），实为 2',
          ],
          [
            '2023.txt',
            'cross-year-carryover',
            'error',
            '二、上年结转政府信息公开申请数量·总计 应为 1（2022 年报告“四、结转下年度继续办理·总计”），实为 2',
          ],
        ],
      );
      // On this year's cell; related: last year's cell.
      const lines = text.split('\n');
      const label = lines.findIndex((l) => l.includes('二、上年结转'));
      const at = found[0]!.start.line;
      assert.ok(at >= label && at <= label + 7, `${at} is not in the row at ${label}`);
      assert.equal(lines[at]!.slice(found[0]!.start.character, found[0]!.end.character), '2');
      assert.deepEqual(
        found[0]!.related.map((r) => [r.source, r.message]),
        [['2022.txt', '2022 年报告：四、结转下年度继续办理·自然人 = 1']],
      );
      assert.deepEqual(found[0]!.related[0]!.start, last.rows.forward[0]!.start);
    });
  }

  it('two reports of one body and year: each names the other; last year then is not guessed', () => {
    const a = entry('a.txt', qingshan('crafted/correct-tab.txt', 2022));
    const b = entry('b.txt', qingshan('crafted/correct-tab.txt', 2022, 1, 5));
    const now = entry('c.txt', qingshan('crafted/correct-tab.txt', 2023, 3));
    assert.deepEqual(
      crossYearFindings([a, b, now]).map((f) => `${f.source} ${f.code} ${f.severity} ${f.message}`),
      [
        'a.txt report-duplicate warning “青山县自然资源局”2022 年的报告不止一份：另见 “b.txt”',
        'b.txt report-duplicate warning “青山县自然资源局”2022 年的报告不止一份：另见 “a.txt”',
      ],
    );
  });
});
