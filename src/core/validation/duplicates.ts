/**
 * Duplicate entries of a sidecar: an annotation with the same category and the same stored
 * passage (`samePassage`: offsets and quote) as an earlier annotation, or a dismissal with the
 * same passage as an earlier dismissal. An annotation and a dismissal never duplicate each other
 * (one says "this is a claim of this kind", the other "this is not a claim").
 *
 * Stored targets are compared, not anchored ranges: the rule holds without the source, it is the
 * one `tag` refuses by (identicalTagRefusal), and two entries whose stored targets still differ
 * (one not yet moved by --fix-anchors) are reported once they are made the same.
 *
 * The merge driver (core/team/merge-sidecars.ts) keeps both versions of an entry two branches
 * changed differently, each naming the other in `conflict`; when the change left category and
 * passage alone, the two are duplicates too. Removing one of them as a copy would take a side that
 * the merge-conflict error leaves to a person, so such a duplicate names the other version.
 */
import { passageKey, type Annotation, type Dismissal, type Sidecar } from '../sidecar/model';

export interface Duplicate {
  list: 'annotations' | 'dismissed';
  /** The later entry, the one reported and removed: its index in `list` and its id. */
  index: number;
  id: string;
  /** The earliest entry it repeats. */
  first: { index: number; id: string };
  /** Set when the later entry is one of two versions of a merge conflict: the id of the other version. */
  conflict?: string;
}

/** Every duplicate of `sidecar`, in file order: each later entry once, naming the earliest one it repeats. */
export function findDuplicates(sidecar: Pick<Sidecar, 'annotations' | 'dismissed'>): Duplicate[] {
  return [
    ...duplicatesIn('annotations', sidecar.annotations, (a) => `${a.category}\u0000${passageKey(a.target)}`),
    ...duplicatesIn('dismissed', sidecar.dismissed, (d) => passageKey(d.target)),
  ];
}

function duplicatesIn<T extends Annotation | Dismissal>(list: Duplicate['list'], entries: readonly T[], keyOf: (entry: T) => string): Duplicate[] {
  const firstIndex = new Map<string, number>();
  const found: Duplicate[] = [];
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else found.push({ list, index, id: entry.id, first: { index: first, id: entries[first].id }, ...conflictOf(entry, entries[first]) });
  });
  return found;
}

/** `{ conflict }` naming the other version when `entry` is a version of a merge conflict (it names one, or `first` names it); else nothing. */
function conflictOf(entry: Annotation | Dismissal, first: Annotation | Dismissal): { conflict?: string } {
  const other = entry.conflict ?? (first.conflict === entry.id ? first.id : undefined);
  return other === undefined ? {} : { conflict: other };
}
