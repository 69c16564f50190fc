/**
 * How well the stored prefix/suffix agree with the text around a candidate match. All in
 * UTF-16 code units: these are only used to rank and score candidates, never returned.
 */
import { approxSearch } from './approx';

export interface StoredContext {
  prefix: string;
  suffix: string;
}

/** The text that sits where `prefix` would be for a match starting at `start`. */
export function textBefore(text: string, start: number, length: number): string {
  return text.slice(Math.max(0, start - length), start);
}

export function textAfter(text: string, end: number, length: number): string {
  return text.slice(end, end + length);
}

/**
 * Whether one side's context confirms a candidate, used to choose between exact copies of a
 * quote: at least half of the stored context must agree character for character, counting
 * outward from the quote (an edit far from the quote still leaves the near half). An empty
 * stored context means the quote touched the start/end of the text: it agrees only there.
 */
function sideAgrees(stored: string, actual: string, fromEnd: boolean): boolean {
  if (stored.length === 0) return actual.length === 0;
  let run = 0;
  const limit = Math.min(stored.length, actual.length);
  while (run < limit) {
    const s = fromEnd ? stored.charCodeAt(stored.length - 1 - run) : stored.charCodeAt(run);
    const a = fromEnd ? actual.charCodeAt(actual.length - 1 - run) : actual.charCodeAt(run);
    if (s !== a) break;
    run++;
  }
  return run * 2 >= stored.length;
}

/** Number of sides (0, 1, 2) whose context confirms an exact match at [start, end). */
export function contextAgreement(text: string, start: number, end: number, context: StoredContext): number {
  const before = textBefore(text, start, context.prefix.length);
  const after = textAfter(text, end, context.suffix.length);
  return (sideAgrees(context.prefix, before, true) ? 1 : 0) + (sideAgrees(context.suffix, after, false) ? 1 : 0);
}

/**
 * Similarity in [0, 1] of a stored context and the text now in its place (1 - errors / length),
 * as Hypothesis scores context. An empty stored context (quote at the start or end of the text)
 * scores 1 if the candidate is also at the edge, else 0.5: no evidence either way, so that an
 * annotation on a document's first words does not get the full 20 points for free anywhere.
 */
export function contextSimilarity(stored: string, actual: string): number {
  if (stored.length === 0) return actual.length === 0 ? 1 : 0.5;
  if (actual.length === 0) return 0;
  const [best] = approxSearch(actual, stored, stored.length);
  const errors = best === undefined ? stored.length : best.errors;
  return Math.max(0, 1 - errors / Math.max(stored.length, actual.length));
}
