/**
 * `nianbao check [--format text|json|sarif|html] [--output FILE] [--jobs N] [--config FILE] [--max-size MB]
 * [--no-ignore] [--expect LIST] <files or folders…>`: the server's checks over files, for reviewers — spread over
 * worker threads, printed in the files' order, reports of one body compared across years, findings dismissed in a
 * `.nianbao.json` beside a file left out. Exit 0 when no file has an error, 1 when any has (or a body of the
 * `--expect` list has no report), 2 for bad usage, a path that cannot be read or checked (the other files are still
 * checked). `nianbao convert FILE` prints the text the checker reads; `nianbao fix FILE -o OUT` writes a copy with the
 * safe fixes applied (a .docx into its own cells).
 */

import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFailure, type CheckSettings, type CliChecker } from './batch/checkfile';
import {
  htmlWriter,
  jsonWriter,
  sarifWriter,
  textWriter,
  type Cross,
  type Format,
  type SummaryRow,
  type Writer,
} from './batch/output';
import { runBatch, serveBatch, type BatchWorkerData } from './batch/pool';
import { bodyKey, crossYearFindings, type YearEntry } from './core/crossyear';
import { DismissalStore } from './dismissals';
import { canFix, fixCopy, fixSummary, type FixedCopy } from './fixcopy';
import { SKIP_NAMES, collect, readBounded, why, type SkipReason } from './files';
import { InputError, isReportFileName, readInput } from './inputs/index';
import { analyze, DEFAULT_OPTIONS, toOptions, type Options } from './service';

export type { CliChecker } from './batch/checkfile';

const DEFAULT_MAX_MB = 64;
const VERSION = '0.1.0';

const USAGE = `用法：nianbao check [选项] <文件或文件夹…>
      nianbao convert [--max-size MB] <文件>     输出检查时读到的文字（看清网页、Word 等文件被读成了什么）
      nianbao fix <文件> -o <输出文件>          写出修复后的副本（空白填 0、总计、唯一的错格）；.docx 只改相应单元格的文字

  检查政府信息公开工作年度报告（.txt、.md、Word .docx、PDF、保存的网页 .html/.htm）。文件夹中只检查被识别为年度报告的这些文件。
  --format text   每个问题一行：路径:行:列: 严重程度 代码 说明，最后是报告汇总表（默认）
  --format json   {"files":[{"path","diagnostics":[…]}],"crossFile":[…],"summary":{…}}，位置为 LSP 的 0 起行列
  --format sarif  SARIF 2.1.0（代码扫描工具通用格式）
  --format html   一个独立的网页：汇总表、各报告的问题和按模板画出的表格；须用 --output 指定文件
  --output FILE   写入文件而不是标准输出
  --jobs N        同时检查的文件数（默认为本机的处理器数 ${availableParallelism()}）
  --config FILE   JSON 设置文件，格式同编辑器设置 {"severity": {"section-title": "off"}}
  --max-size MB   大于此大小的文件不检查（默认 ${DEFAULT_MAX_MB}）
  --no-ignore     也显示报告旁 .nianbao.json 中记录为“已核实，忽略”的问题
  --expect LIST   文本文件，每行一个应报送报告的单位名称；列出文件夹中没有其报告的单位
  同一单位相邻两年的报告会互相核对：今年“二、上年结转”应等于上年“四、结转下年度继续办理”。
退出码：0 没有错误；1 有错误或缺少应报送的报告；2 用法错误、有路径无法读取或无法检查。`;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the CLI writes: by default it collects what it prints and returns it. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  /** After each file of a check: how many are done (for a progress line on a terminal). */
  progress?(done: number, total: number): void;
}

interface Args {
  format: Format;
  output: string | undefined;
  jobs: number;
  options: Options;
  /** Show the findings dismissed in `.nianbao.json` too. */
  noIgnore: boolean;
  maxMb: number;
  expect: string | undefined;
  paths: string[];
}

const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'html'];

