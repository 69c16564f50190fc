/**
 * A new entry's text without the `yaml` Document API. renderBlockItem (yaml-splice.ts) builds a
 * Document for each entry and parses each of its strings again as YAML 1.1, about a tenth of a
 * millisecond an entry: 100,000 imported annotations took it over 10 s. This renderer gives the
 * very text renderBlockItem gives, for the values every sidecar entry is made of: mappings with
 * plain keys holding strings (line breaks included, other control characters not), safe integers
 * and nested mappings. For anything else (a tab, a float, a list) it returns undefined and
 * the caller renders with renderBlockItem. A property test compares the two.
 *
 * The choices it copies are those of `yaml`'s stringifyString with renderBlockItem's options:
 * a string is plain unless its first character is an indicator, it holds `: ` or ` #`, it ends
 * with a space or `:`, or a YAML 1.2 core tag would read it as something else (`42`, `true`,
 * `null`, `""`); otherwise quoted, in single quotes when it holds `"` and no `'`, else in double
 * quotes (JSON's escapes for these strings). renderBlockItem double-quotes any string a YAML 1.1
 * reader would read otherwise (readsDifferentlyInYaml11), which is asked only when it decides.
 */
import * as YAML from 'yaml';
import { isBlockSafe, readsDifferentlyInYaml11, renderBlockItem } from './yaml-splice';

export interface EntryLayout {
  dashColumn: number;
  contentColumn: number;
  indentStep: number;
  eol: string;
}

/** What stringifyString refuses to write plain (its own pattern, for a string on one line). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Characters this renderer leaves to renderBlockItem: control characters but LF and CR, line breaks of YAML 1.1, a BOM, the noncharacters U+FFFE and U+FFFF, unpaired surrogates. */
// eslint-disable-next-line no-control-regex
const DECLINED_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/;
/**
 * A first character with which no tag of YAML 1.2 or 1.1 but `str` matches a string: those
 * (null, booleans, yes/no/on/off, numbers, 1.1's `e5` float, dates, `<<`, `=`) start with one of
 * `~ n N t T f F y Y o O e E - + . 0-9 < =`, or are empty.
 */
const STRING_ONLY_START = /^[^~nNtTfFyYoOeE\-+.0-9<=]/;

/** The tests of the tags other than `str` of a schema: a plain string one of them matches would not read back as a string. */
function nonStringTests(version: '1.1' | '1.2'): RegExp[] {
  const tags = new YAML.Document(null, { version }).schema.tags as { default?: boolean; tag: string; test?: RegExp }[];
  return tags.filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test).map((tag) => tag.test!);
}

const CORE_TESTS = nonStringTests('1.2');
const YAML11_TESTS = nonStringTests('1.1');

/** A new entry as a block sequence item in `layout`: renderBlockItem's text, without a Document when this renderer can. */
export function renderEntry(value: unknown, layout: EntryLayout): string {
  return renderEntries([value], layout);
}

/**
 * New entries, one after the other, as renderEntry writes each (the pieces of an entry are
 * joined once, not concatenated line by line: 100,000 entries make that much less garbage).
 */
export function renderEntries(values: readonly unknown[], layout: EntryLayout): string {
  const writer = entryWriter(layout);
  const entries: string[] = [];
  for (const value of values) {
    writer.out = [];
    writer.first = true;
    entries.push(isMapping(value) && writeMapping(value, 0, writer) ? writer.out.join('') : renderBlockItem(value, layout));
  }
  return entries.join('');
}

/** The entry as a block sequence item in `layout`, exactly as renderBlockItem writes it; undefined for a value this renderer leaves to it. */
export function renderPlainEntry(value: unknown, layout: EntryLayout): string | undefined {
  const writer = entryWriter(layout);
  return isMapping(value) && writeMapping(value, 0, writer) ? writer.out.join('') : undefined;
}

/**
 * The fields of a mapping as lines `key: value` at column `column` (nested mappings
 * `step` further in), each ending with `eol`; undefined for a mapping this renderer leaves to
 * renderBlockItem.
 */
export function renderPlainFields(value: Record<string, unknown>, column: number, step: number, eol: string): string | undefined {
  const writer: Writer = { out: [], first: false, dash: '', pad: ' '.repeat(column), eol, step, indents: [] };
  return writeMapping(value, 0, writer) ? writer.out.join('') : undefined;
}

/** Where the pieces of the text go, and the layout's strings. */
interface Writer {
  out: string[];
  /** The next line is an entry's first: it starts with `dash`, the others with `pad`. */
  first: boolean;
  dash: string;
  pad: string;
  eol: string;
  step: number;
  /** Spaces for each nesting depth, made once. */
  indents: string[];
}

