/**
 * Word documents (.docx): the zip is opened with fflate and its XML read with htmlparser2 (already the web-page
 * reader) into the text the checker reads best — a paragraph a line, with the ordinal Word's list numbering draws
 * before it (`一、`, `（二）`); a table row a line of tab-separated cells from the document's own table structure,
 * `w:gridSpan` and `w:vMerge` expanded into blank cells as merged cells are in the template (a value spans no column:
 * `grid.ts`), a cell's paragraphs joined. Every piece of text remembers the `w:t` it came from, so fixes made to the text can be written back into
 * the same runs of the document (see `fixDocx`), keeping the writer's file and its formatting.
 */

import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { Parser, parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { lastLabel } from './grid';
import { InputError } from './errors';
import type { InputAdapter, InputText } from './index';

/** The parts of the package the text comes from. */
const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
/** Unpacked size beyond which a package is refused (a zip bomb, or no report). */
const MAX_UNPACKED = 256 * 1024 * 1024;

/** A `w:t`'s text in the checked text, and where its content lies in document.xml. */
interface Piece {
  readonly textStart: number;
  readonly textEnd: number;
  readonly xmlStart: number;
  readonly xmlEnd: number;
}

/** A cell of a table row line: its pieces, and where a run goes when it has none (a blank cell). */
export interface DocxCell {
  /** 0-based line of the checked text, and the cell's index among the line's tab-separated cells. */
  readonly line: number;
  readonly index: number;
  readonly pieces: readonly Piece[];
  /** Where a new run is inserted into document.xml (before the first paragraph's end); none for a merged place. */
  readonly insertAt?: number;
  /** The paragraph mark's run properties (`<w:rPr>…</w:rPr>`), for a new run to look like its neighbours. */
  readonly runProperties: string;
  /** A self-closing `<w:p/>` to open up when the run is inserted: its span in document.xml. */
  readonly emptyParagraph?: { readonly start: number; readonly end: number };
}

/** A .docx read: the text, and the map back into document.xml. */
export interface DocxReading {
  readonly input: InputText;
  readonly xml: string;
  readonly cells: readonly DocxCell[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Package

function unpack(bytes: Uint8Array, only?: ReadonlySet<string>): Unzipped {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new InputError('是加密的 Word 文档或旧版 .doc 文件，请在 Word/WPS 中另存为未加密的 .docx');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new InputError('不是有效的 .docx 文件');
  let total = 0;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (only && !only.has(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_UNPACKED) throw new InputError('解压后过大，不像年度报告');
        return true;
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('不是有效的 .docx 文件（压缩包已损坏）');
  }
  if (!files[DOCUMENT]) throw new InputError('不是有效的 .docx 文件（没有 word/document.xml）');
  return files;
}

const utf8 = (b: Uint8Array | undefined): string => (b ? new TextDecoder('utf-8').decode(b) : '');

// ---------------------------------------------------------------------------------------------------------------------
// Numbering: what Word draws before a numbered paragraph

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  readonly suffix: string;
}

interface Numbering {
  /** numId → abstract numbering id, and start overrides by level. */
  readonly nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  /** abstract id → levels by ilvl. */
  readonly abstracts: Map<string, Map<number, Level>>;
  /** styleId → the numbering its paragraphs get (directly or from the style it is based on). */
  readonly styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag';

function children(n: Element, name: string): Element[] {
  return n.children.filter((c): c is Element => isElement(c) && c.name === name);
}

function child(n: Element | undefined, name: string): Element | undefined {
  return n?.children.find((c): c is Element => isElement(c) && c.name === name);
}

function val(n: Element | undefined): string | undefined {
  return n?.attribs['w:val'];
}

function elementsNamed(root: AnyNode, name: string, into: Element[] = []): Element[] {
  if (isElement(root) && root.name === name) into.push(root);
  else if ('children' in root) for (const c of root.children) elementsNamed(c, name, into);
  return into;
}

function readNumbering(numberingXml: string, stylesXml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  const numbering = parseDocument(numberingXml, { xmlMode: true });
  for (const a of elementsNamed(numbering, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of children(a, 'w:lvl')) {
      levels.set(Number(l.attribs['w:ilvl'] ?? 0), {
        start: Number(val(child(l, 'w:start')) ?? 1),
        format: val(child(l, 'w:numFmt')) ?? 'decimal',
        text: val(child(l, 'w:lvlText')) ?? '',
        suffix: val(child(l, 'w:suff')) ?? 'tab',
      });
    }
    abstracts.set(a.attribs['w:abstractNumId'] ?? '', levels);
  }
  for (const n of elementsNamed(numbering, 'w:num')) {
    const starts = new Map<number, number>();
    for (const o of children(n, 'w:lvlOverride')) {
      const s = val(child(o, 'w:startOverride'));
      if (s !== undefined) starts.set(Number(o.attribs['w:ilvl'] ?? 0), Number(s));
    }
    nums.set(n.attribs['w:numId'] ?? '', { abstract: val(child(n, 'w:abstractNumId')) ?? '', starts });
  }
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const s of elementsNamed(parseDocument(stylesXml, { xmlMode: true }), 'w:style')) {
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const ilvl = val(child(numPr, 'w:ilvl'));
    styles.set(s.attribs['w:styleId'] ?? '', {
      numId: val(child(numPr, 'w:numId')),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      basedOn: val(child(s, 'w:basedOn')),
    });
  }
  return { nums, abstracts, styles };
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 1–9999 in Chinese numerals as Word counts (十一, 二十, 一百零五). */
function chinese(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && i === 0 ? '' : CHINESE_DIGITS[d]!) + unit;
  });
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    for (; rest >= v; rest -= v) out += s;
  }
  return out;
}

