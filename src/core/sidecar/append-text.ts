/**
 * The edit that appends an annotation to a sidecar's text, found in the text alone: where
 * addAnnotation's Document path puts it (after the last item's last line, or in place of
 * `annotations: []`), rendered by the same renderer in the same columns. Only for a file the
 * fast reader read cleanly (see fast-append.ts); undefined for a layout it does not handle.
 * The caller verifies the result by reading it again.
 */
import type { Annotation } from './model';
import { nextLineStart, renderBlockItem, type TextEdit } from './yaml-splice';

/** What the edit needs of the sidecar: its text (no BOM), line ending and indentation step. */
export interface AppendTarget {
  readonly text: string;
  readonly eol: '\n' | '\r\n';
  readonly indentStep: number;
}

interface ItemColumns {
  dashColumn: number;
  contentColumn: number;
}

/**
 * The edit addAnnotation makes, found in the text. The fast reader accepted the file, so its
 * structure is simple: a line at column 0 that is not blank, a comment or a `-` item is a
 * top-level key; block scalars, the only values spanning lines, are indented.
 */
export function appendEdit(doc: AppendTarget, value: Annotation): TextEdit | undefined {
  const { text, eol, indentStep } = doc;
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
    const layout = { ...(columns ?? { dashColumn: 2, contentColumn: 4 }), indentStep, eol };
    return { start, end, newText: restOfLine + eol + renderBlockItem(value, layout) };
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
  return { start: contentEnd, end: contentEnd, newText: (needsBreak ? eol : '') + renderBlockItem(value, { ...columns, indentStep, eol }) };
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

/** The largest indentation (leading spaces) of the lines from `start` (a line start) to `end`. */
function maxIndent(text: string, start: number, end: number): number {
  let most = 0;
  for (let at = start; at < end; at = afterLine(text, at)) {
    let spaces = 0;
    while (text.charCodeAt(at + spaces) === 0x20) spaces++;
    most = Math.max(most, spaces);
  }
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
