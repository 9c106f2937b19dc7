/**
 * The 2021 report format (国办公开办函〔2021〕30号) as data: sections, the sub-headings of 一, the six tables with
 * their rows, columns and sums, the aliases (条例 wording of headings, 2019 labels), the prose figures and the fee.
 */

import type { FigureCells, ProseFigure, RowSpec, SectionSpec, TableSpec, Template } from './types';

export const SECTIONS_2021: readonly SectionSpec[] = [
  {
    index: 0,
    numeral: '一',
    title: '总体情况',
    aliases: ['政府信息公开工作总体情况'],
    kind: 'prose',
    keywords: ['总体'],
    subheadings: [
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ],
  },
  {
    index: 1,
    numeral: '二',
    title: '主动公开政府信息情况',
    aliases: ['行政机关主动公开政府信息情况', '行政机关主动公开政府信息的情况'],
    kind: 'tables',
    keywords: ['主动公开'],
  },
  {
    index: 2,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    aliases: ['行政机关收到和处理政府信息公开申请情况', '行政机关收到和处理政府信息公开申请的情况'],
    kind: 'tables',
    keywords: ['申请'],
  },
  {
    index: 3,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    aliases: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
      '政府信息公开行政复议和行政诉讼情况',
    ],
    kind: 'tables',
    keywords: ['复议', '诉讼'],
  },
  {
    index: 4,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    aliases: ['政府信息公开工作存在的主要问题及改进情况'],
    kind: 'prose',
    keywords: ['问题'],
    noneIsEmpty: true,
  },
  { index: 5, numeral: '六', title: '其他需要报告的事项', aliases: [], kind: 'prose', keywords: ['其他', '事项'] },
];

const ART20_HEADER = '信息内容';
export const CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const REVIEW_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const REVIEW_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'];
const TOTAL = '总计';

/** Rows numbered `1.…` under a group, with ids `group-1` …. */
export function numbered(group: string, items: readonly string[], shortPrefix: string): RowSpec[] {
  return items.map((label, i) => ({
    id: `${group}-${i + 1}`,
    label: `${i + 1}.${label}`,
    group,
    short: `${shortPrefix}${i + 1}`,
  }));
}

/** The rows of the 三 table before and after the （六）其他处理 group, which the formats print differently. */
export function applicationRows(other: readonly RowSpec[]): RowSpec[] {
  return [
    { id: 'new', label: '一、本年新收政府信息公开申请数量', short: '本年新收' },
    { id: 'carried', label: '二、上年结转政府信息公开申请数量', short: '上年结转' },
    { id: 'open', label: '（一）予以公开', group: 'results', short: '予以公开' },
    {
      id: 'partial',
      label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      group: 'results',
      short: '部分公开',
    },
    ...numbered(
      'withheld',
      [
        '属于国家秘密',
        '其他法律行政法规禁止公开',
        '危及“三安全一稳定”',
        '保护第三方合法权益',
        '属于三类内部事务信息',
        '属于四类过程性信息',
        '属于行政执法案卷',
        '属于行政查询事项',
      ],
      '不予公开',
    ),
    ...numbered(
      'unable',
      ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'],
      '无法提供',
    ),
    ...numbered(
      'unprocessed',
      [
        '信访举报投诉类申请',
        '重复申请',
        '要求提供公开出版物',
        '无正当理由大量反复申请',
        '要求行政机关确认或重新出具已获取信息',
      ],
      '不予处理',
    ),
    ...other,
    { id: 'total', label: '（七）总计', group: 'results', short: '总计' },
    { id: 'forward', label: '四、结转下年度继续办理', short: '结转下年度' },
  ];
}

const APPLICATION_ROWS = applicationRows(
  numbered(
    'other',
    [
      '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '其他',
    ],
    '其他处理',
  ),
);

const RESULT_GROUPS = [
  { id: 'results', label: '三、本年度办理结果' },
  { id: 'withheld', label: '（三）不予公开', parent: 'results' },
  { id: 'unable', label: '（四）无法提供', parent: 'results' },
  { id: 'unprocessed', label: '（五）不予处理', parent: 'results' },
];

