import assert from 'node:assert/strict';
import { tablesView, type CellView, type TableView } from '../../server/src/core/tableview';
import { renderTables } from '../../server/src/render/tables';
import { DEFAULT_OPTIONS, analyze, shownFindings } from '../../server/src/service';
import { fixture } from '../helpers';
import { readInput } from '../../server/src/inputs/index';

const CORRECT = fixture('crafted/correct-tab.txt');

function view(text: string, markdown = false) {
  const a = analyze(text, markdown);
  return tablesView(a.report, shownFindings(a, DEFAULT_OPTIONS));
}

function table(v: ReturnType<typeof view>, id: string): TableView {
  const t = v.tables.find((x) => x.id === id);
  assert.ok(t, id);
  return t;
}

function cells(t: TableView): CellView[] {
  return t.rows.flatMap((r) => r.cells);
}

/** Cells not `ok`, as `title state text→expected`. */
function odd(t: TableView): string[] {
  return cells(t)
    .filter((c) => c.state !== 'ok')
    .map((c) => `${c.title} ${c.state} ${c.text}${c.expected !== undefined ? `→${c.expected}` : ''}`);
}

describe('the tables as the template draws them (preview)', () => {
  it('draws every table of a correct report in the template’s rows and columns, every cell ok, with its place', () => {
    for (const text of [CORRECT, fixture('crafted/correct-pipe.md'), fixture('crafted/correct-cells.txt')]) {
      const v = view(text, text === fixture('crafted/correct-pipe.md'));
      assert.deepEqual(
        v.tables.map((t) => `${t.section} ${t.id} ${t.state}`),
        ['二 art20-1 ok', '二 art20-5 ok', '二 art20-6 ok', '二 art20-8 ok', '三 applications ok', '四 review ok'],
      );
      assert.equal(v.errors + v.warnings, 0);
      assert.deepEqual(v.sums, []);
      const apps = table(v, 'applications');
      assert.equal(apps.rows.filter((r) => r.kind === 'row').length, 25);
      assert.equal(cells(apps).length, 175);
      assert.deepEqual(odd(apps), []);
      assert.deepEqual(odd(table(v, 'review')), []);
      // Each cell's place holds its text.
      const lines = text.split('\n');
      for (const c of cells(apps)) {
        assert.ok(c.place, c.title);
        assert.equal(lines[c.place.start.line]!.slice(c.place.start.character, c.place.end.character), c.text);
      }
    }
  });

  it('draws a saved web page’s and a Word document’s tables the same: every cell ok, one changed cell wrong', async () => {
    const { sources, toHtml } = await import('../../scripts/pdf-fixtures');
    const { toDocx } = await import('../docx');
    const made = sources();
    for (const [kind, bytes] of [
      ['html', (t: string) => Promise.resolve(new TextEncoder().encode(toHtml(t)))],
      ['docx', (t: string) => toDocx(t, { merge: true, numbering: true })],
    ] as const) {
      for (const [name, want] of [
        ['correct', []],
        ['wrong-cell', ['（一）予以公开·自然人 wrong 6→5']],
      ] as const) {
        const input = await readInput(await bytes(made[name]!), `report.${kind}`);
        const apps = table(view(input.text, input.markdown), 'applications');
        assert.equal(cells(apps).length, 175, `${kind} ${name}`);
        assert.deepEqual(odd(apps), want, `${kind} ${name}`);
      }
    }
  });

  it('groups 三’s rows under 三、本年度办理结果 and its sub-groups, and spans the headers as the template prints them', () => {
    const apps = table(view(CORRECT), 'applications');
    assert.deepEqual(
      apps.rows.slice(0, 6).map((r) => `${r.kind} ${r.depth} ${r.label}`),
      [
        'row 0 一、本年新收政府信息公开申请数量',
        'row 0 二、上年结转政府信息公开申请数量',
        'group 0 三、本年度办理结果',
        'row 1 （一）予以公开',
        'row 1 （二）部分公开（区分处理的，只计这一情形，不计其他情形）',
        'group 1 （三）不予公开',
      ],
    );
    assert.deepEqual(
      apps.rows.slice(-3).map((r) => `${r.kind} ${r.depth} ${r.label}`),
      ['row 2 3.其他', 'row 1 （七）总计', 'row 0 四、结转下年度继续办理'],
    );
    assert.deepEqual(
      apps.header.map((row) => row.map((h) => `${h.text} ${h.colspan}×${h.rowspan}`)),
      [
        ['申请人情况 7×1'],
        ['自然人 1×2', '法人或其他组织 5×1', '总计 1×2'],
        ['商业企业 1×1', '科研机构 1×1', '社会公益组织 1×1', '法律服务机构 1×1', '其他 1×1'],
      ],
    );
    assert.match(apps.labelHeader ?? '', /勾稽关系/u);
    const review = table(view(CORRECT), 'review');
    assert.equal(review.labelHeader, undefined);
    assert.deepEqual(
      review.header.map((row) => row.map((h) => `${h.text} ${h.colspan}×${h.rowspan}`).join(' ')),
      [
        '行政复议 5×1 行政诉讼 10×1',
        '结果维持 1×2 结果纠正 1×2 其他结果 1×2 尚未审结 1×2 总计 1×2 未经复议直接起诉 5×1 复议后起诉 5×1',
        Array(2).fill('结果维持 1×1 结果纠正 1×1 其他结果 1×1 尚未审结 1×1 总计 1×1').join(' '),
      ],
    );
    assert.deepEqual(
      table(view(CORRECT), 'art20-1').header.map((row) => row.map((h) => h.text)),
      [['本年制发件数', '本年废止件数', '现行有效件数']],
    );
  });

  it('one wrong cell: red with its right value; the sums it breaks name their cells, the others stay ok', () => {
    const wrong = CORRECT.replace('\t（七）总计\t10\t2', '\t（七）总计\t11\t2');
    const v = view(wrong);
    const apps = table(v, 'applications');
    assert.deepEqual(odd(apps), ['（七）总计·自然人 wrong 11→10']);
    assert.deepEqual(
      v.sums.map((s) => s.title),
      ['行合计：（七）总计·总计', '列合计：（七）总计·自然人', '勾稽关系：第 1 列（自然人）'],
    );
    const c = cells(apps).find((x) => x.title === '（七）总计·自然人')!;
    assert.deepEqual(c.sums, [0, 1, 2]);
    assert.equal(cells(apps).find((x) => x.title === '（七）总计·总计')!.state, 'ok');
    assert.deepEqual(cells(apps).find((x) => x.title === '（七）总计·总计')!.sums, [0]);
    assert.equal(v.errors, 1);
  });

  it('marks blank and invalid cells, a missing row with the template’s label, a missing table', () => {
    const damaged = CORRECT.replace('1.属于国家秘密\t0\t0\t0', '1.属于国家秘密\t\t0\t0')
      .replace(/^.*3\.要求提供公开出版物.*\n/mu, '')
      .replace('\t（七）总计\t10\t2', '\t（七）总计\t十\t2');
    const apps = table(view(damaged), 'applications');
    assert.deepEqual(
      odd(apps).filter((s) => !s.includes('absent')),
      ['（三）1.属于国家秘密·自然人 blank ', '（七）总计·自然人 invalid 十'],
    );
    const missing = apps.rows.find((r) => r.label === '3.要求提供公开出版物')!;
    assert.equal(missing.place, undefined);
    assert.ok(missing.cells.every((c) => c.state === 'absent'));
    assert.match(missing.notes.join(), /缺少/u);

    const without =
      CORRECT.slice(0, CORRECT.indexOf('四、')) +
      '四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n';
    const review = table(view(without), 'review');
    assert.equal(review.state, 'missing');
    assert.match(review.note ?? '', /报告中没有“行政复议、行政诉讼情况表”/u);
  });

  it('draws HTML with each cell’s place and state, the right value in a wrong cell, text escaped', () => {
    const wrong = CORRECT.replace('\t（七）总计\t10\t2', '\t（七）总计\t11\t2').replace(
      '（一）予以公开',
      '（一）予以公开<b>',
    );
    const html = renderTables(view(wrong));
    const line = wrong.split('\n').findIndex((l) => l.startsWith('\t（七）总计'));
    const ch = wrong.split('\n')[line]!.indexOf('11');
    assert.ok(
      html.includes(
        `<td class="cell wrong" data-line="${line}" data-ch="${ch}" data-end-line="${line}" data-end-ch="${ch + 2}" data-sums="0 1 2" data-title="（七）总计·自然人"`,
      ),
    );
    assert.ok(html.includes('11<span class="expected">应为 10</span></td>'));
    assert.ok(!html.includes('<b>'));
    assert.ok(html.includes('报告中为“（一）予以公开&#60;b&#62;”'));
    assert.equal((html.match(/<td /gu) ?? []).length, 6 + 1 + 2 + 1 + 175 + 15);
    assert.equal((html.match(/<script/gu) ?? []).length, 0);
  });
});
