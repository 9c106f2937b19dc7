/**
 * Loops where a spread would be shorter: a document may hold more rows or cells than a call can take arguments,
 * and the parser must not throw on it.
 */

import type { Span } from './model';

/** The smallest span holding all the given spans; undefined for none. */
export function cover(spans: Iterable<Span>): Span | undefined {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return start === Infinity ? undefined : { start, end };
}

/** Appends items to an array in place. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
