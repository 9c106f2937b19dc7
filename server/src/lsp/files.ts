/**
 * Files the editor cannot show as text (PDF, Word, saved web pages): read here through the input adapters for a
 * read-only view, their page map kept so the view's findings name their page; and a fixed copy of a Word document
 * written beside it.
 */

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBounded, TooLarge, NotRegular, why } from '../files';
import { canFix, fixCopy, fixSummary } from '../fixcopy';
import { InputError, readInput } from '../inputs/index';
import { READ_FILE, WRITE_FIXED_COPY, type ReadFileResult, type WriteFixedCopyResult } from '../protocol';
import { viewKey, type ServerState } from './state';

/** The largest file read for a view (as the CLI's default). */
const MAX_BYTES = 64 * 1024 * 1024;

function pathOf(uri: string): string {
  if (!uri.startsWith('file:')) throw new InputError('不是本机文件');
  return fileURLToPath(uri);
}

/** Why a file could not be read, in words. */
function failure(e: unknown): string {
  if (e instanceof InputError) return e.reason;
  if (e instanceof TooLarge) return '文件过大（超过 64 MB）';
  if (e instanceof NotRegular) return '不是普通文件';
  return `无法读取：${why(e)}`;
}

export function registerFiles(state: ServerState): void {
  const { connection } = state;

  connection.onRequest(READ_FILE, async (p: { uri: string; view: string }): Promise<ReadFileResult> => {
    try {
      const file = pathOf(p.uri);
      const input = await readInput(readBounded(file, MAX_BYTES), file);
      state.sources.set(viewKey(p.view), input.sourceMap);
      return { text: input.text, format: input.format };
    } catch (e) {
      return { error: failure(e) };
    }
  });

  connection.onRequest(WRITE_FIXED_COPY, async (p: { uri: string; target: string }): Promise<WriteFixedCopyResult> => {
    try {
      const file = pathOf(p.uri);
      const target = pathOf(p.target);
      if (!canFix(file)) return { error: '只能修复 .txt、.md 和 .docx 文件' };
      if (target === file) return { error: '输出文件不能是原文件' };
      const copy = await fixCopy(readBounded(file, MAX_BYTES), file, state.dismissals.of(file));
      writeFileSync(target, copy.bytes);
      return { message: fixSummary(copy, target), unplaced: copy.unplaced };
    } catch (e) {
      return { error: failure(e) };
    }
  });
}
