/**
 * `.nianbao.json` beside a report: the findings a reviewer checked and accepted (`core/dismiss.ts` says how a finding
 * is known). Read by the CLI and the server, written by the editor's quick fix “已核实，忽略此问题”. A file that cannot
 * be read as one dismisses nothing and is never overwritten: the reviewer's record is not lost.
 *
 *   { "dismissed": [ { "file": "报告.txt", "code": "table-total", "at": "cell:applications:total:自然人",
 *                      "text": "11", "message": "…", "date": "2026-11-24" } ] }
 */

import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Dismissal } from './core/dismiss';
import { why } from './files';
import { DEFAULT_OPTIONS, type Options } from './service';

export const DISMISS_FILE = '.nianbao.json';

/** One entry of the file: a dismissal, the report it belongs to (its name in the folder), and notes for people. */
export interface DismissEntry extends Dismissal {
  readonly file: string;
  /** The finding's message when it was dismissed. */
  readonly message?: string;
  /** `YYYY-MM-DD`. */
  readonly date?: string;
}

export type DismissFile = { readonly entries: readonly DismissEntry[] } | { readonly error: string };

const isString = (v: unknown): v is string => typeof v === 'string';

/** The file's entries, or why it cannot be used (in a sentence). A file that does not exist has none. */
export function parseDismissFile(json: string): DismissFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { error: `不是有效的 JSON（${(e as Error).message}）` };
  }
  const list = (raw as { dismissed?: unknown } | null)?.dismissed;
  if (typeof raw !== 'object' || raw === null || !Array.isArray(list)) return { error: '应为 {"dismissed": [ … ]}' };
  const entries: DismissEntry[] = [];
  for (const [i, e] of list.entries()) {
    const o = e as Record<string, unknown> | null;
    if (
      typeof o !== 'object' ||
      o === null ||
      !isString(o['file']) ||
      !isString(o['code']) ||
      !isString(o['at']) ||
      !isString(o['text'])
    )
      return { error: `第 ${i + 1} 项应有字符串 file、code、at、text` };
    entries.push({
      file: o['file'],
      code: o['code'],
      at: o['at'],
      text: o['text'],
      ...(isString(o['message']) ? { message: o['message'] } : {}),
      ...(isString(o['date']) ? { date: o['date'] } : {}),
    });
  }
  return { entries };
}

/** The dismissals file of a folder, read again only when it changes. */
export class DismissalStore {
  private readonly cache = new Map<string, { stamp: string; file: DismissFile }>();

  /** The file beside a report, as it is now; `{ entries: [] }` when there is none. */
  fileFor(reportPath: string): { readonly path: string; readonly file: DismissFile } {
    const file = path.join(path.dirname(reportPath), DISMISS_FILE);
    let stamp: string;
    try {
      const st = statSync(file);
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch {
      this.cache.delete(file);
      return { path: file, file: { entries: [] } };
    }
    const hit = this.cache.get(file);
    if (hit && hit.stamp === stamp) return { path: file, file: hit.file };
    let parsed: DismissFile;
    try {
      parsed = parseDismissFile(readFileSync(file, 'utf8'));
    } catch (e) {
      parsed = { error: `无法读取：${why(e)}` };
    }
    this.cache.set(file, { stamp, file: parsed });
    return { path: file, file: parsed };
  }

  /** The dismissals of one report. */
  of(reportPath: string): readonly Dismissal[] {
    return this.apply(DEFAULT_OPTIONS, reportPath).options.dismissed;
  }

  /**
   * Options for a report: `options` with the report's dismissals; with a file beside it that cannot be read, the
   * options as they are and what to say of it (`“…/.nianbao.json”不是有效的 JSON…，其中忽略的问题未生效`).
   */
  apply(options: Options, reportPath: string): { options: Options; problem?: string } {
    const { path: at, file } = this.fileFor(reportPath);
    if ('error' in file) return { options, problem: `“${at}”${file.error}，其中忽略的问题未生效` };
    const name = path.basename(reportPath);
    const dismissed = file.entries.filter((e) => e.file === name);
    return { options: dismissed.length > 0 ? { ...options, dismissed } : options };
  }
}

/**
 * Adds a dismissal for a report to the file beside it (made when there is none). Answers the file's path, or why it
 * was not written: a file that cannot be read is left as it is.
 */
export function addDismissal(
  store: DismissalStore,
  reportPath: string,
  d: Dismissal & { readonly message?: string },
  today: string,
): { path: string } | { error: string } {
  const { path: file, file: current } = store.fileFor(reportPath);
  if ('error' in current) return { error: `“${file}”${current.error}，未写入；请先修正或删除它` };
  const entry: DismissEntry = {
    file: path.basename(reportPath),
    code: d.code,
    at: d.at,
    text: d.text,
    ...(d.message !== undefined ? { message: d.message } : {}),
    date: today,
  };
  const same = (e: DismissEntry): boolean =>
    e.file === entry.file && e.code === entry.code && e.at === entry.at && e.text === entry.text;
  if (current.entries.some(same)) return { path: file };
  const body = JSON.stringify({ dismissed: [...current.entries, entry] }, null, 2) + '\n';
  try {
    // Written whole, then renamed: a reader never sees half a file.
    writeFileSync(`${file}.tmp`, body);
    renameSync(`${file}.tmp`, file);
  } catch (e) {
    return { error: `无法写入“${file}”：${why(e)}` };
  }
  return { path: file };
}
