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

/**
 * Levenshtein distance of `a` and `b` in UTF-16 code units, or `max + 1` as soon as it is
 * known to exceed `max`. Only the diagonal band of width 2·max+1 is computed: O(len · max).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current[from - 1] = from === 1 ? i : max + 1;
    let rowMin = current[from - 1];
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = (j <= i - 1 + max ? previous[j] : max + 1) + 1;
      const insert = current[j - 1] + 1;
      current[j] = Math.min(substitute, remove, insert);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (to < b.length) current[to + 1] = max + 1;
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], max + 1);
}
