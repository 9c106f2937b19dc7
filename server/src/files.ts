/**
 * Files for the CLI: the paths a user names, folders walked for report files, every file read with a bound. Only
 * regular files are read from folders (a FIFO would block, a link to /dev/zero would never end); a file over the size
 * limit is skipped; every file a walk skips is counted, by why.
 */

import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Why a file was not checked. */
export type SkipReason = 'not-text' | 'too-large' | 'not-regular' | 'not-report' | 'unreadable';

export const SKIP_NAMES: Record<SkipReason, string> = {
  'not-text': '非文本',
  'too-large': '过大',
  'not-regular': '非普通文件',
  'not-report': '非年度报告',
  unreadable: '无法读取',
};

const ERRNO: Record<string, string> = {
  ENOENT: '不存在',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '是文件夹',
  ENOTDIR: '路径中有一段不是文件夹',
  EMFILE: '打开的文件过多',
  ELOOP: '链接循环',
};

/** An operating-system error in words. */
export function why(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code ? `${ERRNO[code] ?? '读取失败'}（${code}）` : String(err);
}

/** A file larger than the limit. */
export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/** A path that is neither a regular file nor a folder (a FIFO, a device, a socket). */
export class NotRegular extends Error {}

/** Reads at most `limit` bytes of a regular file; a longer file is refused without reading the rest. */
export function readBounded(file: string, limit: number): Uint8Array {
  // Not even opened unless regular: opening a FIFO waits for a writer. O_NONBLOCK covers a swap in between.
  if (!statSync(file).isFile()) throw new NotRegular(file);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegular(file);
    if (st.size > limit) throw new TooLarge(limit);
    // Sized to the file (one byte more, to see it end): a buffer a megabyte a file would be mapped and unmapped for
    // each of thousands of small reports, and unmapping stalls every thread of the process. A file that grows while
    // it is read gets a buffer twice as large, up to the limit.
    let buf = Buffer.allocUnsafe(st.size + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        const wider = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
        buf.copy(wider, 0, 0, total);
        buf = wider;
      }
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw new TooLarge(limit);
    }
    return buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

export interface Candidate {
  readonly path: string;
  /** Named by the user (its problems are errors) or found in a folder (its problems are counted as skips). */
  named: boolean;
}

export interface Collected {
  readonly candidates: Candidate[];
  /** Lines for stderr: paths that could not be read at all. */
  readonly errors: string[];
}

/** The files the arguments name: files themselves, and the files in folders whose names `wanted` accepts. */
export function collect(args: readonly string[], wanted: (name: string) => boolean): Collected {
  const candidates: Candidate[] = [];
  const errors: string[] = [];
  const seen = new Map<string, Candidate>();
  // A file named twice, or inside a folder also named, is checked once; named once, it counts as named.
  const add = (p: string, named: boolean): void => {
    const key = path.resolve(p);
    const old = seen.get(key);
    if (old) {
      old.named ||= named;
      return;
    }
    const c = { path: p, named };
    seen.set(key, c);
    candidates.push(c);
  };
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (err) {
      errors.push(`nianbao: 无法读取文件夹“${dir}”：${why(err)}`);
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (wanted(e.name)) add(p, false);
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (err) {
      errors.push(`nianbao: 无法读取“${arg}”：${why(err)}`);
      continue;
    }
    if (stat.isDirectory()) walk(arg);
    else if (stat.isFile()) add(arg, true);
    else errors.push(`nianbao: “${arg}”既不是文件也不是文件夹`);
  }
  return { candidates, errors };
}
