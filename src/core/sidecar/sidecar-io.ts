/**
 * Reading and editing sidecar files (`report.txt.ann.yaml`).
 *
 * `parseSidecar` never throws: syntax and schema errors come back as problems, and a document
 * with any error is not writable. Every edit returns a new `SidecarDocument` whose text differs
 * from the old one only inside the entry it touched (see yaml-splice.ts); the `yaml` Document
 * API renders that entry, keeping the quoting and comments of an existing entry where it can.
 * An edit that would not re-read as the expected sidecar throws instead of returning.
 */
import * as YAML from 'yaml';
import type { Problem } from '../problems/problem';
import { withBom } from '../text/decode';
import { hasErrors, sortProblems } from '../problems/problem';
import { validateYamlText } from './schema-validation';
import { cleanFastRead } from './fast-sidecar';
import type { FastYamlLayout } from './fast-yaml';
import { detectEol, findKeyNode, locateNode, parseYamlSource, rangeAt, type YamlSource } from './yaml-source';
import { appendEntriesEdit, appendEntriesPlan } from './append-text';
import { appendedEntries, summaryOfSidecar, type AppendBase } from './verified-append';
import { scannedEntry, scanSidecar, scanSidecarBytes, type SidecarScan } from './sidecar-scan';
import { isAscii } from 'node:buffer';
import { contentRuleViolations } from './content-rules';
import { sameJsonValue } from './same-json';
import { expectWritableDocument, finishEdit, type CheckedFileKind } from './checked-edit';
import type { Annotation, Dismissal, Sidecar } from './model';
import { SIDECAR_VERSION } from './model';
import {
  applyEdit, blockItemSpan, columnOf, NEEDS_DOUBLE_QUOTES_CLASS, detectIndentStep, lineStartOf, nextLineStart, renderBlockItem, renderScalarLike,
  type TextEdit,
} from './yaml-splice';

export type { TextEdit } from './yaml-splice';

export interface SidecarDocument {
  /** The file's text without its BOM; positions and edits count over it. */
  readonly text: string;
  readonly hadBom: boolean;
  readonly eol: '\n' | '\r\n';
  readonly document: YAML.Document.Parsed;
  /** The content, when the file is valid YAML that matches the schema. */
  readonly sidecar?: Sidecar;
  readonly problems: readonly Problem[];
  /** False when there is any error: such a document must never be written back. */
  readonly writable: boolean;
  /** The edit that produced this document from the previous one (for an editor's WorkspaceEdit). */
  readonly lastEdit?: TextEdit;
}

export class SidecarEditError extends Error {
  override name = 'SidecarEditError';
}

export type EntryList = 'annotations' | 'dismissed';

export interface ReadOptions {
  /** False: read with the `yaml` Document API even when the fast path could (for the tests and benchmarks that compare both paths). */
  fastPath?: boolean;
  /**
   * True: a clean file in the layout the tool writes is proven clean by a scan (sidecar-scan.ts)
   * that builds none of its entries; they are read the first time `sidecar.annotations` or
   * `sidecar.dismissed` is asked for. For a command that only appends (`tag`), which asks
   * entryIndex for ids and passages instead.
   */
  scanEntries?: boolean;
}

/**
 * Reads a sidecar, the one way every face reads one: a clean file on the fast path (its
 * `document` parsed on first use, an annotation appended as text), any other through the `yaml`
 * Document API, which positions every problem. Both give the same content and the same edits.
 */
export function parseSidecar(fileText: string, options: ReadOptions = {}): SidecarDocument {
  return (options.fastPath === false ? undefined : readCleanly(fileText, undefined, options.scanEntries)) ?? parseWithDocument(fileText);
}

