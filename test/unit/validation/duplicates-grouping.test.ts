/**
 * findDuplicates groups entries by their offsets before comparing whole passages: the result
 * is the same as comparing every entry's full passage key with every earlier one.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Annotation, TextTarget } from '../../../src/core/sidecar/model';
import { passageKey } from '../../../src/core/sidecar/model';
import { findDuplicates } from '../../../src/core/validation/duplicates';

function annotation(id: string, category: string, target: TextTarget): Annotation {
  return { id, category, target, status: 'proposed', created: '2026-12-06T00:00:00Z' };
}

/** The rule without grouping: each later entry whose category and passage key an earlier one has. */
function expected(annotations: readonly Annotation[]): [number, number][] {
  const pairs: [number, number][] = [];
  annotations.forEach((a, i) => {
    const first = annotations.findIndex((b) => b.category === a.category && passageKey(b.target) === passageKey(a.target));
    if (first < i) pairs.push([i, first]);
  });
  return pairs;
}

describe('duplicates grouped by offsets', () => {
  it('finds exactly the entries whose category and whole passage repeat an earlier one', () => {
    const offset = fc.constantFrom<unknown>(0, 1, 2, -0, null, '1', Number.NaN, Number.POSITIVE_INFINITY);
    const entry = fc.record({ category: fc.constantFrom('torture', 'pillage'), start: offset, end: offset, exact: fc.constantFrom('a', 'b') });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const annotations = entries.map((e, i) => annotation(`a${i}`, e.category, { start: e.start, end: e.end, exact: e.exact, prefix: '', suffix: '' } as TextTarget));
        const found = findDuplicates({ annotations, dismissed: [] }).map((d) => [d.index, d.first.index]);
        assert.deepEqual(found, expected(annotations));
      }),
      { seed: 20_261_206, numRuns: 2_000 },
    );
  });

  it('does not call two entries at the same offsets with different quotes duplicates', () => {
    const annotations = [annotation('a1', 'torture', { start: 0, end: 4, exact: 'Kyiv', prefix: '', suffix: '' }), annotation('a2', 'torture', { start: 0, end: 4, exact: 'Київ', prefix: '', suffix: '' })];
    assert.deepEqual(findDuplicates({ annotations, dismissed: [] }), []);
  });
});
