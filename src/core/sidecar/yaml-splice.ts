/**
 * Text surgery on a YAML file: where a block sequence item starts and ends, how the file
 * indents, and how to render one node in that style. Writes splice new text into the old one,
 * so that every byte outside the changed entry stays as it was (comments, quoting, blank lines,
 * line endings): re-printing a whole `yaml` Document would reformat the user's file.
 */
import * as YAML from 'yaml';

export interface TextEdit {
  /** UTF-16 offsets in the old text (BOM excluded); `end` exclusive. */
  start: number;
  end: number;
  newText: string;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break that ends the line holding `offset` (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

export interface ItemSpan {
  /** Start of the line holding the item's `-`. */
  start: number;
  /** Just after the line break ending the item's last line. */
  end: number;
  /** Column of the `-`. */
  dashColumn: number;
  /** Column of the item's content (its first key). */
  contentColumn: number;
}

/**
 * The whole lines a block sequence item occupies, from its `-` to the end of its last value.
 * Comment lines before the item belong to the lines above and are left alone.
 * Returns undefined for an item that does not start its own line (`key: [a, b]`, `- - x`).
 */
export function blockItemSpan(text: string, item: YAML.Node): ItemSpan | undefined {
  if (!item.range) return undefined;
  let dash = item.range[0] - 1;
  while (dash >= 0 && /[ \t\r\n]/.test(text[dash])) dash--;
  if (text[dash] !== '-') return undefined;
  const start = lineStartOf(text, dash);
  if (text.slice(start, dash).trim() !== '') return undefined;
  return { start, end: nextLineStart(text, item.range[1]), dashColumn: dash - start, contentColumn: columnOf(text, item.range[0]) };
}

/** How many spaces the file indents a nested block mapping by (from the first one found; default 2). */
export function detectIndentStep(text: string, document: YAML.Document): number {
  let step = 0;
  YAML.visit(document, {
    Pair(_, pair) {
      if (step > 0) return YAML.visit.BREAK;
      if (YAML.isMap(pair.value) && !pair.value.flow && YAML.isScalar(pair.key) && pair.key.range && pair.value.range) {
        const nested = columnOf(text, pair.value.range[0]) - columnOf(text, pair.key.range[0]);
        if (nested > 0) step = nested;
      }
      return undefined;
    },
  });
  return step || 2;
}

/**
 * Renders a node (or plain value) as a block sequence item: `-` at `dashColumn`, content at
 * `contentColumn`, nested levels `indentStep` apart, lines joined with `eol`, ending with `eol`.
 * No line folding: a long quote stays on one line, so a diff shows exactly what changed.
 */
/**
 * Characters that YAML readers refuse or change when written raw: DEL and the C1 controls (NEL
 * among them; PyYAML refuses a file holding them), the line and paragraph separators (line breaks
 * to a YAML 1.1 reader), and the noncharacters U+FFFE and U+FFFF. A string holding one is written
 * double-quoted with the character escaped. (`yaml` escapes the C0 controls itself.)
 */
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');
/**
 * The characters of NEEDS_DOUBLE_QUOTES, as the body of a character class: sidecar-io.ts adds the
 * line feed to it for a new sidecar's header, which must stay on its lines.
 */
export const NEEDS_DOUBLE_QUOTES_CLASS = '\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufffe\\uffff';
/** Strings written double-quoted: those with an UNPRINTABLE character, or a control character but the line feed (PyYAML refuses a tab in some plain scalars). */
const NEEDS_DOUBLE_QUOTES = new RegExp(`[${NEEDS_DOUBLE_QUOTES_CLASS}]`);
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

/**
 * `text` (rendered YAML in which every string holding an UNPRINTABLE character is double-quoted)
 * with each such character written as a YAML escape.
 */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE_ALL, (char) => {
    const code = char.charCodeAt(0);
    return NAMED_ESCAPES[char] ?? (code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`);
  });
}

export function renderBlockItem(value: unknown, layout: { dashColumn: number; contentColumn: number; indentStep: number; eol: string }): string {
  const node = YAML.isNode(value) ? value : new YAML.Document().createNode(value);
  // Comments above the item and blank lines before it are outside the span being replaced.
  node.commentBefore = undefined;
  node.spaceBefore = false;
  if (YAML.isCollection(node)) node.comment = undefined;
  YAML.visit(node, {
    Scalar(_, scalar) {
      const isBlock = scalar.type === YAML.Scalar.BLOCK_LITERAL || scalar.type === YAML.Scalar.BLOCK_FOLDED;
      if (typeof scalar.value === 'string' && NEEDS_DOUBLE_QUOTES.test(scalar.value)) {
        // Escaped below (and by `yaml` for the C0 controls): only a double-quoted scalar holds escapes.
        scalar.type = YAML.Scalar.QUOTE_DOUBLE;
      } else if (typeof scalar.value === 'string' && (isBlock || scalar.value.includes('\n')) && !isBlockSafe(scalar.value)) {
        scalar.type = YAML.Scalar.QUOTE_DOUBLE;
      } else if (typeof scalar.value === 'string' && !isBlock && (!scalar.type || scalar.type === YAML.Scalar.PLAIN) && scalar.value.includes('\n')) {
        // A plain scalar over several lines is folded by its reader, and `yaml` writes some of
        // them so they do not read back at all (a note "-\n$" became a sequence indicator).
        scalar.type = YAML.Scalar.BLOCK_LITERAL;
      } else if (typeof scalar.value === 'string' && !isBlock && !scalar.type && readsDifferentlyInYaml11(scalar.value)) {
        scalar.type = YAML.Scalar.QUOTE_DOUBLE;
      }
    },
  });
  // A double-quoted string stays on one line: folded over lines, `yaml` ends a line with an escaped
  // space (`\ `), which an editor trimming trailing whitespace would turn into a line continuation.
  const body = escapeUnprintable(new YAML.Document(node).toString({ indent: layout.indentStep, lineWidth: 0, minContentWidth: 0, blockQuote: 'literal', doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER }));
  const lines = body.replace(/\n$/, '').split('\n');
  const contentColumn = Math.max(layout.contentColumn, layout.dashColumn + 2);
  const pad = ' '.repeat(contentColumn);
  const first = `${' '.repeat(layout.dashColumn)}-${' '.repeat(contentColumn - layout.dashColumn - 1)}${lines[0]}`;
  const rest = lines.slice(1).map((line) => (line === '' ? '' : pad + line));
  return [first, ...rest].join(layout.eol) + layout.eol;
}

/**
 * Whether a plain string would be read as something else by a YAML 1.1 reader (PyYAML, js-yaml,
 * and so ajv-cli): a `created` time becomes a date, `yes`/`no`/`on`/`off` booleans, `0x1F` a
 * number. Such strings are written quoted, so every tool reads the sidecar as we do.
 */
export function readsDifferentlyInYaml11(value: string): boolean {
  if (value.includes('\n')) return false;
  // PyYAML reads a plain `=` as the YAML 1.1 "value" tag, and refuses it.
  if (value === '=') return true;
  try {
    // logLevel: a note like "%x" or "!a" would otherwise print a YAMLWarning on the CLI's stderr.
    return YAML.parse(value, { version: '1.1', logLevel: 'error' }) !== value;
  } catch {
    return true;
  }
}

/**
 * Whether a string reads back unchanged from a block scalar once its lines are re-indented:
 * not when a line starts with whitespace (that needs an indentation indicator, which a shift
 * of indentation breaks), is blank, ends with a space or tab (an editor that trims trailing
 * whitespace on save would change the value), or holds characters YAML treats as line breaks
 * or refuses.
 * Other multi-line strings are written double-quoted with escapes instead.
 */
export function isBlockSafe(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\r\u0085\u2028\u2029\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) return false;
  if (value.startsWith('\n') || value.endsWith('\n')) return false;
  return value.split('\n').every((line) => line === '' || /^\S/.test(line) && !/[ \t]$/.test(line));
}

/**
 * A scalar's new text in the quoting style the old one was written in, on one line: it replaces a
 * value after its key (a top-level `source:`), where a string folded over lines would need its
 * continuation indented, so a string with a line break is written double-quoted with `\n`.
 */
export function renderScalarLike(old: YAML.Scalar, value: string): string {
  if (old.type === YAML.Scalar.QUOTE_DOUBLE || NEEDS_DOUBLE_QUOTES.test(value) || value.includes('\n')) return escapeUnprintable(JSON.stringify(value));
  if (old.type === YAML.Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  const plain = new YAML.Document(value).toString({ lineWidth: 0 }).replace(/\n$/, '');
  return plain;
}
