/**
 * The fuzz: generated and real reports damaged at random, and the hostile shapes at random sizes, through the whole
 * pipeline. For each input it holds that the checker never throws, every finding lies inside the text with a known
 * code, the analysis keeps to a time budget per KB, fix-all run twice changes nothing the second time, and any
 * single quick fix changes only what it names: every value cell it does not touch keeps its text and its column.
 *
 * `npm run fuzz` runs it long (FUZZ_RUNS, FUZZ_SEED); `test/unit/fuzz.test.ts` runs a short seeded run in `npm test`.
 */

import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../server/src/core/codes';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { fixAll } from '../../server/src/core/fixall';
import type { Report } from '../../server/src/core/model';
import { isCode } from '../../server/src/core/rules/index';
import { analyze } from '../../server/src/service';
import { GEN_LAYOUTS, figuresArbitrary, markdownOf, writeReport } from '../gen';
import { SHAPES, isMarkdownShape } from '../hostile';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** Real and crafted reports, the base of half the inputs. */
function fixtureTexts(): { text: string; markdown: boolean }[] {
  const names = [
    ...readdirSync(FIXTURES).filter((f) => /\.(txt|md)$/u.test(f)),
    ...readdirSync(path.join(FIXTURES, 'crafted')).map((f) => `crafted/${f}`),
  ];
  return names.map((n) => ({ text: readFileSync(path.join(FIXTURES, n), 'utf8'), markdown: n.endsWith('.md') }));
}

/** What a writer or a converter puts in a cell. */
const TOKENS = ['无', '一', '（1）', '3,5', '1 2', '99999999999999999', '', '/', '-1', '1.5', '1e21', '０', '  ', '—'];
const FRAGMENTS = [
  '\t',
  '|',
  '<td>',
  '**',
  '[bookmark: x]',
  '一、总体情况',
  '（七）总计',
  '\n\n',
  '第二十条第（一）项',
  '   ',
];

