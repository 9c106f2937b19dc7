/**
 * Metamorphic property: the damage real files carry (report-format.md §7) does not change what a correct report is.
 * Each generated report, damaged by any mix of the operations below, still gets no finding.
 */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../helpers';
import { GEN_LAYOUTS, figuresArbitrary, figuresFrom, markdownOf, writeReport, type GenLayout } from '../gen';

type Damage = (text: string, layout: GenLayout) => string;

/** Every table label and heading gets spaces between some of its characters. */
const spacesInLabels: Damage = (text) =>
  text.replace(/(不予公开|无法提供|不予处理|其他处理|本年度办理结果|结果维持|尚未审结)/gu, (m) =>
    m.split('').join(' '),
  );

const halfWidth: Damage = (text) =>
  text.replace(/（([一二三四五六七])）/gu, '($1) ').replace(/([0-9])\.([^\d])/gu, '$1. $2');

const crlf: Damage = (text) => text.replace(/\n/gu, '\r\n');
const bom: Damage = (text) => `\ufeff${text}`;

/** Tab rows end with an empty cell, as Word exports leave them. */
const trailingTabs: Damage = (text, layout) => (layout === 'tab' ? text.replace(/(\t[0-9.]+)\n/gu, '$1\t\n') : text);

/** A blank line between table rows. */
const blankBetweenRows: Damage = (text, layout) =>
  layout === 'tab' ? text.replace(/(\t[0-9.]+)\n(?=\t)/gu, '$1\n\n') : text;

/** The header of the 三 table repeated, as after a page break. */
const repeatedHeader: Damage = (text, layout) => {
  if (layout !== 'tab') return text;
  const header = text.split('\n').find((l) => l.startsWith('\t\t\t商业企业'));
  return header
    ? text
        .replace('\t（三）不予公开', `${header}\n\t（三）不予公开`)
        .replace('（三）不予公开\t1.', `${header}\n（三）不予公开\t1.`)
    : text;
};

/** A bookmark glued before the first heading. */
const bookmark: Damage = (text) => text.replace(/^(#* ?)一、总体情况/mu, '$1[bookmark: _GoBack]一、总体情况');

const ALL: [string, Damage][] = [
  ['spaces in labels', spacesInLabels],
  ['half-width brackets', halfWidth],
  ['CRLF', crlf],
  ['BOM', bom],
  ['trailing tabs', trailingTabs],
  ['blank lines between rows', blankBetweenRows],
  ['repeated header', repeatedHeader],
];

describe('damage that changes nothing', () => {
  it('a correct report, damaged in any of the ways of §7, still gets no finding', () => {
    const figures = figuresArbitrary(9, 30);
    fc.assert(
      fc.property(
        figures,
        fc.constantFrom(...GEN_LAYOUTS),
        fc.subarray(ALL, { minLength: 1 }),
        (f, layout, damages) => {
          let text = writeReport(f, layout);
          for (const [, d] of damages) text = d(text, layout);
          const found = check(text, markdownOf(layout)).filter((x) => x.code !== 'text-artifact');
          assert.deepEqual(
            found.map((x) => `${x.code} ${x.message}`),
            [],
            damages.map(([n]) => n).join(', '),
          );
        },
      ),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 60) },
    );
  });

  it('a bookmark before a heading is the one finding', () => {
    const text = bookmark(
      writeReport(
        figuresFrom(
          Array.from({ length: 21 }, () => [0, 0, 0, 0, 0, 0]),
          [0, 0, 0, 0, 0, 0],
          [0, 0, 0, 0, 0, 0],
          Array(12).fill(0),
          Array(10).fill(0),
        ),
        'tab',
      ),
      'tab',
    );
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['text-artifact'],
    );
  });
});
