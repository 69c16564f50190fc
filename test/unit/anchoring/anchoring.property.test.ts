/**
 * Property: after any sequence of insertions and deletions, every annotation either re-anchors
 * onto exactly its quote, or onto text within the allowed error distance of it (and then only
 * because the quote itself was edited), or is reported orphaned: never silently onto other text.
 *
 * Precisely, for each target t = createTarget(original, s, e) and result r = anchorAll(edited)[i]:
 *  1. r.status is one of the four, and nothing throws;
 *  2. anchored => r.start = t.start, r.end = t.end, and edited[r.start, r.end) = t.exact;
 *  3. moved    => edited[r.start, r.end) = t.exact, and the stored context agrees there
 *                 (isMove: the context score reaches MOVE_CONTEXT_THRESHOLD, or the target has
 *                 no context and this is the only copy);
 *  4. fuzzy    => edited[r.start, r.end) = r.text, no exact copy of t.exact anywhere in edited
 *                 would count as a move (checked over every copy, not the search's windows),
 *                 UTF-16 edit distance(r.text, t.exact) <= min(256, floor(|t.exact| / 2)),
 *                 and FUZZY_THRESHOLD <= r.score <= 1;
 *  5. orphaned => a non-empty reason, which names an exact copy when there is one;
 *  6. if no edit touched the quote's own characters nor its stored context (shiftRange tracks
 *     the quote and the context around it as one range) and the quote is not empty, r is
 *     anchored or moved (onto its true new position or another copy in the same context),
 *     unless the target stores no context and the edits made another copy of its quote; if,
 *     moreover, the quote is still at its stored offsets, r is anchored;
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
import { FUZZY_THRESHOLD, PreparedText, anchorAll, createTarget, shiftRange, type Range } from '../../../src/core/anchoring/anchoring';
import { isMove } from '../../../src/core/anchoring/exact-search';
import { contextFit } from '../../../src/core/anchoring/context';
import { contextScore } from '../../../src/core/anchoring/fuzzy-search';
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

/** Every exact copy of the target's quote in `text` (on code-point boundaries), with `isMove`'s verdict on each. */
function copiesOf(text: string, target: TextTarget): { start: number; move: boolean }[] {
  const prepared = new PreparedText(text);
  const starts: number[] = [];
  for (let at = text.indexOf(target.exact); at >= 0; at = text.indexOf(target.exact, at + 1)) {
    if (prepared.isBoundary(at) && prepared.isBoundary(at + target.exact.length)) starts.push(at);
  }
  return starts.map((start) => {
    const end = start + target.exact.length;
    const fit = contextFit(text, start, end, target);
    const hit = { start, end, fit, context: contextScore(fit), copies: starts.length };
    return { start: prepared.toCodePoint(start), move: isMove(hit, target) };
  });
}

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
        // The quote with its stored context: text inserted right at its edges leaves the context as stored.
        const withContext: Range[] = targets.map((t) => ({ start: t.start - Array.from(t.prefix).length, end: t.end + Array.from(t.suffix).length }));
        const contextTouched = targets.map(() => false);
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
          withContext.forEach((range, i) => {
            const shifted = shiftRange(range, { start, end, newLength: inserted.length });
            withContext[i] = { start: shifted.start, end: shifted.end };
            contextTouched[i] ||= shifted.touched;
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
          const copies = copiesOf(edited, target);
          if (!touched[i]) {
            assert.equal(slice(points, tracked[i].start, tracked[i].end), target.exact, `harness: ${context}`);
            if (tracked[i].start === target.start) assert.equal(result.status, 'anchored', context);
            const noContext = target.prefix === '' && target.suffix === '';
            if (!contextTouched[i] && !(noContext && copies.length > 1)) {
              assert.ok(result.status === 'anchored' || result.status === 'moved', `quote and context untouched, not found: ${context}`);
            }
          }
          switch (result.status) {
            case 'anchored':
              assert.deepEqual([result.start, result.end], [target.start, target.end], context);
              assert.equal(slice(points, result.start, result.end), target.exact, context);
              break;
            case 'moved':
              assert.equal(slice(points, result.start, result.end), target.exact, context);
              assert.ok(copies.some((copy) => copy.start === result.start && copy.move), `moved onto a copy whose context does not agree: ${context}`);
              break;
            case 'fuzzy': {
              assert.equal(slice(points, result.start, result.end), result.text, context);
              assert.ok(!copies.some((copy) => copy.move), `fuzzy although an exact copy in its context exists: ${context}`);
              const allowed = Math.min(256, Math.floor(Array.from(target.exact).length / 2));
              assert.ok(editDistance(result.text, target.exact) <= allowed, `too far from the quote: ${context}`);
              assert.ok(result.score >= FUZZY_THRESHOLD && result.score <= 1, context);
              break;
            }
            case 'orphaned':
              assert.ok(typeof result.reason === 'string' && result.reason.length > 0, context);
              assert.ok(!copies.some((copy) => copy.move), `orphaned although an exact copy in its context exists: ${context}`);
              if (copies.length > 0 && target.exact.length > 0) assert.match(result.reason, /an exact copy of the quote exists at \d+/, context);
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
