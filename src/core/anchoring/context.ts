/**
 * How well the stored prefix/suffix agree with the text around a candidate match, as fuzzy
 * anchoring weighs context (prefix 20, suffix 20 of its 92 points). All in UTF-16 code units:
 * these only rank and score candidates, never leave the anchoring.
 */
import { substringDistance } from './approx';

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

/** Scores of each side, in [0, 1]. */
export interface ContextFit {
  prefix: number;
  suffix: number;
}

/**
 * Similarity in [0, 1] of a stored context and the text now in its place (1 - errors / length,
 * the errors of the stored context's best match in that text), as Hypothesis scores context. An empty stored context (the quote touched the start or the end
 * of the text when it was tagged) scores 1, as in Hypothesis: it rules no candidate out. The move
 * test does not count such a side as evidence (`isMove` in exact-search.ts).
 */
export function contextSimilarity(stored: string, actual: string): number {
  if (stored.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === stored) return 1;
  const errors = substringDistance(actual, stored);
  return Math.max(0, 1 - errors / Math.max(stored.length, actual.length));
}

/** How the stored context fits a candidate at UTF-16 [start, end) of `text`. */
export function contextFit(text: string, start: number, end: number, context: StoredContext): ContextFit {
  return {
    prefix: contextSimilarity(context.prefix, textBefore(text, start, context.prefix.length)),
    suffix: contextSimilarity(context.suffix, textAfter(text, end, context.suffix.length)),
  };
}
