/** The public contract is documented: every code in the README's table and in the severity setting. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES, CODES } from '../../server/src/core/codes';

const ROOT = path.join(__dirname, '..', '..');

describe('documentation of the codes', () => {
  it('the README table lists every code with its default severity, and no other', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|/gmu)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepEqual(
      rows,
      ALL_CODES.map((c) => [c, CODES[c].severity]),
    );
  });

  it('package.json offers a severity override for every code', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties['nianbao.severity'].properties;
    assert.deepEqual(Object.keys(props), ALL_CODES);
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /^~1\.100\./u);
  });
});