/** The `yaml` Document API's reading: positions every problem, keeps every token for edits. */
function parseWithDocument(fileText: string): SidecarDocument {
  const validated = validateYamlText(fileText, 'sidecar');
  const problems = [...validated.problems];
  let sidecar: Sidecar | undefined;
  if (!hasErrors(problems)) {
    const value = validated.value as Omit<Sidecar, 'dismissed'> & { dismissed?: Dismissal[] };
    sidecar = { ...value, dismissed: value.dismissed ?? [] };
    problems.push(...contentProblems(validated, sidecar));
  }
  const writable = !hasErrors(problems);
  return {
    text: validated.text,
    hadBom: validated.hadBom,
    eol: validated.eol,
    document: validated.document,
    sidecar: writable ? sidecar : undefined,
    problems: sortProblems(problems),
    writable,
  };
}

/**
 * The indentation step of documents read on the fast path (and so the fact that they were): an
 * annotation is appended to them as text, without parsing the `yaml` Document.
 */
const fastIndentSteps = new WeakMap<SidecarDocument, number>();

/**
 * A clean sidecar (check's fast reader reads it, the schema and the content checks find nothing)
 * read without the `yaml` Document API, which reads about 1.5 MB/s: a sidecar of 100,000
 * annotations (23 MB) took the editor 15 s to open. The Document, which edits other than an
 * append need, is parsed the first time it is asked for. Undefined when the file is not clean.
 */
function readCleanly(fileText: string, lastEdit?: TextEdit, scanEntries = false): SidecarDocument | undefined {
  const hadBom = fileText.charCodeAt(0) === 0xfeff;
  const text = hadBom ? fileText.slice(1) : fileText;
  if (scanEntries) {
    const scan = scanSidecar(text);
    if (scan) return scannedDocument(scan, hadBom, text);
  }
  const layout: FastYamlLayout = {};
  const sidecar = cleanFastRead(text, layout);
  return sidecar && fastDocument({ text, hadBom, eol: detectEol(text) }, sidecar, layout.indentStep ?? 2, lastEdit);
}

/** A file's text, or how to make it the first time it is asked for (a scanned file's, decoded from its bytes). */
interface DocumentFile {
  readonly text: string | (() => string);
  readonly hadBom: boolean;
  readonly eol: '\n' | '\r\n';
}

/** A document read on the fast path: its content known, its `yaml` Document parsed the first time it is asked for. */
function fastDocument(file: DocumentFile, sidecar: Sidecar, indentStep: number, lastEdit?: TextEdit): SidecarDocument {
  let document: YAML.Document.Parsed | undefined;
  const doc: SidecarDocument = {
    text: typeof file.text === 'string' ? file.text : '',
    hadBom: file.hadBom,
    eol: file.eol,
    get document() {
      document ??= parseYamlSource(sidecarFileText(doc)).document;
      return document;
    },
    sidecar,
    problems: [],
    writable: true,
    ...(lastEdit ? { lastEdit } : {}),
  };
  if (typeof file.text !== 'string') {
    const make = file.text;
    let text: string | undefined;
    Object.defineProperty(doc, 'text', { enumerable: true, get: () => (text ??= make()) });
  }
  fastIndentSteps.set(doc, indentStep);
  return doc;
}

/** The scan each document read with `scanEntries` was proven clean by (its entries not read). */
const scans = new WeakMap<SidecarDocument, SidecarScan>();

/**
 * A document proven clean by a scan: its entries read with the fast reader the first time they
 * are asked for, its text (when not given) decoded from the scanned bytes the first time it is.
 */
function scannedDocument(scan: SidecarScan, hadBom: boolean, text?: string): SidecarDocument {
  const doc: SidecarDocument = fastDocument({ text: text ?? (() => scan.bytes.toString('utf8')), hadBom, eol: scan.eol }, lazySidecar(scan.header, () => {
    const read = cleanFastRead(doc.text);
    if (!read) throw new Error('internal error: the fast reader refuses a sidecar its scan accepted');
    return read;
  }), scan.indentStep ?? 2);
  scans.set(doc, scan);
  return doc;
}

/**
 * A sidecar's bytes (valid UTF-8, its BOM left out) read as parseSidecar with `scanEntries` reads
 * its text, when the scan proves it clean: no byte of it decoded until its text is asked for
 * (`tag` never asks). Undefined when the scan declines; the caller decodes and parses it.
 */
