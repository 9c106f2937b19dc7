/**
 * Input adapters: the bytes of a file and its name -> the text the checker reads, whether it is Markdown, and where
 * its parts came from. Text files are decoded here; readers of other formats (PDF, Word, web pages) plug in beside
 * them and are loaded only when such a file is read.
 */

import { DOCX_ADAPTER } from './docx';
import { InputError } from './errors';
import { HTML_ADAPTER } from './html';
import { PDF_ADAPTER } from './pdf';
import { decodeText } from './text';

export { InputError };

/** Where a piece of the checked text came from in the original file (a page of a PDF, say). */
export interface SourceMark {
  /** Offset in the checked text where the piece starts. */
  readonly offset: number;
  /** 1-based page of the original, when it has pages. */
  readonly page?: number;
}

export interface InputText {
  readonly text: string;
  /** The text is Markdown: its own `**`, `#` and `---` are no leftovers. */
  readonly markdown: boolean;
  /** Pieces of the text and where they came from, in text order; empty when the text is the file itself. */
  readonly sourceMap: readonly SourceMark[];
  /** The reader that produced the text: `text`, `markdown`, … */
  readonly format: string;
}

export interface InputAdapter {
  /** Lower-case extensions, with the dot, that this adapter reads. */
  readonly extensions: readonly string[];
  read(bytes: Uint8Array, name: string): InputText | Promise<InputText>;
}

export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/u.exec(name);
  return m ? m[0].toLowerCase() : '';
}

const MARKDOWN = ['.md', '.markdown'];

export const TEXT_ADAPTER: InputAdapter = {
  extensions: ['.txt', ...MARKDOWN],
  read(bytes, name) {
    const markdown = MARKDOWN.includes(extensionOf(name));
    return { text: decodeText(bytes), markdown, sourceMap: [], format: markdown ? 'markdown' : 'text' };
  },
};

/** The page of the original at an offset of the text it was read into, when the original has pages. */
export function pageAt(sourceMap: readonly SourceMark[], offset: number): number | undefined {
  let page: number | undefined;
  for (const mark of sourceMap) {
    if (mark.offset > offset) break;
    page = mark.page;
  }
  return page;
}

/** Every adapter, by the extensions it reads. */
export const ADAPTERS: readonly InputAdapter[] = [TEXT_ADAPTER, HTML_ADAPTER, DOCX_ADAPTER, PDF_ADAPTER];

/** The extensions the adapters read (without the dot). */
export const REPORT_EXTENSIONS: readonly string[] = ADAPTERS.flatMap((a) =>
  a.extensions.map((e) => e.replace(/^\./u, '')),
);

/** Whether a folder walk reads a file of this name: one of the extensions an adapter reads. */
export function isReportFileName(name: string): boolean {
  const ext = extensionOf(name);
  return ADAPTERS.some((a) => a.extensions.includes(ext));
}

/** The adapter for a file name; text for anything unknown (a file named on the command line is read as text). */
export function adapterFor(name: string): InputAdapter {
  const ext = extensionOf(name);
  return ADAPTERS.find((a) => a.extensions.includes(ext)) ?? TEXT_ADAPTER;
}

/** Reads a file's bytes as a report's text. */
export function readInput(bytes: Uint8Array, name: string): InputText | Promise<InputText> {
  return adapterFor(name).read(bytes, name);
}
