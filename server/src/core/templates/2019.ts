/**
 * The 2019 report format (国办公开办函〔2019〕60号), still copied from old files: the same sections, other columns in
 * the 二 tables, an extra row in 二（五）, the table 二（九）, and （六）其他处理 as one row of the 三 table. A report in
 * this format is read under it and told to move to the 2021 format.
 */

import {
  FEE_STATEMENTS,
  RESULT_GROUPS,
  REVIEW_TABLE,
  SECTIONS_2021,
  applicationRows,
  applicationsTable,
  art20,
  figures,
} from './2021';
import type { RowSpec, TableSpec, Template, ValueKind } from './types';

const COUNTS = ['上一年项目数量', '本年增/减', '处理决定数量'];
/** `本年增减` is printed without the slash as often as with it. */
const VARIANTS = ['本年增减'];

/** An 二 table counting items in 2019 form: last year's number, this year's change (of any sign), decisions. */
function decisions(id: string, name: string, columns: readonly string[], rows: readonly RowSpec[]): TableSpec {
  const kinds: readonly ValueKind[] = ['count', 'change', 'count'];
  return art20({ id, name, columns, columnKinds: kinds.slice(0, columns.length), rows, valueKind: 'count' }, VARIANTS);
}

const ROWS = applicationRows([{ id: 'other', label: '（六）其他处理', group: 'results', short: '其他处理' }]);

export const TEMPLATE_2019: Template = {
  id: '2019',
  label: '2019 年格式',
  basis: '国办公开办函〔2019〕60号',
  successor: '2021',
  sections: SECTIONS_2021,
  aliasNote: '使用了条例第五十条的用语',
  tables: [
    art20({
      id: 'art20-1',
      name: '第二十条第（一）项',
      columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        { id: 'rules', label: '规章', short: '规章' },
        { id: 'normative', label: '规范性文件', short: '规范性文件' },
      ],
      valueKind: 'count',
    }),
    decisions('art20-5', '第二十条第（五）项', COUNTS, [
      { id: 'licensing', label: '行政许可', short: '行政许可' },
      { id: 'services', label: '其他对外管理服务事项', short: '其他对外管理服务事项' },
    ]),
    decisions('art20-6', '第二十条第（六）项', COUNTS, [
      { id: 'penalty', label: '行政处罚', short: '行政处罚' },
      { id: 'enforcement', label: '行政强制', short: '行政强制' },
    ]),
    decisions('art20-8', '第二十条第（八）项', COUNTS.slice(0, 2), [
      { id: 'fees', label: '行政事业性收费', short: '行政事业性收费' },
    ]),
    art20({
      id: 'art20-9',
      name: '第二十条第（九）项',
      columns: ['采购总金额'],
      rows: [{ id: 'procurement', label: '政府集中采购', short: '政府集中采购' }],
      valueKind: 'amount',
    }),
    applicationsTable(ROWS, RESULT_GROUPS),
    REVIEW_TABLE,
  ],
  fee: { section: 5, word: '信息处理费', statements: FEE_STATEMENTS },
  figures: figures(ROWS),
  carryOver: { table: 'applications', fromRow: 'forward', toRow: 'carried' },
};
