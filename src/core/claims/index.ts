/** The claims API (see docs/claims.md): detection, review against a sidecar, workspace review. */
export type { Claim, ClaimCategory, ClaimConfidence, ClaimMarks, ClaimCue, ClaimSummary, CueUse, ReviewedClaim } from './types';
export { detectClaims, detectClaimSections, type DetectOptions } from './detect';
export { claimMessage } from './messages';
export { countClaims, markClaims, markCoveredClaims, reviewClaims, reviewClaimSections, type CoveredRange, type ReviewCounts } from './review';
export { reviewSourceFile, reviewSourceSections, reviewWorkspace, type ReviewOptions, type SourceReview } from './workspace-review';
export { compileCueMatcher, cueMatcherFor, findCues, type CueHit, type CueMatcher } from './cue-matcher';
