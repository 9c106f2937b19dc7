/**
 * Pathological shapes of text, each as a function of its size: what a fuzzer, a broken export or a hostile client
 * sends. The time test, the benchmark and `npm run fuzz` share them.
 */

import { DEFAULT_OPTIONS, analyze, toDiagnostics, toFoldingRanges, toSymbols } from '../server/src/service';

const TITLE = '某镇2023年政府信息公开工作年度报告\n';

/**
 * The fastest of three runs (ms) of the whole pipeline a document goes through in the editor: parse, check,
 * diagnostics, outline, folding. Garbage of the run before is collected first when the process allows it. `markdown`:
 * the text is read as Markdown (the shapes named `Markdown: …`).
 */
export function bestPipelineMs(text: string, markdown = false): number {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    const t = performance.now();
    const a = analyze(text, markdown);
    toDiagnostics(a, DEFAULT_OPTIONS, 'file:///r.txt');
    toSymbols(a);
    toFoldingRanges(a);
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** Text of about `size` characters made of `unit` repeated after `head`. */
function repeat(head: string, unit: string, size: number): string {
  return head + unit.repeat(Math.max(1, Math.floor((size - head.length) / unit.length)));
}

export const SHAPES: Readonly<Record<string, (size: number) => string>> = {
  'a title, then one run of spaces': (n) => repeat(TITLE, ' ', n),
  'spaces inside a prose line': (n) => repeat(`${TITLE}一、总体情况\n本镇`, ' ', n) + '收到申请3件。',
  'a heading, a colon, then spaces': (n) => repeat(`${TITLE}一、总体情况：`, ' ', n),
  'lines of seven tabs': (n) => repeat(`${TITLE}三、收到和处理政府信息公开申请情况\n`, '\t\t\t\t\t\t\t\n', n),
  'one long line of words': (n) => repeat(`${TITLE}一、总体情况\n`, '收到申请', n),
  'one long line of digits': (n) => repeat(`${TITLE}一、总体情况\n`, '1', n),
  'one long line of dates': (n) => repeat(`${TITLE}一、总体情况\n`, '2023年1月1日至', n),
  'many headings': (n) => repeat(TITLE, '一、总体情况\n', n),
  'many sections in turn': (n) => repeat(TITLE, '一、总体情况\n二、主动公开政府信息情况\n', n),
  'many bookmarks': (n) => repeat(TITLE, '[bookmark: _GoBack]\n', n),
  'many bold pairs': (n) => repeat(`${TITLE}一、总体情况\n`, '**a** ', n),
  'many rules': (n) => repeat(TITLE, '------\n', n),
  'one line of pipes': (n) => repeat(`${TITLE}二、主动公开政府信息情况\n`, '|', n),
  'unclosed HTML cells': (n) => repeat(`${TITLE}二、主动公开政府信息情况\n<tr>`, '<td>', n),
  'one number a line': (n) => repeat(`${TITLE}三、收到和处理政府信息公开申请情况\n`, '0\n', n),
  'columns set apart by spaces': (n) => repeat(`${TITLE}三、收到和处理政府信息公开申请情况\n`, 'a  1  ', n),
  'many sub-headings': (n) => repeat(`${TITLE}一、总体情况\n`, '（一）主动公开\n', n),
  'brackets and ordinals': (n) => repeat(`${TITLE}一、总体情况\n`, '（（（一一、、', n),
  'a report run together on one line': (n) =>
    repeat(
      TITLE,
      '一、总体情况 本镇收到申请3件。二、主动公开政府信息情况 规章000 三、收到和处理政府信息公开申请情况 ',
      n,
    ),
  'ordinals run together on one line': (n) => repeat(TITLE, '一、二、三、四、五、六、', n),
  'Markdown: brackets opened, never closed': (n) => repeat(`${TITLE}一、总体情况\n`, '[', n) + ']{a}',
  'Markdown: bracketed spans': (n) => repeat(`${TITLE}一、总体情况\n`, '[收到申请]{lang="zh-CN"}', n),
  'Markdown: tags broken over lines': (n) =>
    repeat(`${TITLE}三、收到和处理政府信息公开申请情况\n`, '<td width="1"\n<span\n', n),
  'Markdown: hard breaks in cells': (n) => repeat(`${TITLE}三、收到和处理政府信息公开申请情况\n`, '| \\ | \\ |\n', n),
  'Markdown: lines of dashes': (n) => repeat(`${TITLE}三、收到和处理政府信息公开申请情况\n`, '--- ---\n  a  1\n', n),
};

/** A shape of Markdown: read as a `.md` file is. */
export function isMarkdownShape(name: string): boolean {
  return name.startsWith('Markdown: ');
}
