/**
 * A sidecar proven clean from its bytes, without reading its entries: the scan (sidecar-scan.ts,
 * scanSidecarSpans) proves the file is what the fast reader reads cleanly, and this proves that
 * the semantic checks (checkContent) would report nothing on it: the name and the listing of its
 * source, every category in the taxonomy, no merge conflict, no duplicate, every quote exactly at
 * its stored offsets in the source's bytes, and the source's hash as stored.
 *
 * `check` reads a thousand clean sidecars; building their entries (100 objects each, dropped at
 * once) cost it more than the reading itself, most of it in the garbage collector. Whatever this
 * does not prove, it leaves to the full read (false), which finds and positions the problems.
 */
import type { Buffer } from 'node:buffer';
import { Utf8SourceText } from '../anchoring/utf8-source';
import type { Annotation } from '../sidecar/model';
import { sourceNameFor } from '../sidecar/model';
import { scannedEntry, spells, type ScannedListName, type SidecarSpansScan } from '../sidecar/sidecar-scan';
import { sourceHashOfUtf8 } from '../sidecar/source-hash';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { byteOffsets, SLOTS } from '../text/utf8-offsets';
import { sourceValueOutsideFolder, type SidecarCheckInput } from './sidecar-checks';

/** The category ids of each taxonomy by their length (findCategory is a search of the list). */
const categoryIds = new WeakMap<Taxonomy, string[][]>();

/**
 * True when checkContent, run on the full read of the scanned file with `input`, reports
 * nothing; false when it may report something (the caller then reads the file whole).
 */
export function scannedSidecarIsClean(scan: SidecarSpansScan, input: Omit<SidecarCheckInput, 'doc'>): boolean {
  const source = scan.header.source;
  const expectedName = sourceNameFor(input.sidecarName);
  if ((expectedName !== undefined && expectedName !== source) || input.sourceListed === false) return false;
  if (sourceValueOutsideFolder(source) || input.source.kind !== 'text' || !(input.source.text instanceof Utf8SourceText)) return false;
  const { body } = input.source.text;
  const { annotations, dismissed } = scan.lists;
  if (annotations.spans.conflicts > 0 || dismissed.spans.conflicts > 0) return false;
  if (!categoriesKnown(scan, input.taxonomy)) return false;
  if (!quotesAtOffsets(scan, body)) return false;
  if (sameOffsets(scan, 'annotations') || sameOffsets(scan, 'dismissed')) return false;
  return sourceHashOfUtf8(body) === scan.header.sourceHash;
}

function categoriesKnown(scan: SidecarSpansScan, taxonomy: Taxonomy): boolean {
  let ids = categoryIds.get(taxonomy);
  if (!ids) {
    ids = [];
    for (const { id } of taxonomy.categories) (ids[id.length] ??= []).push(id);
    categoryIds.set(taxonomy, ids);
  }
  const { bytes } = scan;
  const { categoryStarts, categoryEnds } = scan.lists.annotations.spans;
  for (let index = 0; index < categoryStarts.length; index++) {
    const start = categoryStarts[index];
    if (start < 0) {
      const { category } = scannedEntry(scan, 'annotations', index) as Annotation;
      if (!ids[category.length]?.includes(category)) return false;
      continue;
    }
    // A category checked in place is ASCII (the schema's pattern): its bytes are its characters,
    // compared with the ids of its length without making a string of them.
    const candidates = ids[categoryEnds[index] - start] ?? [];
    let known = false;
    for (let c = 0; c < candidates.length && !known; c++) known = spells(bytes, start, candidates[c]);
    if (!known) return false;
  }
  return true;
}

/**
 * Whether every entry's quote is exactly at its stored code-point offsets in `body` (valid
 * UTF-8): found in one pass that counts code points, and compared byte for byte with the quote's
 * bytes in the sidecar (equal valid UTF-8 bytes decode to the same text, and only they do).
 */
function quotesAtOffsets(scan: SidecarSpansScan, body: Buffer): boolean {
  const lists = [scan.lists.annotations, scan.lists.dismissed];
  const count = lists[0].starts.length + lists[1].starts.length;
  if (count === 0) return true;
  if (body.length === 0) return false;
  // Each offset as offset * SLOTS + slot (the entry's number times two, plus one for its end):
  // sorted natively, then walked once; `bytesAt[slot]` is where it is in the bytes.
  const keys = new Float64Array(2 * count);
  let slot = 0;
  for (const list of lists) {
    for (let index = 0; index < list.starts.length; index++, slot += 2) {
      keys[slot] = list.starts[index] * SLOTS + slot;
      keys[slot + 1] = list.ends[index] * SLOTS + slot + 1;
    }
  }
  keys.sort();
  const bytesAt = byteOffsets(body, keys);
  if (!bytesAt) return false;
  slot = 0;
  for (const [name, list] of [['annotations', lists[0]], ['dismissed', lists[1]]] as const) {
    const { exactStarts, exactEnds } = list.spans;
    for (let index = 0; index < list.starts.length; index++, slot += 2) {
      const from = bytesAt[slot];
      const to = bytesAt[slot + 1];
      const start = exactStarts[index];
      if (start >= 0) {
        if (exactEnds[index] - start !== to - from || !sameBytes(scan.bytes, start, body, from, to - from)) return false;
      } else if (body.toString('utf8', from, to) !== quoteOf(scan, name, index)) {
        return false;
      }
    }
  }
  return true;
}

/** The quote of an entry that has no span: decoded by the scan, or read with its item. */
function quoteOf(scan: SidecarSpansScan, list: ScannedListName, index: number): string {
  return scan.lists[list].spans.quotes.get(index) ?? scannedEntry(scan, list, index).target.exact;
}

/**
 * Whether two entries of `list` share their offsets (and, for annotations, their category): with
 * every quote at its offsets, such entries have the same passage, which findDuplicates reports.
 */
function sameOffsets(scan: SidecarSpansScan, list: ScannedListName): boolean {
  const { starts, ends } = scan.lists[list];
  if (starts.length < 2) return false;
  const keys = new Float64Array(starts.length);
  for (let index = 0; index < starts.length; index++) keys[index] = starts[index] * SLOTS + index;
  keys.sort();
  for (let k = 1; k < keys.length; k++) {
    const start = Math.floor(keys[k] / SLOTS);
    if (start !== Math.floor(keys[k - 1] / SLOTS)) continue;
    const index = keys[k] - start * SLOTS;
    // Entries of one start sort together: compare this one with every earlier one of its run.
    for (let j = k - 1; j >= 0 && Math.floor(keys[j] / SLOTS) === start; j--) {
      const other = keys[j] - start * SLOTS;
      if (ends[other] === ends[index] && (list === 'dismissed' || categoryOf(scan, other) === categoryOf(scan, index))) return true;
    }
  }
  return false;
}

function categoryOf(scan: SidecarSpansScan, index: number): string {
  const { categoryStarts, categoryEnds } = scan.lists.annotations.spans;
  const start = categoryStarts[index];
  return start >= 0 ? scan.bytes.toString('latin1', start, categoryEnds[index]) : (scannedEntry(scan, 'annotations', index) as Annotation).category;
}

/** Whether `length` bytes of `a` from `aFrom` equal those of `b` from `bFrom` (a loop: quotes are short, and Buffer#compare's checks cost more). */
function sameBytes(a: Buffer, aFrom: number, b: Buffer, bFrom: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}

