/**
 * Word documents converted by pandoc (`npm run pdf-fixtures -- --pandoc`, outputs committed): the LibreOffice-saved
 * documents of test/fixtures/docx/, whose tables lie on a finer grid than their columns, as Markdown (multiline
 * tables, `1\.` and `\[` escaped), GitHub Markdown (pipe tables with an empty cell for each grid column a merged cell
 * covers) and plain text.
 */

import assert from 'node:assert/strict';
import { fixAllText } from '../../server/src/core/fixall';
import { check, fixture, REAL_REPORTS, said } from '../helpers';

/** The crafted reports the fixtures were made from, by name. */
const CRAFTED: Record<string, string> = {
  correct: 'crafted/correct-tab.txt',
  fixable: 'crafted/fixable-tab.txt',
};
for (const real of REAL_REPORTS) CRAFTED[`report-${real.slice(0, 3)}`] = `${real}.txt`;

/** A message quotes the file's own text: in Markdown made by pandoc, with its escapes (`\[bookmark: \_GoBack\]`). */
function unescaped(messages: string[]): string[] {
  return messages.map((m) => m.replace(/\\(?=[!-/:-@[-`{-~])/gu, ''));
}

describe('Word documents converted by pandoc', () => {
  it('Markdown (escaped ordinals and bookmarks, labels wrapped in multiline tables): the findings of the text read as Markdown', () => {
    const md = fixture('markdown/pandoc-report-000.md');
    assert.match(md, /^ +\(六\) 其他处 理 +1\\\. +0/mu);
    for (const [name, source] of Object.entries(CRAFTED))
      assert.deepEqual(unescaped(said(fixture(`markdown/pandoc-${name}.md`), true)), said(fixture(source), true), name);
  });

  it('plain text: the findings of the text', () => {
    for (const [name, source] of Object.entries(CRAFTED))
      assert.deepEqual(said(fixture(`text/pandoc-${name}.txt`)), said(fixture(source)), name);
  });

  it('a blank cell in a table set out by spaces is placed by the line of dashes: said in its column, filled by fix-all', () => {
    for (const [file, markdown] of [
      ['markdown/pandoc-fixable.md', true],
      ['text/pandoc-fixable.txt', false],
    ] as const) {
      const text = fixture(file);
      const blank = check(text, markdown).find((f) => f.code === 'table-cell-missing');
      assert.equal(blank?.message, '“（三）2.其他法律行政法规禁止公开·商业企业”为空白，应填数字（没有则填 0）', file);
      // Between 自然人's 0 and 科研机构's, where the column's dashes are.
      const line = text.slice(text.lastIndexOf('\n', blank.span.start) + 1, text.indexOf('\n', blank.span.start));
      assert.match(line, /2\.其他法律行政法规禁止公开 +0 {20,}0 +0 +0 +0 +0$/u, file);
      assert.deepEqual(said(fixAllText(text, { markdown }).text, markdown), [], file);
    }
  });

  it('GitHub Markdown, a pipe cell for every grid column: the empty ones are no columns, a real blank is still one', () => {
    const gfm = fixture('markdown/pandoc-correct.gfm.md');
    // Row 一 has its values in every other grid column, the rows of 三 in the columns between.
    assert.match(gfm, /\| 10 +\| +\| 2 +\| +\| 0 +\| +\| 0 /u);
    for (const [name, source] of Object.entries(CRAFTED))
      assert.deepEqual(
        unescaped(said(fixture(`markdown/pandoc-${name}.gfm.md`), true)),
        said(fixture(source), true),
        name,
      );
    // The fixable report's blank 商业企业 cell, among the grid's empty cells, is the one blank said; fix-all mends
    // it, the wrong total and the wrong 四 cell, and the page then checks clean.
    const fixable = fixture('markdown/pandoc-fixable.gfm.md');
    const blanks = check(fixable, true).filter((f) => f.code === 'table-cell-missing');
    assert.deepEqual(
      blanks.map((f) => f.message),
      ['“（三）2.其他法律行政法规禁止公开·商业企业”为空白，应填数字（没有则填 0）'],
    );
    const fixed = fixAllText(fixable, { markdown: true });
    assert.deepEqual(said(fixed.text, true), []);
  });
});
