/**
 * Hostile input: every shape of test/hostile.ts is checked in time that grows about linearly with its size (four
 * times the size takes less than eight times the time, where a quadratic shape takes sixteen), without an exception,
 * whatever the outline, folding and diagnostics make of it. The absolute figures are in `npm run bench`; this asserts
 * only how they grow, with a margin wide enough that a busy machine does not fail it.
 */

import assert from 'node:assert/strict';
import { SHAPES, bestPipelineMs, isMarkdownShape } from '../hostile';

const SIZE = 64 * 1024;

describe('hostile shapes', function () {
  this.timeout(60_000);
  // A machine busy with something else can slow one run; a shape that grows too fast fails every try.
  this.retries(2);
  for (const [name, make] of Object.entries(SHAPES)) {
    const best = (text: string): number => bestPipelineMs(text, isMarkdownShape(name));
    it(`${name}: four times the size takes less than eight times the time`, () => {
      const small = make(SIZE);
      const large = make(SIZE * 4);
      best(make(SIZE / 4));
      // Measured in turn, so that a moment of load elsewhere weighs on both sizes rather than on one.
      let once = Infinity;
      let four = Infinity;
      for (let i = 0; i < 2; i++) {
        once = Math.min(once, best(small));
        four = Math.min(four, best(large));
      }
      // Below 40 ms a collection of garbage weighs more than the growth: such a shape is fast at this size whatever
      // its growth (a quadratic one took seconds at a quarter of it).
      assert.ok(four < 8 * once || four < 40, `${once.toFixed(1)} ms → ${four.toFixed(1)} ms`);
    });
  }
});
