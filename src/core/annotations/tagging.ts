/**
 * Tagging a passage of a source: what the CLI's `tag` does and what the editor's "Tag as" code
 * action does (both build the entry with newAnnotation). Pure: the caller reads the source and
 * the sidecar and writes the result. Every refusal says why and what to do instead.
 */
import { closestCategoryIds } from '../taxonomy/closest-ids';
import { findCategory, type Taxonomy } from '../taxonomy/taxonomy';
import { codePointLength, OffsetConverter } from '../text/positions';
import { sidecarErrorsRefusal } from '../sidecar/refusals';
import { samePassage, sidecarPathFor, type Annotation } from '../sidecar/model';
import { newAnnotation } from './new-annotation';
import { addAnnotation, entryIndex, newSidecarDocument, type SidecarDocument } from '../sidecar/sidecar-io';
import { sourceHash } from '../sidecar/source-hash';

/**
 * The passage to tag: offsets, or a quote. A quote that occurs more than once needs
 * `occurrence`, the 1-based number of the one meant in text order (overlapping ones counted).
 */
export type TagRange = { start: number; end: number } | { quote: string; occurrence?: number };

export interface TagRequest {
  /** The source text (BOM excluded, line endings as stored). */
  text: string;
  /** The source's file name, for a new sidecar's `source` and for messages. */
  sourceName: string;
  /** The existing sidecar (readSidecarFile: a clean one is read and appended to on the fast path), or undefined when there is none yet. */
  sidecar?: SidecarDocument;
  taxonomy: Taxonomy;
  category: string;
  range: TagRange;
  note?: string;
  author?: string;
  now?: Date;
}

export type TagResult =
  | { ok: true; doc: SidecarDocument; annotation: Annotation; createdSidecar: boolean }
  | { ok: false; reason: string };

/** Where `quote` occurs in `text`, as code-point ranges (overlapping occurrences included). */
export function findQuote(text: string, quote: string): { start: number; end: number }[] {
  if (quote === '') return [];
  const offsets = new OffsetConverter(text);
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    found.push({ start: offsets.toCodePoint(at), end: offsets.toCodePoint(at + quote.length) });
  }
  return found;
}

export function tagPassage(request: TagRequest): TagResult {
  const { sourceName } = request;
  if (!findCategory(request.taxonomy, request.category)) {
    const close = closestCategoryIds(request.taxonomy, request.category);
    const hint = close.length > 0 ? `did you mean ${close.map((id) => `"${id}"`).join(' or ')}?` : `known categories: ${request.taxonomy.categories.map((c) => c.id).join(', ')}`;
    return { ok: false, reason: `unknown category "${request.category}" (not in the workspace taxonomy); ${hint}` };
  }
  const errors = request.sidecar && sidecarErrorsRefusal(request.sidecar, sidecarPathFor(sourceName));
  if (errors) return { ok: false, reason: errors };
  const range = resolveRange(request.text, request.range, sourceName);
  if ('reason' in range) return { ok: false, reason: range.reason };

  const doc = request.sidecar ?? newSidecarDocument(sourceName, sourceHash(request.text));
  // The ids and the annotations on the passage, without reading every entry of a scanned sidecar.
  const entries = entryIndex(doc);
  const annotation = newAnnotation({ text: request.text, ...range, category: request.category, note: request.note, author: request.author, now: request.now, existingIds: entries.ids });
  const identical = identicalTagRefusal(entries.annotationsAt(annotation.target.start, annotation.target.end), annotation, sidecarPathFor(sourceName));
  if (identical) return { ok: false, reason: identical };
  return { ok: true, doc: addAnnotation(doc, annotation), annotation, createdSidecar: request.sidecar === undefined };
}

/** The existing annotation with the same category and the same passage (offsets and quote) as `tag`, if any. */
function identicalTag(annotations: readonly Annotation[], tag: Annotation): Annotation | undefined {
  return annotations.find((a) => a.category === tag.category && samePassage(a.target, tag.target));
}

/** Why `tag` is not added to the sidecar named `sidecarName`: it is identical to one of `annotations`; undefined when none is. */
export function identicalTagRefusal(annotations: readonly Annotation[], tag: Annotation, sidecarName: string): string | undefined {
  const same = identicalTag(annotations, tag);
  if (!same) return undefined;
  return `the passage ${same.target.start}-${same.target.end} is already tagged as ${same.category}: annotation ${same.id} in ${sidecarName}; nothing was written (a second identical tag would count the passage twice)`;
}

function resolveRange(text: string, range: TagRange, sourceName: string): { start: number; end: number } | { reason: string } {
  if ('quote' in range) {
    if (range.quote === '') return { reason: 'the quote is empty; give the text to tag' };
    const found = findQuote(text, range.quote);
    if (found.length === 0) return { reason: `the quote "${range.quote}" is not in ${sourceName} (it must match exactly, line breaks and case included)` };
    const times = `occurs ${found.length === 1 ? 'once' : `${found.length} times`} in ${sourceName}`;
    if (range.occurrence !== undefined) {
      if (range.occurrence >= 1 && range.occurrence <= found.length) return found[range.occurrence - 1];
      return { reason: `the quote "${range.quote}" ${times}, so there is no occurrence ${range.occurrence}; give --occurrence from 1 to ${found.length}` };
    }
    if (found.length > 1) {
      const shown = found.slice(0, 5).map((r) => `${r.start}-${r.end}`).join(', ');
      return { reason: `the quote "${range.quote}" ${times} (at ${shown}${found.length > 5 ? ', ...' : ''}); give --occurrence N (1 to ${found.length}) or --start and --end to choose one, or a longer quote` };
    }
    return found[0];
  }
  const length = codePointLength(text);
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0) return { reason: `--start and --end must be whole numbers of at least 0 (got ${start} and ${end})` };
  if (end > length || start > length) return { reason: `${start}-${end} is outside ${sourceName}, which has ${length} characters (code points)` };
  if (end <= start) return { reason: `${start}-${end} is empty: --end must be greater than --start (offsets count code points, end exclusive)` };
  return { start, end };
}
