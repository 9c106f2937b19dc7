/**
 * Section headings: a line is a section heading when its title is a section's title (official, 条例 wording, or a
 * near variant with the right ordinal). The ordinal alone proves nothing: `一、加强组织领导` in 五 is a list item,
 * and the 三 table's `一、本年新收…` rows are table rows.
 */

import { BOOKMARK_PATTERN } from './artifacts';
import { pictureOf } from './pictures';
import type { Heading, Span, Subheading, Title } from '../model';
import type { Line } from '../lines';
import { isSpace, labelKey, trimBounds, ordinalPrefix, similarity, subheadingKey, withoutSpace } from '../normalize';
import { perTemplate, type SectionSpec, type Template } from '../templates/index';
import { lookupLabel } from './labels';

const LEADING_BOOKMARK = new RegExp(`^${BOOKMARK_PATTERN}`, 'iu');

/** The part of a line that holds its text, without leading/trailing white space, bookmarks, `#`s and `**`. */
export function coreOfLine(line: Line): { start: number; end: number; text: string } {
  const t = line.text;
  let s = 0;
  let e = t.length;
  for (;;) {
    const before = s;
    while (s < e && isSpace(t[s])) s++;
    const m = LEADING_BOOKMARK.exec(t.slice(s, e));
    if (m) s += m[0].length;
    while (s < e && (t[s] === '#' || t[s] === '*')) s++;
    if (s === before) break;
  }
  for (;;) {
    const before = e;
    while (e > s && isSpace(t[e - 1])) e--;
    while (e > s && t[e - 1] === '*') e--;
    if (e === before) break;
  }
  return { start: line.start + s, end: line.start + e, text: t.slice(s, e) };
}

export interface HeadingCandidate {
  readonly section: number;
  readonly heading: Heading;
  readonly line: Line;
}

const MAX_HEADING_LENGTH = 60;
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/gu;
const NEAR_THRESHOLD = 0.75;

const sectionKeys = perTemplate((template) =>
  template.sections.map((s) => ({ official: labelKey(s.title), aliases: s.aliases.map(labelKey) })),
);

/** Reads a line as a section heading; undefined when it is not one. `after` is the index of the last section seen. */
export function readHeading(template: Template, line: Line, after: number): HeadingCandidate | undefined {
  const sections = template.sections;
  const keys = sectionKeys(template);
  // Room for indentation and a bookmark before the heading; longer lines are prose, unless text follows a colon.
  if (line.text.length > MAX_HEADING_LENGTH + 60 && !/^.{1,100}[：:]/u.test(line.text)) return undefined;
  const whole = coreOfLine(line);
  // `六、其他需要报告的事项：本年度未收取信息处理费。` — the heading, then the section's first words.
  const colon = whole.text.search(/[：:]/u);
  const inline = colon > 0 && /\S/u.test(whole.text.slice(colon + 1)) ? whole.start + colon + 1 : undefined;
  const core =
    inline === undefined ? whole : { start: whole.start, end: whole.start + colon, text: whole.text.slice(0, colon) };
  if (core.text.length === 0 || core.text.length > MAX_HEADING_LENGTH || core.text.includes('\t')) return undefined;
  const prefix = ordinalPrefix(core.text);
  if (prefix?.style === 'paren') return undefined;
  const titleText = core.text.slice(prefix?.length ?? 0).replace(/[:：。.]+$/u, '');
  if (titleText.length === 0) return undefined;
  const key = labelKey(titleText);

  let section = -1;
  let match: Heading['match'] = 'official';
  for (let i = 0; i < sections.length && section < 0; i++) {
    if (key === keys[i]!.official) section = i;
    else if (keys[i]!.aliases.includes(key)) {
      section = i;
      match = 'alias';
    }
  }
  if (section < 0) {
    // A near title needs the right ordinal and must come after the sections seen so far.
    const value = prefix?.value;
    if (value === undefined || value < 1 || value > sections.length || value - 1 <= after) return undefined;
    const spec = sections[value - 1]!;
    const near =
      similarity(key, keys[value - 1]!.official) >= NEAR_THRESHOLD || spec.keywords.every((k) => key.includes(k));
    if (!near || key.length > 30) return undefined;
    section = value - 1;
    match = 'near';
  }
  // Arabic digits are an ordinal only when they carry the section's own number (`5、存在的…`).
  if (prefix?.style === 'item' && prefix.value !== section + 1) return undefined;

  // As quoted to the writer: without the zero-width spaces that stand for markup (`5</span><span>、`).
  const ordinalText = prefix ? core.text.slice(0, prefix.length).trimEnd().replace(ZERO_WIDTH, '') : '';
  const titleStart = core.start + (prefix?.length ?? 0);
  const heading: Heading = {
    span: { start: core.start, end: core.end },
    text: core.text,
    ordinal: prefix
      ? {
          span: { start: core.start, end: core.start + prefix.length },
          text: ordinalText,
          value: prefix.value,
          style: prefix.style,
        }
      : undefined,
    titleSpan: { start: titleStart, end: core.end },
    title: core.text.slice(prefix?.length ?? 0),
    match,
    inline,
  };
  return { section, heading, line };
}

