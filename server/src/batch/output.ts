/**
 * What the CLI prints for a batch, in the reviewer's formats: `text` (a line a finding, then a summary table),
 * `json` (files, findings between files, a summary object), `sarif` (SARIF 2.1.0: the rule registry with its Chinese
 * summaries, results with physical locations) and `html` (one self-contained page: the summary table, then each
 * report's findings and its tables drawn). Each file is written as it comes: nothing holds the reports.
 */

import { closeSync, openSync, readSync, writeSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CrossFinding } from '../core/crossyear';
import type { Severity } from '../core/codes';
import { RULES } from '../core/rules/index';
import { TABLES_CSS, escapeHtml } from '../render/tables';
import type { FileResult, SumsState } from './checkfile';

export type Format = 'text' | 'json' | 'sarif' | 'html';

/** A finding between files, with the severity the settings give it. */
export type Cross = Omit<CrossFinding, 'severity'> & { readonly severity: Severity };

/** One report's line of the summary. */
export interface SummaryRow {
  readonly path: string;
  readonly errors: number;
  readonly warnings: number;
  readonly others: number;
  readonly sums: SumsState;
}

export interface Summary {
  readonly rows: readonly SummaryRow[];
  readonly errors: number;
  readonly warnings: number;
  readonly others: number;
  readonly dismissed: number;
  /** `跳过 3 个文件（…）`, when a walk skipped files. */
  readonly skipped?: string;
  /** Bodies the `--expect` list names that no report is of. */
  readonly missing?: readonly string[];
}

export interface Writer {
  file(r: FileResult): void;
  /** Findings between files, once every file is in. */
  cross(findings: readonly Cross[]): void;
  end(summary: Summary): void;
}

const SUMS_MARK: Record<SumsState, string> = { ok: '✓', broken: '✗', none: '—' };

function pageWords(page: number | undefined): string {
  return page === undefined ? '' : `（第 ${page} 页）`;
}

/** `2 个错误，3 个警告…` and what else the end of a run says. */
function closingLines(s: Summary): string[] {
  const dismissed =
    s.dismissed > 0 ? `；另有 ${s.dismissed} 个问题已核实忽略（见 .nianbao.json，--no-ignore 全部显示）` : '';
  const lines = [
    `检查了 ${s.rows.length} 个文件：${s.errors} 个错误，${s.warnings} 个警告，${s.others} 个提示${dismissed}`,
  ];
  if (s.skipped) lines.push(s.skipped);
  if (s.missing && s.missing.length > 0) lines.push(`缺少 ${s.missing.length} 个单位的报告：${s.missing.join('、')}`);
  return lines;
}

/** The summary as a table of text: errors, warnings, whether the sums hold, the file. */
export function summaryTable(s: Summary): string[] {
  const pad = (v: string | number, w: number): string => String(v).padStart(w);
  const broken = s.rows.filter((r) => r.sums === 'broken').length;
  const out = ['', '报告汇总', ' 错误  警告  合计  文件'];
  for (const r of s.rows) out.push(`${pad(r.errors, 5)} ${pad(r.warnings, 5)}   ${SUMS_MARK[r.sums]}   ${r.path}`);
  out.push(
    `${pad(s.errors, 5)} ${pad(s.warnings, 5)}   ${broken > 0 ? `✗ ${broken} 份` : '✓'}   （共 ${s.rows.length} 份）`,
  );
  return out;
}

export function textWriter(write: (s: string) => void): Writer {
  const line = (p: string, l: number, c: number, sev: string, code: string, msg: string): void =>
    write(`${p}:${l + 1}:${c + 1}: ${sev} ${code} ${msg}\n`);
  return {
    file(r) {
      for (const { finding, start, page } of r.findings)
        line(r.path, start.line, start.character, finding.severity, finding.code, finding.message + pageWords(page));
    },
    cross(findings) {
      for (const f of findings) line(f.source, f.start.line, f.start.character, f.severity, f.code, f.message);
    },
    end(s) {
      // One report needs no table: the closing line says it all.
      const lines = s.rows.length > 1 ? [...summaryTable(s), ''] : [];
      write([...lines, ...closingLines(s)].join('\n') + '\n');
    },
  };
}

