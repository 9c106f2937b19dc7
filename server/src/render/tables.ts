/**
 * The tables of a report drawn as HTML, from `tablesView`: the template's rows and columns, the report's values, wrong
 * cells red with the right value, blank cells marked. Pure strings, no script and no remote resource: the editor's
 * preview puts it in a webview (its script makes cells clickable), a reviewer's page can hold it as it is.
 *
 * Every cell the text has carries its place (`data-line`, `data-ch`, `data-end-line`, `data-end-ch`, 0-based) and the
 * broken sums it is part of (`data-sums`, indexes into the view's `sums`).
 */

import type { CellView, HeaderCell, Place, RowView, TableView, TablesView } from '../core/tableview';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function placeAttrs(p: Place | undefined): string {
  if (!p) return '';
  return ` data-line="${p.start.line}" data-ch="${p.start.character}" data-end-line="${p.end.line}" data-end-ch="${p.end.character}"`;
}

const STATE_WORD: Record<CellView['state'], string> = {
  ok: '',
  wrong: '错误',
  blank: '空白',
  invalid: '无效',
  flagged: '有问题',
  absent: '缺失',
};

function cellHtml(c: CellView, sums: TablesView['sums']): string {
  const tip = [c.title];
  if (c.state === 'wrong' && c.expected !== undefined) tip.push(`应为 ${c.expected}，实为 ${c.text}`);
  else if (c.state === 'blank') tip.push('空白：模板要求每格填数，无数据填 0');
  else if (c.state === 'absent') tip.push('报告中没有此格');
  for (const n of c.notes) if (!tip.includes(n)) tip.push(n);
  for (const i of c.sums) tip.push(`不成立：${sums[i]?.title ?? ''}`);
  const shown =
    c.state === 'blank'
      ? '<span class="mark">空</span>'
      : c.state === 'absent'
        ? '<span class="mark">—</span>'
        : escapeHtml(c.text);
  const expected =
    c.state === 'wrong' && c.expected !== undefined
      ? `<span class="expected">应为 ${escapeHtml(c.expected)}</span>`
      : '';
  const sumsAttr = c.sums.length > 0 ? ` data-sums="${c.sums.join(' ')}"` : '';
  const word = STATE_WORD[c.state];
  return (
    `<td class="cell ${c.state}"${placeAttrs(c.place)}${sumsAttr} data-title="${escapeHtml(c.title)}"` +
    ` title="${escapeHtml(tip.join('\n'))}"${word ? ` aria-label="${escapeHtml(`${c.title}：${word}`)}"` : ''}>` +
    `${shown}${expected}</td>`
  );
}

function rowHtml(r: RowView, columns: number, labelled: boolean, sums: TablesView['sums']): string {
  if (r.kind === 'group')
    return `<tr class="group"><th class="label depth-${r.depth}" colspan="${columns + 1}">${escapeHtml(r.label)}</th></tr>`;
  const notes = r.notes.length > 0 ? ` title="${escapeHtml(r.notes.join('\n'))}"` : '';
  const found = r.found !== undefined ? `<span class="found">报告中为“${escapeHtml(r.found)}”</span>` : '';
  const missing = !r.place ? ' missing' : r.notes.length > 0 ? ' noted' : '';
  const label = labelled
    ? `<th class="label depth-${r.depth}${missing}"${placeAttrs(r.place)}${notes}>${escapeHtml(r.label)}${found}</th>`
    : '';
  return `<tr class="row${missing}">${label}${r.cells.map((c) => cellHtml(c, sums)).join('')}</tr>`;
}

function headerHtml(t: TableView): string {
  const rows = t.header.map((cells: readonly HeaderCell[], i) => {
    const corner =
      i === 0 && t.labelHeader !== undefined
        ? `<th class="corner" rowspan="${t.header.length}">${escapeHtml(t.labelHeader)}</th>`
        : '';
    const ths = cells.map((h) => {
      const span = `${h.colspan > 1 ? ` colspan="${h.colspan}"` : ''}${h.rowspan > 1 ? ` rowspan="${h.rowspan}"` : ''}`;
      return `<th${span}>${escapeHtml(h.text)}</th>`;
    });
    return `<tr>${corner}${ths.join('')}</tr>`;
  });
  return `<thead>${rows.join('')}</thead>`;
}

