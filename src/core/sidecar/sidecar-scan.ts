/**
 * A validating scan of a sidecar that proves the file clean (what cleanFastRead accepts: the fast
 * reader's subset, the schema, the content rules) without building its entries. `tag` on a
 * sidecar of 100,000 annotations needs only their ids and ranges, and building 100,000 entries
 * (with the garbage collector copying them all, since all survive) cost most of its second.
 *
 * The file is taken apart by lines, as the fast reader reads it:
 * - the top level: every line at column 0 but those of the two lists' items is kept, each list's
 *   key line `annotations:` with items becomes `annotations: []`, and that skeleton is read
 *   with cleanFastRead (the header: version, source, sourceHash, origin, `x-` fields);
 * - each list's items: a line `- ` at the first item's column starts an item; every other line up
 *   to the next top-level key is indented past that column, blank or a comment. An item in the
 *   layout the tool writes (`key: value` lines, `target:` a block of `key: value` lines, scalars
 *   on one line: plain, quoted without a comment after them) is checked in place against the
 *   schema's rules for its fields; any other item is read on its own with the fast reader and
 *   validated with the generated validator (the schema says nothing about a list as a whole).
 * Ids must be unique over both lists, and each entry's quote as long as its range.
 *
 * The scan reads the file's UTF-8 bytes (a reader that has them decodes none of the 23 MB of a
 * large sidecar; a string is encoded first): offsets in a scan count bytes.
 *
 * Whatever the scan does not prove it declines (undefined), and the caller reads the file whole.
 * A seeded differential test (sidecar-scan.test.ts) checks on mutated files that every file the
 * scan accepts is read cleanly by cleanFastRead, with the same ids, ranges, header and layout.
 */
import { isAscii } from 'node:buffer';
import { fullFormats } from 'ajv-formats/dist/formats';
import { startsWithUtf8Bom } from '../text/decode';
import { codePointLength } from '../text/positions';
import { contentRuleViolations } from './content-rules';
import { isPlainUtcDateTime } from './date-time-bytes';
import { cleanFastRead } from './fast-sidecar';
import { readFastYaml, resolvePlainScalar, type FastYamlLayout } from './fast-yaml';
import type { Annotation, Dismissal, Sidecar } from './model';
import * as validators from './generated/validators';

export type ScannedListName = 'annotations' | 'dismissed';

/** One list of a scanned sidecar: where each item is in the bytes, and its target's range. */
export interface ScannedList {
  /** Byte offset of each item's first line (its `-`), in file order. */
  readonly itemStarts: Int32Array;
  /** Byte offset just past the list's last item (the next top-level line, or the end of the file). */
  readonly end: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** With scanSidecarSpans: where each item's values are written, for a reader that compares them in place. */
  readonly spans?: ScannedSpans;
}

/**
 * Byte spans (start, end) of each item's `category` (annotations only) and `target.exact` values
 * in the scan's bytes: the value's own bytes, set only where they are its text (a scalar checked in
 * place without an escape); -1 where the value must be read (scannedEntry): an item in another
 * layout, an escaped scalar, a dismissal's category.
 */
export interface ScannedSpans {
  readonly categoryStarts: Int32Array;
  readonly categoryEnds: Int32Array;
  readonly exactStarts: Int32Array;
  readonly exactEnds: Int32Array;
  /** Items with a `conflict` field (the merge driver's mark). */
  readonly conflicts: number;
  /** The quote of each item whose quote has no span but was decoded on the way (escaped, or read with its item), by index. */
  readonly quotes: ReadonlyMap<number, string>;
}

export interface SidecarScan {
  /** The file's bytes (its BOM left out) the offsets count in. */
  readonly bytes: Buffer;
  /** The line ending of the first line (detectEol's). */
  readonly eol: '\n' | '\r\n';
  /** The sidecar's top-level values as cleanFastRead gives them, in the file's order, with both lists empty. */
  readonly header: Sidecar;
  /** What the fast reader's layout says of the indentation step (cleanFastRead's `layout.indentStep`). */
  readonly indentStep: number | undefined;
  /** Every id of both lists. */
  readonly ids: IdIndex;
  readonly lists: Readonly<Record<ScannedListName, ScannedList>>;
}

let scansAccepted = 0;

/** How many files this process has accepted with the scan (the tests check that `tag` took it). */
export function sidecarScansAccepted(): number {
  return scansAccepted;
}

/** The scan of a sidecar's text (no BOM), or undefined when it does not prove the file clean. */
export function scanSidecar(text: string): SidecarScan | undefined {
  // Encoding would turn an unpaired surrogate into U+FFFD: such a text is read whole.
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed() ? scanSidecarBytes(Buffer.from(text, 'utf8')) : undefined;
}

/** The scan of a sidecar's bytes (valid UTF-8, its BOM left out), or undefined when it does not prove the file clean. */
export function scanSidecarBytes(bytes: Uint8Array): SidecarScan | undefined {
  return scanBytes(bytes, false);
}

/**
 * scanSidecarBytes that also notes where each item's category and quote are written (each
 * list's `spans`): the same files accepted, with the same result. For `check`, which compares
 * the quotes with the source's bytes without reading the entries.
 */
