/**
 * `npm run pdf-fixtures`: makes the PDF-extracted fixtures in test/fixtures/pdf/ with real tools, from crafted
 * reports: each report is written as an HTML page (its tab rows as bordered tables, the label column narrow, as
 * published pages are), printed to PDF by headless Chromium, and its text taken out by poppler's `pdftotext -layout`
 * and plain `pdftotext`. The outputs are committed, so tests need none of the tools; rerun after changing a source.
 * Needs Debian's chromium and poppler-utils.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');
const OUT = path.join(FIXTURES, 'pdf');

/** The crafted reports to print, and a changed copy: name → text. */
export function sources(): Record<string, string> {
  const correct = readFileSync(path.join(FIXTURES, 'crafted', 'correct-tab.txt'), 'utf8');
  const row = '\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6';
  if (!correct.includes(row)) throw new Error('the crafted report changed: update pdf-fixtures.ts');
  return { correct: correct, 'wrong-cell': correct.replace(row, row.replace('\t5\t', '\t6\t')) };
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** The report as a web page: runs of tab rows become a table, other lines paragraphs. */
export function toHtml(text: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length === 0) return;
    out.push('<table>');
    for (const r of rows) out.push(`<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`);
    out.push('</table>');
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      if (line.trim().length > 0) out.push(`<p>${escape(line)}</p>`);
    }
  }
  flush();
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 11pt; margin: 2cm; }
    table { border-collapse: collapse; margin: 1em 0; }
    td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
    td:first-child, td:nth-child(2) { max-width: 9em; }
  </style></head><body>${out.join('\n')}</body></html>`;
}

function main(): void {
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-pdf-'));
  try {
    for (const [name, text] of Object.entries(sources())) {
      const html = path.join(work, `${name}.html`);
      const pdf = path.join(work, `${name}.pdf`);
      writeFileSync(html, toHtml(text));
      execFileSync(
        'chromium',
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          `--user-data-dir=${path.join(work, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          `file://${html}`,
        ],
        { stdio: 'ignore' },
      );
      execFileSync('pdftotext', ['-layout', pdf, path.join(OUT, `${name}.layout.txt`)]);
      execFileSync('pdftotext', [pdf, path.join(OUT, `${name}.plain.txt`)]);
      console.log(`pdf-fixtures: ${name}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) main();
