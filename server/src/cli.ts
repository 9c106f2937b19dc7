/**
 * `nianbao check [--format text|json] [--config FILE] [--max-size MB] [--no-ignore] <files or folders…>`: the server's
 * checks over files, for reviewers; findings dismissed in a `.nianbao.json` beside a file are left out. Exit 0 when no file has an error, 1 when any has, 2 for bad usage, a path that cannot be read
 * or checked (the other files are still checked). `nianbao convert FILE` prints the text the checker reads;
 * `nianbao fix FILE -o OUT` writes a copy with the safe fixes applied (a .docx into its own cells).
 */

import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DISMISS_FILE, DismissalStore } from './dismissals';
import { canFix, fixCopy, fixSummary, type FixedCopy } from './fixcopy';
import type { Finding } from './core/codes';
import { looksLikeReport } from './core/detect';
import { positionAt, type Position } from './core/lines';
import { NotRegular, SKIP_NAMES, TooLarge, collect, readBounded, why, type SkipReason } from './files';
import { InputError, isReportFileName, pageAt, readInput, type InputText } from './inputs/index';
import { analyze, shownFindings, DEFAULT_OPTIONS, toOptions, type Options } from './service';

const DEFAULT_MAX_MB = 64;

const USAGE = `用法：nianbao check [--format text|json] [--config 设置.json] [--max-size MB] [--no-ignore] <文件或文件夹…>
      nianbao convert [--max-size MB] <文件>     输出检查时读到的文字（看清网页、Word 等文件被读成了什么）
      nianbao fix <文件> -o <输出文件>          写出修复后的副本（空白填 0、总计、唯一的错格）；.docx 只改相应单元格的文字

  检查政府信息公开工作年度报告（.txt、.md、Word .docx、保存的网页 .html/.htm）。文件夹中只检查被识别为年度报告的这些文件。
  --format text   每个问题一行：路径:行:列: 严重程度 代码 说明（默认）
  --format json   {"files":[{"path","diagnostics":[…]}]}，位置为 LSP 的 0 起行列
  --config FILE   JSON 设置文件，格式同编辑器设置 {"severity": {"section-title": "off"}}
  --max-size MB   大于此大小的文件不检查（默认 ${DEFAULT_MAX_MB}）
  --no-ignore     也显示报告旁 .nianbao.json 中记录为“已核实，忽略”的问题
退出码：0 没有错误；1 有错误；2 用法错误、有路径无法读取或无法检查。`;

/** A finding where the CLI prints it: 0-based line and character, as LSP counts them. */
interface Located {
  readonly finding: Finding;
  readonly start: Position;
  /** The page of the original (a PDF's) where the finding is, when the file has pages. */
  readonly page?: number;
  readonly end: Position;
}

interface FileResult {
  path: string;
  findings: Located[];
  /** Findings not shown because a reviewer dismissed them (`.nianbao.json`). */
  dismissed: number;
}

/** A file's text as the checker reads it. */
async function readText(file: string, maxBytes: number): Promise<InputText> {
  return readInput(readBounded(file, maxBytes), file);
}

/** What the CLI runs on each file's text; a test may put a failing one in its place. */
export interface CliChecker {
  readonly analyze: typeof analyze;
}

function checkText(file: string, input: InputText, options: Options, checker: CliChecker): FileResult {
  const analysis = checker.analyze(input.text, input.markdown);
  const starts = analysis.report.lineStarts;
  const shown = shownFindings(analysis, options);
  const dismissed =
    options.dismissed.length > 0 ? shownFindings(analysis, { ...options, dismissed: [] }).length - shown.length : 0;
  const findings = shown.map((finding) => ({
    finding,
    start: positionAt(starts, finding.span.start),
    page: pageAt(input.sourceMap, finding.span.start),
    end: positionAt(starts, finding.span.end),
  }));
  return { path: file, findings, dismissed };
}

