import assert from 'node:assert/strict';
import { looksLikeReport } from '../../server/src/core/detect';
import { TEMPLATE_2021 } from '../../server/src/core/templates/index';
import { readInput, type InputText } from '../../server/src/inputs/index';
import {
  DEFAULT_OPTIONS,
  analyze,
  createReportService,
  revive,
  shouldCheck,
  toDiagnostics,
  toOptions,
} from '../../server/src/service';
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

  it('checks any language id when detected (plaintext, Markdown, Neovim’s text, none), its own always, any file when asked', () => {
    const report = fixture('000_94c66d917836ad80.txt');
    for (const id of ['plaintext', 'markdown', 'text', 'txt', ''])
      assert.ok(shouldCheck(id, report, DEFAULT_OPTIONS, false), id);
    assert.ok(!shouldCheck('plaintext', '随笔', DEFAULT_OPTIONS, false));
    assert.ok(!shouldCheck('text', 'console.log(1);', DEFAULT_OPTIONS, false));
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

describe('the report service', () => {
  const doc = (version: number, text: string) => ({
    uri: 'file:///r.txt',
    version,
    languageId: 'plaintext',
    getText: () => text,
  });

  it('analyses a document once per version, again for a new version, and forgets a closed one', async () => {
    let offloaded = 0;
    const service = createReportService({
      offloadAt: 100,
      offload: async (text, markdown) => {
        offloaded++;
        return analyze(text, markdown);
      },
    });
    const text = fixture('000_94c66d917836ad80.txt');
    const first = service.analysis(doc(1, text));
    assert.equal(service.analysis(doc(1, 'ignored: same version')), first);
    const second = service.analysis(doc(2, text.replace('一、总体情况', '一、总体')));
    assert.notEqual(second, first);
    assert.equal((await first).report.text, text);
    service.forget('file:///r.txt');
    assert.notEqual(service.analysis(doc(2, text)), second);
    assert.equal(offloaded, 3);
    // What comes back from another thread gets the template object back (its caches are keyed on it).
    const cloned = structuredClone(await first);
    assert.notEqual(cloned.report.template, TEMPLATE_2021);
    assert.equal(revive(cloned).report.template, TEMPLATE_2021);
  });
});

describe('input adapters', () => {
  const text = '某镇2023年政府信息公开工作年度报告\n一、总体情况\n';
  const utf16 = (le: boolean): Uint8Array => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + i * 2] = le ? c & 0xff : c >> 8;
      out[3 + i * 2] = le ? c >> 8 : c & 0xff;
    }
    return out;
  };

  it('decodes by byte-order mark (UTF-8, UTF-16LE, UTF-16BE), then UTF-8, then GB18030', () => {
    const read = (bytes: Uint8Array, name = 'r.txt') => readInput(bytes, name) as InputText;
    assert.equal(read(utf16(true)).text, text);
    assert.equal(read(utf16(false)).text, text);
    assert.equal(read(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])).text, text);
    assert.equal(read(new TextEncoder().encode(text)).text, text);
    // 政府 in GB18030.
    assert.equal(read(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae])).text, '政府');
  });

  it('knows Markdown by its extension and leaves a text file without a source map', () => {
    const md = readInput(new TextEncoder().encode(text), 'report.MD') as InputText;
    assert.deepEqual([md.markdown, md.format, md.sourceMap], [true, 'markdown', []]);
    const txt = readInput(new TextEncoder().encode(text), 'report.txt') as InputText;
    assert.deepEqual([txt.markdown, txt.format], [false, 'text']);
  });
});
