/**
 * Hostile input: every shape of test/hostile.ts is checked in time that grows linearly with its size (doubling the
 * size less than triples the time), without an exception, whatever the outline, folding and diagnostics make of it.
 * The absolute figures are in `npm run bench`; this asserts only how they grow.
 */

import assert from 'node:assert/strict';
import { SHAPES, bestPipelineMs as best } from '../hostile';

const SIZE = 64 * 1024;

describe('hostile shapes', function () {
  this.timeout(60_000);
  // A machine busy with something else can slow one run; a shape that grows too fast fails every try.
  this.retries(2);
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: doubling the size less than triples the time`, () => {
      best(make(SIZE / 4));
      const once = best(make(SIZE));
      const twice = best(make(SIZE * 2));
      // Below 25 ms a collection of garbage weighs more than the growth: such a shape is fast at this size whatever
      // its growth (a quadratic one took seconds here).
      assert.ok(twice < 3 * once || twice < 25, `${once.toFixed(1)} ms → ${twice.toFixed(1)} ms`);
    });
  }
});
