/**
 * Property: after any sequence of insertions and deletions, every annotation either re-anchors
 * onto exactly its quote, or onto text within the allowed error distance of it (and then only
 * because the quote itself was edited), or is reported orphaned: never silently onto other text.
 *
 * Precisely, for each target t = createTarget(original, s, e) and result r = anchorAll(edited)[i]:
 *  1. r.status is one of the four, and nothing throws;
 *  2. anchored => r.start = t.start, r.end = t.end, and edited[r.start, r.end) = t.exact;
 *  3. moved    => edited[r.start, r.end) = t.exact;
 *  4. fuzzy    => edited[r.start, r.end) = r.text, t.exact occurs nowhere in edited,
 *                 UTF-16 edit distance(r.text, t.exact) <= min(256, floor(|t.exact| / 2)),
 *                 and FUZZY_THRESHOLD <= r.score <= 1;
 *  5. orphaned => a non-empty reason;
 *  6. if no edit touched the quote's own characters (shiftRange tracks this) and the quote is
 *     not empty, r is anchored or moved (onto its true new position or another exact copy);
 *     if, moreover, the quote is still at its stored offsets, r is anchored;
 *  7. an empty quote is orphaned.
 * Offsets are code points. Texts mix ASCII, repeated words (so copies compete), astral
 * characters, CRLF and LF, Arabic, Hebrew and combining marks.
 *
 * Seeded: FC_SEED and FC_RUNS override the defaults; fast-check prints the seed and path of
 * any counterexample, so `FC_SEED=<seed> npx mocha test/unit/anchoring.property.test.ts`
 * replays it.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FUZZY_THRESHOLD, anchorAll, createTarget, shiftRange, type Range } from '../../../src/core/anchoring/anchoring';
import type { TextTarget } from '../../../src/core/sidecar/model';
import { editDistance } from '../../../src/core/text/edit-distance';

const SEED = Number(process.env.FC_SEED ?? 20_251_122);
const RUNS = Number(process.env.FC_RUNS ?? 1_000);

const TOKENS = [
  'a', 'b', 'c', ' ', ' ', 'the ', 'war ', 'Power ', 'shall ', '. ', '\n', '\r\n',
  '😀', '𝒜', '👍🏽', 'ال', 'أسرى', 'שָׁלוֹם', 'e\u0301', 'é',
];
const tokens = (maxLength: number, minLength = 0): fc.Arbitrary<string> =>
  // size 'max': lengths spread up to maxLength (fast-check's default keeps arrays under ~10).
  fc.array(fc.constantFrom(...TOKENS), { minLength, maxLength, size: 'max' }).map((parts) => parts.join(''));

interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const editArbitrary: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: tokens(4) });


const slice = (points: string[], start: number, end: number): string => points.slice(start, end).join('');

describe('anchoring: property (fast-check)', function () {
  this.timeout(60_000);

  it('re-anchors every annotation onto its quote, a close fuzzy match of an edited quote, or orphans it', () => {
    const scenario = fc.record({
      text: tokens(80, 1),
      // Start and length (not two ends) so that most quotes are non-empty; some are empty.
      ranges: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 })), { minLength: 1, maxLength: 6 }),
      edits: fc.array(editArbitrary, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(scenario, ({ text, ranges, edits }) => {
        const original = Array.from(text);
        const targets: TextTarget[] = ranges.map(([at, length]) => {
          const start = at % (original.length + 1);
          return createTarget(text, start, start + length);
        });
        const tracked: Range[] = targets.map((t) => ({ start: t.start, end: t.end }));
        const touched = targets.map(() => false);
        let points = original;
        for (const edit of edits) {
          const start = edit.at % (points.length + 1);
          const end = Math.min(points.length, start + edit.remove);
          const inserted = Array.from(edit.insert);
          points = [...points.slice(0, start), ...inserted, ...points.slice(end)];
          tracked.forEach((range, i) => {
            const shifted = shiftRange(range, { start, end, newLength: inserted.length });
            tracked[i] = { start: shifted.start, end: shifted.end };
            touched[i] ||= shifted.touched;
          });
        }
        const edited = points.join('');
        const results = anchorAll(edited, targets);
        assert.equal(results.length, targets.length);
        results.forEach((result, i) => {
          const target = targets[i];
          const context = JSON.stringify({ target, result, edited });
          if (target.exact.length === 0) {
            assert.equal(result.status, 'orphaned', context);
            return;
          }
          if (!touched[i]) {
            assert.equal(slice(points, tracked[i].start, tracked[i].end), target.exact, `harness: ${context}`);
            assert.ok(result.status === 'anchored' || result.status === 'moved', `untouched quote not found exactly: ${context}`);
            if (tracked[i].start === target.start) assert.equal(result.status, 'anchored', context);
          }
          switch (result.status) {
            case 'anchored':
              assert.deepEqual([result.start, result.end], [target.start, target.end], context);
              assert.equal(slice(points, result.start, result.end), target.exact, context);
              break;
            case 'moved':
              assert.equal(slice(points, result.start, result.end), target.exact, context);
              break;
            case 'fuzzy': {
              assert.equal(slice(points, result.start, result.end), result.text, context);
              assert.ok(!edited.includes(target.exact), `fuzzy although an exact copy exists: ${context}`);
              const allowed = Math.min(256, Math.floor(Array.from(target.exact).length / 2));
              assert.ok(editDistance(result.text, target.exact) <= allowed, `too far from the quote: ${context}`);
              assert.ok(result.score >= FUZZY_THRESHOLD && result.score <= 1, context);
              break;
            }
            case 'orphaned':
              assert.ok(typeof result.reason === 'string' && result.reason.length > 0, context);
              break;
            default:
              assert.fail(`unknown status: ${context}`);
          }
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never throws on arbitrary texts and targets', () => {
    const anyTarget = fc.record(
      {
        start: fc.oneof(fc.integer(), fc.double(), fc.string()),
        end: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
        exact: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(undefined), fc.integer()),
        prefix: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null)),
        suffix: fc.string({ unit: 'grapheme' }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.oneof(anyTarget, fc.anything()), { maxLength: 4 }), (text, targets) => {
        const results = anchorAll(text, targets as TextTarget[]);
        assert.equal(results.length, targets.length);
        for (const result of results) assert.ok(['anchored', 'moved', 'fuzzy', 'orphaned'].includes(result.status));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
