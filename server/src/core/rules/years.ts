/**
 * `year-mismatch`: the title's year, the statistics period (`自2023年1月1日起至2023年12月31日止`) and
 * `截至2023年12月31日` must name the same year. The title's year is the reference, unless every date agrees on
 * another year; without a title year, the first date is.
 */

import type { Span } from '../model';
import { spanIn } from '../parse/paragraphs';
import type { CheckContext, Draft, Rule } from './types';

const D = '[0-9０-９]';
const S = '\\s*';
// Each pattern starts at the year's digits: no leading optional part to rescan from every position.
const PERIOD = new RegExp(
  `(${D}{4})${S}年${S}[0０]?[1１]${S}月${S}[0０]?[1１]${S}日${S}(?:起)?${S}(?:至|到|—|-|－|~|～)${S}(${D}{4})${S}年${S}[1１][2２]${S}月${S}[3３][1１]${S}日`,
  'gud',
);
const AS_OF = new RegExp(`截[至止]${S}(${D}{4})${S}年${S}[1１][2２]${S}月${S}[3３][1１]${S}日`, 'gud');

interface Mention {
  readonly year: number;
  readonly span: Span;
  readonly what: string;
}

function yearOf(digits: string): number {
  return Number(digits.normalize('NFKC'));
}

/** The years the paragraphs state, with their spans. */
function mentions({ report }: CheckContext): Mention[] {
  const out: Mention[] = [];
  for (const p of report.paragraphs) {
    if (!p.text.includes('日')) continue;
    const add = (m: RegExpMatchArray, group: number, what: string): void => {
      const [start, end] = m.indices![group]!;
      out.push({ year: yearOf(m[group]!), span: spanIn(p, start, end - start), what });
    };
    for (const m of p.text.matchAll(PERIOD)) {
      add(m, 1, '统计期限的起始年份');
      add(m, 2, '统计期限的截止年份');
    }
    for (const m of p.text.matchAll(AS_OF)) add(m, 1, '“截至…12月31日”的年份');
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function check(ctx: CheckContext): Draft[] {
  const { report } = ctx;
  const found = mentions(ctx);
  const title = report.title?.year;
  if (title === undefined) {
    const first = found[0]?.year;
    return found
      .filter((m) => m.year !== first)
      .map((m) => ({ message: `${m.what} ${m.year} 与第一处日期的 ${first} 年不一致`, span: m.span }));
  }
  const others = new Set(found.map((m) => m.year));
  const [only] = [...others];
  if (found.length >= 2 && others.size === 1 && only !== title) {
    // Every date agrees with every other: the title is the one left from another year.
    const t = report.title!;
    const at = report.text.indexOf(String(title), t.span.start);
    const span = at >= 0 && at < t.span.end ? { start: at, end: at + 4 } : t.span;
    return [{ message: `标题中的年份 ${title} 与统计期限和截至日期的 ${only} 年不一致`, span }];
  }
  return found
    .filter((m) => m.year !== title)
    .map((m) => ({ message: `${m.what} ${m.year} 与标题中的 ${title} 年不一致`, span: m.span }));
}

export const yearRules: readonly Rule[] = [
  {
    code: 'year-mismatch',
    severity: 'warning',
    summary: '标题年份、统计期限和“截至…12月31日”的年份不一致',
    check,
  },
];
