/**
 * Totals and the balance: E2 row totals and E3 column totals of the 三 table, E6 group totals of the 四 table
 * (`table-total`), E1 in each column of the 三 table (`table-balance`). A rule whose cells are missing or invalid is
 * off, except that a total smaller than its present addends is impossible all the same. When one wrong cell
 * explains every broken rule, that cell gets the one error and the rules it breaks are related information.
 */

import type { Related } from '../codes';
import type { Report, Span } from '../model';
import { rowName, rowSpec, type TableSpec } from '../templates/index';
import {
  addendList,
  cellTitle,
  equations,
  evaluate,
  formatNumber,
  refKey,
  type CellRef,
  type Evaluation,
  type Grid,
} from '../sums';
import type { CheckContext, Draft, Rule } from './types';
import { Drafts, family, guard, replaceFix } from './util';

/** What a set-cell fix is, which orders fix-all: an addend first, then row totals, then column totals. */
export type CellRole = 'addend' | 'row-total' | 'column-total';

function span(grid: Grid, ref: CellRef): Span {
  return grid.cell(ref)!.span;
}

function text(grid: Grid, ref: CellRef): string {
  return grid.cell(ref)!.text;
}

function setCell(report: Report, grid: Grid, ref: CellRef, value: number, role: CellRole) {
  return {
    fix: 'set-cell' as const,
    target: guard(report, span(grid, ref)),
    value: formatNumber(value),
    role,
    cell: cellTitle(grid.spec, ref),
  };
}

/** `（七）总计·自然人 应为 5（予以公开 2 + 部分公开 1 + 不予公开 2），实为 6`. */
function totalMessage(grid: Grid, ev: Evaluation): string {
  const total = ev.eq.left[0]!;
  return `${cellTitle(grid.spec, total)} 应为 ${formatNumber(ev.rightKnown)}（${addendList(grid, ev.eq)}），实为 ${text(grid, total)}`;
}

function balanceFigures(grid: Grid, ev: Evaluation): string {
  const [leftName, rightName] = grid.spec.sums?.balance?.names ?? ['左边', '右边'];
  const part = (refs: readonly CellRef[], names: string): string =>
    `${names} = ${refs.map((r) => formatNumber(grid.value(r)!)).join(' + ')} = ${formatNumber(refs.reduce((s, r) => s + grid.value(r)!, 0))}`;
  return `${part(ev.eq.left, leftName)}，${part(ev.eq.right, rightName)}`;
}

/**
 * A sum that one wrong cell breaks, said without blaming its own cells (they are right): `行合计：（七）总计·总计 = 13，
 * 受（七）总计·自然人 影响（自然人 11 + … = 14；改为 10 后相符）` — never “应为” for a cell that is right.
 */
function affected(grid: Grid, ev: Evaluation, one: { ref: CellRef; value: number }): Related {
  const who = cellTitle(grid.spec, one.ref);
  const mended = `改为 ${formatNumber(one.value)} 后相符`;
  if (ev.eq.family === 'E1')
    return {
      span: span(grid, ev.eq.left[0]!),
      message: `勾稽关系：${balanceFigures(grid, ev)}，受${who} 影响（${mended}）`,
    };
  const total = ev.eq.left[0]!;
  const sum = ({ E2: '行合计', E3: '列合计', E6: '小计' } as const)[ev.eq.family];
  return {
    span: span(grid, total),
    message: `${sum}：${cellTitle(grid.spec, total)} = ${text(grid, total)}，受${who} 影响（${addendList(grid, ev.eq)} = ${formatNumber(ev.rightKnown)}；${mended}）`,
  };
}

const ROLE_OF_TOTAL = { E2: 'row-total', E3: 'column-total', E6: 'row-total' } as const;

/** Every cell of a sum, its total and its addends. */
function cellsOf(ev: Evaluation): CellRef[] {
  return [...ev.eq.left, ...ev.eq.right];
}

/** A total below its present addends while some addend is blank: impossible whatever the blanks hold. */
function belowBound(ev: Evaluation): boolean {
  return (
    ev.status === 'unknown' &&
    ev.eq.family !== 'E1' &&
    ev.missingLeft === 0 &&
    ev.missingRight > 0 &&
    ev.leftKnown < ev.rightKnown
  );
}

