/** The reviewer's desk: a folder over worker threads, the formats, years compared, the expected bodies. */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { FIXTURES, fixture, yearReport } from '../helpers';
import { toDocx } from '../docx';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const SARIF_SCHEMA = path.join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@microsoft',
  'sarif-matcher-utils',
  'lib',
  'schemas',
  'sarif-2.1.0-rtm.5.json',
);

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli on a folder of reports', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-batch-'));
    for (const f of ['000_94c66d917836ad80.txt', '001_50aa6597b9c6048c.txt', '003_b4c873c83d7e3610.txt'])
      copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    copyFileSync(path.join(FIXTURES, 'pdf', 'writer-wrong-cell.pdf'), path.join(dir, 'wrong-cell.pdf'));
    writeFileSync(path.join(dir, 'fixable.docx'), await toDocx(fixture('crafted/fixable-tab.txt'), { merge: true }));
    // Twenty bodies in three layouts; the 东山 bodies' 2023 reports carry over other numbers than 2022 carried forward.
    const layouts = ['crafted/correct-tab.txt', 'crafted/correct-cells.txt', 'crafted/correct-pipe.md'];
    for (let i = 0; i < 20; i++) {
      const layout = layouts[i % 3]!;
      const ext = layout.endsWith('.md') ? 'md' : 'txt';
      const body = `${i < 3 ? '东山' : '西山'}${String(i).padStart(2, '0')}镇人民政府`;
      writeFileSync(path.join(dir, `${body}-2022.${ext}`), yearReport(layout, body, 2022));
      // One more carried in and one more carried forward: the 2023 report adds up in itself.
      writeFileSync(
        path.join(dir, `${body}-2023.${ext}`),
        yearReport(layout, body, 2023, i < 3 ? 2 : 1, i < 3 ? 2 : 1),
      );
    }
    // One body's 2023 report twice.
    writeFileSync(path.join(dir, 'copy-西山05镇-2023.md'), yearReport(layouts[2]!, '西山05镇政府', 2023));
    writeFileSync(path.join(dir, 'notes.txt'), '会议记录\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives byte-identical output for any number of jobs, in every format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const one = run('check', '--format', format, '--jobs', '1', dir);
      for (const jobs of ['2', '3']) {
        const many = run('check', '--format', format, '--jobs', jobs, dir);
        assert.equal(many.stdout, one.stdout, `${format}, --jobs ${jobs}`);
        assert.equal(many.stderr, one.stderr);
        assert.equal(many.code, one.code);
      }
      // No progress line when stderr is not a terminal.
      assert.doesNotMatch(one.stderr, /已检查/u);
    }
  });

  it('shows a progress line on a terminal, and only there', () => {
    // util-linux's `script` gives the CLI a terminal; what the terminal shows comes back on its stdout. 47 files: the
    // 46 reports and the note that is none.
    const shown = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${CLI}" check --jobs 2 "${dir}" > /dev/null`, '/dev/null'],
      {
        encoding: 'utf8',
      },
    );
    assert.match(shown.stdout, /\r已检查 10\/47 …/u);
    assert.match(shown.stdout, /\r已检查 47\/47 …\r?\n/u);
    assert.doesNotMatch(run('check', dir).stderr, /已检查/u);
  });

  it('compares each body’s years and finds duplicates; the text ends with a summary table', () => {
    const r = run('check', '--jobs', '2', dir);
    assert.equal(r.code, 1);
    const cross = r.stdout.split('\n').filter((l) => / (cross-year-carryover|report-duplicate) /u.test(l));
    assert.deepEqual(
      cross.map((l) => l.replace(dir + path.sep, '').replace(/:\d+:\d+: /u, ' ')).sort(),
      [
        // The Word document and the PDF are one crafted report: the same body and year.
        `fixable.docx warning report-duplicate “青山县自然资源局”2023 年的报告不止一份：另见 “${path.join(dir, 'wrong-cell.pdf')}”`,
        `wrong-cell.pdf warning report-duplicate “青山县自然资源局”2023 年的报告不止一份：另见 “${path.join(dir, 'fixable.docx')}”`,
        ...['东山00镇人民政府-2023.txt', '东山01镇人民政府-2023.txt', '东山02镇人民政府-2023.md'].flatMap((f) => [
          `${f} error cross-year-carryover 二、上年结转政府信息公开申请数量·自然人 应为 1（2022 年报告“四、结转下年度继续办理·自然人”），实为 2`,
          `${f} error cross-year-carryover 二、上年结转政府信息公开申请数量·总计 应为 1（2022 年报告“四、结转下年度继续办理·总计”），实为 2`,
        ]),
        `copy-西山05镇-2023.md warning report-duplicate “西山05镇政府”2023 年的报告不止一份：另见 “${path.join(dir, '西山05镇人民政府-2023.md')}”`,
        `西山05镇人民政府-2023.md warning report-duplicate “西山05镇人民政府”2023 年的报告不止一份：另见 “${path.join(dir, 'copy-西山05镇-2023.md')}”`,
      ].sort(),
    );
    const lines = r.stdout.trimEnd().split('\n');
    const table = lines.indexOf('报告汇总');
    assert.ok(table > 0);
    assert.equal(lines[table + 1], ' 错误  警告  合计  文件');
    // 41 made reports, the three real ones, the .docx and the PDF.
    // After the table: a blank line, the counts, and the file that is no report.
    assert.equal(lines.length - (table + 2) - 4, 46);
    assert.match(lines.at(-4)!, /^ +\d+ +\d+ +✗ \d+ 份 +（共 46 份）$/u);
    assert.match(lines.at(-2)!, /^检查了 46 个文件：/u);
    assert.equal(lines.at(-1), '跳过 1 个文件（非年度报告 1）');
    // Its two carry-over errors count in its row (and its prose, which still says 1, two warnings); its sums hold.
    assert.equal(lines.filter((l) => /东山00镇人民政府-2023\.txt$/u.test(l) && /^ +2 +2 +✓/u.test(l)).length, 1);
  });

  it('writes SARIF 2.1.0 that the schema accepts: every finding a result at its place, the rules from the registry', () => {
    const sarif = JSON.parse(run('check', '--format', 'sarif', dir).stdout) as {
      runs: {
        columnKind: string;
        tool: { driver: { rules: unknown[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
          }[];
        }[];
      }[];
    };
    const ajv = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const json = JSON.parse(run('check', '--format', 'json', dir).stdout);
    const run0 = sarif.runs[0]!;
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const rules = run0.tool.driver.rules as { id: string; shortDescription: { text: string } }[];
    assert.ok(rules.some((r) => r.id === 'cross-year-carryover' && /上年结转/u.test(r.shortDescription.text)));
    const expected = [...json.files, ...json.crossFile].flatMap(
      (f: { path: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }) =>
        f.diagnostics.map((d) => `${f.path} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`),
    );
    const got = run0.results.map(
      (r: {
        ruleId: string;
        ruleIndex: number;
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
        }[];
      }) => {
        assert.equal(rules[r.ruleIndex]!.id, r.ruleId);
        const loc = r.locations[0]!.physicalLocation;
        return `${decodeURIComponent(new URL(loc.artifactLocation.uri).pathname)} ${r.ruleId} ${loc.region.startLine}:${loc.region.startColumn}`;
      },
    );
    assert.deepEqual(got, expected);
    assert.ok(got.length > 40);
  });

  it('says which bodies of the expected list have no report, and exits 1', () => {
    const list = path.join(dir, '..', `nianbao-expect-${process.pid}.txt`);
    writeFileSync(list, '# 应报送的单位\n东山00镇人民政府\n西山07镇 政府\n南山镇人民政府\n北山街道办事处\n');
    const r = run(
      'check',
      '--expect',
      list,
      path.join(dir, '西山07镇人民政府-2023.txt'),
      path.join(dir, '东山00镇人民政府-2022.txt'),
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\n缺少 2 个单位的报告：南山镇人民政府、北山街道办事处\n$/u);
    const json = JSON.parse(run('check', '--format', 'json', '--expect', list, dir).stdout);
    assert.deepEqual(json.summary.missing, ['南山镇人民政府', '北山街道办事处']);
    assert.equal(run('check', '--expect', path.join(dir, 'none.txt'), dir).code, 2);
    rmSync(list);
  });

  it('writes one self-contained HTML page: the summary table, each report’s findings and its tables', () => {
    const out = path.join(dir, '..', `nianbao-report-${process.pid}.html`);
    const r = run('check', '--format', 'html', '--output', out, '--jobs', '2', dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const html = readFileSync(out, 'utf8');
    rmSync(out);
    assert.match(html, /^<!DOCTYPE html>/u);
    assert.equal((html.match(/<section class="report"/gu) ?? []).length, 46);
    assert.equal((html.match(/<tr><td><a href="#report-\d+">/gu) ?? []).length, 46);
    assert.doesNotMatch(html, /<script|<link|src="http|href="http/u);
    assert.match(html, /<h2>报告之间<\/h2>/u);
    assert.match(
      html,
      /<td class="cell wrong"[^>]*data-title="（一）予以公开·自然人"[^>]*>6<span class="expected">应为 5<\/span>/u,
    );
  });
});
