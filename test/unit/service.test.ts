import assert from 'node:assert/strict';
import { looksLikeReport } from '../../server/src/core/detect';
import { DEFAULT_OPTIONS, analyze, shouldCheck, toDiagnostics, toOptions } from '../../server/src/service';
import { fixture } from '../helpers';

describe('detection and settings', () => {
  it('detects the fixtures, blank lines first, and not other texts', () => {
    for (const name of [
      '000_94c66d917836ad80.txt',
      '001_50aa6597b9c6048c.txt',
      '003_b4c873c83d7e3610.txt',
      'crafted/correct-pipe.md',
    ]) {
      assert.ok(looksLikeReport(fixture(name)), name);
    }
    assert.ok(!looksLikeReport('会议纪要\n\n政府信息公开工作推进会'));
    const late = Array.from({ length: 20 }, (_, i) => `第${i}行`).join('\n') + '\n政府信息公开工作年度报告';
    assert.ok(!looksLikeReport(late));
    assert.ok(looksLikeReport('\n\n\n某镇 2023 年政府信息公开\n工作年度报告'));
  });

  it('checks plaintext and Markdown only when detected, its own language always, any file when asked', () => {
    const report = fixture('000_94c66d917836ad80.txt');
    assert.ok(shouldCheck('plaintext', report, DEFAULT_OPTIONS, false));
    assert.ok(shouldCheck('markdown', report, DEFAULT_OPTIONS, false));
    assert.ok(!shouldCheck('plaintext', '随笔', DEFAULT_OPTIONS, false));
    assert.ok(!shouldCheck('javascript', report, DEFAULT_OPTIONS, false));
    assert.ok(shouldCheck('nianbao', '随笔', DEFAULT_OPTIONS, false));
    assert.ok(shouldCheck('plaintext', '随笔', DEFAULT_OPTIONS, true));
    const off = toOptions({ detection: { enabled: false } });
    assert.ok(!shouldCheck('plaintext', report, off, false));
  });

  it('overrides a code’s severity, or turns it off', () => {
    const a = analyze(fixture('000_94c66d917836ad80.txt'), false);
    const options = toOptions({
      severity: { 'section-title': 'off', 'table-cell-extra': 'warning', bogus: 'error', 'text-artifact': 'loud' },
    });
    assert.deepEqual(options.severity, { 'section-title': 'off', 'table-cell-extra': 'warning' });
    const d = toDiagnostics(a, options, 'file:///r.txt');
    assert.deepEqual(
      d.map((x) => [x.code, x.severity]),
      [
        ['table-cell-extra', 2],
        ['fee-not-reported', 2],
      ],
    );
    assert.deepEqual(toOptions(null), DEFAULT_OPTIONS);
    assert.deepEqual(toOptions('x'), DEFAULT_OPTIONS);
  });
});
