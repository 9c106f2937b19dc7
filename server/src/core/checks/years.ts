/**
 * `year-mismatch`: the title's year, the statistics period (`自2023年1月1日起至2023年12月31日止`) and
 * `截至2023年12月31日` must name the same year. The title's year is the reference, unless every date agrees on
 * another year; without a title year, the first date is.
 */

import { finding, type Finding } from '../codes';
import type { Report, Span } from '../model';

const D = '[0-9０-９]';
const S = '[\\s\\u3000]*';
const PERIOD = new RegExp(
  `自?${S}(${D}{4})${S}年${S}[0０]?[1１]${S}月${S}[0０]?[1１]${S}日${S}(?:起)?${S}(?:至|到|—|-|－|~|～)${S}(${D}{4})${S}年${S}[1１][2２]${S}月${S}[3３][1１]${S}日`,
  'gu',
);
const AS_OF = new RegExp(`截[至止]${S}(${D}{4})${S}年${S}[1１][2２]${S}月${S}[3３][1１]${S}日`, 'gu');

interface Mention {
  readonly year: number;
  readonly span: Span;
  readonly what: string;
}

function yearOf(digits: string): number {
  return Number(digits.normalize('NFKC'));
}

/** The spans of the years in a match: each captured group's place in the text. */
function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PERIOD)) {
    let from = m.index;
    for (const [i, what] of [
      [1, '统计期限的起始年份'],
      [2, '统计期限的截止年份'],
    ] as const) {
      const digits = m[i]!;
      const at = text.indexOf(digits, from);
      out.push({ year: yearOf(digits), span: { start: at, end: at + digits.length }, what });
      from = at + digits.length;
    }
  }
  for (const m of text.matchAll(AS_OF)) {
    const digits = m[1]!;
    const at = text.indexOf(digits, m.index);
    out.push({ year: yearOf(digits), span: { start: at, end: at + digits.length }, what: '“截至…12月31日”的年份' });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

export function checkYears(report: Report): Finding[] {
  const found = mentions(report.text);
  const title = report.title?.year;
  if (title === undefined) {
    const first = found[0]?.year;
    return found
      .filter((m) => m.year !== first)
      .map((m) => finding('year-mismatch', `${m.what} ${m.year} 与第一处日期的 ${first} 年不一致`, m.span));
  }
  const others = new Set(found.map((m) => m.year));
  const [only] = [...others];
  if (found.length >= 2 && others.size === 1 && only !== title) {
    // Every date agrees with every other: the title is the one left from another year.
    const t = report.title!;
    const at = report.text.indexOf(String(title), t.span.start);
    const span = at >= 0 && at < t.span.end ? { start: at, end: at + 4 } : t.span;
    return [finding('year-mismatch', `标题中的年份 ${title} 与统计期限和截至日期的 ${only} 年不一致`, span)];
  }
  return found
    .filter((m) => m.year !== title)
    .map((m) => finding('year-mismatch', `${m.what} ${m.year} 与标题中的 ${title} 年不一致`, m.span));
}
