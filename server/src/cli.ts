/**
 * `nianbao check [--format text|json] <files or folders…>`: the server's checks over files, for reviewers.
 * Exit 0 when no file has an error, 1 when any has, 2 for bad usage or a path that cannot be read (the other files
 * are still checked).
 */

import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from './core/codes';
import { looksLikeReport } from './core/detect';
import { positionAt, type Position } from './core/lines';
import { readInput, type InputText } from './inputs/index';
import { analyze, shownFindings, DEFAULT_OPTIONS, toOptions, type Options } from './service';

const USAGE = `用法：nianbao check [--format text|json] [--config 设置.json] <文件或文件夹…>

  检查政府信息公开工作年度报告（.txt/.md）。文件夹中只检查被识别为年度报告的 .txt/.md 文件。
  --format text   每个问题一行：路径:行:列: 严重程度 代码 说明（默认）
  --format json   {"files":[{"path","diagnostics":[…]}]}，位置为 LSP 的 0 起行列
  --config FILE   JSON 设置文件，格式同编辑器设置 {"severity": {"section-title": "off"}}
退出码：0 没有错误；1 有错误；2 用法错误或有路径无法读取。`;

const ERRNO: Record<string, string> = {
  ENOENT: '不存在',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '是文件夹',
  ENOTDIR: '路径中有一段不是文件夹',
  EMFILE: '打开的文件过多',
};

function why(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code ? `${ERRNO[code] ?? '读取失败'}（${code}）` : String(err);
}

/** A finding where the CLI prints it: 0-based line and character, as LSP counts them. */
interface Located {
  readonly finding: Finding;
  readonly start: Position;
  readonly end: Position;
}

interface FileResult {
  path: string;
  findings: Located[];
}

/** A text file's content as the checker reads it (synchronous: text files only). */
function readText(file: string): InputText {
  const input = readInput(readFileSync(file), file);
  if (input instanceof Promise) throw new Error('not a text file');
  return input;
}

function collect(arg: string, out: string[], errors: string[]): void {
  let stat;
  try {
    stat = statSync(arg);
  } catch (err) {
    errors.push(`nianbao: 无法读取“${arg}”：${why(err)}`);
    return;
  }
  if (stat.isFile()) {
    out.push(arg);
    return;
  }
  if (!stat.isDirectory()) {
    errors.push(`nianbao: “${arg}”既不是文件也不是文件夹`);
    return;
  }
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (err) {
      errors.push(`nianbao: 无法读取文件夹“${dir}”：${why(err)}`);
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/iu.test(e.name)) {
        try {
          if (looksLikeReport(readText(p).text)) out.push(p);
        } catch (err) {
          errors.push(`nianbao: 无法读取“${p}”：${why(err)}`);
        }
      }
    }
  };
  walk(arg);
}

function checkFile(file: string, options: Options): FileResult {
  const input = readText(file);
  const analysis = analyze(input.text, input.markdown);
  const starts = analysis.report.lineStarts;
  const findings = shownFindings(analysis, options).map((finding) => ({
    finding,
    start: positionAt(starts, finding.span.start),
    end: positionAt(starts, finding.span.end),
  }));
  return { path: file, findings };
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI on arguments; returns what it prints and its exit code. Never throws. */
export function runCli(argv: readonly string[]): CliResult {
  const err: string[] = [];
  const args = [...argv];
  if (args[0] === '--help' || args[0] === '-h') return { code: 0, stdout: USAGE + '\n', stderr: '' };
  if (args.shift() !== 'check') return { code: 2, stdout: '', stderr: USAGE + '\n' };
  let format = 'text';
  let options = DEFAULT_OPTIONS;
  const paths: string[] = [];
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--format' || a.startsWith('--format=')) {
      format = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args.shift() ?? '');
      if (format !== 'text' && format !== 'json') {
        return { code: 2, stdout: '', stderr: `nianbao: 未知的输出格式“${format}”，应为 text 或 json\n` };
      }
    } else if (a === '--config' || a.startsWith('--config=')) {
      const file = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args.shift() ?? '');
      try {
        options = toOptions(JSON.parse(readFileSync(file, 'utf8')));
      } catch (e) {
        return { code: 2, stdout: '', stderr: `nianbao: 无法读取设置文件“${file}”：${(e as Error).message}\n` };
      }
    } else if (a.startsWith('--')) {
      return { code: 2, stdout: '', stderr: `nianbao: 未知的选项“${a}”\n${USAGE}\n` };
    } else paths.push(a);
  }
  if (paths.length === 0) return { code: 2, stdout: '', stderr: `nianbao: 没有给出要检查的文件或文件夹\n${USAGE}\n` };

  const found: string[] = [];
  for (const p of paths) collect(p, found, err);
  // A file named twice, or inside a folder also named, is checked once.
  const seen = new Set<string>();
  const files = found.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const results: FileResult[] = [];
  for (const f of files) {
    try {
      results.push(checkFile(f, options));
    } catch (e) {
      err.push(`nianbao: 无法读取“${f}”：${why(e)}`);
    }
  }

  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const r of results) {
    for (const { finding } of r.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      else others++;
    }
  }
  let stdout: string;
  if (format === 'json') {
    const files = results.map((r) => ({
      path: r.path,
      diagnostics: r.findings.map(({ finding, start, end }) => ({
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        range: { start, end },
      })),
    }));
    stdout = JSON.stringify({ files }) + '\n';
  } else {
    const lines: string[] = [];
    for (const r of results) {
      for (const { finding, start } of r.findings) {
        lines.push(
          `${r.path}:${start.line + 1}:${start.character + 1}: ${finding.severity} ${finding.code} ${finding.message}`,
        );
      }
    }
    lines.push(`检查了 ${results.length} 个文件：${errors} 个错误，${warnings} 个警告，${others} 个提示`);
    stdout = lines.join('\n') + '\n';
  }
  const code = err.length > 0 ? 2 : errors > 0 ? 1 : 0;
  return { code, stdout, stderr: err.length > 0 ? err.join('\n') + '\n' : '' };
}

/* c8 ignore next 6 */
if (require.main === module) {
  const r = runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