/** The 三 table of a format, given its rows and groups. */
export function applicationsTable(rows: readonly RowSpec[], groups: TableSpec['groups']): TableSpec {
  return {
    id: 'applications',
    section: 2,
    name: '收到和处理政府信息公开申请情况表',
    shape: 'rows',
    columns: APPLICANT_COLUMNS,
    headerLabels: [CORNER_NOTE, '申请人情况', '法人或其他组织'],
    headerRows: [
      [CORNER_NOTE, '申请人情况'],
      ['', APPLICANT_COLUMNS[0]!, '法人或其他组织', APPLICANT_COLUMNS[6]!],
      ['', '', ...APPLICANT_COLUMNS.slice(1, 6)],
    ],
    headerKeyword: '勾稽关系',
    columnBands: [
      { label: '申请人情况', from: 0, count: 7 },
      { label: '法人或其他组织', from: 1, count: 5 },
    ],
    sums: {
      totalColumn: TOTAL,
      // （七）总计 sums every row under 三、本年度办理结果 but itself.
      totalRow: { row: 'total', addendRows: rows.filter((r) => r.group && r.id !== 'total').map((r) => r.id) },
      balance: { left: ['new', 'carried'], right: ['total', 'forward'], names: ['一 + 二', '（七）+ 四'] },
    },
    groups,
    rows,
    valueKind: 'count',
  };
}

/** The 四 table: one row of 15 numbers in three groups of five. */
export const REVIEW_TABLE: TableSpec = {
  id: 'review',
  section: 3,
  name: '行政复议、行政诉讼情况表',
  shape: 'single-row',
  columns: REVIEW_GROUPS.flatMap((g) => REVIEW_RESULTS.map((c) => `${g}·${c}`)),
  headerLabels: ['行政复议', '行政诉讼', ...REVIEW_GROUPS.slice(1), ...REVIEW_RESULTS],
  headerRows: [
    ['行政复议', '行政诉讼'],
    [...REVIEW_RESULTS, ...REVIEW_GROUPS.slice(1)],
    [...REVIEW_RESULTS.map(() => ''), ...REVIEW_RESULTS, ...REVIEW_RESULTS],
  ],
  columnBands: [{ label: '行政诉讼', from: 5, count: 10 }],
  sums: {
    groupTotals: REVIEW_GROUPS.map((name) => ({
      name,
      total: `${name}·${TOTAL}`,
      columns: REVIEW_RESULTS.filter((c) => c !== TOTAL).map((c) => `${name}·${c}`),
    })),
  },
  rows: [{ id: 'review', label: '', short: '复议诉讼' }],
  groups: [],
  valueKind: 'count',
};

/** An 二 table: caption, the 信息内容 header over its columns, its rows. */
export function art20(
  spec: Omit<TableSpec, 'section' | 'headerLabels' | 'headerRows' | 'groups' | 'caption' | 'shape'>,
  variants: readonly string[] = [],
): TableSpec {
  return {
    ...spec,
    section: 1,
    shape: 'rows',
    caption: spec.name,
    headerLabels: [ART20_HEADER, ...variants],
    headerRows: [[ART20_HEADER, ...spec.columns]],
    groups: [],
  };
}

/** The 总计 cells of rows of the 三 table. */
const appCells = (rows: readonly string[]): FigureCells => ({
  table: 'applications',
  refs: rows.map((row) => ({ row, column: TOTAL })),
});
const app = (...rows: string[]): FigureCells => appCells(rows);

