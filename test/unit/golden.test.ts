/**
 * Golden findings for every fixture: the real reports and the crafted ones. The expected findings live beside the
 * fixtures in expected/*.findings.txt; `UPDATE_EXPECT=1 npm run test:unit` rewrites them for review in the diff.
 */

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../../server/src/core/rules/index';
import { parseReport } from '../../server/src/core/parse/index';
import { FIXTURES, describe1 } from '../helpers';

const names = [
  ...readdirSync(FIXTURES).filter((f) => /\.(txt|md)$/u.test(f)),
  ...readdirSync(path.join(FIXTURES, 'crafted')).map((f) => `crafted/${f}`),
];

describe('golden findings', () => {
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      const report = parseReport(text, { markdown: name.endsWith('.md') });
      const actual =
        checkReport(report)
          .map((f) => describe1(report, f))
          .join('\n') + '\n';
      const file = path.join(FIXTURES, 'expected', `${name.replace(/\//gu, '__')}.findings.txt`);
      if (process.env['UPDATE_EXPECT'] === '1') writeFileSync(file, actual);
      assert.ok(existsSync(file), `no golden file ${file}: run with UPDATE_EXPECT=1 and review it`);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
});
