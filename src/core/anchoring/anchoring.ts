/**
 * Anchoring: finding a stored target again in the current source text (brief, section 2).
 *
 *   (a) the quote is still at its stored position       -> anchored
 *   (b) an exact copy elsewhere whose context agrees     -> moved (exact-search.ts)
 *   (c) an approximate copy scoring >= FUZZY_THRESHOLD   -> fuzzy (fuzzy-search.ts)
 *   (d) none of these                                    -> orphaned, with the reason
 *
 * An exact copy whose context does not agree (the tagged sentence was deleted, the same words
 * remain in a glossary or a quotation) is not a move: the fuzzy search may still find the edited
 * passage, and an orphan's reason names the copy, so a person can decide.
 *
 * Offsets in and out are code points; searching happens on the UTF-16 string and is converted
 * at this boundary only. Nothing here throws, whatever the target holds: an annotation that
 * cannot be anchored is reported as orphaned, never dropped and never moved onto other text.
 */
import type { AnchorResult, TextTarget } from '../sidecar/model';
import type { StoredContext } from './context';
import { MOVE_CONTEXT_THRESHOLD, findExactCopy, isMove, moveScore, type ExactHit } from './exact-search';
import { FUZZY_MAX_QUOTE, FUZZY_THRESHOLD, findFuzzyMatch, maxErrorsFor } from './fuzzy-search';
import { PreparedText, prepare } from './prepared-text';
import { codePointLength } from '../text/positions';

export { createTarget } from './target';
export { shiftRange, type Range, type ShiftedRange, type TextEdit } from './shift';
export { FUZZY_THRESHOLD } from './fuzzy-search';
export { PreparedText } from './prepared-text';

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function orphaned(reason: string): AnchorResult {
  return { status: 'orphaned', reason };
}

/** How an orphan's reason opens when an exact copy of its quote is left in other context. */
export const EXACT_COPY_REASON = 'an exact copy of the quote exists at';

/** What an orphan's reason opens with: the quote is gone, or its one exact copy is other text. */
function whatIsLeft(prepared: PreparedText, copy: ExactHit | undefined, context: StoredContext): string {
  if (copy === undefined) return 'the quote is no longer in the text';
  const at = `${EXACT_COPY_REASON} ${prepared.toCodePoint(copy.start)}`;
  if (context.prefix.length === 0 && context.suffix.length === 0) {
    return `${at}, but the target stores no context to tell its ${copy.copies} copies apart`;
  }
  return `${at}, but its context does not match (context score ${moveScore(copy, context).toFixed(2)}, below the ${MOVE_CONTEXT_THRESHOLD} needed for a move)`;
}

function anchorPrepared(prepared: PreparedText, target: TextTarget): AnchorResult {
  if (target === null || typeof target !== 'object') return orphaned('the target is missing');
  const quote = asString(target.exact);
  if (quote.length === 0) return orphaned('the target has an empty quote: there is no text to find');
  if (prepared.text.length === 0) return orphaned('the source text is empty');
  const context = { prefix: asString(target.prefix), suffix: asString(target.suffix) };
  const validPosition = isOffset(target.start) && isOffset(target.end) && target.start <= target.end;

  // (a) Still where it was stored.
  if (validPosition && target.end <= prepared.length && prepared.slice(target.start, target.end) === quote) {
    return { status: 'anchored', start: target.start, end: target.end };
  }

  // A garbage position still leaves the quote to search for; it only loses the position hint.
  const oldStart = prepared.toUtf16(validPosition ? target.start : 0);

  // (b) An exact copy elsewhere, with the quote's context.
  const exact = findExactCopy(prepared, quote, context, oldStart);
  if (exact !== undefined && isMove(exact, context)) {
    return { status: 'moved', start: prepared.toCodePoint(exact.start), end: prepared.toCodePoint(exact.end) };
  }
  const lost = whatIsLeft(prepared, exact, context);

  // (c) An approximate copy.
  const quoteCodePoints = codePointLength(quote);
  if (quote.length > FUZZY_MAX_QUOTE) {
    return orphaned(`${lost}; quotes longer than ${FUZZY_MAX_QUOTE} characters (this one has ${quoteCodePoints}) are not searched approximately`);
  }
  const maxErrors = maxErrorsFor(quoteCodePoints);
  if (maxErrors === 0) return orphaned(exact === undefined ? `the quote "${quote}" is no longer in the text` : `${lost}; a quote of one character is not searched approximately`);
  const fuzzy = findFuzzyMatch(prepared, quote, quoteCodePoints, context, oldStart, { copy: exact });
  if (fuzzy.found !== undefined) {
    const { start, end, score } = fuzzy.found;
    return { status: 'fuzzy', start: prepared.toCodePoint(start), end: prepared.toCodePoint(end), score, text: prepared.text.slice(start, end) };
  }

  // (d) Orphaned: say what was tried, so the user can re-attach it by hand.
  const searched = `${prepared.toCodePoint(fuzzy.searched.from)}-${prepared.toCodePoint(fuzzy.searched.to)}`;
  if (fuzzy.best !== undefined) {
    const at = prepared.toCodePoint(fuzzy.best.start);
    return orphaned(
      `${lost}; the closest approximate match (at ${at}, ${fuzzy.best.errors} edits) ` +
        `scores ${fuzzy.best.score.toFixed(2)}, below the ${FUZZY_THRESHOLD} needed to accept it`,
    );
  }
  return orphaned(`${lost}, and nothing within ${fuzzy.searched.maxErrors} edits of it was found in characters ${searched}`);
}

/** Anchors one target. For many targets over the same text use `anchorAll`, or pass a `PreparedText`. */
export function anchor(text: string | PreparedText, target: TextTarget): AnchorResult {
  return anchorAll(text, [target])[0];
}

/** Anchors every target against one text, preparing the text once. Results are in the targets' order. */
export function anchorAll(text: string | PreparedText, targets: readonly TextTarget[]): AnchorResult[] {
  const prepared = prepare(text);
  if (!Array.isArray(targets)) return [];
  return targets.map((target) => {
    try {
      return anchorPrepared(prepared, target);
    } catch (error) {
      // Defence in depth: a bug must show as an orphan with its cause, not lose the whole file.
      return orphaned(`anchoring failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
