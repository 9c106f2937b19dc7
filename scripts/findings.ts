import { readFileSync } from 'node:fs';
import { parseReport } from '../server/src/core/parse/index';
import { checkReport } from '../server/src/core/checks/index';
import { positionAt } from '../server/src/core/lines';
const text = readFileSync(process.argv[2]!, 'utf8');
const r = parseReport(text, { markdown: process.argv[2]!.endsWith('.md') });
for (const f of checkReport(r)) { const p = positionAt(r.lineStarts, f.span.start); console.log(`${p.line+1}:${p.character+1} ${f.severity} ${f.code} ${f.message}`); }