export function scanSidecarSpans(bytes: Uint8Array): SidecarSpansScan | undefined {
  return scanBytes(bytes, true) as SidecarSpansScan | undefined;
}

/** A scan by scanSidecarSpans: each list with its spans. */
export interface SidecarSpansScan extends SidecarScan {
  readonly lists: Readonly<Record<ScannedListName, ScannedList & { readonly spans: ScannedSpans }>>;
}

function scanBytes(bytes: Uint8Array, spans: boolean): SidecarScan | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The fast reader declines any tab, and a BOM at the start; so does the scan.
  if (buffer.indexOf(0x09) >= 0 || startsWithUtf8Bom(buffer)) return undefined;
  const scan = new Scanner(buffer, spans).run();
  if (scan) scansAccepted++;
  return scan;
}

/** An item of a scanned list, read with the fast reader (one entry, for the few that are needed). */
export function scannedEntry(scan: Pick<SidecarScan, 'lists' | 'bytes'>, list: ScannedListName, index: number): Annotation | Dismissal {
  const { itemStarts, end } = scan.lists[list];
  const value = readFastYaml(`${list}:\n${scan.bytes.toString('utf8', itemStarts[index], itemStarts[index + 1] ?? end)}`) as Record<string, unknown[]> | undefined;
  const entry = value?.[list]?.[0];
  if (entry === undefined) throw new Error(`internal error: item ${index} of ${list} no longer reads`);
  return entry as Annotation | Dismissal;
}

/**
 * The ids of both lists, held as 32-bit hashes, each with its entry's ordinal (its index times
 * two, plus one for a dismissal), in one sorted typed array: 100,000 ids as strings in a Set cost
 * more than the rest of the scan. An id is compared as a string only where two hashes agree.
 */
export class IdIndex {
  /** hash * ORDINALS + ordinal of each entry; sorted by `verify`. */
  private keys: Float64Array;
  private count = 0;
  private idOf: (ordinal: number) => string = () => '';

  constructor(expected: number) {
    this.keys = new Float64Array(Math.max(16, expected));
  }

  get size(): number {
    return this.count;
  }

  /** Adds the entry `ordinal` whose id hashes to `hash`. */
  add(hash: number, ordinal: number): void {
    if (this.count === this.keys.length) {
      const bigger = new Float64Array(this.count * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.count++] = (hash >>> 0) * ORDINALS + ordinal;
  }

  /**
   * Whether no two entries have the same id (`idOf` gives an entry's id); keeps `idOf` for `has`.
   * Entries whose hashes agree sort next to each other, by ordinal, not by id: every id of such a
   * run is compared with every other (two ids of one hash can lie between two copies of a third).
   */
  verify(idOf: (ordinal: number) => string): boolean {
    this.idOf = idOf;
    const keys = this.keys.subarray(0, this.count).sort();
    this.keys = keys;
    for (let runStart = 0; runStart < keys.length;) {
      const hash = Math.floor(keys[runStart] / ORDINALS);
      let runEnd = runStart + 1;
      while (runEnd < keys.length && Math.floor(keys[runEnd] / ORDINALS) === hash) runEnd++;
      if (runEnd - runStart > 1 && !distinctIds(keys, runStart, runEnd, idOf)) return false;
      runStart = runEnd;
    }
    return true;
  }

  has(id: string): boolean {
    const hash = idHash(id) >>> 0;
    const { keys } = this;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle] < hash * ORDINALS) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < keys.length && Math.floor(keys[at] / ORDINALS) === hash; at++) {
      if (this.idOf(keys[at] % ORDINALS) === id) return true;
    }
    return false;
  }
}

/** Whether the entries of keys[start..end) (one hash) have ids that all differ. */
function distinctIds(keys: Float64Array, start: number, end: number, idOf: (ordinal: number) => string): boolean {
  const seen = new Set<string>();
  for (let at = start; at < end; at++) {
    const id = idOf(keys[at] % ORDINALS);
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/**
 * Numbers in a typed array that doubles as it fills: its memory is outside the collected heap,
 * whose collector would copy arrays of 100,000 numbers at each collection.
 */
class NumberList {
  private data: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  /** Appends `value`; returns its index. */
  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** The largest offset the scan holds (its ranges are Int32Arrays). */
const MAX_OFFSET = 0x7fffffff;

/** Entries per list the id index holds (2^20 each: the two lists' ordinals interleaved below ORDINALS; a key fits a double exactly). */
const MAX_ENTRIES = 2 ** 20;
const ORDINALS = 2 * MAX_ENTRIES;

/** FNV-1a over the code units of an id, as a signed 32-bit number. */
function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < id.length; at++) hash = Math.imul(hash ^ id.charCodeAt(at), 0x01000193);
  return hash | 0;
}

/** idHash of an id's bytes from `start` to `end` (an id is ASCII: its bytes are its code units). */
function idHashOfBytes(bytes: Buffer, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ bytes[at], 0x01000193);
  return hash | 0;
}

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;

/** An item the in-place check leaves to the fast reader. */
const OTHER_LAYOUT = -1;
/** A file the scan declines. */
const DECLINE = -2;