function entryWriter(layout: EntryLayout): Writer {
  const contentColumn = Math.max(layout.contentColumn, layout.dashColumn + 2);
  return {
    out: [],
    first: true,
    dash: `${' '.repeat(layout.dashColumn)}-${' '.repeat(contentColumn - layout.dashColumn - 1)}`,
    pad: ' '.repeat(contentColumn),
    eol: layout.eol,
    step: layout.indentStep,
    indents: [],
  };
}

/** The start of a line at nesting `depth`. */
function startLine(writer: Writer, depth: number): void {
  writer.out.push(writer.first ? writer.dash : writer.pad, indentOf(writer, depth));
  writer.first = false;
}

function indentOf(writer: Writer, depth: number): string {
  return (writer.indents[depth] ??= ' '.repeat(writer.step * depth));
}

function writeMapping(value: Record<string, unknown>, depth: number, writer: Writer): boolean {
  let empty = true;
  for (const key in value) {
    empty = false;
    if (!isPlainKey(key)) return false;
    const field = value[key];
    if (isMapping(field)) {
      startLine(writer, depth);
      writer.out.push(key, ':', writer.eol);
      if (!writeMapping(field, depth + 1, writer)) return false;
      continue;
    }
    const scalar = renderScalar(field, indentOf(writer, depth + 1));
    if (scalar === undefined) return false;
    startLine(writer, depth);
    if (typeof scalar === 'string') {
      writer.out.push(key, ': ', scalar, writer.eol);
      continue;
    }
    writer.out.push(key, ': ', scalar[0], writer.eol);
    // The other lines of a block scalar hold their indentation; an empty line stays empty.
    for (let i = 1; i < scalar.length; i++) {
      if (scalar[i] !== '') writer.out.push(writer.pad, scalar[i]);
      writer.out.push(writer.eol);
    }
  }
  return !empty;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A scalar's text after `key: `; for a block string, its lines, the first after `key: `, the
 * others indented by `indent` already, or empty.
 */
function renderScalar(value: unknown, indent: string): string | string[] | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value !== 'string' || DECLINED_CHARACTER.test(value) || DOCUMENT_MARKER.test(value)) return undefined;
  // renderBlockItem writes a string of several lines as a literal block where it reads back, else double-quoted.
  if (value.includes('\n')) return isBlockSafe(value) ? literalBlock(value, indent) : doubleQuoted(value);
  if (value.includes('\r')) return doubleQuoted(value);
  const plain = !NOT_PLAIN.test(value) && !readsAsOtherThanString(value);
  const single = !plain && value.includes('"') && !value.includes("'");
  // Double quotes, whatever YAML 1.1 says: it is asked only when its answer can change the style.
  if (!plain && !single) return JSON.stringify(value);
  const readsOtherwise = plain ? plainReadsDifferentlyIn11(value) : readsDifferentlyInYaml11(value);
  if (readsOtherwise) return JSON.stringify(value);
  return single ? `'${value}'` : value;
}

/** `|-` and the lines at `indent` (blank lines empty): blockString of `yaml` for a string isBlockSafe accepts. */
function literalBlock(value: string, indent: string): string[] {
  return ['|-', ...value.split('\n').map((line) => (line === '' ? '' : indent + line))];
}

/**
 * doubleQuotedString of `yaml` on one line (renderBlockItem's options): JSON's escapes, which are
 * YAML's for these strings, and a space before an escaped line break escaped too (`\\ \\n`).
 */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/ (?=\\n)/g, '\\ ');
}

/**
 * readsDifferentlyInYaml11 of a string `yaml` writes plain, without parsing it when it starts
 * with a letter or a digit: such a string reads back as one plain scalar, which YAML 1.1 takes
 * for something else exactly when one of its tags (yes, off, null, 0x1F, a date...) matches it.
 */
function plainReadsDifferentlyIn11(value: string): boolean {
  if (!/^[A-Za-z0-9]/.test(value)) return readsDifferentlyInYaml11(value);
  return !STRING_ONLY_START.test(value) && YAML11_TESTS.some((test) => test.test(value));
}

/** Whether a YAML 1.2 core tag reads the plain string as a null, boolean or number. */
function readsAsOtherThanString(value: string): boolean {
  return !STRING_ONLY_START.test(value) && CORE_TESTS.some((test) => test.test(value));
}

const plainKeys = new Map<string, boolean>();

/** A key written plain, as every sidecar key is (remembered: a batch renders the same few keys many times). */
function isPlainKey(key: string): boolean {
  let plain = plainKeys.get(key);
  if (plain === undefined) {
    plain = PLAIN_KEY.test(key) && !readsAsOtherThanString(key);
    if (plainKeys.size < 1000) plainKeys.set(key, plain);
  }
  return plain;
}
