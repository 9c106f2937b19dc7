/**
 * Rows tied to the template by their place: a row without a label, or with one that names no template row, takes
 * the free template rows between the rows tied by their labels when the counts agree — numbers at the place of a
 * template row are that row.
 */

import type { Row } from '../model';

/** For each row, the template row it stands for (given by its label, or by its place) and how it was tied. */
export function assignByPlace(
  byLabel: readonly (number | undefined)[],
  templateRows: number,
): { assigned: (number | undefined)[]; matchedBy: Row['matchedBy'][] } {
  const assigned = [...byLabel];
  const matchedBy: Row['matchedBy'][] = byLabel.map((r) => (r !== undefined ? 'label' : 'none'));
  let i = 0;
  while (i < assigned.length) {
    if (assigned[i] !== undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j < assigned.length && assigned[j] === undefined) j++;
    const before = prevAssigned(assigned, i);
    const after = nextAssigned(assigned, j, templateRows);
    const taken = new Set(assigned.filter((x): x is number => x !== undefined));
    const free: number[] = [];
    for (let r = before + 1; r < after; r++) if (!taken.has(r)) free.push(r);
    if (free.length === j - i) {
      for (let k = i; k < j; k++) {
        assigned[k] = free[k - i];
        matchedBy[k] = 'position';
      }
    }
    i = j;
  }
  return { assigned, matchedBy };
}

function prevAssigned(assigned: readonly (number | undefined)[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (assigned[k] !== undefined) return assigned[k]!;
  return -1;
}

function nextAssigned(assigned: readonly (number | undefined)[], j: number, n: number): number {
  for (let k = j; k < assigned.length; k++) if (assigned[k] !== undefined) return assigned[k]!;
  return n;
}