/** Why reading a file failed, as a skip reason and the words for stderr. */
function readFailure(err: unknown, maxMb: number): { reason: SkipReason; words: string } {
  if (err instanceof TooLarge)
    return { reason: 'too-large', words: `大于 ${maxMb} MB，未检查（可用 --max-size 调整）` };
  if (err instanceof NotRegular) return { reason: 'not-regular', words: '不是普通文件，未检查' };
  if (err instanceof InputError) return { reason: 'not-text', words: `${err.reason}，未检查` };
  return { reason: 'unreadable', words: `无法读取：${why(err)}` };
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface Args {
  format: 'text' | 'json';
  options: Options;
  /** Show the findings dismissed in `.nianbao.json` too. */
  noIgnore: boolean;
  maxMb: number;
  paths: string[];
}

/** The arguments, or the message and exit code of bad usage. */
function parseArgs(argv: readonly string[]): Args | CliResult {
  const args = [...argv];
  if (args[0] === '--help' || args[0] === '-h') return { code: 0, stdout: USAGE + '\n', stderr: '' };
  if (args.shift() !== 'check') return { code: 2, stdout: '', stderr: USAGE + '\n' };
  const out: Args = { format: 'text', options: DEFAULT_OPTIONS, noIgnore: false, maxMb: DEFAULT_MAX_MB, paths: [] };
  const value = (a: string): string => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args.shift() ?? ''));
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--format' || a.startsWith('--format=')) {
      const format = value(a);
      if (format !== 'text' && format !== 'json') {
        return { code: 2, stdout: '', stderr: `nianbao: 未知的输出格式“${format}”，应为 text 或 json\n` };
      }
      out.format = format;
    } else if (a === '--config' || a.startsWith('--config=')) {
      const file = value(a);
      try {
        out.options = toOptions(JSON.parse(readFileSync(file, 'utf8')));
      } catch (e) {
        return { code: 2, stdout: '', stderr: `nianbao: 无法读取设置文件“${file}”：${(e as Error).message}\n` };
      }
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const mb = maxSize(value(a));
      if (typeof mb !== 'number') return mb;
      out.maxMb = mb;
    } else if (a === '--no-ignore') {
      out.noIgnore = true;
    } else if (a.startsWith('--')) {
      return { code: 2, stdout: '', stderr: `nianbao: 未知的选项“${a}”\n${USAGE}\n` };
    } else out.paths.push(a);
  }
  if (out.paths.length === 0)
    return { code: 2, stdout: '', stderr: `nianbao: 没有给出要检查的文件或文件夹\n${USAGE}\n` };
  return out;
}

/** The value of `--max-size`: a number of MB above 0 written in digits, or the usage error. */
function maxSize(v: string): number | CliResult {
  const mb = Number(v);
  if (/^\d+(\.\d+)?$/u.test(v) && mb > 0) return mb;
  return { code: 2, stdout: '', stderr: `nianbao: --max-size 应为大于 0 的数（MB），实为“${v}”\n` };
}

/** The one file and the options of `convert` and `fix`, or the usage error. */
function oneFile(
  command: string,
  argv: readonly string[],
  withOutput: boolean,
): { file: string; maxMb: number; output?: string } | CliResult {
  const args = [...argv];
  let maxMb = DEFAULT_MAX_MB;
  let output: string | undefined;
  const files: string[] = [];
  const value = (a: string): string => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args.shift() ?? ''));
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--max-size' || a.startsWith('--max-size=')) {
      const mb = maxSize(value(a));
      if (typeof mb !== 'number') return mb;
      maxMb = mb;
    } else if (withOutput && (a === '-o' || a === '--output' || a.startsWith('--output='))) output = value(a);
    else if (a.startsWith('-')) return { code: 2, stdout: '', stderr: `nianbao: 未知的选项“${a}”\n${USAGE}\n` };
    else files.push(a);
  }
  if (files.length !== 1) return { code: 2, stdout: '', stderr: `nianbao: ${command} 需要一个文件\n${USAGE}\n` };
  if (withOutput && !output) return { code: 2, stdout: '', stderr: `nianbao: fix 需要用 -o 给出输出文件\n${USAGE}\n` };
  return { file: files[0]!, maxMb, output };
}

/** `nianbao convert FILE`: the text the checker reads from a file, so a user can see why it says what it says. */
async function convert(argv: readonly string[]): Promise<CliResult> {
  const parsed = oneFile('convert', argv, false);
  if ('code' in parsed) return parsed;
  const { file, maxMb } = parsed;
  try {
    return { code: 0, stdout: (await readText(file, Math.floor(maxMb * 1024 * 1024))).text, stderr: '' };
  } catch (e) {
    return { code: 2, stdout: '', stderr: `nianbao: “${file}”${readFailure(e, maxMb).words}\n` };
  }
}

/** Whether two paths name the same file (the output would overwrite the writer's original). */
function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * `nianbao fix FILE -o OUT`: the safe fixes (fix-all) written to a copy. A .docx keeps its formatting: only the text
 * of the changed cells' runs changes. Text files are written as UTF-8. The original is never overwritten.
 */
async function fix(argv: readonly string[]): Promise<CliResult> {
  const parsed = oneFile('fix', argv, true);
  if ('code' in parsed) return parsed;
  const { file, maxMb } = parsed;
  const output = parsed.output!;
  if (sameFile(file, output)) return { code: 2, stdout: '', stderr: `nianbao: 输出文件不能是原文件“${file}”\n` };
  if (!canFix(file))
    return { code: 2, stdout: '', stderr: `nianbao: fix 只能修复 .txt、.md 和 .docx 文件，“${file}”不是\n` };
  let bytes: Uint8Array;
  try {
    bytes = readBounded(file, Math.floor(maxMb * 1024 * 1024));
  } catch (e) {
    return { code: 2, stdout: '', stderr: `nianbao: “${file}”${readFailure(e, maxMb).words}\n` };
  }
  let copy: FixedCopy;
  try {
    copy = await fixCopy(bytes, file, new DismissalStore().of(file));
  } catch (e) {
    if (e instanceof InputError) return { code: 2, stdout: '', stderr: `nianbao: “${file}”${e.reason}，未修复\n` };
    throw e;
  }
  try {
    writeFileSync(output, copy.bytes);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `nianbao: 无法写出“${output}”：${why(e)}\n` };
  }
  const notes = copy.unplaced.map((u) => `nianbao: 无法写回 .docx：${u}`);
  notes.push(`nianbao: ${fixSummary(copy, output)}`);
  return { code: copy.unplaced.length > 0 ? 1 : 0, stdout: '', stderr: notes.join('\n') + '\n' };
}

