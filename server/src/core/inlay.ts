/** Inlay hints: after a wrong total, the value it should have. */

import type { Finding } from './codes';

export interface InlayInfo {
  /** Offset the hint stands at: the end of the cell. */
  readonly offset: number;
  readonly label: string;
  readonly tooltip: string;
}

export function inlayHints(findings: readonly Finding[]): InlayInfo[] {
  const out: InlayInfo[] = [];
  for (const f of findings) {
    if (f.code !== 'table-total' || f.data?.fix !== 'set-cell') continue;
    out.push({ offset: f.data.target.span.end, label: `应为 ${f.data.value}`, tooltip: f.message });
  }
  return out;
}
