import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Positions, negotiate, updateDocument } from '../../server/src/lsp/encoding';

const TEXT = 'a中\t(七)总计\t11\n😀x\r\n第二行';

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') out.push(i + 1);
  }
  return out;
}

describe('position encodings', () => {
  it('uses UTF-8 only when the client lists it before UTF-16; Neovim 0.7’s offsetEncoding too', () => {
    assert.equal(negotiate({}), 'utf-16');
    assert.equal(negotiate({ general: { positionEncodings: ['utf-16', 'utf-8'] } }), 'utf-16');
    assert.equal(negotiate({ general: { positionEncodings: ['utf-8', 'utf-16'] } }), 'utf-8');
    assert.equal(negotiate({ general: { positionEncodings: ['utf-8'] } }), 'utf-8');
    assert.equal(negotiate({ general: { positionEncodings: ['utf-32'] } }), 'utf-16');
    assert.equal(negotiate({ offsetEncoding: ['utf-8', 'utf-16'] }), 'utf-8');
    assert.equal(negotiate({ general: { positionEncodings: ['utf-16'] }, offsetEncoding: ['utf-8'] }), 'utf-16');
  });

  it('counts UTF-8 bytes: 1 for ASCII, 3 for 中, 4 for a surrogate pair, and back', () => {
    const at = Positions.ofText(TEXT, lineStarts(TEXT), 'utf-8');
    const cases: [number, number, number][] = [
      // line, UTF-16 character, UTF-8 byte
      [0, 0, 0],
      [0, 1, 1],
      [0, 2, 4],
      [0, 3, 5],
      [0, 4, 6],
      [0, 5, 9],
      [0, 7, 13],
      [0, 9, 17],
      [0, 11, 19],
      [1, 0, 0],
      [1, 2, 4],
      [1, 3, 5],
      [2, 3, 9],
    ];
    for (const [line, u16, u8] of cases) {
      assert.deepEqual(at.out({ line, character: u16 }), { line, character: u8 }, `${line}:${u16} out`);
      assert.deepEqual(at.in({ line, character: u8 }), { line, character: u16 }, `${line}:${u8} in`);
    }
    // A byte inside a character counts as that character; past the end of a line keeps its excess.
    assert.deepEqual(at.in({ line: 0, character: 2 }), { line: 0, character: 2 });
    assert.deepEqual(at.out({ line: 2, character: 5 }), { line: 2, character: 11 });
    const same = Positions.ofText(TEXT, lineStarts(TEXT), 'utf-16');
    assert.deepEqual(same.out({ line: 0, character: 8 }), { line: 0, character: 8 });
  });

  it('applies a client’s UTF-8 edits to the right characters, each against the text the earlier ones left', () => {
    const doc = TextDocument.create('file:///r.txt', 'text', 1, TEXT);
    // Replace 11 (bytes 17–19 of line 0) with 10, then insert 甲 after 😀 (byte 4 of line 1).
    const out = updateDocument(
      doc,
      [
        { range: { start: { line: 0, character: 17 }, end: { line: 0, character: 19 } }, text: '10' },
        { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: '甲' },
      ],
      2,
      () => 'utf-8',
    );
    assert.equal(out.getText(), 'a中\t(七)总计\t10\n😀甲x\r\n第二行');
    assert.equal(out.version, 2);
  });
});
