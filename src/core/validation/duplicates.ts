/**
 * Duplicate entries of a sidecar: an annotation with the same category and the same stored
 * passage (`samePassage`: offsets and quote) as an earlier annotation, or a dismissal with the
 * same passage as an earlier dismissal. An annotation and a dismissal never duplicate each other
 * (one says "this is a claim of this kind", the other "this is not a claim").
 *
 * Stored targets are compared, not anchored ranges: the rule holds without the source, it is the
 * one `tag` refuses by (identicalTagRefusal), and two entries whose stored targets still differ
 * (one not yet moved by --fix-anchors) are reported once they are made the same.
 */
import { passageKey, type Annotation, type Dismissal, type Sidecar } from '../sidecar/model';

export interface Duplicate {
  list: 'annotations' | 'dismissed';
  /** The later entry, the one reported and removed: its index in `list` and its id. */
  index: number;
  id: string;
  /** The earliest entry it repeats. */
  first: { index: number; id: string };
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
    else found.push({ list, index, id: entry.id, first: { index: first, id: entries[first].id } });
  });
  return found;
}
