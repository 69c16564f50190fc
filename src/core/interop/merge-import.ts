/**
 * Turning imported annotations into sidecar entries of one source.
 *
 * Each imported annotation is re-anchored against the real source text with `anchorAll` (its
 * position, quote and context as the foreign file gives them), so drifted offsets or a copy of
 * the text with other line endings cannot put a tag on the wrong words; one that does not
 * anchor, or whose category is not in the taxonomy, is reported and not imported.
 *
 * Merging into an existing sidecar (nothing is ever deleted):
 * - the same annotation is the entry with the same id (or whose exported W3C id it carries),
 *   else an entry covering the identical range with the same category, each entry matched at
 *   most once (a sidecar holding the same tag twice gets both copies back from its export, not
 *   a third), the one the import would leave unchanged first;
 * - for the same annotation, the fields the import carries (category, range, note, status,
 *   author) replace the entry's when they differ ("updated"), else it is "unchanged"; a note
 *   from brat, which writes line breaks and tabs as spaces, is the same once the entry's is
 *   flattened alike;
 * - so importing an export of a sidecar into it, once or many times, leaves it byte for byte;
 * - anything else is added, keeping its id when the sidecar does not use it yet.
 */
import { anchor as anchorTarget, createTarget, PreparedText } from '../anchoring/anchoring';
import { resolveSidecar } from '../anchoring/resolve';
import type { Annotation, TextTarget } from '../sidecar/model';
import { newEntryId } from '../annotations/new-annotation';
import { editSidecar, type SidecarEdit } from '../sidecar/sidecar-batch';
import { newSidecarDocument, type SidecarDocument } from '../sidecar/sidecar-io';
import { sourceHash } from '../sidecar/source-hash';
import { closestCategoryIds } from '../taxonomy/closest-ids';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { flattenNote, type ImportedAnnotation, type ImportProblem } from './imported';

export interface MergeRequest {
  /** The source text the sidecar annotates (BOM excluded). */
  text: string;
  sourceName: string;
  /** The existing sidecar; must be writable (the caller refuses one with errors). */
  sidecar?: SidecarDocument;
  taxonomy: Taxonomy;
  imported: readonly ImportedAnnotation[];
  /** The W3C id an existing entry would be exported with, to recognise it on re-import. */
  exportedIri?: (id: string) => string;
  /** The author of an added annotation whose import names none (the person importing). */
  author?: string;
  now?: Date;
}

export interface MergeResult {
  doc: SidecarDocument;
  added: number;
  updated: number;
  unchanged: number;
  /** Not imported (unknown category, no anchor), or imported with a caveat (approximate match). */
  problems: ImportProblem[];
  createdSidecar: boolean;
}

