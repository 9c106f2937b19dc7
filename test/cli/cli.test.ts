/** The bundled CLI, spawned as a user runs it. */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli';
import { sources, toHtml } from '../../scripts/pdf-fixtures';
import { analyze } from '../../server/src/service';
import { FIXTURES, fixture, replaceOnce } from '../helpers';
import { readDocx } from '../../server/src/inputs/docx';
import { toDocx } from '../docx';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
    copyFileSync(path.join(FIXTURES, '001_50aa6597b9c6048c.txt'), path.join(dir, 'a.txt'));
    copyFileSync(path.join(FIXTURES, 'crafted', 'correct-pipe.md'), path.join(dir, 'b.md'));
    mkdirSync(path.join(dir, 'sub'));
    copyFileSync(path.join(FIXTURES, 'crafted', 'correct-tab.txt'), path.join(dir, 'sub', 'c.txt'));
    writeFileSync(path.join(dir, 'sub', 'notes.txt'), '会议记录\n一、总体情况\n');
    writeFileSync(path.join(dir, 'sub', 'data.csv'), '政府信息公开工作年度报告\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line a finding, 1-based, then a summary; exit 1 on an error', () => {
    const r = run('check', path.join(dir, 'a.txt'));
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      `${path.join(dir, 'a.txt')}:4:1: warning text-artifact 文档转换残留“[bookmark: _GoBack]”，应删除`,
      `${path.join(dir, 'a.txt')}:34:2: warning table-row-label 行标签“规范性文件”是 2019 年格式的用语，模板为“行政规范性文件”`,
      `${path.join(dir, 'a.txt')}:312:2: error table-row-missing 表格“收到和处理政府信息公开申请情况表”缺少行“（六）3.其他”，应在此行之后`,
      `${path.join(dir, 'a.txt')}:387:1: error section-numbering 章节序号应为“五、”，实为“5、”`,
    ]);
    assert.equal(
      lines[4],
      `${path.join(dir, 'a.txt')}:396:1: warning fee-not-reported “六、其他需要报告的事项”未说明信息处理费的收取情况（未收取也应写明，如“本年度未收取信息处理费”）`,
    );
    assert.equal(lines[5], '检查了 1 个文件：2 个错误，3 个警告，0 个提示');
    assert.equal(r.stderr, '');
  });

  it('searches a folder for .txt/.md files that are reports; exit 0 when none has an error', () => {
    const r = run(
      'check',
      '--format',
      'json',
      path.join(dir, 'sub'),
      path.join(dir, 'b.md'),
      path.join(dir, 'sub', 'c.txt'),
    );
    assert.equal(r.code, 0);
    const json = JSON.parse(r.stdout) as {
      files: { path: string; diagnostics: unknown[] }[];
      crossFile: { path: string; diagnostics: { code: string; severity: string }[] }[];
      summary: Record<string, unknown>;
    };
    assert.deepEqual(json.files, [
      { path: path.join(dir, 'sub', 'c.txt'), diagnostics: [] },
      { path: path.join(dir, 'b.md'), diagnostics: [] },
    ]);
    // The two are one body's report of one year (a pipe and a tab copy): each is told of the other, as a warning.
    assert.deepEqual(
      json.crossFile.map((f) => [path.basename(f.path), f.diagnostics.map((d) => `${d.severity} ${d.code}`)]),
      [
        ['c.txt', ['warning report-duplicate']],
        ['b.md', ['warning report-duplicate']],
      ],
    );
    assert.deepEqual(json.summary, {
      files: 2,
      errors: 0,
      warnings: 2,
      others: 0,
      dismissed: 0,
      skipped: '跳过 1 个文件（非年度报告 1）',
      reports: [
        { path: path.join(dir, 'sub', 'c.txt'), errors: 0, warnings: 1, others: 0, sums: 'ok' },
        { path: path.join(dir, 'b.md'), errors: 0, warnings: 1, others: 0, sums: 'ok' },
      ],
    });
  });

  it('writes JSON in the documented shape with LSP zero-based ranges', () => {
    const r = run('check', '--format=json', path.join(dir, 'a.txt'));
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['files', 'crossFile', 'summary']);
    assert.deepEqual(json.files[0].diagnostics[3], {
      code: 'section-numbering',
      severity: 'error',
      message: '章节序号应为“五、”，实为“5、”',
      range: { start: { line: 386, character: 0 }, end: { line: 386, character: 3 } },
    });
  });

  it('reports an unreadable path on stderr, checks the rest, exits 2', () => {
    const r = run('check', path.join(dir, 'missing.txt'), path.join(dir, 'a.txt'));
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `nianbao: 无法读取“${path.join(dir, 'missing.txt')}”：不存在（ENOENT）\n`);
    assert.match(r.stdout, /检查了 1 个文件：2 个错误/u);
    const notDir = run('check', path.join(dir, 'a.txt', 'x.txt'));
    assert.equal(
      notDir.stderr,
      `nianbao: 无法读取“${path.join(dir, 'a.txt', 'x.txt')}”：路径中有一段不是文件夹（ENOTDIR）\n`,
    );
  });

  it('rejects bad usage with exit 2', () => {
    assert.equal(run().code, 2);
    assert.equal(run('check').code, 2);
    const f = run('check', '--format', 'xml', 'x');
    assert.equal(f.code, 2);
    assert.equal(f.stderr, 'nianbao: 未知的输出格式“xml”，应为 text、json、sarif 或 html\n');
    assert.equal(run('check', '--format', 'html', 'x').stderr, 'nianbao: --format html 需要用 --output 指定网页文件\n');
    assert.equal(run('check', '--jobs', '0', 'x').stderr, 'nianbao: --jobs 应为 1 至 999 的整数，实为“0”\n');
    assert.equal(run('check', '--frobnicate', 'x').code, 2);
    assert.equal(run('--help').code, 0);
  });

  it('reads GB18030 files and applies a settings file', () => {
    const gbk = path.join(dir, 'gbk.txt');
    // 政府信息公开工作年度报告 in GB18030, then a heading 一、总体情况
    const decoder = new TextDecoder('gb18030');
    const source = Buffer.from('d5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e60a', 'hex');
    assert.equal(decoder.decode(source), '政府信息公开工作年度报告\n');
    writeFileSync(gbk, source);
    const r = run('check', '--format', 'json', gbk);
    assert.equal(JSON.parse(r.stdout).files[0].diagnostics.length, 6);
    const cfg = path.join(dir, 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ severity: { 'section-missing': 'off' } }));
    const off = run('check', '--config', cfg, '--format', 'json', gbk);
    assert.equal(off.code, 0);
    assert.deepEqual(JSON.parse(off.stdout).files[0].diagnostics, []);
  });
});

