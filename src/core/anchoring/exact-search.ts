/**
 * Step (b) of anchoring: the quote no longer sits at its stored position; find its exact copies.
 *
 * Choice among copies: the one whose context confirms it on more sides (0, 1 or 2, see
 * `contextAgreement`), then the nearest to the old position, then the earliest: so when the
 * context cannot decide, nearest wins, and equal distances resolve the same way every time.
 * Context comes first because the old position drifts by the length of every edit above the
 * quote: after a long insertion the nearest copy of a repeated phrase ("the Detaining Power")
 * is often another one, while the context still names the right one.
 *
 * Work is bounded by searching windows around the old position that grow 16-fold (2K, 32K,
 * 512K code units, then the whole text): a copy confirmed on both sides ends the search, since
 * every copy outside the window is farther away. Typical edits therefore cost a few kilobytes of
 * `indexOf`, not a pass over a 1 MB text per annotation.
 */
import { contextAgreement, type StoredContext } from './context';
import type { PreparedText } from './prepared-text';

export interface ExactHit {
  /** UTF-16 offsets. */
  start: number;
  end: number;
  /** How many exact copies were seen in the windows searched (diagnostics, tests). */
  copies: number;
}

const WINDOW_RADII = [2_048, 32_768, 524_288];

interface Candidate {
  start: number;
  sides: number;
  distance: number;
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (b === undefined) return true;
  if (a.sides !== b.sides) return a.sides > b.sides;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.start < b.start;
}

/** Best exact copy of `quote` for a quote last seen at UTF-16 offset `oldStart`, or undefined. */
export function findExactCopy(prepared: PreparedText, quote: string, context: StoredContext, oldStart: number): ExactHit | undefined {
  const { text } = prepared;
  if (quote.length === 0 || quote.length > text.length) return undefined;
  const radii = [...WINDOW_RADII.filter((radius) => radius < text.length), text.length];
  for (const radius of radii) {
    const from = Math.max(0, oldStart - radius);
    const to = Math.min(text.length, oldStart + radius + quote.length);
    // Searching a slice bounds `indexOf` to the window (V8 slices without copying).
    const window = from === 0 && to === text.length ? text : text.slice(from, to);
    let best: Candidate | undefined;
    let copies = 0;
    for (let at = window.indexOf(quote); at >= 0; at = window.indexOf(quote, at + 1)) {
      const start = from + at;
      const end = start + quote.length;
      // A quote that begins or ends with a lone surrogate must not match half an emoji.
      if (!prepared.isBoundary(start) || !prepared.isBoundary(end)) continue;
      copies++;
      const candidate = { start, sides: contextAgreement(text, start, end, context), distance: Math.abs(start - oldStart) };
      if (better(candidate, best)) best = candidate;
    }
    const coversAll = from === 0 && to === text.length;
    if (best !== undefined && (best.sides === 2 || coversAll)) {
      return { start: best.start, end: best.start + quote.length, copies };
    }
    if (coversAll) return undefined;
  }
  return undefined;
}
