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

/** Equal for two tags exactly when they have the same range and category. */
const tagKey = (t: PlacedAnnotation) => `${t.start}:${t.end}:${t.annotation.category}`;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const decidedAgainst = (mine: PlacedAnnotation, theirs: PlacedAnnotation) => mine.annotation.adjudicated?.from.includes(theirs.annotation.id) ?? false;

function disagreement(theirs: PlacedAnnotation, mine: PlacedAnnotation[]): Disagreement {
  const kind: DisagreementKind = mine.length === 0 ? 'theirs-only' : mine.some((m) => m.annotation.category !== theirs.annotation.category) ? 'category' : 'range';
  const start = Math.min(theirs.start, ...mine.map((m) => m.start));
  const end = Math.max(theirs.end, ...mine.map((m) => m.end));
  return { kind, theirs, mine, start, end };
}

/**
 * Tags sorted by start, so the ones overlapping a range are found by binary search (a tag
 * overlapping [start, end) starts after start minus the longest tag's length, before end), not by
 * looking at every tag: two annotators' thousands of tags on a long source would take seconds.
 * Results come in the order the tags were given.
 */
class OverlapIndex {
  private readonly sorted: PlacedAnnotation[];
  private readonly order = new Map<PlacedAnnotation, number>();
  private readonly longest: number;

  constructor(tags: readonly PlacedAnnotation[]) {
    tags.forEach((tag, i) => this.order.set(tag, i));
    this.sorted = [...tags].sort((a, b) => a.start - b.start);
    this.longest = tags.reduce((max, t) => Math.max(max, t.end - t.start), 0);
  }

  overlapping(range: { start: number; end: number }): PlacedAnnotation[] {
    const from = range.start - this.longest;
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid].start < from) low = mid + 1;
      else high = mid;
    }
    const found: PlacedAnnotation[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i].start < range.end; i++) if (overlaps(this.sorted[i], range)) found.push(this.sorted[i]);
    return found.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

/** The open disagreements between `mine` and `theirs` on one source, in text order. */
export function findDisagreements(mine: readonly PlacedAnnotation[], theirs: readonly PlacedAnnotation[]): Disagreement[] {
  const decidedIds = new Set(mine.flatMap((m) => m.annotation.adjudicated?.from ?? []));
  const mineKeys = new Set(mine.map(tagKey));
  const theirKeys = new Set(theirs.map(tagKey));
  const mineUnmatched = mine.filter((m) => !theirKeys.has(tagKey(m)));
  const mineIndex = new OverlapIndex(mineUnmatched);
  const theirIndex = new OverlapIndex(theirs);
  const found: Disagreement[] = [];
  const listed = new Set<PlacedAnnotation>();
  for (const t of theirs) {
    if (decidedIds.has(t.annotation.id) || mineKeys.has(tagKey(t))) continue;
    const against = mineIndex.overlapping(t).filter((m) => !decidedAgainst(m, t));
    for (const m of against) listed.add(m);
    found.push(disagreement(t, against));
  }
  for (const m of mineUnmatched) {
    if (listed.has(m)) continue;
    const t = theirIndex.overlapping(m).find((other) => other.annotation.category !== m.annotation.category && !decidedIds.has(other.annotation.id));
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
  const mineKeys = new Set(mine.map(tagKey));
  return theirs.filter((t) => !decidedIds.has(t.annotation.id) || mineKeys.has(tagKey(t)));
}
