/**
 * Markdown's inline markup that holds no words, as converters leave it around every run of text (pandoc from a web
 * page or a Word document): HTML formatting tags (`<span lang="zh-CN">一、总体情况</span>`, a tag broken over two
 * lines), pandoc's bracketed spans (`[一、总体情况]{lang="zh-CN"}`) and its hard breaks (a backslash ending a line or a
 * grid table's cell). The markup is blanked — each of its characters a zero-width space, which every reader takes
 * for white space, line breaks kept — so headings, labels and prose read their words alone, at their own offsets.
 * Tags of tables and paragraphs stay: the HTML rows are read from them.
 */

const BLANK = '\u200b';

/** A formatting tag; an attribute list longer than this is no tag worth reading. */
const INLINE_TAG =
  /<\/?(?:span|font|b|strong|em|i|u|a|sup|sub|small|big|s|strike|ins|del|mark|o:p)(?:\s[^<>]{0,500})?>/giu;

/** A bracketed span's attributes after its `]`: `{lang="zh-CN"}`. */
const ATTRIBUTES = /^\{[^{}\r\n]{0,200}\}/u;

/** Brackets open at once that are followed; deeper ones are left as they are (no report nests them). */
const DEPTH = 64;

/** A backslash that ends a cell or a line: pandoc's hard line break, in a grid table's empty cell (`| \   |`). */
const HARD_BREAK = /\\(?=[ \t]*(?:\||\r?$))/gmu;

function blanked(s: string): string {
  return s.replace(/[^\r\n]/gu, BLANK);
}

export function blankInlineMarkup(text: string): string {
  const tags = text.includes('<');
  const spans = text.includes(']{');
  const breaks = text.includes('\\');
  if (!tags && !spans && !breaks) return text;
  let out = tags ? text.replace(INLINE_TAG, blanked) : text;
  if (breaks) out = out.replace(HARD_BREAK, BLANK);
  if (!spans) return out;
  // Each `]` closes the nearest `[` still open (the cells of a grid table open theirs on one line and close them on
  // the next); a `]` with attributes after it closes a span, and both its brackets and the attributes are blanked.
  const chars = out.split('');
  const open: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const c = out.charCodeAt(i);
    if (c === 0x5b /* [ */) {
      if (out[i - 1] !== '\\' && open.length < DEPTH) open.push(i);
    } else if (c === 0x5d /* ] */ && out[i - 1] !== '\\') {
      const from = open.pop();
      const attributes = out[i + 1] === '{' ? ATTRIBUTES.exec(out.slice(i + 1, i + 205)) : null;
      if (from === undefined || !attributes) continue;
      chars[from] = BLANK;
      for (let k = i; k <= i + attributes[0].length; k++) chars[k] = BLANK;
      i += attributes[0].length;
    }
  }
  return chars.join('');
}
