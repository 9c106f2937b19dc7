/** Section rules: missing, order, numbering, title, duplicate, empty — one walk over the report's sections. */

import { holds, insertLines } from '../edits';
import { isSpace, withoutSpace } from '../normalize';
import type { Report, Section } from '../model';
import { offsetIn } from '../parse/paragraphs';
import { officialHeading, sectionRange, type Template } from '../templates/index';
import { cover } from '../util';
import type { CheckContext, Draft, Rule } from './types';
import { Drafts, family, guard, lineAt, lineSpan, replaceFix } from './util';

function where(report: Report, s: Section): string {
  return `第 ${lineAt(report, s.heading.span.start) + 1} 行`;
}

function walk({ report, template }: CheckContext): ReadonlyMap<string, Draft[]> {
  const out = new Drafts();
  const first = new Map<number, Section>();
  for (const s of report.sections) {
    const spec = template.sections[s.index]!;
    const official = officialHeading(spec);
    const earlier = first.get(s.index);
    if (earlier) {
      out.add('section-duplicate', {
        message: `章节“${official}”重复出现，${where(report, earlier)}已有`,
        span: s.heading.span,
        related: [{ span: earlier.heading.span, message: `“${official}”第一次出现在这里` }],
      });
      continue;
    }
    first.set(s.index, s);

    const later = [...first.values()].find((o) => o.index > s.index);
    if (later) {
      out.add('section-order', {
        message: `章节“${official}”出现在“${officialHeading(template.sections[later.index]!)}”之后，模板顺序为${sectionRange(template)}`,
        span: s.heading.span,
        related: [{ span: later.heading.span, message: '模板中这一章节在后' }],
      });
    }

    const ordinal = s.heading.ordinal;
    const expected = `${spec.numeral}、`;
    if (!ordinal) {
      out.add('section-numbering', {
        message: `章节标题缺少序号，应为“${expected}${s.heading.title}”`,
        span: s.heading.span,
        data: {
          fix: 'renumber',
          section: s.index,
          target: guard(report, { start: s.heading.span.start, end: s.heading.span.start }),
        },
      });
    } else if (withoutSpace(ordinal.text) !== expected) {
      // White space inside an ordinal (`一 、`, text taken out of a PDF with letter spacing) is no other ordinal.
      out.add('section-numbering', {
        message: `章节序号应为“${expected}”，实为“${ordinal.text}”`,
        span: ordinal.span,
        data: { fix: 'renumber', section: s.index, target: guard(report, ordinal.span) },
      });
    }

    if (s.heading.match !== 'official') {
      const why = s.heading.match === 'alias' ? template.aliasNote : '与模板不一致';
      out.add('section-title', {
        message: `标题“${s.heading.text}”${why}，模板标题为“${official}”`,
        span: s.heading.span,
        data: { fix: 'retitle', section: s.index, target: guard(report, s.heading.span) },
      });
    }

    if (spec.kind === 'prose' && isEmpty(s, spec.noneIsEmpty === true)) {
      const what = spec.noneIsEmpty ? `应写明${spec.title}，不能为空或只写“无”` : '没有内容';
      out.add('section-empty', { message: `章节“${official}”${what}`, span: s.heading.span });
    }
  }

  for (const spec of template.sections) {
    if (first.has(spec.index)) continue;
    out.add('section-missing', missingSection(report, template, spec.index, [...first.values()]));
  }
  return out.byCode;
}

