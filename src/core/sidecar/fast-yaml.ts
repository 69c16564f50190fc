/**
 * A fast reader for the plain block-YAML subset that sidecars are written in, so that `check`
 * can read thousands of clean files quickly: the `yaml` package reads about 1.5 MB/s of
 * sidecar text here (its Document keeps every token, which the editor's edits need), this
 * reader an order of magnitude more.
 *
 * It returns the value only when it is sure to agree with the `yaml` package (YAML 1.2 core
 * schema); anything outside the subset (flow collections other than `[]`/`{}`, anchors, tags,
 * multi-line plain or quoted scalars, folded scalars, floats, tabs, duplicate keys, documents
 * markers...) returns `undefined` and the caller falls back to the full parser. A
 * property test compares the two on random and mutated documents.
 *
 * Accepted: block mappings with plain keys, block sequences (also compact `- key: value`),
 * single-line plain, 'single' and "double" quoted scalars, literal block scalars `|`, `|-`,
 * `|+`, comments, blank lines, LF or CRLF line endings.
 */

class Unsupported extends Error {}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const CR = 0x0d;
const LF = 0x0a;

/** Plain keys we accept: what every sidecar, config and taxonomy key looks like. */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * The keys that passed, by length and first character: the same few keys repeat thousands of
 * times, and one found here is neither sliced from the text nor checked again.
 */
const GOOD_KEYS = new Map<number, string[]>();
let goodKeyCount = 0;

function keyBucket(length: number, first: number): number {
  return length * 0x10000 + first;
}

/** The accepted key spelled from `start` to `end` of `text`, if it was seen before. */
function knownKeyAt(text: string, start: number, end: number): string | undefined {
  const bucket = GOOD_KEYS.get(keyBucket(end - start, text.charCodeAt(start)));
  if (bucket === undefined) return undefined;
  for (const key of bucket) if (text.startsWith(key, start)) return key;
  return undefined;
}

/** A key not seen before, checked: keys resolve like values (`null:` is the key "", `True:` is "true"), so only those that stay strings are taken. */
function newKey(key: string): string {
  if (!PLAIN_KEY.test(key) || typeof resolvePlain(key) !== 'string' || key === '__proto__') throw new Unsupported();
  if (goodKeyCount < 1000) {
    const bucket = keyBucket(key.length, key.charCodeAt(0));
    GOOD_KEYS.set(bucket, [...(GOOD_KEYS.get(bucket) ?? []), key]);
    goodKeyCount++;
  }
  return key;
}

/** Sidecars nest four levels deep; anything much deeper is left to the full parser, which reports it. */
const MAX_DEPTH = 64;

/** What the reader notices about a file's layout, for edits made as text (see append-text.ts). */
export interface FastYamlLayout {
  /**
   * Columns from a key to its nested block mapping, at the first such key in the file: what
   * `detectIndentStep` (yaml-splice.ts) finds in the `yaml` Document; undefined when there is none.
   */
  indentStep?: number;
}

let charactersRead = 0;

/**
 * How many characters this process has given the fast reader. The tests count them to prove
 * that an edit verifies its result without reading the whole file again.
 */
export function fastYamlCharactersRead(): number {
  return charactersRead;
}

