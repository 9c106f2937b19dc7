/** Helpers shared by the unit tests. */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../server/src/core/rules/index';
import type { Finding } from '../server/src/core/codes';
import { applyEdits, fixesFor, type Fix } from '../server/src/core/fixes';
import { positionAt } from '../server/src/core/lines';
import type { Report } from '../server/src/core/model';
import { parseReport } from '../server/src/core/parse/index';

export const FIXTURES = path.join(__dirname, 'fixtures');

/** The text with its first `from` replaced; fails when the text has none, so a test never passes on a no-op. */
export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`text has no “${from}”`);
  return text.replace(from, to);
}

/** The first line (0-based) on which two texts differ. */
export function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  return x.findIndex((l, i) => l !== y[i]);
}

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * A crafted report (青山县自然资源局, 2023) as `body`'s report of `year`, its carry-over rows (三's 二、上年结转 and
 * 四、结转下年度继续办理) with 自然人 and 总计 set to `carried` and `forward`, in any layout.
 */
export function yearReport(name: string, body: string, year: number, carried = 1, forward = 1): string {
  return fixture(name)
    .replaceAll('青山县自然资源局', body)
    .replaceAll('2023', String(year))
    .replace(
      /(二、上年结转政府信息公开申请数量[^\d]*?)1([\s|]+0[\s|]+0[\s|]+0[\s|]+0[\s|]+0[\s|]+)1/u,
      `$1${carried}$2${carried}`,
    )
    .replace(
      /(四、结转下年度继续办理[^\d]*?)1([\s|]+0[\s|]+0[\s|]+0[\s|]+0[\s|]+0[\s|]+)1/u,
      `$1${forward}$2${forward}`,
    );
}

/** The three real reports of test/fixtures, by name (the file is the name + `.txt`). */
export const REAL_REPORTS = ['000_94c66d917836ad80', '001_50aa6597b9c6048c', '003_b4c873c83d7e3610'] as const;

/** A text's findings as `code message`: what two forms of one report are compared by (their places differ). */
export function said(text: string, markdown = false): string[] {
  return check(text, markdown).map((f) => `${f.code} ${f.message}`);
}

export function parse(text: string, markdown = false): Report {
  return parseReport(text, { markdown });
}

export function check(text: string, markdown = false): Finding[] {
  return checkReport(parseReport(text, { markdown }));
}

/** A finding as `line:col code` (1-based), the form most assertions use. */
export function brief(text: string, f: Finding): string {
  const p = positionAt(parseReport(text).lineStarts, f.span.start);
  return `${p.line + 1}:${p.character + 1} ${f.code}`;
}

export function briefs(text: string, markdown = false): string[] {
  return check(text, markdown).map((f) => brief(text, f));
}

/** A finding as one full line: range, severity, code, message. Used by the golden files. */
export function describe1(report: Report, f: Finding): string {
  const a = positionAt(report.lineStarts, f.span.start);
  const b = positionAt(report.lineStarts, f.span.end);
  return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1} ${f.severity} ${f.code} ${f.message}`;
}

/** The one fix offered for the first finding with this code. */
export function onlyFix(text: string, code: string, markdown = false, nth = 0): { finding: Finding; fix: Fix } {
  const found = check(text, markdown).filter((f) => f.code === code);
  const finding = found[nth];
  if (!finding) throw new Error(`no ${code} finding #${nth}`);
  const fixes = fixesFor(finding.code, finding.data, text);
  if (fixes.length !== 1) throw new Error(`expected one fix for ${code}, got ${fixes.length}`);
  return { finding, fix: fixes[0]! };
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** A report with its 三 table's rows replaced by one line (a picture of the table, a converter's placeholder). */
export function withTable3As(report: string, line: string): string {
  const lines = report.split('\n');
  const h3 = lines.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
  const h4 = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  const rows = lines.map((l, i) => i > h3 && i < h4 && l.includes('\t'));
  const first = rows.indexOf(true);
  const last = rows.lastIndexOf(true);
  if (first < 0 || !rows.slice(first, last + 1).every(Boolean))
    throw new Error('withTable3As: no 三 table of tab rows');
  return [...lines.slice(0, first), line, ...lines.slice(last + 1)].join('\n');
}
