/**
 * Word documents: .docx files made from crafted reports with the `docx` package (Word's numbering, merged cells, text
 * split into runs), and small hand-written packages for what the package does not write (a numbering by style,
 * deleted text, field codes, start overrides, `w:gridBefore`).
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { fixAllStageOf, fixAllText } from '../../server/src/core/fixall';
import { checkReport } from '../../server/src/core/rules/index';
import { parseReport } from '../../server/src/core/parse/index';
import { fixDocx, formatCounter, readDocx } from '../../server/src/inputs/docx';
import { InputError } from '../../server/src/inputs/errors';
import { toDocx, type DocxOptions } from '../docx';
import { check, fixture, FIXTURES, REAL_REPORTS, replaceOnce, said } from '../helpers';
import { sources } from '../../scripts/pdf-fixtures';

const CORRECT = fixture('crafted/correct-tab.txt');
const FORMS: Record<string, DocxOptions> = {
  plain: {},
  'Word numbering': { numbering: true },
  'merged cells': { merge: true },
  'numbering, merged cells, one run per character': { numbering: true, merge: true, splitRuns: true },
};

/** The lines of a text that hold something (the reader and the crafted text differ only in blank lines). */
const filled = (text: string): string[] => text.split('\n').filter((l) => l.trim().length > 0);

function serious(text: string): string[] {
  return check(text)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${text.slice(0, f.span.start).split('\n').length} ${f.code} ${f.message}`);
}

/** A package of hand-written parts around a body. */
function handMade(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>${body}</w:body></w:document>`,
    ),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

