/** What real published reports say in their own words and layouts, read without a false alarm. */

import assert from 'node:assert/strict';
import { briefs, check, fixture } from '../helpers';

const BASE = fixture('crafted/correct-tab.txt');
const SIX = '本局2023年未收取信息处理费。';

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `text has no “${from}”`);
  return text.replace(from, to);
}

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
