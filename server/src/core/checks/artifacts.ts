/** Conversion leftovers, each removable by its fix. */

import { finding, type Finding } from '../codes';
import type { Artifact, Report } from '../model';
import { guard } from './sections';

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

export function checkArtifacts(report: Report): Finding[] {
  return report.artifacts.map((a) =>
    finding('text-artifact', message(a), a.span, {
      data: { fix: 'remove', targets: a.remove.map((s) => guard(report, s)) },
    }),
  );
}
