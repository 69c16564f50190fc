/**
 * The three-way merge of a sidecar that git's merge driver runs (`legal-annotator merge-driver`):
 * two annotators changed one sidecar on two branches, and the result is written as OURS. Entries
 * are matched by id, in each list (annotations, dismissals):
 * - added on either side: kept;
 * - removed on one side and unchanged on the other: removed;
 * - changed on one side only: that change;
 * - removed on one side and changed on the other: the changed one is kept (nothing a person
 *   changed is dropped);
 * - changed differently on both sides: never a broken file and never a dropped side. Ours stays,
 *   theirs is added beside it with a new id, `conflict` naming ours (and an annotation status
 *   `disputed`); ours gets `conflict` naming theirs. The merge reports a conflict, so git does, and
 *   `check` reports `merge-conflict` on both entries until one is removed.
 * The result is OURS's text with these entries edited in (sidecar-io.ts), so its comments and
 * layout stay; the source hash and name follow the side that changed them.
 */
import { newEntryId } from '../annotations/new-annotation';
import type { Annotation, Dismissal, Sidecar } from '../sidecar/model';
import { sameJsonValue } from '../sidecar/same-json';
import {
  addAnnotation, addDismissal, removeAnnotation, removeDismissal, setOrigin, setSource, setSourceHash, updateAnnotation, updateDismissal, type SidecarDocument,
} from '../sidecar/sidecar-io';

export interface MergeConflict {
  list: 'annotations' | 'dismissed';
  /** Our entry's id, kept. */
  ours: string;
  /** The id their version was added under. */
  theirs: string;
}

export interface SidecarMerge {
  doc: SidecarDocument;
  conflicts: MergeConflict[];
  /** Entries removed on one side and changed on the other: kept, said to the user. */
  keptChanged: string[];
}

type Entry = Annotation | Dismissal;

interface ListEdits<E extends Entry> {
  add(doc: SidecarDocument, entry: E): SidecarDocument;
  remove(doc: SidecarDocument, id: string): SidecarDocument;
  update(doc: SidecarDocument, id: string, changes: Partial<E>): SidecarDocument;
  prefix: 'a' | 'd';
}

const ANNOTATIONS: ListEdits<Annotation> = { add: addAnnotation, remove: removeAnnotation, update: updateAnnotation, prefix: 'a' };
const DISMISSALS: ListEdits<Dismissal> = { add: addDismissal, remove: removeDismissal, update: updateDismissal, prefix: 'd' };

/** Merges theirs into ours (both writable documents; base may be absent: the file was added on both sides). */
export function mergeSidecars(base: Sidecar | undefined, ours: SidecarDocument, theirs: Sidecar): SidecarMerge {
  const conflicts: MergeConflict[] = [];
  const keptChanged: string[] = [];
  let doc = ours;
  const usedIds = (): Set<string> => new Set([...doc.sidecar!.annotations, ...doc.sidecar!.dismissed, ...theirs.annotations, ...theirs.dismissed].map((e) => e.id));
  const mergeList = <E extends Entry>(list: 'annotations' | 'dismissed', edits: ListEdits<E>) => {
    const baseById = new Map((base?.[list] ?? []).map((e) => [e.id, e as E]));
    const oursById = new Map((ours.sidecar![list] as E[]).map((e) => [e.id, e]));
    const theirsById = new Map((theirs[list] as E[]).map((e) => [e.id, e]));
    for (const [id, their] of theirsById) {
      const was = baseById.get(id);
      const mine = oursById.get(id);
      const theyChanged = was === undefined || !sameJsonValue(their, was);
      if (mine === undefined) {
        // Absent from ours: new on their side, or removed on ours (kept only if they changed it).
        if (was === undefined) doc = edits.add(doc, their);
        else if (theyChanged) {
          doc = edits.add(doc, their);
          keptChanged.push(id);
        }
        continue;
      }
      const iChanged = was === undefined || !sameJsonValue(mine, was);
      if (!theyChanged || sameJsonValue(mine, their)) continue;
      if (!iChanged) {
        doc = edits.update(doc, id, replacing(mine, their));
        continue;
      }
      const copyId = newEntryId(edits.prefix, usedIds());
      const copy = { ...their, id: copyId, conflict: id, ...(list === 'annotations' ? { status: 'disputed' } : {}) } as E;
      doc = edits.update(doc, id, { conflict: copyId } as Partial<E>);
      doc = edits.add(doc, copy);
      conflicts.push({ list, ours: id, theirs: copyId });
    }
    for (const [id, was] of baseById) {
      const mine = oursById.get(id);
      if (theirsById.has(id) || mine === undefined) continue;
      // Removed on their side: removed here too, unless we changed it.
      if (sameJsonValue(mine, was)) doc = edits.remove(doc, id);
      else keptChanged.push(id);
    }
  };
  mergeList('annotations', ANNOTATIONS);
  mergeList('dismissed', DISMISSALS);
  if (theirs.sourceHash !== ours.sidecar!.sourceHash && base?.sourceHash === ours.sidecar!.sourceHash) doc = setSourceHash(doc, theirs.sourceHash);
  if (theirs.source !== ours.sidecar!.source && base?.source === ours.sidecar!.source) doc = setSource(doc, theirs.source);
  if (theirs.origin !== ours.sidecar!.origin && base?.origin === ours.sidecar!.origin) doc = setOrigin(doc, theirs.origin);
  return { doc, conflicts, keptChanged };
}

/** The changes that turn `mine` into `their` (a field theirs lacks is removed). */
function replacing<E extends Entry>(mine: E, their: E): Partial<E> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(mine)) if (key !== 'id' && !(key in their)) changes[key] = undefined;
  for (const [key, value] of Object.entries(their)) if (key !== 'id') changes[key] = value;
  return changes as Partial<E>;
}