/** The arguments, or the message and exit code of bad usage. */
function parseArgs(argv: readonly string[]): Args | CliResult {
  const args = [...argv];
  if (args[0] === '--help' || args[0] === '-h') return { code: 0, stdout: USAGE + '\n', stderr: '' };
  if (args.shift() !== 'check') return { code: 2, stdout: '', stderr: USAGE + '\n' };
  const out: Args = {
    format: 'text',
    output: undefined,
    jobs: availableParallelism(),
    options: DEFAULT_OPTIONS,
    noIgnore: false,
    maxMb: DEFAULT_MAX_MB,
    expect: undefined,
    paths: [],
  };
  const value = (a: string): string => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args.shift() ?? ''));
  const is = (a: string, name: string): boolean => a === name || a.startsWith(`${name}=`);
  while (args.length > 0) {
    const a = args.shift()!;
    if (is(a, '--format')) {
      const format = value(a);
      if (!FORMATS.includes(format as Format)) {
        return { code: 2, stdout: '', stderr: `nianbao: 未知的输出格式“${format}”，应为 text、json、sarif 或 html\n` };
      }
      out.format = format as Format;
    } else if (is(a, '--output') || a === '-o') {
      out.output = value(a);
    } else if (is(a, '--jobs') || a === '-j') {
      const v = value(a);
      if (!/^[1-9]\d{0,2}$/u.test(v))
        return { code: 2, stdout: '', stderr: `nianbao: --jobs 应为 1 至 999 的整数，实为“${v}”\n` };
      out.jobs = Number(v);
    } else if (is(a, '--config')) {
      const file = value(a);
      try {
        out.options = toOptions(JSON.parse(readFileSync(file, 'utf8')));
      } catch (e) {
        return { code: 2, stdout: '', stderr: `nianbao: 无法读取设置文件“${file}”：${(e as Error).message}\n` };
      }
    } else if (is(a, '--max-size')) {
      const mb = maxSize(value(a));
      if (typeof mb !== 'number') return mb;
      out.maxMb = mb;
    } else if (is(a, '--expect')) {
      out.expect = value(a);
    } else if (a === '--no-ignore') {
      out.noIgnore = true;
    } else if (a.startsWith('-')) {
      return { code: 2, stdout: '', stderr: `nianbao: 未知的选项“${a}”\n${USAGE}\n` };
    } else out.paths.push(a);
  }
  if (out.paths.length === 0)
    return { code: 2, stdout: '', stderr: `nianbao: 没有给出要检查的文件或文件夹\n${USAGE}\n` };
  if (out.format === 'html' && !out.output)
    return { code: 2, stdout: '', stderr: 'nianbao: --format html 需要用 --output 指定网页文件\n' };
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
    const text = (await readInput(readBounded(file, Math.floor(maxMb * 1024 * 1024)), file)).text;
    return { code: 0, stdout: text, stderr: '' };
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

/** Runs the CLI on arguments; returns what it printed (unless `io` took it) and its exit code. Never throws. */
export async function runCli(
  argv: readonly string[],
  checker: CliChecker = { analyze },
  io?: CliIo,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = io ? (t: string) => io.out(t) : (t: string) => void (stdout += t);
  const err = io ? (t: string) => io.err(t) : (t: string) => void (stderr += t);
  const done = (r: CliResult): CliResult => {
    out(r.stdout);
    err(r.stderr);
    return { code: r.code, stdout, stderr };
  };
  if (argv[0] === 'convert') return done(await convert(argv.slice(1)));
  if (argv[0] === 'fix') return done(await fix(argv.slice(1)));
  const parsed = parseArgs(argv);
  if ('code' in parsed) return done(parsed);
  const code = await check(parsed, checker, out, err, io?.progress);
  return { code, stdout, stderr };
}

/** A report's line of the summary, counted as its findings come. */
type Tally = { -readonly [K in keyof SummaryRow]: SummaryRow[K] };

function tally(row: Tally, severity: string): void {
  if (severity === 'error') row.errors++;
  else if (severity === 'warning') row.warnings++;
  else row.others++;
}