/** A prose section says nothing: no paragraph with words (rule and heading marks are no words). */
function isEmpty(s: Section, noneIsEmpty: boolean): boolean {
  const marks = /[\s*#\-=_]+/gu;
  const words = s.paragraphs.map((p) => p.text.replace(marks, '')).join('');
  return words.length === 0 || (noneIsEmpty && /^无[。.]?$/u.test(words));
}

/**
 * Where a missing heading goes: before the section's own tables when they are there (read into the section before),
 * after the previous section's last table when text follows it (the lost section's prose), else before the next
 * section's heading, else at the end.
 */
function missingSection(report: Report, template: Template, index: number, present: readonly Section[]) {
  const heading = officialHeading(template.sections[index]!);
  const next = present.filter((s) => s.index > index).sort((a, b) => a.span.start - b.span.start)[0];
  const prev = present.filter((s) => s.index < index).sort((a, b) => b.span.start - a.span.start)[0];
  const inRange = (offset: number): boolean =>
    (!prev || offset > prev.heading.span.end) && (!next || offset < next.heading.span.start);
  const own = report.tables.filter(
    (t) => template.tables.find((x) => x.id === t.id)?.section === index && inRange(t.span.start),
  );
  const message = next ? `缺少章节“${heading}”，应在“${next.heading.text}”之前` : `缺少章节“${heading}”`;
  if (own.length > 0) {
    const first = own.sort((a, b) => a.span.start - b.span.start)[0]!;
    const line = lineSpan(report, first.span.start);
    return {
      message: `缺少章节“${heading}”，应在这张表格之前`,
      span: line,
      data: { fix: 'insert-section' as const, section: index, at: guard(report, line), after: false },
    };
  }
  // The last table row inside the previous section, whichever table it was read into.
  const rowsInPrev = prev
    ? report.tables
        .flatMap((t) => [...t.headerRows, ...t.rows])
        .filter((r) => r.span.start > prev.span.start && r.span.end <= prev.span.end)
    : [];
  if (prev && rowsInPrev.length > 0 && template.sections[prev.index]!.kind === 'tables') {
    const lastTableEnd = cover(rowsInPrev.map((r) => r.span))!.end;
    // Prose after the section's last table, on a later line, is the lost section's.
    const after = prev.paragraphs.find((p) => p.span.start > lastTableEnd);
    if (after && lineAt(report, offsetIn(after, 0)) > lineAt(report, lastTableEnd)) {
      const line = lineSpan(report, lastTableEnd);
      return {
        message: `${message}；这张表格之后的文字应属于这一章节`,
        span: line,
        data: { fix: 'insert-section' as const, section: index, at: guard(report, line), after: true },
      };
    }
  }
  if (next) {
    const line = lineSpan(report, next.heading.span.start);
    return {
      message,
      span: next.heading.span,
      data: { fix: 'insert-section' as const, section: index, at: guard(report, line), after: false },
    };
  }
  // Nothing after it: the heading goes at the end of the text.
  const end = report.text.length;
  const anchor = lineSpan(report, lastNonBlank(report));
  return {
    message: `缺少章节“${heading}”`,
    span: anchor,
    data: {
      fix: 'insert-section' as const,
      section: index,
      at: guard(report, { start: anchor.start, end }),
      after: true,
    },
  };
}

function lastNonBlank(report: Report): number {
  const t = report.text;
  let i = t.length - 1;
  while (i >= 0 && isSpace(t[i])) i--;
  return Math.max(i, 0);
}

const check = family(walk);

export const sectionRules: readonly Rule[] = [
  {
    code: 'section-missing',
    severity: 'error',
    summary: '缺少模板规定的章节（一至六）',
    check: check('section-missing'),
    fix: (d, { text, template }) => {
      const spec = d.fix === 'insert-section' ? template.sections[d.section] : undefined;
      if (d.fix !== 'insert-section' || !spec || !holds(text, d.at)) return undefined;
      const heading = officialHeading(spec);
      return {
        title: `插入章节标题“${heading}”`,
        edits: [insertLines(text, d.at, d.after, heading, true)],
        preferred: true,
      };
    },
  },
  { code: 'section-order', severity: 'error', summary: '章节顺序与模板不符', check: check('section-order') },
  {
    code: 'section-numbering',
    severity: 'error',
    summary: '章节序号错误或缺失（如“5、”应为“五、”）',
    check: check('section-numbering'),
    fix: (d, { text, template }) => {
      const spec = d.fix === 'renumber' ? template.sections[d.section] : undefined;
      if (d.fix !== 'renumber' || !spec) return undefined;
      const ordinal = `${spec.numeral}、`;
      return replaceFix(text, d.target, ordinal, `将序号改为“${ordinal}”`);
    },
  },
  {
    code: 'section-title',
    severity: 'hint',
    summary: '章节标题使用条例用语或其他非模板标题',
    check: check('section-title'),
    fix: (d, { text, template }) => {
      const spec = d.fix === 'retitle' ? template.sections[d.section] : undefined;
      if (d.fix !== 'retitle' || !spec) return undefined;
      const heading = officialHeading(spec);
      return replaceFix(text, d.target, heading, `改为模板标题“${heading}”`);
    },
  },
  { code: 'section-duplicate', severity: 'error', summary: '同一章节出现两次', check: check('section-duplicate') },
  {
    code: 'section-empty',
    severity: 'error',
    summary: '章节没有内容（第五部分只写“无”也算）',
    check: check('section-empty'),
  },
];
