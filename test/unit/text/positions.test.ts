import * as assert from 'node:assert/strict';
import { codePointLength, LineIndex, OffsetConverter } from '../../../src/core/text/positions';

// "🇺🇦" is two astral code points (regional indicators), "𝔄" one, "é" one BMP char.
const TEXT = 'Kyiv 🇺🇦 said:\r\n𝔄 report\nné 😀 end';

describe('offsets: code points and UTF-16', () => {
  it('counts code points, not code units', () => {
    assert.equal(codePointLength(TEXT), [...TEXT].length);
    assert.equal(new OffsetConverter(TEXT).codePointLength, [...TEXT].length);
    assert.equal(new OffsetConverter('plain').hasAstral, false);
  });

  it('converts every code-point offset to UTF-16 and back', () => {
    const converter = new OffsetConverter(TEXT);
    const codePoints = [...TEXT];
    let utf16 = 0;
    for (let cp = 0; cp <= codePoints.length; cp++) {
      assert.equal(converter.toUtf16(cp), utf16, `toUtf16(${cp})`);
      assert.equal(converter.toCodePoint(utf16), cp, `toCodePoint(${utf16})`);
      if (cp < codePoints.length) utf16 += codePoints[cp].length;
    }
  });

  it('maps an offset between the halves of a surrogate pair to the code point after it', () => {
    const converter = new OffsetConverter('😀a');
    assert.equal(converter.toCodePoint(1), 1);
  });

  it('clamps out-of-range offsets', () => {
    const converter = new OffsetConverter(TEXT);
    assert.equal(converter.toUtf16(-5), 0);
    assert.equal(converter.toUtf16(10_000), TEXT.length);
    assert.equal(converter.toCodePoint(10_000), [...TEXT].length);
  });

  it('slices the same text by code points as by the converted UTF-16 offsets', () => {
    const converter = new OffsetConverter(TEXT);
    const start = [...TEXT].indexOf('r');
    const end = start + 'report'.length;
    assert.equal(TEXT.slice(converter.toUtf16(start), converter.toUtf16(end)), 'report');
    assert.equal([...TEXT].slice(start, end).join(''), 'report');
  });
});

describe('offsets: lines and columns', () => {
  const index = new LineIndex(TEXT);

  it('splits lines on \\r\\n, \\n and a lone \\r', () => {
    assert.equal(index.lineCount, 3);
    assert.equal(new LineIndex('a\rb\r\nc\nd').lineCount, 4);
  });

  it('gives UTF-16 line/column as VS Code positions do', () => {
    const offset = TEXT.indexOf('report');
    assert.deepEqual(index.positionAt(offset), { line: 1, character: 3 }); // "𝔄 " is 3 code units
    assert.equal(index.offsetAt({ line: 1, character: 3 }), offset);
  });

  it('gives code-point line/column for the CLI and the sidecar', () => {
    const codePointOffset = [...TEXT].indexOf('r', 10);
    const position = index.codePointPositionAt(codePointOffset);
    assert.deepEqual(position, { line: 1, character: 2 }); // "𝔄 " is 2 code points
    assert.equal(index.codePointOffsetAt(position), codePointOffset);
  });

  it('round-trips every offset through a position', () => {
    for (let offset = 0; offset <= TEXT.length; offset++) {
      const code = TEXT.charCodeAt(offset - 1);
      if (code >= 0xd800 && code <= 0xdbff) continue; // inside a pair: not a position VS Code produces
      assert.equal(index.offsetAt(index.positionAt(offset)), offset);
    }
  });

  it('clamps a column past the end of its line', () => {
    assert.equal(index.offsetAt({ line: 0, character: 999 }), TEXT.indexOf('\n') + 1);
    assert.equal(index.offsetAt({ line: 99, character: 0 }), TEXT.length);
  });
});
