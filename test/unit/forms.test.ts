/**
 * Properties over the damaged forms real files take (issue classes of report-format.md §7.1 that no tool here makes
 * whole), each a transform of a generated report: a correct report gets no error and no warning; one changed cell of
 * the 三 table is still found on its line.
 */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { positionAt } from '../../server/src/core/lines';
import { check, firstDifferentLine, parse } from '../helpers';
import type { Finding } from '../../server/src/core/codes';
import {
  APP_HEADER_ROWS,
  APP_LABELS,
  asDrawingOrder,
  asPdfLayout,
  GEN_LAYOUTS,
  ROW,
  figuresArbitrary,
  markdownOf,
  writeReport,
  type AppShape,
  type Figures,
} from '../gen';

type Form = (text: string, pick: number) => string;

const FEE_WORDS = ['政府信息公开未发生收费情况。', '本年度没有收取任何费用。', '未收取信息公开处理费。'];

const FORMS: Record<string, Form> = {
  'labels wrapped around their numbers (pdftotext -layout)': (text, pick) => asPdfLayout(text, 6 + (pick % 11)),
  'labels in two narrow columns, the numbers beside their first line (a browser’s print, pdftotext -layout)': (
    text,
    pick,
  ) => asPdfLayout(text, 3 + (pick % 6), 2 + (pick % 3)),
  'a label’s pieces a line each, then its numbers (pdftotext -raw, a viewer’s copy)': (text, pick) =>
    asDrawingOrder(text, 2 + (pick % 7)),
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

/** Runs of each property: 40 in `npm test`; PROPERTY_RUNS for a longer search. */
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 40);

/**
 * One changed cell of `text` (`wrong`) is found on the line that differs, with its right value: the one sum error
 * there has a fix that gives `text` back exactly.
 */
function assertFoundOnLine(text: string, wrong: string, md = false): void {
  const line = firstDifferentLine(text, wrong);
  const found = check(wrong, md).filter((x) => x.code === 'table-total' || x.code === 'table-balance');
  const here = found.filter((x) => positionAt(parse(wrong, md).lineStarts, x.span.start).line === line);
  assert.equal(here.length, 1, `one finding on line ${line + 1}: ${found.map((x) => x.message).join('; ')}`);
  const fix = fixesFor(here[0]!.code, here[0]!.data, wrong)[0];
  assert.ok(fix, `a fix for ${here[0]!.message}`);
  assert.equal(applyEdits(wrong, fix.edits), text, here[0]!.message);
}

