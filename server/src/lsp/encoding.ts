/**
 * Position encodings. Everything inside the server counts UTF-16 code units, as LSP does by default; a client that
 * asks for UTF-8 first (`general.positionEncodings`, or the older `offsetEncoding` Neovim 0.7 sends) gets its
 * positions in UTF-8 bytes. Positions are converted here, at the edge: what comes in (edits, a hover's position, a
 * range asked about) and what goes out (diagnostics, symbols, hovers, hints, edits).
 */

import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  Position,
  Range,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export type Encoding = 'utf-16' | 'utf-8';

/**
 * The encoding to use: UTF-8 when the client lists it before UTF-16 (it prefers it), else UTF-16, which every client
 * supports. `general.positionEncodings` first; Neovim 0.7's `offsetEncoding` when that is absent.
 */
export function negotiate(capabilities: {
  general?: { positionEncodings?: readonly string[] };
  offsetEncoding?: readonly string[];
}): Encoding {
  const list = capabilities.general?.positionEncodings ?? capabilities.offsetEncoding ?? [];
  const utf8 = list.indexOf('utf-8');
  const utf16 = list.indexOf('utf-16');
  return utf8 >= 0 && (utf16 < 0 || utf8 < utf16) ? 'utf-8' : 'utf-16';
}

/** UTF-8 length of a UTF-16 code unit at `i` of `s` (a surrogate pair: 4 for the pair, counted on its first half). */
function bytesAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 4;
  }
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const prev = s.charCodeAt(i - 1);
    if (prev >= 0xd800 && prev <= 0xdbff) return 0;
  }
  return 3;
}

/**
 * Converts positions of one text between UTF-16 (the server's) and the client's encoding. Only the lines a position
 * is on are read: a keystroke in a long document costs a line, not the document.
 */
export class Positions {
  private readonly cache = new Map<number, string>();

  constructor(
    private readonly lineOf: (line: number) => string,
    readonly encoding: Encoding,
  ) {}

  /** For a text whose lines start at `lineStarts` (a report's). */
  static ofText(text: string, lineStarts: readonly number[], encoding: Encoding): Positions {
    return new Positions((n) => {
      const start = lineStarts[n];
      if (start === undefined) return '';
      const next = lineStarts[n + 1];
      return text.slice(start, next ?? text.length).replace(/\r?\n$|\r$/u, '');
    }, encoding);
  }

  /** For an open document. */
  static ofDocument(doc: TextDocument, encoding: Encoding): Positions {
    return new Positions(
      (n) =>
        doc
          .getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } })
          .replace(/\r?\n$|\r$/u, ''),
      encoding,
    );
  }

  private line(n: number): string {
    let hit = this.cache.get(n);
    if (hit === undefined) {
      hit = this.lineOf(n);
      this.cache.set(n, hit);
    }
    return hit;
  }

  /** A server position as the client counts it. */
  out(p: Position): Position {
    if (this.encoding === 'utf-16') return p;
    const line = this.line(p.line);
    const end = Math.min(p.character, line.length);
    let bytes = 0;
    for (let i = 0; i < end; i++) bytes += bytesAt(line, i);
    return { line: p.line, character: bytes + Math.max(0, p.character - line.length) };
  }

  /** A client position as the server counts it; a byte inside a character counts as that character. */
  in(p: Position): Position {
    if (this.encoding === 'utf-16') return p;
    const line = this.line(p.line);
    let bytes = 0;
    let i = 0;
    while (i < line.length && bytes < p.character) {
      bytes += bytesAt(line, i);
      i++;
    }
    // A surrogate pair's second half costs no byte: the position moves past it with its first half.
    if (i < line.length && i > 0 && bytesAt(line, i) === 0) i++;
    return { line: p.line, character: i + Math.max(0, p.character - bytes) };
  }

  outRange(r: Range): Range {
    return this.encoding === 'utf-16' ? r : { start: this.out(r.start), end: this.out(r.end) };
  }

  inRange(r: Range): Range {
    return this.encoding === 'utf-16' ? r : { start: this.in(r.start), end: this.in(r.end) };
  }

  diagnostics(ds: Diagnostic[], uri: string): Diagnostic[] {
    if (this.encoding === 'utf-16') return ds;
    return ds.map((d) => ({
      ...d,
      range: this.outRange(d.range),
      ...(d.relatedInformation
        ? {
            relatedInformation: d.relatedInformation.map((r) =>
              r.location.uri === uri
                ? { ...r, location: { ...r.location, range: this.outRange(r.location.range) } }
                : r,
            ),
          }
        : {}),
    }));
  }

  symbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
    if (this.encoding === 'utf-16') return symbols;
    return symbols.map((s) => ({
      ...s,
      range: this.outRange(s.range),
      selectionRange: this.outRange(s.selectionRange),
      ...(s.children ? { children: this.symbols(s.children) } : {}),
    }));
  }

  hover(h: Hover): Hover {
    return this.encoding === 'utf-16' || !h.range ? h : { ...h, range: this.outRange(h.range) };
  }

  inlayHints(hints: InlayHint[]): InlayHint[] {
    return this.encoding === 'utf-16' ? hints : hints.map((h) => ({ ...h, position: this.out(h.position) }));
  }

  edits(edits: TextEdit[]): TextEdit[] {
    return this.encoding === 'utf-16' ? edits : edits.map((e) => ({ ...e, range: this.outRange(e.range) }));
  }

  /** The edits of actions on this document (their `diagnostics` are the client's own, left as they came). */
  codeActions(actions: CodeAction[], uri: string): CodeAction[] {
    if (this.encoding === 'utf-16') return actions;
    return actions.map((a) => {
      const changes = a.edit?.changes;
      if (!changes?.[uri]) return a;
      return { ...a, edit: { ...a.edit, changes: { ...changes, [uri]: this.edits(changes[uri]) } } };
    });
  }
}

/**
 * Applies a client's content changes to a document, each range converted from the client's encoding against the
 * text it applies to (a change's range counts in the text the earlier changes left).
 */
export function updateDocument(
  doc: TextDocument,
  changes: TextDocumentContentChangeEvent[],
  version: number,
  encoding: () => Encoding,
): TextDocument {
  if (encoding() === 'utf-16') return TextDocument.update(doc, changes, version);
  let current = doc;
  for (const c of changes) {
    const converted = 'range' in c ? { ...c, range: Positions.ofDocument(current, 'utf-8').inRange(c.range) } : c;
    current = TextDocument.update(current, [converted], version);
  }
  return current;
}
