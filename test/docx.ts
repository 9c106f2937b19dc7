/**
 * Word documents made from a report's text with the `docx` package, as a writer's file would be: paragraphs, tables
 * from tab rows, and on request Word's own list numbering for the section and sub-section ordinals and merged cells
 * (a group label merged down its rows, a row label spanning two columns).
 */

import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';

export interface DocxOptions {
  /** Section (`一、`) and sub-section (`（一）`) ordinals drawn by Word's numbering, not typed. */
  readonly numbering?: boolean;
  /** Merged cells: a blank first cell under a label continues it downwards; a blank cell after a label widens it. */
  readonly merge?: boolean;
  /** Each cell's text split into runs of one character (as Word does after edits or spell-checks). */
  readonly splitRuns?: boolean;
  /** Tables drawn without rules (no borders). */
  readonly unruled?: boolean;
  /** A table's header rows (those before its first row of numbers) drawn again at the top of every page it runs onto. */
  readonly repeatHeader?: boolean;
  /** A running header (the body's name) and a page number `- 3 -` in the footer, as published reports have. */
  readonly pageMarks?: boolean;
}

const SECTION = /^([一二三四五六七八九十]+)、(?!\d)/u;
const SUB = /^（([一二三四五六七八九十]+)）/u;
const NUMBER = /^-?\d+(?:\.\d+)?$/u;

function runs(text: string, split: boolean): TextRun[] {
  // A blank cell has no run at all, as Word writes it.
  if (text.length === 0) return [];
  if (!split || text.length < 2) return [new TextRun(text)];
  return [...text].map((c) => new TextRun(c));
}

function paragraph(line: string, options: DocxOptions): Paragraph {
  // Headings only: short lines that end without a full stop (a prose item `一、建立健全…。` keeps its typed ordinal).
  if (options.numbering && line.length <= 30 && !line.endsWith('。')) {
    const section = SECTION.exec(line);
    if (section)
      return new Paragraph({
        numbering: { reference: 'report', level: 0 },
        children: runs(line.slice(section[0].length), false),
      });
    const sub = SUB.exec(line);
    if (sub)
      return new Paragraph({
        numbering: { reference: 'report', level: 1 },
        children: runs(line.slice(sub[0].length), false),
      });
  }
  return new Paragraph({ children: runs(line, false) });
}

function table(rows: string[][], options: DocxOptions): Table {
  const out: TableRow[] = [];
  let above: string[] | undefined;
  let continuing = false;
  let seenNumbers = false;
  for (const cells of rows) {
    const hasNumbers = cells.some((c) => NUMBER.test(c.trim()));
    seenNumbers ||= hasNumbers;
    const children: TableCell[] = [];
    let restartFirst = false;
    for (let j = 0; j < cells.length; j++) {
      const text = cells[j]!;
      const cellParagraph = (t: string): Paragraph[] => [new Paragraph({ children: runs(t, !!options.splitRuns) })];
      if (options.merge && hasNumbers && j === 0 && text === '' && above && (above[0] !== '' || continuing)) {
        children.push(new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE }));
        continue;
      }
      const widen = options.merge && hasNumbers && j === 0 && text !== '' && cells[1] === '' && !NUMBER.test(text);
      if (widen) {
        children.push(new TableCell({ children: cellParagraph(text), columnSpan: 2 }));
        j++;
        continue;
      }
      if (j === 0 && options.merge && hasNumbers && text !== '') restartFirst = true;
      children.push(
        new TableCell({
          children: cellParagraph(text),
          ...(j === 0 && restartFirst ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        }),
      );
    }
    continuing =
      options.merge === true && hasNumbers && (cells[0] === '' ? continuing || (above?.[0] ?? '') !== '' : false);
    above = cells;
    out.push(new TableRow({ children, ...(options.repeatHeader && !seenNumbers ? { tableHeader: true } : {}) }));
  }
  return new Table({
    rows: out,
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(options.unruled ? { borders: TableBorders.NONE } : {}),
  });
}

/** A line of the text that stands for a picture: the document gets a picture there (a table pasted as one). */
export const PICTURE = '[[picture]]';

/** A picture: one white pixel, as PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

/** The report as a .docx (a line `PICTURE` as a picture). */
export async function toDocx(text: string, options: DocxOptions = {}): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length > 0) children.push(table(rows, options));
    rows = [];
  };
  for (const line of text.split(/\r?\n/u)) {
    if (line === PICTURE) {
      flush();
      children.push(
        new Paragraph({
          children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 400, height: 300 } })],
        }),
      );
      continue;
    }
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      if (line.trim().length > 0) children.push(paragraph(line, options));
    }
  }
  flush();
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'report',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children,
        ...(options.pageMarks
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.RIGHT,
                      children: [new TextRun(text.split('\n')[0]!.slice(0, 8))],
                    }),
                  ],
                }),
              },
              footers: {
                default: new Footer({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })],
                    }),
                  ],
                }),
              },
            }
          : {}),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
