/**
 * Golden findings for every fixture (the real reports and the crafted ones), and scenario goldens: the text after
 * fix-all and what a re-check of it still finds. Expected files live beside the fixtures in expected/;
 * `UPDATE_EXPECT=1 npm run test:unit` rewrites them for review in the diff.
 */

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fixAllStageOf, fixAllText } from '../../server/src/core/fixall';
import { parseReport } from '../../server/src/core/parse/index';
import { checkReport } from '../../server/src/core/rules/index';
import { FIXTURES, describe1 } from '../helpers';

const names = [
  ...readdirSync(FIXTURES).filter((f) => /\.(txt|md)$/u.test(f)),
  ...readdirSync(path.join(FIXTURES, 'crafted')).map((f) => `crafted/${f}`),
];

function golden(name: string, kind: string, actual: string): void {
  const file = path.join(FIXTURES, 'expected', `${name.replace(/\//gu, '__')}.${kind}`);
  if (process.env['UPDATE_EXPECT'] === '1') writeFileSync(file, actual);
  assert.ok(existsSync(file), `no golden file ${file}: run with UPDATE_EXPECT=1 and review it`);
  assert.equal(actual, readFileSync(file, 'utf8'));
}

function findings(text: string, markdown: boolean): string {
  const report = parseReport(text, { markdown });
  return (
    checkReport(report)
      .map((f) => describe1(report, f))
      .join('\n') + '\n'
  );
}

describe('golden findings', () => {
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      golden(name, 'findings.txt', findings(text, name.endsWith('.md')));
    });
  }
});

describe('scenario goldens: fix-all, then a re-check', () => {
  for (const name of names) {
    it(name, () => {
      const markdown = name.endsWith('.md');
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      const fixed = fixAllText(text, { markdown }).text;
      golden(name, 'fixed.txt', fixed);
      const remaining = findings(fixed, markdown);
      golden(name, 'remaining.txt', remaining);
      // What remains is what fix-all leaves to people: nothing it would fix.
      const report = parseReport(fixed, { markdown });
      const fixable = checkReport(report).filter((f) => fixAllStageOf(f) !== undefined);
      assert.deepEqual(
        fixable.map((f) => describe1(report, f)),
        [],
      );
    });
  }
});
