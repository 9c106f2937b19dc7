/** The bundled CLI, spawned as a user runs it. */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from '../helpers';

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
      `${path.join(dir, 'a.txt')}:322:2: error table-row-missing 表格“收到和处理政府信息公开申请情况表”缺少行“（六）3.其他”，应在此行之前`,
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
    const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: unknown[] }[] };
    assert.deepEqual(json, {
      files: [
        { path: path.join(dir, 'sub', 'c.txt'), diagnostics: [] },
        { path: path.join(dir, 'b.md'), diagnostics: [] },
      ],
    });
  });

  it('writes JSON in the documented shape with LSP zero-based ranges', () => {
    const r = run('check', '--format=json', path.join(dir, 'a.txt'));
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['files']);
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
    assert.equal(f.stderr, 'nianbao: 未知的输出格式“xml”，应为 text 或 json\n');
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