type Mutation =
  | { kind: 'cell'; at: number; token: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'repeat-line'; at: number }
  | { kind: 'swap-lines'; at: number; to: number }
  | { kind: 'insert'; at: number; fragment: number }
  | { kind: 'label'; at: number; token: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), at: fc.nat(), token: fc.nat(TOKENS.length - 1) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), fragment: fc.nat(FRAGMENTS.length - 1) }),
  fc.record({ kind: fc.constant('label' as const), at: fc.nat(), token: fc.nat(TOKENS.length - 1) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = m.at % lines.length;
  switch (m.kind) {
    case 'cell': {
      // The n-th number of the text becomes the token.
      const numbers = [...text.matchAll(/\d+/gu)];
      const hit = numbers.length > 0 ? numbers[m.at % numbers.length]! : undefined;
      return hit ? text.slice(0, hit.index) + TOKENS[m.token] + text.slice(hit.index + hit[0].length) : text;
    }
    case 'delete-line':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'repeat-line':
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    case 'swap-lines': {
      const j = m.to % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + FRAGMENTS[m.fragment] + text.slice(at);
    }
    case 'label': {
      // A row label a character off, and its first value made a token: the shape that once moved a row's values.
      const rows = [...text.matchAll(/([\u4e00-\u9fff]{4,})([\t|]+|\n\s*|<\/td><td>)(\d+)/gu)];
      const hit = rows.length > 0 ? rows[m.at % rows.length]! : undefined;
      if (!hit) return text;
      const [whole, label, sep] = hit;
      return text.slice(0, hit.index) + `${label}了${sep}${TOKENS[m.token]}` + text.slice(hit.index + whole.length);
    }
  }
}

export interface FuzzInput {
  readonly text: string;
  readonly markdown: boolean;
  readonly origin: string;
}

function inputs(): fc.Arbitrary<FuzzInput> {
  const bases = fixtureTexts();
  const generated = fc
    .record({ figures: figuresArbitrary(9, 30), layout: fc.constantFrom(...GEN_LAYOUTS) })
    .map(({ figures, layout }) => ({
      text: writeReport(figures, layout),
      markdown: markdownOf(layout),
      origin: `generated ${layout}`,
    }));
  const real = fc.nat(bases.length - 1).map((i) => ({ ...bases[i]!, origin: `fixture ${i}` }));
  const damaged = fc
    .record({ base: fc.oneof(generated, real), mutations: fc.array(mutation, { maxLength: 6 }) })
    .map(({ base, mutations }) => ({
      ...base,
      text: mutations.reduce(mutate, base.text),
      origin: `${base.origin} + ${mutations.map((m) => m.kind).join(',') || 'nothing'}`,
    }));
  const names = Object.keys(SHAPES);
  const hostile = fc
    .record({ shape: fc.nat(names.length - 1), kb: fc.integer({ min: 1, max: 48 }) })
    .map(({ shape, kb }) => ({
      text: SHAPES[names[shape]!]!(kb * 1024),
      markdown: isMarkdownShape(names[shape]!),
      origin: `shape “${names[shape]}” ${kb} KB`,
    }));
  return fc.oneof(
    { weight: 4, arbitrary: damaged },
    { weight: 1, arbitrary: generated },
    { weight: 1, arbitrary: hostile },
  );
}

/**
 * The value cells of complete rows tied by their labels: table/row/column → the cell's text, with the span of the
 * row's values (a fix that edits inside it names those cells).
 */
function valueCells(report: Report): Map<string, { text: string; values: { start: number; end: number } }> {
  const out = new Map<string, { text: string; values: { start: number; end: number } }>();
  for (const t of report.tables) {
    if (t.foreign.length > 0) continue;
    const n = report.template.tables.find((x) => x.id === t.id)?.columns.length;
    for (const row of t.rows) {
      if (!row.rowId || row.matchedBy !== 'label' || row.duplicateOf || row.values.length !== n) continue;
      const values = { start: row.values[0]!.span.start, end: row.values[row.values.length - 1]!.span.end };
      row.values.forEach((c, i) => out.set(`${t.id}/${row.rowId}/${i}`, { text: c.text, values }));
    }
  }
  return out;
}

/** How many cell separators a text holds: a fix that edits inside a table's line may add one, never delete one. */
function separators(text: string): number {
  return [...text.matchAll(/\t|\||<\/t[dh]>/gu)].length;
}

/** Most milliseconds an analysis may take: a constant for the start-up of a run, and a budget per KB. */
export const BUDGET = { ms: 60, msPerKb: 3 };

export interface Failure {
  readonly input: FuzzInput;
  readonly problem: string;
}

/** Every invariant on one input; the problems found. */
export function checkInput(input: FuzzInput, options: { fixes?: number } = {}): string[] {
  const problems: string[] = [];
  const { text, markdown } = input;
  let findings: readonly Finding[];
  let report: Report;
  const t = performance.now();
  try {
    ({ report, findings } = analyze(text, markdown));
  } catch (err) {
    return [`analyze threw ${String(err)}`];
  }
  const ms = performance.now() - t;
  if (ms > BUDGET.ms + (BUDGET.msPerKb * text.length) / 1024) {
    problems.push(`took ${ms.toFixed(0)} ms for ${(text.length / 1024).toFixed(1)} KB`);
  }
  for (const f of findings) {
    if (!isCode(f.code)) problems.push(`unknown code ${f.code}`);
    if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) {
      problems.push(`${f.code} span ${f.span.start}-${f.span.end} outside the text`);
    }
  }
  if (text.length > 64 * 1024) return problems;

  const before = valueCells(report);
  let tried = 0;
  for (const f of findings) {
    for (const fix of fixesFor(f.code, f.data, text, report.template)) {
      if (tried++ >= (options.fixes ?? 12)) break;
      for (const e of fix.edits) {
        const removed = text.slice(e.start, e.end);
        const inTable = report.tables.some((t) => t.span.start <= e.end && t.span.end >= e.start);
        if (inTable && !removed.includes('\n') && separators(e.newText) < separators(removed)) {
          problems.push(`fix “${fix.title}” (${f.code}) deletes a cell separator: “${removed}”`);
        }
      }
      const after = valueCells(analyze(applyEdits(text, fix.edits), markdown).report);
      // An edit inside a row's values names them; the other rows' cells must keep their text and their column.
      const touched = (s: { start: number; end: number }): boolean =>
        fix.edits.some((e) => e.start <= s.end && e.end >= s.start);
      for (const [key, cell] of before) {
        if (touched(cell.values)) continue;
        const now = after.get(key);
        if (now === undefined) problems.push(`fix “${fix.title}” (${f.code}) lost the cell ${key} “${cell.text}”`);
        else if (now.text !== cell.text) {
          problems.push(`fix “${fix.title}” (${f.code}) changed the cell ${key} from “${cell.text}” to “${now.text}”`);
        }
      }
    }
  }
  const fixed = fixAll(text, markdown);
  if (fixAll(fixed, markdown) !== fixed) problems.push('fix-all changed its own result');
  return problems;
}

/** Runs the fuzz; the failures, each with its input. */
export function runFuzz(seed: number, runs: number, onProgress?: (done: number) => void): Failure[] {
  const failures: Failure[] = [];
  const samples = fc.sample(inputs(), { seed, numRuns: runs });
  samples.forEach((input, i) => {
    for (const problem of checkInput(input)) failures.push({ input, problem });
    onProgress?.(i + 1);
  });
  return failures;
}

if (require.main === module) {
  const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
  const runs = Number(process.env['FUZZ_RUNS'] ?? 1000);
  const t = performance.now();
  const failures = runFuzz(seed, runs, (n) => {
    if (n % 100 === 0) process.stderr.write(`fuzz: ${n}/${runs}\n`);
  });
  for (const f of failures.slice(0, 20)) console.log(`✗ ${f.input.origin}: ${f.problem}`);
  const dump = process.env['FUZZ_DUMP'];
  if (dump) {
    mkdirSync(dump, { recursive: true });
    failures
      .slice(0, 20)
      .forEach((f, i) => writeFileSync(path.join(dump, `${i}${f.input.markdown ? '.md' : '.txt'}`), f.input.text));
  }
  console.log(
    `fuzz: seed ${seed}, ${runs} inputs, ${failures.length} failures, ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}
