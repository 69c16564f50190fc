/**
 * Approximate matching: `approx-string-match` (Myers' bit-parallel algorithm, what Hypothesis
 * uses) and a bounded edit distance to check a match after its edges were moved.
 *
 * The package is an ES module and this project compiles to CommonJS: a plain `require` is
 * what esbuild bundles and what Node 20.19+ and tsx load; the types come from the package.
 */
import type { Match } from 'approx-string-match' with { 'resolution-mode': 'import' };

type Search = (text: string, pattern: string, maxErrors: number) => Match[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const approxStringMatch = require('approx-string-match') as { default: Search };

export type { Match };

/**
 * The lowest-error matches of `pattern` in `text` with at most `maxErrors` insertions,
 * deletions or substitutions of UTF-16 code units (an astral character counts as two).
 */
export function approxSearch(text: string, pattern: string, maxErrors: number): Match[] {
  if (pattern.length === 0 || text.length === 0) return [];
  return approxStringMatch.default(text, pattern, Math.max(0, Math.floor(maxErrors)));
}

export interface AlignedMatch {
  start: number;
  errors: number;
}

/**
 * The start of the best match of `pattern` that ends exactly at `end`: the fewest errors
 * (Levenshtein, UTF-16 code units), the longest match on ties, only starts that `acceptStart`
 * allows; undefined when every start needs more than `maxErrors` errors.
 *
 * Why not the library's `start`: it comes from a reverse substring search that does not have
 * to begin at `end`, so the range it returns can hold more errors than it reports (pattern
 * "a😀" in "a. 😀😀😀" comes back as "😀😀" with 1 error; the property test found it). Its match
 * ends are right, so the start is recomputed here, on a diagonal band of width 2·maxErrors+1
 * around the pattern read backwards from `end`: O(pattern length · maxErrors).
 */
export function alignMatchEnd(
  text: string,
  end: number,
  pattern: string,
  maxErrors: number,
  acceptStart: (start: number) => boolean = () => true,
): AlignedMatch | undefined {
  const m = pattern.length;
  const k = Math.max(0, Math.floor(maxErrors));
  const limit = k + 1;
  const width = Math.min(end, m + k); // text code units the match may span
  // Row i: the last i pattern units against the last j text units before `end`.
  let previous = new Int32Array(width + 2).fill(limit);
  let current = new Int32Array(width + 2).fill(limit);
  for (let j = 0; j <= Math.min(width, k); j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    const low = Math.max(0, i - k);
    const high = Math.min(width, i + k);
    if (low > high) return undefined;
    const patternCode = pattern.charCodeAt(m - i);
    let rowMin = limit;
    if (low > 0) current[low - 1] = limit;
    for (let j = low; j <= high; j++) {
      let best = previous[j] + 1; // pattern unit missing from the text
      if (j > 0) {
        const substitute = previous[j - 1] + (patternCode === text.charCodeAt(end - j) ? 0 : 1);
        const extra = current[j - 1] + 1; // text unit not in the pattern
        best = Math.min(best, substitute, extra);
      }
      current[j] = Math.min(best, limit);
      if (current[j] < rowMin) rowMin = current[j];
    }
    current[high + 1] = limit;
    if (rowMin > k) return undefined;
    [previous, current] = [current, previous];
  }
  let found: AlignedMatch | undefined;
  for (let j = Math.max(0, m - k); j <= Math.min(width, m + k); j++) {
    const errors = previous[j];
    if (errors > k || !acceptStart(end - j)) continue;
    if (found === undefined || errors <= found.errors) found = { start: end - j, errors };
  }
  return found;
}

/**
 * The fewest errors (insertions, deletions, substitutions of UTF-16 code units) of `pattern`
 * against any substring of `text`: what `approxSearch(text, pattern, pattern.length)` reports
 * for its best match, by the plain dynamic programme (the text may start and end anywhere).
 * For short strings, as context is: O(|text| x |pattern|) with no allocation per cell, where the
 * library, allowed as many errors as the pattern is long, computes a start for every end.
 */
export function substringDistance(text: string, pattern: string): number {
  const n = text.length;
  let previous = new Int32Array(n + 1); // row 0: the match may start anywhere, free
  let current = new Int32Array(n + 1);
  for (let i = 1; i <= pattern.length; i++) {
    const code = pattern.charCodeAt(i - 1);
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const substitute = previous[j - 1] + (code === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = pattern.length;
  for (let j = 0; j <= n; j++) if (previous[j] < best) best = previous[j];
  return best;
}