/** The document's value, or undefined when it is outside the subset; fills `layout` when given. */
export function readFastYaml(text: string, layout?: FastYamlLayout): unknown {
  charactersRead += text.length;
  try {
    return new Reader(text, layout).document();
  } catch (error) {
    // A RangeError (stack overflow) cannot happen within MAX_DEPTH; declined all the same.
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Reader {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string, private readonly layout?: FastYamlLayout) {
    if (text.includes('\t') || text.charCodeAt(0) === 0xfeff) throw new Unsupported();
  }

  document(): unknown {
    this.skipBlankLines();
    if (this.pos >= this.text.length) return null;
    // Document markers, directives and anything else that is not a plain key fail in mapping().
    if (this.indentHere() !== 0) throw new Unsupported();
    const value = this.block(0);
    this.skipBlankLines();
    if (this.pos < this.text.length) throw new Unsupported();
    return value;
  }

  /** A block node whose first line starts at the current position, at column `column`. */
  private block(column: number): unknown {
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
    const value = this.isSequenceItem() ? this.sequence(column) : this.mapping(column);
    this.depth--;
    return value;
  }

  private sequence(column: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      // At "- " or "-<EOL>", at `column`.
      this.pos++;
      const after = this.text.charCodeAt(this.pos);
      if (after === SPACE) {
        this.skipSpaces();
        items.push(this.inlineOrNested(column, this.columnHere(), true));
      } else {
        items.push(this.nestedAfterLineEnd(column, true));
      }
      this.skipBlankLines();
      if (this.pos >= this.text.length) break;
      const indent = this.indentHere();
      if (indent < column) break;
      if (indent > column) throw new Unsupported();
      // Same column, not an item: the end of a sequence written at its parent key's column.
      if (!this.isSequenceItem()) break;
    }
    return items;
  }

  private mapping(column: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const colon = this.findKeyEnd();
      const key = knownKeyAt(this.text, this.pos, colon) ?? newKey(this.text.slice(this.pos, colon));
      if (Object.prototype.hasOwnProperty.call(map, key)) throw new Unsupported();
      this.pos = colon + 1;
      const next = this.text.charCodeAt(this.pos);
      if (next === SPACE) {
        this.skipSpaces();
        map[key] = this.inlineOrNested(column, this.columnHere(), false);
      } else {
        map[key] = this.nestedAfterLineEnd(column, false);
      }
      this.skipBlankLines();
      if (this.pos >= this.text.length) break;
      const indent = this.indentHere();
      if (indent < column) break;
      if (indent > column || this.isSequenceItem()) throw new Unsupported();
    }
    return map;
  }

  /** The value after `key: ` or `- `: inline on this line, or (comment/EOL) a nested block. */
  private inlineOrNested(parentColumn: number, column: number, inSequence: boolean): unknown {
    const code = this.text.charCodeAt(this.pos);
    if (this.atLineEnd() || code === HASH) return this.nestedAfterLineEnd(parentColumn, inSequence);
    if (inSequence && (this.isSequenceItem() || this.looksLikeKey())) {
      // Compact nesting: `- - a` or `- key: value` (a mapping whose column is this one).
      return this.block(column);
    }
    return this.scalar(parentColumn, inSequence);
  }

  /** Nothing (but maybe a comment) after the indicator: the value is on the following lines, or null. */
  private nestedAfterLineEnd(parentColumn: number, inSequence: boolean): unknown {
    this.endLine();
    this.skipBlankLines();
    if (this.pos >= this.text.length) return null;
    const indent = this.indentHere();
    if (indent > parentColumn) {
      if (!inSequence && this.layout && this.layout.indentStep === undefined && !this.isSequenceItem()) this.layout.indentStep = indent - parentColumn;
      return this.block(indent);
    }
    // A mapping's value may be a sequence at the mapping's own column.
    if (!inSequence && indent === parentColumn && this.isSequenceItem()) return this.sequence(indent);
    return null;
  }

  private scalar(parentColumn: number, inSequence: boolean): unknown {
    const code = this.text.charCodeAt(this.pos);
    if (code === 0x22) return this.doubleQuoted();
    if (code === 0x27) return this.singleQuoted();
    if (code === 0x7c) return this.literal(parentColumn, inSequence);
    const raw = this.plainOnLine();
    if (raw === '[]') return [];
    if (raw === '{}') return {};
    return resolvePlain(raw);
  }

  private plainOnLine(): string {
    const start = this.pos;
    let end = start;
    const text = this.text;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === LF || c === CR) break;
      if (c === HASH && text.charCodeAt(end - 1) === SPACE) break;
      if (c === COLON && (end + 1 >= text.length || isSpaceOrBreak(text.charCodeAt(end + 1)))) throw new Unsupported();
      end++;
    }
    this.pos = end;
    this.endLine();
    // Only spaces are YAML white space here; String#trim would also eat U+FEFF, U+2028 and others.
    let last = end;
    while (last > start && text.charCodeAt(last - 1) === SPACE) last--;
    const raw = text.slice(start, last);
    // Indicators that start something other than a plain scalar, and reserved characters.
    if (INDICATORS.has(raw.charCodeAt(0)) && !/^-[0-9A-Za-z]/.test(raw)) {
      if (raw !== '[]' && raw !== '{}') throw new Unsupported();
    }
    // A plain scalar continued on a more indented line is caught by the callers' loops.
    return raw;
  }

  private doubleQuoted(): string {
    const text = this.text;
    let i = this.pos + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      // Past the characters that need no look (most of them), natively.
      QUOTED_RUN.lastIndex = i;
      QUOTED_RUN.test(text);
      i = QUOTED_RUN.lastIndex;
      if (i >= text.length) throw new Unsupported();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === LF || c === CR) throw new Unsupported();
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        const simple = e === undefined ? undefined : SIMPLE_ESCAPES.get(e);
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 'u' || e === 'x' || e === 'U') {
          const length = e === 'u' ? 4 : e === 'x' ? 2 : 8;
          const hex = text.slice(i + 2, i + 2 + length);
          if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) throw new Unsupported();
          const value = parseInt(hex, 16);
          if (value > 0x10ffff) throw new Unsupported();
          out += e === 'U' ? String.fromCodePoint(value) : String.fromCharCode(value);
          i += 2 + length;
        } else {
          throw new Unsupported();
        }
        chunk = i;
        continue;
      }
      i++;
    }
    out += text.slice(chunk, i);
    this.pos = i + 1;
    this.endOfValueLine();
    return out;
  }

  private singleQuoted(): string {
    const text = this.text;
    let i = this.pos + 1;
    let out = '';
    for (;;) {
      const quote = text.indexOf("'", i);
      const lineEnd = this.lineEndFrom(i);
      if (quote < 0 || quote > lineEnd) throw new Unsupported();
      out += text.slice(i, quote);
      if (text.charCodeAt(quote + 1) === 0x27) {
        out += "'";
        i = quote + 2;
        continue;
      }
      this.pos = quote + 1;
      break;
    }
    this.endOfValueLine();
    return out;
  }

  /**
   * `|`, `|-` or `|+`: indentation auto-detected (more than the parent's column), or given
   * (`|2-`, which `yaml` writes for text starting with a space) as a mapping value, where it
   * counts from the mapping's column.
   */
  private literal(parentColumn: number, inSequence: boolean): string {
    const text = this.text;
    const headerEnd = this.lineEndFrom(this.pos);
    // `|-` alone on its line (what the renderer writes for a quote over lines) needs no pattern.
    const plainStrip = headerEnd === this.pos + 2 && text.charCodeAt(this.pos + 1) === DASH;
    const header = plainStrip ? '|-' : text.slice(this.pos, headerEnd).replace(/ +#.*$/, '').replace(/ +$/, '');
    const match = plainStrip ? [header, undefined, '-', undefined, undefined] : /^\|(?:([1-9])?([-+])?|([-+])([1-9]))$/.exec(header);
    if (!match) throw new Unsupported();
    const chomp = match[2] ?? match[3] ?? 'clip';
    const explicit = match[1] ?? match[4];
    if (explicit && inSequence) throw new Unsupported();
    this.pos = headerEnd;
    this.endLine();
    const lines: string[] = [];
    let indent = explicit ? parentColumn + Number(explicit) : -1;
    let maxLeadingBlank = 0;
    while (this.pos < text.length) {
      const lineStart = this.pos;
      const lineEnd = this.lineEndFrom(lineStart);
      let spaces = 0;
      while (text.charCodeAt(lineStart + spaces) === SPACE) spaces++;
      const blank = lineStart + spaces === lineEnd;
      if (blank) {
        if (indent < 0) maxLeadingBlank = Math.max(maxLeadingBlank, spaces);
        else if (spaces > indent) {
          lines.push(text.slice(lineStart + indent, lineEnd));
          this.pos = lineEnd;
          this.endLine();
          continue;
        }
        lines.push('');
        this.pos = lineEnd;
        this.endLine();
        continue;
      }
      if (indent < 0) {
        if (spaces <= parentColumn || maxLeadingBlank > spaces) throw new Unsupported();
        indent = spaces;
      }
      if (spaces < indent) break;
      lines.push(text.slice(lineStart + indent, lineEnd));
      this.pos = lineEnd;
      this.endLine();
    }
    if (indent < 0) throw new Unsupported();
    // Trailing blank lines belong to the scalar only as far as chomping says; give back the rest.
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    const body = lines.slice(0, last).join('\n');
    if (chomp === '-') return body;
    if (chomp === 'clip') return `${body}\n`;
    return `${body}\n${'\n'.repeat(lines.length - last)}`;
  }

  // --- lines and positions

  private findKeyEnd(): number {
    const text = this.text;
    for (let i = this.pos; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (c === COLON && (i + 1 >= text.length || isSpaceOrBreak(text.charCodeAt(i + 1)))) return i;
    }
    throw new Unsupported();
  }

  private looksLikeKey(): boolean {
    const text = this.text;
    const lineEnd = this.lineEndFrom(this.pos);
    // A plain key (`id:`, what nearly every item starts with), told without slicing the line.
    if (isKeyStart(text.charCodeAt(this.pos))) {
      let at = this.pos + 1;
      while (at < lineEnd && isKeyPart(text.charCodeAt(at))) at++;
      if (text.charCodeAt(at) === COLON && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE)) return true;
    }
    const line = text.slice(this.pos, lineEnd);
    // Anything else with ": " in it is beyond this reader (a quoted key, a plain scalar with a colon).
    if (/:(?: |$)/.test(line) && !/^["']/.test(line)) throw new Unsupported();
    return false;
  }

  private isSequenceItem(): boolean {
    return this.text.charCodeAt(this.pos) === DASH && isSpaceOrBreak(this.text.charCodeAt(this.pos + 1), true);
  }

  private atLineEnd(): boolean {
    const c = this.text.charCodeAt(this.pos);
    return this.pos >= this.text.length || c === LF || c === CR;
  }

  /** After a quoted scalar: only spaces and a comment may follow on the line. */
  private endOfValueLine(): void {
    this.skipSpaces();
    if (this.atLineEnd()) {
      this.endLine();
    } else if (this.text.charCodeAt(this.pos) === HASH && this.text.charCodeAt(this.pos - 1) === SPACE) {
      this.pos = this.lineEndFrom(this.pos);
      this.endLine();
    } else {
      throw new Unsupported();
    }
  }

  /** Moves past the rest of the line (a comment) and its line break; a lone CR is unsupported. */
  private endLine(): void {
    const text = this.text;
    this.pos = this.lineEndFrom(this.pos);
    if (text.charCodeAt(this.pos) === CR) {
      if (text.charCodeAt(this.pos + 1) !== LF) throw new Unsupported();
      this.pos += 2;
    } else if (text.charCodeAt(this.pos) === LF) {
      this.pos++;
    }
  }

  private lineEndFrom(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      i++;
    }
    return i;
  }

  /** Skips empty lines and comment-only lines, leaving `pos` at the start of a content line's indentation. */
  private skipBlankLines(): void {
    const text = this.text;
    for (;;) {
      let i = this.pos;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= text.length) {
        this.pos = i;
        return;
      }
      if (c === LF || c === CR || c === HASH) {
        this.pos = i;
        this.endLine();
        continue;
      }
      return;
    }
  }

  /** Indentation of the current line (pos at its start or past its indentation); moves `pos` past it. */
  private indentHere(): number {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
    return this.columnHere();
  }

  private columnHere(): number {
    let lineStart = this.pos;
    while (lineStart > 0 && this.text.charCodeAt(lineStart - 1) !== LF) lineStart--;
    return this.pos - lineStart;
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
  }
}