describe('cli into a pipe', () => {
  it('stops quietly when its reader stops early (`| head`): no stack trace, no unhandled error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-pipe-'));
    try {
      const wrong = replaceOnce(fixture('crafted/correct-tab.txt'), '\t（七）总计\t10\t', '\t（七）总计\t11\t');
      for (let i = 0; i < 200; i++) writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.txt`), wrong);
      // The shell's `head -1` closes the pipe after the first line, long before the CLI has written the rest.
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check --jobs 1 "${dir}" | head -1`], {
        encoding: 'utf8',
      });
      assert.equal(r.stdout.split('\n').filter((l) => l.length > 0).length, 1);
      assert.equal(r.stderr, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli on hostile files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-'));
    copyFileSync(path.join(FIXTURES, 'crafted', 'correct-tab.txt'), path.join(dir, 'a.txt'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    // A PDF's opening bytes: a binary file with a report's extension.
    writeFileSync(
      path.join(dir, 'scan.txt'),
      Buffer.from(
        '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Length 9 >>\nstream\n\u0000\u0001\u0002\u0003\u0004\n',
        'latin1',
      ),
    );
    // A report in UTF-16LE with a byte-order mark.
    const text = readFileSync(path.join(FIXTURES, 'crafted', 'correct-tab.txt'), 'utf8');
    writeFileSync(
      path.join(dir, 'utf16.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    writeFileSync(path.join(dir, 'big.txt'), text + '本年度'.repeat(400_000));
    writeFileSync(path.join(dir, 'notes.txt'), '会议记录\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks a folder without blocking on a FIFO or reading a link to /dev/zero; counts what it skipped', () => {
    // The two readable files are one report in two encodings: a duplicate, here turned off by a setting.
    const settings = path.join(tmpdir(), `nianbao-no-duplicates-${process.pid}.json`);
    writeFileSync(settings, JSON.stringify({ severity: { 'report-duplicate': 'off' } }));
    const r = run('check', '--max-size', '1', '--config', settings, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        '',
        '报告汇总',
        ' 错误  警告  合计  文件',
        `    0     0   ✓   ${path.join(dir, 'a.txt')}`,
        `    0     0   ✓   ${path.join(dir, 'utf16.txt')}`,
        '    0     0   ✓   （共 2 份）',
        '',
        '检查了 2 个文件：0 个错误，0 个警告，0 个提示',
        '跳过 5 个文件（非文本 1，过大 1，非普通文件 2，非年度报告 1）',
        '',
      ].join('\n'),
    );
    const json = run('check', '--format', 'json', '--max-size=1', dir);
    assert.deepEqual(
      JSON.parse(json.stdout).files.map((f: { path: string }) => path.basename(f.path)),
      ['a.txt', 'utf16.txt'],
    );
    assert.equal(json.stderr, 'nianbao: 跳过 5 个文件（非文本 1，过大 1，非普通文件 2，非年度报告 1）\n');
  });

  it('a binary, too large or irregular file named directly is one line on stderr and exit 2; the rest go on', () => {
    const r = run(
      'check',
      '--max-size',
      '1',
      ...['scan.txt', 'big.txt', 'pipe.txt', 'a.txt'].map((f) => path.join(dir, f)),
    );
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      [
        // What cannot be a file is said while the paths are gathered, before any file is read.
        `nianbao: “${path.join(dir, 'pipe.txt')}”既不是文件也不是文件夹`,
        `nianbao: “${path.join(dir, 'scan.txt')}”不是文本文件，未检查`,
        `nianbao: “${path.join(dir, 'big.txt')}”大于 1 MB，未检查（可用 --max-size 调整）`,
        '',
      ].join('\n'),
    );
    assert.equal(r.stdout, '检查了 1 个文件：0 个错误，0 个警告，0 个提示\n');
    assert.equal(run('check', '--max-size', 'lots', dir).code, 2);
  });

  it('a UTF-16 report named directly is read as the report it is', () => {
    const r = run('check', path.join(dir, 'utf16.txt'));
    assert.equal(r.stdout, '检查了 1 个文件：0 个错误，0 个警告，0 个提示\n');
    assert.equal(r.code, 0);
  });

  it('an internal failure is said as a bug with the file’s name, never as an unreadable file; the others go on', async () => {
    let calls = 0;
    const r = await runCli(['check', path.join(dir, 'a.txt'), path.join(dir, 'utf16.txt')], {
      analyze: (text, markdown) => {
        if (calls++ === 0) throw new RangeError('Maximum call stack size exceeded');
        return analyze(text, markdown);
      },
    });
    assert.equal(
      r.stderr,
      `nianbao: 检查“${path.join(dir, 'a.txt')}”时程序出错（这是 Nianbao 的缺陷，请报告）：RangeError: Maximum call stack size exceeded\n`,
    );
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^检查了 1 个文件/u);
  });
});

