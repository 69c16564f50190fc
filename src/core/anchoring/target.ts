/**
 * Building the stored target of a new annotation: position plus quote plus context, so that
 * the annotation can be found again after the source changes (W3C TextPosition + TextQuote).
 */
import { CONTEXT_LENGTH, type TextTarget } from '../sidecar/model';
import { prepare, type PreparedText } from './prepared-text';

/** Clamps an offset to [0, length]; NaN and other non-numbers become 0. */
function clampOffset(value: number, length: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return 0;
  return Math.max(0, Math.min(Math.trunc(value), length));
}

/**
 * Target for the code-point range [start, end) of `text`. Out-of-range offsets are clamped and
 * reversed ones swapped, so a stale selection cannot throw. Context is counted in code points,
 * so it never splits a surrogate pair (it may separate a base letter from a combining mark,
 * as code-point offsets do everywhere else in the model).
 */
export function createTarget(text: string | PreparedText, start: number, end: number): TextTarget {
  const prepared = prepare(text);
  const a = clampOffset(start, prepared.length);
  const b = clampOffset(end, prepared.length);
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return {
    start: from,
    end: to,
    exact: prepared.slice(from, to),
    prefix: prepared.slice(from - CONTEXT_LENGTH, from),
    suffix: prepared.slice(to, to + CONTEXT_LENGTH),
  };
}
