/**
 * W3C Web Annotation Data Model export and import (https://www.w3.org/TR/annotation-model/).
 *
 * Each tag becomes an `Annotation` with motivation `classifying`, a `classifying` TextualBody
 * holding the category id (with its label), a `commenting` TextualBody for the note and an
 * `assessing` one for the review status; its target is the source IRI with a TextQuoteSelector
 * holding the stored quote, what the annotator tagged, and a TextPositionSelector (code points, as
 * the model counts) only where that quote is in the text now (anchored or moved). A tag that does
 * not anchor where it was stored says so in `target.anchorState` (moved, fuzzy, orphaned; with
 * `target.currentText`, what a fuzzy match now reads): terms of our own, defined in an extra
 * `@context` object beside the model's, as the model asks of extensions, so JSON-LD processors
 * read them and readers that know only the model ignore them. A whole
 * export is an `AnnotationCollection` whose items sit in an embedded `AnnotationPage` under
 * `first`, as the model requires; `--jsonl` writes one self-contained Annotation per line.
 * Incidents add one `linking` Annotation per evidence link after the tags (incident-links.ts).
 */
import { ANNOTATION_STATUSES, type AnnotationStatus } from '../sidecar/model';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { splitLines } from '../text/lines';
import { anchorWarnings, categoryIndex, type ExportWarning, type ResolvedAnnotation, type ResolvedSource } from './export-input';
import type { ImportedAnnotation, ImportProblem } from './imported';
import { annotationIri, collectionIri, idFromFragment, LEGAL_ANNOTATOR_NAMESPACE } from './iri';
import type { Incident } from '../incidents/model';
import { linkingAnnotations, type W3cLinkingAnnotation } from './incident-links';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our extension terms, with IRIs in our UUID namespace (no web host to keep up). */
const TERMS = `urn:uuid:${LEGAL_ANNOTATOR_NAMESPACE}#`;
export const ANCHOR_CONTEXT = { anchorState: `${TERMS}anchorState`, currentText: `${TERMS}currentText` } as const;
export const GENERATOR = { type: 'Software', name: 'Legal Annotator' } as const;

export interface W3cOptions {
  /** A normalised base IRI (iri.ts normalizeBase): ids become `<base><path>.ann.yaml#<id>`. */
  base?: string;
  /** Export time (`generated`); defaults to now. */
  now?: Date;
  /** The workspace's incidents: each evidence link to an exported tag is added as a `linking` Annotation (incident-links.ts). */
  incidents?: readonly Incident[];
}

export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: 'classifying' | 'commenting' | 'assessing';
  value: string;
  format?: 'text/plain';
  label?: string;
}

