import assert from 'node:assert/strict';
import { checkReport } from '../../server/src/core/rules/index';
import { outline, type OutlineNode } from '../../server/src/core/outline';
import { parseReport } from '../../server/src/core/parse/index';
import { check, fixture } from '../helpers';
import { OFFICIAL_HEADINGS } from '../expected';

function tree(text: string, markdown = false): OutlineNode[] {
  const report = parseReport(text, { markdown });
  return outline(report, checkReport(report));
}

function names(nodes: readonly OutlineNode[]): string[] {
  return nodes.map((n) => n.name);
}

describe('outline', () => {
  it('lists the six sections by their official headings, even when misnumbered or in 条例 wording', () => {
    const official = [...OFFICIAL_HEADINGS];
    for (const name of ['000_94c66d917836ad80.txt', '001_50aa6597b9c6048c.txt', 'crafted/correct-pipe.md']) {
      assert.deepEqual(names(tree(fixture(name), name.endsWith('.md'))), official, name);
    }
  });

  it('puts sub-headings under 一 and the tables under 二 三 四, with the 三 table’s row groups', () => {
    const t = tree(fixture('crafted/correct-tab.txt'));
    assert.deepEqual(names(t[0]!.children), [
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
    assert.deepEqual(names(t[1]!.children), [
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    assert.deepEqual(names(t[2]!.children), ['收到和处理政府信息公开申请情况表']);
    assert.deepEqual(names(t[2]!.children[0]!.children), [
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '四、结转下年度继续办理',
    ]);
    assert.deepEqual(names(t[2]!.children[0]!.children[2]!.children), [
      '（一）予以公开',
      '（二）部分公开',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
      '（七）总计',
    ]);
    assert.deepEqual(names(t[3]!.children), ['行政复议、行政诉讼情况表']);
  });

  it('leaves out a missing section and counts problems in each node', () => {
    const text = fixture('crafted/correct-tab.txt').replace('五、存在的主要问题及改进情况\n', '');
    const t = tree(text);
    assert.equal(t.length, 5);
    assert.ok(!names(t).includes('五、存在的主要问题及改进情况'));
    const f003 = tree(fixture('003_b4c873c83d7e3610.txt'));
    assert.deepEqual(
      f003.map((n) => n.detail),
      ['✓', '✓', '6 个问题', '✓', '✓', '4 个问题'],
    );
    // A table counts what Problems counts: its 3 errors and 3 warnings.
    assert.equal(f003[2]!.children[0]!.detail, '6 个问题');
    assert.equal(f003[1]!.children[0]!.detail, '✓');
    // Hints are no problems: fixture 000's sections headed in 条例 wording (hints) stay ✓.
    const f000 = fixture('000_94c66d917836ad80.txt');
    const hinted = check(f000).filter((f) => f.severity === 'hint').length;
    assert.equal(hinted, 4);
    assert.deepEqual(
      tree(f000).map((n) => n.detail),
      ['✓', '✓', '✓', '1 个问题', '✓', '1 个问题'],
    );
  });

  it('gives each node a range that holds its selection', () => {
    const walk = (n: OutlineNode): void => {
      assert.ok(n.span.start <= n.selection.start && n.selection.end <= n.span.end, n.name);
      n.children.forEach(walk);
    };
    tree(fixture('001_50aa6597b9c6048c.txt')).forEach(walk);
  });
});
