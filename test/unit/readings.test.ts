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
