import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fingerprint, type Dismissal } from '../../server/src/core/dismiss';
import { DISMISS_FILE, DismissalStore, addDismissal, parseDismissFile } from '../../server/src/dismissals';
import { DEFAULT_OPTIONS, analyze, shownFindings, toFixAllEdits } from '../../server/src/service';
import { fixture, replaceOnce } from '../helpers';
import Ajv from 'ajv';

const SCHEMA = path.join(__dirname, '..', '..', 'schemas', 'nianbao.schema.json');

const BASE = fixture('crafted/correct-tab.txt');
const TOTAL_ROW = '\t（七）总计\t10\t2\t0\t0\t1\t0\t13';
const WRONG = replaceOnce(BASE, TOTAL_ROW, TOTAL_ROW.replace('\t10\t', '\t11\t'));

function dismissAll(text: string): Dismissal[] {
  const a = analyze(text, false);
  return a.findings.map((f) => ({ code: f.code, ...fingerprint(a.report, f) }));
}

function shown(text: string, dismissed: readonly Dismissal[]): string[] {
  return shownFindings(analyze(text, false), { ...DEFAULT_OPTIONS, dismissed }).map((f) => `${f.code} ${f.message}`);
}

describe('dismissed findings (.nianbao.json)', () => {
  it('knows a finding by its cell and the cell’s text, not by its line', () => {
    const a = analyze(WRONG, false);
    assert.deepEqual(
      a.findings.map((f) => ({ code: f.code, ...fingerprint(a.report, f) })),
      [{ code: 'table-total', at: 'cell:applications:total:自然人', text: '11' }],
    );
    const dismissed = dismissAll(WRONG);
    assert.deepEqual(shown(WRONG, dismissed), []);
    // Lines added above it and a paragraph rewritten: still dismissed.
    const moved = WRONG.replace('一、总体情况\n', '一、总体情况\n\n本段为新增的说明。\n另一行。\n');
    assert.notEqual(moved, WRONG);
    assert.deepEqual(shown(moved, dismissed), []);
    // The cell itself changed: the finding is back, with its new value.
    const changed = WRONG.replace('\t（七）总计\t11\t', '\t（七）总计\t12\t');
    assert.deepEqual(shown(changed, dismissed), [
      'table-total （七）总计·自然人 应为 10（予以公开 5 + 部分公开 1 + 不予公开 2 + 无法提供 2），实为 12',
    ]);
  });

  it('knows a heading’s finding by its section, a missing section by what is missing; others stay shown', () => {
    const text = fixture('001_50aa6597b9c6048c.txt');
    const a = analyze(text, false);
    const all = a.findings.map((f) => `${f.code} ${fingerprint(a.report, f).at}`);
    assert.ok(all.includes('section-numbering section:4'), all.join('\n'));
    // Dismiss the first finding only: exactly that one goes.
    const first = a.findings[0]!;
    const rest = shown(text, [{ code: first.code, ...fingerprint(a.report, first) }]);
    assert.equal(rest.length, a.findings.length - 1);
    assert.ok(!rest.includes(`${first.code} ${first.message}`));
    // Survives an unrelated edit before it.
    const edited = text.replace(/\n/u, '\n\n');
    assert.deepEqual(shown(edited, [{ code: first.code, ...fingerprint(a.report, first) }]), rest);
  });

  it('fix-all leaves a dismissed finding as it is', () => {
    const a = analyze(WRONG, false);
    const mended = toFixAllEdits(a, DEFAULT_OPTIONS);
    assert.equal(mended.edits.length, 1);
    const kept = toFixAllEdits(a, { ...DEFAULT_OPTIONS, dismissed: dismissAll(WRONG) });
    assert.deepEqual(kept, { edits: [], message: '没有可自动修复的问题' });
  });

  it('reads and writes the file beside the report, never overwriting one it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-dismiss-'));
    const report = path.join(dir, '报告.txt');
    writeFileSync(report, WRONG);
    const store = new DismissalStore();
    assert.deepEqual(store.of(report), []);
    const [d] = dismissAll(WRONG);
    assert.deepEqual(addDismissal(store, report, { ...d!, message: '已核实' }, '2026-11-24'), {
      path: path.join(dir, DISMISS_FILE),
    });
    // Twice is once.
    addDismissal(store, report, { ...d!, message: '已核实' }, '2026-11-24');
    const entry = {
      file: '报告.txt',
      code: 'table-total',
      at: 'cell:applications:total:自然人',
      text: '11',
      message: '已核实',
      date: '2026-11-24',
    };
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, DISMISS_FILE), 'utf8')), { dismissed: [entry] });
    assert.deepEqual(store.of(report), [entry]);
    assert.deepEqual(store.of(path.join(dir, 'other.txt')), []);
    // What is written is what the schema the editor validates the file with allows; it refuses what the reader does.
    const validate = new Ajv().compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    assert.ok(
      validate(JSON.parse(readFileSync(path.join(dir, DISMISS_FILE), 'utf8'))),
      JSON.stringify(validate.errors),
    );
    for (const bad of ['[]', '{"dismissed": [{"file": "a.txt", "code": 1}]}', '{"dismissed": 3}']) {
      assert.ok('error' in parseDismissFile(bad));
      assert.ok(!validate(JSON.parse(bad)), bad);
    }
    writeFileSync(path.join(dir, DISMISS_FILE), '{"dismissed": [ oops');
    assert.deepEqual(store.of(report), []);
    const r = addDismissal(store, report, d!, '2026-11-24');
    assert.ok('error' in r && /不是有效的 JSON.*未写入/u.test(r.error), JSON.stringify(r));
    assert.equal(readFileSync(path.join(dir, DISMISS_FILE), 'utf8'), '{"dismissed": [ oops');
  });

  it('says what is wrong with a file that is not one', () => {
    assert.deepEqual(parseDismissFile('[]'), { error: '应为 {"dismissed": [ … ]}' });
    assert.deepEqual(parseDismissFile('{"dismissed": [{"file": "a.txt", "code": 1}]}'), {
      error: '第 1 项应有字符串 file、code、at、text',
    });
    assert.deepEqual(parseDismissFile('{"dismissed": []}'), { entries: [] });
  });
});
