/**
 * Parsing YAML text into a `yaml` Document that keeps source ranges, turning its syntax errors
 * into problems, and finding the node an instance path (JSON Pointer) points to, so that schema
 * errors can be reported at the line and column where they are in the file.
 */
import * as YAML from 'yaml';
import { codePointLength, LineIndex } from '../text/positions';
import type { Problem, Severity } from '../problems/problem';

const BOM = '\uFEFF';

/** Said instead of "Maximum call stack size exceeded" (a RangeError of deep nesting, caught). */
export const TOO_DEEP = 'the YAML is nested too deeply to be read (thousands of levels; a sidecar has four): nothing in the file is checked until the nesting is removed';

export interface YamlSource {
  /** The text the positions count over: the file's text without a leading BOM. */
  text: string;
  hadBom: boolean;
  /** Line ending the text uses (the first one found; `\n` if there is none). */
  eol: '\n' | '\r\n';
  document: YAML.Document.Parsed;
  /** Syntax errors and warnings of the YAML itself (duplicate keys included). */
  problems: Problem[];
  lines: LineIndex;
}

let documentsParsed = 0;

/**
 * How many `yaml` Documents this process has parsed. The Document API reads about 1.5 MB/s, so
 * the tests count parses to prove that a path (a clean read, an append, a batch) makes none.
 */
export function yamlDocumentsParsed(): number {
  return documentsParsed;
}

