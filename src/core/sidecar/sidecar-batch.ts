/**
 * Many edits of one sidecar in one pass: `import` adds thousands of annotations, `check
 * --fix-anchors` moves thousands of targets. Made one by one, each edit re-reads the whole
 * file to verify it (sidecar-io.ts), so N edits cost N reads: 5,000 imported annotations took
 * over a minute. `editSidecar` finds every change's place in the text as it was, splices them
 * in together, and reads the result once to verify it says exactly what the edits meant.
 *
 * The text is what the single edits would write: an added entry goes after the last one, in
 * its columns; an updated entry is re-rendered from its own `yaml` node, keeping its quoting and
 * comments; every other byte stays. A file read on the fast path is edited without a `yaml`
 * Document where it can be (added annotations appended as text; a new `target` replacing only
 * that field's lines; the source hash set on its own line); anything else, and any result that
 * does not verify, takes the Document path: one parse of the file for all the edits.
 */
import * as YAML from 'yaml';
import { appendEntriesEdit, blockListItems, replaceFieldEdit, setScalarEdit } from './append-text';
import type { Annotation, Dismissal, Sidecar } from './model';
import { renderEntries } from './render-entry';
import { sameJsonValue } from './same-json';
import {
  addAnnotation, addDismissal, appendAnnotationsAsText, expectWritable, fastReadIndentStep, finish, needsBreak, rewriteList, SidecarEditError, setField,
  setSourceHash, updateAnnotation, updateDismissal, type EntryList, type SidecarDocument,
} from './sidecar-io';
import { blockItemSpan, detectIndentStep, renderBlockItem, renderScalarLike, type TextEdit } from './yaml-splice';

export type SidecarEdit =
  | { kind: 'add-annotation'; annotation: Annotation }
  | { kind: 'add-dismissal'; dismissal: Dismissal }
  /** Fields set to `undefined` are removed, as updateAnnotation does. */
  | { kind: 'update-annotation'; id: string; changes: Partial<Omit<Annotation, 'id'>> }
  | { kind: 'update-dismissal'; id: string; changes: Partial<Omit<Dismissal, 'id'>> }
  | { kind: 'source-hash'; hash: string };

type Entry = Record<string, unknown>;

/** What the edits do to one list: its entries afterwards, the entries added, and the changes to existing entries by index. */
interface ListPlan {
  entries: Entry[];
  added: Entry[];
  updates: Map<number, Entry>;
}

interface Plan {
  lists: Record<EntryList, ListPlan>;
  hash?: string;
}

const LISTS: readonly EntryList[] = ['annotations', 'dismissed'];

/**
 * Applies the edits, in their order, as one edit: the same content as applying them one by one
 * with addAnnotation, updateAnnotation... (an id used twice, or an update of an id the sidecar
 * does not hold, throws SidecarEditError), verified with one read of the result. The same text
 * too, but for an entry updated more than once in one batch: its scalars keep the style they
 * have in the file as it was, where one by one each update re-decides it.
 */
export function editSidecar(doc: SidecarDocument, edits: readonly SidecarEdit[]): SidecarDocument {
  if (edits.length === 0) return doc;
  const plan = planEdits(expectWritable(doc).sidecar!, edits);
  const isExpected = (result: Sidecar) => LISTS.every((list) => sameJsonValue(result[list], plan.lists[list].entries))
    && (plan.hash === undefined || result.sourceHash === plan.hash);
  const appended = onlyAddsAnnotations(plan) && appendAnnotationsAsText(doc, plan.lists.annotations.added as unknown as Annotation[]);
  if (appended) return appended;
  const indentStep = fastReadIndentStep(doc);
  const asText = indentStep === undefined ? undefined : textEdits(doc, indentStep, plan);
  if (asText) {
    try {
      return apply(doc, asText, isExpected);
    } catch (error) {
      if (!(error instanceof SidecarEditError)) throw error;
      // A layout the text edits misjudged: the Document path below makes them again.
    }
  }
  try {
    return apply(doc, documentEdits(doc, plan), isExpected);
  } catch (error) {
    if (!(error instanceof SidecarEditError)) throw error;
    // Layouts where editing an entry twice in one pass reads back otherwise (an entry updated
    // twice whose fields the yaml Document reorders): the edits one by one, as slow as ever.
    return editOneByOne(doc, edits);
  }
}