export function parseSidecarBytes(body: Uint8Array, hadBom: boolean): SidecarDocument | undefined {
  const scan = scanSidecarBytes(body);
  return scan && scannedDocument(scan, hadBom);
}

/**
 * The sidecar `skeleton` (its top-level values, in the file's order, the lists empty) with its
 * `annotations` and `dismissed` given by `entries` the first time either is asked for.
 */
function lazySidecar(skeleton: Sidecar, entries: () => Pick<Sidecar, 'annotations' | 'dismissed'>): Sidecar {
  const sidecar = { ...skeleton };
  let read: Pick<Sidecar, 'annotations' | 'dismissed'> | undefined;
  const lists = () => (read ??= entries());
  // Redefined in place, so that the keys keep the file's order.
  Object.defineProperty(sidecar, 'annotations', { enumerable: true, configurable: true, get: () => lists().annotations });
  Object.defineProperty(sidecar, 'dismissed', { enumerable: true, configurable: true, get: () => lists().dismissed });
  return sidecar;
}

/** What the verified append needs of a scanned document, from its scan: the last annotation read alone, the ids from the scan's index. */
function scanBase(scan: SidecarScan): AppendBase {
  const count = scan.lists.annotations.itemStarts.length;
  return {
    header: scan.header as unknown as Record<string, unknown>,
    annotationCount: count,
    lastAnnotation: () => (count === 0 ? undefined : (scannedEntry(scan, 'annotations', count - 1) as Annotation)),
    dismissed: () => Array.from({ length: scan.lists.dismissed.itemStarts.length }, (_, i) => scannedEntry(scan, 'dismissed', i) as Dismissal),
    usesAnyId: (ids) => [...ids].some((id) => scan.ids.has(id)),
  };
}

/** What adding an entry asks of the entries already in a sidecar. */
export interface EntryIndex {
  /** The ids of its annotations and dismissals. */
  readonly ids: { has(id: string): boolean };
  /** Its annotations whose target has this range. */
  annotationsAt(start: number, end: number): Annotation[];
}

/**
 * The ids and the ranges of a writable document's entries: from its scan when it was read with
 * `scanEntries` (an annotation read alone only where its range matches), else from its sidecar.
 */
export function entryIndex(doc: SidecarDocument): EntryIndex {
  const scan = scans.get(doc);
  if (scan) {
    const { starts, ends } = scan.lists.annotations;
    return {
      ids: scan.ids,
      annotationsAt: (start, end) => {
        const found: Annotation[] = [];
        for (let i = 0; i < starts.length; i++) if (starts[i] === start && ends[i] === end) found.push(scannedEntry(scan, 'annotations', i) as Annotation);
        return found;
      },
    };
  }
  const { annotations, dismissed } = expectWritable(doc).sidecar!;
  let ids: Set<string> | undefined;
  return {
    ids: { has: (id) => (ids ??= new Set([...annotations, ...dismissed].map((entry) => entry.id))).has(id) },
    annotationsAt: (start, end) => annotations.filter((a) => a.target.start === start && a.target.end === end),
  };
}

/**
 * Annotations appended as text to a document read on the fast path, verified by reading only the
 * part of the file the append can change (verified-append.ts), not the whole result: what
 * appending them one by one with addAnnotation gives. Undefined where that check does not prove
 * the result (the caller then takes a path that reads the whole result).
 */
export function appendAnnotationsAsText(doc: SidecarDocument, values: readonly Annotation[]): SidecarDocument | undefined {
  const indentStep = fastIndentSteps.get(doc);
  if (indentStep === undefined || !doc.writable || !doc.sidecar) return undefined;
  const scan = scans.get(doc);
  if (scan && scan.lists.annotations.itemStarts.length > 0) return appendToScanned(doc, scan, indentStep, values);
  const plan = appendEntriesPlan({ text: doc.text, eol: doc.eol, indentStep }, values);
  const before = doc.sidecar;
  const added = plan && appendedEntries(doc.text, scan ? scanBase(scan) : summaryOfSidecar(before), plan, values);
  if (!plan || !added) return undefined;
  const sidecar = scan
    ? lazySidecar(scan.header, () => ({ annotations: [...before.annotations, ...added], dismissed: before.dismissed }))
    : { ...before, annotations: [...before.annotations, ...added] };
  const text = applyEdit(doc.text, plan.edit);
  // The line ending is that of the first line, which an edit after it leaves as it was.
  const eol = plan.edit.start > doc.text.indexOf('\n') ? doc.eol : detectEol(text);
  const next = fastDocument({ text, hadBom: doc.hadBom, eol }, sidecar, indentStep, plan.edit);
  editBases.set(next, { previous: doc, edit: plan.edit });
  return next;
}

