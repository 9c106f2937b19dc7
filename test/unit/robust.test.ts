/** The parser never throws and every span stays inside the text, whatever the input. */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { analyze, toSymbols } from '../../server/src/service';
import { fixture } from '../helpers';

const SOURCES = [
  '000_94c66d917836ad80.txt',
  '001_50aa6597b9c6048c.txt',
  '003_b4c873c83d7e3610.txt',
  'crafted/correct-pipe.md',
].map(fixture);

const PIECES = [
  '\t',
  '\n',
  '\r\n',
  '|',
  '（',
  '）',
  '一、',
  '总计',
  '0',
  '/',
  ' ',
  '**',
  '[bookmark: x]',
  '\ufeff',
  '五、存在的主要问题及改进情况',
  '第二十条第（一）项',
  '规章',
  '\ud800',
];

function assertSound(text: string, markdown: boolean): void {
  const a = analyze(text, markdown);
  for (const f of a.findings) {
    assert.ok(
      f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length,
      `${f.code} span out of text`,
    );
    for (const fix of fixesFor(f.code, f.data, text)) applyEdits(text, fix.edits);
  }
  toSymbols(a);
}

describe('robustness', () => {
  it('survives arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), (s, md) => assertSound(s, md)),
      { numRuns: 300 },
    );
  });

  it('survives fixtures with random cuts, pastes and line shuffles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SOURCES.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 60 }), fc.constantFrom(...PIECES)), { maxLength: 12 }),
        fc.boolean(),
        (which, edits, md) => {
          let text = SOURCES[which]!;
          for (const [at, len, piece] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + piece + text.slice(i + len);
          }
          assertSound(text, md);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a label read after its numbers (reordered) gives its row a span in text order (found by a random run)', () => {
    const base = SOURCES[1]!;
    const i = 1140667982 % (base.length + 1);
    assertSound(base.slice(0, i) + '总计' + base.slice(i + 41), false);
  });

  it('survives a table of 150 000 rows and a row of 300 000 cells', () => {
    const base = SOURCES[0]!;
    const rows = base.replace(
      '四、结转下年度继续办理',
      '\t\t1\t2\t3\t4\t5\t6\t7\n'.repeat(150_000) + '四、结转下年度继续办理',
    );
    const a = analyze(rows, false);
    assert.equal(a.findings.filter((f) => f.code === 'table-row-unknown').length, 150_000);
    const wide = base.replace('0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', '0\t'.repeat(300_000));
    assert.equal(analyze(wide, false).findings.filter((f) => f.code === 'table-cell-extra').length, 1);
  });

  it('survives sections and tables in reverse order', () => {
    for (const src of SOURCES) assertSound(src.split('\n').reverse().join('\n'), false);
  });
});