/** Whether the plan only appends annotations (what `import` of new annotations and `tag` do): verified by reading only what the append changed. */
function onlyAddsAnnotations(plan: Plan): boolean {
  const { annotations, dismissed } = plan.lists;
  return plan.hash === undefined && annotations.added.length > 0 && annotations.updates.size === 0 && dismissed.added.length === 0 && dismissed.updates.size === 0;
}

/** The edits made with the single-edit functions, each verified by its own read (what editSidecar must agree with). */
export function editOneByOne(doc: SidecarDocument, edits: readonly SidecarEdit[]): SidecarDocument {
  let next = doc;
  for (const edit of edits) {
    if (edit.kind === 'add-annotation') next = addAnnotation(next, edit.annotation);
    else if (edit.kind === 'add-dismissal') next = addDismissal(next, edit.dismissal);
    else if (edit.kind === 'update-annotation') next = updateAnnotation(next, edit.id, edit.changes);
    else if (edit.kind === 'update-dismissal') next = updateDismissal(next, edit.id, edit.changes);
    else next = setSourceHash(next, edit.hash);
  }
  return next;
}

/** The document with the edits made, verified by one read; `doc` itself when they change nothing. */
function apply(doc: SidecarDocument, edits: readonly TextEdit[], isExpected: (sidecar: Sidecar) => boolean): SidecarDocument {
  if (edits.length === 0) {
    if (!isExpected(doc.sidecar!)) throw new SidecarEditError('internal error: the batch made no edit where it should have');
    return doc;
  }
  return finish(doc, combine(doc.text, edits), isExpected);
}

function planEdits(sidecar: Sidecar, edits: readonly SidecarEdit[]): Plan {
  const lists = {} as Record<EntryList, ListPlan>;
  const where = new Map<string, { list: EntryList; index?: number; added?: Entry }>();
  for (const list of LISTS) {
    const entries = sidecar[list] as unknown as Entry[];
    lists[list] = { entries: [...entries], added: [], updates: new Map() };
    entries.forEach((entry, index) => where.set(entry.id as string, { list, index }));
  }
  let hash: string | undefined;
  for (const edit of edits) {
    if (edit.kind === 'source-hash') {
      hash = edit.hash;
    } else if (edit.kind === 'add-annotation' || edit.kind === 'add-dismissal') {
      const list: EntryList = edit.kind === 'add-annotation' ? 'annotations' : 'dismissed';
      const entry = definedOnly(edit.kind === 'add-annotation' ? edit.annotation : edit.dismissal) as unknown as Entry;
      const id = entry.id as string;
      if (where.has(id)) throw new SidecarEditError(`id "${id}" is already used in this sidecar`);
      where.set(id, { list, added: entry });
      lists[list].entries.push(entry);
      lists[list].added.push(entry);
    } else {
      const list: EntryList = edit.kind === 'update-annotation' ? 'annotations' : 'dismissed';
      const found = where.get(edit.id);
      if (!found || found.list !== list) throw new SidecarEditError(`no ${list === 'annotations' ? 'annotation' : 'dismissal'} with id "${edit.id}"`);
      const changes = edit.changes as Entry;
      if (found.added) {
        // Changed on a copy: the added entry may be the caller's own object.
        const { entries, added } = lists[list];
        const copy = applyChanges(structuredClone(found.added), changes);
        entries[entries.lastIndexOf(found.added)] = copy;
        added[added.lastIndexOf(found.added)] = copy;
        found.added = copy;
        continue;
      }
      const plan = lists[list];
      const index = found.index!;
      plan.updates.set(index, { ...plan.updates.get(index), ...changes });
      plan.entries[index] = applyChanges({ ...plan.entries[index] }, changes);
    }
  }
  return { lists, hash };
}

/**
 * The value without its fields set to `undefined` (they are not written): the value itself when
 * it has none, as the entries a batch adds usually are, else a copy.
 */
function definedOnly<T>(value: T): T {
  return hasUndefinedField(value) ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

function hasUndefinedField(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasUndefinedField);
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || hasUndefinedField(field)) return true;
  }
  return false;
}

/** Sets the fields (`undefined` removes one) of an entry, in place; returns it. */
function applyChanges(entry: Entry, changes: Entry): Entry {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete entry[key];
    else entry[key] = definedOnly(value);
  }
  return entry;
}

