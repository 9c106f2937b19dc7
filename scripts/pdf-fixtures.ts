/**
 * `npm run pdf-fixtures`: makes the PDF fixtures in test/fixtures/pdf/ with real tools, from crafted reports:
 * - each report written as an HTML page (its tab rows as bordered tables, the label column narrow, as published pages
 *   are), printed to PDF by headless Chromium (`chromium-*.pdf`), and its text taken out by poppler's
 *   `pdftotext -layout` and plain `pdftotext` (`*.layout.txt`, `*.plain.txt`);
 * - the same page with no rules drawn, printed by Chromium (`chromium-unruled-*.pdf`);
 * - Markdown made from the Chromium and LibreOffice PDFs by a real converter, @opendocsg/pdf2md 0.2.1
 *   (`*.pdf2md.md`), and the LibreOffice PDFs' text by pdftotext (`writer-*.layout.txt`, `writer-*.plain.txt`);
 * - the real reports of test/fixtures the same way (`writer-report-*.pdf`, and their pdftotext outputs), and the
 *   correct report 62 times over
 *   (`long-200.pdf`, about 200 pages, for the benchmark's memory figure);
 * - each report as a Word document (the `docx` package: Word's numbering for the headings, merged cells), turned into
 *   PDF by LibreOffice headless (`writer-*.pdf`: its tables run over page breaks, rows split by them; a running
 *   header and `- n -` page numbers), and the same
 *   with the tables' borders off (`writer-unruled-*.pdf`: cells aligned to the top, as Word's default is).
 * - each report and the real reports as Word documents with merged cells saved by LibreOffice headless as web pages
 *   (`test/fixtures/html/writer-*.html`) and again as Word documents (`test/fixtures/docx/writer-*.docx`): their
 *   tables on a grid of every row's borders, so a value spans two columns; and, without merged cells, as text
 *   (`test/fixtures/text/writer-*.txt`: a table cell a line, an empty cell an empty line); the documents saved again,
 *   printed by LibreOffice (`test/fixtures/pdf/resaved-*.pdf`: every cell drawn with its own borders); real report
 *   000's page printed by Chromium (`chromium-page-report-000.pdf`: its tables run over page breaks); the text of those two by `pdftotext -layout`
 *   (`resaved-*.layout.txt`, `chromium-page-report-000.layout.txt`: label columns two to three characters wide);
 *   `npm run pdf-fixtures -- --pages` makes only
 *   these;
 * - those Word documents converted by pandoc to Markdown, GitHub Markdown and plain text (`npm run pdf-fixtures --
 *   --pandoc`);
 * - the text of every PDF by `pdftotext -raw` (`*.raw.txt`; `npm run pdf-fixtures -- --raw` makes only these);
 * - the correct report with its 三 table as a picture, printed by LibreOffice and by Chromium
 *   (`writer-picture.pdf`, `chromium-picture.pdf`; `-- --pictures` makes only these);
 * - the correct and the real reports with their tables' header rows repeated on every page, printed by LibreOffice
 *   (`writer-repeat-*.pdf` and their pdftotext outputs; `-- --repeat` makes only these).
 * The outputs are committed, so tests need none of the tools; rerun after changing a source.
 * Needs Debian's chromium, poppler-utils and libreoffice-writer-nogui.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pdf2md from '@opendocsg/pdf2md';
import { PICTURE, PNG, toDocx } from '../test/docx';
import { REAL_REPORTS as REAL, withTable3As } from '../test/helpers';

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');
const OUT = path.join(FIXTURES, 'pdf');
const PAGES = path.join(FIXTURES, 'html');
const RESAVED = path.join(FIXTURES, 'docx');
const EXPORTED = path.join(FIXTURES, 'text');

/** The crafted reports to print, and a changed copy: name → text. */
export function sources(): Record<string, string> {
  const correct = readFileSync(path.join(FIXTURES, 'crafted', 'correct-tab.txt'), 'utf8');
  const row = '\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6';
  if (!correct.includes(row)) throw new Error('the crafted report changed: update pdf-fixtures.ts');
  return {
    correct: correct,
    'wrong-cell': correct.replace(row, row.replace('\t5\t', '\t6\t')),
    // A blank cell, a wrong total and a wrong cell of 四: what fix-all mends.
    fixable: readFileSync(path.join(FIXTURES, 'crafted', 'fixable-tab.txt'), 'utf8'),
  };
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** The report as a web page: runs of tab rows become a table, other lines paragraphs; `ruled`: cell borders drawn. */
export function toHtml(text: string, ruled = true): string {
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
    td { border: ${ruled ? '1px solid #000' : 'none'}; padding: 2px 4px; vertical-align: middle; }
    td:first-child, td:nth-child(2) { max-width: 9em; }
  </style></head><body>${out.join('\n')}</body></html>`;
}

function soffice(args: string[], work: string): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/lo`, '--headless', ...args], { stdio: 'ignore' });
}