/** The fields of an entry the in-place check knows, as bits. */
const FIELD = {
  id: 1, category: 2, target: 4, note: 8, author: 16, created: 32, modified: 64, status: 128, conflict: 256, reason: 512,
  start: 1024, end: 2048, exact: 4096, prefix: 8192, suffix: 16384,
} as const;
/** The known keys by their first letter, each as its character codes with its colon, and each field's key length. */
const FIELDS_BY_FIRST: { codes: number[]; bit: number }[][] = [];
/** Each field's key length, by the index of its bit (keyLength). */
const KEY_LENGTHS: number[] = [];
for (const [name, bit] of Object.entries(FIELD)) {
  (FIELDS_BY_FIRST[name.charCodeAt(0)] ??= []).push({ codes: [...`${name}:`].map((c) => c.charCodeAt(0)), bit });
  KEY_LENGTHS[31 - Math.clz32(bit)] = name.length;
}

/** The length of a field's key (0 for no field). */
function keyLength(field: number): number {
  return field === 0 ? 0 : KEY_LENGTHS[31 - Math.clz32(field)];
}

/** The field whose key and colon start at `at`, found without slicing the text; 0 for any other key. */
function fieldAt(text: Buffer, at: number): number {
  const candidates = FIELDS_BY_FIRST[text[at]];
  if (candidates === undefined) return 0;
  for (const { codes, bit } of candidates) {
    let i = 1;
    while (i < codes.length && text[at + i] === codes[i]) i++;
    if (i === codes.length) return bit;
  }
  return 0;
}

const ENTRY_FIELDS: Record<ScannedListName, { allowed: number; required: number }> = {
  annotations: { allowed: FIELD.id | FIELD.category | FIELD.target | FIELD.note | FIELD.author | FIELD.created | FIELD.modified | FIELD.status | FIELD.conflict, required: FIELD.id | FIELD.category | FIELD.target },
  dismissed: { allowed: FIELD.id | FIELD.target | FIELD.author | FIELD.created | FIELD.reason | FIELD.conflict, required: FIELD.id | FIELD.target },
};
const TARGET_FIELDS = FIELD.start | FIELD.end | FIELD.exact | FIELD.prefix | FIELD.suffix;

