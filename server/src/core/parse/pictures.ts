/**
 * Where a table should stand, a picture of it or a converter's placeholder: the readers of web pages and Word
 * documents write a picture as `[图片：name.png]` on a line of its own; Markdown has `![…](…)` and `<img …>`;
 * pandoc's plain text leaves `[TABLE]` where it could not draw a table. A section of tables that holds one of these
 * and no table is said once as a table that cannot be read, not as a table missing.
 */

import type { Line } from '../lines';

/** A line that is a picture (`image`) or a table a converter left out (`dropped`); undefined for any other. */
export function pictureOf(text: string): 'image' | 'dropped' | undefined {
  const t = text.trim();
  if (t.length === 0 || t.length > 300) return undefined;
  if (t === '[TABLE]') return 'dropped';
  if (/^\[图片(?:[：:][^\]\n]*)?\]$/u.test(t)) return 'image';
  if (/^!\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?$/u.test(t)) return 'image';
  if (/^(?:<[^<>]*>\s*)*<img\b[^<>]*>(?:\s*<[^<>]*>)*$/iu.test(t)) return 'image';
  return undefined;
}

/** The first line of a section's body that is a picture or a placeholder, with what it is. */
export function firstPicture(lines: readonly Line[]): { line: Line; kind: 'image' | 'dropped' } | undefined {
  for (const line of lines) {
    if (!line.text.includes('[') && !line.text.includes('<')) continue;
    const kind = pictureOf(line.text);
    if (kind) return { line, kind };
  }
  return undefined;
}
