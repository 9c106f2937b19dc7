/** Prose in the model: sections carry paragraphs, and the prose, fee, year and empty-section rules read them. */

import assert from 'node:assert/strict';
import { briefs, check, fixture, parse, replaceOnce } from '../helpers';

const BASE = fixture('crafted/correct-tab.txt');

const SIX = '本局2023年未收取信息处理费。本报告数据统计截至2023年12月31日。';

describe('paragraphs', () => {
  it('joins the lines of a paragraph, leaves out tables, indentation and leftovers’ markers', () => {
    const text = replaceOnce(BASE, SIX, '  本局2023年未收取\n**信息处理费**。\n\n本报告数据统计截至2023年12月31日。');
    const six = parse(text).sections[5]!;
    assert.deepEqual(
      six.paragraphs.map((p) => p.text),
      ['本局2023年未收取信息处理费。', '本报告数据统计截至2023年12月31日。'],
    );
    const first = six.paragraphs[0]!;
    assert.equal(text.slice(first.span.start, first.span.end), '本局2023年未收取\n**信息处理费**。');
    const three = parse(BASE).sections[2]!;
    for (const p of three.paragraphs) assert.ok(!p.text.includes('予以公开\t'), p.text);
    assert.ok(parse(BASE).paragraphs.every((p) => !p.text.startsWith('（七）总计')));
  });

  it('a section whose only text is bold is not empty (the markers are leftovers, the words are not)', () => {
    const text = replaceOnce(BASE, SIX, `**${SIX}**`);
    assert.deepEqual(
      check(text).map((f) => f.code),
      ['text-artifact'],
    );
  });

  it('reads a figure broken over two lines, and the years in a broken date', () => {
    const one = BASE.indexOf('共收到');
    assert.ok(one > 0);
    const figure = /共收到[^\n。]*?(\d+)件/u.exec(BASE.slice(one))!;
    const broken = replaceOnce(
      BASE,
      figure[0],
      figure[0].replace(/(\d+)件$/u, (_, n) => `\n${Number(n) + 5}件`),
    );
    const found = check(broken).filter((f) => f.code === 'prose-mismatch');
    assert.equal(found.length, 1);
    assert.equal(broken.slice(found[0]!.span.start, found[0]!.span.end), String(Number(figure[1]) + 5));

    const date = replaceOnce(BASE, '截至2023年12月31日', '截至2022年\n12月31日');
    assert.deepEqual(
      check(date).map((f) => [f.code, date.slice(f.span.start, f.span.end)]),
      [['year-mismatch', '2022']],
    );
  });

  it('the fee stated on a line the heading carries after a colon counts', () => {
    const text = replaceOnce(BASE, `六、其他需要报告的事项\n\n${SIX}`, `六、其他需要报告的事项：${SIX}`);
    assert.deepEqual(briefs(text), []);
  });
});
