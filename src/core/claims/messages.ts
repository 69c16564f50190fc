/**
 * How an untagged claim is worded, in the editor's diagnostics and in `check --claims` alike, so
 * a reviewer reads the same sentence in the Problems panel and in CI.
 */
import { findCategory, type Taxonomy } from '../taxonomy/taxonomy';
import type { ClaimSummary } from './types';

/** `untagged claim: "tortured" suggests Torture (torture), also ill-treatment; tag it or dismiss it as not a claim`. */
export function claimMessage(taxonomy: Taxonomy, claim: Pick<ClaimSummary, 'categories' | 'confidence' | 'reason'>): string {
  const [top, ...rest] = claim.categories;
  const label = findCategory(taxonomy, top.id)?.label ?? top.id;
  const also = rest.length > 0 ? `, also ${rest.map((c) => c.id).join(', ')}` : '';
  const low = claim.confidence === 'low' ? ` (low confidence: ${claim.reason})` : '';
  return `untagged claim: "${top.cues[0]}" suggests ${label} (${top.id})${also}${low}; tag it or dismiss it as not a claim`;
}