/** The edits found in the text alone (a file read on the fast path); undefined for any change they do not handle. */
function textEdits(doc: SidecarDocument, indentStep: number, plan: Plan): TextEdit[] | undefined {
  const target = { text: doc.text, eol: doc.eol, indentStep };
  const edits: TextEdit[] = [];
  for (const list of LISTS) {
    const { updates, added } = plan.lists[list];
    if (updates.size > 0) {
      const items = blockListItems(doc.text, list);
      if (!items || items.starts.length !== plan.lists[list].entries.length - added.length) return undefined;
      for (const [index, changes] of updates) {
        const end = items.starts[index + 1] ?? items.end;
        for (const [key, value] of Object.entries(changes)) {
          // A new mapping replaces the old lines; a scalar keeps its old quoting and comment, which the Document path knows.
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
          const edit = replaceFieldEdit(target, items.starts[index], end, key, value as Entry);
          if (!edit) return undefined;
          edits.push(edit);
        }
      }
    }
    if (added.length > 0) {
      const edit = list === 'annotations' ? appendEntriesEdit(target, added as unknown as Annotation[]) : undefined;
      if (!edit) return undefined;
      edits.push(edit);
    }
  }
  if (plan.hash !== undefined) {
    const edit = setScalarEdit(doc.text, 'sourceHash', plan.hash);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/** The edits made through one `yaml` Document of the file: what updateAnnotation, addAnnotation... each make, for all at once. */
function documentEdits(doc: SidecarDocument, plan: Plan): TextEdit[] {
  const updating = LISTS.some((list) => plan.lists[list].updates.size > 0);
  // Updates change the nodes they render: on a copy, never on the document `doc` holds.
  const document = updating ? YAML.parseDocument(doc.text, { keepSourceTokens: true }) : doc.document;
  const holder = { text: doc.text, eol: doc.eol, document };
  const indentStep = detectIndentStep(doc.text, document);
  // Each list's edits, kept in list order: a new `dismissed` list and annotations appended at the
  // end of the file are insertions at the same place, and the annotations come first.
  const byList: Record<EntryList, TextEdit[]> = { annotations: [], dismissed: [] };
  const inPlace: [EntryList, YAML.YAMLSeq][] = [];
  // Lists rewritten whole are rendered first, before any node changes.
  for (const list of LISTS) {
    const { updates, added, entries } = plan.lists[list];
    if (updates.size === 0 && added.length === 0) continue;
    const seq = document.get(list, true);
    const items = YAML.isSeq(seq) && !seq.flow ? seq.items : undefined;
    const spanned = (index: number) => YAML.isNode(items?.[index]) && blockItemSpan(doc.text, items![index] as YAML.Node) !== undefined;
    const inItems = items && [...updates.keys()].every(spanned) && (added.length === 0 || spanned(items.length - 1));
    if (inItems) inPlace.push([list, seq as YAML.YAMLSeq]);
    else byList[list].push(rewriteList(holder, list, entries));
  }
  for (const [list, seq] of inPlace) {
    const { updates, added } = plan.lists[list];
    for (const [index, changes] of updates) {
      const item = seq.items[index] as YAML.YAMLMap;
      const span = blockItemSpan(doc.text, item)!;
      for (const [key, value] of Object.entries(changes)) setField(document, item, key, value);
      byList[list].push({ start: span.start, end: span.end, newText: renderBlockItem(item, { ...span, indentStep, eol: doc.eol }) });
    }
    if (added.length > 0) {
      const last = blockItemSpan(doc.text, seq.items[seq.items.length - 1] as YAML.Node)!;
      const rendered = renderEntries(added, { ...last, indentStep, eol: doc.eol });
      byList[list].push({ start: last.end, end: last.end, newText: (needsBreak(doc.text, last.end) ? doc.eol : '') + rendered });
    }
  }
  const edits = LISTS.flatMap((list) => byList[list]);
  if (plan.hash !== undefined) {
    const node = document.get('sourceHash', true);
    if (!YAML.isScalar(node) || !node.range) throw new SidecarEditError('sourceHash is not a plain value');
    edits.push({ start: node.range[0], end: node.range[1], newText: renderScalarLike(node, plan.hash) });
  }
  return edits;
}

/** Edits of `text`, none overlapping another, as one edit from the first one's start to the last one's end. */
function combine(text: string, edits: readonly TextEdit[]): TextEdit {
  // An insertion sorts before a replacement starting where it is; insertions at one place keep their order (the sort is stable).
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const next = sorted[i + 1];
    if (next && next.start < sorted[i].end) throw new SidecarEditError('internal error: two edits of the batch overlap');
    pieces.push(sorted[i].newText);
    if (next) pieces.push(text.slice(sorted[i].end, next.start));
  }
  return { start: sorted[0].start, end: sorted[sorted.length - 1].end, newText: pieces.join('') };
}
