/** Fixes on the real fixtures: each changes only its own text, and re-checking shows its finding gone. */

import assert from 'node:assert/strict';
import { fixesFor } from '../../server/src/core/fixes';
import { fixAllSummary, fixAllText } from '../../server/src/core/fixall';
import { applyFix, check, fixture, onlyFix, replaceOnce } from '../helpers';

const F000 = fixture('000_94c66d917836ad80.txt');
const F001 = fixture('001_50aa6597b9c6048c.txt');
const F003 = fixture('003_b4c873c83d7e3610.txt');

/** Codes and messages after a fix equal those before, less the one fixed. */
function assertOnlyGone(before: string, after: string, goneMessage: string): void {
  const was = check(before).map((f) => `${f.code} ${f.message}`);
  const now = check(after).map((f) => `${f.code} ${f.message}`);
  const i = was.findIndex((m) => m.endsWith(goneMessage));
  assert.ok(i >= 0, `no finding “${goneMessage}” before`);
  was.splice(i, 1);
  assert.deepEqual(now, was);
}

describe('fixes on the fixtures', () => {
  it('removes a bookmark glued before a heading', () => {
    const { finding, fix } = onlyFix(F001, 'text-artifact');
    assert.equal(fix.title, '删除转换残留“[bookmark: _GoBack]”');
    const fixed = applyFix(F001, fix);
    assert.equal(fixed, F001.replace('[bookmark: _GoBack]一、总体情况', '一、总体情况'));
    assertOnlyGone(F001, fixed, finding.message);
  });

  it('removes bold markers and keeps their text', () => {
    const { finding, fix } = onlyFix(F003, 'text-artifact', false, 1);
    const fixed = applyFix(F003, fix);
    assert.equal(fixed, F003.replace('**七是构筑平台建设。**', '七是构筑平台建设。'));
    assertOnlyGone(F003, fixed, finding.message);
  });

  it('removes a stray line repeating a heading, with its line break', () => {
    const { finding, fix } = onlyFix(F003, 'text-artifact', false, 0);
    const fixed = applyFix(F003, fix);
    assert.equal(fixed, F003.replace('\n总体情况\n', '\n'));
    assertOnlyGone(F003, fixed, finding.message);
  });

  it('removes a `------` line in plain text, not in Markdown', () => {
    const text = F000.replace('六、其他需要报告的事项', '------\n六、其他需要报告的事项');
    const { fix } = onlyFix(text, 'text-artifact');
    assert.equal(applyFix(text, fix), F000);
    assert.deepEqual(
      check(text, true).filter((f) => f.code === 'text-artifact'),
      [],
    );
  });

  it('renumbers `5、` in fixture 001', () => {
    const { finding, fix } = onlyFix(F001, 'section-numbering');
    const fixed = applyFix(F001, fix);
    assert.equal(fixed, F001.replace('5、 存在的主要问题及改进情况', '五、存在的主要问题及改进情况'));
    assertOnlyGone(F001, fixed, finding.message);
  });

  it('inserts the missing （六）3.其他 row in the one-cell-per-line layout', () => {
    const { finding, fix } = onlyFix(F001, 'table-row-missing');
    const fixed = applyFix(F001, fix);
    assert.equal(
      fixed,
      F001.replace('\t\n\t（七）总计', '\t3.其他\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n\t\n\t（七）总计'),
    );
    assertOnlyGone(F001, fixed, finding.message);
  });

  it('inserts rows （三）6–8 in fixture 003 before （四）1', () => {
    let text = F003;
    for (let i = 0; i < 3; i++) text = applyFix(text, onlyFix(text, 'table-row-missing').fix);
    assert.equal(
      text,
      F003.replace(
        '\t\t1. 本机关不掌握',
        '\t\t6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0\n\t\t7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n\t\t8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n\t\t1. 本机关不掌握',
      ),
    );
    assert.deepEqual(
      check(text).filter((f) => f.code === 'table-row-missing'),
      [],
    );
  });

  it('replaces each 条例 heading of fixture 000 with the official one', () => {
    let text = F000;
    for (let i = 0; i < 4; i++) text = applyFix(text, onlyFix(text, 'section-title').fix);
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['table-cell-extra', 'fee-not-reported'],
    );
    assert.ok(text.includes('\n四、政府信息公开行政复议、行政诉讼情况\n'));
  });

  it('keeps CRLF line ends in inserted lines', () => {
    const crlf = F001.replace(/\n/gu, '\r\n');
    const fixed = applyFix(crlf, onlyFix(crlf, 'table-row-missing').fix);
    assert.ok(!/[^\r]\n/u.test(fixed), 'a bare LF was inserted');
    assert.deepEqual(
      check(fixed).filter((f) => f.code === 'table-row-missing'),
      [],
    );
  });

  it('offers nothing when the text has changed under the finding', () => {
    const { finding } = onlyFix(F001, 'section-numbering');
    const edited = F001.replace('5、 存在', '五、存在');
    assert.deepEqual(fixesFor(finding.code, finding.data, edited), []);
    assert.deepEqual(fixesFor('section-numbering', { fix: 'renumber' }, F001), []);
    assert.deepEqual(fixesFor('no-such-code', finding.data, F001), []);
    assert.deepEqual(
      fixesFor(
        'section-numbering',
        { fix: 'renumber', section: 99, target: { span: { start: 0, end: 0 }, expect: '' } },
        F001,
      ),
      [],
    );
  });

  it('dispatches on code and data, not on the message', () => {
    const { finding } = onlyFix(F001, 'section-numbering');
    const fixes = fixesFor(finding.code, JSON.parse(JSON.stringify(finding.data)), F001);
    assert.equal(fixes.length, 1);
    assert.deepEqual(fixesFor('text-artifact', finding.data, F001), []);
  });
});

describe('fix-all says what it did', () => {
  it('counts what each stage fixed, in Chinese, and what is left; or why nothing', () => {
    const fixable = fixAllText(fixture('crafted/fixable-tab.txt'));
    assert.equal(fixable.text, fixture('crafted/correct-tab.txt'));
    assert.equal(fixAllSummary(fixable, 0), '已修复 3 处（空白填 0 1 处，总计 2 处）');
    assert.equal(fixAllSummary(fixable, 2), '已修复 3 处（空白填 0 1 处，总计 2 处），仍有 2 个问题需人工处理');
    const none = fixAllText(fixture('crafted/correct-tab.txt'));
    assert.equal(fixAllSummary(none, 0), '没有可自动修复的问题');
    assert.equal(fixAllSummary(none, 5), '没有可自动修复的问题，仍有 5 个问题需人工处理');
    // A single wrong cell mended is said as such.
    const one = fixAllText(
      replaceOnce(fixture('crafted/correct-tab.txt'), '\t（一）予以公开\t5\t', '\t（一）予以公开\t6\t'),
    );
    assert.equal(fixAllSummary(one, 0), '已修复 1 处（错格 1 处）');
  });
});