/**
 * appendAnnotationsAsText on a scanned document with annotations: the plan and its check made on
 * the file from its last annotation on, after the list's key line (appendEntriesPlan finds there
 * the same list end, last item and columns as in the whole file, its offsets shifted), decoded
 * from the bytes alone. The result's text is made when first asked for; the edit is known in
 * bytes too, for a writer that writes the read bytes around it.
 */
function appendToScanned(doc: SidecarDocument, scan: SidecarScan, indentStep: number, values: readonly Annotation[]): SidecarDocument | undefined {
  const { itemStarts } = scan.lists.annotations;
  const windowBytes = itemStarts[itemStarts.length - 1];
  const keyLine = 'annotations:\n';
  const part = keyLine + scan.bytes.toString('utf8', windowBytes);
  const plan = appendEntriesPlan({ text: part, eol: doc.eol, indentStep }, values);
  if (!plan || plan.windowStart !== keyLine.length) return undefined;
  const added = appendedEntries(part, scanBase(scan), plan, values);
  if (!added) return undefined;
  const shift = utf16Length(scan.bytes, windowBytes) - keyLine.length;
  const edit: TextEdit = { start: plan.edit.start + shift, end: plan.edit.end + shift, newText: plan.edit.newText };
  const bytesAt = (offset: number) => windowBytes + Buffer.byteLength(part.slice(keyLine.length, offset));
  const before = doc.sidecar!;
  const sidecar = lazySidecar(scan.header, () => ({ annotations: [...before.annotations, ...added], dismissed: before.dismissed }));
  // The edit is after the key line, so the first line's ending stays.
  const next = fastDocument({ text: () => applyEdit(doc.text, edit), hadBom: doc.hadBom, eol: doc.eol }, sidecar, indentStep, edit);
  editBases.set(next, { previous: doc, edit, bytes: { start: bytesAt(plan.edit.start), end: bytesAt(plan.edit.end) } });
  return next;
}

