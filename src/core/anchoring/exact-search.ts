/**
 * Step (b) of anchoring: the quote no longer sits at its stored position; find its exact copies,
 * and say whether the best of them is the same passage, moved.
 *
 * Choice among copies: the best context score (`contextScore`, the context part of the fuzzy
 * score), then the nearest to the old position, then the earliest: so when the context cannot
 * decide, nearest wins, and equal distances resolve the same way every time. Context comes first
 * because the old position drifts by the length of every edit above the quote: after a long
 * insertion the nearest copy of a repeated phrase ("the Detaining Power") is often another one,
 * while the context still names the right one.
 *
 * Work is bounded by searching windows around the old position that grow 16-fold (2K, 32K,
 * 512K code units, then the whole text): a copy in its whole stored context (compared character
 * for character, no scoring needed) ends the search, since every copy outside the window is
 * farther away. Typical edits (text inserted or deleted above the quote) therefore cost a few
 * kilobytes of `indexOf`, not a pass over a 1 MB text per annotation. Only when no copy stands
 * in its whole context are copies scored approximately, at most MAX_SCORED_COPIES of them.
 */
import { contextFit, type ContextFit, type StoredContext } from './context';
import { contextScore } from './fuzzy-search';
import type { PreparedText } from './prepared-text';

/**
 * Context score an exact copy needs to count as the quote moved; below it the copy is other text
 * with the same words (a glossary entry, a quotation, a parallel provision). Such a copy is then
 * one more candidate of the fuzzy search (a warning a person confirms, never rewritten by
 * `--fix-anchors`) or, when its context is too far off for that too (below about 0.57, where
 * a 0-error match falls under FUZZY_THRESHOLD), the annotation is orphaned with a reason naming it.
 * Measured on the 1 MB treaties corpus (`../shared/corpus/treaties`), 300 quotes of 8-120
 * characters per case, seed 12345, as the share taken as a move:
 *
 *   case (should it move?)                       0.50  0.60  0.65  0.70  0.75  0.80  0.85
 *   text inserted above (yes)                    100%  100%  100%  100%  100%  100%  100%
 *   ... and a word on each side replaced (yes)   100%   96%   90%   80%   65%   32%   13%
 *   ... and the 32 characters before rewritten   100%   39%    1%    0%    0%    0%    0%
 *   its line moved elsewhere (yes)               100%   99%   96%   90%   88%   85%   82%
 *   its sentence deleted, a copy left (no)        62%   40%   34%   29%   21%   16%   13%
 *   it and 20 characters around rewritten (no)    57%   38%   32%   25%   20%   14%   11%
 *
 * (The "no" cases count only quotes whose whole stored context is not repeated elsewhere: common
 * articles of the conventions are identical word for word, and no context can tell them apart.)
 * 0.8, the fuzzy threshold, keeps every move by insertion and 85% of moved lines, and cuts the
 * wrong moves of 0.6 by more than half; those left are parallel provisions whose 64 characters
 * of context differ in a few letters ("Conscripting or enlisting children under the age of
 * fifteen years" in two paragraphs of the Rome Statute). A wrong move is rewritten silently by
 * `--fix-anchors`; a true move below the threshold is only shown as fuzzy (or orphaned, naming
 * the copy) for a person to re-anchor.
 * Re-measure: npx tsx scripts/eval-move-threshold.ts FILE...
 */
export const MOVE_CONTEXT_THRESHOLD = 0.8;

export interface ExactHit {
  /** UTF-16 offsets. */
  start: number;
  end: number;
  /** How each side of the stored context fits this copy. */
  fit: ContextFit;
  /** `contextScore` of this copy, in [0, 1]. */
  context: number;
  /** How many exact copies were seen in the windows searched: all of them, unless a copy in its whole stored context ended the search. */
  copies: number;
}

const WINDOW_RADII = [2_048, 32_768, 524_288];
/**
 * Copies scored approximately when none stands in its whole stored context: the nearest to the
 * old position, so that a phrase repeated thousands of times costs a bounded number of scorings
 * (two small edit-distance tables each), judged among its nearest copies.
 */
const MAX_SCORED_COPIES = 100;

interface Candidate {
  start: number;
  fit: ContextFit;
  context: number;
  distance: number;
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (b === undefined) return true;
  if (a.context !== b.context) return a.context > b.context;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.start < b.start;
}