/** Runs the CLI on arguments; returns what it prints and its exit code. Never throws. */
export async function runCli(argv: readonly string[], checker: CliChecker = { analyze }): Promise<CliResult> {
  if (argv[0] === 'convert') return convert(argv.slice(1));
  if (argv[0] === 'fix') return fix(argv.slice(1));
  const parsed = parseArgs(argv);
  if ('code' in parsed) return parsed;
  const { format, options, noIgnore, maxMb, paths } = parsed;
  const dismissals = new DismissalStore();
  const badDismissFiles = new Set<string>();
  /** The options for one file: the findings dismissed beside it left out, unless --no-ignore. */
  const optionsFor = (file: string): Options => {
    if (noIgnore) return options;
    const { path: at, file: read } = dismissals.fileFor(file);
    if ('error' in read) {
      if (!badDismissFiles.has(at)) notes.push(`nianbao: “${at}”${read.error}，其中忽略的问题未生效`);
      badDismissFiles.add(at);
      return options;
    }
    const dismissed = dismissals.of(file);
    return dismissed.length > 0 ? { ...options, dismissed } : options;
  };
  const notes: string[] = [];
  const maxBytes = Math.floor(maxMb * 1024 * 1024);

  const { candidates, errors: err } = collect(paths, isReportFileName);
  const skipped = new Map<SkipReason, number>();
  const skip = (reason: SkipReason): void => void skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const results: FileResult[] = [];
  for (const c of candidates) {
    let input: InputText;
    try {
      input = await readText(c.path, maxBytes);
    } catch (e) {
      const f = readFailure(e, maxMb);
      if (c.named) err.push(`nianbao: “${c.path}”${f.words}`);
      else skip(f.reason);
      continue;
    }
    if (!c.named && !looksLikeReport(input.text)) {
      skip('not-report');
      continue;
    }
    try {
      results.push(checkText(c.path, input, optionsFor(c.path), checker));
    } catch (e) {
      // The checker never throws on any text: this is a bug, said as one, and the other files go on.
      const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      err.push(`nianbao: 检查“${c.path}”时程序出错（这是 Nianbao 的缺陷，请报告）：${detail}`);
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
  let dismissedCount = 0;
  for (const r of results) dismissedCount += r.dismissed;
  const skippedLine = summarizeSkips(skipped);
  let stdout: string;
  if (format === 'json') {
    const files = results.map((r) => ({
      path: r.path,
      ...(r.dismissed > 0 ? { dismissed: r.dismissed } : {}),
      diagnostics: r.findings.map(({ finding, start, end, page }) => ({
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        range: { start, end },
        ...(page === undefined ? {} : { source: { page } }),
      })),
    }));
    stdout = JSON.stringify({ files }) + '\n';
    // JSON keeps its shape; what a walk skipped is said beside it.
    if (skippedLine) notes.push(`nianbao: ${skippedLine}`);
  } else {
    const lines: string[] = [];
    for (const r of results) {
      for (const { finding, start, page } of r.findings) {
        const where = page === undefined ? '' : `（第 ${page} 页）`;
        lines.push(
          `${r.path}:${start.line + 1}:${start.character + 1}: ${finding.severity} ${finding.code} ${finding.message}${where}`,
        );
      }
    }
    const dismissedWords =
      dismissedCount > 0 ? `；另有 ${dismissedCount} 个问题已核实忽略（见 ${DISMISS_FILE}，--no-ignore 全部显示）` : '';
    lines.push(
      `检查了 ${results.length} 个文件：${errors} 个错误，${warnings} 个警告，${others} 个提示${dismissedWords}`,
    );
    if (skippedLine) lines.push(skippedLine);
    stdout = lines.join('\n') + '\n';
  }
  const code = err.length > 0 ? 2 : errors > 0 ? 1 : 0;
  const stderr = [...err, ...notes];
  return { code, stdout, stderr: stderr.length > 0 ? stderr.join('\n') + '\n' : '' };
}

/** `跳过 3 个文件（非文本 2，过大 1）`, or undefined when a walk skipped nothing. */
function summarizeSkips(skipped: ReadonlyMap<SkipReason, number>): string | undefined {
  let total = 0;
  const parts: string[] = [];
  for (const reason of Object.keys(SKIP_NAMES) as SkipReason[]) {
    const n = skipped.get(reason) ?? 0;
    if (n === 0) continue;
    total += n;
    parts.push(`${SKIP_NAMES[reason]} ${n}`);
  }
  return total === 0 ? undefined : `跳过 ${total} 个文件（${parts.join('，')}）`;
}

/* c8 ignore next 6 */
if (require.main === module) {
  void runCli(process.argv.slice(2)).then((r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  });
}