function chromium(html: string, pdf: string, work: string): void {
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
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'nianbao-pdf-'));
  try {
    for (const [name, text] of Object.entries(sources())) {
      const html = path.join(work, `${name}.html`);
      const pdf = path.join(OUT, `chromium-${name}.pdf`);
      writeFileSync(html, toHtml(text));
      chromium(html, pdf, work);
      execFileSync('pdftotext', ['-layout', pdf, path.join(OUT, `${name}.layout.txt`)]);
      execFileSync('pdftotext', [pdf, path.join(OUT, `${name}.plain.txt`)]);
      const unruled = path.join(work, `${name}-unruled.html`);
      writeFileSync(unruled, toHtml(text, false));
      chromium(unruled, path.join(OUT, `chromium-unruled-${name}.pdf`), work);
      for (const [kind, unruled] of [
        ['writer', false],
        ['writer-unruled', true],
      ] as const) {
        const docx = path.join(work, `${kind}-${name}.docx`);
        writeFileSync(docx, await toDocx(text, { numbering: true, merge: true, unruled, pageMarks: true }));
        soffice(['--convert-to', 'pdf', '--outdir', OUT, docx], work);
      }
      const writer = path.join(OUT, `writer-${name}.pdf`);
      execFileSync('pdftotext', ['-layout', writer, path.join(OUT, `writer-${name}.layout.txt`)]);
      execFileSync('pdftotext', [writer, path.join(OUT, `writer-${name}.plain.txt`)]);
      for (const maker of ['chromium', 'writer']) {
        const made = await pdf2md(new Uint8Array(readFileSync(path.join(OUT, `${maker}-${name}.pdf`))));
        writeFileSync(path.join(OUT, `${maker}-${name}.pdf2md.md`), made);
      }
      console.log(`pdf-fixtures: ${name}`);
    }
    // The real reports of test/fixtures as Word documents and PDFs, and one of about 200 pages for the benchmark.
    for (const real of REAL) {
      const docx = path.join(work, `writer-report-${real.slice(0, 3)}.docx`);
      writeFileSync(docx, await toDocx(readFileSync(path.join(FIXTURES, `${real}.txt`), 'utf8'), { pageMarks: true }));
      soffice(['--convert-to', 'pdf', '--outdir', OUT, docx], work);
      const pdf = path.join(OUT, `writer-report-${real.slice(0, 3)}.pdf`);
      execFileSync('pdftotext', ['-layout', pdf, path.join(OUT, `writer-report-${real.slice(0, 3)}.layout.txt`)]);
      execFileSync('pdftotext', [pdf, path.join(OUT, `writer-report-${real.slice(0, 3)}.plain.txt`)]);
    }
    const long = path.join(work, 'long-200.docx');
    writeFileSync(long, await toDocx(Array<string>(62).fill(sources().correct!).join('\n'), { merge: true }));
    soffice(['--convert-to', 'pdf', '--outdir', OUT, long], work);
    // A PDF that needs a password to open, and one with a picture and no text (as a scan is).
    const docx = path.join(work, 'encrypted.docx');
    writeFileSync(docx, await toDocx(sources().correct!));
    const encrypt = JSON.stringify({
      EncryptFile: { type: 'boolean', value: 'true' },
      DocumentOpenPassword: { type: 'string', value: 'nianbao' },
    });
    soffice(['--convert-to', `pdf:writer_pdf_Export:${encrypt}`, '--outdir', OUT, docx], work);
    const scan = path.join(work, 'image-only.html');
    writeFileSync(
      scan,
      '<!doctype html><body style="margin:0"><svg width="400" height="300"><rect x="20" y="20" width="300" height="200" fill="#888"/></svg></body>',
    );
    chromium(scan, path.join(OUT, 'image-only.pdf'), work);
    await webPages(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The crafted and real reports as Word documents with merged cells, saved by LibreOffice as web pages and again as
 * Word documents. */
async function webPages(work: string): Promise<void> {
  mkdirSync(PAGES, { recursive: true });
  mkdirSync(RESAVED, { recursive: true });
  mkdirSync(EXPORTED, { recursive: true });
  const texts: [string, string][] = [
    ...Object.entries(sources()),
    ...REAL.map((r): [string, string] => [
      `report-${r.slice(0, 3)}`,
      readFileSync(path.join(FIXTURES, `${r}.txt`), 'utf8'),
    ]),
  ];
  for (const [name, text] of texts) {
    const docx = path.join(work, `writer-${name}.docx`);
    writeFileSync(docx, await toDocx(text, { merge: true }));
    soffice(['--convert-to', 'html', '--outdir', work, docx], work);
    // The same page each time it is made: no dates of making.
    const page = readFileSync(docx.replace(/\.docx$/u, '.html'), 'utf8').replace(
      /<meta name="(created|changed)"[^>]*>\n?/gu,
      '',
    );
    writeFileSync(path.join(PAGES, `writer-${name}.html`), page);
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', RESAVED, docx], work);
    // That document printed by LibreOffice: each cell drawn with its own borders, a rule in pieces a fraction apart.
    const again = path.join(work, 'again');
    soffice(['--convert-to', 'pdf', '--outdir', again, path.join(RESAVED, `writer-${name}.docx`)], work);
    writeFileSync(path.join(OUT, `resaved-${name}.pdf`), readFileSync(path.join(again, `writer-${name}.pdf`)));
    execFileSync('pdftotext', [
      '-layout',
      path.join(OUT, `resaved-${name}.pdf`),
      path.join(OUT, `resaved-${name}.layout.txt`),
    ]);
    // As text, from the document without merged cells: a row's label, its empty second label cell, its values.
    const plain = path.join(work, `plain-${name}.docx`);
    writeFileSync(plain, await toDocx(text));
    soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', work, plain], work);
    writeFileSync(path.join(EXPORTED, `writer-${name}.txt`), readFileSync(plain.replace(/\.docx$/u, '.txt')));
    // A published page printed by a browser: a cell merged down the first column is not drawn again on the next page.
    if (name === 'report-000' || name === 'correct' || name === 'fixable') {
      chromium(path.join(PAGES, `writer-${name}.html`), path.join(OUT, `chromium-page-${name}.pdf`), work);
      const page = path.join(OUT, `chromium-page-${name}`);
      execFileSync('pdftotext', ['-layout', `${page}.pdf`, `${page}.layout.txt`]);
    }
    console.log(`pdf-fixtures: writer-${name}.html, .docx, .txt, resaved-${name}.pdf`);
  }
}

/**
 * The Word documents of test/fixtures/docx/ (merged cells on a finer grid) converted by pandoc, as a reviewer converts
 * a report to Markdown or text: its Markdown (`test/fixtures/markdown/pandoc-*.md`: tables as multiline tables, `1\.`
 * and `\[` escaped), GitHub Markdown (`pandoc-*.gfm.md`: pipe tables with a cell for every grid column, the merged
 * ones empty) and plain text (`test/fixtures/text/pandoc-*.txt`); the web pages of test/fixtures/html/ converted by
 * pandoc to Markdown and GitHub Markdown (`pandoc-page-*.md`, `pandoc-page-*.gfm.md`: every run of text in a
 * `<span lang>` or a `[…]{lang}`, HTML tables with tags broken over lines, grid tables) and dumped as text by the
 * text browsers w3m and lynx (`test/fixtures/text/w3m-*.txt`, `lynx-*.txt`: tables drawn with spaces). Needs
 * Debian's pandoc, w3m and lynx.
 */
function pandocForms(): void {
  const into = path.join(FIXTURES, 'markdown');
  mkdirSync(into, { recursive: true });
  for (const name of Object.keys(sources()).concat(REAL.map((r) => `report-${r.slice(0, 3)}`))) {
    const docx = path.join(RESAVED, `writer-${name}.docx`);
    const page = path.join(PAGES, `writer-${name}.html`);
    for (const [from, input, to, out] of [
      ['docx', docx, 'markdown', path.join(into, `pandoc-${name}.md`)],
      ['docx', docx, 'gfm', path.join(into, `pandoc-${name}.gfm.md`)],
      ['docx', docx, 'plain', path.join(EXPORTED, `pandoc-${name}.txt`)],
      ['html', page, 'markdown', path.join(into, `pandoc-page-${name}.md`)],
      ['html', page, 'gfm', path.join(into, `pandoc-page-${name}.gfm.md`)],
    ] as const)
      execFileSync('pandoc', ['-f', from, '-t', to, input, '-o', out]);
    writeFileSync(path.join(EXPORTED, `w3m-${name}.txt`), execFileSync('w3m', ['-dump', '-cols', '200', page]));
    writeFileSync(
      path.join(EXPORTED, `lynx-${name}.txt`),
      execFileSync('lynx', ['-dump', '-width=200', '-nolist', '-display_charset=utf-8', page]),
    );
    console.log(
      `pdf-fixtures: pandoc-${name}.md, .gfm.md, .txt, pandoc-page-${name}.md, .gfm.md, w3m-, lynx-${name}.txt`,
    );
  }
}

/**
 * The crafted correct report with its 三 table pasted as a picture: the Word document printed by LibreOffice
 * (`writer-picture.pdf`) and the web page printed by Chromium (`chromium-picture.pdf`).
 */
async function pictures(work: string): Promise<void> {
  const text = withTable3As(sources()['correct']!, PICTURE);
  const docx = path.join(work, 'writer-picture.docx');
  writeFileSync(docx, await toDocx(text));
  soffice(['--convert-to', 'pdf', '--outdir', work, docx], work);
  writeFileSync(path.join(OUT, 'writer-picture.pdf'), readFileSync(docx.replace(/\.docx$/u, '.pdf')));
  const html = path.join(work, 'picture.html');
  writeFileSync(
    html,
    toHtml(text).replace(
      /<p>\[\[picture\]\]<\/p>/u,
      `<p><img src="data:image/png;base64,${PNG.toString('base64')}" width="480" height="360" alt="表三"></p>`,
    ),
  );
  chromium(html, path.join(OUT, 'chromium-picture.pdf'), work);
  console.log('pdf-fixtures: writer-picture.pdf, chromium-picture.pdf');
}

/**
 * The crafted correct report and the real ones as Word documents whose tables' header rows are drawn again on every
 * page a table runs onto (Word's 重复标题行), printed by LibreOffice (`writer-repeat-*.pdf`) and taken out by
 * `pdftotext -layout` (`writer-repeat-*.layout.txt`); their `-raw` text comes with the others.
 */
async function repeatedHeaders(work: string): Promise<void> {
  const texts: [string, string][] = [
    ['correct', sources()['correct']!],
    ...REAL.map((r): [string, string] => [
      `report-${r.slice(0, 3)}`,
      readFileSync(path.join(FIXTURES, `${r}.txt`), 'utf8'),
    ]),
  ];
  for (const [name, text] of texts) {
    const docx = path.join(work, `writer-repeat-${name}.docx`);
    writeFileSync(docx, await toDocx(text, { merge: true, pageMarks: true, repeatHeader: true }));
    soffice(['--convert-to', 'pdf', '--outdir', work, docx], work);
    const pdf = path.join(OUT, `writer-repeat-${name}.pdf`);
    writeFileSync(pdf, readFileSync(docx.replace(/\.docx$/u, '.pdf')));
    execFileSync('pdftotext', ['-layout', pdf, pdf.replace(/\.pdf$/u, '.layout.txt')]);
  }
  console.log('pdf-fixtures: writer-repeat-*.pdf, .layout.txt');
}

/** Reports that are not for reading as text: locked, pictures only, the long one for the memory figure. */
const NOT_TEXT = new Set([
  'encrypted.pdf',
  'image-only.pdf',
  'long-200.pdf',
  'writer-picture.pdf',
  'chromium-picture.pdf',
]);

/**
 * The text of every PDF here by `pdftotext -raw` (`*.raw.txt`): the order the PDF draws its text in, as a viewer's
 * copy gives it — a label's pieces a line each, then the row's numbers on a line after single spaces, no blank lines.
 */
function rawTexts(): void {
  for (const name of readdirSync(OUT)) {
    if (!name.endsWith('.pdf') || NOT_TEXT.has(name)) continue;
    const pdf = path.join(OUT, name);
    execFileSync('pdftotext', ['-raw', pdf, pdf.replace(/\.pdf$/u, '.raw.txt')]);
  }
  console.log('pdf-fixtures: *.raw.txt');
}

if (require.main === module) {
  if (process.argv.includes('--pictures') || process.argv.includes('--repeat')) {
    const work = mkdtempSync(path.join(tmpdir(), 'nianbao-more-'));
    const make = process.argv.includes('--pictures') ? pictures : repeatedHeaders;
    void make(work)
      .then(rawTexts)
      .finally(() => rmSync(work, { recursive: true, force: true }));
  } else if (process.argv.includes('--raw')) rawTexts();
  else if (process.argv.includes('--pandoc')) pandocForms();
  else if (process.argv.includes('--pages')) {
    const work = mkdtempSync(path.join(tmpdir(), 'nianbao-pages-'));
    void webPages(work)
      .then(rawTexts)
      .finally(() => rmSync(work, { recursive: true, force: true }));
  } else void main().then(rawTexts);
}