/** `nianbao check`: the files checked over the jobs, written as they come in the chosen format; the exit code. */
async function check(
  a: Args,
  checker: CliChecker,
  out: (s: string) => void,
  err: (s: string) => void,
  progress: ((done: number, total: number) => void) | undefined,
): Promise<number> {
  let expected: string[] | undefined;
  if (a.expect !== undefined) {
    try {
      expected = readFileSync(a.expect, 'utf8')
        .split(/\r?\n/u)
        .map((l) => l.replace(/^\uFEFF/u, '').trim())
        .filter((l) => l.length > 0 && !l.startsWith('#'));
    } catch (e) {
      err(`nianbao: 无法读取名单“${a.expect}”：${why(e)}\n`);
      return 2;
    }
  }
  const { candidates, errors: failures } = collect(a.paths, isReportFileName);
  // Written to a file: the whole output goes there; stdout keeps quiet.
  let sink = out;
  if (a.output !== undefined && a.format !== 'html') {
    try {
      writeFileSync(a.output, '');
      sink = (t) => writeFileSync(a.output!, t, { flag: 'a' });
    } catch (e) {
      err(`nianbao: 无法写出“${a.output}”：${why(e)}\n`);
      return 2;
    }
  }
  let writer: Writer;
  try {
    writer =
      a.format === 'json'
        ? jsonWriter(sink)
        : a.format === 'sarif'
          ? sarifWriter(sink, VERSION)
          : a.format === 'html'
            ? htmlWriter(a.output!)
            : textWriter(sink);
  } catch (e) {
    err(`nianbao: 无法写出“${a.output}”：${why(e)}\n`);
    return 2;
  }

  const settings: CheckSettings = {
    options: a.options,
    noIgnore: a.noIgnore,
    maxMb: a.maxMb,
    html: a.format === 'html',
  };
  const skipped = new Map<SkipReason, number>();
  const notes = new Set<string>();
  // Each report's counts, its findings' and those between reports; the totals are their sums.
  const rows: Tally[] = [];
  const rowOf = new Map<string, Tally>();
  const years: YearEntry[] = [];
  let dismissed = 0;
  await runBatch(candidates, settings, {
    jobs: a.jobs,
    // The bundled CLI is also the workers' script; run from source (tests), the batch stays in this thread.
    ...(__filename.endsWith('.js') ? { workerScript: __filename } : {}),
    checker,
    onProgress: progress,
    onOutcome: (_, o) => {
      if (o.kind === 'skipped') {
        skipped.set(o.reason, (skipped.get(o.reason) ?? 0) + 1);
        return;
      }
      if (o.kind === 'failed') {
        failures.push(o.line);
        return;
      }
      for (const n of o.notes) notes.add(n);
      const r = o.result;
      const row: Tally = { path: r.path, errors: 0, warnings: 0, others: 0, sums: r.sums };
      for (const { finding } of r.findings) tally(row, finding.severity);
      rows.push(row);
      rowOf.set(r.path, row);
      dismissed += r.dismissed;
      if (r.year) years.push(r.year);
      writer.file(r);
    },
  });

  // Reports of one body across years, and duplicates; severities as the settings say.
  const cross: Cross[] = [];
  for (const f of crossYearFindings(years)) {
    const severity = a.options.severity[f.code] ?? f.severity;
    if (severity === 'off') continue;
    cross.push({ ...f, severity });
    const row = rowOf.get(f.source);
    if (row) tally(row, severity);
  }
  writer.cross(cross);

  let missing: string[] | undefined;
  if (expected) {
    const present = new Set(years.map((y) => y.identity.body));
    missing = expected.filter((name) => !present.has(bodyKey(name)));
  }
  const skippedLine = summarizeSkips(skipped);
  const total = (k: 'errors' | 'warnings' | 'others'): number => rows.reduce((n, r) => n + r[k], 0);
  const errors = total('errors');
  writer.end({
    rows,
    errors,
    warnings: total('warnings'),
    others: total('others'),
    dismissed,
    ...(skippedLine ? { skipped: skippedLine } : {}),
    ...(missing ? { missing } : {}),
  });
  // JSON, SARIF and HTML keep their shape: what a walk skipped is said beside them.
  if (skippedLine && a.format !== 'text') notes.add(`nianbao: ${skippedLine}`);
  const said = [...failures, ...notes];
  if (said.length > 0) err(said.join('\n') + '\n');
  return failures.length > 0 ? 2 : errors > 0 || (missing?.length ?? 0) > 0 ? 1 : 0;
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

/* c8 ignore start */
if (!isMainThread && (workerData as BatchWorkerData | undefined)?.role === 'nianbao-batch') {
  // A worker of a batch: the same bundle, checking the files the main thread hands it.
  serveBatch(parentPort!, workerData as BatchWorkerData, { analyze });
} else if (require.main === module) {
  // A reader that stops early (`nianbao check DIR | head`) closes the pipe: the rest is not wanted, which is no failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit();
  });
  const tty = process.stderr.isTTY;
  let shown = false;
  void runCli(
    process.argv.slice(2),
    { analyze },
    {
      out: (t) => process.stdout.write(t),
      err: (t) => {
        if (shown) process.stderr.write('\r\x1b[K');
        shown = false;
        process.stderr.write(t);
      },
      // A progress line on a terminal, none when stderr is a file or a pipe.
      ...(tty
        ? {
            progress: (done: number, total: number) => {
              if (done === total || done % 10 === 0) {
                process.stderr.write(`\r已检查 ${done}/${total} …${done === total ? '\n' : ''}`);
                shown = done !== total;
              }
            },
          }
        : {}),
    },
  ).then((r) => {
    process.exitCode = r.code;
  });
}
/* c8 ignore stop */
