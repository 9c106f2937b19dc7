/**
 * `npm run test:nvim`: the README's Neovim snippet in a real headless Neovim (Debian's 0.7.2 in CI), on a report with
 * findings on lines full of Chinese: the same findings as the CLI, at the same places counted in UTF-8 bytes (the
 * snippet asks for UTF-8), a hover read, a quick fix applied. Needs `nvim` on the PATH.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli';
import { fixture, replaceOnce } from '../helpers';

const REPO = path.resolve(__dirname, '..', '..');

interface Seen {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  code: string;
  message: string;
}

interface Out {
  filetype?: string;
  waited?: boolean;
  clients?: number;
  encoding?: string;
  diagnostics?: Seen[];
  hover?: string;
  actions?: string[];
  fixed_line?: string;
  after?: Seen[];
  error?: string;
}

/** The first ```lua block of the README's “Other editors”. */
function snippet(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const from = readme.indexOf('### Other editors');
  const m = /```lua\n([\s\S]*?)```/u.exec(readme.slice(from));
  assert.ok(from >= 0 && m, 'README has no Neovim snippet under “Other editors”');
  return m[1]!;
}

/** The CLI's findings on a file, placed as Neovim places them: 0-based lines, columns in UTF-8 bytes. */
async function cliFindings(file: string): Promise<Seen[]> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const r = await runCli(['check', '--format', 'json', file]);
  const json = JSON.parse(r.stdout) as {
    files: {
      diagnostics: {
        code: string;
        message: string;
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
      }[];
    }[];
  };
  const bytes = (line: number, ch: number): number => Buffer.byteLength((lines[line] ?? '').slice(0, ch), 'utf8');
  return json.files[0]!.diagnostics.map((d) => ({
    lnum: d.range.start.line,
    col: bytes(d.range.start.line, d.range.start.character),
    end_lnum: d.range.end.line,
    end_col: bytes(d.range.end.line, d.range.end.character),
    code: d.code,
    message: d.message,
  })).sort((a, b) => a.lnum - b.lnum || a.col - b.col);
}

describe('Neovim with the README snippet', function () {
  this.timeout(90_000);

  it('shows the CLI’s findings at the same places (UTF-8), reads a hover, applies a quick fix', async () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'nvim is not installed (apt-get install neovim)');
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-nvim-'));
    let text = fixture('crafted/correct-tab.txt');
    text = replaceOnce(text, '\t（七）总计\t10\t', '\t（七）总计\t11\t');
    text = replaceOnce(text, '五、存在的主要问题', '5、存在的主要问题');
    const report = path.join(dir, '报告.txt');
    writeFileSync(report, text);
    writeFileSync(path.join(dir, 'init.lua'), snippet());
    const outFile = path.join(dir, 'out.json');
    const r = spawnSync(
      'nvim',
      [
        '--headless',
        '-n',
        '-i',
        'NONE',
        '-u',
        path.join(dir, 'init.lua'),
        '-c',
        `luafile ${path.join(__dirname, 'driver.lua')}`,
        report,
      ],
      {
        encoding: 'utf8',
        timeout: 80_000,
        env: {
          ...process.env,
          NIANBAO_SERVER: path.join(REPO, 'dist', 'server.js'),
          NIANBAO_NVIM_OUT: outFile,
          XDG_CACHE_HOME: path.join(dir, 'cache'),
          XDG_STATE_HOME: path.join(dir, 'state'),
          XDG_DATA_HOME: path.join(dir, 'data'),
          XDG_CONFIG_HOME: path.join(dir, 'config'),
        },
      },
    );
    assert.equal(r.status, 0, `nvim: ${r.stderr}${r.stdout}`);
    const out = JSON.parse(readFileSync(outFile, 'utf8')) as Out;
    assert.equal(out.error, undefined);
    assert.equal(out.filetype, 'text');
    assert.equal(out.clients, 1);
    assert.equal(out.encoding, 'utf-8');

    const want = await cliFindings(report);
    assert.deepEqual(
      want.map((d) => d.code),
      ['table-total', 'section-numbering'],
    );
    assert.deepEqual(out.diagnostics, want);
    assert.match(out.hover ?? '', /^\*\*（七）总计·自然人\*\* = 11/u);
    assert.deepEqual(out.actions, ['将“（七）总计·自然人”改为 10', '已核实，忽略此问题']);
    assert.equal(out.fixed_line, '\t（七）总计\t10\t2\t0\t0\t1\t0\t13');
    writeFileSync(report, replaceOnce(text, '\t（七）总计\t11\t', '\t（七）总计\t10\t'));
    assert.deepEqual(out.after, await cliFindings(report));
    assert.equal(out.after?.length, 1);
  });
});
