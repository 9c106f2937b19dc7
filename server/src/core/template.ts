/**
 * The 2021 report format (国办公开办函〔2021〕30号) as data: sections, the sub-headings of 一, the six tables with
 * their rows and columns, and the aliases (条例 wording of headings, 2019 labels). Checks and the parser read labels
 * from here; no label is spelled out again elsewhere.
 */

/** Chinese numerals used for section and group ordinals. */
export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

export type SectionKind = 'prose' | 'tables';

export interface SectionSpec {
  /** 0-based position in the template. */
  readonly index: number;
  /** The ordinal as printed, 一 … 六. */
  readonly numeral: string;
  /** Official title without its ordinal. */
  readonly title: string;
  /** Other titles that name the same section: the wording of 条例第五十条, older habits. */
  readonly aliases: readonly string[];
  readonly kind: SectionKind;
  /** The section must say something: a body of just 无 counts as empty (五). */
  readonly noneIsEmpty?: boolean;
  /** Words a near-official title must contain (with the right ordinal) to be taken for this section. */
  readonly keywords: readonly string[];
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    index: 0,
    numeral: '一',
    title: '总体情况',
    aliases: ['政府信息公开工作总体情况'],
    kind: 'prose',
    keywords: ['总体'],
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

/** The official heading of a section, e.g. `一、总体情况`. */
export function officialHeading(section: SectionSpec): string {
  return `${section.numeral}、${section.title}`;
}

/** Customary sub-headings of section 一 (a trailing 情况/方面 is tolerated when matching). */
export const OVERVIEW_SUBHEADINGS: readonly string[] = [
  '（一）主动公开',
  '（二）依申请公开',
  '（三）政府信息管理',
  '（四）政府信息公开平台建设',
  '（五）监督保障',
];

export type TableId = 'art20-1' | 'art20-5' | 'art20-6' | 'art20-8' | 'applications' | 'review';

/** What a cell may hold: a count is a whole number ≥ 0, an amount a decimal ≥ 0. */
export type ValueKind = 'count' | 'amount';

export interface RowSpec {
  /** Stable id, used in fix data. */
  readonly id: string;
  /** The label as the template prints it in the row's own cell. */
  readonly label: string;
  /** Id of the group the row belongs to (三 table only). */
  readonly group?: string;
  /** Labels of older formats (2019) that name the same row; matching one gives `table-row-label`. */
  readonly aliases?: readonly string[];
  /** Short name used when the row is an addend in a message, e.g. `予以公开`. */
  readonly short: string;
}

export interface GroupSpec {
  readonly id: string;
  readonly label: string;
  /** Group this group belongs to. */
  readonly parent?: string;
}

export interface TableSpec {
  readonly id: TableId;
  /** Index of the section that holds the table. */
  readonly section: number;
  /** Name in the outline and in messages. */
  readonly name: string;
  /** Caption line that opens the table in the template (二 tables). */
  readonly caption?: string;
  /** Column labels of the value columns, in order. */
  readonly columns: readonly string[];
  /** Labels in header rows that are not value columns (spanning headers, corner notes). */
  readonly headerLabels: readonly string[];
  /** The header rows as the template prints them, cell by cell ('' for a merged cell). */
  readonly headerRows: readonly (readonly string[])[];
  /** A word that marks a header cell however its text varies (the corner note's 勾稽关系). */
  readonly headerKeyword?: string;
  readonly rows: readonly RowSpec[];
  readonly groups: readonly GroupSpec[];
  readonly valueKind: ValueKind;
  /** Labels that only the 2019 format has: columns, rows, captions. Seeing one marks the table as 2019 format. */
  readonly oldFormat?: { readonly columns: readonly string[]; readonly rows: readonly string[] };
  /** Sums the table's numbers obey (report-format.md §3–§4). */
  readonly sums?: {
    /** E2: in every row, this column is the sum of the columns before it. */
    readonly totalColumn?: number;
    /** E3: in every column, this row is the sum of `addendRows`. */
    readonly totalRow?: { readonly row: string; readonly addendRows: readonly string[] };
    /** E1: in every column, Σ left rows = Σ right rows. */
    readonly balance?: { readonly left: readonly string[]; readonly right: readonly string[] };
    /** E6: in the one row, each group's total column is the sum of the group's other columns. */
    readonly groupTotals?: readonly {
      readonly name: string;
      readonly columns: readonly number[];
      readonly total: number;
    }[];
  };
}

const ART20_HEADER = ['信息内容'];
const CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const ART20_OLD_COUNTS = ['上一年项目数量', '本年增/减', '本年增减', '处理决定数量'];

const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

const REVIEW_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function numbered(group: string, items: readonly string[], shortPrefix: string): RowSpec[] {
  return items.map((label, i) => ({
    id: `${group}-${i + 1}`,
    label: `${i + 1}.${label}`,
    group,
    short: `${shortPrefix}${i + 1}`,
  }));
}

const APPLICATION_ROWS: readonly RowSpec[] = [
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
  ...numbered('unable', ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'], '无法提供'),
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
  ...numbered(
    'other',
    [
      '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '其他',
    ],
    '其他处理',
  ),
  { id: 'total', label: '（七）总计', group: 'results', short: '总计' },
  { id: 'forward', label: '四、结转下年度继续办理', short: '结转下年度' },
];

/** An 二 table: caption, the 信息内容 header over its columns, its rows. */
function art20(spec: Omit<TableSpec, 'section' | 'headerLabels' | 'headerRows' | 'groups' | 'caption'>): TableSpec {
  return {
    ...spec,
    section: 1,
    caption: spec.name,
    headerLabels: ART20_HEADER,
    headerRows: [[...ART20_HEADER, ...spec.columns]],
    groups: [],
  };
}

export const TABLES: readonly TableSpec[] = [
  art20({
    id: 'art20-1',
    name: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { id: 'rules', label: '规章', short: '规章' },
      { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件'], short: '行政规范性文件' },
    ],
    valueKind: 'count',
    oldFormat: { columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: [] },
  }),
  art20({
    id: 'art20-5',
    name: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    rows: [{ id: 'licensing', label: '行政许可', short: '行政许可' }],
    valueKind: 'count',
    oldFormat: { columns: ART20_OLD_COUNTS, rows: ['其他对外管理服务事项'] },
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
    oldFormat: { columns: ART20_OLD_COUNTS, rows: [] },
  }),
  art20({
    id: 'art20-8',
    name: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: [{ id: 'fees', label: '行政事业性收费', short: '行政事业性收费' }],
    valueKind: 'amount',
    oldFormat: { columns: ['上一年项目数量', '本年增/减', '本年增减'], rows: [] },
  }),
  {
    id: 'applications',
    section: 2,
    name: '收到和处理政府信息公开申请情况表',
    columns: APPLICANT_COLUMNS,
    headerLabels: [CORNER_NOTE, '申请人情况', '法人或其他组织'],
    headerRows: [
      [CORNER_NOTE, '申请人情况'],
      ['', APPLICANT_COLUMNS[0]!, '法人或其他组织', APPLICANT_COLUMNS[6]!],
      ['', '', ...APPLICANT_COLUMNS.slice(1, 6)],
    ],
    headerKeyword: '勾稽关系',
    sums: {
      totalColumn: 6,
      // （七）总计 sums every row under 三、本年度办理结果 but itself.
      totalRow: {
        row: 'total',
        addendRows: APPLICATION_ROWS.filter((r) => r.group && r.id !== 'total').map((r) => r.id),
      },
      balance: { left: ['new', 'carried'], right: ['total', 'forward'] },
    },
    groups: [
      { id: 'results', label: '三、本年度办理结果' },
      { id: 'withheld', label: '（三）不予公开', parent: 'results' },
      { id: 'unable', label: '（四）无法提供', parent: 'results' },
      { id: 'unprocessed', label: '（五）不予处理', parent: 'results' },
      { id: 'other', label: '（六）其他处理', parent: 'results' },
    ],
    rows: APPLICATION_ROWS,
    valueKind: 'count',
  },
  {
    id: 'review',

    section: 3,
    name: '行政复议、行政诉讼情况表',
    columns: [
      ...REVIEW_RESULTS.map((c) => `行政复议·${c}`),
      ...REVIEW_RESULTS.map((c) => `未经复议直接起诉·${c}`),
      ...REVIEW_RESULTS.map((c) => `复议后起诉·${c}`),
    ],
    headerLabels: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', ...REVIEW_RESULTS],
    headerRows: [
      ['行政复议', '行政诉讼'],
      [...REVIEW_RESULTS, '未经复议直接起诉', '复议后起诉'],
      [...REVIEW_RESULTS.map(() => ''), ...REVIEW_RESULTS, ...REVIEW_RESULTS],
    ],
    sums: {
      groupTotals: ['行政复议', '未经复议直接起诉', '复议后起诉'].map((name, g) => ({
        name,
        columns: [0, 1, 2, 3].map((c) => g * 5 + c),
        total: g * 5 + 4,
      })),
    },
    rows: [{ id: 'review', label: '', short: '复议诉讼' }],
    groups: [],
    valueKind: 'count',
  },
];

/** Captions of tables that only the 2019 format had. */
export const OLD_TABLE_CAPTIONS: readonly { caption: string; rows: readonly string[] }[] = [
  { caption: '第二十条第（九）项', rows: ['政府集中采购'] },
];

export function tableSpec(id: TableId): TableSpec {
  const spec = TABLES.find((t) => t.id === id);
  if (!spec) throw new Error(`unknown table ${id}`);
  return spec;
}

/** The 三 table's （六）其他处理 was one data row in the 2019 format. */
export const OLD_FORMAT_SINGLE_ROW_GROUP = 'other';

/** A row's name in messages: its label with the group's ordinal (`（三）1.属于国家秘密`), notes in brackets left out. */
export function rowName(table: TableSpec, row: RowSpec): string {
  if (table.id === 'review') return table.name;
  const label = row.label.replace(/（[^（）]*）$/u, '');
  const group = row.group ? table.groups.find((g) => g.id === row.group) : undefined;
  if (group?.parent && /^\d/u.test(label))
    return `${group.label.replace(/[^（）一二三四五六七八九十]+$/u, '')}${label}`;
  return label;
}

/** The template row with the given id. */
export function rowSpec(table: TableSpec, id: string): RowSpec | undefined {
  return table.rows.find((r) => r.id === id);
}

/** What section 六 must mention: the fee for processing information (条例第四十二条). */
export const FEE_WORD = '信息处理费';

/** Row （六）2 of the 三 table: applications dropped for an unpaid fee notice. Above 0, fees were charged. */
export const FEE_NOTICE_ROW = { table: 'applications', row: 'other-2' } as const;

/** Cells of a table that a figure in the prose states (summed when several). */
export interface FigureCells {
  readonly table: TableId;
  readonly refs: readonly { readonly row: string; readonly col: number }[];
}

/** A figure the prose states that a table also holds (report-format.md §5). */
export interface ProseFigure {
  readonly id: string;
  /** Words that introduce the figure (regular-expression alternatives, plain text). */
  readonly keywords: readonly string[];
  /** A word that must come between the keyword and the number (`收到…申请…13件`). */
  readonly via?: string;
  /** Most characters between the keyword (or `via`) and the number. */
  readonly gap: number;
  /** Only connecting words may stand in the gap (`予以公开的5件`, not `予以公开文件12件`). */
  readonly tight?: boolean;
  /** The cells, as messages name them. */
  readonly name: string;
  readonly cells: readonly FigureCells[];
  /** Another reading writers mean by the same words (`收到` as 一 + 二). */
  readonly alsoAccept?: readonly FigureCells[];
}

const APP_TOTAL = 6;
const app = (...rows: string[]): FigureCells => ({
  table: 'applications',
  refs: rows.map((row) => ({ row, col: APP_TOTAL })),
});
const groupRows = (group: string): string[] => APPLICATION_ROWS.filter((r) => r.group === group).map((r) => r.id);

export const PROSE_FIGURES: readonly ProseFigure[] = [
  {
    id: 'new',
    keywords: ['收到', '受理', '新收'],
    via: '申请',
    gap: 6,
    name: '“一、本年新收政府信息公开申请数量·总计”',
    cells: [app('new')],
    alsoAccept: [app('new', 'carried')],
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
  { id: 'handled', tight: true, keywords: ['办结'], gap: 4, name: '“（七）总计·总计”', cells: [app('total')] },
  { id: 'open', tight: true, keywords: ['予以公开'], gap: 2, name: '“（一）予以公开·总计”', cells: [app('open')] },
  {
    id: 'partial',
    tight: true,
    keywords: ['部分公开'],
    gap: 2,
    name: '“（二）部分公开·总计”',
    cells: [app('partial')],
  },
  {
    id: 'withheld',
    tight: true,
    keywords: ['不予公开'],
    gap: 2,
    name: '“（三）不予公开”各项总计之和',
    cells: [app(...groupRows('withheld'))],
  },
  {
    id: 'unable',
    tight: true,
    keywords: ['无法提供'],
    gap: 2,
    name: '“（四）无法提供”各项总计之和',
    cells: [app(...groupRows('unable'))],
  },
  {
    id: 'unprocessed',
    tight: true,
    keywords: ['不予处理'],
    gap: 2,
    name: '“（五）不予处理”各项总计之和',
    cells: [app(...groupRows('unprocessed'))],
  },
  {
    id: 'other',
    tight: true,
    keywords: ['其他处理'],
    gap: 2,
    name: '“（六）其他处理”各项总计之和',
    cells: [app(...groupRows('other'))],
  },
  {
    id: 'review',
    tight: true,
    keywords: ['行政复议'],
    gap: 6,
    name: '四表“行政复议·总计”',
    cells: [{ table: 'review', refs: [{ row: 'review', col: 4 }] }],
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
          { row: 'review', col: 9 },
          { row: 'review', col: 14 },
        ],
      },
    ],
  },
];
