/**
 * One file of a batch, from its path to what the CLI prints about it: read (bounded), checked, its findings placed,
 * dismissals applied, and what the reviewer's outputs need besides — its counts, whether its sums hold, who it is and
 * what it carries over (for the comparison across years), and its tables drawn (for the HTML page). Runs in the CLI's
 * process or in a worker thread; the outcome is plain data.
 */

import { yearEntry, type YearEntry } from '../core/crossyear';
import type { Finding } from '../core/codes';
import { looksLikeReport } from '../core/detect';
import { positionAt, type Position } from '../core/lines';
import { tablesView } from '../core/tableview';
import { DismissalStore } from '../dismissals';
import { NotRegular, TooLarge, readBounded, why, type Candidate, type SkipReason } from '../files';
import { InputError, pageAt, readInput, type InputText } from '../inputs/index';
import { renderTables } from '../render/tables';
import { analyze, shownFindings, type Options } from '../service';

/** A finding where the CLI prints it: 0-based line and character, as LSP counts them. */
export interface Located {
  readonly finding: Finding;
  readonly start: Position;
  readonly end: Position;
  /** The page of the original (a PDF's) where the finding is, when the file has pages. */
  readonly page?: number;
}

/** Whether a report's sums hold: `ok`, `broken` (a total or the balance is wrong), `none` (no table to add up). */
export type SumsState = 'ok' | 'broken' | 'none';

export interface FileResult {
  readonly path: string;
  readonly findings: readonly Located[];
  /** Findings not shown because a reviewer dismissed them (`.nianbao.json`). */
  readonly dismissed: number;
  readonly sums: SumsState;
  /** Who the report is and what it carries over (its `source` is the path), when its title says. */
  readonly year?: YearEntry;
  /** Its tables drawn (for `--format html`). */
  readonly html?: string;
}

export type Outcome =
  | { readonly kind: 'report'; readonly result: FileResult; readonly notes: readonly string[] }
  | { readonly kind: 'failed'; readonly line: string }
  | { readonly kind: 'skipped'; readonly reason: SkipReason };

/** What every file of a batch is checked with. Plain data: it crosses to worker threads. */
export interface CheckSettings {
  readonly options: Options;
  /** Show the findings dismissed in `.nianbao.json` too. */
  readonly noIgnore: boolean;
  readonly maxMb: number;
  /** Draw each report's tables. */
  readonly html: boolean;
}

/** What checks a file's text; a test may put a failing one in its place. */
export interface CliChecker {
  readonly analyze: typeof analyze;
}

/** Why reading a file failed, as a skip reason and the words for stderr. */
export function readFailure(err: unknown, maxMb: number): { reason: SkipReason; words: string } {
  if (err instanceof TooLarge)
    return { reason: 'too-large', words: `大于 ${maxMb} MB，未检查（可用 --max-size 调整）` };
  if (err instanceof NotRegular) return { reason: 'not-regular', words: '不是普通文件，未检查' };
  if (err instanceof InputError) return { reason: 'not-text', words: `${err.reason}，未检查` };
  return { reason: 'unreadable', words: `无法读取：${why(err)}` };
}

/** The options for one file: the findings dismissed beside it left out, unless `noIgnore`; and what to say of its file. */
function optionsFor(
  file: string,
  settings: CheckSettings,
  dismissals: DismissalStore,
): { options: Options; notes: string[] } {
  if (settings.noIgnore) return { options: settings.options, notes: [] };
  const { options, problem } = dismissals.apply(settings.options, file);
  return { options, notes: problem ? [`nianbao: ${problem}`] : [] };
}

const SUM_CODES = new Set(['table-total', 'table-balance']);

/** Checks one file of a batch. Never throws: a failure of the checker itself is said as a bug in Nianbao. */
export async function checkCandidate(
  c: Candidate,
  settings: CheckSettings,
  dismissals: DismissalStore,
  checker: CliChecker,
): Promise<Outcome> {
  let input: InputText;
  try {
    input = await readInput(readBounded(c.path, Math.floor(settings.maxMb * 1024 * 1024)), c.path);
  } catch (e) {
    const f = readFailure(e, settings.maxMb);
    return c.named ? { kind: 'failed', line: `nianbao: “${c.path}”${f.words}` } : { kind: 'skipped', reason: f.reason };
  }
  if (!c.named && !looksLikeReport(input.text)) return { kind: 'skipped', reason: 'not-report' };
  try {
    const { options, notes } = optionsFor(c.path, settings, dismissals);
    const analysis = checker.analyze(input.text, input.markdown);
    const report = analysis.report;
    const shown = shownFindings(analysis, options);
    const dismissed =
      options.dismissed.length > 0 ? shownFindings(analysis, { ...options, dismissed: [] }).length - shown.length : 0;
    const starts = report.lineStarts;
    const findings = shown.map((f) => {
      const page = pageAt(input.sourceMap, f.span.start);
      // What the outputs print; a fix's data stays behind (it would only cross the thread).
      const finding: Finding = {
        code: f.code,
        severity: f.severity,
        message: f.message,
        span: f.span,
        ...(f.related ? { related: f.related } : {}),
      };
      return {
        finding,
        start: positionAt(starts, finding.span.start),
        end: positionAt(starts, finding.span.end),
        ...(page === undefined ? {} : { page }),
      };
    });
    const hasSums = report.tables.some((t) => report.template.tables.find((s) => s.id === t.id)?.sums);
    const sums: SumsState = shown.some((f) => SUM_CODES.has(f.code)) ? 'broken' : hasSums ? 'ok' : 'none';
    const year = yearEntry(report, c.path);
    const result: FileResult = {
      path: c.path,
      findings,
      dismissed,
      sums,
      ...(year ? { year } : {}),
      ...(settings.html ? { html: renderTables(tablesView(report, shown)) } : {}),
    };
    return { kind: 'report', result, notes };
  } catch (e) {
    // The checker never throws on any text: this is a bug, said as one, and the other files go on.
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { kind: 'failed', line: `nianbao: 检查“${c.path}”时程序出错（这是 Nianbao 的缺陷，请报告）：${detail}` };
  }
}
