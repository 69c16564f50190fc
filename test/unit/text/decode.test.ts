import * as assert from 'node:assert/strict';
import { decodeSourceText, firstInvalidUtf8Byte } from '../../../src/core/text/decode';

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
});