/**
 * The one cell whose change mends every broken rule and every total below its addends (`bounds`), and breaks none
 * that holds, with the value it should have. With residual r = Σ left − Σ right, a cell x on the left should be
 * x − r, on the right x + r; a broken rule gives the value, a bound only has to hold with it. A rule broken alone
 * names its cell only when no other of its cells could be wrong (the rest are held by rules that hold, or would
 * have to go below 0).
 */
function singleCell(
  grid: Grid,
  broken: readonly Evaluation[],
  held: ReadonlySet<string>,
  bounds: readonly Evaluation[],
): { ref: CellRef; value: number } | undefined {
  if (broken.length === 0) return undefined;
  const found: { ref: CellRef; value: number }[] = [];
  for (const ref of cellsOf(broken[0]!)) {
    const key = refKey(ref);
    if (held.has(key)) continue;
    const x = grid.value(ref)!;
    const wanted = new Set<number>();
    for (const ev of broken) {
      const onLeft = ev.eq.left.some((r) => refKey(r) === key);
      const onRight = !onLeft && ev.eq.right.some((r) => refKey(r) === key);
      if (!onLeft && !onRight) {
        wanted.add(NaN);
        break;
      }
      wanted.add(onLeft ? x - ev.residual : x + ev.residual);
    }
    const [value] = [...wanted];
    if (wanted.size !== 1 || value === undefined || !Number.isInteger(value) || value < 0) continue;
    const mended = new Map([[grid.cell(ref)!.span.start, value]]);
    const bound = (ev: Evaluation): boolean => cellsOf(ev).some((r) => refKey(r) === key);
    if (bounds.every((ev) => bound(ev) && !belowBound(evaluate(grid, ev.eq, mended)))) found.push({ ref, value });
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Totals, each the left of a broken sum and in no sum that holds, whose value set to that sum's also mends every other
 * broken sum they are in (two at least): each is one wrong cell whatever else is wrong in the table.
 */
function wrongTotals(
  grid: Grid,
  broken: readonly Evaluation[],
  held: ReadonlySet<string>,
): { ref: CellRef; value: number; mends: Evaluation[] }[] {
  const out: { ref: CellRef; value: number; mends: Evaluation[] }[] = [];
  const taken = new Set<Evaluation>();
  for (const ev of broken) {
    if (ev.eq.family === 'E1' || taken.has(ev)) continue;
    const ref = ev.eq.left[0]!;
    const key = refKey(ref);
    const value = grid.value(ref)! - ev.residual;
    if (held.has(key) || !Number.isInteger(value) || value < 0) continue;
    const mends = broken.filter((b) => !taken.has(b) && cellsOf(b).some((r) => refKey(r) === key));
    const mended = new Map([[grid.cell(ref)!.span.start, value]]);
    if (mends.length < 2 || mends.some((b) => evaluate(grid, b.eq, mended).status !== 'holds')) continue;
    for (const b of mends) taken.add(b);
    out.push({ ref, value, mends });
  }
  return out;
}

/** The sums' findings of every table, `table-total` and `table-balance` in one list. */
function sums({ report, grids }: CheckContext): { code: string; draft: Draft }[] {
  const out: { code: string; draft: Draft }[] = [];
  for (const grid of grids) {
    const found: { code: string; draft: Draft }[] = [];
    const evs = equations(grid.spec).map((eq) => evaluate(grid, eq));
    const broken = evs.filter((e) => e.status === 'broken');
    // The cells of the sums that hold: none of them is the wrong one.
    const held = new Set(evs.filter((e) => e.status === 'holds').flatMap((e) => cellsOf(e).map(refKey)));
    const bounds = evs.filter(belowBound);
    const one = singleCell(grid, broken, held, bounds);
    if (one) {
      found.push({ code: 'table-total', draft: primary(report, grid, one, broken, bounds) });
    } else {
      // Totals that each explain every broken sum they are in (a total row shifted by a cell): one error each.
      const explained = new Set<Evaluation>();
      for (const { ref, value, mends } of wrongTotals(grid, broken, held)) {
        found.push({ code: 'table-total', draft: primary(report, grid, { ref, value }, mends, []) });
        for (const ev of mends) explained.add(ev);
      }
      for (const ev of broken) {
        if (explained.has(ev)) continue;
        found.push(
          ev.eq.family === 'E1'
            ? { code: 'table-balance', draft: balance(grid, ev, evs) }
            : { code: 'table-total', draft: total(report, grid, ev) },
        );
      }
    }
    // A cell already reported needs no lower bound besides.
    const reported = new Set(found.map((f) => f.draft.span.start));
    const corrected = correctionsOf(found.map((f) => f.draft));
    for (const ev of evs) {
      const bound = lowerBound(grid, ev, corrected);
      if (bound && !reported.has(bound.span.start)) found.push({ code: 'table-total', draft: bound });
    }
    for (const f of found) out.push(f);
  }
  return out;
}

/** The right values that set-cell fixes give, by the cell's offset. */
function correctionsOf(drafts: readonly Draft[]): Map<number, number> {
  const corrected = new Map<number, number>();
  for (const d of drafts) if (d.data?.fix === 'set-cell') corrected.set(d.data.target.span.start, Number(d.data.value));
  return corrected;
}

/** A total that disagrees with its addends, and the fix that sets it to their sum. */
function total(report: Report, grid: Grid, ev: Evaluation): Draft {
  const ref = ev.eq.left[0]!;
  return {
    message: totalMessage(grid, ev),
    span: span(grid, ref),
    data: setCell(report, grid, ref, ev.rightKnown, ROLE_OF_TOTAL[ev.eq.family as 'E2' | 'E3' | 'E6']),
  };
}

function primary(
  report: Report,
  grid: Grid,
  one: { ref: CellRef; value: number },
  broken: readonly Evaluation[],
  bounds: readonly Evaluation[],
): Draft {
  const key = refKey(one.ref);
  // Said as the total of the rule it breaks exactly; a bound names no right value.
  const asTotal = broken.find((ev) => ev.eq.family !== 'E1' && refKey(ev.eq.left[0]!) === key);
  const others = [...broken, ...bounds.filter((ev) => refKey(ev.eq.left[0]!) !== key)]
    .filter((ev) => ev !== asTotal)
    .map((ev) => affected(grid, ev, one));
  if (asTotal) {
    const role = ROLE_OF_TOTAL[asTotal.eq.family as 'E2' | 'E3' | 'E6'];
    return {
      message: totalMessage(grid, asTotal),
      span: span(grid, one.ref),
      data: setCell(report, grid, one.ref, one.value, role),
      related: others,
    };
  }
  const rules = [...broken, ...bounds]
    .map((ev) => ({ E1: '勾稽关系', E2: '行合计', E3: '列合计', E6: '小计' })[ev.eq.family])
    .join('、');
  const message = `${cellTitle(grid.spec, one.ref)} 与${rules}都不符：应为 ${formatNumber(one.value)}，实为 ${text(grid, one.ref)}`;
  return {
    message,
    span: span(grid, one.ref),
    data: setCell(report, grid, one.ref, one.value, 'addend'),
    related: others,
  };
}

/** E1 broken in a column: on the row the other rules point to, else on the table. */
function balance(grid: Grid, ev: Evaluation, evs: readonly Evaluation[]): Draft {
  const col = ev.eq.column!;
  const colName = grid.spec.columns[col] ?? '';
  const figures = balanceFigures(grid, ev);
  const columnTotal = evs.find((e) => e.eq.family === 'E3' && e.eq.column === col);
  const rowBroken = cellsOf(ev).filter((ref) =>
    evs.some((e) => e.eq.family === 'E2' && e.status === 'broken' && e.eq.left[0]!.row === ref.row),
  );
  const cells: Related[] = cellsOf(ev).map((ref) => ({
    span: span(grid, ref),
    message: `${cellTitle(grid.spec, ref)} = ${text(grid, ref)}`,
  }));
  let at: Span;
  let why: string;
  const totalRow = totalRowName(grid.spec);
  if (columnTotal?.status === 'broken') {
    at = span(grid, columnTotal.eq.left[0]!);
    why = `${totalRow}与各项之和也不符，应先核对${totalRow}`;
  } else if (columnTotal?.status === 'holds' && rowBroken.length === 1) {
    at = span(grid, rowBroken[0]!);
    why = `${cellTitle(grid.spec, rowBroken[0]!)} 所在行的合计也不符，问题可能在这一行`;
  } else if (columnTotal?.status === 'holds') {
    const first = ev.eq.left[0]!;
    at = span(grid, first);
    why = `${totalRow}与各项相符，问题应在${otherBalanceRows(grid.spec)}`;
  } else {
    at = tableAnchor(grid);
    why = '无法判断是哪一项有误';
  }
  return {
    message: `“${colName}”列不符合勾稽关系（第一项加第二项之和，等于第三项加第四项之和）：${figures}；${why}`,
    span: at,
    related: cells,
  };
}

/** The name of the row that totals the others (`（七）总计`). */
function totalRowName(spec: TableSpec): string {
  const id = spec.sums?.totalRow?.row;
  const row = id !== undefined ? rowSpec(spec, id) : undefined;
  return row ? rowName(spec, row) : '总计行';
}

/** The balance's rows other than the total row, by their short names: `本年新收、上年结转或结转下年度`. */
function otherBalanceRows(spec: TableSpec): string {
  const b = spec.sums?.balance;
  const names = [...(b?.left ?? []), ...(b?.right ?? [])]
    .filter((id) => id !== spec.sums?.totalRow?.row)
    .map((id) => rowSpec(spec, id)?.short ?? id);
  return names.length > 1 ? `${names.slice(0, -1).join('、')}或${names[names.length - 1]}` : names.join('');
}

function tableAnchor(grid: Grid): Span {
  const t = grid.table;
  return t.headerRows[0]?.span ?? t.caption?.span ?? t.rows[0]?.span ?? t.span;
}

/** A present total below the sum of its present addends is impossible, whatever the missing ones hold. */
function lowerBound(grid: Grid, ev: Evaluation, corrected: ReadonlyMap<number, number>): Draft | undefined {
  if (!belowBound(ev)) return undefined;
  // A cell already found wrong counts with its right value: the bound it alone breaks is that finding's.
  let right = 0;
  for (const r of ev.eq.right) {
    const v = grid.value(r);
    if (v !== undefined) right += corrected.get(grid.cell(r)!.span.start) ?? v;
  }
  if (ev.leftKnown >= right) return undefined;
  const ref = ev.eq.left[0]!;
  return {
    message: `${cellTitle(grid.spec, ref)} 应至少为 ${formatNumber(right)}（已填各项：${addendList(grid, ev.eq)}；另有 ${ev.missingRight} 项未填或无效），实为 ${text(grid, ref)}`,
    span: span(grid, ref),
  };
}

function walk(ctx: CheckContext): ReadonlyMap<string, Draft[]> {
  const out = new Drafts();
  for (const f of sums(ctx)) out.add(f.code, f.draft);
  return out.byCode;
}

/** Cells the sums found wrong, by offset, with their right value. */
export function sumCorrections(ctx: CheckContext): ReadonlyMap<number, number> {
  return correctionsOf(ctx.shared(walk, walk).get('table-total') ?? []);
}

const check = family(walk);
const STAGE_OF_ROLE = { addend: 1, 'row-total': 2, 'column-total': 3 } as const;

export const sumRules: readonly Rule[] = [
  {
    code: 'table-total',
    severity: 'error',
    summary: '总计与各项之和不符（三表的行合计、列合计，四表的小计）',
    check: check('table-total'),
    fix: (d, { text }) =>
      d.fix === 'set-cell' ? replaceFix(text, d.target, d.value, `将“${d.cell}”改为 ${d.value}`) : undefined,
    // Fix-all mends a single wrong addend first, then row totals, then column totals.
    fixAllStage: (d) => (d.fix === 'set-cell' ? STAGE_OF_ROLE[d.role] : undefined),
  },
  {
    code: 'table-balance',
    severity: 'error',
    summary: '三表某列不符合勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
    check: check('table-balance'),
  },
];
