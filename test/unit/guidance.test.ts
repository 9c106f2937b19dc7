/**
 * Guidance that never misleads: with one wrong cell that explains every broken sum, each surface a clerk reads —
 * the finding's related information, hover, inlay hints, the outline, the table preview — points at that cell and
 * at no other. One case per family of sums the cell breaks.
 */

import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { positionAt } from '../../server/src/core/lines';
import { grids } from '../../server/src/core/sums';
import { tablesView } from '../../server/src/core/tableview';
import {
  DEFAULT_OPTIONS,
  analyze,
  shownFindings,
  toDiagnostics,
  toHover,
  toInlayHints,
  toSymbols,
} from '../../server/src/service';
import { fixture, replaceOnce } from '../helpers';

const BASE = fixture('crafted/correct-tab.txt');

interface Case {
  /** The families of sums the cell breaks. */
  readonly families: string;
  /** The row's line as it is and with the one cell changed. */
  readonly row: string;
  readonly changed: string;
  /** The changed cell: its title and its right value. */
  readonly cell: string;
  readonly right: string;
}

const CASES: readonly Case[] = [
  {
    families: 'E2 (a row total) and E1',
    row: '一、本年新收政府信息公开申请数量\t\t10\t2\t0\t0\t1\t0\t13',
    changed: '一、本年新收政府信息公开申请数量\t\t10\t2\t0\t0\t1\t0\t14',
    cell: '一、本年新收政府信息公开申请数量·总计',
    right: '13',
  },
  {
    families: 'E3 (a column total), E2 and E1',
    row: '\t（七）总计\t10\t2\t0\t0\t1\t0\t13',
    changed: '\t（七）总计\t11\t2\t0\t0\t1\t0\t13',
    cell: '（七）总计·自然人',
    right: '10',
  },
  {
    families: 'E2 and E3 (an addend)',
    row: '\t3.危及“三安全一稳定”\t1\t0\t0\t0\t0\t0\t1',
    changed: '\t3.危及“三安全一稳定”\t2\t0\t0\t0\t0\t0\t1',
    cell: '（三）3.危及“三安全一稳定”·自然人',
    right: '1',
  },
  {
    families: 'E1 (the balance) and E2',
    row: '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1',
    changed: '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t1',
    cell: '四、结转下年度继续办理·自然人',
    right: '1',
  },
  {
    families: 'E6 (a group total of 四)',
    row: '1\t0\t0\t1\t2\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0',
    changed: '1\t0\t0\t1\t3\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0',
    cell: '行政复议·总计',
    right: '2',
  },
];

function walk(symbols: readonly DocumentSymbol[], out: DocumentSymbol[] = []): DocumentSymbol[] {
  for (const s of symbols) {
    out.push(s);
    walk(s.children ?? [], out);
  }
  return out;
}

describe('guidance points at the one wrong cell and no other', () => {
  for (const c of CASES) {
    it(`${c.families}: related information, hover, inlay hints, outline and preview`, () => {
      const text = replaceOnce(BASE, c.row, c.changed);
      const a = analyze(text, false);
      const report = a.report;
      const grid = grids(report).find((g) => g.spec.columns.length === (c.cell.startsWith('行政复议') ? 15 : 7))!;
      const table = tablesView(report, shownFindings(a, DEFAULT_OPTIONS)).tables.find((t) => t.id === grid.table.id)!;
      const wrong = table.rows.flatMap((r) => r.cells).find((x) => x.title === c.cell)!;
      assert.ok(wrong.place, c.cell);
      const { start, end } = wrong.place;
      const lineStart = report.lineStarts[start.line]!;
      const offset = { start: lineStart + start.character, end: lineStart + end.character };

      // One error, on the cell, with its right value; related entries say who is affected, never “应为”.
      const errors = a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.equal(errors.length, 1, errors.map((f) => f.message).join('\n'));
      assert.deepEqual(errors[0]!.span, offset);
      assert.match(errors[0]!.message, new RegExp(`应为 ${c.right}`, 'u'));
      for (const r of errors[0]!.related ?? []) {
        assert.doesNotMatch(r.message, /应为/u, r.message);
        assert.match(r.message, new RegExp(`受${c.cell.replace(/[（）“”]/gu, '.')} 影响`, 'u'), r.message);
      }
      const diagnostics = toDiagnostics(a, DEFAULT_OPTIONS, 'file:///r.txt');
      assert.equal(diagnostics.length, 1);
      assert.deepEqual(diagnostics[0]!.range, { start, end });

      // Hover on every other value cell of the table: no ✗, no “应为”.
      for (const row of grid.table.rows) {
        for (const v of row.values) {
          if (v.span.start === offset.start) continue;
          const h = toHover(a, positionAt(report.lineStarts, v.span.start));
          const said = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
          assert.doesNotMatch(said, /✗|应为/u, said);
        }
      }

      // The one inlay hint stands after the wrong cell, when it is a total with a fix.
      const hints = toInlayHints(a, DEFAULT_OPTIONS, {
        start: { line: 0, character: 0 },
        end: { line: report.lineStarts.length, character: 0 },
      });
      for (const h of hints) assert.deepEqual(h.position, end);
      assert.ok(hints.length <= 1);

      // Outline: the nodes holding the cell count one problem, every other node is ✓.
      const inside = (s: DocumentSymbol): boolean =>
        (s.range.start.line < start.line ||
          (s.range.start.line === start.line && s.range.start.character <= start.character)) &&
        (s.range.end.line > end.line || (s.range.end.line === end.line && s.range.end.character >= end.character));
      const nodes = walk(toSymbols(a, DEFAULT_OPTIONS));
      assert.ok(nodes.some(inside));
      for (const s of nodes) assert.equal(s.detail, inside(s) ? '1 个问题' : '✓', s.name);

      // Preview: the one cell red with its right value, every other cell ok.
      assert.deepEqual(
        table.rows
          .flatMap((r) => r.cells)
          .filter((x) => x.state !== 'ok')
          .map((x) => `${x.title} ${x.state} ${x.expected ?? ''}`),
        [`${c.cell} wrong ${c.right}`],
      );
    });
  }
});
