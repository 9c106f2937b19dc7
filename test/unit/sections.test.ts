import assert from 'node:assert/strict';
import { applyFix, briefs, check, fixture, onlyFix, parse, replaceOnce } from '../helpers';

const BASE = fixture('crafted/correct-tab.txt');
const CELLS = fixture('crafted/correct-cells.txt');

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `no “${needle}”`);
  return text.slice(0, i).split('\n').length;
}

describe('sections', () => {
  it('reads the six sections of a correct report in each layout, with no finding', () => {
    for (const name of ['crafted/correct-tab.txt', 'crafted/correct-cells.txt', 'crafted/correct-pipe.md']) {
      const text = fixture(name);
      const md = name.endsWith('.md');
      assert.deepEqual(
        parse(text, md).sections.map((s) => s.index),
        [0, 1, 2, 3, 4, 5],
        name,
      );
      assert.deepEqual(check(text, md), [], name);
    }
  });

  it('takes `5、 存在的…` for section 五 misnumbered, and the fix renumbers it', () => {
    const text = replaceOnce(BASE, '五、存在的主要问题及改进情况', '5、 存在的主要问题及改进情况');
    const line = lineOf(text, '5、 存在');
    assert.deepEqual(briefs(text), [`${line}:1 section-numbering`]);
    const { finding, fix } = onlyFix(text, 'section-numbering');
    assert.equal(finding.message, '章节序号应为“五、”，实为“5、”');
    assert.equal(fix.title, '将序号改为“五、”');
    const fixed = applyFix(text, fix);
    assert.equal(fixed, BASE);
    assert.deepEqual(check(fixed), []);
  });

  it('takes `第五部分` for section 五 with its ordinal to mend', () => {
    const text = replaceOnce(BASE, '五、存在的主要问题及改进情况', '第五部分 存在的主要问题及改进情况');
    const { finding, fix } = onlyFix(text, 'section-numbering');
    assert.equal(finding.message, '章节序号应为“五、”，实为“第五部分”');
    assert.equal(applyFix(text, fix), BASE);
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['section-numbering'],
    );
  });

  it('adds a missing ordinal', () => {
    const text = replaceOnce(BASE, '五、存在的主要问题及改进情况', '存在的主要问题及改进情况');
    const { finding, fix } = onlyFix(text, 'section-numbering');
    assert.equal(finding.message, '章节标题缺少序号，应为“五、存在的主要问题及改进情况”');
    assert.equal(applyFix(text, fix), BASE);
  });

  it('takes an ordinal alone on the line above a title (Word numbering out of a PDF) as the heading’s ordinal', () => {
    let text = BASE;
    for (const h of ['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'])
      text = replaceOnce(text, h, h.replace('、', '、\n'));
    assert.deepEqual(check(text), []);
    assert.deepEqual(
      parse(text).sections.map((s) => s.heading?.ordinal?.text),
      ['一、', '二、', '三、', '四、', '五、', '六、'],
    );
    // The ordinal of another section above a title is no ordinal of it: the title is still unnumbered.
    const wrong = replaceOnce(BASE, '五、存在的主要问题及改进情况', '四、\n存在的主要问题及改进情况');
    assert.deepEqual(briefs(wrong), [`${lineOf(wrong, '存在的主要问题及改进情况')}:1 section-numbering`]);
  });

  it('does not take numbered points inside 五 and 六, or the 三 table rows, for sections', () => {
    const text = replaceOnce(
      BASE,
      '改进措施：',
      '一、加强组织领导\n二、规范信息发布\n三、收到和处理\n四、结转下年度继续办理\n改进措施：',
    );
    assert.deepEqual(check(text), []);
    const cells = parse(CELLS);
    assert.equal(cells.sections.length, 6);
    assert.ok(CELLS.includes('\t一、本年新收政府信息公开申请数量\n'));
  });

  it('recognises the 条例 wording and offers the official heading (a hint)', () => {
    const text = replaceOnce(BASE, '三、收到和处理政府信息公开申请情况', '三、行政机关收到和处理政府信息公开申请情况');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.code, f.severity]),
      [['section-title', 'hint']],
    );
    assert.equal(
      found[0]!.message,
      '标题“三、行政机关收到和处理政府信息公开申请情况”使用了条例第五十条的用语，模板标题为“三、收到和处理政府信息公开申请情况”',
    );
    const { fix } = onlyFix(text, 'section-title');
    assert.equal(applyFix(text, fix), BASE);
  });

  it('takes a near variant with the right ordinal for the section', () => {
    const text = replaceOnce(BASE, '六、其他需要报告的事项', '六、其他需要报告事项');
    const { finding, fix } = onlyFix(text, 'section-title');
    assert.equal(finding.message, '标题“六、其他需要报告事项”与模板不一致，模板标题为“六、其他需要报告的事项”');
    assert.equal(applyFix(text, fix), BASE);
  });

  it('knows a section by its place: its own ordinal between its neighbours, another title', () => {
    const text = replaceOnce(BASE, '一、总体情况', '一、工作概述');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.code, f.message]),
      [['section-title', '标题“一、工作概述”与模板不一致，模板标题为“一、总体情况”']],
    );
    assert.equal(applyFix(text, onlyFix(text, 'section-title').fix), BASE);
    // A table row at the margin or indented is never a section heading, whatever its ordinal.
    const cells = fixture('crafted/correct-cells.txt');
    const noFour = cells.replace('四、政府信息公开行政复议、行政诉讼情况\n', '');
    assert.deepEqual(
      check(noFour).map((f) => f.code),
      ['section-missing'],
    );
    const noFourTab = BASE.replace('四、政府信息公开行政复议、行政诉讼情况\n', '');
    assert.deepEqual(
      check(noFourTab).map((f) => f.code),
      ['section-missing'],
    );
  });

  it('reports a missing section where it belongs; the fix inserts its heading there', () => {
    const text = replaceOnce(BASE, '五、存在的主要问题及改进情况\n', '');
    const line = lineOf(text, '1\t0\t0\t1\t2\t');
    assert.deepEqual(briefs(text), [`${line}:1 section-missing`]);
    const { finding, fix } = onlyFix(text, 'section-missing');
    assert.equal(
      finding.message,
      '缺少章节“五、存在的主要问题及改进情况”，应在“六、其他需要报告的事项”之前；这张表格之后的文字应属于这一章节',
    );
    assert.equal(fix.title, '插入章节标题“五、存在的主要问题及改进情况”');
    const fixed = applyFix(text, fix);
    const row = '1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0\n';
    assert.equal(fixed, replaceOnce(text, row, `${row}\n五、存在的主要问题及改进情况\n`));
    assert.deepEqual(check(fixed), []);
  });

  it('puts a missing table section’s heading before its tables', () => {
    const text = replaceOnce(BASE, '三、收到和处理政府信息公开申请情况\n', '');
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['section-missing'],
    );
    const fixed = applyFix(text, onlyFix(text, 'section-missing').fix);
    assert.deepEqual(check(fixed), []);
    assert.ok(fixed.includes('三、收到和处理政府信息公开申请情况\n\n（本列数据'));
  });

  it('appends a missing last section at the end', () => {
    const cut = BASE.indexOf('六、其他需要报告的事项');
    const text = BASE.slice(0, cut).trimEnd() + '\n';
    const { finding, fix } = onlyFix(text, 'section-missing');
    assert.equal(finding.message, '缺少章节“六、其他需要报告的事项”');
    assert.equal(applyFix(text, fix), text.trimEnd() + '\n\n六、其他需要报告的事项\n');
  });

  it('reports a section out of order and a duplicate', () => {
    const five = BASE.slice(BASE.indexOf('五、存在'), BASE.indexOf('六、其他'));
    const four = BASE.slice(BASE.indexOf('四、政府信息公开行政复议'), BASE.indexOf('五、存在'));
    const swapped = BASE.replace(four + five, five + four);
    const found = check(swapped);
    assert.deepEqual(
      found.map((f) => f.code),
      ['section-order'],
    );
    assert.equal(
      found[0]!.message,
      '章节“四、政府信息公开行政复议、行政诉讼情况”出现在“五、存在的主要问题及改进情况”之后，模板顺序为一至六',
    );
    assert.equal(found[0]!.related?.length, 1);

    const dup = BASE + '\n六、其他需要报告的事项\n\n无。\n';
    const d = check(dup);
    assert.deepEqual(
      d.map((f) => f.code),
      ['section-duplicate'],
    );
    assert.match(d[0]!.message, /^章节“六、其他需要报告的事项”重复出现，第 \d+ 行已有$/u);
  });

  it('reports an empty section, and 五 that says only 无', () => {
    const text = replaceOnce(
      BASE,
      BASE.slice(BASE.indexOf('五、存在的主要问题及改进情况\n') + 15, BASE.indexOf('六、其他')),
      '\n\n无。\n\n',
    );
    const found = check(text);
    assert.deepEqual(
      found.map((f) => f.code),
      ['section-empty'],
    );
    assert.equal(
      found[0]!.message,
      '章节“五、存在的主要问题及改进情况”应写明存在的主要问题及改进情况，不能为空或只写“无”',
    );
    const end = BASE.slice(0, BASE.indexOf('六、其他需要报告的事项') + 11) + '\n\n';
    assert.deepEqual(
      check(end).map((f) => f.code),
      ['section-empty'],
    );
  });

  it('reads a heading followed on its line by the section’s first words', () => {
    const text = replaceOnce(BASE, '六、其他需要报告的事项\n\n本局2023年', '六、其他需要报告的事项：本局2023年');
    assert.deepEqual(check(text), []);
    const six = parse(text).sections[5]!;
    assert.equal(six.heading.text, '六、其他需要报告的事项');
    assert.equal(text.slice(six.body.start, six.body.start + 7), '本局2023年');
  });

  it('reads a heading behind a bookmark, a BOM, CRLF line ends and Markdown #', () => {
    const text =
      '\ufeff' + replaceOnce(BASE, '一、总体情况', '[bookmark: _GoBack]一、总体情况').replace(/\n/gu, '\r\n');
    const found = check(text);
    assert.deepEqual(
      found.map((f) => f.code),
      ['text-artifact'],
    );
    assert.equal(parse(text).sections.length, 6);
    assert.equal(parse(fixture('crafted/correct-pipe.md'), true).sections[0]!.heading.text, '一、总体情况');
  });
});