/** Starts (UTF-16) of the copies of `quote` in [from, to), on code-point boundaries. */
function copiesIn(prepared: PreparedText, quote: string, from: number, to: number): number[] {
  const { text } = prepared;
  // Searching a slice bounds `indexOf` to the window (V8 slices without copying).
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  const starts: number[] = [];
  for (let at = window.indexOf(quote); at >= 0; at = window.indexOf(quote, at + 1)) {
    // A quote that begins or ends with a lone surrogate must not match half an emoji.
    if (prepared.isBoundary(from + at) && prepared.isBoundary(from + at + quote.length)) starts.push(from + at);
  }
  return starts;
}

/** Whether the text around [start, end) is the stored context character for character (its score is then 1). */
function inWholeContext(text: string, start: number, end: number, context: StoredContext): boolean {
  return start >= context.prefix.length && text.startsWith(context.prefix, start - context.prefix.length) && text.startsWith(context.suffix, end);
}

/**
 * Best exact copy of `quote` for a quote last seen at UTF-16 offset `oldStart`, moved or not;
 * undefined when there is none. `copies` counts the copies in the whole text unless a copy in
 * its whole stored context was found first.
 */
export function findExactCopy(prepared: PreparedText, quote: string, context: StoredContext, oldStart: number): ExactHit | undefined {
  const { text } = prepared;
  if (quote.length === 0 || quote.length > text.length) return undefined;
  const hasContext = context.prefix.length > 0 || context.suffix.length > 0;
  const radii = [...WINDOW_RADII.filter((radius) => radius < text.length), text.length];
  let all: number[] = [];
  for (const radius of radii) {
    const from = Math.max(0, oldStart - radius);
    const to = Math.min(text.length, oldStart + radius + quote.length);
    const starts = copiesIn(prepared, quote, from, to);
    all = starts;
    // A copy in its whole stored context scores 1, the most there is: the nearest such copy wins,
    // and every copy outside the window is farther away. (With no context stored, every copy
    // would; then all of them are counted, for `isMove`.)
    if (!hasContext) continue;
    let nearest: number | undefined;
    for (const start of starts) {
      if (!inWholeContext(text, start, start + quote.length, context)) continue;
      if (nearest === undefined || Math.abs(start - oldStart) < Math.abs(nearest - oldStart)) nearest = start;
    }
    if (nearest !== undefined) return { start: nearest, end: nearest + quote.length, fit: { prefix: 1, suffix: 1 }, context: 1, copies: starts.length };
  }
  if (all.length === 0) return undefined;
  // No copy stands in its whole stored context: score the nearest ones as fuzzy anchoring scores context.
  const nearestFirst = [...all].sort((a, b) => Math.abs(a - oldStart) - Math.abs(b - oldStart) || a - b).slice(0, MAX_SCORED_COPIES);
  let best: Candidate | undefined;
  for (const start of nearestFirst) {
    const fit = contextFit(text, start, start + quote.length, context);
    const candidate = { start, fit, context: contextScore(fit), distance: Math.abs(start - oldStart) };
    if (better(candidate, best)) best = candidate;
  }
  return best && { start: best.start, end: best.start + quote.length, fit: best.fit, context: best.context, copies: all.length };
}

/**
 * Whether the copy is the same passage, moved: its context score reaches MOVE_CONTEXT_THRESHOLD.
 * A side stored empty (the quote touched the start or the end of the text when it was tagged)
 * is no evidence either way, so that the first words of a document still move below a heading
 * inserted above them: the other side alone must reach the threshold. A target with no context
 * on either side (its quote was the whole text) has nothing to compare: its copy counts as moved
 * only when it is the one copy in the text, the only passage it can be.
 */
export function isMove(hit: ExactHit, context: StoredContext): boolean {
  if (context.prefix.length === 0 && context.suffix.length === 0) return hit.copies === 1;
  return moveScore(hit, context) >= MOVE_CONTEXT_THRESHOLD;
}

/** The score `isMove` compares with the threshold: both sides weighted, or the one side stored. */
export function moveScore(hit: ExactHit, context: StoredContext): number {
  if (context.prefix.length === 0) return context.suffix.length === 0 ? hit.context : hit.fit.suffix;
  return context.suffix.length === 0 ? hit.fit.prefix : hit.context;
}
