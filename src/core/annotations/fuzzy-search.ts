/**
 * Step (c) of anchoring: no exact copy of the quote is left; look for an approximate one, scored
 * as Hypothesis scores it (quote 50, prefix 20, suffix 20, position 2, normalised to [0, 1]).
 *
 * Bounds, so that no input can hang the editor or the CLI:
 * - quotes longer than FUZZY_MAX_QUOTE code units are not fuzzy-searched at all (they are
 *   orphaned with that reason): Myers' algorithm costs up to quote length / 32 word operations
 *   per character where the text resembles the quote, so a 1 MB quote would take minutes;
 * - at most min(256, floor(quote code points / 2)) errors, as Hypothesis allows;
 * - the search runs in windows around the old position growing 16-fold (2K, 32K, 256K code
 *   units beyond the quote) and stops at the first window holding an acceptable match. A quote
 *   that was both edited and moved more than 256K code units away is orphaned, not searched
 *   for across a whole huge text once per annotation;
 * - at most FUZZY_MAX_CANDIDATES matches (the nearest to the old position) are scored, fewer
 *   for long quotes (see `bestInWindow`).
 */
import { alignMatchEnd, approxSearch } from './approx';
import { contextSimilarity, textAfter, textBefore, type StoredContext } from './context';
import type { PreparedText } from './prepared-text';

/**
 * Minimum normalised score for a fuzzy match. With weights 50/20/20/2 (total 92), a quote with
 * one word changed and its context intact scores about 0.85-0.95 (a 30-character quote losing
 * 7 characters: 0.87), while a deleted quote's best match is typically unrelated text (quote
 * score near the 0.5 floor, context ~0.3: about 0.45). What remains above 0.75 after a deletion
 * is a near-duplicate elsewhere: legal texts repeat provisions almost word for word.
 * Measured on the 1 MB treaties corpus, 300 random quotes (8-300 characters) per case:
 *
 *   case                                      accepted at  0.70  0.75  0.80  0.85
 *   one word of the quote replaced                          91%   90%   87%   81%
 *   ... and 32 characters of context rewritten              83%   66%   31%    0%
 *   quote deleted (wrongly accepted)                         7%    4%    1%    1%
 *   quote and its context deleted (wrongly accepted)        10%    6%    4%    2%
 *
 * 0.8 keeps almost all one-word edits and halves the wrong matches of 0.75, which were parallel
 * provisions ("over such subordinates" found as "over such forces"): the brief ranks "never
 * moved onto other text" above recovering heavily edited passages, which stay reported as
 * orphans for a person to re-attach. Re-measure with scripts/eval-fuzzy-threshold.ts.
 */
export const FUZZY_THRESHOLD = 0.8;
export const FUZZY_MAX_QUOTE = 10_000;
export const FUZZY_MAX_ERRORS = 256;
const FUZZY_MAX_CANDIDATES = 500;
const MIN_CANDIDATES = 4;
/** Alignment steps allowed per window, about 20 ms. */
const ALIGNMENT_BUDGET = 20_000_000;
const WINDOW_RADII = [2_048, 32_768, 262_144];
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

export interface FuzzyHit {
  /** UTF-16 offsets, on code-point boundaries. */
  start: number;
  end: number;
  errors: number;
  score: number;
}

export type FuzzyOutcome =
  | { found: FuzzyHit }
  /** `best` is the best match below the threshold, if any, for the orphan's reason. */
  | { found?: undefined; best?: FuzzyHit; searched: { from: number; to: number } };

/** Errors allowed for a quote of `codePoints` code points. */
export function maxErrorsFor(codePoints: number): number {
  return Math.min(FUZZY_MAX_ERRORS, Math.floor(codePoints / 2));
}

function scoreMatch(text: string, hit: { start: number; end: number; errors: number }, quote: string, context: StoredContext, oldStart: number): number {
  const quoteScore = 1 - hit.errors / quote.length;
  const prefixScore = contextSimilarity(context.prefix, textBefore(text, hit.start, context.prefix.length));
  const suffixScore = contextSimilarity(context.suffix, textAfter(text, hit.end, context.suffix.length));
  const positionScore = text.length === 0 ? 1 : 1 - Math.abs(hit.start - oldStart) / text.length;
  const raw = WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore;
  return Math.max(0, Math.min(1, raw / TOTAL_WEIGHT));
}

/**
 * Scores the matches found in one window; returns the best, accepted or not. Match ends come
 * from Myers' algorithm; an end inside a surrogate pair moves past the pair, and the start is
 * recomputed exactly (`alignMatchEnd`), never inside a pair, so results never split a character
 * and their error count is true. That alignment costs quote length x (2 x errors + 1) steps per
 * candidate, so the candidates (nearest to the old position first) are capped by that budget too.
 */
function bestInWindow(prepared: PreparedText, from: number, to: number, quote: string, maxErrors: number, context: StoredContext, oldStart: number): FuzzyHit | undefined {
  const { text } = prepared;
  const budget = Math.floor(ALIGNMENT_BUDGET / (quote.length * (2 * maxErrors + 1)));
  const ends = approxSearch(text.slice(from, to), quote, maxErrors)
    .map((match) => (prepared.isBoundary(from + match.end) ? from + match.end : from + match.end + 1))
    .sort((a, b) => Math.abs(a - oldStart) - Math.abs(b - oldStart) || a - b)
    .slice(0, Math.max(MIN_CANDIDATES, Math.min(FUZZY_MAX_CANDIDATES, budget)));
  let best: FuzzyHit | undefined;
  for (const end of new Set(ends)) {
    const aligned = alignMatchEnd(text, end, quote, maxErrors, (start) => prepared.isBoundary(start));
    if (aligned === undefined) continue;
    const hit = { start: aligned.start, end, errors: aligned.errors, score: 0 };
    hit.score = scoreMatch(text, hit, quote, context, oldStart);
    if (best === undefined || hit.score > best.score) best = hit;
  }
  return best;
}

/** Best approximate match of `quote` (UTF-16 `oldStart` is where it was) with a score at or above the threshold. */
export function findFuzzyMatch(prepared: PreparedText, quote: string, quoteCodePoints: number, context: StoredContext, oldStart: number): FuzzyOutcome {
  const { text } = prepared;
  const maxErrors = maxErrorsFor(quoteCodePoints);
  let best: FuzzyHit | undefined;
  let searched = { from: 0, to: 0 };
  if (maxErrors === 0 || quote.length > FUZZY_MAX_QUOTE) return { searched };
  const span = quote.length + maxErrors;
  for (const radius of WINDOW_RADII) {
    const from = Math.max(0, oldStart - radius);
    const to = Math.min(text.length, oldStart + span + radius);
    searched = { from, to };
    const hit = bestInWindow(prepared, from, to, quote, maxErrors, context, oldStart);
    if (hit !== undefined && (best === undefined || hit.score > best.score)) best = hit;
    if (best !== undefined && best.score >= FUZZY_THRESHOLD) return { found: best };
    if (from === 0 && to === text.length) break;
  }
  return { best, searched };
}
