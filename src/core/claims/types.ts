/**
 * Claims: sentences that report a violation (a cue of a taxonomy category), with the categories
 * they suggest. Offsets are Unicode code points unless a function says otherwise (the editor
 * asks for UTF-16 with `offsets: 'utf16'`).
 */

export type ClaimConfidence = 'high' | 'low';

/** One cue found in a claim. */
export interface ClaimCue {
  /** The cue as written in the taxonomy ("summarily executed"). */
  cue: string;
  /** The category whose cue it is. */
  category: string;
  start: number;
  end: number;
  /** The text it covers (may hold a line break where the cue has a space). */
  text: string;
  /** How the sentence uses it: affirmed, or a mention the claim's `reason` explains. */
  use: CueUse;
}

/**
 * affirmed: reported as an event; negated: "not", "no evidence of"; hypothetical: "would", "if",
 * "risk of"; question: the sentence asks; called-for: inside a call for a release or an
 * investigation; released: a release or an acquittal ends it (non-reports.ts).
 */
export type CueUse = 'affirmed' | 'negated' | 'hypothetical' | 'question' | 'called-for' | 'released';

/** A category suggested by a claim, with the cues that fired for it. */
export interface ClaimCategory {
  id: string;
  /** Distinct cues of this category in the sentence, as written in the taxonomy. */
  cues: string[];
  /** Higher is more likely: the sum of the cues' weights (a cue weighs its content words). */
  score: number;
}

export interface Claim {
  start: number;
  end: number;
  text: string;
  /** Ranked, best first; never empty. */
  categories: ClaimCategory[];
  confidence: ClaimConfidence;
  /** Why the confidence is low: `negated: "no evidence of"`, `hypothetical: "would"`, `called-for: "called for the release"`, `mention without a reported event`. */
  reason?: string;
  /** Every cue found, in text order. */
  cues: ClaimCue[];
  /** Reporting or allegation words found in the sentence ("reported", "according to", "witnesses"). */
  reporting: string[];
}

/**
 * What the editor keeps of a claim to show it: its range, confidence, and per category the id and
 * the first cue (what `claimMessage` names); not the sentence's text or every cue.
 */
export interface ClaimSummary extends Pick<Claim, 'start' | 'end' | 'confidence' | 'reason'> {
  categories: Pick<ClaimCategory, 'id' | 'cues'>[];
}

/** Whether tags or a dismissal cover a claim (what `markCoveredClaims` adds to it). */
export type ClaimMarks = Pick<ReviewedClaim, 'tagged' | 'dismissed' | 'tags' | 'dismissal'>;

/** A claim matched against a sidecar: tagged when a tag overlaps it, dismissed when a dismissal does. */
export interface ReviewedClaim extends Claim {
  tagged: boolean;
  dismissed: boolean;
  /** Ids of the overlapping annotations and their categories. */
  tags: { id: string; category: string }[];
  /** Id of the overlapping dismissal, when dismissed. */
  dismissal?: string;
}
