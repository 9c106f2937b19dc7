/**
 * A fixed copy of a report file: the safe fixes (fix-all) applied to a text file's text, or written into the cells of a
 * .docx itself so the writer keeps the file and its formatting. Shared by `nianbao fix` and the editor's fix-all on a
 * Word document opened as a report.
 */

import type { Dismissal } from './core/dismiss';
import { fixAllText } from './core/fixall';
import { DOCX_EXTENSION, fixDocx, readDocx } from './inputs/docx';
import { extensionOf, readInput, TEXT_ADAPTER } from './inputs/index';
import { DEFAULT_OPTIONS, problemsIn } from './service';

export interface FixedCopy {
  /** The bytes to write: the fixed .docx, or the fixed text as UTF-8. */
  readonly bytes: Uint8Array;
  /** How many findings fix-all fixed. */
  readonly applied: number;
  /** For a .docx: how many cells changed, and the changes no cell could take. */
  readonly changed?: number;
  readonly unplaced: readonly string[];
  /** Errors and warnings left in the fixed copy, for a person to mend. */
  readonly remaining: number;
}

/** Whether a file can be fixed into a copy: a .docx, or a text file (.txt, .md, or a name without an extension). */
export function canFix(name: string): boolean {
  const ext = extensionOf(name);
  return ext === DOCX_EXTENSION || ext === '' || TEXT_ADAPTER.extensions.includes(ext);
}

/**
 * The fixed copy of a file's bytes; findings a reviewer `dismissed` are left as they are. Throws an `InputError` for a
 * file that cannot be read as a report.
 */
export async function fixCopy(
  bytes: Uint8Array,
  name: string,
  dismissed: readonly Dismissal[] = [],
): Promise<FixedCopy> {
  const options = { ...DEFAULT_OPTIONS, dismissed };
  if (extensionOf(name) === DOCX_EXTENSION) {
    const reading = readDocx(bytes);
    const result = fixAllText(reading.input.text, {}, dismissed);
    const written = fixDocx(bytes, reading, result.text);
    return {
      bytes: written.bytes,
      applied: result.applied,
      changed: written.changed,
      unplaced: written.unplaced,
      remaining: problemsIn(result.text, false, options),
    };
  }
  const input = await readInput(bytes, name);
  const result = fixAllText(input.text, { markdown: input.markdown }, dismissed);
  return {
    bytes: new TextEncoder().encode(result.text),
    applied: result.applied,
    unplaced: [],
    remaining: problemsIn(result.text, input.markdown, options),
  };
}

/** What was done, in a sentence: `已修复 3 处（改动 3 个单元格），写入“fixed.docx”；仍有 2 个问题需人工处理`. */
export function fixSummary(copy: FixedCopy, output: string): string {
  const cells = copy.changed === undefined ? '' : `（改动 ${copy.changed} 个单元格）`;
  const done =
    copy.applied === 0
      ? `没有可自动修复的问题，已照原样写出“${output}”`
      : `已修复 ${copy.applied} 处${cells}，写入“${output}”`;
  return copy.remaining > 0 ? `${done}；仍有 ${copy.remaining} 个问题需人工处理` : done;
}
