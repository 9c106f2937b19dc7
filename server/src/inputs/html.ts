/**
 * Saved web pages (.html, .htm): read with htmlparser2 into the text the checker reads best — paragraphs as lines,
 * every table row as one line of tab-separated cells, `colspan`/`rowspan` expanded (a spanned place is a blank cell,
 * as merged cells are in the template; a value spans no column: `grid.ts`), `<br>` inside a cell joined, scripts,
 * styles and navigation dropped. The charset comes from a byte-order mark or the page's `<meta>` (GBK pages exist),
 * else UTF-8, else GB18030.
 */

import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { InputError } from './errors';
import { lastLabel } from './grid';
import type { InputAdapter } from './index';

/** Elements whose content is no part of the report. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'iframe',
  'svg',
  'button',
  'select',
  'head',
]);
/** Elements that end a line. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
  'center',
  'form',
  'body',
  'html',
  'caption',
  'figure',
]);

/** The charset a page names in its first bytes: `<meta charset=gbk>` or `content="text/html; charset=GB2312"`. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** The page's text: by BOM, by its declared charset (GBK and GB2312 read as their superset GB18030), else sniffed. */
function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declared = declaredCharset(bytes);
  if (declared && /^(gbk|gb2312|gb18030|x-gbk)$/u.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** HTML's own white space, which a page collapses; an ideographic space (U+3000) is text and stays. */
const HTML_SPACE = /[ \t\n\r\f]+/gu;

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** Text of a node with white space collapsed; `<br>` joins (a label wrapped inside a cell is one label). */
function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data.replace(HTML_SPACE, ' ');
  if (!isElement(node) || DROPPED.has(node.name)) return '';
  if (node.name === 'br') return '';
  return node.children.map(textOf).join('');
}

/** A table's rows as cells, spans expanded: a spanned place is a blank cell. */
function tableRows(table: Element): string[][] {
  const rows: Element[] = [];
  const collect = (n: AnyNode): void => {
    if (!isElement(n)) return;
    if (n.name === 'tr') rows.push(n);
    else if (n.name !== 'table') for (const c of n.children) collect(c);
  };
  for (const c of table.children) collect(c);
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let col = 0;
    const cells = tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
    const texts = cells.map((c) => textOf(c).trim());
    // Values, and blanks where values go, span no column (grid.ts); labels and headers keep their spans.
    const labelled = lastLabel(texts);
    cells.forEach((cell, i) => {
      while (taken[r]![col]) col++;
      const span = (name: string): number => Math.min(Math.max(Number(cell.attribs[name] ?? 1) || 1, 1), 1000);
      const rowspan = span('rowspan');
      const text = texts[i]!;
      const colspan = i > labelled ? 1 : span('colspan');
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) {
          taken[r + dr]![col + dc] = true;
          grid[r + dr]![col + dc] = dr === 0 && dc === 0 ? text : '';
        }
      }
      col += colspan;
    });
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
}

/** A picture's line: `[图片：table3.png]` (the file's name, without its folder or query), as the parser knows it. */
function pictureLine(src: string): string {
  const name = (src.split(/[?#]/u)[0] ?? '').split('/').pop() ?? '';
  const safe = name.replace(/[\]\n\r\t]/gu, '').slice(0, 80);
  return safe.length > 0 && !safe.startsWith('data:') ? `[图片：${safe}]` : '[图片]';
}

/** The page as lines: blocks a line each, tables a row a line with tab-separated cells, pictures a line each. */
function linesOf(root: AnyNode): string[] {
  const lines: string[] = [];
  let current = '';
  const end = (): void => {
    const t = current.trim();
    if (t.length > 0) lines.push(t);
    current = '';
  };
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      current += n.data.replace(HTML_SPACE, ' ');
      return;
    }
    if (n.type === 'root') {
      for (const c of n.children) walk(c);
      return;
    }
    if (!isElement(n) || DROPPED.has(n.name)) return;
    if (n.name === 'table') {
      end();
      for (const row of tableRows(n)) if (row.some((c) => c.length > 0)) lines.push(row.join('\t'));
      lines.push('');
      return;
    }
    if (n.name === 'br') return end();
    // A picture on a line of its own, named by its file: where a table should be, the checker says it is a picture.
    if (n.name === 'img') {
      end();
      lines.push(pictureLine(n.attribs['src'] ?? ''));
      return;
    }
    const block = BLOCKS.has(n.name);
    if (block) end();
    for (const c of n.children) walk(c);
    if (block) end();
  };
  walk(root);
  end();
  return lines;
}

export const HTML_ADAPTER: InputAdapter = {
  extensions: ['.html', '.htm'],
  read(bytes) {
    if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) throw new InputError('不是文本文件');
    const text = linesOf(parseDocument(decodePage(bytes)))
      .join('\n')
      .replace(/\n{3,}/gu, '\n\n');
    return { text: text + '\n', markdown: false, sourceMap: [], format: 'html' };
  },
};
