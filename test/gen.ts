/**
 * Writes whole reports from figures, in each layout, for property tests. Written apart from the
 * server's own template renderer, so a test does not check the code with itself.
 */

import fc from 'fast-check';

export type GenLayout = 'tab' | 'cells' | 'pipe' | 'html';

export interface Figures {
  /** 二 tables: 规章 and 行政规范性文件 (3 each), 行政许可, 行政处罚, 行政强制, the fee. */
  readonly art20: {
    rules: number[];
    normative: number[];
    licensing: number;
    penalty: number;
    enforcement: number;
    fee: string;
  };
  /** 三 table: 25 rows × 7 columns, in template order; a string is written as it is (`''` is a blank cell). */
  readonly apps: (number | string)[][];
  /** 四 table: 15 values. */
  readonly review: (number | string)[];
}

export const APP_LABELS: readonly [group: string, label: string][] = [
  ['', '一、本年新收政府信息公开申请数量'],
  ['', '二、上年结转政府信息公开申请数量'],
  ['三、本年度办理结果', '（一）予以公开'],
  ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['（三）不予公开', '1.属于国家秘密'],
  ['', '2.其他法律行政法规禁止公开'],
  ['', '3.危及“三安全一稳定”'],
  ['', '4.保护第三方合法权益'],
  ['', '5.属于三类内部事务信息'],
  ['', '6.属于四类过程性信息'],
  ['', '7.属于行政执法案卷'],
  ['', '8.属于行政查询事项'],
  ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['', '2.没有现成信息需要另行制作'],
  ['', '3.补正后申请内容仍不明确'],
  ['（五）不予处理', '1.信访举报投诉类申请'],
  ['', '2.重复申请'],
  ['', '3.要求提供公开出版物'],
  ['', '4.无正当理由大量反复申请'],
  ['', '5.要求行政机关确认或重新出具已获取信息'],
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '3.其他'],
  ['', '（七）总计'],
  ['', '四、结转下年度继续办理'],
];

/** Rows of the 三 table before its body, as `writeReport` writes them. */
export const APP_HEADER_ROWS = 3;

/** Row indexes of the 三 table. */
export const ROW = { new: 0, carried: 1, firstAddend: 2, lastAddend: 22, total: 23, forward: 24 } as const;

/**
 * Figures that satisfy every rule, from free choices: the addends (rows 3–23, six applicant columns), the carried
 * forward and the carried over (each ≤ what allows 一 ≥ 0), the 四 results and the 二 values.
 */
export function figuresFrom(
  addends: number[][],
  forward: number[],
  carriedRaw: number[],
  reviewParts: number[],
  art20: number[],
): Figures {
  const rows: number[][] = APP_LABELS.map(() => [0, 0, 0, 0, 0, 0, 0]);
  for (let r = ROW.firstAddend; r <= ROW.lastAddend; r++) {
    for (let c = 0; c < 6; c++) rows[r]![c] = addends[r - ROW.firstAddend]![c]!;
  }
  for (let c = 0; c < 6; c++) {
    let t = 0;
    for (let r = ROW.firstAddend; r <= ROW.lastAddend; r++) t += rows[r]![c]!;
    rows[ROW.total]![c] = t;
    rows[ROW.forward]![c] = forward[c]!;
    const carried = Math.min(carriedRaw[c]!, t + forward[c]!);
    rows[ROW.carried]![c] = carried;
    rows[ROW.new]![c] = t + forward[c]! - carried;
  }
  for (const row of rows) row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);
  const review: number[] = [];
  for (let g = 0; g < 3; g++) {
    const part = reviewParts.slice(g * 4, g * 4 + 4);
    review.push(
      ...part,
      part.reduce((a, b) => a + b, 0),
    );
  }
  return {
    art20: {
      rules: art20.slice(0, 3),
      normative: art20.slice(3, 6),
      licensing: art20[6]!,
      penalty: art20[7]!,
      enforcement: art20[8]!,
      fee: (art20[9]! / 100).toFixed(2),
    },
    apps: rows,
    review,
  };
}

const RES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function block(layout: GenLayout, rows: string[][], width: number): string[] {
  switch (layout) {
    case 'tab':
      return rows.map((r) => r.join('\t'));
    case 'pipe': {
      const out = rows.map((r) => `| ${[...r, ...Array(Math.max(0, width - r.length)).fill('')].join(' | ')} |`);
      out.splice(1, 0, `|${' --- |'.repeat(width)}`);
      return out;
    }
    case 'cells':
      return rows.flatMap((r) => [...r.map((c) => `\t${c}`), '']);
    case 'html':
      // As a converter writes it: one row a line, merged cells as empty ones, entities for spaces.
      return [
        '<table>',
        ...rows.map((r) => `<tr>${r.map((c) => `<td>${c === '' ? '&nbsp;' : c}</td>`).join('')}</tr>`),
        '</table>',
      ];
  }
}