describe('cli on saved web pages', () => {
  it('checks .html pages named or found in folders, as the text the page holds', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-html-'));
    try {
      writeFileSync(path.join(dir, 'report.html'), toHtml(sources()['wrong-cell']!));
      writeFileSync(path.join(dir, 'menu.htm'), '<html><body><nav>首页</nav><p>通知公告</p></body></html>');
      const r = run('check', dir);
      assert.equal(r.code, 1);
      assert.match(
        r.stdout,
        /report\.html:\d+:\d+: error table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6\n/u,
      );
      assert.match(r.stdout, /检查了 1 个文件：1 个错误，0 个警告，0 个提示\n跳过 1 个文件（非年度报告 1）\n$/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli convert', () => {
  it('prints the text the checker reads from a page; an unreadable file is one line and exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-convert-'));
    try {
      writeFileSync(path.join(dir, 'p.html'), '<table><tr><td>行政许可</td><td>12</td></tr></table><p>正文</p>');
      const r = run('convert', path.join(dir, 'p.html'));
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, '行政许可\t12\n\n正文\n', '']);
      const missing = run('convert', path.join(dir, 'none.html'));
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /^nianbao: “.*none\.html”无法读取：不存在（ENOENT）\n$/u);
      assert.equal(run('convert').code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli on Word documents', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-docx-'));
    const wrong = replaceOnce(sources().correct!, '\t（一）予以公开\t5\t', '\t（一）予以公开\t6\t');
    writeFileSync(path.join(dir, 'wrong.docx'), await toDocx(wrong, { numbering: true, merge: true }));
    writeFileSync(path.join(dir, 'fixable.docx'), await toDocx(fixture('crafted/fixable-tab.txt'), { merge: true }));
    writeFileSync(path.join(dir, 'locked.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks .docx files named or found in folders; an encrypted one is one line and the rest go on', () => {
    const walked = run('check', dir);
    assert.equal(walked.code, 1);
    const text = readDocx(readFileSync(path.join(dir, 'wrong.docx'))).input.text;
    const line = text.split('\n').findIndex((l) => l.includes('（一）予以公开\t6')) + 1;
    assert.match(
      walked.stdout,
      new RegExp(
        `wrong\\.docx:${line}:\\d+: error table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6\n`,
        'u',
      ),
    );
    assert.match(walked.stdout, /检查了 2 个文件：.*\n跳过 1 个文件（非文本 1）\n$/u);
    const named = run('check', path.join(dir, 'locked.docx'), path.join(dir, 'wrong.docx'));
    assert.equal(named.code, 2);
    assert.equal(
      named.stderr,
      `nianbao: “${path.join(dir, 'locked.docx')}”是加密的 Word 文档或旧版 .doc 文件，请在 Word/WPS 中另存为未加密的 .docx，未检查\n`,
    );
    assert.match(named.stdout, /检查了 1 个文件：1 个错误/u);
  });

  it('fix writes a fixed copy of a .docx that checks clean, and says what it did; the original is kept', () => {
    const original = readFileSync(path.join(dir, 'fixable.docx'));
    const out = path.join(dir, 'fixed.docx');
    const r = run('fix', path.join(dir, 'fixable.docx'), '-o', out);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', `nianbao: 已修复 3 处（改动 3 个单元格），写入“${out}”\n`]);
    assert.deepEqual(readFileSync(path.join(dir, 'fixable.docx')), original);
    assert.equal(run('check', out).stdout, '检查了 1 个文件：0 个错误，0 个警告，0 个提示\n');
    const again = run('fix', out, '-o', path.join(dir, 'again.docx'));
    assert.equal(again.stderr, `nianbao: 没有可自动修复的问题，已照原样写出“${path.join(dir, 'again.docx')}”\n`);
  });

  it('fix on a text file writes the fixed text; refuses to overwrite the original and formats it cannot write', () => {
    const src = path.join(dir, 'fixable.txt');
    writeFileSync(src, fixture('crafted/fixable-tab.txt'));
    const r = run('fix', src, '-o', path.join(dir, 'fixed.txt'));
    assert.equal(r.code, 0);
    assert.equal(readFileSync(path.join(dir, 'fixed.txt'), 'utf8'), fixture('crafted/correct-tab.txt'));
    assert.equal(run('fix', src, '-o', src).stderr, `nianbao: 输出文件不能是原文件“${src}”\n`);
    assert.equal(run('fix', src).code, 2);
    const html = path.join(dir, 'page.html');
    writeFileSync(html, '<p>x</p>');
    assert.equal(
      run('fix', html, '-o', path.join(dir, 'out.html')).stderr,
      `nianbao: fix 只能修复 .txt、.md 和 .docx 文件，“${html}”不是\n`,
    );
  });

  it('leaves out findings dismissed in .nianbao.json beside the report, says how many; --no-ignore shows them; a broken file dismisses nothing', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-dismiss-'));
    const wrong = replaceOnce(fixture('crafted/correct-tab.txt'), '\t（七）总计\t10\t', '\t（七）总计\t11\t');
    writeFileSync(path.join(d, 'r.txt'), wrong);
    // Another body's report, or the two would be a duplicate.
    writeFileSync(path.join(d, 'other.txt'), wrong.replace('青山县自然资源局', '青山县水利局'));
    const entry = { file: 'r.txt', code: 'table-total', at: 'cell:applications:total:自然人', text: '11' };
    writeFileSync(path.join(d, '.nianbao.json'), JSON.stringify({ dismissed: [entry] }));
    const line = wrong.split('\n').findIndex((l) => l.startsWith('\t（七）总计')) + 1;
    const finding = `table-total （七）总计·自然人 应为 10（予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2），实为 11`;
    const r = run('check', d);
    assert.equal(
      r.stdout,
      [
        `${path.join(d, 'other.txt')}:${line}:8: error ${finding}`,
        '',
        '报告汇总',
        ' 错误  警告  合计  文件',
        `    1     0   ✗   ${path.join(d, 'other.txt')}`,
        `    0     0   ✓   ${path.join(d, 'r.txt')}`,
        '    1     0   ✗ 1 份   （共 2 份）',
        '',
        '检查了 2 个文件：1 个错误，0 个警告，0 个提示；另有 1 个问题已核实忽略（见 .nianbao.json，--no-ignore 全部显示）',
        '',
      ].join('\n'),
    );
    assert.equal(r.code, 1);
    const json = JSON.parse(run('check', '--format', 'json', d).stdout) as {
      files: { path: string; dismissed?: number }[];
    };
    assert.deepEqual(
      json.files.map((f) => [path.basename(f.path), f.dismissed]),
      [
        ['other.txt', undefined],
        ['r.txt', 1],
      ],
    );
    const all = run('check', '--no-ignore', path.join(d, 'r.txt'));
    assert.equal(all.stdout.split('\n')[0], `${path.join(d, 'r.txt')}:${line}:8: error ${finding}`);
    // fix leaves the dismissed cell as it is.
    const out = path.join(d, 'fixed.txt');
    assert.equal(run('fix', path.join(d, 'r.txt'), '-o', out).code, 0);
    assert.equal(readFileSync(out, 'utf8'), wrong);
    writeFileSync(path.join(d, '.nianbao.json'), '{"dismissed": 3}');
    const broken = run('check', path.join(d, 'r.txt'));
    assert.match(broken.stdout, /^.*r\.txt:\d+:8: error table-total/u);
    assert.equal(
      broken.stderr,
      `nianbao: “${path.join(d, '.nianbao.json')}”应为 {"dismissed": [ … ]}，其中忽略的问题未生效\n`,
    );
  });

  it('convert prints the text read from a .docx', () => {
    const r = run('convert', path.join(dir, 'wrong.docx'));
    assert.equal(r.code, 0);
    assert.equal(r.stdout, readDocx(readFileSync(path.join(dir, 'wrong.docx'))).input.text);
    assert.match(r.stdout, /^一、总体情况$/mu);
  });
});

