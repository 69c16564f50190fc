import * as assert from 'node:assert/strict';
import { decodeSourceText, firstInvalidUtf8Byte } from '../../../src/core/text/decode';
import { seededIntegers } from '../../../bench/support';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decoding source files', () => {
  it('decodes UTF-8 and drops a BOM, keeping line endings as stored', () => {
    const result = decodeSourceText(new Uint8Array(Buffer.from('\ufeffKyiv\r\nТекст 😀', 'utf8')));
    assert.deepEqual(result, { ok: true, text: 'Kyiv\r\nТекст 😀', hadBom: true });
  });

  it('refuses invalid UTF-8 and names the first bad byte', () => {
    const result = decodeSourceText(bytes(0x61, 0x62, 0xc3, 0x28));
    assert.equal(result.ok, false);
    assert.match((result as { reason: string }).reason, /not valid UTF-8 .*byte 2/);
  });

  it('refuses UTF-16 with a byte order mark', () => {
    const result = decodeSourceText(bytes(0xff, 0xfe, 0x61, 0x00));
    assert.match((result as { reason: string }).reason, /UTF-16/);
  });

  it('refuses binary files (NUL bytes)', () => {
    const result = decodeSourceText(bytes(0x61, 0x00, 0x62));
    assert.match((result as { reason: string }).reason, /binary.*byte 1/);
  });

  it('finds the first invalid byte after valid multi-byte sequences', () => {
    assert.equal(firstInvalidUtf8Byte(new Uint8Array([...Buffer.from('é😀'), 0xff])), 6);
    assert.equal(firstInvalidUtf8Byte(new Uint8Array(Buffer.from('fine'))), 4);
  });
  it('accepts and decodes exactly what the WHATWG decoder in fatal mode does (seeded random bytes at the edges of UTF-8)', () => {
    const next = seededIntegers(20261206);
    const edges = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbb, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    let valid = 0;
    for (let n = 0; n < 20_000; n++) {
      const input = Uint8Array.from({ length: 1 + next(6) }, () => edges[next(edges.length)]);
      if (input[0] === 0xff && input[1] === 0xfe) continue;
      const hadBom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
      let expected: string | undefined;
      try {
        expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hadBom ? input.subarray(3) : input);
      } catch {
        expected = undefined;
      }
      const decoded = decodeSourceText(input);
      assert.equal(decoded.ok ? decoded.text : undefined, expected, `bytes ${[...input].map((b) => b.toString(16)).join(' ')}`);
      if (decoded.ok) valid++;
    }
    assert.ok(valid > 200, `${valid} valid inputs`);
  });
});