/**
 * How the 三 table is written, for damage no tool here makes: `rows` are its rows as written (three header rows, then
 * one row per template row: group, label, seven values); the result is written in their place.
 */
export type AppShape = (rows: string[][]) => string[][];

/**
 * A whole report with these figures; the prose states the figures of `prose` (by default the same); `shape` rewrites
 * the 三 table's rows before they are written.
 */
export function writeReport(
  f: Figures,
  layout: GenLayout,
  prose: Figures = f,
  year = 2023,
  shape: AppShape = (rows) => rows,
): string {
  const a = prose.apps.map((r) => r.map(Number));
  const h = layout === 'pipe' || layout === 'html' ? '## ' : '';
  const sum = (rows: number[]): number => rows.reduce((s, r) => s + a[r]![6]!, 0);
  const lines: string[] = [
    `${h ? '# ' : ''}示例县示例局${year}年政府信息公开工作年度报告`,
    '',
    `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
    `${h}一、总体情况`,
    '',
    '（一）主动公开',
    '',
    '本单位通过门户网站主动公开政府信息。',
    '',
    '（二）依申请公开',
    '',
    `${year}年，本单位共收到政府信息公开申请${a[ROW.new]![6]}件，上年结转${a[ROW.carried]![6]}件，` +
      `其中予以公开${a[2]![6]}件、部分公开${a[3]![6]}件、不予公开${sum([4, 5, 6, 7, 8, 9, 10, 11])}件，` +
      `办结${a[ROW.total]![6]}件，结转下年度继续办理${a[ROW.forward]![6]}件。`,
    '',
    `${h}二、主动公开政府信息情况`,
    '',
  ];
  const art = f.art20;
  for (const [cap, cols, rows] of [
    [
      '第二十条第（一）项',
      ['本年制发件数', '本年废止件数', '现行有效件数'],
      [
        ['规章', ...art.rules.map(String)],
        ['行政规范性文件', ...art.normative.map(String)],
      ],
    ],
    ['第二十条第（五）项', ['本年处理决定数量'], [['行政许可', String(art.licensing)]]],
    [
      '第二十条第（六）项',
      ['本年处理决定数量'],
      [
        ['行政处罚', String(art.penalty)],
        ['行政强制', String(art.enforcement)],
      ],
    ],
    ['第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', art.fee]]],
  ] as const) {
    lines.push(...block(layout, [[cap], ['信息内容', ...cols], ...rows.map((r) => [...r])], cols.length + 1), '');
  }
  lines.push(`${h}三、收到和处理政府信息公开申请情况`, '');
  const header = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况'],
    ['', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  const body = APP_LABELS.map(([g, l], i) => [g, l, ...f.apps[i]!.map(String)]);
  lines.push(...block(layout, shape([...header, ...body]), 9), '');
  lines.push(`${h}四、政府信息公开行政复议、行政诉讼情况`, '');
  lines.push(
    ...block(
      layout,
      [
        ['行政复议', '', '', '', '', '行政诉讼'],
        [...RES, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
        ['', '', '', '', '', ...RES, ...RES],
        f.review.map(String),
      ],
      15,
    ),
    '',
  );
  lines.push(
    `${h}五、存在的主要问题及改进情况`,
    '',
    '一是公开形式较为单一；二是栏目更新不够及时。下一步将加强培训。',
    '',
    `${h}六、其他需要报告的事项`,
    '',
    `本单位${year}年未收取信息处理费。`,
    '',
  );
  return lines.join('\n');
}

/** Every layout the generator writes. */
export const GEN_LAYOUTS: readonly GenLayout[] = ['tab', 'cells', 'pipe', 'html'];

/** Markdown layouts keep `**` and `---` as their own syntax. */
export function markdownOf(layout: GenLayout): boolean {
  return layout === 'pipe' || layout === 'html';
}

/** Figures that satisfy every rule, mostly zeros as real reports are; counts up to `most`, 二 values up to `art20`. */
export function figuresArbitrary(most: number, art20: number): fc.Arbitrary<Figures> {
  const small = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(most) });
  const row = (n: number): fc.Arbitrary<number[]> => fc.array(small, { minLength: n, maxLength: n });
  return fc
    .record({
      addends: fc.array(row(6), { minLength: 21, maxLength: 21 }),
      forward: row(6),
      carried: row(6),
      review: row(12),
      art20: fc.array(fc.nat(art20), { minLength: 10, maxLength: 10 }),
    })
    .map((r) => figuresFrom(r.addends, r.forward, r.carried, r.review, r.art20));
}

/**
 * The 三 table of a tab-layout report in the order a PDF draws it (`pdftotext -raw`, a PDF viewer's copy): each
 * label's pieces `width` characters a line, the group's before the row's, then the row's numbers on one line after
 * single spaces; no blank lines.
 */
export function asDrawingOrder(text: string, width: number): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.trimStart().startsWith('一、本年新收'));
  const to = lines.findIndex((l) => l.trimStart().startsWith('四、结转下年度继续办理'));
  if (from < 0 || to < 0) throw new Error('asDrawingOrder: no 三 table in tab rows');
  const out: string[] = [];
  for (const line of lines.slice(from, to + 1)) {
    const cells = line.split('\t').filter((c) => c.length > 0);
    for (const label of cells.filter((c) => !/^\d+$/u.test(c)))
      for (let i = 0; i < label.length; i += width) out.push(label.slice(i, i + width));
    out.push(cells.filter((c) => /^\d+$/u.test(c)).join(' '));
  }
  return [...lines.slice(0, from), ...out, ...lines.slice(to + 1)].join('\n');
}

/**
 * The 三 table of a tab-layout report as `pdftotext -layout` prints a PDF of it: group labels on lines of their own,
 * each row's label wrapped at `width` characters, its numbers beside the middle line, set apart by spaces.
 * With `group` (a browser's print of a page, its label columns narrow): a group's label wrapped at `group` characters in
 * a column of its own beside its first row's label, the numbers beside each row label's first line.
 */
export function asPdfLayout(text: string, width: number, group?: number): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.trimStart().startsWith('一、本年新收'));
  const to = lines.findIndex((l) => l.trimStart().startsWith('四、结转下年度继续办理'));
  if (from < 0 || to < 0) throw new Error('asPdfLayout: no 三 table in tab rows');
  // Cut every `size` characters, but as a typesetter does: no line begins with a closing mark (`）`, `、`, `”`).
  const chunksOf = (label: string, size: number): string[] => {
    const chunks: string[] = [];
    for (let i = 0; i < label.length; i += size) {
      const chunk = label.slice(i, i + size);
      const closing = /^[）)、，。”]+/u.exec(chunk)?.[0] ?? '';
      if (closing && chunks.length > 0) chunks[chunks.length - 1] += closing;
      if (chunk.length > closing.length) chunks.push(chunk.slice(closing.length));
    }
    return chunks;
  };
  const out: string[] = [];
  for (const line of lines.slice(from, to + 1)) {
    const cells = line.split('\t').filter((c) => c.length > 0);
    // Set apart by a run of spaces of one length, so a changed number's width moves only what follows it on its line.
    const numbers = cells.filter((c) => /^\d+$/u.test(c)).map((n) => `   ${n}`);
    const labels = cells.filter((c) => !/^\d+$/u.test(c));
    const label = labels[labels.length - 1] ?? '';
    if (group === undefined) {
      for (const g of labels.slice(0, -1)) out.push(`    ${g}`);
      const chunks = chunksOf(label, width);
      const middle = Math.floor((chunks.length - 1) / 2);
      chunks.forEach((chunk, i) =>
        out.push(i === middle ? `    ${chunk.padEnd(width + 4, ' ')}${numbers.join('  ')}` : `    ${chunk}`),
      );
      continue;
    }
    // A group's first row has the group's label first; a row of no group (一、本年新收…) has its label over both
    // label columns; the group's other rows leave the group's column blank.
    const whole = labels.length === 1 && /^[一二四]、/u.test(label);
    const left = chunksOf(labels.slice(0, -1).join(''), group);
    const right = chunksOf(label, whole ? group + 2 + width : width);
    const indent = whole ? 0 : group + 2;
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const g = (left[i] ?? '').padEnd(indent, ' ');
      const r = right[i] ?? '';
      out.push(i === 0 ? `    ${g}${r.padEnd(width + 4, ' ')}${numbers.join('  ')}` : `    ${g}${r}`.trimEnd());
    }
  }
  return [...lines.slice(0, from), ...out, ...lines.slice(to + 1)].join('\n');
}
