/* eslint-disable no-misleading-character-class -- U+200D is matched on its own as white space to drop, not as a
   joiner inside a character class. */
/**
 * Label normalisation: two labels that differ only by white space, full-/half-width forms, bracket shapes or quotes
 * have the same key. Keys are for comparing, never shown to users.
 */

/** Chinese numerals used for section and group ordinals. */
export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/**
 * The one definition of white space, as a character-class body: every Unicode space (`\s` holds U+00A0, U+3000 and
 * U+FEFF) and the zero-width characters Word and web pages leave (U+200B–U+200D, U+2060).
 */
export const SPACE = '\\s\\u200b\\u200c\\u200d\\u2060';
const SPACE_CHAR = new RegExp(`[${SPACE}]`, 'u');
const SPACES = new RegExp(`[${SPACE}]+`, 'gu');
const BLANK = new RegExp(`^[${SPACE}]*$`, 'u');

/** Whether a character is white space. */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE_CHAR.test(ch);
}

/** Whether a text holds nothing but white space. */
export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** A dash or slash where a value goes: a value said to be missing, no label. */
export const NO_VALUE_MARK = /^[/／\\\-－—–―_]+$/u;

/** A cell's text that is a plain number: digits (half- or full-width), perhaps a decimal point and more digits. */
export const PLAIN_NUMBER = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/u;

/** Three numbers or more, each after one space: a row's values on a line of their own (Markdown made from a PDF). */
export const NUMBERS_ONLY = /^[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[ \u3000][0-9０-９]+(?:[.．][0-9０-９]+)?){2,}$/u;

/** The text without any white space. */
export function withoutSpace(text: string): string {
  return text.replace(SPACES, '');
}

/** Where the text starts and ends once white space at either end is left out (`from`/`to` bound the search). */
export function trimBounds(text: string, from = 0, to = text.length): { start: number; end: number } {
  let s = from;
  let e = to;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}
const QUOTES = /[“”„‟"＂‘’‛'＇「」『』]/g;

/**
 * Keys already made: the same labels come back in every table of every report, and making a key (NFKC and five
 * replacements) is most of what comparing labels costs. Emptied when full, so it stays small.
 */
const KEYS = new Map<string, string>();
const KEYS_KEPT = 1024;
/** Longer text is no label worth keeping (a whole line of prose, a hostile line). */
const KEY_LONGEST = 160;

/** The comparison key of a label. */
export function labelKey(text: string): string {
  if (text.length > KEY_LONGEST) return makeLabelKey(text);
  const known = KEYS.get(text);
  if (known !== undefined) return known;
  if (KEYS.size >= KEYS_KEPT) KEYS.clear();
  const key = makeLabelKey(text);
  KEYS.set(text, key);
  return key;
}

/**
 * A Markdown backslash escape (`1\.`, `\_`, `\[`), as converters write them (pandoc, turndown): a backslash before
 * ASCII punctuation. No report's words hold a backslash, so keys leave it out, and an ordinal may have one before its
 * stop, in every text, Markdown or not (text copied out of Markdown keeps them).
 */
const ESCAPES = /\\(?=[!-/:-@[-`{-~])/gu;

function makeLabelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(SPACES, '')
    .replace(ESCAPES, '')
    .replace(/[【〔]/g, '[')
    .replace(/[】〕]/g, ']')
    .replace(QUOTES, '')
    .replace(/[.:;,。、]+$/u, '');
}

/** Key with a trailing 情况/方面 removed, for sub-headings. */
export function subheadingKey(text: string): string {
  return labelKey(text).replace(/(情况|方面|工作)$/u, '');
}

/** The value of a Chinese numeral 一 … 十 (and 十一 … 十九), or of Arabic digits; undefined when not a numeral. */
export function numeralValue(text: string): number | undefined {
  // eslint-disable-next-line no-control-regex -- plain ASCII and common CJK need no NFKC fold
  const t = /^[\x00-\x7f一-龥]*$/u.test(text) ? text : text.normalize('NFKC');
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const idx = CHINESE_NUMERALS.indexOf(t as (typeof CHINESE_NUMERALS)[number]);
  if (idx >= 0) return idx + 1;
  const m = /^十([一二三四五六七八九])$/.exec(t);
  if (m) return 10 + CHINESE_NUMERALS.indexOf(m[1] as (typeof CHINESE_NUMERALS)[number]) + 1;
  return undefined;
}

/** An ordinal prefix found at the start of a label. */
export interface OrdinalPrefix {
  /** `section` is `一、`, `paren` is `（一）`, `item` is `1.`. */
  readonly style: 'section' | 'paren' | 'item';
  readonly value: number | undefined;
  /** Length of the prefix in the original text, trailing white space included. */
  readonly length: number;
}

const W = `[${SPACE}]*`;
const NUMERAL = '([一二三四五六七八九十]{1,2}|[0-9０-９]{1,2})';
const SECTION_PREFIX = new RegExp(`^${W}${NUMERAL}${W}(?:\\\\)?[、，,.．]${W}`, 'u');
const PAREN_PREFIX = new RegExp(`^${W}[(（﹙]${W}${NUMERAL}${W}[)）﹚]${W}`, 'u');
const PART_PREFIX = new RegExp(`^${W}第([一二三四五六七八九十]{1,2})(?:部分|章)${W}[、，,.．:：]?${W}`, 'u');

/** Reads a leading `一、`, `5、`, `1.`, `（一）`, `(1)`, `第一部分` from a label. */
export function ordinalPrefix(text: string): OrdinalPrefix | undefined {
  const part = PART_PREFIX.exec(text);
  if (part) return { style: 'section', value: numeralValue(part[1]!), length: part[0].length };
  const p = PAREN_PREFIX.exec(text);
  if (p) return { style: 'paren', value: numeralValue(p[1]!), length: p[0].length };
  const s = SECTION_PREFIX.exec(text);
  if (s) {
    const digit = /^[0-9０-９]/.test(s[1]!);
    return { style: digit ? 'item' : 'section', value: numeralValue(s[1]!), length: s[0].length };
  }
  return undefined;
}

/** Key of a label without its ordinal prefix: `（三）不予公开` and `不予公开` give the same key. */
export function bareKey(text: string): string {
  const p = ordinalPrefix(text);
  return labelKey(p ? text.slice(p.length) : text);
}

/** Sørensen–Dice similarity of the character bigrams of two keys, 0 … 1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      common++;
      grams.set(g, n - 1);
    }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}
