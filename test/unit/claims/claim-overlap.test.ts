// The sweep that finds the tags and dismissals over each claim must say what testing every pair says.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { overlappingRanges, overlaps } from '../../../src/core/claims/overlap';

const span = fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 25 })).map(([start, length]) => ({ start, end: start + length }));

describe('ranges overlapping each claim', () => {
  it('agrees with testing every pair, in the ranges\' own order, for claims in any order', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { maxLength: 20 }), (claims, spans) => {
      const ranges = spans.map((s, i) => ({ ...s, id: `r${i}` }));
      const naive = claims.map((claim) => ranges.filter((range) => overlaps(range, claim)));
      assert.deepEqual(overlappingRanges(claims, ranges), naive);
    }), { numRuns: 500 });
  });

  it('treats ranges that only touch as not overlapping, an empty one strictly inside as overlapping', () => {
    const claims = [{ start: 10, end: 20 }];
    assert.deepEqual(overlappingRanges(claims, [{ start: 0, end: 10 }, { start: 20, end: 30 }, { start: 10, end: 10 }, { start: 15, end: 15 }, { start: 19, end: 21 }]), [[{ start: 15, end: 15 }, { start: 19, end: 21 }]]);
  });

  it('handles 100,000 claims each covered by its own tag in one sweep', () => {
    const claims = Array.from({ length: 100_000 }, (_, i) => ({ start: i * 40, end: i * 40 + 35 }));
    const tags = claims.map((c, i) => ({ start: c.start + 5, end: c.start + 20, id: `t${i}` }));
    const found = overlappingRanges(claims, tags);
    assert.ok(found.every((list, i) => list.length === 1 && list[0].id === `t${i}`));
  });
});