export interface W3cSelector {
  type: 'TextQuoteSelector' | 'TextPositionSelector';
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export type AnchorState = 'moved' | 'fuzzy' | 'orphaned';

export interface W3cTarget {
  source: string;
  selector: W3cSelector[];
  /** Absent when the tag anchors where it was stored. */
  anchorState?: AnchorState;
  /** What the text reads where a fuzzy tag now sits. */
  currentText?: string;
}

export interface W3cAnnotation {
  '@context'?: string | [typeof ANNO_CONTEXT, typeof ANCHOR_CONTEXT];
  id: string;
  type: 'Annotation';
  motivation: 'classifying';
  created?: string;
  modified?: string;
  creator?: { type: 'Person'; name: string };
  generator?: typeof GENERATOR;
  generated?: string;
  body: W3cTextualBody[];
  target: W3cTarget;
}

export interface W3cExport {
  text: string;
  count: number;
  warnings: ExportWarning[];
}

const ORPHAN_HANDLING = 'exported with its quote (TextQuoteSelector), no position and anchorState "orphaned"';
const FUZZY_HANDLING = 'exported with its stored quote (TextQuoteSelector), no position, anchorState "fuzzy" and the text now there as currentText';

/** One annotation, with `@context` so it stands alone (a JSONL line, or an item copied out of a collection). */
export function toW3cAnnotation(resolved: ResolvedAnnotation, source: ResolvedSource['source'], labels: ReadonlyMap<string, string>, options: W3cOptions & { generated: string }): W3cAnnotation {
  const { annotation, anchor, target, positioned, current } = resolved;
  const classifying: W3cTextualBody = { type: 'TextualBody', purpose: 'classifying', value: annotation.category };
  const label = labels.get(annotation.category);
  if (label !== undefined) classifying.label = label;
  const body: W3cTextualBody[] = [classifying];
  if (annotation.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' });
  if (annotation.status) body.push({ type: 'TextualBody', purpose: 'assessing', value: annotation.status });
  const selector: W3cSelector[] = [{ type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix }];
  if (positioned) selector.push({ type: 'TextPositionSelector', start: target.start, end: target.end });
  // Built in the order people read an annotation in: what it is, who and when, then body and target.
  const anchored = anchor.status === 'anchored';
  const result: Partial<W3cAnnotation> = {
    '@context': anchored ? ANNO_CONTEXT : [ANNO_CONTEXT, ANCHOR_CONTEXT],
    id: annotationIri(source.path, annotation.id, options.base),
    type: 'Annotation',
    motivation: 'classifying',
  };
  if (annotation.created) result.created = annotation.created;
  // Never modified since it was created: its last modification is its creation.
  const modified = annotation.modified ?? annotation.created;
  if (modified) result.modified = modified;
  if (annotation.author) result.creator = { type: 'Person', name: annotation.author };
  result.generator = GENERATOR;
  result.generated = options.generated;
  result.body = body;
  result.target = { source: source.iri, selector };
  if (anchor.status !== 'anchored') result.target.anchorState = anchor.status;
  if (anchor.status === 'fuzzy' && current) result.target.currentText = current.text;
  return result as W3cAnnotation;
}

function* annotationsOf(resolved: readonly ResolvedSource[], taxonomy: Taxonomy, options: W3cOptions): Generator<W3cAnnotation> {
  const labels = new Map([...categoryIndex(taxonomy)].map(([id, category]) => [id, category.label]));
  const generated = (options.now ?? new Date()).toISOString();
  for (const { source, annotations } of resolved) {
    for (const entry of annotations) yield toW3cAnnotation(entry, source, labels, { ...options, generated });
  }
}

/** The `linking` Annotations of the incidents' evidence, each with its `@context` as the tags' have (the model requires it of an Annotation). */
function linksOf(resolved: readonly ResolvedSource[], taxonomy: Taxonomy, options: W3cOptions): W3cLinkingAnnotation[] {
  if (!options.incidents) return [];
  const extra = { generator: GENERATOR, generated: (options.now ?? new Date()).toISOString() };
  return linkingAnnotations(options.incidents, resolved, taxonomy, { base: options.base, extra, context: ANNO_CONTEXT });
}

/** A JSON-LD AnnotationCollection with every annotation in `first.items`. */
export function exportW3cCollection(resolved: readonly ResolvedSource[], taxonomy: Taxonomy, options: W3cOptions = {}): W3cExport {
  const items: (W3cAnnotation | W3cLinkingAnnotation)[] = [...annotationsOf(resolved, taxonomy, options), ...linksOf(resolved, taxonomy, options)];
  const id = collectionIri(resolved.map((r) => r.source.path));
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Legal Annotator annotations of ${resolved.length} source${resolved.length === 1 ? '' : 's'}`,
    total: items.length,
    generator: GENERATOR,
    generated: (options.now ?? new Date()).toISOString(),
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return { text: `${JSON.stringify(collection, null, 2)}\n`, count: items.length, warnings: anchorWarnings(resolved, ORPHAN_HANDLING, FUZZY_HANDLING) };
}

/** One Annotation per line (JSON Lines), each with its `@context`. */
export function exportW3cJsonl(resolved: readonly ResolvedSource[], taxonomy: Taxonomy, options: W3cOptions = {}): W3cExport {
  const lines: string[] = [];
  for (const annotation of annotationsOf(resolved, taxonomy, options)) lines.push(JSON.stringify(annotation));
  for (const link of linksOf(resolved, taxonomy, options)) lines.push(JSON.stringify(link));
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', count: lines.length, warnings: anchorWarnings(resolved, ORPHAN_HANDLING, FUZZY_HANDLING) };
}

export interface W3cImported extends ImportedAnnotation {
  /** The target's `source` IRI, to find the file. */
  sourceIri: string;
}

/**
 * Reads annotations from a W3C export: an AnnotationCollection with an embedded first page, an
 * AnnotationPage, one Annotation, a JSON array of them, or JSON Lines. What it cannot use
 * (no text target, no category, a page given only by reference) is reported, not guessed.
 */
export function parseW3c(text: string, fileName: string): { annotations: W3cImported[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const annotations: W3cImported[] = [];
  // Problems of the annotations read, listed after those of the JSON itself.
  const readProblems: ImportProblem[] = [];
  // Each value is read as soon as it is parsed, so that 100,000 parsed lines are never alive at once.
  const take = (value: unknown, origin: string): void => {
    for (const [item, itemOrigin] of annotationItems(value, origin, readProblems)) {
      const read = readAnnotation(item, itemOrigin);
      if ('message' in read) readProblems.push(read);
      else annotations.push(read);
    }
  };
  const body = text.replace(/^\uFEFF/, '');
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch (error) {
    const lines = splitLines(body);
    if (lines.filter((line) => line.trim() !== '').length <= 1) {
      problems.push({ origin: fileName, severity: 'error', message: `not JSON: ${(error as Error).message}` });
      return { annotations, problems };
    }
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (lineError) {
        problems.push({ origin: `${fileName}:${index + 1}`, severity: 'error', message: `not JSON: ${(lineError as Error).message}` });
        return;
      }
      take(value, `${fileName}:${index + 1}`);
    });
    return { annotations, problems: [...problems, ...readProblems] };
  }
  take(whole, fileName);
  return { annotations, problems: readProblems };
}

function annotationItems(value: unknown, origin: string, problems: ImportProblem[]): [unknown, string][] {
  if (Array.isArray(value)) return value.map((item, index) => [item, `${origin} [${index}]`]);
  if (!isObject(value)) {
    problems.push({ origin, severity: 'error', message: 'expected an Annotation, an AnnotationPage or an AnnotationCollection' });
    return [];
  }
  const types = asArray(value.type);
  if (types.includes('AnnotationCollection')) {
    if (value.first === undefined) return [];
    if (!isObject(value.first)) {
      problems.push({ origin, severity: 'error', message: 'the collection\'s first page is given by reference only; export it with its items embedded' });
      return [];
    }
    const pageItems = annotationItems(value.first, `${origin} first`, problems);
    if (value.first.next !== undefined) problems.push({ origin, severity: 'warning', message: 'the collection has further pages (next); only the embedded first page was read' });
    return pageItems;
  }
  if (types.includes('AnnotationPage')) {
    const items = Array.isArray(value.items) ? value.items : [];
    return items.map((item, index) => [item, `${origin} item ${index + 1}`]);
  }
  return [[value, origin]];
}

function readAnnotation(value: unknown, origin: string): W3cImported | ImportProblem {
  const fail = (message: string): ImportProblem => ({ origin, severity: 'error', message });
  if (!isObject(value) || !asArray(value.type).includes('Annotation')) return fail('not an Annotation (no "type": "Annotation")');
  const where = typeof value.id === 'string' ? `${origin} (${value.id})` : origin;
  const targets = asArray(value.target);
  const target = targets[0];
  if (!isObject(target) || typeof target.source !== 'string') return { origin: where, severity: 'error', message: 'its target is not a part of a text (no target with a "source" and selectors)' };
  if (targets.length > 1) return { origin: where, severity: 'error', message: `it has ${targets.length} targets; a tag has one passage` };
  let category: string | undefined;
  const notes: string[] = [];
  let status: AnnotationStatus | undefined;
  for (const body of asArray(value.body)) {
    if (!isObject(body)) continue;
    const purposes = asArray(body.purpose);
    const text = typeof body.value === 'string' ? body.value : undefined;
    if (purposes.includes('classifying') || (purposes.includes('tagging') && category === undefined)) {
      category = text ?? (typeof body.id === 'string' ? lastSegment(body.id) : undefined) ?? category;
    } else if (purposes.includes('assessing') && text && (ANNOTATION_STATUSES as readonly string[]).includes(text)) {
      status = text as AnnotationStatus;
    } else if (text !== undefined && (purposes.length === 0 || purposes.includes('commenting') || purposes.includes('describing'))) {
      notes.push(text);
    }
  }
  if (typeof value.bodyValue === 'string') notes.push(value.bodyValue);
  if (category === undefined) return { origin: where, severity: 'error', message: 'no category: it has no body with purpose "classifying" (or "tagging")' };
  const imported: W3cImported = { origin: where, sourceIri: target.source, category };
  if (typeof value.id === 'string') {
    imported.iri = value.id;
    const id = idFromFragment(value.id);
    if (id) imported.id = id;
  }
  for (const selector of asArray(target.selector)) {
    if (!isObject(selector)) continue;
    const types = asArray(selector.type);
    if (types.includes('TextQuoteSelector') && typeof selector.exact === 'string') {
      imported.exact = selector.exact;
      if (typeof selector.prefix === 'string') imported.prefix = selector.prefix;
      if (typeof selector.suffix === 'string') imported.suffix = selector.suffix;
    } else if (types.includes('TextPositionSelector')) {
      // A passage the position cannot be is reported, never ignored for the quote nor guessed at.
      if (!isOffset(selector.start) || !isOffset(selector.end) || selector.start >= selector.end) {
        return { origin: where, severity: 'error', message: `its TextPositionSelector start ${shownValue(selector.start)}, end ${shownValue(selector.end)} is no passage (offsets are whole numbers of code points from 0, start below end); not imported` };
      }
      imported.start = selector.start;
      imported.end = selector.end;
      imported.offsetsOfSource = true;
    }
  }
  if (imported.exact === undefined && imported.start === undefined) return { origin: where, severity: 'error', message: 'its target has neither a TextQuoteSelector nor a TextPositionSelector' };
  if (notes.length > 0) imported.note = notes.join('\n\n');
  if (status) imported.status = status;
  const creator = asArray(value.creator)[0];
  if (typeof creator === 'string') imported.author = creator;
  else if (isObject(creator)) {
    const name = creator.name ?? creator.nickname;
    if (typeof name === 'string') imported.author = name;
  }
  if (typeof value.created === 'string') imported.created = value.created;
  if (typeof value.modified === 'string' && value.modified !== value.created) imported.modified = value.modified;
  return imported;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function shownValue(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** `https://example.org/vocab#torture` -> `torture`. */
function lastSegment(iri: string): string {
  return iri.split(/[#/]/).filter(Boolean).at(-1) ?? iri;
}
