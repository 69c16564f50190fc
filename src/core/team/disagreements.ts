/**
 * Where my tags and another annotator's differ on one source, for adjudication in the editor.
 * Both sides' tags are placed on the same text (theirs re-anchored against mine), in whatever
 * offsets the caller uses for both. A disagreement is one of their tags and the tags of mine it
 * is weighed against:
 * - a tag of theirs that no tag of mine matches exactly (same range and category), with my
 *   unmatched tags that overlap it (none: a passage I did not tag; another category; another range);
 * - a tag of mine that overlaps a tag of theirs of another category, where that tag of theirs is
 *   itself matched by one of mine (so the first rule does not list it).
 * A decision recorded on my tags (`adjudicated.from` naming their tag) settles it: a tag of theirs
 * named in any of my records is no longer listed, nor a tag of mine whose record names theirs.
 */
import type { Annotation } from '../sidecar/model';

export interface PlacedAnnotation {
  annotation: Annotation;
  start: number;
  end: number;
}

/** `theirs-only`: I did not tag the passage; `category`: I tagged it as something else; `range`: same category, other range. */
export type DisagreementKind = 'theirs-only' | 'category' | 'range';

export interface Disagreement {
  kind: DisagreementKind;
  theirs: PlacedAnnotation;
  /** My tags weighed against theirs: unmatched, overlapping it, not already decided against it. */
  mine: PlacedAnnotation[];
  /** The span of their tag and mine together. */
  start: number;
  end: number;
}

const sameTag = (a: PlacedAnnotation, b: PlacedAnnotation) => a.start === b.start && a.end === b.end && a.annotation.category === b.annotation.category;
const overlaps = (a: PlacedAnnotation, b: PlacedAnnotation) => a.start < b.end && b.start < a.end;
const decidedAgainst = (mine: PlacedAnnotation, theirs: PlacedAnnotation) => mine.annotation.adjudicated?.from.includes(theirs.annotation.id) ?? false;

function disagreement(theirs: PlacedAnnotation, mine: PlacedAnnotation[]): Disagreement {
  const kind: DisagreementKind = mine.length === 0 ? 'theirs-only' : mine.some((m) => m.annotation.category !== theirs.annotation.category) ? 'category' : 'range';
  const start = Math.min(theirs.start, ...mine.map((m) => m.start));
  const end = Math.max(theirs.end, ...mine.map((m) => m.end));
  return { kind, theirs, mine, start, end };
}

/** The open disagreements between `mine` and `theirs` on one source, in text order. */
export function findDisagreements(mine: readonly PlacedAnnotation[], theirs: readonly PlacedAnnotation[]): Disagreement[] {
  const decidedIds = new Set(mine.flatMap((m) => m.annotation.adjudicated?.from ?? []));
  const mineUnmatched = mine.filter((m) => !theirs.some((t) => sameTag(m, t)));
  const found: Disagreement[] = [];
  const listed = new Set<PlacedAnnotation>();
  for (const t of theirs) {
    if (decidedIds.has(t.annotation.id) || mine.some((m) => sameTag(m, t))) continue;
    const against = mineUnmatched.filter((m) => overlaps(m, t) && !decidedAgainst(m, t));
    for (const m of against) listed.add(m);
    found.push(disagreement(t, against));
  }
  for (const m of mineUnmatched) {
    if (listed.has(m)) continue;
    const t = theirs.find((other) => overlaps(m, other) && other.annotation.category !== m.annotation.category && !decidedIds.has(other.annotation.id));
    if (t) found.push(disagreement(t, [m]));
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Their tags to show beside mine: all of them but those a decision of mine set aside ("Keep
 * mine": named in a record of mine, with no tag of mine matching them).
 */
export function visibleTheirs(mine: readonly PlacedAnnotation[], theirs: readonly PlacedAnnotation[]): PlacedAnnotation[] {
  const decidedIds = new Set(mine.flatMap((m) => m.annotation.adjudicated?.from ?? []));
  return theirs.filter((t) => !decidedIds.has(t.annotation.id) || mine.some((m) => sameTag(m, t)));
}
