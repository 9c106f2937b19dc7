/** Section checks: missing, order, numbering, title, duplicate, empty. */

import { finding, type Finding, type Guarded } from '../codes';
import type { Report, Section, Span } from '../model';
import { SECTIONS, TABLES, officialHeading } from '../template';
import { cover } from '../util';
import { lineAt, lineSpan } from './text';

/** The text at a span, as a fix guard; an empty span is guarded by its line. */
export function guard(report: Report, span: Span): Guarded {
  const g = { span, expect: report.text.slice(span.start, span.end) };
  if (span.end > span.start) return g;
  const line = lineSpan(report, span.start);
  return { ...g, context: { span: line, expect: report.text.slice(line.start, line.end) } };
}

function where(report: Report, s: Section): string {
  return `第 ${lineAt(report, s.heading.span.start) + 1} 行`;
}

export function checkSections(report: Report): Finding[] {
  const out: Finding[] = [];
  const first = new Map<number, Section>();
  for (const s of report.sections) {
    const spec = SECTIONS[s.index]!;
    const official = officialHeading(spec);
    const earlier = first.get(s.index);
    if (earlier) {
      out.push(
        finding('section-duplicate', `章节“${official}”重复出现，${where(report, earlier)}已有`, s.heading.span, {
          related: [{ span: earlier.heading.span, message: `“${official}”第一次出现在这里` }],
        }),
      );
      continue;
    }
    first.set(s.index, s);

    const later = [...first.values()].find((o) => o.index > s.index);
    if (later) {
      out.push(
        finding(
          'section-order',
          `章节“${official}”出现在“${officialHeading(SECTIONS[later.index]!)}”之后，模板顺序为一至六`,
          s.heading.span,
          { related: [{ span: later.heading.span, message: '模板中这一章节在后' }] },
        ),
      );
    }

    const ordinal = s.heading.ordinal;
    const expected = `${spec.numeral}、`;
    if (!ordinal) {
      out.push(
        finding('section-numbering', `章节标题缺少序号，应为“${expected}${s.heading.title}”`, s.heading.span, {
          data: {
            fix: 'renumber',
            section: s.index,
            target: guard(report, { start: s.heading.span.start, end: s.heading.span.start }),
          },
        }),
      );
    } else if (ordinal.text !== expected) {
      out.push(
        finding('section-numbering', `章节序号应为“${expected}”，实为“${ordinal.text}”`, ordinal.span, {
          data: { fix: 'renumber', section: s.index, target: guard(report, ordinal.span) },
        }),
      );
    }

    if (s.heading.match !== 'official') {
      const why = s.heading.match === 'alias' ? '使用了条例第五十条的用语' : '与模板不一致';
      out.push(
        finding('section-title', `标题“${s.heading.text}”${why}，模板标题为“${official}”`, s.heading.span, {
          data: { fix: 'retitle', section: s.index, target: guard(report, s.heading.span) },
        }),
      );
    }

    if (spec.kind === 'prose' && isEmptyBody(report, s)) {
      const what = spec.noneIsEmpty ? `应写明${spec.title}，不能为空或只写“无”` : '没有内容';
      out.push(finding('section-empty', `章节“${official}”${what}`, s.heading.span));
    }
  }

  for (const spec of SECTIONS) {
    if (first.has(spec.index)) continue;
    out.push(missingSection(report, spec.index, [...first.values()]));
  }
  return out;
}

function isEmptyBody(report: Report, s: Section): boolean {
  let body = report.text.slice(s.body.start, s.body.end);
  for (const a of report.artifacts) {
    if (a.span.start >= s.body.start && a.span.end <= s.body.end) {
      body = body.replace(a.text, '');
    }
  }
  const compact = body.replace(/[\s\u3000\ufeff*#\-=_]+/gu, '');
  return compact.length === 0 || (SECTIONS[s.index]!.noneIsEmpty === true && /^无[。.]?$/u.test(compact));
}

/**
 * Where a missing heading goes: before the section's own tables when they are there (read into the section before),
 * after the previous section's last table when text follows it (the lost section's prose), else before the next
 * section's heading, else at the end.
 */
function missingSection(report: Report, index: number, present: readonly Section[]): Finding {
  const heading = officialHeading(SECTIONS[index]!);
  const next = present.filter((s) => s.index > index).sort((a, b) => a.span.start - b.span.start)[0];
  const prev = present.filter((s) => s.index < index).sort((a, b) => b.span.start - a.span.start)[0];
  const inRange = (offset: number): boolean =>
    (!prev || offset > prev.heading.span.end) && (!next || offset < next.heading.span.start);
  const own = report.tables.filter(
    (t) => TABLES.find((x) => x.id === t.id)?.section === index && inRange(t.span.start),
  );
  const message = next ? `缺少章节“${heading}”，应在“${next.heading.text}”之前` : `缺少章节“${heading}”`;
  if (own.length > 0) {
    const first = own.sort((a, b) => a.span.start - b.span.start)[0]!;
    const line = lineSpan(report, first.span.start);
    return finding('section-missing', `缺少章节“${heading}”，应在这张表格之前`, line, {
      data: { fix: 'insert-section', section: index, at: guard(report, line), after: false },
    });
  }
  const prevTables = prev
    ? report.tables.filter((t) => t.span.start > prev.span.start && t.span.end <= prev.span.end)
    : [];
  if (prev && prevTables.length > 0 && SECTIONS[prev.index]!.kind === 'tables') {
    const lastTableEnd = cover(prevTables.map((t) => t.span))!.end;
    const rest = report.text.slice(lastTableEnd, prev.span.end);
    if (/\S/u.test(rest.slice(rest.indexOf('\n') + 1)) && rest.includes('\n')) {
      const line = lineSpan(report, lastTableEnd);
      return finding('section-missing', `${message}；这张表格之后的文字应属于这一章节`, line, {
        data: { fix: 'insert-section', section: index, at: guard(report, line), after: true },
      });
    }
  }
  if (next) {
    const line = lineSpan(report, next.heading.span.start);
    return finding('section-missing', message, next.heading.span, {
      data: { fix: 'insert-section', section: index, at: guard(report, line), after: false },
    });
  }
  // Nothing after it: the heading goes at the end of the text.
  const end = report.text.length;
  const anchor = lineSpan(report, lastNonBlank(report));
  return finding('section-missing', `缺少章节“${heading}”`, anchor, {
    data: { fix: 'insert-section', section: index, at: guard(report, { start: anchor.start, end }), after: true },
  });
}

function lastNonBlank(report: Report): number {
  const m = /\S[\s]*$/u.exec(report.text);
  return m ? m.index : 0;
}
