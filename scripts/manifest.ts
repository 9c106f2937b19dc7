/**
 * `npm run manifest`: writes the `nianbao.severity` settings of package.json from the rule registry — one property
 * a code, described by its summary and default severity. `test/unit/docs.test.ts` fails when they differ.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/core/rules/index';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

export function severityProperties(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of RULES) {
    props[r.code] = { type: 'string', enum: SEVERITIES, description: `${r.summary}（默认 ${r.severity}）` };
  }
  return props;
}

export const PACKAGE_JSON = path.join(__dirname, '..', 'package.json');

if (require.main === module) {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
  pkg.contributes.configuration.properties['nianbao.severity'].properties = severityProperties();
  writeFileSync(PACKAGE_JSON, JSON.stringify(pkg, null, 2) + '\n');
  console.log(`package.json: ${RULES.length} severity settings`);
}
