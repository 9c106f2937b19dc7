/**
 * The shape of a report format as data. A template says everything the parser and the rules know about one format
 * year: its sections, the tables with their rows, columns and sums, the figures the prose states, and where the fee
 * is reported. Nothing outside `templates/` names a section, table, row or column by id or position.
 */

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
  /** Customary sub-headings (`（一）主动公开`); a trailing 情况/方面 is tolerated when matching. */
  readonly subheadings?: readonly string[];
}

/** What a cell may hold: a count is a whole number ≥ 0, an amount a decimal ≥ 0, a change a whole number of any sign. */
export type ValueKind = 'count' | 'amount' | 'change';

export interface RowSpec {
  /** Stable id, used in fix data. */
  readonly id: string;
  /** The label as the template prints it in the row's own cell. */
  readonly label: string;
  /** Id of the group the row belongs to. */
  readonly group?: string;
  /** Other labels that name the same row (older formats); matching one gives `table-row-label`. */
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

/** Sums a table's numbers obey; columns are named, never counted. */
export interface SumsSpec {
  /** In every row, this column is the sum of the other columns (E2, a row total). */
  readonly totalColumn?: string;
  /** In every column, this row is the sum of `addendRows` (E3, a column total). */
  readonly totalRow?: { readonly row: string; readonly addendRows: readonly string[] };
  /** In every column, Σ left rows = Σ right rows (E1); `names` show the two sides in messages. */
  readonly balance?: {
    readonly left: readonly string[];
    readonly right: readonly string[];
    readonly names: readonly [string, string];
  };
  /** In the one row, each group's total column is the sum of the group's other columns (E6). */
  readonly groupTotals?: readonly {
    readonly name: string;
    readonly total: string;
    readonly columns: readonly string[];
  }[];
}

export interface TableSpec {
  /** Stable id, used in fix data. */
  readonly id: string;
  /** Index of the section that holds the table. */
  readonly section: number;
  /** Name in the outline and in messages. */
  readonly name: string;
  /** Caption line that opens the table in the template. */
  readonly caption?: string;
  /** `rows`: labelled data rows; `single-row`: one row of values without a label, wherever its lines break. */
  readonly shape: 'rows' | 'single-row';
  /** Column names of the value columns, in order (`行政复议·总计` for a column under a spanning header). */
  readonly columns: readonly string[];
  /** What the cells hold, per column when they differ (`columnKinds[i]` overrides `valueKind`). */
  readonly valueKind: ValueKind;
  readonly columnKinds?: readonly ValueKind[];
  /** Labels in header rows that are not value columns (spanning headers, corner notes, variants). */
  readonly headerLabels: readonly string[];
  /** The header rows as the template prints them, cell by cell ('' for a merged cell). */
  readonly headerRows: readonly (readonly string[])[];
  /**
   * Headers that span columns without being part of the columns' names (`法人或其他组织` over five of 三's columns),
   * outermost first: how the table is drawn.
   */
  readonly columnBands?: readonly { readonly label: string; readonly from: number; readonly count: number }[];
  /** A word that marks a header cell however its text varies (the corner note's 勾稽关系). */
  readonly headerKeyword?: string;
  readonly rows: readonly RowSpec[];
  readonly groups: readonly GroupSpec[];
  readonly sums?: SumsSpec;
}

/** Cells of a table that a figure in the prose states (summed when several). */
export interface FigureCells {
  readonly table: string;
  readonly refs: readonly { readonly row: string; readonly column: string }[];
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
  /** A phrase (regular expression) that states the figure is 0 (`未收到…申请`). */
  readonly none?: string;
}

export interface Template {
  /** `2021`: the year the format took effect; a stable id. */
  readonly id: string;
  /** The format as messages name it: `2021 年格式`. */
  readonly label: string;
  /** The document that fixed it: `国办公开办函〔2021〕30号`. */
  readonly basis: string;
  /** A format that replaced this one: a report in this format is told to migrate (its template id). */
  readonly successor?: string;
  readonly sections: readonly SectionSpec[];
  readonly tables: readonly TableSpec[];
  /** What `section-title` says of a heading that uses an alias. */
  readonly aliasNote: string;
  /** The fee the report must state: in which section, in which words, and the cell that shows fee notices. */
  readonly fee?: {
    readonly section: number;
    /** The fee's name (`信息处理费`), which messages use. */
    readonly word: string;
    /**
     * Other ways a sentence states the fee (regular expressions): `处理费`, or `收费`/`费用` beside words of the
     * disclosure (`未发生政府信息公开收费事项`, `本年度没有收取任何费用`). A sentence matching one reports the fee.
     */
    readonly statements?: readonly (readonly string[])[];
    readonly notice?: { readonly table: string; readonly row: string; readonly column: string };
  };
  readonly figures: readonly ProseFigure[];
  /**
   * What one year's report carries into the next: in `table`, this year's `toRow` (二、上年结转) must equal last year's
   * `fromRow` (四、结转下年度继续办理), column by column.
   */
  readonly carryOver?: { readonly table: string; readonly fromRow: string; readonly toRow: string };
}
