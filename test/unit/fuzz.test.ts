/** A short seeded run of the fuzz (`npm run fuzz` runs it long, with a new seed each time). */

import assert from 'node:assert/strict';
import { runFuzz } from '../fuzz/fuzz';

describe('fuzz, a short seeded run', function () {
  this.timeout(120_000);
  it('250 inputs: no throw, spans inside, codes known, within the time budget, fixes move no value, fix-all stable', () => {
    const failures = runFuzz(20261124, 250);
    assert.deepEqual(
      failures.map((f) => `${f.input.origin}: ${f.problem}`),
      [],
    );
  });
});
