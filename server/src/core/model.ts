/**
 * The report model the parser builds. Plain, readonly data; every node has its exact span in the text, in UTF-16
 * offsets (what LSP positions count). Offsets become line/character in one place only (`lines.ts`).
 */

import type { Template } from './templates/index';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Layout = 'tab' | 'cells' | 'pipe' | 'html';

export interface Title {
  readonly span: Span;
  readonly text: string;
  /** The unit's name: the text before the year. */
  readonly unit: string | undefined;
  readonly year: number | undefined;
}

export interface Heading {
  /** The whole heading line without leading conversion leftovers. */
  readonly span: Span;
  readonly text: string;
  /** The ordinal with its separator (`5、`), when there is one. */
  readonly ordinal:
    | {
        readonly span: Span;
        readonly text: string;
        readonly value: number | undefined;
        readonly style: 'section' | 'paren' | 'item';
      }
    | undefined;
  /** The title after the ordinal. */
  readonly titleSpan: Span;
  readonly title: string;
  /** How the title was recognised: the official title, an alias (条例 wording), or a near match. */
  readonly match: 'official' | 'alias' | 'near';
  /** Where text after a colon on the heading's line starts: the section's first words. */
  readonly inline: number | undefined;
}

export interface Section {
  /** Template index 0 … 5. */
  readonly index: number;
  readonly heading: Heading;
  /** From the heading's start to the end of the section's last line. */
  readonly span: Span;
  /** The text after the heading line, up to the next section. */
  readonly body: Span;
  readonly subheadings: readonly Subheading[];
  /** The section's prose, tables left out. */
  readonly paragraphs: readonly Paragraph[];
}

/**
 * A run of non-blank prose lines: a line break inside a sentence does not end it (text from a PDF breaks lines
 * anywhere). Its text is the lines joined without their breaks and indentation, conversion leftovers' markers left out.
 */
export interface Paragraph {
  /** From the first to the last character of its lines. */
  readonly span: Span;
  readonly text: string;
  /**
   * Where each piece of `text` stands in the report: text offset `at`, report offset `start`, `length` characters.
   * Absent when the text is the span's own text (one line, nothing left out).
   */
  readonly pieces?: readonly { readonly at: number; readonly start: number; readonly length: number }[];
  /** Template index of the section it belongs to; -1 before the first section. */
  readonly section: number;
}

export interface Subheading {
  readonly span: Span;
  readonly text: string;
  /** Index into the section's `subheadings` in the template. */
  readonly index: number;
}

export type CellKind = 'value' | 'blank' | 'label';

export interface Cell {
  readonly span: Span;
  /** The cell's text, trimmed. */
  readonly text: string;
  readonly kind: CellKind;
  /** The number, for value cells that hold one; undefined for markers like `/` and for invalid text. */
  readonly value: number | undefined;
  /** For value cells: `ok`, `missing` (blank, `/`, `-`, `—`) or `invalid` (not a number the column allows). */
  readonly status: 'ok' | 'missing' | 'invalid';
  /** Line (0-based) the cell is on, as the parser read the lines (see `Row.line`). */
  readonly line: number;
  /**
   * For a label wrapped over the lines around its row's numbers (`pdftotext -layout`): the text is the whole label,
   * the span only the part on the numbers' line. Such a label is read, but no fix rewrites it.
   */
  readonly wrapped?: boolean;
}

export interface LabelMatch {
  /** The label cell that names the row. */
  readonly cell: Cell;
  /** `exact` after normalisation, `alias` (a 2019 or other old label), `near` (similar text), `none` (no row). */
  readonly how: 'exact' | 'alias' | 'near' | 'none';
}

export interface Row {
  /** From the first to the last cell of the row. */
  readonly span: Span;
  /** Every cell of the row, labels included, in text order. */
  readonly cells: readonly Cell[];
  readonly labels: readonly Cell[];
  /** The value cells in column order (blanks inside the row count as missing values). */
  readonly values: readonly Cell[];
  /** Template row this row stands for, when known. */
  readonly rowId: string | undefined;
  /** How the row was tied to the template: by its label, by its place among labelled rows, or not at all. */
  readonly matchedBy: 'label' | 'position' | 'none';
  readonly label: LabelMatch | undefined;
  /** Set when the row's template row was already taken by an earlier row. */
  readonly duplicateOf: Row | undefined;
  /**
   * First line of the row as the parser read it: a report run together on one line is read as several, so this is
   * no line of the text — positions in the text come from spans.
   */
  readonly line: number;
}

/** A label of an older format seen in a table read under a newer one. */
export interface ForeignLabel {
  readonly cell: Cell;
  /** The older format's template id. */
  readonly template: string;
  /** A column header, a row label, or a row label that the newer format made a group of rows. */
  readonly kind: 'column' | 'row' | 'group';
}

export interface Table {
  /** The template table's id. */
  readonly id: string;
  readonly span: Span;
  readonly layout: Layout;
  readonly caption: Cell | undefined;
  readonly headerRows: readonly Row[];
  readonly rows: readonly Row[];
  /** Labels of an older format seen in this table and not read under it: then its numbers are not checked. */
  readonly foreign: readonly ForeignLabel[];
  /**
   * The older format the table was read under, when it is in that format inside a report of a newer one (2019's one
   * （六）其他处理 row in a 2021 report): its rows, columns and sums are that format's.
   */
  readonly template?: string;
  /** Section index the table was found in, or -1 outside any section. */
  readonly section: number;
}

/** A table only an older format had (二（九） of 2019). */
export interface OldTable {
  readonly caption: Cell;
  readonly span: Span;
  /** The older format's template id. */
  readonly template: string;
}

export type ArtifactKind = 'bookmark' | 'bold' | 'rule' | 'stray-heading';

export interface Artifact {
  readonly kind: ArtifactKind;
  readonly span: Span;
  readonly text: string;
  /** Spans to delete to remove the leftover (a bold pair deletes its two markers only). */
  readonly remove: readonly Span[];
}

export interface Report {
  /** The format the report was read under. */
  readonly template: Template;
  readonly text: string;
  readonly title: Title | undefined;
  readonly sections: readonly Section[];
  readonly tables: readonly Table[];
  readonly oldTables: readonly OldTable[];
  readonly artifacts: readonly Artifact[];
  /**
   * Sections whose tables cannot be read row by row: their numbers stand apart from their labels (a PDF's columns
   * dumped one after another), or they are pictures. Their tables are not read; a rule says so once.
   */
  readonly unreadable: readonly {
    readonly section: number;
    readonly span: Span;
    /**
     * `apart`: numbers dumped apart from their labels; `joined`: the table's text run together on one line; `image`:
     * a picture where the tables should be; `dropped`: a converter's placeholder (`[TABLE]`) instead of them.
     */
    readonly reason: 'apart' | 'joined' | 'image' | 'dropped';
  }[];
  /** Every paragraph of prose in text order, the ones before the first section included. */
  readonly paragraphs: readonly Paragraph[];
  /** Offsets at which each line starts; lineStarts.length is the number of lines. */
  readonly lineStarts: readonly number[];
  readonly markdown: boolean;
}