describe('cli on PDF files', () => {
  const PDF = path.join(FIXTURES, 'pdf');

  it('names the page of each finding, in text and in JSON; a locked or text-less PDF is one line and the rest go on', () => {
    const wrong = path.join(PDF, 'writer-wrong-cell.pdf');
    const r = run('check', path.join(PDF, 'encrypted.pdf'), path.join(PDF, 'image-only.pdf'), wrong);
    assert.equal(r.code, 2);
    assert.match(
      r.stdout,
      /writer-wrong-cell\.pdf:\d+:\d+: error table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6（第 2 页）\n/u,
    );
    assert.equal(
      r.stderr,
      `nianbao: “${path.join(PDF, 'encrypted.pdf')}”是加密的 PDF（需要密码），未检查\n` +
        `nianbao: “${path.join(PDF, 'image-only.pdf')}”是扫描件或图片，没有可读取的文字（请用可复制文字的 PDF 或原始 Word 文件），未检查\n`,
    );
    const json = JSON.parse(run('check', '--format', 'json', wrong).stdout) as {
      files: { diagnostics: { code: string; source?: { page: number } }[] }[];
    };
    assert.deepEqual(
      json.files[0]!.diagnostics.map((d) => [d.code, d.source]),
      [['table-total', { page: 2 }]],
    );
  });

  it('reads PDFs from the bundle alone, as installed (no node_modules beside it), with nothing but findings printed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bundle-'));
    try {
      const dist = path.join(__dirname, '..', '..', 'dist');
      for (const f of ['cli.js', 'pdfjs.mjs']) copyFileSync(path.join(dist, f), path.join(dir, f));
      cpSync(path.join(dist, 'cmaps'), path.join(dir, 'cmaps'), { recursive: true });
      const r = spawnSync(
        process.execPath,
        [path.join(dir, 'cli.js'), 'check', '--format', 'json', path.join(PDF, 'writer-wrong-cell.pdf')],
        {
          encoding: 'utf8',
          cwd: dir,
        },
      );
      assert.equal(r.stderr, '');
      const json = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; source?: { page: number } }[] }[] };
      assert.deepEqual(
        json.files[0]!.diagnostics.map((d) => [d.code, d.source]),
        [['table-total', { page: 2 }]],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bundles', () => {
  const DIST = path.join(__dirname, '..', '..', 'dist');

  it('pdf.js is a bundle of its own, loaded by the server and the CLI only when a PDF is read', () => {
    assert.match(readFileSync(path.join(DIST, 'pdfjs.mjs'), 'utf8'), /PDFDocumentProxy/u);
    for (const f of ['server.js', 'cli.js', 'worker.js', 'extension.js']) {
      const code = readFileSync(path.join(DIST, f), 'utf8');
      assert.doesNotMatch(code, /PDFDocumentProxy/u, f);
    }
    for (const f of ['server.js', 'cli.js']) {
      assert.match(readFileSync(path.join(DIST, f), 'utf8'), /import\("\.\/pdfjs\.mjs"\)/u, f);
    }
  });
});
