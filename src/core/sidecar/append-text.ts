/**
 * Edits of a sidecar found in its text alone, without the `yaml` Document: where addAnnotation's
 * Document path appends annotations (after the last item's last line, or in place of
 * `annotations: []`), rendered in the same columns; where each item of a list starts; the lines
 * of one field of an item. Only for a file the fast reader read cleanly, whose structure is
 * simple: a line at column 0 that is not blank, a comment or a `-` item is a top-level key;
 * block scalars, the only values spanning lines, are indented past their key. Undefined for a
 * layout they do not handle. The caller verifies the result by reading it again.
 */
import type { Annotation } from './model';
import * as YAML from 'yaml';
import { renderEntries, renderPlainFields } from './render-entry';
import { nextLineStart, renderScalarLike, type TextEdit } from './yaml-splice';

/** What the edit needs of the sidecar: its text (no BOM), line ending and indentation step. */
export interface AppendTarget {
  readonly text: string;
  readonly eol: '\n' | '\r\n';
  readonly indentStep: number;
}

const SPACE = 0x20;

interface ItemColumns {
  dashColumn: number;
  contentColumn: number;
}

/**
 * An append found in the text, and the part of the file it can change: from `windowStart` (the
 * line of the list's last item, or the `annotations:` key line when the list is `[]`) to the end.
 * Read after `header` (the key line `annotations:` when the window starts at an item), that part
 * is a YAML document of its own: verified-append.ts compares it before and after the edit.
 */
export interface AppendPlan {
  edit: TextEdit;
  windowStart: number;
  header: string;
}

/** The edit that appends these annotations, in their order: what addAnnotation makes for each in turn, as one insertion. */
export function appendEntriesEdit(doc: AppendTarget, values: readonly Annotation[]): TextEdit | undefined {
  return appendEntriesPlan(doc, values)?.edit;
}

