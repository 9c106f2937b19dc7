/**
 * Which template label a cell's text is: a caption, a column header, a group, a data row, or a 2019 label.
 * Built once from the template; lookups compare normalised keys.
 */

import { bareKey, labelKey, similarity } from '../normalize';
import { OLD_TABLE_CAPTIONS, TABLES, type TableId } from '../template';

export type LabelHit =
  | { readonly kind: 'caption'; readonly table: TableId }
  | { readonly kind: 'old-caption' }
  | { readonly kind: 'header'; readonly table: TableId }
  | { readonly kind: 'old-column'; readonly table: TableId }
  | { readonly kind: 'group'; readonly table: TableId; readonly group: string }
  | { readonly kind: 'row'; readonly table: TableId; readonly row: number; readonly how: 'exact' | 'alias' | 'near' }
  | { readonly kind: 'old-row'; readonly table: TableId | undefined };

const index = new Map<string, LabelHit[]>();

function add(key: string, hit: LabelHit): void {
  if (key.length === 0) return;
  const list = index.get(key);
  if (!list) index.set(key, [hit]);
  else if (!list.some((h) => JSON.stringify(h) === JSON.stringify(hit))) list.push(hit);
}

const ROW_KEYS: { table: TableId; row: number; key: string }[] = [];
const GROUP_KEYS: { table: TableId; key: string }[] = [];

for (const t of TABLES) {
  for (const c of [...t.columns, ...t.headerLabels]) {
    for (const part of c.split('·')) add(labelKey(part), { kind: 'header', table: t.id });
  }
  for (const c of t.oldFormat?.columns ?? []) add(labelKey(c), { kind: 'old-column', table: t.id });
  for (const r of t.oldFormat?.rows ?? []) add(labelKey(r), { kind: 'old-row', table: t.id });
  for (const g of t.groups) {
    GROUP_KEYS.push({ table: t.id, key: labelKey(g.label) });
    add(labelKey(g.label), { kind: 'group', table: t.id, group: g.id });
    add(bareKey(g.label), { kind: 'group', table: t.id, group: g.id });
  }
  t.rows.forEach((r, row) => {
    if (r.label.length === 0) return;
    add(labelKey(r.label), { kind: 'row', table: t.id, row, how: 'exact' });
    add(bareKey(r.label), { kind: 'row', table: t.id, row, how: 'exact' });
    // A note in brackets may be left out: `（二）部分公开`.
    const noNote = r.label.replace(/（[^（）]*）$/u, '');
    if (noNote !== r.label) add(bareKey(noNote), { kind: 'row', table: t.id, row, how: 'exact' });
    ROW_KEYS.push({ table: t.id, row, key: bareKey(r.label) });
    for (const a of r.aliases ?? []) add(labelKey(a), { kind: 'row', table: t.id, row, how: 'alias' });
  });
}
for (const old of OLD_TABLE_CAPTIONS) for (const r of old.rows) add(labelKey(r), { kind: 'old-row', table: undefined });

const OLD_CAPTION_KEYS = OLD_TABLE_CAPTIONS.map((o) => labelKey(o.caption));
const CAPTION = /^第二十条第\(?([一二三四五六七八九十]+)\)?项/u;
/** Tables by the numeral of their caption (`第二十条第（五）项` → 五). */
const CAPTION_TABLES: Record<string, TableId> = {};
for (const t of TABLES) {
  const m = t.caption ? CAPTION.exec(labelKey(t.caption)) : null;
  if (m) CAPTION_TABLES[m[1]!] = t.id;
}
const KEYWORDS = TABLES.filter((t) => t.headerKeyword).map((t) => ({ word: t.headerKeyword!, table: t.id }));

const memo = new Map<string, readonly LabelHit[]>();
const MEMO_LIMIT = 4096;

/** Every template label the text can be. Texts repeat (blank header cells, 0s), so answers are remembered. */
export function lookupLabel(text: string): readonly LabelHit[] {
  let hits = memo.get(text);
  if (!hits) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    hits = lookup(text);
    memo.set(text, hits);
  }
  return hits;
}

function lookup(text: string): readonly LabelHit[] {
  const key = labelKey(text);
  const cap = CAPTION.exec(key);
  if (cap) {
    const table = CAPTION_TABLES[cap[1]!];
    if (table) return [{ kind: 'caption', table }];
    if (OLD_CAPTION_KEYS.includes(key)) return [{ kind: 'old-caption' }];
    return [];
  }
  const keyword = KEYWORDS.find((k) => key.includes(k.word));
  if (keyword) return [{ kind: 'header', table: keyword.table }];
  const hits = index.get(key) ?? index.get(bareKey(text));
  if (hits) return hits;
  // A group label glued to the row's own label in one cell: `（三）不予公开 1.属于国家秘密`.
  for (const g of GROUP_KEYS) {
    if (key.length > g.key.length && key.startsWith(g.key)) {
      const rest = lookup(key.slice(g.key.length)).filter((h) => h.kind === 'row');
      if (rest.length > 0) return rest;
    }
  }
  return [];
}

const NEAR = 0.75;

/** The data row of `table` whose label is most like `text`, when one stands out. */
export function nearRow(text: string, table: TableId): LabelHit | undefined {
  const key = bareKey(text);
  if (key.length < 2) return undefined;
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (const r of ROW_KEYS) {
    if (r.table !== table) continue;
    const s = similarity(key, r.key);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = r.row;
    } else if (s > second) second = s;
  }
  if (best < 0 || bestScore < NEAR || bestScore - second < 0.1) return undefined;
  return { kind: 'row', table, row: best, how: 'near' };
}