const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export function mergeImported(request: MergeRequest): MergeResult {
  const prepared = new PreparedText(request.text);
  const problems: ImportProblem[] = [];
  const createdSidecar = request.sidecar === undefined;
  const doc = request.sidecar ?? newSidecarDocument(request.sourceName, sourceHash(request.text));
  // Every addition and update of the import, written and verified together: one read of the result.
  const edits: SidecarEdit[] = [];
  const existing = doc.sidecar!.annotations;
  const existingRanges = resolveSidecar(prepared, { annotations: existing }).annotations.map((result) => (result.status === 'orphaned' ? undefined : `${result.start}:${result.end}`));
  const byId = new Map(existing.map((a) => [a.id, a]));
  const byIri = new Map(request.exportedIri ? existing.map((a) => [request.exportedIri!(a.id), a]) : []);
  // Every entry on a range and category, in file order: a sidecar may hold the same tag twice, and each copy is matched once.
  const byRange = new Map<string, Annotation[]>();
  existing.forEach((a, i) => {
    if (!existingRanges[i]) return;
    const key = `${existingRanges[i]}:${a.category}`;
    const entries = byRange.get(key);
    if (entries) entries.push(a);
    else byRange.set(key, [a]);
  });
  const rangeOf = new Map(existing.map((a, i) => [a, existingRanges[i]]));
  const usedIds = new Set([...existing, ...doc.sidecar!.dismissed].map((e) => e.id));
  const matched = new Set<string>();

  /** The existing entry that is the same annotation as `imported` (not matched yet), if any. */
  const sameAs = (imported: ImportedAnnotation, category: string, target: TextTarget): Annotation | undefined => {
    if (existing.length === 0) return undefined;
    const unmatched = (entry: Annotation | undefined) => (entry && !matched.has(entry.id) ? entry : undefined);
    const onRange = (byRange.get(`${target.start}:${target.end}:${category}`) ?? []).filter((entry) => !matched.has(entry.id));
    return unmatched(imported.id !== undefined ? byId.get(imported.id) : undefined)
      ?? unmatched(imported.iri !== undefined ? byIri.get(imported.iri) : undefined)
      ?? onRange.find((entry) => Object.keys(changedFields(entry, imported, category, target, rangeOf.get(entry))).length === 0)
      ?? onRange[0];
  };
  // Imports name a few categories many times over.
  const categories = new Map<string, string | undefined>();
  const categoryOf = (given: string) => {
    if (!categories.has(given)) categories.set(given, categoryId(request.taxonomy, given));
    return categories.get(given);
  };
  // One import is one moment: every annotation it adds without a creation time gets this one.
  const now = (request.now ?? new Date()).toISOString();

  let added = 0;
  let updated = 0;
  let unchanged = 0;
  request.imported.forEach((imported) => {
    const category = categoryOf(imported.category);
    if (category === undefined) {
      const close = closestCategoryIds(request.taxonomy, imported.category);
      problems.push({ origin: imported.origin, severity: 'error', message: `unknown category "${imported.category}" (not in the workspace taxonomy)${close.length > 0 ? `; did you mean ${close.map((id) => `"${id}"`).join(' or ')}?` : ''}; not imported` });
      return;
    }
    if (imported.offsetsOfSource && imported.end !== undefined && imported.end > prepared.length) {
      problems.push({ origin: imported.origin, severity: 'error', message: `its offsets ${imported.start}-${imported.end} are beyond the end of ${request.sourceName} (${prepared.length} characters); not imported` });
      return;
    }
    // Anchored one at a time: the search target and its result die young instead of 100,000 of each living through the import.
    const anchor = anchorTarget(prepared, searchTarget(imported, prepared));
    if (anchor.status === 'orphaned') {
      problems.push({ origin: imported.origin, severity: 'error', message: `not found in ${request.sourceName}: ${anchor.reason}; not imported` });
      return;
    }
    if (anchor.status === 'fuzzy') {
      problems.push({ origin: imported.origin, severity: 'warning', message: `imported at its approximate match ${anchor.start}-${anchor.end} "${anchor.text}" (score ${anchor.score.toFixed(2)})` });
    }
    const target = createTarget(prepared, anchor.start, anchor.end);
    const same = sameAs(imported, category, target);
    if (same) {
      matched.add(same.id);
      const changes = changedFields(same, imported, category, target, rangeOf.get(same));
      if (Object.keys(changes).length === 0) {
        unchanged++;
      } else {
        edits.push({ kind: 'update-annotation', id: same.id, changes });
        updated++;
      }
      return;
    }
    const id = imported.id !== undefined && VALID_ID.test(imported.id) && !usedIds.has(imported.id) ? imported.id : newEntryId('a', usedIds);
    // A new id is no existing entry's: nothing later can match it, so it is not marked matched.
    usedIds.add(id);
    const annotation: Annotation = { id, category, target, status: imported.status ?? 'proposed', created: imported.created ?? now };
    if (imported.modified) annotation.modified = imported.modified;
    if (imported.note) annotation.note = imported.note;
    const author = imported.author || request.author;
    if (author) annotation.author = author;
    edits.push({ kind: 'add-annotation', annotation });
    added++;
  });
  return { doc: editSidecar(doc, edits), added, updated, unchanged, problems, createdSidecar };
}

/** What anchoring searches for: the foreign file's position and quote (a missing quote is read at the position). */
function searchTarget(imported: ImportedAnnotation, prepared: PreparedText): TextTarget {
  const { start, end } = imported;
  const positioned = start !== undefined && end !== undefined && start < end && end <= prepared.length;
  return {
    start: start ?? -1,
    end: end ?? -1,
    exact: imported.exact ?? (positioned ? prepared.slice(start, end) : ''),
    prefix: imported.prefix ?? '',
    suffix: imported.suffix ?? '',
  };
}

function categoryId(taxonomy: Taxonomy, given: string): string | undefined {
  const trimmed = given.trim();
  const byId = taxonomy.categories.find((c) => c.id === trimmed);
  if (byId) return byId.id;
  const lower = trimmed.toLowerCase();
  return taxonomy.categories.find((c) => c.label.toLowerCase() === lower || c.id === lower.replace(/[\s_]+/g, '-'))?.id;
}

function changedFields(entry: Annotation, imported: ImportedAnnotation, category: string, target: TextTarget, currentRange: string | undefined): Partial<Omit<Annotation, 'id'>> {
  const changes: Partial<Omit<Annotation, 'id'>> = {};
  if (entry.category !== category) changes.category = category;
  if (currentRange !== `${target.start}:${target.end}`) changes.target = target;
  if (imported.note !== undefined && !sameNote(entry.note ?? '', imported.note, imported.noteFlattened)) changes.note = imported.note;
  if (imported.status !== undefined && entry.status !== imported.status) changes.status = imported.status;
  if (imported.author !== undefined && entry.author !== imported.author) changes.author = imported.author;
  return changes;
}

/** Whether an imported note says what the entry's says; from a format that flattens notes, once the entry's is flattened too. */
function sameNote(entryNote: string, importedNote: string, flattened: boolean | undefined): boolean {
  return entryNote === importedNote || (flattened === true && flattenNote(entryNote) === importedNote);
}