/** UTF-16 code units of the first `end` bytes of valid UTF-8 (as many as bytes when they are ASCII). */
function utf16Length(bytes: Buffer, end: number): number {
  if (isAscii(bytes.subarray(0, end))) return end;
  let units = 0;
  for (let at = 0; at < end; at++) {
    const byte = bytes[at];
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** A document made from another by one text edit: its text is `applyEdit(previous.text, edit)`, its BOM the previous one's. */
export interface EditBase {
  readonly previous: SidecarDocument;
  readonly edit: TextEdit;
  /** The edit's range in the previous file's bytes (its BOM left out), when the edit knows it. */
  readonly bytes?: { start: number; end: number };
}

const editBases = new WeakMap<object, EditBase>();

/**
 * The document `doc` was made from by one text edit, when it was (an append as text): a writer
 * that holds the previous file's bytes writes them around the edit's instead of encoding the
 * whole text again.
 */
export function editBase(doc: object): EditBase | undefined {
  return editBases.get(doc);
}

/** The indentation step of a document read on the fast path (edits to it can be made as text); undefined for one read with the Document. */
export function fastReadIndentStep(doc: SidecarDocument): number | undefined {
  return fastIndentSteps.get(doc);
}

/**
 * A read sidecar as plain data that crosses a thread (structured clone): everything but the `yaml`
 * Document, which `sidecarFromParts` parses again on first use, as the fast path does.
 */
export interface SidecarParts {
  readonly text: string;
  readonly hadBom: boolean;
  readonly eol: '\n' | '\r\n';
  readonly sidecar?: Sidecar;
  readonly problems: readonly Problem[];
  readonly writable: boolean;
  /** Set when the file was read on the fast path (edits to it can be made as text). */
  readonly fastIndentStep?: number;
}

export function sidecarParts(doc: SidecarDocument): SidecarParts {
  const fastIndentStep = fastIndentSteps.get(doc);
  return {
    text: doc.text, hadBom: doc.hadBom, eol: doc.eol, sidecar: doc.sidecar, problems: doc.problems, writable: doc.writable,
    ...(fastIndentStep === undefined ? {} : { fastIndentStep }),
  };
}

/** The document `parts` came from, its `yaml` Document parsed when first asked for. */
export function sidecarFromParts(parts: SidecarParts): SidecarDocument {
  if (parts.fastIndentStep !== undefined && parts.sidecar) return fastDocument(parts, parts.sidecar, parts.fastIndentStep);
  // Read with the Document API (a file with problems, or a layout the fast reader leaves to it).
  let document: YAML.Document.Parsed | undefined;
  return Object.defineProperty({ ...parts }, 'document', { enumerable: true, get: () => (document ??= parseYamlSource(sidecarFileText(parts)).document) }) as SidecarDocument;
}

/** The bytes to write: the text with the BOM it was read with. */
export function sidecarFileText(doc: Pick<SidecarDocument, 'text' | 'hadBom'>): string {
  return withBom(doc);
}

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators and the noncharacters U+FFFE/F: a line feed and what every written string escapes. */
const CONTROL_CHARACTER = new RegExp(`[\\n${NEEDS_DOUBLE_QUOTES_CLASS}]`);

/** A new, empty sidecar with a short comment header. */
export function newSidecarDocument(source: string, hash: string): SidecarDocument {
  // A value with a line break or another control character is written double-quoted, so it stays on
  // its line with the character escaped (a file name may hold a newline).
  const scalar = (value: string) => renderScalarLike(new YAML.Scalar(value), value);
  const text = [
    `# Legal Annotator annotations of ${source.replace(new RegExp(CONTROL_CHARACTER.source, 'g'), ' ')}`,
    '# Offsets count Unicode code points of the source text. Edit with the editor or the',
    '# legal-annotator CLI; by hand, keep each target\'s start/end and exact text in step.',
    `version: ${SIDECAR_VERSION}`,
    `source: ${scalar(source)}`,
    `sourceHash: ${scalar(hash)}`,
    'annotations: []',
    'dismissed: []',
    '',
  ].join('\n');
  return expectWritable(parseSidecar(text));
}

export function addAnnotation(doc: SidecarDocument, annotation: Annotation): SidecarDocument {
  return addEntry(doc, 'annotations', annotation);
}

export function addDismissal(doc: SidecarDocument, dismissal: Dismissal): SidecarDocument {
  return addEntry(doc, 'dismissed', dismissal);
}

export function removeAnnotation(doc: SidecarDocument, id: string): SidecarDocument {
  return removeEntry(doc, 'annotations', id);
}

export function removeDismissal(doc: SidecarDocument, id: string): SidecarDocument {
  return removeEntry(doc, 'dismissed', id);
}

/**
 * Changes fields of one annotation; a field set to `undefined` is removed. Only that annotation's
 * lines are rewritten, through its own `yaml` node, so its quoting and comments mostly survive.
 */
export function updateAnnotation(doc: SidecarDocument, id: string, changes: Partial<Omit<Annotation, 'id'>>): SidecarDocument {
  return updateEntry(doc, 'annotations', id, changes);
}

/** Changes fields of one dismissed claim, as `updateAnnotation` does (check --fix-anchors moves both). */
export function updateDismissal(doc: SidecarDocument, id: string, changes: Partial<Omit<Dismissal, 'id'>>): SidecarDocument {
  return updateEntry(doc, 'dismissed', id, changes);
}

function updateEntry<T extends Annotation | Dismissal>(doc: SidecarDocument, list: EntryList, id: string, changes: Partial<Omit<T, 'id'>>): SidecarDocument {
  const { sidecar } = expectWritable(doc);
  const entries = sidecar![list] as (Annotation | Dismissal)[];
  const index = entries.findIndex((a) => a.id === id);
  if (index < 0) throw new SidecarEditError(`no ${list === 'annotations' ? 'annotation' : 'dismissal'} with id "${id}"`);
  const copy = YAML.parseDocument(doc.text, { keepSourceTokens: true });
  const item = (copy.get(list, true) as YAML.YAMLSeq).items[index] as YAML.YAMLMap;
  const span = blockItemSpan(doc.text, item);
  for (const [key, value] of Object.entries(changes)) setField(copy, item, key, value);
  const expected = { ...entries[index] } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete expected[key];
    else expected[key] = value;
  }
  const updated = entries.map((e, i) => (i === index ? expected : e));
  const layout = { eol: doc.eol, indentStep: detectIndentStep(doc.text, doc.document) };
  const edit: TextEdit = span
    ? { start: span.start, end: span.end, newText: renderBlockItem(item, { ...layout, ...span }) }
    : rewriteList(doc, list, updated);
  return finish(doc, edit, (result) => sameJsonValue(result[list], updated));
}

/**
 * Sets one field of an entry being rewritten (`undefined` removes it). The value goes in as a
 * node whose quoting renderBlockItem decides, as for a new entry's `created`: a time a YAML 1.1
 * reader would take for a date (`modified`) is written quoted. A scalar the user quoted keeps
 * its quotes, and its comment.
 */
export function setField(document: YAML.Document, item: YAML.YAMLMap, key: string, value: unknown): void {
  if (value === undefined) {
    item.delete(key);
    return;
  }
  const old = item.get(key, true);
  if (YAML.isScalar(old) && (value === null || typeof value !== 'object')) {
    old.value = value;
    if (old.type === YAML.Scalar.PLAIN) old.type = undefined;
    return;
  }
  item.set(key, document.createNode(value));
}

export function setSourceHash(doc: SidecarDocument, hash: string): SidecarDocument {
  expectWritable(doc);
  const node = doc.document.get('sourceHash', true);
  if (!YAML.isScalar(node) || !node.range) throw new SidecarEditError('sourceHash is not a plain value');
  const edit = { start: node.range[0], end: node.range[1], newText: renderScalarLike(node, hash) };
  return finish(doc, edit, (result) => result.sourceHash === hash);
}

/** Points the sidecar at another file name (its source was renamed or moved along with it). */
export function setSource(doc: SidecarDocument, source: string): SidecarDocument {
  expectWritable(doc);
  const node = doc.document.get('source', true);
  if (!YAML.isScalar(node) || !node.range) throw new SidecarEditError('source is not a plain value');
  const edit = { start: node.range[0], end: node.range[1], newText: renderScalarLike(node, source) };
  return finish(doc, edit, (result) => result.source === source);
}

/** Sets the sidecar's `origin` (a line added after `sourceHash` when it has none), or removes it (undefined). */
export function setOrigin(doc: SidecarDocument, origin: string | undefined): SidecarDocument {
  expectWritable(doc);
  const pair = (doc.document.contents as YAML.YAMLMap).items.find((item) => YAML.isScalar(item.key) && item.key.value === 'origin');
  const isExpected = (result: Sidecar) => result.origin === origin;
  if (!pair) {
    if (origin === undefined) return doc;
    const after = doc.document.get('sourceHash', true) ?? doc.document.get('source', true);
    if (!YAML.isScalar(after) || !after.range) throw new SidecarEditError('sourceHash is not a plain value');
    const at = lineEndAfter(doc.text, after.range[1]);
    const newText = `${needsBreak(doc.text, at) ? doc.eol : ''}origin: ${renderScalarLike(new YAML.Scalar(origin), origin)}${doc.eol}`;
    return finish(doc, { start: at, end: at, newText }, isExpected);
  }
  const node = pair.value;
  if (!YAML.isScalar(node) || !node.range || !YAML.isScalar(pair.key) || !pair.key.range) throw new SidecarEditError('origin is not a plain value');
  if (origin !== undefined) return finish(doc, { start: node.range[0], end: node.range[1], newText: renderScalarLike(node, origin) }, isExpected);
  const start = doc.text.lastIndexOf('\n', pair.key.range[0] - 1) + 1;
  return finish(doc, { start, end: lineEndAfter(doc.text, node.range[1]), newText: '' }, isExpected);
}

/** The offset just past the line break that ends the line holding `offset` (the text's end if none). */
function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function addEntry(doc: SidecarDocument, list: EntryList, entry: Annotation | Dismissal): SidecarDocument {
  const { sidecar } = expectWritable(doc);
  if (entryIndex(doc).ids.has(entry.id)) throw new SidecarEditError(`id "${entry.id}" is already used in this sidecar`);
  const value = withoutUndefined(entry);
  // The entries already there are asked for only where the append as text is not proven.
  const expected = (result: Sidecar) => sameJsonValue(result[list], [...sidecar![list], value]);
  const indentStep = fastIndentSteps.get(doc);
  if (list === 'annotations' && indentStep !== undefined) {
    // Read on the fast path: append as text where it is the edit the Document path makes, verified
    // by reading what it changed, else by reading the whole result (else fall through to the Document path).
    const verified = appendAnnotationsAsText(doc, [value as Annotation]);
    if (verified) return verified;
    const appended = appendEntriesEdit({ text: doc.text, eol: doc.eol, indentStep }, [value as Annotation]);
    const next = appended && readCleanly(sidecarFileText({ text: applyEdit(doc.text, appended), hadBom: doc.hadBom }), appended);
    if (next?.sidecar && expected(next.sidecar)) return next;
  }
  const seq = doc.document.get(list, true);
  const step = detectIndentStep(doc.text, doc.document);
  const last = YAML.isSeq(seq) && !seq.flow ? seq.items.at(-1) : undefined;
  const lastSpan = YAML.isNode(last) ? blockItemSpan(doc.text, last) : undefined;
  let edit: TextEdit;
  if (lastSpan) {
    // Append after the last entry, in its indentation.
    edit = { start: lastSpan.end, end: lastSpan.end, newText: (needsBreak(doc.text, lastSpan.end) ? doc.eol : '') + renderBlockItem(value, { ...lastSpan, indentStep: step, eol: doc.eol }) };
  } else {
    edit = rewriteList(doc, list, [...sidecar![list], value]);
  }
  return finish(doc, edit, expected);
}

function removeEntry(doc: SidecarDocument, list: EntryList, id: string): SidecarDocument {
  const { sidecar } = expectWritable(doc);
  const entries: (Annotation | Dismissal)[] = sidecar![list];
  const index = entries.findIndex((e) => e.id === id);
  if (index < 0) throw new SidecarEditError(`no ${list === 'annotations' ? 'annotation' : 'dismissal'} with id "${id}"`);
  const remaining = entries.filter((_, i) => i !== index);
  const seq = doc.document.get(list, true) as YAML.YAMLSeq;
  const item = seq.items[index];
  const span = !seq.flow && YAML.isNode(item) ? blockItemSpan(doc.text, item) : undefined;
  const edit = span && remaining.length > 0 ? { start: span.start, end: span.end, newText: '' } : rewriteList(doc, list, remaining);
  return finish(doc, edit, (result) => sameJsonValue(result[list], remaining));
}

/** What rewriting a list needs of a sidecar: its text and a `yaml` Document of it (a batch passes its own copy). */
type ListHolder = Pick<SidecarDocument, 'text' | 'eol' | 'document'>;

/**
 * Rewrites a whole list: used when it is empty (`[]`), a flow sequence, missing, or becomes
 * empty. The key line and its comment stay; only the sequence itself is replaced.
 */
export function rewriteList(doc: ListHolder, list: EntryList, entries: readonly unknown[]): TextEdit {
  const located = locateNode(doc.document, `/${list}`);
  const key = findKeyNode(doc.document.contents, list);
  const layout = listLayout(doc, key);
  const items = entries.map((entry) => renderBlockItem(withoutUndefined(entry), layout)).join('');
  if (!key?.range) {
    // Missing list (only `dismissed` may be): append it at the end of the file.
    const text = `${list}:${entries.length === 0 ? ' []' : ''}${doc.eol}${items}`;
    return { start: doc.text.length, end: doc.text.length, newText: (needsBreak(doc.text, doc.text.length) ? doc.eol : '') + text };
  }
  const seq = located.node;
  const valueStart = seq?.range ? seq.range[0] : key.range[1];
  const valueEnd = seq?.range ? seq.range[1] : key.range[1];
  const isBlock = YAML.isSeq(seq) && !seq.flow;
  const colon = doc.text.indexOf(':', key.range[1]) + 1;
  if (entries.length === 0) {
    if (!isBlock) return { start: colon, end: valueEnd, newText: ' []' };
    // `key: []`, keeping a comment that followed the key; the old items' lines go.
    const keyLineComment = doc.text.slice(colon, nextLineStart(doc.text, colon)).trim();
    return { start: colon, end: nextLineStart(doc.text, valueEnd), newText: ` []${keyLineComment ? ` ${keyLineComment}` : ''}${doc.eol}` };
  }
  if (isBlock) return { start: lineStartOf(doc.text, valueStart), end: nextLineStart(doc.text, valueEnd), newText: items };
  // A flow sequence: take it (and the spaces before it) off the key line, put the items below.
  let start = valueStart;
  while (start > colon && (doc.text[start - 1] === ' ' || doc.text[start - 1] === '\t')) start--;
  const lineEnd = nextLineStart(doc.text, valueEnd);
  const restOfLine = doc.text.slice(valueEnd, lineEnd).replace(/\r?\n$/, '');
  return { start, end: lineEnd, newText: restOfLine + doc.eol + items };
}

/** Indentation for a list written from scratch: that of the other list's items if it has any, else 2 spaces. */
function listLayout(doc: ListHolder, key: YAML.Node | null): { dashColumn: number; contentColumn: number; indentStep: number; eol: string } {
  const indentStep = detectIndentStep(doc.text, doc.document);
  for (const list of ['annotations', 'dismissed'] as const) {
    const seq = doc.document.get(list, true);
    const first = YAML.isSeq(seq) && !seq.flow ? seq.items[0] : undefined;
    const span = YAML.isNode(first) ? blockItemSpan(doc.text, first) : undefined;
    if (span) return { dashColumn: span.dashColumn, contentColumn: span.contentColumn, indentStep, eol: doc.eol };
  }
  const keyColumn = key?.range ? columnOf(doc.text, key.range[0]) : 0;
  return { dashColumn: keyColumn + 2, contentColumn: keyColumn + 4, indentStep, eol: doc.eol };
}

/** A sidecar for the edit guards (checked-edit.ts): an edit's result is read on the fast path when it can be, and keeps its edit. */
const SIDECAR_FILE: CheckedFileKind<SidecarDocument, Sidecar> = {
  name: 'sidecar',
  read: (fileText, edit) => readCleanly(fileText, edit) ?? { ...parseWithDocument(fileText), lastEdit: edit },
  content: (doc) => doc.sidecar,
  error: SidecarEditError,
};

/** Applies the edit, re-reads the result and checks it says what the edit meant to say. */
export function finish(doc: SidecarDocument, edit: TextEdit, isExpected: (sidecar: Sidecar) => boolean): SidecarDocument {
  return finishEdit(SIDECAR_FILE, doc, edit, isExpected);
}

export function expectWritable(doc: SidecarDocument): SidecarDocument {
  return expectWritableDocument(SIDECAR_FILE, doc);
}

/** The content rules (content-rules.ts), each positioned at the value it is about. */
function contentProblems(source: YamlSource, sidecar: Sidecar): Problem[] {
  return contentRuleViolations(sidecar).map(({ code, severity, pointer, message }) => {
    const range = locateNode(source.document, pointer).node?.range ?? [0, 0];
    return { code, severity, message, ...rangeAt(source.text, source.lines, range[0], range[1]) };
  });
}

export function needsBreak(text: string, offset: number): boolean {
  return offset > 0 && text[offset - 1] !== '\n';
}

export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}


