/**
 * Properties over the damaged forms real files take (issue classes of report-format.md §7.1 that no tool here makes
 * whole), each a transform of a generated report: a correct report gets no error and no warning; one changed cell of
 * the 三 table is still found on its line.
 */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { positionAt } from '../../server/src/core/lines';
import { check, parse } from '../helpers';
import { figuresArbitrary, writeReport, type Figures } from '../gen';

type Form = (text: string, pick: number) => string;

const FEE_WORDS = ['政府信息公开未发生收费情况。', '本年度没有收取任何费用。', '未收取信息公开处理费。'];

const FORMS: Record<string, Form> = {
  '二 rows as label, one space, numbers': (text) =>
    text.replace(
      /^(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)((?:\t[0-9.]+)+)$/gmu,
      (_, l, v) => `${l}${String(v).replace(/\t/gu, ' ')}`,
    ),
  '四 header as pdftotext fragments': (text) =>
    text.replace(
      /^行政复议\t.*\n.*未经复议直接起诉.*\n.*结果维持.*\n/mu,
      '结果   结果    其他结    尚未    总计\n维持   纠正    果      审结\n',
    ),
  'a page number between rows': (text, pick) => {
    const lines = text.split('\n');
    const rows = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\t?[（一二三四\d].*\t\d+$/u.test(l));
    const at = rows[pick % rows.length]![1];
    lines.splice(at, 0, String(2 + (pick % 30)));
    return lines.join('\n');
  },
  'the fee in other words': (text, pick) => text.replace(/本单位\d{4}年未收取信息处理费。/u, FEE_WORDS[pick % 3]!),
  'received applications in the section’s words': (text) =>
    text.replace(/本单位共收到政府信息公开申请(\d+)件/u, '依申请公开情况$1件'),
};

const figures = figuresArbitrary(9, 30);

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  return x.findIndex((l, i) => l !== y[i]);
}

describe('damaged forms, as properties over generated reports', () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name}: no error or warning on a correct report; a changed cell found on its line`, () => {
      fc.assert(
        fc.property(figures, fc.nat(1000), fc.nat(24), fc.nat(6), (f: Figures, pick, r, c) => {
          const text = form(writeReport(f, 'tab'), pick);
          const loud = check(text).filter((x) => x.severity === 'error' || x.severity === 'warning');
          assert.deepEqual(
            loud.map((x) => `${x.code} ${x.message}`),
            [],
          );
          const changed = f.apps.map((row) => [...row]);
          changed[r]![c] = Number(changed[r]![c]) + 1;
          const wrong = form(writeReport({ ...f, apps: changed }, 'tab', f), pick);
          const line = firstDifferentLine(text, wrong);
          const found = check(wrong).filter((x) => x.code === 'table-total' || x.code === 'table-balance');
          assert.ok(
            found.some((x) => positionAt(parse(wrong).lineStarts, x.span.start).line === line),
            `a finding on line ${line + 1}`,
          );
        }),
        { numRuns: 40 },
      );
    });
  }
});

/** Forms whose tables cannot or need not all be read: what a correct report gets, exactly, however its numbers. */
const SAID_ONCE: Record<string, { form: Form; expect: (f: Figures) => string[]; found: boolean }> = {
  'a whole report on one line': {
    form: (text) => text.replace(/\s+/gu, ' '),
    expect: () => Array.from({ length: 6 }, () => 'table-unreadable'),
    found: false,
  },
  'the 三 table dumped column after column (plain pdftotext)': {
    form: (text) => {
      const lines = text.split('\n');
      const from = lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系'));
      const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
      const cells = lines.slice(from, to).flatMap((l) => l.split('\t').filter((c) => c.length > 0));
      const dumped = [...cells.filter((c) => !/^\d+$/u.test(c)), ...cells.filter((c) => /^\d+$/u.test(c))];
      return [...lines.slice(0, from), dumped.join('\n\n'), '', ...lines.slice(to)].join('\n');
    },
    expect: () => ['table-unreadable'],
    found: false,
  },
  'the 2019 single （六） row in a 2021 report': {
    form: (text) =>
      text.replace(/（六）其他处理\t1\.申请人无正当理由[^\n]*\n\t2\.[^\n]*\n\t3\.其他[^\n]*\n/u, (rows) => {
        const sums = [0, 0, 0, 0, 0, 0, 0];
        for (const row of rows.trim().split('\n'))
          row
            .split('\t')
            .slice(-7)
            .forEach((v, i) => (sums[i]! += Number(v)));
        return `（六）其他处理\t${sums.join('\t')}\n`;
      }),
    expect: () => ['table-old-format'],
    found: true,
  },
};

describe('damaged forms said once, as properties over generated reports', () => {
  for (const [name, { form, expect, found }] of Object.entries(SAID_ONCE)) {
    it(`${name}: exactly what it says, and ${found ? 'a changed cell still found' : 'nothing guessed'}`, () => {
      fc.assert(
        fc.property(figures, fc.nat(24), fc.nat(6), (f: Figures, r, c) => {
          const text = form(writeReport(f, 'tab'), 0);
          const loud = (t: string): string[] =>
            check(t)
              .filter((x) => x.severity === 'error' || x.severity === 'warning')
              .map((x) => x.code);
          assert.deepEqual(loud(text), expect(f));
          if (r === 21 || r === 22 || r === 20) return; // rows of （六）, which the 2019 row stands for
          const changed = f.apps.map((row) => [...row]);
          changed[r]![c] = Number(changed[r]![c]) + 1;
          const wrong = form(writeReport({ ...f, apps: changed }, 'tab', f), 0);
          if (found) assert.ok(loud(wrong).includes('table-total') || loud(wrong).includes('table-balance'));
          else assert.deepEqual(loud(wrong), expect(f));
        }),
        { numRuns: 30 },
      );
    });
  }
});
