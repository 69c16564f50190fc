import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { splitLines } from '../../../src/core/text/lines';

describe('splitting a text into lines', () => {
  it('gives what split(/\\r?\\n/) gives, for any mix of LF, CRLF and lone CR', () => {
    const text = fc.array(fc.constantFrom('a', 'Київ', '\n', '\r', '\r\n', ' ', '\r\r\n'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        assert.deepEqual(splitLines(value), value.split(/\r?\n/));
      }),
      { seed: 20_261_206, numRuns: 2_000 },
    );
  });

  it('keeps a carriage return that ends the text without a line feed', () => {
    assert.deepEqual(splitLines('a\r\nb\r'), ['a', 'b\r']);
  });
});