/** appendEntriesEdit with the window of the file the edit can change. */
export function appendEntriesPlan(doc: AppendTarget, values: readonly Annotation[]): AppendPlan | undefined {
  const { text, eol, indentStep } = doc;
  const render = (columns: ItemColumns) => renderEntries(values, { ...columns, indentStep, eol });
  const keyLine = topLevelKeyLine(text, 'annotations');
  if (keyLine < 0) return undefined;
  const afterColon = keyLine + 'annotations:'.length;
  const keyLineEnd = lineEnd(text, afterColon);
  const rest = text.slice(afterColon, keyLineEnd);
  if (/^ +\[\](?: *| +#.*)$/.test(rest)) {
    // `annotations: []` (rewriteList in sidecar-io.ts): the `[]` and the spaces before it leave
    // the key line, the rest of the line (a comment) stays, the item goes below.
    const valueStart = text.indexOf('[', afterColon);
    const valueEnd = valueStart + 2;
    let start = valueStart;
    while (start > afterColon && text[start - 1] === ' ') start--;
    const end = nextLineStart(text, valueEnd);
    const restOfLine = text.slice(valueEnd, end).replace(/\r?\n$/, '');
    // listLayout: the columns of the other list's first item, else 2 and 4.
    const columns = firstItemColumns(text, 'dismissed');
    if (columns === undefined) return undefined;
    return { edit: { start, end, newText: restOfLine + eol + render(columns ?? { dashColumn: 2, contentColumn: 4 }) }, windowStart: keyLine, header: '' };
  }
  if (!/^(?: *| +#.*)$/.test(rest)) return undefined;
  // A block sequence: the new item goes after the last line holding a value of the last item
  // (blockItemSpan of the last item), in that item's columns.
  const first = nextContentLine(text, afterLine(text, keyLine));
  const dash = first < 0 ? null : /^( *)-(?:[ \r\n]|$)/.exec(text.slice(first, first + 200));
  if (!dash) return undefined;
  const dashColumn = dash[1].length;
  const listEnd = nextTopLevelLine(text, keyLineEnd);
  const contentEnd = endOfLastContentLine(text, first, listEnd);
  // yaml counts a comment or spaces-only line indented past the `-` after the last item as part of
  // it (after a block scalar, or a mapping it may still belong to): leave such files to it.
  if (maxIndent(text, contentEnd, listEnd) > dashColumn) return undefined;
  const marker = `\n${' '.repeat(dashColumn)}-`;
  const lastDash = text.lastIndexOf(marker, contentEnd - 1);
  if (lastDash + 1 < first) return undefined;
  const columns = itemColumns(text, lastDash + 1);
  if (!columns || columns.dashColumn !== dashColumn) return undefined;
  const needsBreak = contentEnd > 0 && text[contentEnd - 1] !== '\n';
  const edit = { start: contentEnd, end: contentEnd, newText: (needsBreak ? eol : '') + render(columns) };
  return { edit, windowStart: lastDash + 1, header: `annotations:${eol}` };
}

/** Where the items of a top-level block list start (each at its `-` line), and where the list ends. */
export interface ListItems {
  starts: number[];
  end: number;
}

/** The items of the top-level block list `key`; undefined when it is missing, empty, a flow list or laid out otherwise. */
export function blockListItems(text: string, key: string): ListItems | undefined {
  const keyLine = topLevelKeyLine(text, key);
  if (keyLine < 0) return undefined;
  const afterColon = keyLine + key.length + 1;
  const keyLineEnd = lineEnd(text, afterColon);
  if (!/^(?: *| +#.*)$/.test(text.slice(afterColon, keyLineEnd))) return undefined;
  const end = nextTopLevelLine(text, keyLineEnd);
  const first = nextContentLine(text, afterLine(text, keyLine));
  if (first < 0 || first >= end) return undefined;
  const columns = itemColumns(text, first);
  if (!columns) return undefined;
  // Only an item's `-` is at this column: every other line of an item is indented past it.
  const marker = `${' '.repeat(columns.dashColumn)}- `;
  const starts: number[] = [];
  for (let at = first; at < end; at = afterLine(text, at)) {
    if (text.startsWith(marker, at)) starts.push(at);
  }
  return { starts, end };
}

/**
 * The edit that gives the field `key` of the item from `start` to `end` (offsets of its first
 * line and of the next item) the mapping `value`: the key's line and the lines of its old value
 * become the key and the new value in the item's columns, as renderBlockItem writes a field set
 * to a new node. Comment lines after the value stay. Undefined when the item has no such field
 * holding a block value, or when the renderer declines the value.
 */
export function replaceFieldEdit(doc: AppendTarget, start: number, end: number, key: string, value: Record<string, unknown>): TextEdit | undefined {
  const { text, eol, indentStep } = doc;
  const columns = itemColumns(text, start);
  if (!columns) return undefined;
  const content = columns.contentColumn;
  const pad = ' '.repeat(content);
  let keyAt = -1;
  for (let at = start; at < end; at = afterLine(text, at)) {
    const indented = at === start || (text.startsWith(pad, at) && text.charCodeAt(at + content) !== SPACE);
    if (indented && text.startsWith(`${key}:`, at + content) && /^ *\r?$/.test(text.slice(at + content + key.length + 1, lineEnd(text, at)))) {
      keyAt = at;
      break;
    }
  }
  if (keyAt < 0) return undefined;
  let valueEnd = afterLine(text, keyAt);
  for (let at = valueEnd; at < end; at = afterLine(text, at)) {
    if (isBlankOrComment(text, at, lineEnd(text, at))) continue;
    if (indentOf(text, at) <= content) break;
    valueEnd = afterLine(text, at);
  }
  if (valueEnd === afterLine(text, keyAt)) return undefined;
  const fields = renderPlainFields(value, content + indentStep, indentStep, eol);
  if (fields === undefined) return undefined;
  return { start: keyAt + content, end: valueEnd, newText: `${key}:${eol}${fields}` };
}

/** The edit that sets the top-level scalar `key` (on one line) to `value`, in its quoting; undefined when it is not such a scalar. */
export function setScalarEdit(text: string, key: string, value: string): TextEdit | undefined {
  const line = topLevelKeyLine(text, key);
  if (line < 0) return undefined;
  const node = YAML.parseDocument(text.slice(line, lineEnd(text, line))).get(key, true);
  if (!YAML.isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  return { start: line + node.range[0], end: line + node.range[1], newText: renderScalarLike(node, value) };
}

/** Offset of the line `key:` at column 0, or -1. */
function topLevelKeyLine(text: string, key: string): number {
  const isKeyAt = (at: number) => {
    const after = text.charCodeAt(at + key.length + 1);
    return text.startsWith(`${key}:`, at) && (Number.isNaN(after) || after === 0x20 || after === 0x0a || after === 0x0d);
  };
  if (isKeyAt(0)) return 0;
  for (let at = text.indexOf(`\n${key}:`); at >= 0; at = text.indexOf(`\n${key}:`, at + 1)) {
    if (isKeyAt(at + 1)) return at + 1;
  }
  return -1;
}

/** Columns of the first item of a top-level block list; null when the list is missing or flow (`[]`); undefined when not handled here. */
function firstItemColumns(text: string, key: string): ItemColumns | null | undefined {
  const keyLine = topLevelKeyLine(text, key);
  if (keyLine < 0) return null;
  const afterColon = keyLine + key.length + 1;
  const rest = text.slice(afterColon, lineEnd(text, afterColon));
  if (!/^(?: *| +#.*)$/.test(rest)) return /^ +\[\]/.test(rest) ? null : undefined;
  const first = nextContentLine(text, afterLine(text, keyLine));
  return first < 0 ? undefined : itemColumns(text, first);
}

/** `-` and content columns of an item line `  - key: value`; undefined for `-` alone on its line. */
function itemColumns(text: string, lineStart: number): ItemColumns | undefined {
  const match = /^( *)-( +)[^ #\r\n]/.exec(text.slice(lineStart, lineStart + 200));
  return match ? { dashColumn: match[1].length, contentColumn: match[1].length + 1 + match[2].length } : undefined;
}

/** Start of the first line from `from` (a line start) that is neither blank nor a comment; -1 at the end. */
function nextContentLine(text: string, from: number): number {
  for (let at = from; at < text.length; at = afterLine(text, at)) {
    if (!isBlankOrComment(text, at, lineEnd(text, at))) return at;
  }
  return -1;
}

/** Start of the next line at column 0 that is a key (not blank, a comment or a `-` item), or the end of the text. */
function nextTopLevelLine(text: string, from: number): number {
  const pattern = /\n[^ #\r\n-]/g;
  pattern.lastIndex = from;
  const found = pattern.exec(text);
  return found ? found.index + 1 : text.length;
}

/** End (after its line break) of the last line before `end` that is neither blank nor a comment, not before `from`. */
function endOfLastContentLine(text: string, from: number, end: number): number {
  let lineEndAt = end;
  while (lineEndAt > from) {
    const start = text.lastIndexOf('\n', lineEndAt - (text[lineEndAt - 1] === '\n' ? 2 : 1)) + 1;
    if (!isBlankOrComment(text, start, lineEndAt)) return lineEndAt;
    lineEndAt = start;
  }
  return lineEndAt;
}

/** Leading spaces of the line starting at `lineStart`. */
function indentOf(text: string, lineStart: number): number {
  let spaces = 0;
  while (text.charCodeAt(lineStart + spaces) === SPACE) spaces++;
  return spaces;
}

/** The largest indentation (leading spaces) of the lines from `start` (a line start) to `end`. */
function maxIndent(text: string, start: number, end: number): number {
  let most = 0;
  for (let at = start; at < end; at = afterLine(text, at)) most = Math.max(most, indentOf(text, at));
  return most;
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && text.charCodeAt(at) === 0x20) at++;
  const c = text.charCodeAt(at);
  return at >= end || c === 0x0a || c === 0x0d || c === 0x23;
}

/** Start of the line after the one starting at `lineStart` (or the end of the text). */
function afterLine(text: string, lineStart: number): number {
  const newline = text.indexOf('\n', lineStart);
  return newline < 0 ? text.length : newline + 1;
}

/** Offset of the line break (CR or LF) ending the line holding `offset`, or the end of the text. */
function lineEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === 0x0a || c === 0x0d) break;
    at++;
  }
  return at;
}