/** The figures the prose states (§5), over the 三 table's rows and the 四 table. */
export function figures(rows: readonly RowSpec[]): ProseFigure[] {
  const groupRows = (group: string): string[] =>
    rows.filter((r) => r.group === group || r.id === group).map((r) => r.id);
  const group = (id: string, keyword: string, name: string): ProseFigure => ({
    id,
    tight: true,
    keywords: [keyword],
    gap: 2,
    name: `“${name}”各项总计之和`,
    cells: [appCells(groupRows(id))],
  });
  return [
    {
      id: 'new',
      keywords: ['收到', '受理', '新收'],
      via: '申请',
      gap: 6,
      name: '“一、本年新收政府信息公开申请数量·总计”',
      cells: [app('new')],
      alsoAccept: [app('new', 'carried')],
      none: '未(?:收到|受理)[^，,。；;\\n]{0,20}?申请',
    },
    {
      id: 'carried',
      keywords: ['上年结转', '上年度结转'],
      gap: 8,
      name: '“二、上年结转政府信息公开申请数量·总计”',
      cells: [app('carried')],
    },
    {
      id: 'forward',
      keywords: ['结转下年度', '结转至下年度', '结转到下年度', '转入下年度'],
      gap: 10,
      name: '“四、结转下年度继续办理·总计”',
      cells: [app('forward')],
    },
    {
      // `依申请公开情况1件`: the section's own words for the applications received.
      id: 'new-by-section',
      tight: true,
      keywords: ['依申请公开情况', '依申请公开'],
      gap: 2,
      name: '“一、本年新收政府信息公开申请数量·总计”',
      cells: [app('new')],
      alsoAccept: [app('new', 'carried')],
    },
    { id: 'handled', tight: true, keywords: ['办结'], gap: 4, name: '“（七）总计·总计”', cells: [app('total')] },
    {
      // `办结政府信息公开申请13件`.
      id: 'handled-applications',
      keywords: ['办结'],
      via: '申请',
      gap: 4,
      name: '“（七）总计·总计”',
      cells: [app('total')],
    },
    { id: 'open', tight: true, keywords: ['予以公开'], gap: 2, name: '“（一）予以公开·总计”', cells: [app('open')] },
    {
      id: 'partial',
      tight: true,
      keywords: ['部分公开'],
      gap: 2,
      name: '“（二）部分公开·总计”',
      cells: [app('partial')],
    },
    group('withheld', '不予公开', '（三）不予公开'),
    group('unable', '无法提供', '（四）无法提供'),
    group('unprocessed', '不予处理', '（五）不予处理'),
    group('other', '其他处理', '（六）其他处理'),
    {
      id: 'review',
      tight: true,
      keywords: ['行政复议'],
      gap: 6,
      name: '四表“行政复议·总计”',
      cells: [{ table: 'review', refs: [{ row: 'review', column: '行政复议·总计' }] }],
      // `未发生行政复议、行政诉讼`, `未因政府信息公开被申请行政复议`.
      none: '未(?:发生|被|出现|因)[^，,。；;\\n]{0,16}?行政复议',
    },
    {
      id: 'litigation',
      tight: true,
      keywords: ['行政诉讼'],
      gap: 6,
      name: '四表两项行政诉讼的总计之和',
      cells: [
        {
          table: 'review',
          refs: [
            { row: 'review', column: '未经复议直接起诉·总计' },
            { row: 'review', column: '复议后起诉·总计' },
          ],
        },
      ],
      none: '未(?:发生|被|出现|因)[^，,。；;\\n]{0,16}?行政诉讼',
    },
  ];
}

/** A sentence states the fee when it holds every pattern of one of these (all words of the disclosure). */
export const FEE_STATEMENTS: readonly (readonly string[])[] = [
  ['处理费'],
  ['收费|费用', '信息公开|政府信息|申请|收取|收缴'],
];

export const TEMPLATE_2021: Template = {
  id: '2021',
  label: '2021 年格式',
  basis: '国办公开办函〔2021〕30号',
  sections: SECTIONS_2021,
  aliasNote: '使用了条例第五十条的用语',
  tables: [
    art20({
      id: 'art20-1',
      name: '第二十条第（一）项',
      columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        { id: 'rules', label: '规章', short: '规章' },
        { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件'], short: '行政规范性文件' },
      ],
      valueKind: 'count',
    }),
    art20({
      id: 'art20-5',
      name: '第二十条第（五）项',
      columns: ['本年处理决定数量'],
      rows: [{ id: 'licensing', label: '行政许可', short: '行政许可' }],
      valueKind: 'count',
    }),
    art20({
      id: 'art20-6',
      name: '第二十条第（六）项',
      columns: ['本年处理决定数量'],
      rows: [
        { id: 'penalty', label: '行政处罚', short: '行政处罚' },
        { id: 'enforcement', label: '行政强制', short: '行政强制' },
      ],
      valueKind: 'count',
    }),
    art20({
      id: 'art20-8',
      name: '第二十条第（八）项',
      columns: ['本年收费金额（单位：万元）'],
      rows: [{ id: 'fees', label: '行政事业性收费', short: '行政事业性收费' }],
      valueKind: 'amount',
    }),
    applicationsTable(APPLICATION_ROWS, [
      ...RESULT_GROUPS,
      { id: 'other', label: '（六）其他处理', parent: 'results' },
    ]),
    REVIEW_TABLE,
  ],
  // Row （六）2: applications dropped for an unpaid fee notice. Above 0, fees were charged.
  fee: {
    section: 5,
    word: '信息处理费',
    statements: FEE_STATEMENTS,
    notice: { table: 'applications', row: 'other-2', column: TOTAL },
  },
  figures: figures(APPLICATION_ROWS),
  carryOver: { table: 'applications', fromRow: 'forward', toRow: 'carried' },
};

export { RESULT_GROUPS };