function tableHtml(t: TableView, sums: TablesView['sums']): string {
  const columns = t.header.reduce((n, row, i) => (i === 0 ? row.reduce((m, h) => m + h.colspan, 0) : n), 0);
  const title = t.id.startsWith('art20') ? `${t.section}、主动公开 · ${t.name}` : `${t.section}、${t.name}`;
  const note = t.note ? `<p class="note">${escapeHtml(t.note)}</p>` : '';
  const labelled = t.labelHeader !== undefined;
  const body = t.rows.map((r) => rowHtml(r, columns, labelled, sums)).join('');
  return (
    `<section class="table ${t.state}" data-table="${escapeHtml(t.id)}"${placeAttrs(t.place)}>` +
    `<h2>${escapeHtml(title)}</h2>${note}` +
    `<table>${headerHtml(t)}<tbody>${body}</tbody></table></section>`
  );
}

/** The counts line and the tables. */
export function renderTables(view: TablesView): string {
  const counts =
    view.errors + view.warnings === 0
      ? '<span class="ok">✓ 没有错误和警告</span>'
      : `<span class="errors">✗ ${view.errors} 个错误</span> <span class="warnings">⚠ ${view.warnings} 个警告</span>`;
  const legend =
    '<span class="legend"><span class="cell wrong">错误</span><span class="cell blank">空白</span>' +
    '<span class="cell invalid">无效</span><span class="cell flagged">有问题</span></span>';
  return `<div class="summary">${counts}${legend}</div>` + view.tables.map((t) => tableHtml(t, view.sums)).join('');
}

/** The look of the tables: the editor's theme colours where there are some, plain colours elsewhere. */
export const TABLES_CSS = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground, #1f1f1f); background: var(--vscode-editor-background, #fff); margin: 0 12px 24px; }
.summary { position: sticky; top: 0; padding: 8px 0; background: var(--vscode-editor-background, #fff); z-index: 1;
  display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.summary .errors { color: var(--vscode-errorForeground, #c72e2e); font-weight: 600; }
.summary .warnings { color: var(--vscode-editorWarning-foreground, #b58900); font-weight: 600; }
.summary .ok { color: var(--vscode-testing-iconPassed, #388a34); font-weight: 600; }
.legend { display: inline-flex; gap: 6px; margin-left: auto; }
.legend .cell { padding: 1px 6px; border: 1px solid var(--vscode-panel-border, #ccc); }
h2 { font-size: 1.05em; margin: 18px 0 6px; }
.note { margin: 4px 0 8px; color: var(--vscode-descriptionForeground, #666); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--vscode-panel-border, #bbb); padding: 2px 6px; }
thead th { font-weight: 500; background: var(--vscode-editorWidget-background, #f3f3f3); font-size: 0.92em; }
th.corner { max-width: 16em; font-size: 0.85em; }
th.label { text-align: left; font-weight: normal; min-width: 10em; max-width: 28em; }
th.depth-1 { padding-left: 1.5em; } th.depth-2 { padding-left: 3em; }
tr.group th { font-weight: 600; background: var(--vscode-editorWidget-background, #f7f7f7); }
th.label.missing { color: var(--vscode-errorForeground, #c72e2e); font-style: italic; }
th.label.noted { text-decoration: underline wavy var(--vscode-editorWarning-foreground, #b58900); }
.found { display: block; font-size: 0.85em; color: var(--vscode-descriptionForeground, #666); }
td.cell { text-align: right; min-width: 2.5em; }
.cell.wrong { background: rgba(229, 57, 53, 0.18); color: var(--vscode-errorForeground, #c72e2e); font-weight: 600; }
.cell.wrong .expected { display: block; font-size: 0.8em; font-weight: normal; }
.cell.blank { background: rgba(255, 193, 7, 0.22); }
.cell.invalid { background: rgba(229, 57, 53, 0.12); text-decoration: underline wavy; }
.cell.flagged { background: rgba(255, 193, 7, 0.16); }
.cell.absent { color: var(--vscode-disabledForeground, #999); }
.mark { color: var(--vscode-descriptionForeground, #888); font-size: 0.85em; }
td.in-sum { outline: 2px solid var(--vscode-focusBorder, #0078d4); outline-offset: -2px; }
td[data-line], th[data-line] { cursor: pointer; }
.cursor { box-shadow: inset 0 0 0 2px var(--vscode-editorCursor-foreground, #0078d4) !important; }
`;
