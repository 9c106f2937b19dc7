/**
 * Text taken out of real PDFs: crafted reports printed by headless Chromium and extracted by poppler's pdftotext
 * (`npm run pdf-fixtures` makes test/fixtures/pdf/ with the real tools; the outputs are committed).
 */

import assert from 'node:assert/strict';
import { check, fixture } from '../helpers';

function findings(name: string): string[] {
  const text = fixture(`pdf/${name}`);
  return check(text).map((f) => {
    const line = text.slice(0, f.span.start).split('\n').length;
    return `${line} ${f.code} ${f.message}`;
  });
}

describe('text from real PDFs', () => {
  it('pdftotext -layout of a correct report: labels wrapped in two columns around their numbers, no finding', () => {
    assert.deepEqual(findings('correct.layout.txt'), []);
  });

  it('pdftotext -layout with one changed cell: that cell, on its line, with its right value, and nothing else', () => {
    const text = fixture('pdf/wrong-cell.layout.txt');
    const line = text.split('\n').findIndex((l) => /^ +6 +1 +0 +0 +0 +0 +6$/u.test(l)) + 1;
    assert.ok(line > 0);
    assert.deepEqual(findings('wrong-cell.layout.txt'), [
      `${line} table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6`,
    ]);
  });

  it('plain pdftotext: each table dumped column after column is said once to be unreadable, nothing else; 二 is read', () => {
    const found = findings('correct.plain.txt');
    assert.deepEqual(
      found.map((f) => f.split(' ')[1]),
      ['table-unreadable', 'table-unreadable'],
    );
    assert.match(found[0]!, /收到和处理政府信息公开申请情况表”的数值与行标签分开排列/u);
    // Its reading order put four of the 四 table's fifteen numbers after the next heading: no row to read there.
    assert.match(found[1]!, /行政复议、行政诉讼情况表”的数值与行标签分开排列/u);
  });
});