/** The summary as data (JSON's `summary`, SARIF's run properties). */
function summaryObject(s: Summary): object {
  return {
    files: s.rows.length,
    errors: s.errors,
    warnings: s.warnings,
    others: s.others,
    dismissed: s.dismissed,
    ...(s.skipped ? { skipped: s.skipped } : {}),
    ...(s.missing ? { missing: s.missing } : {}),
    reports: s.rows,
  };
}

/** `{"files":[…],"crossFile":[…],"summary":{…}}`, positions as LSP counts them (0-based, UTF-16). */
export function jsonWriter(write: (s: string) => void): Writer {
  let first = true;
  write('{"files":[');
  return {
    file(r) {
      const entry = {
        path: r.path,
        ...(r.dismissed > 0 ? { dismissed: r.dismissed } : {}),
        diagnostics: r.findings.map(({ finding, start, end, page }) => ({
          code: finding.code,
          severity: finding.severity,
          message: finding.message,
          range: { start, end },
          ...(page === undefined ? {} : { source: { page } }),
        })),
      };
      write((first ? '' : ',') + JSON.stringify(entry));
      first = false;
    },
    cross(findings) {
      const bySource = new Map<string, unknown[]>();
      for (const f of findings) {
        const list = bySource.get(f.source) ?? [];
        list.push({
          code: f.code,
          severity: f.severity,
          message: f.message,
          range: { start: f.start, end: f.end },
          relatedInformation: f.related.map((r) => ({
            path: r.source,
            range: { start: r.start, end: r.end },
            message: r.message,
          })),
        });
        bySource.set(f.source, list);
      }
      write('],"crossFile":' + JSON.stringify([...bySource].map(([p, diagnostics]) => ({ path: p, diagnostics }))));
    },
    end(s) {
      write(`,"summary":${JSON.stringify(summaryObject(s))}}\n`);
    },
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** A file's URI as SARIF wants it: relative paths stay relative (with `/`), absolute ones become `file:` URIs. */
function artifactUri(p: string): string {
  if (path.isAbsolute(p)) return pathToFileURL(p).href;
  return p.split(path.sep).map(encodeURIComponent).join('/');
}

function region(start: { line: number; character: number }, end: { line: number; character: number }) {
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/** SARIF 2.1.0, one run: the rules of the registry, a result a finding (columns in UTF-16 code units). */
export function sarifWriter(write: (s: string) => void, version: string): Writer {
  const index = new Map(RULES.map((r, i) => [r.code, i]));
  const rules = RULES.map((r) => ({
    id: r.code,
    shortDescription: { text: r.summary },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const head = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
  };
  const driver = { name: 'nianbao', fullName: '年报校对 Nianbao', version, rules };
  write(
    `${JSON.stringify(head).slice(0, -1)},"runs":[{"tool":${JSON.stringify({ driver })},"columnKind":"utf16CodeUnits","results":[`,
  );
  let first = true;
  const result = (r: object): void => {
    write((first ? '' : ',') + JSON.stringify(r));
    first = false;
  };
  return {
    file(r) {
      for (const { finding, start, end, page } of r.findings) {
        result({
          ruleId: finding.code,
          ruleIndex: index.get(finding.code) ?? -1,
          level: SARIF_LEVEL[finding.severity],
          message: { text: finding.message + pageWords(page) },
          locations: [
            { physicalLocation: { artifactLocation: { uri: artifactUri(r.path) }, region: region(start, end) } },
          ],
          ...(page === undefined ? {} : { properties: { page } }),
        });
      }
    },
    cross(findings) {
      for (const f of findings) {
        result({
          ruleId: f.code,
          ruleIndex: index.get(f.code) ?? -1,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            { physicalLocation: { artifactLocation: { uri: artifactUri(f.source) }, region: region(f.start, f.end) } },
          ],
          relatedLocations: f.related.map((x, i) => ({
            id: i + 1,
            message: { text: x.message },
            physicalLocation: { artifactLocation: { uri: artifactUri(x.source) }, region: region(x.start, x.end) },
          })),
        });
      }
    },
    end(s) {
      write(`],"properties":{"summary":${JSON.stringify(summaryObject(s))}}}]}\n`);
    },
  };
}

const PAGE_CSS = `
h1 { font-size: 1.4em; margin: 16px 0 4px; }
.meta { color: #666; margin: 0 0 12px; }
table.reports td, table.reports th { padding: 2px 8px; }
table.reports td.n { text-align: right; font-variant-numeric: tabular-nums; }
section.report { border-top: 2px solid #ccc; margin-top: 28px; }
ul.findings { padding-left: 1.2em; }
li.error { color: #c72e2e; } li.warning { color: #8a6d00; } li.information, li.hint { color: #555; }
.where { color: #666; font-size: 0.9em; margin-right: 0.5em; }
`;

/**
 * One self-contained page (no script, nothing remote): the summary table, findings between reports, then each report
 * — its findings and its tables. Reports are written to `spool` as they come and copied in after the summary.
 */
export function htmlWriter(output: string): Writer {
  const spool = `${output}.${process.pid}.part`;
  const fd = openSync(spool, 'w');
  let n = 0;
  let crossHtml = '';
  const li = (sev: string, where: string, msg: string): string =>
    `<li class="${sev}"><span class="where">${escapeHtml(where)}</span>${escapeHtml(msg)}</li>`;
  return {
    file(r) {
      n++;
      const items = r.findings.map(({ finding, start, page }) =>
        li(finding.severity, `第 ${start.line + 1} 行${page === undefined ? '' : `，第 ${page} 页`}`, finding.message),
      );
      const body =
        `<section class="report" id="report-${n}"><h2>${escapeHtml(r.path)}</h2>` +
        (r.year ? `<p class="meta">${escapeHtml(`${r.year.identity.name} ${r.year.identity.year} 年`)}</p>` : '') +
        (items.length > 0 ? `<ul class="findings">${items.join('')}</ul>` : '<p class="ok">✓ 没有发现问题</p>') +
        (r.html ?? '') +
        '</section>\n';
      writeSync(fd, body);
    },
    cross(findings) {
      if (findings.length === 0) return;
      const items = findings.map((f) => li(f.severity, `${f.source} 第 ${f.start.line + 1} 行`, f.message));
      crossHtml = `<h2>报告之间</h2><ul class="findings">${items.join('')}</ul>`;
    },
    end(s) {
      closeSync(fd);
      const rows = s.rows.map(
        (r, i) =>
          `<tr><td><a href="#report-${i + 1}">${escapeHtml(r.path)}</a></td><td class="n">${r.errors}</td>` +
          `<td class="n">${r.warnings}</td><td class="n">${SUMS_MARK[r.sums]}</td></tr>`,
      );
      const head =
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<title>政府信息公开工作年度报告检查结果</title><style>${TABLES_CSS}${PAGE_CSS}</style></head><body>` +
        '<h1>政府信息公开工作年度报告检查结果</h1>' +
        `<p class="meta">${escapeHtml(closingLines(s).join('；'))}</p>` +
        '<table class="reports"><thead><tr><th>报告</th><th>错误</th><th>警告</th><th>合计</th></tr></thead>' +
        `<tbody>${rows.join('')}</tbody></table>${crossHtml}\n`;
      const out = openSync(output, 'w');
      try {
        writeSync(out, head);
        const src = openSync(spool, 'r');
        const buf = Buffer.alloc(1 << 16);
        for (let k = readSync(src, buf); k > 0; k = readSync(src, buf)) writeSync(out, buf, 0, k);
        closeSync(src);
        writeSync(out, '</body></html>\n');
      } finally {
        closeSync(out);
        unlinkSync(spool);
      }
    },
  };
}
