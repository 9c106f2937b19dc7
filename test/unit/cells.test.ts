/** What a cell is: a value where a value goes, a number only when it is one without guessing. */

import assert from 'node:assert/strict';
import { formatNumber } from '../../server/src/core/sums';
import { fixAll } from '../../server/src/core/fixall';
import { applyFix, check, fixture, onlyFix } from '../helpers';

const BASE = fixture('crafted/correct-tab.txt');
const ROW = '2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0';

function withRow(row: string): string {
  assert.ok(BASE.includes(ROW));
  return BASE.replace(ROW, row);
}

describe('cells', () => {
  for (const v of ['无', '一', '（1）']) {
    it(`“${v}” where a value goes is an invalid value, not a part of the label; relabelling keeps it`, () => {
      const text = withRow(`2.其他法律行政法规禁止公开了\t${v}\t0\t0\t0\t0\t0\t0`);
      const found = check(text);
      assert.deepEqual(
        found.map((f) => [f.code, text.slice(f.span.start, f.span.end)]),
        [
          ['table-row-label', '2.其他法律行政法规禁止公开了'],
          ['table-cell-invalid', v],
        ],
      );
      assert.equal(found[1]!.message, `“（三）2.其他法律行政法规禁止公开·自然人”应为不小于 0 的整数，实为“${v}”`);
      const fixed = applyFix(text, onlyFix(text, 'table-row-label').fix);
      assert.equal(fixed, withRow(`2.其他法律行政法规禁止公开\t${v}\t0\t0\t0\t0\t0\t0`));
    });
  }

  it('a value between values stays in its column', () => {
    const text = withRow('2.其他法律行政法规禁止公开\t0\t0\t无\t0\t0\t0\t0');
    assert.deepEqual(
      check(text).map((f) => [f.code, f.message]),
      [['table-cell-invalid', '“（三）2.其他法律行政法规禁止公开·科研机构”应为不小于 0 的整数，实为“无”']],
    );
  });

  it('no guess at `3,5` or `1 2`; thousands in their places are read', () => {
    for (const bad of ['3,5', '1 2', '12,34']) {
      const text = withRow(`2.其他法律行政法规禁止公开\t${bad}\t0\t0\t0\t0\t0\t0`);
      assert.deepEqual(
        check(text).map((f) => [f.code, text.slice(f.span.start, f.span.end)]),
        [['table-cell-invalid', bad]],
        bad,
      );
    }
    const big = withRow('2.其他法律行政法规禁止公开\t1,000\t0\t0\t0\t0\t0\t1,000');
    assert.ok(check(big).every((f) => f.code !== 'table-cell-invalid'));
  });

  it('a number past 14 digits is not checked in sums but said to be too long; no sum is inexact', () => {
    const text = withRow('2.其他法律行政法规禁止公开\t9007199254740992\t0\t0\t0\t0\t0\t9007199254740993');
    const found = check(text).filter((f) => f.code === 'table-cell-invalid');
    assert.deepEqual(
      found.map((f) => f.message),
      [
        '“（三）2.其他法律行政法规禁止公开·自然人”有 16 位数字，超过 14 位，无法核对（实为“9007199254740992”）',
        '“（三）2.其他法律行政法规禁止公开·总计”有 16 位数字，超过 14 位，无法核对（实为“9007199254740993”）',
      ],
    );
    // 14 digits are read and summed exactly.
    const wide = withRow('2.其他法律行政法规禁止公开\t99999999999999\t1\t0\t0\t0\t0\t99999999999999');
    const total = check(wide).find((f) => f.code === 'table-total' && f.data?.fix === 'set-cell');
    assert.equal(total?.data?.fix === 'set-cell' ? total.data.value : '', '100000000000000');
  });

  it('never writes a number in exponent form', () => {
    assert.equal(formatNumber(1e21), '1000000000000000000000');
    assert.equal(formatNumber(1e-7), '0');
    assert.equal(formatNumber(12.34567), '12.3457');
    const text = withRow('2.其他法律行政法规禁止公开\t99999999999999\t99999999999999\t0\t0\t0\t0\t5');
    assert.doesNotMatch(fixAll(text, false), /e\+|e-/u);
  });
});
