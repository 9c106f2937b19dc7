/** `npm run dump -- <file>`: what the parser read — title, sections, tables row by row, leftovers. For debugging. */

import { readFileSync } from 'node:fs';
import { positionAt } from '../server/src/core/lines';
import { parseReport } from '../server/src/core/parse/index';
const text = readFileSync(process.argv[2]!, 'utf8');
const r = parseReport(text, { markdown: /\.(md|markdown)$/u.test(process.argv[2]!) });
const ln = (o: number): number => positionAt(r.lineStarts, o).line + 1;
console.log('title', r.title?.text, r.title?.unit, r.title?.year);
for (const s of r.sections)
  console.log(
    'section',
    s.index,
    ln(s.span.start),
    s.heading.text,
    s.heading.match,
    s.heading.ordinal?.text,
    s.subheadings.map((x) => x.text).join('|'),
  );
for (const t of r.tables) {
  console.log(
    'table',
    t.id,
    t.layout,
    'lines',
    ln(t.span.start),
    '-',
    ln(t.span.end),
    'caption',
    t.caption?.text,
    'headers',
    t.headerRows.length,
    'old',
    t.foreign.map((f) => f.cell.text),
  );
  for (const row of t.rows)
    console.log(
      '   ',
      ln(row.span.start),
      row.rowId ?? '??',
      row.matchedBy,
      row.label?.how ?? '',
      row.label?.cell.text ?? '',
      '|',
      row.values.map((v) => v.text || '_').join(' '),
      row.duplicateOf ? 'DUP' : '',
    );
}
for (const a of r.artifacts) console.log('artifact', a.kind, ln(a.span.start), a.text);
