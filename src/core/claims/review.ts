/**
 * Claims matched against a source's sidecar: a claim is `tagged` when an annotation's range
 * overlaps it, and `dismissed` when a dismissal's does ("Not a claim", recorded by a reviewer).
 * Tags and dismissals are anchored with `resolveSidecar` (exact, moved, fuzzy), so both survive edits
 * of the source; an orphaned one covers nothing. Offsets are code points, like the sidecar's.
 */
import { overlappingRanges } from './overlap';
import type { PreparedText } from '../anchoring/anchoring';
import { resolveSidecar } from '../anchoring/resolve';
import type { AnchorResult, Sidecar } from '../sidecar/model';
import { CLAIM_SECTION, detectClaims, detectClaimSections, type DetectOptions } from './detect';
import type { Claim, ClaimMarks, ReviewedClaim } from './types';

export interface ReviewCounts {
  claims: number;
  tagged: number;
  dismissed: number;
  /** Neither tagged nor dismissed. */
  untagged: number;
  /** Untagged with high confidence: what a reviewer is warned about. */
  untaggedHigh: number;
}

/** A tag's or a dismissal's range, in the same offsets as the claims it marks. */
export interface CoveredRange {
  start: number;
  end: number;
  id: string;
  category?: string;
}

type Covered = CoveredRange;

function anchoredRanges(results: readonly AnchorResult[], entries: readonly { id: string; category?: string }[]): Covered[] {
  const ranges: Covered[] = [];
  results.forEach((result, i) => {
    if (result.status === 'orphaned') return;
    ranges.push({ start: result.start, end: result.end, id: entries[i].id, ...(entries[i].category ? { category: entries[i].category } : {}) });
  });
  return ranges;
}


/**
 * Marks claims (code-point offsets, from `detectClaims(text)`) as tagged or dismissed by the
 * sidecar's entries anchored in `text`. Without a sidecar nothing is tagged.
 */
export function markClaims(text: string | PreparedText, claims: readonly Claim[], sidecar: Pick<Sidecar, 'annotations' | 'dismissed'> | undefined): ReviewedClaim[] {
  const { tags, dismissed } = coveredRanges(text, sidecar);
  return markCoveredClaims(claims, tags, dismissed);
}

/** The ranges of the sidecar's tags and dismissals anchored in `text` (code points); none without a sidecar. */
function coveredRanges(text: string | PreparedText, sidecar: Pick<Sidecar, 'annotations' | 'dismissed'> | undefined): { tags: Covered[]; dismissed: Covered[] } {
  const annotations = sidecar?.annotations ?? [];
  const dismissals = sidecar?.dismissed ?? [];
  if (annotations.length + dismissals.length === 0) return { tags: [], dismissed: [] };
  const resolved = resolveSidecar(text, { annotations, dismissed: dismissals });
  return { tags: anchoredRanges(resolved.annotations, annotations), dismissed: anchoredRanges(resolved.dismissed, dismissals) };
}

/**
 * Marks claims by ranges already anchored (the editor's live ranges, UTF-16, which follow unsaved
 * edits): tagged when a tag's range overlaps the claim, dismissed when a dismissal's does.
 */
export function markCoveredClaims<C extends Pick<Claim, 'start' | 'end'>>(claims: readonly C[], tags: readonly CoveredRange[], dismissed: readonly CoveredRange[]): (C & ClaimMarks)[] {
  const tagsOf = overlappingRanges(claims, tags);
  const dismissalsOf = overlappingRanges(claims, dismissed);
  // Object.assign, not a spread with more keys after it: the same object, keys in the same order,
  // several times faster (a 200 MB report can hold hundreds of thousands of claims).
  return claims.map((claim, index) => {
    const tagging = tagsOf[index];
    const dismissal = dismissalsOf[index][0];
    const marks = { tagged: tagging.length > 0, dismissed: dismissal !== undefined, tags: tagging.map((tag) => ({ id: tag.id, category: tag.category ?? '' })) };
    return Object.assign({}, claim, marks, dismissal ? { dismissal: dismissal.id } : undefined);
  });
}

/**
 * `reviewClaims` a section of text at a time (detectClaimSections): the sidecar's entries are
 * anchored once, and each section's claims are marked and handed out in order.
 */
export function* reviewClaimSections(
  text: string, sidecar: Pick<Sidecar, 'annotations' | 'dismissed'> | undefined, options: Omit<DetectOptions, 'offsets'> = {}, sectionLength = CLAIM_SECTION,
): Generator<ReviewedClaim[], void, undefined> {
  yield* markClaimSections(text, sidecar, detectClaimSections(text, { ...options, offsets: 'code-point' }, sectionLength));
}

/**
 * Claims already detected in `text` (code points), a section at a time, marked against the
 * sidecar's entries, which are anchored once, before the first section is marked.
 */
export function* markClaimSections(
  text: string, sidecar: Pick<Sidecar, 'annotations' | 'dismissed'> | undefined, sections: Iterable<readonly Claim[]>,
): Generator<ReviewedClaim[], void, undefined> {
  const { tags, dismissed } = coveredRanges(text, sidecar);
  for (const claims of sections) yield markCoveredClaims(claims, tags, dismissed);
}

/** Detects the claims of `text` and marks them against the sidecar (code points). */
export function reviewClaims(text: string, sidecar: Pick<Sidecar, 'annotations' | 'dismissed'> | undefined, options: Omit<DetectOptions, 'offsets'> = {}): ReviewedClaim[] {
  return markClaims(text, detectClaims(text, { ...options, offsets: 'code-point' }), sidecar);
}

export function countClaims(claims: readonly (Pick<Claim, 'confidence'> & Pick<ClaimMarks, 'tagged' | 'dismissed'>)[]): ReviewCounts {
  const counts: ReviewCounts = { claims: claims.length, tagged: 0, dismissed: 0, untagged: 0, untaggedHigh: 0 };
  for (const claim of claims) {
    if (claim.tagged) counts.tagged++;
    else if (claim.dismissed) counts.dismissed++;
    else {
      counts.untagged++;
      if (claim.confidence === 'high') counts.untaggedHigh++;
    }
  }
  return counts;
}
