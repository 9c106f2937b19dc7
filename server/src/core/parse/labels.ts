/**
 * Which template label a cell's text is: a caption, a column header, a group, a data row, or a label of an older
 * format (its columns, rows, tables). Built once per template; lookups compare normalised keys.
 */

import { bareKey, labelKey, similarity } from '../normalize';
import { perTemplate, predecessorsOf, tableSpec, type Template } from '../templates/index';

export type LabelHit =
  | { readonly kind: 'caption'; readonly table: string }
  | { readonly kind: 'old-caption'; readonly template: string }
  | { readonly kind: 'header'; readonly table: string }
  | { readonly kind: 'old-column'; readonly table: string; readonly template: string }
  | { readonly kind: 'group'; readonly table: string; readonly group: string }
  | { readonly kind: 'row'; readonly table: string; readonly row: number; readonly how: 'exact' | 'alias' | 'near' }
  | { readonly kind: 'old-row'; readonly table: string | undefined; readonly template: string };

interface LabelIndex {
  readonly index: Map<string, LabelHit[]>;
  readonly rowKeys: { table: string; row: number; key: string }[];
  readonly groupKeys: string[];
  /** Caption keys without brackets, with their table (undefined: a table only an older format had). */
  readonly captions: { key: string; hit: LabelHit }[];
  readonly keywords: { word: string; table: string }[];
  readonly memo: Map<string, readonly LabelHit[]>;
}

/** A caption's key with its brackets dropped: `第二十条第（一）项` and `第二十条第一项` are one caption. */
function captionKey(text: string): string {
  return labelKey(text).replace(/[()]/gu, '');
}

const buildIndex = perTemplate((template: Template): LabelIndex => {
  const index = new Map<string, LabelHit[]>();
  const add = (key: string, hit: LabelHit): void => {
    if (key.length === 0) return;
    const list = index.get(key);
    if (!list) index.set(key, [hit]);
    else if (!list.some((h) => JSON.stringify(h) === JSON.stringify(hit))) list.push(hit);
  };
  const rowKeys: LabelIndex['rowKeys'] = [];
  const groupKeys: string[] = [];
  const captions: LabelIndex['captions'] = [];
  for (const t of template.tables) {
    if (t.caption) captions.push({ key: captionKey(t.caption), hit: { kind: 'caption', table: t.id } });
    for (const c of [...t.columns, ...t.headerLabels]) {
      for (const part of c.split('·')) add(labelKey(part), { kind: 'header', table: t.id });
    }
    for (const g of t.groups) {
      groupKeys.push(labelKey(g.label));
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
      rowKeys.push({ table: t.id, row, key: bareKey(r.label) });
      for (const a of r.aliases ?? []) add(labelKey(a), { kind: 'row', table: t.id, row, how: 'alias' });
    });
  }
  // Labels of the formats this one replaced, where they differ from its own: they mark a table left in the old form.
  const own = (key: string): readonly LabelHit[] => index.get(key) ?? [];
  for (const older of predecessorsOf(template)) {
    for (const t of older.tables) {
      const counterpart = tableSpec(template, t.id);
      if (!counterpart) {
        if (t.caption) captions.push({ key: captionKey(t.caption), hit: { kind: 'old-caption', template: older.id } });
        for (const r of t.rows) add(labelKey(r.label), { kind: 'old-row', table: undefined, template: older.id });
        continue;
      }
      for (const c of [...t.columns, ...t.headerLabels]) {
        const key = labelKey(c);
        if (!own(key).some((h) => h.kind === 'header' && h.table === t.id))
          add(key, { kind: 'old-column', table: t.id, template: older.id });
      }
      for (const r of t.rows) {
        const key = labelKey(r.label);
        if (r.label.length > 0 && !own(key).some((h) => h.kind === 'row' && h.table === t.id))
          add(key, { kind: 'old-row', table: t.id, template: older.id });
      }
    }
  }
  const keywords = template.tables.filter((t) => t.headerKeyword).map((t) => ({ word: t.headerKeyword!, table: t.id }));
  return { index, rowKeys, groupKeys, captions, keywords, memo: new Map() };
});

const MEMO_LIMIT = 4096;

/** Every template label the text can be. Texts repeat (blank header cells, 0s), so answers are remembered. */
export function lookupLabel(template: Template, text: string): readonly LabelHit[] {
  const ix = buildIndex(template);
  let hits = ix.memo.get(text);
  if (!hits) {
    if (ix.memo.size >= MEMO_LIMIT) ix.memo.clear();
    hits = lookup(ix, text);
    ix.memo.set(text, hits);
  }
  return hits;
}

function lookup(ix: LabelIndex, text: string): readonly LabelHit[] {
  const key = labelKey(text);
  const bracketless = key.replace(/[()]/gu, '');
  const caption = ix.captions.find((c) => bracketless.startsWith(c.key));
  if (caption) return [caption.hit];
  const keyword = ix.keywords.find((k) => key.includes(k.word));
  if (keyword) return [{ kind: 'header', table: keyword.table }];
  const hits = ix.index.get(key) ?? ix.index.get(bareKey(text));
  if (hits) return hits;
  // A group label glued to the row's own label in one cell: `（三）不予公开 1.属于国家秘密`.
  for (const g of ix.groupKeys) {
    if (key.length > g.length && key.startsWith(g)) {
      const rest = lookup(ix, key.slice(g.length)).filter((h) => h.kind === 'row');
      if (rest.length > 0) return rest;
    }
  }
  return [];
}

const NEAR = 0.75;

/** The data row of `table` whose label is most like `text`, when one stands out. */
export function nearRow(template: Template, text: string, table: string): LabelHit | undefined {
  const key = bareKey(text);
  if (key.length < 2) return undefined;
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (const r of buildIndex(template).rowKeys) {
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
