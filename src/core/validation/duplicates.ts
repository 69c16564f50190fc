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
  // Entries are grouped by their offsets first, which is cheap: the full key (quote and all)
  // is built only for entries that share offsets with an earlier one, and for that earlier one.
  const firstAtOffsets = new Map<string, number>();
  const firstIndex = new Map<string, number>();
  const keyed = new Set<number>();
  const found: Duplicate[] = [];
  entries.forEach((entry, index) => {
    const offsets = offsetsKey(entry.target);
    const earlier = offsets === undefined ? undefined : firstAtOffsets.get(offsets);
    if (offsets !== undefined && earlier === undefined) {
      firstAtOffsets.set(offsets, index);
      return;
    }
    if (earlier !== undefined && !keyed.has(earlier)) {
      keyed.add(earlier);
      firstIndex.set(keyOf(entries[earlier]), earlier);
    }
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

/**
 * `start:end` of a target whose offsets are finite numbers (written as passageKey writes them),
 * else undefined: such an entry's full key is built at once.
 */
function offsetsKey(target: Annotation['target'] | undefined): string | undefined {
  return target !== null && typeof target === 'object' && Number.isFinite(target.start) && Number.isFinite(target.end) ? `${target.start}:${target.end}` : undefined;
}