/** A run of characters of a double-quoted scalar that end nothing and escape nothing. */
const QUOTED_RUN = /[^"\\\r\n]*/y;

/** The one-character escapes of a double-quoted scalar that the reader takes. */
const SIMPLE_ESCAPES = new Map<string, string>([['\\', '\\'], ['"', '"'], ['/', '/'], ['n', '\n'], ['r', '\r'], ['t', '\t'], ['b', '\b'], ['f', '\f'], ['0', '\0'], [' ', ' ']]);

/** Characters that start something other than a plain scalar, or are reserved, at the start of a value: -?:,[]{}#&*!|>'"%@` */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

function isKeyStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
}

function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === DASH;
}

function isSpaceOrBreak(code: number, eofCounts = true): boolean {
  return code === SPACE || code === LF || code === CR || (eofCounts && Number.isNaN(code));
}

const LITERALS = new Map<string, unknown>([
  ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
]);

/** A plain scalar's value as the reader resolves it (`{ value }`), or undefined where it declines. */
export function resolvePlainScalar(raw: string): { value: unknown } | undefined {
  try {
    return { value: resolvePlain(raw) };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** YAML 1.2 core schema resolution of a plain scalar, or Unsupported where we would rather not guess. */
function resolvePlain(raw: string): unknown {
  // The longest literal has five characters: a longer scalar (most are) is not hashed for the look-up.
  if (raw.length <= 5 && LITERALS.has(raw)) return LITERALS.get(raw);
  // Only a scalar starting with a digit, a sign or a dot can be a number: most are words.
  const first = raw.charCodeAt(0);
  const numeric = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
  if (!numeric) return raw;
  if (/^[-+]?[0-9]+$/.test(raw)) {
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) throw new Unsupported();
    return value;
  }
  // Floats (the core schema's two patterns), octal and hex integers, infinities: rare in our files;
  // the full parser decides. Digits and several dots (a date quoted from a text, 24.07.20) are a string.
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw)) throw new Unsupported();
  if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(raw) || /^0[ox]/.test(raw)) throw new Unsupported();
  return raw;
}
