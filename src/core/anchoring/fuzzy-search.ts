/**
 * Step (c) of anchoring: no exact copy of the quote with its context is left (exact-search.ts); look for an approximate one, scored
 * as Hypothesis scores it (quote 50, prefix 20, suffix 20, position 2, normalised to [0, 1]).
 *
 * Bounds, so that no input can hang the editor or the CLI:
 * - quotes longer than FUZZY_MAX_QUOTE code units are not fuzzy-searched at all (they are
 *   orphaned with that reason): Myers' algorithm costs up to quote length / 32 word operations
 *   per character where the text resembles the quote, so a 1 MB quote would take minutes;
 * - at most min(256, floor(quote code points / 2)) errors, as Hypothesis allows, and in fact
 *   fewer: only as many as a match could have and still reach FUZZY_THRESHOLD with perfect
 *   context and position (`searchErrors`). Myers' algorithm reports the lowest-error matches
 *   only, so this returns the same accepted matches while doing less work per character;
 * - the search runs in windows around the old position, 2K then 32K code units beyond the
 *   quote on each side, and stops at the first window holding an acceptable match. Myers'
 *   algorithm runs at roughly 10-40 ns per character here, so a pass over a whole 1 MB text
 *   per orphan (Hypothesis's way) would cost 20+ ms each; a quote that was both edited and
 *   moved more than 32K code units is orphaned instead. Moves without edits are found by the
 *   exact search, which covers the whole text;
 * - at most FUZZY_MAX_CANDIDATES matches (the nearest to the old position) are scored, fewer
 *   for long quotes (see `bestInWindow`).
 */
import { alignMatchEnd, approxSearch } from './approx';
import { contextFit, type ContextFit, type StoredContext } from './context';
import type { PreparedText } from './prepared-text';

/**
 * Minimum normalised score for a fuzzy match. With weights 50/20/20/2 (total 92), a quote with
 * one word changed and its context intact scores about 0.85-0.95 (a 30-character quote losing
 * 7 characters: 0.87), while a deleted quote's best match is typically unrelated text (quote
 * score near the 0.5 floor, context ~0.3: about 0.45). What remains above 0.75 after a deletion
 * is a near-duplicate elsewhere: legal texts repeat provisions almost word for word.
 * Measured on the 1 MB treaties corpus (`../shared/corpus/treaties`), 300 random unique quotes
 * of 8-300 characters per case, seed 12345:
 *
 *   case                                           accepted at  0.70  0.75  0.80  0.85
 *   one word of the quote replaced (at its place)                 89%   88%   88%   82%
 *   ... and the 32 characters before it rewritten                 77%   63%   27%    0%
 *   quote deleted (any acceptance is wrong)                        6%    3%    1%    0%
 *   quote and 20 characters around it rewritten (wrong)            3%    1%    0%    0%
 *
 * 0.8 keeps as many one-word edits as 0.75 and a third of its wrong matches, which were parallel
 * provisions ("over such subordinates" found as "over such forces"): the brief ranks "never
 * moved onto other text" above recovering heavily edited passages, which stay reported as
 * orphans for a person to re-attach. Re-measure: npx tsx scripts/eval-fuzzy-threshold.ts FILE...
 */
export const FUZZY_THRESHOLD = 0.8;
export const FUZZY_MAX_QUOTE = 10_000;
export const FUZZY_MAX_ERRORS = 256;
const FUZZY_MAX_CANDIDATES = 100;
const MIN_CANDIDATES = 4;
/** Alignment steps allowed per window, a few milliseconds. */
const ALIGNMENT_BUDGET = 4_000_000;
const WINDOW_RADII = [2_048, 32_768];
/** A noncharacter: stands in for the characters of an exact copy, so that it matches no quote. */
const COPY_MASK = '\uffff';
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
  | { found?: undefined; best?: FuzzyHit; searched: { from: number; to: number; maxErrors: number } };

/** Errors allowed for a quote of `codePoints` code points. */
export function maxErrorsFor(codePoints: number): number {
  return Math.min(FUZZY_MAX_ERRORS, Math.floor(codePoints / 2));
}

