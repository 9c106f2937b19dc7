/**
 * Property tests over generated reports in each layout: a report that satisfies every rule gets no finding; one
 * changed cell gets the right code on its line, and its fix restores the text exactly; fix-all mends planted errors.
 */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll } from '../../server/src/core/fixall';
import { fixesFor } from '../../server/src/core/fixes';
import { applyEdits } from '../../server/src/core/fixes';
import { check, firstDifferentLine, parse } from '../helpers';
import { positionAt } from '../../server/src/core/lines';
import { GEN_LAYOUTS, ROW, figuresArbitrary, markdownOf, writeReport, type Figures, type GenLayout } from '../gen';

const figures = figuresArbitrary(12, 50);
const layouts = fc.constantFrom(...GEN_LAYOUTS);

function textOf(f: Figures, layout: GenLayout, prose: Figures = f): string {
  return writeReport(f, layout, prose);
}

/** The report with `changed` figures (its prose still stating `f`'s), the original, and the findings. */
function afterChange(f: Figures, changed: Figures, layout: GenLayout) {
  const original = textOf(f, layout);
  const text = textOf(changed, layout, f);
  const md = markdownOf(layout);
  return { original, text, md, found: check(text, md) };
}

function copy(f: Figures): Figures {
  return { art20: f.art20, apps: f.apps.map((r) => [...r]), review: [...f.review] };
}

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 60);

describe('properties of generated reports', () => {
  it('a report that satisfies every rule gets no finding, in each layout', () => {
    fc.assert(
      fc.property(figures, layouts, (f, layout) => {
        const text = textOf(f, layout);
        assert.deepEqual(check(text, markdownOf(layout)), []);
      }),
      { numRuns: RUNS },
    );
  });

  it('one changed cell of the 三 table: table-total on its line, and the fix restores the text', () => {
    fc.assert(
      fc.property(figures, layouts, fc.nat(24), fc.nat(6), fc.integer({ min: 1, max: 9 }), (f, layout, r, c, d) => {
        const changed = copy(f);
        const v = Number(f.apps[r]![c]);
        changed.apps[r]![c] = v + d;
        const { original, text, md, found } = afterChange(f, changed, layout);
        assert.deepEqual(
          found.map((x) => x.code),
          ['table-total'],
          found.map((x) => x.message).join('\n'),
        );
        const line = positionAt(parse(text, md).lineStarts, found[0]!.span.start).line;
        assert.equal(line, firstDifferentLine(original, text));
        const fixes = fixesFor(found[0]!.code, found[0]!.data, text);
        assert.equal(applyEdits(text, fixes[0]!.edits), original);
      }),
      { numRuns: RUNS },
    );
  });

  it('one changed cell of the 四 table: table-total on its group total; a changed total is restored', () => {
    fc.assert(
      fc.property(figures, layouts, fc.nat(14), fc.integer({ min: 1, max: 9 }), (f, layout, c, d) => {
        const changed = copy(f);
        changed.review[c] = Number(f.review[c]) + d;
        const { original, text, md, found } = afterChange(f, changed, layout);
        assert.deepEqual(
          found.map((x) => x.code),
          ['table-total'],
        );
        const fixed = applyEdits(text, fixesFor(found[0]!.code, found[0]!.data, text)[0]!.edits);
        const isTotal = c % 5 === 4;
        if (isTotal) assert.equal(fixed, original);
        else assert.deepEqual(check(fixed, md), [], 'the total set to the sum ends the finding');
      }),
      { numRuns: RUNS },
    );
  });

  it('fix-all mends blanks and wrong totals planted together, and changes nothing the second time', () => {
    const plant = fc.array(fc.tuple(fc.boolean(), fc.nat(24), fc.nat(6), fc.integer({ min: 1, max: 9 })), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(figures, layouts, plant, (f, layout, plants) => {
        const changed = copy(f);
        const blanked = new Set<number>();
        for (const [blank, r, c, d] of plants) {
          if (blank) {
            // A blank where the value is 0, one a row (the template says 填 0).
            if (Number(f.apps[r]![c]) === 0 && !blanked.has(r)) {
              changed.apps[r]![c] = '';
              blanked.add(r);
            }
          } else if (r === ROW.total) changed.apps[r]![c] = Number(f.apps[r]![c]) + d;
          else changed.apps[r]![6] = Number(f.apps[r]![6]) + d;
        }
        const { original, text, md } = afterChange(f, changed, layout);
        const fixed = fixAll(text, md);
        const left = check(fixed, md).filter((x) =>
          ['table-total', 'table-balance', 'table-cell-missing'].includes(x.code),
        );
        assert.deepEqual(
          left.map((x) => x.message),
          [],
        );
        assert.equal(fixed, original);
        assert.equal(fixAll(fixed, md), fixed);
      }),
      { numRuns: RUNS },
    );
  });
});
