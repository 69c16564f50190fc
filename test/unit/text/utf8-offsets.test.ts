import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byteOffsets, SLOTS } from '../../../src/core/text/utf8-offsets';

describe('code-point offsets in UTF-8 bytes', () => {
  it('finds the byte offset of each code-point offset, a word at a time, at any alignment, reading nothing past the text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'bcd ', 'é', 'Україна', '🙂', '\n'), { maxLength: 60 }), fc.nat(7), fc.array(fc.nat(), { maxLength: 8 }), (parts, shift, picks) => {
      const text = parts.join('');
      const points = [...text];
      // The text at `shift` bytes into a larger buffer, lead bytes after it: a word read past its end would count them.
      const encoded = Buffer.from(text, 'utf8');
      const memory = Buffer.alloc(shift + encoded.length + 8, 0x41);
      encoded.copy(memory, shift);
      const body = memory.subarray(shift, shift + encoded.length);
      const wanted = [0, points.length, ...picks.map((p) => p % (points.length + 1))];
      const keys = Float64Array.from(wanted, (offset, slot) => offset * SLOTS + slot).sort();
      const found = byteOffsets(body, keys);
      assert.ok(found);
      wanted.forEach((offset, slot) => assert.equal(found[slot], Buffer.byteLength(points.slice(0, offset).join('')), `${offset} in ${JSON.stringify(text)}`));
      assert.equal(byteOffsets(body, Float64Array.of((points.length + 1) * SLOTS)), undefined, 'beyond the text');
    }), { numRuns: 300, seed: 20261206 });
  });
});
