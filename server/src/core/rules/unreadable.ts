/**
 * `table-unreadable`: a section whose tables cannot be read row by row — numbers standing apart from their labels
 * (all the labels, then every number on its own line, as plain pdftotext or a PDF viewer's copy gives a table), or
 * the whole table run together on one line with the digits of adjacent cells joined (text scraped from a web page),
 * a picture of the tables, or a converter's placeholder for them (`parse/pictures.ts`).
 * Rows cannot be rebuilt with certainty, so the checker says so once a table instead of guessing.
 */

import type { Report } from '../model';
import type { CheckContext, Draft, Rule } from './types';

const MESSAGES: Record<Report['unreadable'][number]['reason'], (table: string) => string> = {
  apart: (t) => `表格“${t}”的数值与行标签分开排列，无法逐行核对，请用按行导出的文本或直接检查 PDF`,
  joined: (t) => `表格“${t}”的文字连成一行，相邻单元格的数字连在一起，无法逐行核对，请用按行导出的文本或直接检查原文件`,
  image: (t) => `表格“${t}”是图片，无法核对其中的数字，请对照原表人工核对，或改用文字表格`,
  dropped: (t) => `表格“${t}”在转换时被略去（只留下“[TABLE]”），无法核对，请用原文件或按行导出的文本检查`,
};

function check({ report, template }: CheckContext): Draft[] {
  const out: Draft[] = [];
  for (const u of report.unreadable) {
    for (const spec of template.tables) {
      if (spec.section !== u.section) continue;
      out.push({ message: MESSAGES[u.reason](spec.name), span: { start: u.span.start, end: u.span.start } });
    }
  }
  return out;
}

export const unreadableRules: readonly Rule[] = [
  {
    code: 'table-unreadable',
    severity: 'warning',
    summary: '表格的数值与行标签分开排列（如从 PDF 复制的文字），无法逐行核对',
    check,
  },
];