function letters(n: number): string {
  const c = String.fromCharCode(0x41 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter drawn in a level's number format. */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'ideographTraditional':
      return STEMS[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs in document order and draws each one's ordinal. */
class Counter {
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The paragraph's numbering: its own `w:numPr`, else its style's (and the styles it is based on). */
  resolve(
    numId: string | undefined,
    ilvl: number | undefined,
    style: string | undefined,
  ): [string, number] | undefined {
    let id = numId;
    let level = ilvl;
    for (
      let s = style, depth = 0;
      s !== undefined && depth < 16 && (id === undefined || level === undefined);
      depth++
    ) {
      const st = this.numbering.styles.get(s);
      if (!st) break;
      id ??= st.numId;
      level ??= st.ilvl;
      s = st.basedOn;
    }
    if (id === undefined || id === '0') return undefined;
    return [id, level ?? 0];
  }

  /** The ordinal drawn before the next paragraph of this list and level (`一、`), or '' when there is none. */
  next(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    const levels = num ? this.numbering.abstracts.get(num.abstract) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || level.format === 'bullet') return '';
    const key = num.abstract;
    const counts = this.counts.get(key) ?? [];
    this.counts.set(key, counts);
    const startOf = (l: number): number => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    if (!this.used.has(numId)) {
      // A list instance that overrides its start begins again there.
      this.used.add(numId);
      for (const [l, s] of num.starts) counts[l] = l === ilvl ? s - 1 : undefined;
    }
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let l = ilvl + 1; l < counts.length; l++) counts[l] = undefined;
    const drawn = level.text.replace(/%([1-9])/gu, (_, k: string) => {
      const l = Number(k) - 1;
      return formatCounter(counts[l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
    });
    return drawn.length > 0 && level.suffix !== 'nothing' && !/[、.．）)：:]$/u.test(drawn) ? `${drawn} ` : drawn;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// document.xml

/** Decodes XML character references in a `w:t`'s raw content. */
function decodeXml(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/giu, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()] ?? m;
  });
}

function encodeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Pieces relative to a paragraph or cell, before they are placed in the text. */
interface LocalPiece {
  start: number;
  end: number;
  xmlStart: number;
  xmlEnd: number;
}

interface Paragraph {
  text: string;
  pieces: LocalPiece[];
  numId?: string;
  ilvl?: number;
  style?: string;
  /** The `<w:rPr>` of the paragraph mark. */
  runProperties: string;
  /** The paragraph holds a picture. */
  picture?: boolean;
  /** Before `</w:p>`, where a run is inserted; or the span of a self-closing `<w:p/>`. */
  end: number;
  empty?: { start: number; end: number };
}

interface Cell {
  text: string;
  pieces: LocalPiece[];
  span: number;
  merged: boolean;
  insertAt?: number;
  runProperties: string;
  emptyParagraph?: { start: number; end: number };
  placeholder?: boolean;
}

/** Elements whose text is no part of the page: deleted text, field codes, text-box copies, VML fallbacks. */
const SKIPPED = new Set(['w:del', 'w:instrText', 'w:delText', 'mc:Fallback', 'w:txbxContent', 'w:footnoteReference']);

/** Reads document.xml into lines (paragraphs, table rows) and the cells of table rows with their pieces. */
function readDocument(xml: string, numbering: Numbering): { text: string; cells: DocxCell[] } {
  const counter = new Counter(numbering);
  const lines: { text: string; pieces: LocalPiece[]; cells?: Cell[] }[] = [];
  const open: string[] = [];
  let skip = 0;
  let tableDepth = 0;
  let row: Cell[] | undefined;
  let after = 0;
  let cell: Cell | undefined;
  let para: Paragraph | undefined;
  let inRun = false;
  let inText = false;
  let textStart = 0;
  let rPrStart = -1;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        open.push(name);
        if (skip > 0 || SKIPPED.has(name)) {
          skip++;
          return;
        }
        const parent = open[open.length - 2];
        switch (name) {
          case 'w:tbl':
            tableDepth++;
            break;
          case 'w:tr':
            if (tableDepth === 1) {
              row = [];
              after = 0;
            }
            break;
          case 'w:gridBefore':
            if (tableDepth === 1 && row)
              for (let i = Number(attribs['w:val'] ?? 0); i > 0; i--) row.push(placeholder());
            break;
          case 'w:gridAfter':
            if (tableDepth === 1) after = Math.min(Number(attribs['w:val'] ?? 0) || 0, 64);
            break;
          case 'w:tc':
            if (tableDepth === 1) cell = { text: '', pieces: [], span: 1, merged: false, runProperties: '' };
            break;
          case 'w:gridSpan':
            if (tableDepth === 1 && cell) cell.span = Math.min(Math.max(Number(attribs['w:val'] ?? 1) || 1, 1), 64);
            break;
          case 'w:vMerge':
            if (tableDepth === 1 && cell) cell.merged = (attribs['w:val'] ?? 'continue') === 'continue';
            break;
          case 'w:p':
            para = { text: '', pieces: [], runProperties: '', end: parser.startIndex };
            break;
          case 'w:pStyle':
            if (para && parent === 'w:pPr') para.style = attribs['w:val'];
            break;
          case 'w:numId':
            if (para) para.numId = attribs['w:val'];
            break;
          case 'w:ilvl':
            if (para) para.ilvl = Number(attribs['w:val'] ?? 0);
            break;
          case 'w:rPr':
            if (para && parent === 'w:pPr') rPrStart = parser.startIndex;
            break;
          case 'w:r':
            inRun = true;
            break;
          // A picture (DrawingML, or VML in older documents) in a paragraph of the body: a line of its own.
          case 'w:drawing':
          case 'w:pict':
            if (para && tableDepth === 0) para.picture = true;
            break;
          case 'w:t':
            inText = true;
            textStart = parser.endIndex + 1;
            break;
          case 'w:tab':
            if (inRun && para) para.text += tableDepth > 0 ? ' ' : '\t';
            break;
          case 'w:br':
          case 'w:cr':
            if (inRun && para && tableDepth === 0 && attribs['w:type'] !== 'page' && attribs['w:type'] !== 'column')
              para.text += '\n';
            break;
        }
      },
      onclosetag(name, selfClosing) {
        open.pop();
        if (skip > 0) {
          skip--;
          return;
        }
        switch (name) {
          case 'w:t':
            if (para && inText && !selfClosing) {
              const xmlEnd = parser.startIndex;
              const text = decodeXml(xml.slice(textStart, xmlEnd));
              para.pieces.push({
                start: para.text.length,
                end: para.text.length + text.length,
                xmlStart: textStart,
                xmlEnd,
              });
              para.text += text;
            }
            inText = false;
            break;
          case 'w:r':
            inRun = false;
            break;
          case 'w:rPr':
            if (para && rPrStart >= 0) para.runProperties = xml.slice(rPrStart, parser.endIndex + 1);
            rPrStart = -1;
            break;
          case 'w:p':
            if (para) {
              if (selfClosing) para.empty = { start: parser.startIndex, end: parser.endIndex + 1 };
              else para.end = parser.startIndex;
              endParagraph(para);
            }
            para = undefined;
            break;
          case 'w:tc':
            if (tableDepth === 1 && row && cell) {
              row.push(cell.merged ? { ...placeholder(), span: cell.span } : cell);
              cell = undefined;
            }
            break;
          case 'w:tr':
            if (tableDepth === 1 && row) {
              // A cell's grid span as blank cells — among labels and headers only: a value spans no column (grid.ts).
              const labelled = lastLabel(row.map((c) => c.text));
              const cells: Cell[] = [];
              row.forEach((c, i) => {
                cells.push(c);
                if (i <= labelled) for (let k = 1; k < c.span; k++) cells.push(placeholder());
              });
              for (let i = 0; i < after; i++) cells.push(placeholder());
              if (cells.some((c) => c.text.trim().length > 0)) lines.push(rowLine(cells));
              row = undefined;
            }
            break;
          case 'w:tbl':
            tableDepth = Math.max(0, tableDepth - 1);
            if (tableDepth === 0) lines.push({ text: '', pieces: [] });
            break;
        }
      },
    },
    { xmlMode: true },
  );

  function placeholder(): Cell {
    return { text: '', pieces: [], span: 1, merged: true, runProperties: '', placeholder: true };
  }

  function endParagraph(p: Paragraph): void {
    const numbered = counter.resolve(p.numId, p.ilvl, p.style);
    const prefix = numbered ? counter.next(numbered[0], numbered[1]) : '';
    const shift = (d: number): LocalPiece[] => p.pieces.map((x) => ({ ...x, start: x.start + d, end: x.end + d }));
    if (tableDepth > 0 && cell) {
      // A cell's paragraphs are one text: a label wrapped by hand stays one label.
      if (cell.insertAt === undefined && cell.pieces.length === 0) {
        cell.insertAt = p.end;
        cell.runProperties = p.runProperties;
        cell.emptyParagraph = p.empty;
      }
      const joint = tableDepth > 1 && cell.text.length > 0 ? ' ' : '';
      const at = cell.text.length + joint.length + prefix.length;
      cell.text += joint + prefix + p.text.replace(/\n/gu, '');
      for (const piece of shift(at)) cell.pieces.push(piece);
      return;
    }
    if (p.picture) lines.push({ text: '[图片]', pieces: [] });
    const text = prefix + p.text;
    if (text.trim().length === 0) return;
    // A soft line break inside a paragraph ends a line; pieces keep their offsets within the joined text.
    lines.push({ text, pieces: shift(prefix.length) });
  }

  parser.write(xml);
  parser.end();
  return place(lines);
}

