/** Whether a text is an annual information-disclosure report: its first 20 non-empty lines name it. */

import { withoutSpace } from './normalize';

const LOOK_AT = 20;

export function looksLikeReport(text: string): boolean {
  let seen = 0;
  let open = false;
  let annual = false;
  let pos = 0;
  while (pos <= text.length && seen < LOOK_AT) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = withoutSpace(text.slice(pos, end));
    pos = end + 1;
    if (line.length === 0) continue;
    seen++;
    open ||= line.includes('政府信息公开');
    annual ||= line.includes('年度报告');
    if (open && annual) return true;
  }
  return false;
}