/**
 * The context part of the score, in [0, 1]: prefix and suffix similarity weighted as in the
 * fuzzy score. The exact search ranks copies of a quote by it and takes a copy as a move only
 * at MOVE_CONTEXT_THRESHOLD or above (exact-search.ts), so both steps judge context alike.
 */
export function contextScore(fit: ContextFit): number {
  return (WEIGHTS.prefix * fit.prefix + WEIGHTS.suffix * fit.suffix) / (WEIGHTS.prefix + WEIGHTS.suffix);
}

function scoreMatch(text: string, hit: { start: number; end: number; errors: number }, quote: string, context: StoredContext, oldStart: number): number {
  const quoteScore = 1 - hit.errors / quote.length;
  const contextPart = contextScore(contextFit(text, hit.start, hit.end, context));
  const positionScore = text.length === 0 ? 1 : 1 - Math.abs(hit.start - oldStart) / text.length;
  const raw = WEIGHTS.quote * quoteScore + (WEIGHTS.prefix + WEIGHTS.suffix) * contextPart + WEIGHTS.position * positionScore;
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
  const ends = approxSearch(withoutExactCopies(text.slice(from, to), quote), quote, maxErrors)
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

/**
 * The window with every exact copy of the quote blanked out. Myers' algorithm reports only the
 * lowest-error matches, so an exact copy (one the exact search judged other text: its context does
 * not agree) would hide every edited copy; the exact copy itself is scored separately (`copy`).
 */
function withoutExactCopies(window: string, quote: string): string {
  return window.includes(quote) ? window.replaceAll(quote, COPY_MASK.repeat(quote.length)) : window;
}

/**
 * Errors worth searching for: a match with e errors in a quote of L code units scores at most
 * (50·(1 - e/L) + 20 + 20 + 2) / 92, which is below the threshold once e > L·92·(1 - T)/50.
 */
function searchErrors(quote: string, maxErrors: number, threshold: number): number {
  const reachable = Math.floor((quote.length * TOTAL_WEIGHT * (1 - threshold)) / WEIGHTS.quote + 1e-9);
  return Math.min(maxErrors, reachable);
}

export interface FuzzyOptions {
  /** Another value than FUZZY_THRESHOLD only to measure, see the script. */
  threshold?: number;
  /** An exact copy the exact search did not take as a move: a candidate with no errors, scored like the others. */
  copy?: { start: number; end: number };
}

/**
 * Best approximate match of `quote` (UTF-16 `oldStart` is where it was) with a score at or
 * above the threshold: an edited copy, or the exact copy given, whichever scores higher.
 */
export function findFuzzyMatch(
  prepared: PreparedText,
  quote: string,
  quoteCodePoints: number,
  context: StoredContext,
  oldStart: number,
  { threshold = FUZZY_THRESHOLD, copy }: FuzzyOptions = {},
): FuzzyOutcome {
  const { text } = prepared;
  const maxErrors = searchErrors(quote, maxErrorsFor(quoteCodePoints), threshold);
  let best: FuzzyHit | undefined;
  let searched = { from: 0, to: 0, maxErrors };
  if (maxErrors === 0 || quote.length > FUZZY_MAX_QUOTE) return { searched };
  if (copy !== undefined) best = { ...copy, errors: 0, score: scoreMatch(text, { ...copy, errors: 0 }, quote, context, oldStart) };
  const span = quote.length + maxErrors;
  for (const radius of WINDOW_RADII) {
    const from = Math.max(0, oldStart - radius);
    const to = Math.min(text.length, oldStart + span + radius);
    searched = { from, to, maxErrors };
    const hit = bestInWindow(prepared, from, to, quote, maxErrors, context, oldStart);
    if (hit !== undefined && (best === undefined || hit.score > best.score)) best = hit;
    if (best !== undefined && best.score >= threshold) return { found: best };
    if (from === 0 && to === text.length) break;
  }
  return { best, searched };
}