export function parseYamlSource(fileText: string): YamlSource {
  documentsParsed++;
  const hadBom = fileText.startsWith(BOM);
  const text = hadBom ? fileText.slice(1) : fileText;
  // `prettyErrors: false` keeps messages to one line: we report the position ourselves.
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  let document: YAML.Document.Parsed;
  try {
    document = YAML.parseDocument(text, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The `yaml` package reports most stack overflows as errors itself; one that escapes is refused the same way.
    if (!(error instanceof RangeError)) throw error;
    document = YAML.parseDocument('', { keepSourceTokens: true });
    problems.push({ code: 'yaml-syntax', severity: 'error', message: TOO_DEEP, line: 1, column: 1 });
    return { text, hadBom, eol: detectEol(text), document, problems, lines };
  }
  const duplicates = duplicateKeyFinder(document);
  const toProblem = (error: YAML.YAMLError, severity: Severity): Problem => {
    if (error.code === 'DUPLICATE_KEY') return duplicateKeyProblem(text, lines, duplicates(error.pos[0]), error, severity);
    return {
      code: 'yaml-syntax',
      severity,
      message: /Maximum call stack size exceeded/.test(error.message) ? TOO_DEEP : error.message,
      ...rangeAt(text, lines, error.pos[0], error.pos[1]),
    };
  };
  for (const error of document.errors) problems.push(toProblem(error, 'error'));
  for (const warning of document.warnings) problems.push(toProblem(warning, 'warning'));
  return { text, hadBom, eol: detectEol(text), document, problems, lines };
}

/**
 * A duplicate key, named (`duplicate key "category"`, with the line of its first occurrence) and
 * covering the whole second occurrence: the `yaml` package's own message ("Map keys must be
 * unique") names neither, and its position is the first character of the second key.
 */
function duplicateKeyProblem(text: string, lines: LineIndex, duplicate: DuplicateKey | undefined, error: YAML.YAMLError, severity: Severity): Problem {
  if (!duplicate) return { code: 'yaml-duplicate-key', severity, message: `duplicate key: ${error.message}`, ...rangeAt(text, lines, error.pos[0], error.pos[1]) };
  const { key, first } = duplicate;
  const name = YAML.isScalar(key) ? String(key.value) : text.slice(key.range[0], key.range[1]);
  const earlier = first ? ` (first at line ${lineColumnAt(text, lines, first.range[0]).line})` : '';
  return {
    code: 'yaml-duplicate-key',
    severity,
    message: `duplicate key ${JSON.stringify(name)}${earlier}: YAML readers disagree on which value wins; remove or rename one of them`,
    ...rangeAt(text, lines, key.range[0], key.range[1]),
  };
}

type RangedNode = YAML.Node & { range: YAML.Range };

interface DuplicateKey {
  key: RangedNode;
  /** The first key of the same mapping with the same (scalar) value. */
  first?: RangedNode;
}

/**
 * Finds the key node a DUPLICATE_KEY error's offset points at. The keys are indexed once, on the
 * first call, and each mapping's first keys once, so that a file of thousands of duplicate keys
 * costs time in proportion to its size.
 */
function duplicateKeyFinder(document: YAML.Document): (offset: number) => DuplicateKey | undefined {
  let keys: Map<number, { key: RangedNode; map: YAML.YAMLMap }> | undefined;
  const firstKeys = new Map<YAML.YAMLMap, Map<unknown, RangedNode>>();
  return (offset) => {
    keys ??= indexKeys(document);
    const found = keys.get(offset);
    if (!found) return undefined;
    let firsts = firstKeys.get(found.map);
    if (!firsts) {
      firsts = new Map();
      for (const { key } of found.map.items) if (YAML.isScalar(key) && hasRange(key) && !firsts.has(key.value)) firsts.set(key.value, key);
      firstKeys.set(found.map, firsts);
    }
    const first = YAML.isScalar(found.key) ? firsts.get(found.key.value) : undefined;
    return { key: found.key, first: first === found.key ? undefined : first };
  };
}

function indexKeys(document: YAML.Document): Map<number, { key: RangedNode; map: YAML.YAMLMap }> {
  const keys = new Map<number, { key: RangedNode; map: YAML.YAMLMap }>();
  YAML.visit(document, {
    Map(_, map) {
      for (const { key } of map.items) if (YAML.isNode(key) && hasRange(key)) keys.set(key.range[0], { key, map });
    },
  });
  return keys;
}

function hasRange(node: YAML.Node): node is RangedNode {
  return node.range !== undefined && node.range !== null;
}

export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** 1-based line and code-point column of a UTF-16 offset. */
export function lineColumnAt(text: string, lines: LineIndex, offset: number): { line: number; column: number } {
  const position = lines.positionAt(offset);
  const lineStart = offset - position.character;
  return { line: position.line + 1, column: codePointLength(text.slice(lineStart, offset)) + 1 };
}

/** A problem range from UTF-16 offsets; an empty range is widened to one character where possible. */
export function rangeAt(text: string, lines: LineIndex, start: number, end: number): Pick<Problem, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const from = lineColumnAt(text, lines, start);
  const to = lineColumnAt(text, lines, Math.max(end, Math.min(start + 1, text.length)));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export interface LocatedNode {
  /** The deepest node on the path that exists. */
  node: YAML.Node | null;
  /** The key of the pair whose value `node` is, if any. */
  key: YAML.Node | null;
  /** The parent collection of `node`. */
  parent: YAML.YAMLMap | YAML.YAMLSeq | null;
  /** True when every segment of the path was found. */
  complete: boolean;
}

/** Decodes a JSON Pointer (`/annotations/0/target`) into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Follows an instance path from the document's root. */
export function locateNode(document: YAML.Document, pointer: string): LocatedNode {
  let node = document.contents as YAML.Node | null;
  let key: YAML.Node | null = null;
  let parent: YAML.YAMLMap | YAML.YAMLSeq | null = null;
  for (const segment of pointerSegments(pointer)) {
    const next = childOf(node, segment);
    if (!next) return { node, key, parent, complete: false };
    parent = node as YAML.YAMLMap | YAML.YAMLSeq;
    node = next.node;
    key = next.key;
  }
  return { node, key, parent, complete: true };
}

/** The key node of a mapping's entry, by key name. */
export function findKeyNode(map: YAML.Node | null, name: string): YAML.Node | null {
  if (!YAML.isMap(map)) return null;
  const pair = map.items.find((item) => keyName(item.key) === name);
  return pair && YAML.isNode(pair.key) ? pair.key : null;
}

function childOf(node: YAML.Node | null, segment: string): { node: YAML.Node | null; key: YAML.Node | null } | undefined {
  if (YAML.isMap(node)) {
    const pair = node.items.find((item) => keyName(item.key) === segment);
    if (!pair) return undefined;
    return { node: YAML.isNode(pair.value) ? pair.value : null, key: YAML.isNode(pair.key) ? pair.key : null };
  }
  if (YAML.isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { node: YAML.isNode(item) ? item : null, key: null };
  }
  return undefined;
}

function keyName(key: unknown): string | undefined {
  if (YAML.isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