describe('damaged forms, as properties over generated reports', () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name}: no error or warning on a correct report; a changed cell found on its line`, () => {
      fc.assert(
        fc.property(figures, fc.nat(1000), fc.nat(24), fc.nat(6), (f: Figures, pick, r, c) => {
          const source = writeReport(f, 'tab');
          const text = form(source, pick);
          // A form that changes nothing tests nothing.
          assert.notEqual(text, source, 'the form left the report as it was');
          const loud = check(text).filter((x) => x.severity === 'error' || x.severity === 'warning');
          assert.deepEqual(
            loud.map((x) => `${x.code} ${x.message}`),
            [],
          );
          const changed = f.apps.map((row) => [...row]);
          changed[r]![c] = Number(changed[r]![c]) + 1;
          const wrong = form(writeReport({ ...f, apps: changed }, 'tab', f), pick);
          assertFoundOnLine(text, wrong);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

/** Forms whose tables cannot or need not all be read: what a correct report gets, exactly, however its numbers. */
const SAID_ONCE: Record<string, { form: Form; expect: (f: Figures) => string[]; hints?: string[]; found: boolean }> = {
  'a whole report on one line': {
    form: (text) => text.replace(/\s+/gu, ' '),
    expect: () => Array.from({ length: 6 }, () => 'table-unreadable'),
    found: false,
  },
  'a whole report on one line, adjacent cells’ digits run together': {
    form: (text) => text.replace(/\t+/gu, '').replace(/\s+/gu, ' '),
    expect: () => Array.from({ length: 6 }, () => 'table-unreadable'),
    found: false,
  },
  'a whole report on one line, a typo in its 四 heading': {
    form: (text, pick) =>
      text
        .replace(/\s+/gu, ' ')
        .replace(
          '政府信息公开行政复议',
          ['政府信息公开行政法复议', '政府信息公开行政复仪', '政府信息行政复议'][pick % 3]!,
        ),
    expect: () => Array.from({ length: 6 }, () => 'table-unreadable'),
    hints: ['section-title'],
    found: false,
  },
  'the 三 table dumped column after column (plain pdftotext)': {
    form: (text) => {
      const lines = text.split('\n');
      const from = lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系'));
      const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
      if (from < 0 || to < from) throw new Error('no 三 table to dump');
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
  for (const [name, { form, expect, hints, found }] of Object.entries(SAID_ONCE)) {
    it(`${name}: exactly what it says, and ${found ? 'a changed cell still found' : 'nothing guessed'}`, () => {
      fc.assert(
        fc.property(figures, fc.nat(1000), fc.nat(24), fc.nat(6), (f: Figures, pick, r, c) => {
          const source = writeReport(f, 'tab');
          const text = form(source, pick);
          assert.notEqual(text, source, 'the form left the report as it was');
          const loud = (t: string): string[] =>
            check(t)
              .filter((x) => x.severity === 'error' || x.severity === 'warning')
              .map((x) => x.code)
              .sort();
          assert.deepEqual(loud(text), expect(f).sort());
          assert.deepEqual(
            check(text)
              .filter((x) => x.severity === 'hint')
              .map((x) => x.code),
            hints ?? [],
          );
          if (r === 21 || r === 22 || r === 20) return; // rows of （六）, which the 2019 row stands for
          const changed = f.apps.map((row) => [...row]);
          changed[r]![c] = Number(changed[r]![c]) + 1;
          const wrong = form(writeReport({ ...f, apps: changed }, 'tab', f), pick);
          if (found) assertFoundOnLine(text, wrong);
          else assert.deepEqual(loud(wrong), expect(f).sort());
        }),
        { numRuns: RUNS },
      );
    });
  }
});

const layouts = fc.constantFrom(...GEN_LAYOUTS);

function loud(text: string, md: boolean): Finding[] {
  return check(text, md).filter((x) => x.severity === 'error' || x.severity === 'warning');
}

/** `f` with one 三 cell one more, its prose still stating `f`'s figures. */
function oneMore(f: Figures, r: number, c: number): Figures {
  const apps = f.apps.map((row) => [...row]);
  apps[r]![c] = Number(apps[r]![c]) + 1;
  return { ...f, apps };
}

const ROW_NAMES = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '总计'];
const COLUMN_NAMES = ['本年新收件数', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** A row of column names that also names a row of the table (`| 项目 | 自然人 | 商业企业 | 予以公开 |`), no number. */
function headerNamingARow(pick: number): AppShape {
  const columns = [0, 1, 2].map((k) => COLUMN_NAMES[(pick + k * 3) % COLUMN_NAMES.length]!);
  const row = ['项目', ...new Set(columns), ROW_NAMES[pick % ROW_NAMES.length]!];
  return (rows) => [...rows.slice(0, pick % (APP_HEADER_ROWS + 1)), row, ...rows.slice(pick % (APP_HEADER_ROWS + 1))];
}

describe('damaged forms in every layout, as properties over generated reports', () => {
  it('a header row that names a row: no error or warning; a changed cell found on its line', () => {
    fc.assert(
      fc.property(figures, layouts, fc.nat(1000), fc.nat(24), fc.nat(6), (f, layout, pick, r, c) => {
        const md = markdownOf(layout);
        const text = writeReport(f, layout, f, 2023, headerNamingARow(pick));
        assert.deepEqual(
          loud(text, md).map((x) => `${x.code} ${x.message}`),
          [],
        );
        assertFoundOnLine(text, writeReport(oneMore(f, r, c), layout, f, 2023, headerNamingARow(pick)), md);
      }),
      { numRuns: RUNS },
    );
  });
});

/** The label of 三's row `r` (in template order) as written, `label` changed by `typo`. */
function relabel(r: number, typo: (label: string) => string): AppShape {
  return (rows) => rows.map((row, i) => (i === APP_HEADER_ROWS + r ? [row[0]!, typo(row[1]!), ...row.slice(2)] : row));
}

/**
 * What a label's typo can be: one of its words' characters left out or changed (punctuation is no typo: quote marks
 * and brackets vary between real files), or its words lost to page furniture.
 */
function typoOf(pick: number): (label: string) => string {
  return (label) => {
    const ordinal = /^(?:[一二三四]、|（[一二三四五六七]）|\d\.)/u.exec(label)?.[0] ?? '';
    const body = label.slice(ordinal.length);
    const words = [...body.matchAll(/\p{Script=Han}/gu)].map((m) => m.index).slice(1);
    const at = words[pick % words.length] ?? 1;
    switch (pick % 3) {
      case 0:
        return ordinal + body.slice(0, at) + body.slice(at + 1);
      case 1:
        return ordinal + body.slice(0, at) + '止' + body.slice(at + 1);
      default:
        return `${ordinal}（页眉残留）`;
    }
  };
}

describe('a row label changed at its place, as a property', () => {
  it('is table-row-label naming the template label, fixed back; a changed cell elsewhere still found', () => {
    fc.assert(
      fc.property(figures, layouts, fc.nat(1000), fc.nat(24), fc.nat(24), fc.nat(6), (f, layout, pick, at, r, c) => {
        const md = markdownOf(layout);
        const shape = relabel(at, typoOf(pick));
        const template = APP_LABELS[at]![1];
        const typo = typoOf(pick)(template);
        fc.pre(typo !== template);
        const text = writeReport(f, layout, f, 2023, shape);
        const found = loud(text, md);
        // Read by its words (模板为) or, when they name no row, by its place (按位置视为).
        assert.deepEqual(
          found.map((x) => `${x.code} ${x.message.replace('按位置视为', '模板为')}`),
          [`table-row-label 行标签“${typo}”与模板不一致，模板为“${template}”`],
        );
        const fixes = fixesFor(found[0]!.code, found[0]!.data, text);
        assert.equal(applyEdits(text, fixes[0]!.edits), writeReport(f, layout));
        fc.pre(r !== at);
        assertFoundOnLine(text, writeReport(oneMore(f, r, c), layout, f, 2023, shape), md);
      }),
      { numRuns: RUNS },
    );
  });
});

/** `f` with every 法人或其他组织 cell of 三 0 (so each row's total is its 自然人), and those cells written `blank`. */
function legalPersons(f: Figures, blank: string | number): Figures {
  return { ...f, apps: f.apps.map((row) => [row[0]!, blank, blank, blank, blank, blank, row[0]!]) };
}

describe('a block of blank columns, as a property', () => {
  it('is one finding whose fix fills it; a changed 自然人 or 总计 cell is still found on its line', () => {
    fc.assert(
      fc.property(figures, layouts, fc.nat(24), fc.constantFrom(0, 6), (f, layout, r, c) => {
        const md = markdownOf(layout);
        const zeros = legalPersons(f, 0);
        const text = writeReport(legalPersons(f, ''), layout, zeros);
        const found = loud(text, md);
        assert.deepEqual(
          found.map((x) => `${x.code} ${x.message}`),
          [
            'table-cell-missing 表格“收到和处理政府信息公开申请情况表”的“商业企业”至“其他”5 列全部空白（25 行，共 125 个单元格），应填数字（没有则填 0）',
          ],
        );
        assert.equal(
          applyEdits(text, fixesFor(found[0]!.code, found[0]!.data, text)[0]!.edits),
          writeReport(zeros, layout),
        );
        // A row's 总计 with its other cells blank breaks one sum only, which cannot tell which of its cells is wrong
        // (filled, the row total would tell): the property is for the cells that can be told — 自然人, and 总计 of
        // the total row, which the balance holds too.
        fc.pre(c === 0 || r === ROW.total);
        assertFoundOnLine(text, writeReport(oneMore(legalPersons(f, ''), r, c), layout, zeros), md);
      }),
      { numRuns: RUNS },
    );
  });
});

/** The text with its line `at` broken before character `cut` (counted in the line, never between two digits). */
function breakLine(text: string, at: number, cut: number): string {
  const lines = text.split('\n');
  const line = lines[at]!;
  let k = 1 + (cut % (line.length - 1));
  while (k < line.length && /\d/u.test(line[k - 1]!) && /\d/u.test(line[k]!)) k++;
  lines.splice(at, 1, line.slice(0, k), line.slice(k));
  return lines.join('\n');
}

describe('prose broken over lines, as a property', () => {
  it('is read whole: no finding on a correct report; a changed figure is prose-mismatch on it, fixed back', () => {
    fc.assert(
      fc.property(figures, layouts, fc.nat(1000), fc.nat(6), (f, layout, cut, k) => {
        const md = markdownOf(layout);
        const text = writeReport(f, layout);
        const at = text.split('\n').findIndex((l) => /^\d{4}年，本单位共收到/u.test(l));
        const broken = breakLine(text, at, cut);
        assert.deepEqual(
          loud(broken, md).map((x) => `${x.code} ${x.message}`),
          [],
        );
        // The k-th figure the paragraph states (its numbers after the year), 100 more.
        const from = broken.split('\n').slice(0, at).join('\n').length + 1;
        const figure = [...broken.slice(from).matchAll(/\d+/gu)][k + 1]!;
        const start = from + figure.index;
        const stated = String(Number(figure[0]) + 100);
        const wrong = broken.slice(0, start) + stated + broken.slice(start + figure[0].length);
        const found = loud(wrong, md);
        assert.deepEqual(
          found.map((x) => [x.code, wrong.slice(x.span.start, x.span.end)]),
          [['prose-mismatch', stated]],
        );
        assert.match(found[0]!.message, new RegExp(`为 ${figure[0]}$`, 'u'));
        assert.equal(applyEdits(wrong, fixesFor(found[0]!.code, found[0]!.data, wrong)[0]!.edits), broken);
      }),
      { numRuns: RUNS },
    );
  });
});

/** How real reports state the applications received, and what they say of 四 (report-format.md §7.1). */
const RECEIVED_WORDS = [
  (n: number) => `依申请公开情况${n}件`,
  (n: number) => `本年度共收到各类政府信息公开申请${n}件`,
  (n: number) => `受理依申请信息公开${n}件`,
  (n: number) => `全年受理政府信息公开申请${n}件`,
];
const REVIEW_WORDS = [
  (review: number, suit: number) =>
    review + suit === 0 ? '未发生行政复议、行政诉讼' : `被申请行政复议${review}件，被提起行政诉讼${suit}件`,
  (review: number) => (review === 0 ? '未因政府信息公开被申请行政复议' : `被申请行政复议${review}件`),
];

describe('application counts and 四 in other words, as a property', () => {
  it('are compared with the tables: no finding when they agree; prose-mismatch when they do not', () => {
    fc.assert(
      fc.property(figures, layouts, fc.nat(1000), fc.boolean(), (f, layout, pick, agree) => {
        const md = markdownOf(layout);
        const received = Number(f.apps[ROW.new]![6]);
        const review = Number(f.review[4]);
        const suit = Number(f.review[9]) + Number(f.review[14]);
        const said = (n: number, r: number, s: number): string =>
          `${RECEIVED_WORDS[pick % RECEIVED_WORDS.length]!(n)}。${REVIEW_WORDS[pick % REVIEW_WORDS.length]!(r, s)}。`;
        const text = writeReport(f, layout).replace(/本单位共收到政府信息公开申请\d+件/u, '');
        const at = text.indexOf('本单位通过门户网站主动公开政府信息。');
        const put = (words: string): string => text.slice(0, at) + words + text.slice(at);
        if (agree) {
          assert.deepEqual(
            loud(put(said(received, review, suit)), md).map((x) => `${x.code} ${x.message}`),
            [],
          );
          return;
        }
        const wrong = put(said(received + 100, review, suit));
        assert.deepEqual(
          loud(wrong, md).map((x) => [x.code, wrong.slice(x.span.start, x.span.end)]),
          [['prose-mismatch', String(received + 100)]],
        );
        const more = put(said(received, review + 3, suit));
        assert.deepEqual(
          loud(more, md).map((x) => [x.code, more.slice(x.span.start, x.span.end)]),
          [['prose-mismatch', String(review + 3)]],
        );
        // A report that says none where 四 has some: one finding for each of 复议 and 诉讼 it denies wrongly.
        const none = put(said(received, 0, 0));
        const denied = pick % REVIEW_WORDS.length === 0 ? [review, suit] : [review];
        assert.deepEqual(
          loud(none, md).map((x) => x.code),
          denied.filter((n) => n > 0).map(() => 'prose-mismatch'),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

describe('a total row shifted by a cell, as a property', () => {
  it('each impossible total is table-total with its addends and right value; the blank is said', () => {
    fc.assert(
      fc.property(figures, layouts, (f, layout) => {
        const md = markdownOf(layout);
        const right = f.apps[ROW.total]!.map(Number);
        const apps = f.apps.map((row) => [...row]);
        apps[ROW.total] = [...right.slice(1), ''];
        const text = writeReport({ ...f, apps }, layout, f);
        const found = loud(text, md);
        const expected = right
          .slice(0, 6)
          .map((v, k) => [k, v] as const)
          .filter(([k, v]) => right[k + 1] !== v)
          .map(([k, v]) => `table-total ${right[k + 1]} （七）总计·${COLUMNS[k]} 应为 ${v}`);
        assert.deepEqual(
          found.map(
            (x) =>
              `${x.code} ${text.slice(x.span.start, x.span.end).replace('&nbsp;', '').trim()} ${x.message.replace(/（[^）]*），实为.*$/u, '')}`,
          ),
          [...expected, 'table-cell-missing  “（七）总计·总计”为空白，应填数字（没有则填 0）'],
        );
        // All on the total row: between its label and the next row's.
        const [from, to] = [text.indexOf('（七）总计'), text.indexOf('四、结转下年度继续办理')];
        assert.ok(
          found.every((x) => x.span.start > from && x.span.start < to),
          'all on the total row',
        );
      }),
      { numRuns: RUNS },
    );
  });
});
