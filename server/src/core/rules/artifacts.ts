/** `text-artifact`: conversion leftovers, each removable by its fix. */

import { holds } from '../edits';
import type { Artifact } from '../model';
import type { CheckContext, Draft, Rule } from './types';
import { guard } from './util';

function message(a: Artifact): string {
  switch (a.kind) {
    case 'bookmark':
      return `文档转换残留“${a.text}”，应删除`;
    case 'bold':
      return `文档转换残留的加粗标记“**”（${a.text}），应删除标记`;
    case 'rule':
      return `文档转换残留的分隔线“${a.text.trim()}”，应删除`;
    case 'stray-heading':
      return `多余的一行“${a.text}”，重复了下一行的章节标题，应删除`;
  }
}

function check({ report }: CheckContext): Draft[] {
  return report.artifacts.map((a) => ({
    message: message(a),
    span: a.span,
    data: { fix: 'remove', targets: a.remove.map((s) => guard(report, s)) },
  }));
}

export const artifactRules: readonly Rule[] = [
  {
    code: 'text-artifact',
    severity: 'warning',
    summary: '文档转换残留（[bookmark: …]、**、分隔线、重复的标题行）',
    check,
    fix: (d, { text }) => {
      if (d.fix !== 'remove' || d.targets.length === 0 || !d.targets.every((t) => holds(text, t))) return undefined;
      const shown = d.targets.map((t) => t.expect.trim()).join(' … ');
      return {
        title: `删除转换残留“${shown.length > 30 ? `${shown.slice(0, 30)}…` : shown}”`,
        edits: d.targets.map((t) => ({ ...t.span, newText: '' })),
        preferred: true,
      };
    },
  },
];
