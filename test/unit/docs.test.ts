/** The public contract is documented from the rule registry: the README's code table and the severity setting. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { PACKAGE_JSON, severityProperties } from '../../scripts/manifest';

const ROOT = path.join(__dirname, '..', '..');

describe('documentation of the codes', () => {
  it('the README table lists every rule with its default severity and whether it has a fix, and no other', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|.*\| (.+) \|$/gmu)].map(
      (m) => [m[1], m[2], m[3] !== '—'],
    );
    assert.deepEqual(
      rows,
      RULES.map((r) => [r.code, r.severity, r.fix !== undefined]),
    );
  });

  it('package.json offers a severity override for every rule, as `npm run manifest` writes it', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
    const props = pkg.contributes.configuration.properties['nianbao.severity'].properties;
    assert.deepEqual(props, severityProperties());
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /^~1\.100\./u);
  });

  it('every rule has a code, a one-line Chinese summary, and codes are unique', () => {
    const codes = new Set<string>();
    for (const r of RULES) {
      assert.match(r.code, /^[a-z]+(-[a-z]+)+$/u);
      assert.ok(!codes.has(r.code), r.code);
      codes.add(r.code);
      assert.match(r.summary, /[\u4e00-\u9fff]/u);
      assert.ok(!r.summary.includes('\n'));
    }
  });
});