/**
 * A heading known by its place: where a section is missing between its neighbours, a short line at the left margin
 * that opens with the section's own ordinal (`一、工作概述`) is that section under another title. Table labels and
 * indented lines are not.
 */
export function readHeadingByPlace(template: Template, line: Line, section: number): HeadingCandidate | undefined {
  const spec = template.sections[section];
  if (!spec || !new RegExp(`^\\ufeff?(?:${BOOKMARK_PATTERN})?(?:#+\\s*)?${spec.numeral}、`, 'u').test(line.text))
    return undefined;
  const core = coreOfLine(line);
  if (core.text.length > 30 || core.text.includes('\t') || lookupLabel(template, core.text).length > 0)
    return undefined;
  const prefix = ordinalPrefix(core.text);
  if (!prefix || prefix.value !== section + 1) return undefined;
  return {
    section,
    line,
    heading: {
      span: { start: core.start, end: core.end },
      text: core.text,
      ordinal: {
        span: { start: core.start, end: core.start + prefix.length },
        text: core.text.slice(0, prefix.length).trimEnd(),
        value: prefix.value,
        style: prefix.style,
      },
      titleSpan: { start: core.start + prefix.length, end: core.end },
      title: core.text.slice(prefix.length),
      match: 'near',
      inline: undefined,
    },
  };
}

/** The report's title: the first non-empty line before the first section that names the report. */
export function readTitle(lines: readonly Line[], firstSectionLine: number): Title | undefined {
  const limit = Math.min(firstSectionLine < 0 ? lines.length : firstSectionLine, 40);
  for (let i = 0; i < limit; i++) {
    const core = coreOfLine(lines[i]!);
    // A picture above the title (a site's logo) is no title.
    if (core.text.length === 0 || pictureOf(core.text)) continue;
    const compact = withoutSpace(core.text);
    if (!/年度?报告/u.test(compact) && !compact.includes('政府信息公开')) return undefined;
    const ym = /(\d{4})\s*年/u.exec(core.text.normalize('NFKC'));
    const year = ym ? Number(ym[1]) : undefined;
    const unit = ym ? core.text.normalize('NFKC').slice(0, ym.index).trim() || undefined : undefined;
    const span: Span = { start: core.start, end: core.end };
    return { span, text: core.text, unit, year };
  }
  return undefined;
}

/** Sub-headings of a section among the given lines, by the template's list. */
export function readSubheadings(spec: SectionSpec, lines: readonly Line[]): Subheading[] {
  const subKeys = (spec.subheadings ?? []).map((s) => subheadingKey(s.replace(/^（.）/u, '')));
  const found: Subheading[] = [];
  if (subKeys.length === 0) return found;
  for (const line of lines) {
    if (line.text.length > 60 || !/[(（﹙]/u.test(line.text[trimBounds(line.text).start] ?? '')) continue;
    const core = coreOfLine(line);
    if (core.text.length === 0 || core.text.length > 30) continue;
    const prefix = ordinalPrefix(core.text);
    if (prefix?.style !== 'paren') continue;
    const key = subheadingKey(core.text.slice(prefix.length));
    const index = subKeys.indexOf(key);
    if (index >= 0) found.push({ span: { start: core.start, end: core.end }, text: core.text, index });
  }
  return found;
}