const p = (text: string, pPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (inner: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;

describe('Word documents (.docx)', () => {
  for (const [name, options] of Object.entries(FORMS)) {
    it(`${name}: reads back as the report it was made from, and a correct report has no finding`, async () => {
      const text = readDocx(await toDocx(CORRECT, options)).input.text;
      assert.deepEqual(filled(text), filled(CORRECT));
      assert.deepEqual(serious(text), []);
    });

    it(`${name}: one changed cell is found on its row with its right value`, async () => {
      const wrong = replaceOnce(CORRECT, '\t（一）予以公开\t5\t', '\t（一）予以公开\t6\t');
      const text = readDocx(await toDocx(wrong, options)).input.text;
      const line = text.split('\n').findIndex((l) => l.includes('（一）予以公开\t6')) + 1;
      assert.deepEqual(serious(text), [
        `${line} table-total （一）予以公开·自然人 与行合计、列合计都不符：应为 5，实为 6`,
      ]);
    });
  }

  it('fix into the .docx: blanks, a wrong total and a wrong cell go into their own cells; re-read gives the original numbers', async () => {
    const bytes = await toDocx(fixture('crafted/fixable-tab.txt'), { numbering: true, merge: true, splitRuns: true });
    const reading = readDocx(bytes);
    const result = fixAllText(reading.input.text);
    const written = fixDocx(bytes, reading, result.text);
    assert.deepEqual(written.unplaced, []);
    assert.equal(written.changed, 3);
    const again = readDocx(written.bytes).input.text;
    assert.deepEqual(filled(again), filled(CORRECT));
    const fixable = checkReport(parseReport(again)).filter((f) => fixAllStageOf(f) !== undefined);
    assert.deepEqual(fixable, []);
    // Nothing but text changed: with every run taken out, the two documents are the same XML.
    const xml = (b: Uint8Array): string => new TextDecoder().decode(unzipSync(b)['word/document.xml']);
    const withoutRuns = (x: string): string => x.replace(/<w:r>.*?<\/w:r>/gsu, '').replace(/<w:p\/>/gu, '<w:p></w:p>');
    assert.equal(withoutRuns(xml(written.bytes)), withoutRuns(xml(bytes)));
    // The other parts of the package are the same bytes.
    const before = unzipSync(bytes);
    const after = unzipSync(written.bytes);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
    for (const k of Object.keys(before)) if (k !== 'word/document.xml') assert.deepEqual(after[k], before[k], k);
  });

  it('documents LibreOffice saved again (a value spanning two grid columns): the findings of their text; fix-all writes back', () => {
    const resaved = (name: string): Uint8Array =>
      new Uint8Array(readFileSync(path.join(FIXTURES, 'docx', `writer-${name}.docx`)));
    // The grid is finer than the table: a value cell spans two of its columns.
    assert.match(
      new TextDecoder().decode(unzipSync(resaved('correct'))['word/document.xml']),
      /<w:gridSpan w:val="2"\/>.*?<w:t>10<\/w:t>/u,
    );
    for (const [name, text] of Object.entries(sources()))
      assert.deepEqual(said(readDocx(resaved(name)).input.text), said(text), name);
    for (const real of REAL_REPORTS) {
      const text = readDocx(resaved(`report-${real.slice(0, 3)}`)).input.text;
      assert.deepEqual(said(text), said(fixture(`${real}.txt`)), real);
    }
    // Fix-all's blank, total and cell go into the document's own cells: read again, it checks clean.
    const bytes = resaved('fixable');
    const reading = readDocx(bytes);
    const written = fixDocx(bytes, reading, fixAllText(reading.input.text).text);
    assert.deepEqual(written.unplaced, []);
    assert.equal(written.changed, 3);
    assert.deepEqual(said(readDocx(written.bytes).input.text), []);
  });

  it('a cell split over runs gets its new text in the first run and the others emptied, keeping their properties', () => {
    const row = `<w:tbl><w:tr>${tc(p('（七）总计'))}${tc('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>4</w:t></w:r></w:p>')}</w:tr></w:tbl>`;
    const bytes = handMade(row);
    const reading = readDocx(bytes);
    assert.equal(reading.input.text, '（七）总计\t14\n');
    const written = fixDocx(bytes, reading, '（七）总计\t12\n');
    const xml = new TextDecoder().decode(unzipSync(written.bytes)['word/document.xml']);
    assert.match(xml, /<w:r><w:rPr><w:b\/><\/w:rPr><w:t>12<\/w:t><\/w:r><w:r><w:t><\/w:t><\/w:r>/u);
    assert.equal(readDocx(written.bytes).input.text, '（七）总计\t12\n');
  });

  it('a change outside the cells, or into a merged place, is not written and is said', () => {
    const body = `${p('一、总体情况')}<w:tbl><w:tr>${tc(p('行政许可'), '<w:gridSpan w:val="2"/>')}${tc(p('3'))}</w:tr></w:tbl>`;
    const bytes = handMade(body);
    const reading = readDocx(bytes);
    assert.equal(reading.input.text, '一、总体情况\n行政许可\t\t3\n');
    const written = fixDocx(bytes, reading, '一、总体情况x\n行政许可\t0\t3\n');
    assert.equal(written.changed, 0);
    assert.deepEqual(written.unplaced, ['第 1 行：一、总体情况x', '第 2 行第 2 格（合并单元格）：0']);
    assert.equal(written.bytes, bytes);
  });

  it('merged cells as blanks: w:gridSpan, w:vMerge continuing, w:gridBefore/w:gridAfter', () => {
    const body =
      '<w:tbl>' +
      `<w:tr>${tc(p('三、本年度办理结果'), '<w:vMerge w:val="restart"/>')}${tc(p('（一）予以公开'))}${tc(p('5'))}</w:tr>` +
      `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('（二）部分公开'))}${tc(p('1'))}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc(p('（三）不予公开'))}${tc(p('0'))}</w:tr>` +
      '</w:tbl>';
    assert.equal(
      readDocx(handMade(body)).input.text,
      '三、本年度办理结果\t（一）予以公开\t5\n\t（二）部分公开\t1\n\t（三）不予公开\t0\t\n',
    );
  });

  it('a cell’s paragraphs are one label; deleted text, field codes and VML fallbacks are no text', () => {
    const body =
      '<w:tbl><w:tr>' +
      tc(p('1.申请人无正当理由逾期不补') + p('正、行政机关不再处理其政府信') + p('息公开申请')) +
      tc(p('67')) +
      '</w:tr></w:tbl>' +
      '<w:p><w:r><w:t>四、</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:t>政府信息公开行政复议、</w:t></w:r>' +
      '<mc:AlternateContent><mc:Choice><w:r><w:t>行政</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>行政</w:t></w:r></mc:Fallback></mc:AlternateContent>' +
      '<w:r><w:t>诉讼情况</w:t></w:r></w:p>';
    assert.equal(
      readDocx(handMade(body)).input.text,
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t67\n\n四、政府信息公开行政复议、行政诉讼情况\n',
    );
  });

  it('numbering from a paragraph style, a list restarted by an override, and sub-levels restarting under a new heading', () => {
    const numbering =
      '<w:numbering xmlns:w="w">' +
      '<w:abstractNum w:abstractNumId="7">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>' +
      '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>' +
      '</w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>' +
      '</w:numbering>';
    const styles =
      '<w:styles xmlns:w="w">' +
      '<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>' +
      '</w:styles>';
    const num = (id: number, lvl: number): string =>
      `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const body =
      p('总体情况', '<w:pStyle w:val="H1"/>') +
      p('主动公开', num(1, 1)) +
      p('第一项', num(1, 2)) +
      p('第二项', num(1, 2)) +
      p('依申请公开', num(1, 1)) +
      p('主动公开政府信息情况', '<w:pStyle w:val="H1b"/>') +
      p('规章', num(1, 1)) +
      p('存在的主要问题及改进情况', num(2, 0)) +
      p('不编号', num(0, 0));
    assert.equal(
      readDocx(handMade(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles })).input.text,
      [
        '一、总体情况',
        '（一）主动公开',
        // An ordinal that ends in punctuation is followed by no space, whatever the level's suffix.
        '1.第一项',
        '2.第二项',
        '（二）依申请公开',
        '二、主动公开政府信息情况',
        '（一）规章',
        '五、存在的主要问题及改进情况',
        '不编号',
        '',
      ].join('\n'),
    );
  });

  it('draws counters as Word does', () => {
    const chinese = [1, 2, 10, 11, 19, 20, 21, 100, 105, 110].map((n) => formatCounter(n, 'chineseCounting'));
    assert.deepEqual(chinese, ['一', '二', '十', '十一', '十九', '二十', '二十一', '一百', '一百零五', '一百一十']);
    assert.deepEqual(
      [
        'decimal',
        'decimalEnclosedCircle',
        'ideographTraditional',
        'upperRoman',
        'lowerLetter',
        'decimalFullWidth',
        'bullet',
      ].map((f) => formatCounter(3, f)),
      ['3', '③', '丙', 'III', 'c', '３', ''],
    );
  });

  it('an encrypted or old .doc, a broken zip and a zip with no document are each refused in one clear sentence', () => {
    const reason = (bytes: Uint8Array): string => {
      try {
        readDocx(bytes);
      } catch (e) {
        assert.ok(e instanceof InputError);
        return e.reason;
      }
      return 'read';
    };
    assert.equal(
      reason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      '是加密的 Word 文档或旧版 .doc 文件，请在 Word/WPS 中另存为未加密的 .docx',
    );
    const good = handMade(p('一、总体情况'));
    assert.equal(reason(good.subarray(0, good.length - 30)), '不是有效的 .docx 文件（压缩包已损坏）');
    assert.equal(reason(zipSync({ 'a.txt': strToU8('x') })), '不是有效的 .docx 文件（没有 word/document.xml）');
    assert.equal(reason(strToU8('政府信息公开工作年度报告')), '不是有效的 .docx 文件');
  });
});