/** The schema's patterns and enums for the fields checked in place (schemas/sidecar.schema.json). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const CATEGORY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const STATUSES = new Set(['proposed', 'confirmed', 'disputed']);
/** The schema's `date-time` format, the very function the generated validator calls. */
const DATE_TIME = fullFormats['date-time'] as { validate: (value: string) => boolean };
/** The plain scalars the YAML core schema reads as null or a boolean (fast-yaml.ts's LITERALS). */
const LITERAL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Characters that start something other than a plain scalar at the start of a value (fast-yaml.ts's INDICATORS). */
const INDICATORS = new Uint8Array(0x80);
for (const c of '-?:,[]{}#&*!|>\'"%@`') INDICATORS[c.charCodeAt(0)] = 1;
/** The one-character escapes of a double-quoted scalar the fast reader takes. */
const SIMPLE_ESCAPES = new Set([...'\\"/nrtbf0 '].map((c) => c.charCodeAt(0)));
const HEX_ESCAPE_LENGTH = new Map([[0x78, 2], [0x75, 4], [0x55, 8]]);
/** A valid top-level header for validating one item on its own. */
const VALIDATION_HEADER = { version: 1, source: 'scan', sourceHash: `sha256:${'0'.repeat(64)}` };

/** How the scalar last read was written. */
const Style = { Plain: 0, Double: 1, Single: 2 } as const;

class Scanner {
  private readonly skeleton: string[] = [];
  /** Each entry's id hash and ordinal (idKey), to find duplicate ids once all are read. */
  private readonly ids: IdIndex;
  /** The hash of the id last read in place. */
  private idHash = 0;
  /** A guess at the number of entries, to size the tables once: an entry takes some 100 bytes or more. */
  private readonly expected: number;
  private indentStep: number | undefined;
  private readonly lists: Record<ScannedListName, ScannedList | undefined> = { annotations: undefined, dismissed: undefined };
  // The scalar last read on a line: its style, its text's span, whether it holds an escape.
  private style: number = Style.Plain;
  private valueStart = 0;
  private valueEnd = 0;
  private escaped = false;
  /** UTF-8 continuation bytes in it, counted for a quote (its code points are its bytes less these). */
  private continuations = 0;
  // The entry being checked.
  private start = 0;
  private end = 0;
  private exactLength = 0;
  private targetColumn = 0;
  /** The index of the item being checked in its list. */
  private ordinal = 0;
  private lastCategory = '';
  private lastCategoryStyle = -1;
  /** Noting spans (scanSidecarSpans): the current item's category and quote spans (-1: not in place), and the items with a conflict. */
  private readonly noteSpans: boolean;
  private categoryStart = -1;
  private categoryEnd = -1;
  private exactStart = -1;
  private exactEnd = -1;
  private itemConflict = false;
  private conflicts = 0;
  /** The current item's quote when it was decoded (escaped, or the item read whole). */
  private quote: string | undefined;
  /** The last string quoteLength decoded. */
  private decodedQuote: string | undefined;

  /** Whether the file is all ASCII: a quote's length in code points is then its length in bytes. */
  private readonly ascii: boolean;

  constructor(private readonly text: Buffer, noteSpans = false) {
    this.noteSpans = noteSpans;
    this.expected = Math.ceil(text.length / 100);
    this.ids = new IdIndex(this.expected);
    this.ascii = isAscii(text);
  }

  run(): SidecarScan | undefined {
    const { text } = this;
    let at = 0;
    while (at < text.length) {
      const next = nextLineStart(text, at);
      const c = text[at];
      const list = c === 0x61 || c === 0x64 ? listKeyLine(text, at) : undefined;
      if (list !== undefined) {
        const end = this.list(list, next);
        if (end === DECLINE) return undefined;
        if (end > next) {
          // The blank and comment lines before the first item go with it, for the fast reader to read.
          this.skeleton.push(`${list}: []\n`, text.toString('utf8', next, this.lists[list]!.itemStarts[0]));
          at = end;
          continue;
        }
      } else if (c === SPACE && !isBlankLine(text, at)) {
        // An indented line outside the lists: a nested or continued top-level value.
        return undefined;
      }
      this.skeleton.push(text.toString('utf8', at, next));
      at = next;
    }
    const header = cleanFastRead(this.skeleton.join(''));
    // Lists left in the skeleton (written otherwise than as indented block lists) are not scanned.
    if (!header || header.annotations.length > 0 || header.dismissed.length > 0) return undefined;
    const none = new Int32Array(0);
    const noSpans = this.noteSpans ? { spans: { categoryStarts: none, categoryEnds: none, exactStarts: none, exactEnds: none, conflicts: 0, quotes: new Map() } } : {};
    const empty = { itemStarts: none, end: text.length, starts: none, ends: none, ...noSpans };
    const lists = { annotations: this.lists.annotations ?? empty, dismissed: this.lists.dismissed ?? empty };
    const { ids } = this;
    if (!ids.verify((ordinal) => scannedEntry({ lists, bytes: text }, ordinal % 2 === 0 ? 'annotations' : 'dismissed', Math.floor(ordinal / 2)).id)) return undefined;
    return { bytes: text, eol: firstLineEnding(text), header, indentStep: this.indentStep, ids, lists };
  }

  /**
   * The items of the list whose key line ends at `from`: up to the next line at column 0 that is
   * not blank or a comment. Returns where they end (`from` when there are none), or DECLINE.
   */
  private list(name: ScannedListName, from: number): number {
    const { text } = this;
    if (this.lists[name]) return DECLINE;
    const first = nextContentLine(text, from);
    if (first < 0 || !isRegionLine(text, first)) return from;
    const dashColumn = indentAt(text, first);
    if (!isItemLine(text, first + dashColumn)) return DECLINE;
    const scanned = { itemStarts: new NumberList(this.expected), starts: new NumberList(this.expected), ends: new NumberList(this.expected) };
    const spans = this.noteSpans ? [0, 1, 2, 3].map(() => new NumberList(this.expected)) : undefined;
    const quotes = new Map<number, string>();
    this.conflicts = 0;
    let at = first;
    while (at < text.length && isRegionLine(text, at)) {
      this.ordinal = scanned.itemStarts.push(at);
      this.noSpans();
      this.itemConflict = false;
      // An item in the tool's layout ends at the next item or the next top-level key; any other
      // item is cut at the next item line (its blank lines and comments included) and read.
      let next = this.entryInPlace(name, at, dashColumn);
      if (next === OTHER_LAYOUT) {
        next = itemEnd(text, at, dashColumn);
        if (next === DECLINE || this.entryRead(name, at, next) === DECLINE) return DECLINE;
      } else if (next === DECLINE) {
        return DECLINE;
      }
      // The ranges are held in 32-bit integers; a larger offset (no source reaches it) is left to the whole read.
      if (this.start > MAX_OFFSET || this.end > MAX_OFFSET) return DECLINE;
      scanned.starts.push(this.start);
      scanned.ends.push(this.end);
      if (spans) {
        spans[0].push(this.categoryStart);
        spans[1].push(this.categoryEnd);
        spans[2].push(this.exactStart);
        spans[3].push(this.exactEnd);
        if (this.itemConflict) this.conflicts++;
        if (this.exactStart < 0 && this.quote !== undefined) quotes.set(this.ordinal, this.quote);
      }
      at = next;
    }
    const [categoryStarts, categoryEnds, exactStarts, exactEnds] = spans?.map((list) => list.values()) ?? [];
    const noted = spans ? { spans: { categoryStarts, categoryEnds, exactStarts, exactEnds, conflicts: this.conflicts, quotes } } : {};
    this.lists[name] = { itemStarts: scanned.itemStarts.values(), end: at, starts: scanned.starts.values(), ends: scanned.ends.values(), ...noted };
    return at;
  }

  /** The current item's spans unknown: its values are read, not compared in place. */
  private noSpans(): void {
    this.categoryStart = this.categoryEnd = this.exactStart = this.exactEnd = -1;
    this.quote = undefined;
  }

  /** An item in another layout, read with the fast reader and validated as the whole read would. */
  private entryRead(list: ScannedListName, from: number, to: number): number {
    const layout: FastYamlLayout = {};
    const value = readFastYaml(`${list}:\n${this.text.toString('utf8', from, to)}`, layout) as Record<string, unknown> | undefined;
    const items = value?.[list];
    if (!Array.isArray(items) || items.length !== 1) return DECLINE;
    const lists = { annotations: list === 'annotations' ? items : [], dismissed: list === 'dismissed' ? items : [] };
    if (!validators.sidecar({ ...VALIDATION_HEADER, ...lists })) return DECLINE;
    if (contentRuleViolations(lists as { annotations: Annotation[]; dismissed: Dismissal[] }).length > 0) return DECLINE;
    const entry = items[0] as Annotation | Dismissal;
    this.noSpans();
    this.itemConflict = entry.conflict !== undefined;
    this.quote = entry.target.exact;
    this.indentStep ??= layout.indentStep;
    this.start = entry.target.start;
    this.end = entry.target.end;
    return this.addId(list, idHash(entry.id));
  }

  /**
   * An item written as the tool writes it, checked in place: returns the start of the line after
   * it (the next item's, at `dashColumn`, a top-level key's or the text's end); OTHER_LAYOUT
   * when it is laid out otherwise, DECLINE when it is invalid.
   */
  private entryInPlace(list: ScannedListName, from: number, dashColumn: number): number {
    const { text } = this;
    const column = dashColumn + 2;
    if (text[from + dashColumn + 1] !== SPACE || text[from + column] === SPACE) return OTHER_LAYOUT;
    const fields = ENTRY_FIELDS[list];
    let seen = 0;
    let idSeen = false;
    let at = from + column;
    for (;;) {
      const field = fieldAt(text, at);
      if (field === 0 || (field & fields.allowed) === 0 || (seen & field) !== 0) return OTHER_LAYOUT;
      seen |= field;
      const keyEnd = at + keyLength(field);
      let lineEnd: number;
      if (field === FIELD.target) {
        lineEnd = this.target(keyEnd + 1, column);
      } else {
        if (text[keyEnd + 1] !== SPACE) return OTHER_LAYOUT;
        lineEnd = this.scalarOnLine(keyEnd + 2);
        if (lineEnd < 0) return OTHER_LAYOUT;
        const valid = field === FIELD.id ? (idSeen = this.idValid()) : this.fieldValid(field);
        if (!valid) return OTHER_LAYOUT;
        if (field === FIELD.category && !this.escaped) {
          this.categoryStart = this.valueStart;
          this.categoryEnd = this.valueEnd;
        } else if (field === FIELD.conflict) {
          this.itemConflict = true;
        }
      }
      if (lineEnd < 0) return OTHER_LAYOUT;
      at = afterBreak(text, lineEnd);
      if (at < 0) return OTHER_LAYOUT;
      if (at >= text.length) break;
      const indent = indentAt(text, at);
      if (indent === column) {
        at += column;
        continue;
      }
      // The item ends here only when an item or a top-level key follows: a blank line or a comment
      // may be followed by more of it.
      if (indent === dashColumn ? !isItemLine(text, at + indent) : indent !== 0 || !isRegionEndLine(text, at)) return OTHER_LAYOUT;
      break;
    }
    if ((seen & fields.required) !== fields.required || !idSeen) return OTHER_LAYOUT;
    // The content rules: a range that does not run backwards, a quote as long as it.
    if (this.end < this.start || this.exactLength !== this.end - this.start) return DECLINE;
    // The fast reader's layout: the step of the file's first nested mapping, an item's target.
    this.indentStep ??= this.targetColumn - column;
    return this.addId(list, this.idHash) === DECLINE ? DECLINE : at;
  }

  /**
   * The block of `target:` (the key's colon just before `from`): `key: value` lines at one column
   * past the item's. Returns the end of its last line, OTHER_LAYOUT or DECLINE.
   */
  private target(from: number, itemColumn: number): number {
    const { text } = this;
    let at = afterBreak(text, from);
    if (at < 0 || at >= text.length) return OTHER_LAYOUT;
    const column = indentAt(text, at);
    if (column <= itemColumn) return OTHER_LAYOUT;
    this.targetColumn = column;
    let seen = 0;
    for (;;) {
      at += column;
      const field = fieldAt(text, at);
      const keyEnd = at + keyLength(field);
      if ((field & TARGET_FIELDS) === 0 || (seen & field) !== 0 || text[keyEnd + 1] !== SPACE) return OTHER_LAYOUT;
      seen |= field;
      const lineEnd = this.scalarOnLine(keyEnd + 2, field === FIELD.exact);
      if (lineEnd < 0 || !this.fieldValid(field)) return OTHER_LAYOUT;
      if (field === FIELD.exact) {
        if (this.escaped) {
          this.quote = this.decodedQuote;
        } else {
          this.exactStart = this.valueStart;
          this.exactEnd = this.valueEnd;
        }
      }
      const next = afterBreak(text, lineEnd);
      if (next < 0) return OTHER_LAYOUT;
      if (next >= text.length || indentAt(text, next) !== column) return seen === TARGET_FIELDS ? lineEnd : OTHER_LAYOUT;
      at = next;
    }
  }

  /** Whether the scalar just read is a valid value of `field` (start and end are kept, and the quote's length). */
  private fieldValid(field: number): boolean {
    switch (field) {
      case FIELD.start:
      case FIELD.end: {
        const value = this.wholeNumber();
        if (value < 0) return false;
        if (field === FIELD.start) this.start = value;
        else this.end = value;
        return true;
      }
      case FIELD.exact:
        this.exactLength = this.quoteLength();
        return this.exactLength > 0;
      case FIELD.category:
        return this.categoryValid();
      case FIELD.conflict:
        return this.matches(ID_PATTERN);
      case FIELD.status: {
        // Most are written plain or quoted without escapes: their bytes are their text.
        if (!this.escaped && (this.spells('proposed') || this.spells('confirmed') || this.spells('disputed'))) return true;
        const value = this.stringValue();
        return value !== undefined && STATUSES.has(value);
      }
      case FIELD.created:
      case FIELD.modified: {
        // A timestamp as the tool writes it reads as a string whether plain or quoted (it starts with four digits and a dash).
        if (!this.escaped && isPlainUtcDateTime(this.text, this.valueStart, this.valueEnd)) return true;
        const value = this.stringValue();
        return value !== undefined && DATE_TIME.validate(value);
      }
      default:
        return this.isString();
    }
  }

  /** Whether the scalar just read is a valid id (a string the schema's pattern takes); its hash goes to `idHash`. */
  private idValid(): boolean {
    const { text, valueStart, valueEnd } = this;
    if (this.escaped || (this.style === Style.Plain && !isLetter(text[valueStart]))) {
      const value = this.stringValue();
      if (value === undefined || !ID_PATTERN.test(value)) return false;
      this.idHash = idHash(value);
      return true;
    }
    if (this.style === Style.Plain && valueEnd - valueStart <= 5 && LITERAL_WORDS.has(text.toString('latin1', valueStart, valueEnd))) return false;
    if (!isAlphanumeric(text[valueStart])) return false;
    for (let at = valueStart + 1; at < valueEnd; at++) {
      const c = text[at];
      if (!isAlphanumeric(c) && c !== 0x2e && c !== 0x5f && c !== COLON && c !== DASH) return false;
    }
    this.idHash = idHashOfBytes(text, valueStart, valueEnd);
    return true;
  }

  private matches(pattern: RegExp): boolean {
    const value = this.stringValue();
    return value !== undefined && pattern.test(value);
  }

  /** Whether the scalar just read is written as `value` was, plain or quoted without escapes. */
  private spells(value: string): boolean {
    return !this.escaped && this.valueEnd - this.valueStart === value.length && spells(this.text, this.valueStart, value);
  }

  /** Whether the category just read is valid: the one before it, written the same way, was (most are). */
  private categoryValid(): boolean {
    if (this.style === this.lastCategoryStyle && this.spells(this.lastCategory)) return true;
    const value = this.stringValue();
    if (value === undefined || !CATEGORY_PATTERN.test(value)) return false;
    if (!this.escaped) {
      this.lastCategory = value;
      this.lastCategoryStyle = this.style;
    }
    return true;
  }

  private addId(list: ScannedListName, hash: number): number {
    if (this.ordinal >= MAX_ENTRIES) return DECLINE;
    this.ids.add(hash, this.ordinal * 2 + (list === 'annotations' ? 0 : 1));
    return 0;
  }

  /**
   * Reads the scalar that starts at `from` and fills the line: plain, or quoted with nothing but
   * spaces after it, as the fast reader reads them. Returns the offset of the line break (or the
   * text's end), or OTHER_LAYOUT for anything else (a comment, a block scalar, a flow value).
   * `count`: count the UTF-8 continuation bytes of its text (a quote's length in code points).
   */
  private scalarOnLine(from: number, count = false): number {
    const { text } = this;
    const c = text[from];
    this.escaped = false;
    // More spaces after the indicator: the fast reader skips them (a value is never written so).
    if (c === SPACE) return OTHER_LAYOUT;
    let close: number;
    if (c === DOUBLE_QUOTE) {
      this.style = Style.Double;
      close = this.doubleQuotedEnd(from + 1);
    } else if (c === SINGLE_QUOTE) {
      this.style = Style.Single;
      close = this.singleQuotedEnd(from + 1);
    } else {
      this.style = Style.Plain;
      close = this.plainEnd(from);
    }
    if (close < 0) return OTHER_LAYOUT;
    let lineEnd = close;
    if (this.style !== Style.Plain) {
      this.valueStart = from + 1;
      this.valueEnd = close;
      lineEnd = close + 1;
      while (text[lineEnd] === SPACE) lineEnd++;
      if (!isLineBreakAt(text, lineEnd)) return OTHER_LAYOUT;
    }
    this.continuations = count && !this.ascii ? continuationBytes(text, this.valueStart, this.valueEnd) : 0;
    return lineEnd;
  }

  /** The closing quote of a double-quoted scalar on one line with the escapes the fast reader takes, or OTHER_LAYOUT. */
  private doubleQuotedEnd(from: number): number {
    const { text } = this;
    let at = from;
    for (;;) {
      at = this.runEnd(at, DOUBLE_QUOTE, BACKSLASH);
      const c = text[at];
      if (c === DOUBLE_QUOTE) return at;
      if (c !== BACKSLASH) return OTHER_LAYOUT;
      this.escaped = true;
      const e = text[at + 1];
      if (SIMPLE_ESCAPES.has(e)) {
        at += 2;
        continue;
      }
      const length = HEX_ESCAPE_LENGTH.get(e);
      if (length === undefined) return OTHER_LAYOUT;
      const hex = text.toString('latin1', at + 2, at + 2 + length);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length || parseInt(hex, 16) > 0x10ffff) return OTHER_LAYOUT;
      at += 2 + length;
    }
  }

  /** The closing quote of a single-quoted scalar on one line (`''` is a quote), or OTHER_LAYOUT. */
  private singleQuotedEnd(from: number): number {
    const { text } = this;
    let at = from;
    for (;;) {
      at = this.runEnd(at, SINGLE_QUOTE, SINGLE_QUOTE);
      if (text[at] !== SINGLE_QUOTE) return OTHER_LAYOUT;
      if (text[at + 1] !== SINGLE_QUOTE) return at;
      this.escaped = true;
      at += 2;
    }
  }

  /** A plain scalar to the end of its line, without a comment, `: ` or a leading indicator, not empty; OTHER_LAYOUT otherwise. */
  private plainEnd(from: number): number {
    const { text } = this;
    let at = from;
    for (;;) {
      at = this.runEnd(at, COLON, HASH);
      const c = text[at];
      if (c === HASH) {
        if (text[at - 1] === SPACE) return OTHER_LAYOUT;
      } else if (c === COLON) {
        const next = text[at + 1];
        if (at + 1 >= text.length || next === SPACE || next === LF || next === CR) return OTHER_LAYOUT;
      } else {
        break;
      }
      at++;
    }
    let last = at;
    while (last > from && text[last - 1] === SPACE) last--;
    if (last === from) return OTHER_LAYOUT;
    const first = text[from];
    if (first < 0x80 && INDICATORS[first] === 1 && !(first === DASH && isAlphanumeric(text[from + 1]))) return OTHER_LAYOUT;
    this.valueStart = from;
    this.valueEnd = last;
    return isLineBreakAt(text, at) ? at : OTHER_LAYOUT;
  }

  /** The first byte from `from` that is `stop`, `other`, a line break or the text's end (a loop: most runs are short). */
  private runEnd(from: number, stop: number, other: number): number {
    const { text } = this;
    const end = text.length;
    let at = from;
    while (at < end) {
      const c = text[at];
      if (c === stop || c === other || c === LF || c === CR) break;
      at++;
    }
    return at;
  }

  /** The scalar just read, when it reads as a string; undefined otherwise. */
  private stringValue(): string | undefined {
    const raw = this.text.toString('utf8', this.valueStart, this.valueEnd);
    if (this.style === Style.Single) return this.escaped ? raw.replace(/''/g, "'") : raw;
    if (this.style === Style.Double) return this.escaped ? decodeDoubleQuoted(raw) : raw;
    return plainReadsAsString(raw) ? raw : undefined;
  }

  /** Whether the scalar just read reads as a string, without slicing it when its first character says so. */
  private isString(): boolean {
    if (this.style !== Style.Plain) return true;
    const first = this.text[this.valueStart];
    if (isLetter(first) && this.valueEnd - this.valueStart > 5) return true;
    // A non-ASCII first character starts neither a number nor one of the (ASCII) words read as null or a boolean.
    if (first >= 0x80) return true;
    return plainReadsAsString(this.text.toString('utf8', this.valueStart, this.valueEnd));
  }

  /** Code points of the string just read (0 when it does not read as a string). */
  private quoteLength(): number {
    if (this.escaped || (this.style === Style.Plain && !this.isString())) {
      const value = this.stringValue();
      this.decodedQuote = value;
      return value === undefined ? 0 : codePointLength(value);
    }
    return this.valueEnd - this.valueStart - this.continuations;
  }

  /** The plain scalar just read as a whole number of at most 15 digits, or -1. */
  private wholeNumber(): number {
    if (this.style !== Style.Plain || this.valueEnd - this.valueStart > 15) return -1;
    let value = 0;
    for (let at = this.valueStart; at < this.valueEnd; at++) {
      const digit = this.text[at] - 0x30;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    return value;
  }
}

/** UTF-8 continuation bytes from `start` to `end`: the bytes of a quote less its code points. */
function continuationBytes(bytes: Buffer, start: number, end: number): number {
  let count = 0;
  for (let at = start; at < end; at++) if ((bytes[at] & 0xc0) === 0x80) count++;
  return count;
}

/** Whether a plain scalar reads as a string under the fast reader's rules (not null, a boolean or a number; not declined). */
function plainReadsAsString(raw: string): boolean {
  if (raw.length <= 5 && LITERAL_WORDS.has(raw)) return false;
  const resolved = resolvePlainScalar(raw);
  return resolved !== undefined && typeof resolved.value === 'string';
}

/** What each one-character escape of a double-quoted scalar stands for (fast-yaml.ts's SIMPLE_ESCAPES). */
const SIMPLE_ESCAPE_VALUES = new Map([['\\', '\\'], ['"', '"'], ['/', '/'], ['n', '\n'], ['r', '\r'], ['t', '\t'], ['b', '\b'], ['f', '\f'], ['0', '\0'], [' ', ' ']]);

/** A double-quoted scalar's text (between the quotes, its escapes checked by doubleQuotedEnd) as the fast reader decodes it. */
function decodeDoubleQuoted(raw: string): string | undefined {
  // One-character escapes (a quote's line break, a quotation mark) replaced here; a text with a
  // numbered one (\x, \u, \U) is read by the fast reader itself.
  if (!/\\[xuU]/.test(raw)) return raw.replace(/\\(.)/g, (_, escape: string) => SIMPLE_ESCAPE_VALUES.get(escape)!);
  const value = readFastYaml(`v: "${raw}"`) as { v?: unknown } | undefined;
  return typeof value?.v === 'string' ? value.v : undefined;
}

/** Whether the line at `at` belongs to a list's items: indented, blank or a comment. */
function isRegionLine(text: Buffer, at: number): boolean {
  const c = text[at];
  return c === SPACE || c === LF || c === CR || c === HASH;
}

/** Whether the line at `at` (column 0) ends a list's items: a top-level key, or the text's end. */
function isRegionEndLine(text: Buffer, at: number): boolean {
  return at >= text.length || !isRegionLine(text, at);
}

/** The first line from `from` that is neither blank nor a comment; -1 at the end of the text. */
function nextContentLine(text: Buffer, from: number): number {
  for (let at = from; at < text.length; at = nextLineStart(text, at)) {
    if (!isBlankOrComment(text, at)) return at;
  }
  return -1;
}

/**
 * The end of the item starting at `from`: the next line that is an item at `dashColumn`, or at
 * column 0 not blank or a comment; DECLINE when a line between is neither blank, a comment nor
 * indented past the `-` (the fast reader would not read it as part of the item).
 */
function itemEnd(text: Buffer, from: number, dashColumn: number): number {
  for (let at = nextLineStart(text, from); at < text.length; at = nextLineStart(text, at)) {
    if (!isRegionLine(text, at)) return at;
    if (isBlankOrComment(text, at)) continue;
    const indent = indentAt(text, at);
    if (indent === dashColumn && isItemLine(text, at + indent)) return at;
    if (indent <= dashColumn) return DECLINE;
  }
  return text.length;
}

/** `annotations` or `dismissed` when the line at `at` is that key alone (`key:` and its line break), else undefined. */
function listKeyLine(text: Buffer, at: number): ScannedListName | undefined {
  for (const list of ['annotations', 'dismissed'] as const) {
    if (spells(text, at, list) && text[at + list.length] === COLON && isLineBreakAt(text, at + list.length + 1)) return list;
  }
  return undefined;
}

/** detectEol of the bytes: the first line's ending. */
function firstLineEnding(text: Buffer): '\n' | '\r\n' {
  const lf = text.indexOf(LF);
  return lf > 0 && text[lf - 1] === CR ? '\r\n' : '\n';
}

/** Whether the bytes at `at` spell the ASCII string `word`. */
export function spells(text: Uint8Array, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (text[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Whether a line break (LF, or CR LF) or the end of the text is at `at`. */
function isLineBreakAt(text: Buffer, at: number): boolean {
  const c = text[at];
  return at >= text.length || c === LF || (c === CR && text[at + 1] === LF);
}

/** The start of the line after the line break at `at` (or the text's end); -1 for a lone CR. */
function afterBreak(text: Buffer, at: number): number {
  const c = text[at];
  if (at >= text.length) return text.length;
  if (c === LF) return at + 1;
  return c === CR && text[at + 1] === LF ? at + 2 : -1;
}

function nextLineStart(text: Buffer, at: number): number {
  const newline = text.indexOf(LF, at);
  return newline < 0 ? text.length : newline + 1;
}

function indentAt(text: Buffer, at: number): number {
  let spaces = 0;
  while (text[at + spaces] === SPACE) spaces++;
  return spaces;
}

/** Whether the line at `at` holds only spaces. */
function isBlankLine(text: Buffer, at: number): boolean {
  const c = text[at + indentAt(text, at)];
  return c === undefined || c === LF || c === CR;
}

function isBlankOrComment(text: Buffer, at: number): boolean {
  const c = text[at + indentAt(text, at)];
  return c === undefined || c === LF || c === CR || c === HASH;
}

/** `-` followed by a space or a line break: a sequence item's indicator. */
function isItemLine(text: Buffer, at: number): boolean {
  const next = text[at + 1];
  return text[at] === DASH && (next === SPACE || next === LF || next === CR || next === undefined);
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAlphanumeric(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39);
}
