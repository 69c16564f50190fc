/**
 * isPlainUtcDateTime (the scan's check of a timestamp from its bytes) accepts only what the
 * schema's `date-time` format (ajv-formats, the function the generated validator calls) accepts,
 * and accepts every timestamp the tool writes; on its own shape it agrees with the format except
 * for a leap second, which it leaves to the format.
 */
import assert from 'node:assert/strict';
import { fullFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { isPlainUtcDateTime } from '../../../src/core/sidecar/date-time-bytes';

const DATE_TIME = fullFormats['date-time'] as { validate: (value: string) => boolean };

function accepts(text: string, shift = 0): boolean {
  // At an offset in a larger buffer, as in a sidecar's bytes.
  const bytes = Buffer.concat([Buffer.alloc(shift, 0x20), Buffer.from(text, 'utf8'), Buffer.from('\n')]);
  return isPlainUtcDateTime(bytes, shift, bytes.length - 1);
}

describe('a timestamp checked from its bytes', () => {
  it('accepts what Date writes, and refuses days that do not exist', () => {
    assert.ok(accepts('2026-12-06T10:00:00.000Z'));
    assert.ok(accepts('2025-11-21T10:00:00Z', 3));
    assert.ok(accepts('2024-02-29T23:59:59.5Z'));
    for (const text of ['2023-02-29T10:00:00Z', '1900-02-29T10:00:00Z', '2026-04-31T10:00:00Z', '2026-13-01T10:00:00Z', '2026-00-01T10:00:00Z', '2026-01-00T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z', '2026-01-01T10:00:60Z', '2026-01-01T10:00:00.Z', '2026-01-01t10:00:00Z', '2026-01-01T10:00:00z', '2026-01-01T10:00:00+01:00', '2026-01-01 10:00:00Z', '2026-1-01T10:00:00Z']) {
      assert.equal(accepts(text), false, text);
    }
    assert.ok(accepts('2000-02-29T00:00:00Z'));
  });

  it('accepts only what the schema\'s date-time format accepts; on its shape, the same but for a leap second (seeded)', () => {
    const digit = fc.constantFrom(...'0123456789');
    const two = fc.tuple(digit, digit).map((d) => d.join(''));
    const shaped = fc.record({ year: fc.tuple(digit, digit, digit, digit).map((d) => d.join('')), month: two, day: two, hour: two, minute: two, second: two, fraction: fc.option(fc.array(digit, { maxLength: 4 }).map((d) => d.join('')), { nil: undefined }) })
      .map((p) => `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.fraction === undefined ? '' : `.${p.fraction}`}Z`);
    const written = fc.date({ min: new Date(-30_000_000_000_000), max: new Date(250_000_000_000_000) }).map((d) => d.toISOString());
    const mutated = fc.tuple(fc.oneof(shaped, written), fc.nat(), fc.constantFrom('', '0', 'T', 't', 'Z', ' ', '-', ':', '.', '+01:00', 'é', '9')).map(([text, at, insert]) => {
      const where = at % (text.length + 1);
      return text.slice(0, where) + insert + text.slice(where + (at % 3 === 0 ? 1 : 0));
    });
    let accepted = 0;
    fc.assert(fc.property(fc.oneof(shaped, written, mutated), fc.nat(5), (text, shift) => {
      const fast = accepts(text, shift);
      const format = DATE_TIME.validate(text);
      if (fast) {
        accepted++;
        assert.ok(format, `accepted ${text}, which the format refuses`);
      }
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/.test(text) && !/:60(?:\.\d+)?Z$/.test(text)) assert.equal(fast, format, text);
    }), { numRuns: 2000, seed: 20261206 });
    assert.ok(accepted > 200, `accepted ${accepted}`);
  });
});
