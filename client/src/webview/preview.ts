/**
 * The script of the table preview's webview (bundled apart as dist/preview.js, loaded under the page's nonce). It
 * draws what the extension posts, tells it which cell was clicked, outlines the cells of a broken sum under the
 * mouse, and marks the cell under the editor's cursor.
 */

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface At {
  readonly line: number;
  readonly character: number;
}

type Incoming = { type: 'update'; html: string } | { type: 'cursor'; line: number; character: number };

const api = acquireVsCodeApi();
const root = document.getElementById('root')!;
let cursor: At | undefined;

function placeOf(el: HTMLElement): { start: At; end: At } | undefined {
  const d = el.dataset;
  if (d['line'] === undefined) return undefined;
  return {
    start: { line: Number(d['line']), character: Number(d['ch']) },
    end: { line: Number(d['endLine']), character: Number(d['endCh']) },
  };
}

const before = (a: At, b: At): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Marks the cell (else the row label) the cursor is in, and scrolls it into view when asked. */
function markCursor(scroll: boolean): void {
  for (const el of root.querySelectorAll('.cursor')) el.classList.remove('cursor');
  if (!cursor) return;
  const at = cursor;
  const holds = (el: HTMLElement): boolean => {
    const p = placeOf(el);
    return p !== undefined && before(p.start, at) && before(at, p.end);
  };
  // A row's label spans its whole row: a cell first.
  const hit =
    [...root.querySelectorAll<HTMLElement>('td[data-line]')].find(holds) ??
    [...root.querySelectorAll<HTMLElement>('th[data-line]')].find(holds);
  if (!hit) return;
  hit.classList.add('cursor');
  if (!scroll) return;
  // Into the middle when out of sight (under the sticky counts line counts as out of sight); left alone when seen.
  const r = hit.getBoundingClientRect();
  const top = document.querySelector('.summary')?.getBoundingClientRect().bottom ?? 0;
  if (r.top < top || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth)
    hit.scrollIntoView({ block: 'center', inline: 'center' });
}

window.addEventListener('message', (e: MessageEvent<Incoming>) => {
  const m = e.data;
  if (m.type === 'update') {
    root.innerHTML = m.html;
    markCursor(false);
  } else if (m.type === 'cursor') {
    cursor = { line: m.line, character: m.character };
    markCursor(true);
  }
});

root.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  if (target.closest('[data-command="problems"]')) {
    api.postMessage({ type: 'problems' });
    return;
  }
  const el = target.closest<HTMLElement>('[data-line]');
  const place = el && placeOf(el);
  if (place) api.postMessage({ type: 'reveal', ...place });
});

root.addEventListener('mouseover', (e) => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('td[data-sums]');
  for (const c of root.querySelectorAll('.in-sum')) c.classList.remove('in-sum');
  if (!el) return;
  const mine = new Set(el.dataset['sums']!.split(' '));
  const table = el.closest('section') ?? root;
  for (const c of table.querySelectorAll<HTMLElement>('td[data-sums]'))
    if (c.dataset['sums']!.split(' ').some((s) => mine.has(s))) c.classList.add('in-sum');
});

api.postMessage({ type: 'ready' });

export {};