function rowLine(row: Cell[]): { text: string; pieces: LocalPiece[]; cells: Cell[] } {
  // Cells are tab-separated: tabs and line breaks inside a cell would split it.
  for (const c of row) c.text = c.text.replace(/[\t\n\r]/gu, ' ');
  return { text: row.map((c) => c.text).join('\t'), pieces: [], cells: row };
}

/** Lines into one text, pieces and cells placed at their offsets. */
function place(lines: { text: string; pieces: LocalPiece[]; cells?: Cell[] }[]): { text: string; cells: DocxCell[] } {
  const out: string[] = [];
  const cells: DocxCell[] = [];
  let offset = 0;
  let lineNo = 0;
  let blank = true;
  for (const l of lines) {
    if (l.text.length === 0) {
      if (blank) continue;
      blank = true;
    } else blank = false;
    if (l.cells) {
      let at = offset;
      l.cells.forEach((c, index) => {
        cells.push({
          line: lineNo,
          index,
          pieces: c.pieces.map((p) => ({
            textStart: at + p.start,
            textEnd: at + p.end,
            xmlStart: p.xmlStart,
            xmlEnd: p.xmlEnd,
          })),
          insertAt: c.placeholder ? undefined : c.insertAt,
          runProperties: c.runProperties,
          emptyParagraph: c.emptyParagraph,
        });
        at += c.text.length + 1;
      });
    }
    out.push(l.text);
    offset += l.text.length + 1;
    lineNo += l.text.split('\n').length;
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return { text: out.join('\n') + '\n', cells };
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading and writing back

/** Reads a .docx into the checked text and the map back into its document.xml. */
export function readDocx(bytes: Uint8Array): DocxReading {
  const files = unpack(bytes, new Set([DOCUMENT, NUMBERING, STYLES]));
  const xml = utf8(files[DOCUMENT]);
  const numbering = readNumbering(utf8(files[NUMBERING]), utf8(files[STYLES]));
  const { text, cells } = readDocument(xml, numbering);
  return { input: { text, markdown: false, sourceMap: [], format: 'docx' }, xml, cells };
}

export const DOCX_EXTENSION = '.docx';

export const DOCX_ADAPTER: InputAdapter = {
  extensions: [DOCX_EXTENSION],
  read: (bytes) => readDocx(bytes).input,
};

/** What writing fixes back into a .docx did. */
export interface DocxFixResult {
  readonly bytes: Uint8Array;
  /** Cells whose text was changed. */
  readonly changed: number;
  /** Changes that have no cell of the document to go into (said to the user, never written elsewhere). */
  readonly unplaced: readonly string[];
}

/**
 * Writes the changes between the text read from a .docx and a fixed copy of it into the document's own runs: a
 * changed cell's text goes into its first `w:t` and its other `w:t`s are emptied; a blank cell gets a run with the
 * paragraph mark's properties. Only cell contents are written; a change anywhere else is returned as unplaced.
 */
export function fixDocx(bytes: Uint8Array, reading: DocxReading, fixed: string): DocxFixResult {
  const before = reading.input.text.split('\n');
  const after = fixed.split('\n');
  const unplaced: string[] = [];
  if (before.length !== after.length) {
    return { bytes, changed: 0, unplaced: ['修复改变了行数，无法写回 .docx'] };
  }
  const byPlace = new Map<string, DocxCell>();
  for (const c of reading.cells) byPlace.set(`${c.line}:${c.index}`, c);
  const edits: { start: number; end: number; text: string }[] = [];
  let changed = 0;
  before.forEach((line, i) => {
    const next = after[i]!;
    if (line === next) return;
    const a = line.split('\t');
    const b = next.split('\t');
    if (a.length !== b.length || !byPlace.has(`${i}:0`)) {
      unplaced.push(`第 ${i + 1} 行：${next.trim()}`);
      return;
    }
    a.forEach((old, j) => {
      if (old === b[j]) return;
      const c = byPlace.get(`${i}:${j}`);
      const text = b[j]!;
      if (c && c.pieces.length > 0) {
        c.pieces.forEach((p, k) =>
          edits.push({ start: p.xmlStart, end: p.xmlEnd, text: k === 0 ? encodeXml(text) : '' }),
        );
      } else if (c?.emptyParagraph) {
        const tag = reading.xml.slice(c.emptyParagraph.start, c.emptyParagraph.end);
        edits.push({
          start: c.emptyParagraph.start,
          end: c.emptyParagraph.end,
          text: `${tag.replace(/\s*\/>$/u, '>')}${newRun(c.runProperties, text)}</w:p>`,
        });
      } else if (c?.insertAt !== undefined) {
        edits.push({ start: c.insertAt, end: c.insertAt, text: newRun(c.runProperties, text) });
      } else {
        unplaced.push(`第 ${i + 1} 行第 ${j + 1} 格（合并单元格）：${text}`);
        return;
      }
      changed++;
    });
  });
  if (edits.length === 0) return { bytes, changed: 0, unplaced };
  edits.sort((x, y) => y.start - x.start);
  let xml = reading.xml;
  for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
  const files = unpack(bytes);
  files[DOCUMENT] = new TextEncoder().encode(xml);
  return { bytes: zipSync(files), changed, unplaced };
}

function newRun(runProperties: string, text: string): string {
  return `<w:r>${runProperties}<w:t xml:space="preserve">${encodeXml(text)}</w:t></w:r>`;
}
