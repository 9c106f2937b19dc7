/**
 * Word documents and web pages converted by real tools (`npm run pdf-fixtures -- --pandoc`, outputs committed): the
 * LibreOffice-saved documents of test/fixtures/docx/, whose tables lie on a finer grid than their columns, by pandoc
 * as Markdown (multiline tables, `1\.` and `\[` escaped), GitHub Markdown (pipe tables with an empty cell for each grid
 * column a merged cell covers) and plain text; the web pages of test/fixtures/html/ by pandoc as Markdown and GitHub
 * Markdown (every run of text in a `<span lang>` or a `[…]{lang}`, HTML cells broken over lines, grid tables), and
 * as text by the text browsers w3m and lynx.
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

describe('Word documents and web pages converted by pandoc, w3m and lynx', () => {
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

  it('web pages through pandoc: spans and tags around every run of text, cells broken over lines — the findings of the text', () => {
    const page = fixture('markdown/pandoc-page-report-000.gfm.md');
    assert.match(page, /^<span lang="zh-CN">一、总体情况<\/span>$/mu);
    assert.match(page, /<td colspan="\d" width="\d+%"\nstyle="[^"]*"><p><span\nlang="zh-CN">一、本年新收/u);
    assert.match(fixture('markdown/pandoc-page-report-000.md'), /^\[一、总体情况\]\{lang="zh-CN"\}$/mu);
    for (const [name, source] of Object.entries(CRAFTED)) {
      assert.deepEqual(
        unescaped(said(fixture(`markdown/pandoc-page-${name}.gfm.md`), true)),
        said(fixture(source), true),
        name,
      );
      // pandoc's Markdown of 001's page sets its 三 table out a cell a grid row, in two columns: not read (README).
      if (name !== 'report-001')
        assert.deepEqual(
          unescaped(said(fixture(`markdown/pandoc-page-${name}.md`), true)),
          said(fixture(source), true),
          name,
        );
    }
  });

  it('web pages dumped by w3m and lynx: the findings of the text, a blank cell placed by its column', () => {
    for (const browser of ['w3m', 'lynx'])
      for (const [name, source] of Object.entries(CRAFTED)) {
        const got = said(fixture(`text/${browser}-${name}.txt`));
        const want = said(fixture(source));
        // w3m draws the table on its columns: the blank cell is placed by the rows around it. lynx sets that row
        // out a cell a line: the blank leaves nothing, and the row is short.
        if (browser === 'lynx' && name === 'fixable') {
          assert.deepEqual(
            got.filter((f) => !want.includes(f)),
            [
              'table-cell-missing 行“（三）2.其他法律行政法规禁止公开”应有 7 个数值，只有 6 个（没有的填 0）',
              'table-total （七）总计·自然人 与行合计、勾稽关系都不符：应为 10，实为 11',
            ],
            browser,
          );
          continue;
        }
        // lynx sets 003's 三 table out a cell a line, where three rows without labels run together: said once.
        if (browser === 'lynx' && name === 'report-003') {
          assert.deepEqual(
            got.filter((f) => !want.includes(f)).map((f) => f.split(' ')[0]),
            ['table-unreadable'],
          );
          continue;
        }
        assert.deepEqual(got, want, `${browser} ${name}`);
      }
  });
});
