/**
 * Rewrites the targets of many entries (and the source hash) as text, in one pass over the
 * sidecar, without the `yaml` Document API: what the editor does after a save that moved tags.
 * The Document API reads about 1.5 MB/s, and the entry-by-entry edits parse it once per entry,
 * so rewriting the 1,000 moved targets of a 230 KB sidecar took minutes of the extension host.
 *
 * Only each changed entry's `target:` block and the `sourceHash:` value are replaced; every
 * other byte stays. The result is read again and must say exactly what was meant; when the file
 * is laid out otherwise (flow mappings, a target on the `-` line...) or the check fails, the
 * result is undefined and the caller uses the entry-by-entry edits of sidecar-io.ts.
 */
import type { Annotation, Dismissal, Sidecar, TextTarget } from './model';
import { sameJsonValue } from './same-json';
import { parseSidecar, type SidecarDocument } from './sidecar-io';
import type { TextEdit } from './yaml-splice';

type EntryList = 'annotations' | 'dismissed';

export interface TargetUpdate {
  list: EntryList;
  id: string;
  target: TextTarget;
}

interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  indent: number;
  /** Blank or a comment: belongs to no value. */
  empty: boolean;
}

/** The sidecar with `updates` (and `sourceHash`, when given) applied, or undefined when the text path cannot do it. */
export function updateTargetsAsText(doc: SidecarDocument, updates: readonly TargetUpdate[], sourceHash?: string): SidecarDocument | undefined {
  const sidecar = doc.sidecar;
  if (!doc.writable || !sidecar) return undefined;
  const lines = splitLines(doc.text);
  const edits: TextEdit[] = [];
  const expected: Sidecar = { ...sidecar, annotations: [...sidecar.annotations], dismissed: [...sidecar.dismissed] };
  for (const list of ['annotations', 'dismissed'] as const) {
    const wanted = new Map(updates.filter((u) => u.list === list).map((u) => [u.id, u.target]));
    if (wanted.size === 0) continue;
    const items = listItems(doc.text, lines, list);
    const entries: (Annotation | Dismissal)[] = sidecar[list];
    if (!items || items.length !== entries.length) return undefined;
    for (let i = 0; i < entries.length; i++) {
      const target = wanted.get(entries[i].id);
      if (!target) continue;
      const edit = targetEdit(doc.text, lines, items[i], target, doc.eol);
      if (!edit) return undefined;
      edits.push(edit);
      expected[list][i] = { ...entries[i], target };
    }
  }
  if (sourceHash !== undefined && sourceHash !== sidecar.sourceHash) {
    const edit = sourceHashEdit(doc.text, lines, sourceHash);
    if (!edit) return undefined;
    edits.push(edit);
    expected.sourceHash = sourceHash;
  }
  if (edits.length === 0) return doc;
  edits.sort((a, b) => a.start - b.start);
  const text = applyEdits(doc.text, edits);
  const next = parseSidecar((doc.hadBom ? '\uFEFF' : '') + text);
  if (!next.writable || !next.sidecar || !sameJsonValue(next.sidecar, expected)) return undefined;
  // Returned as read (no `lastEdit`): spreading it would parse its lazy `document`.
  return next;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 0x20) indent++;
    const empty = start + indent >= contentEnd || text.charCodeAt(start + indent) === 0x23;
    lines.push({ start, end: contentEnd, indent, empty });
    start = end + 1;
  }
  return lines;
}

interface Item {
  /** Index of the item's `-` line. */
  first: number;
  /** Index just past its last line. */
  last: number;
  /** Column of its keys. */
  contentColumn: number;
}

/** The items of the top-level block list `list`, in order; undefined when it is not laid out as one. */
function listItems(text: string, lines: readonly Line[], list: EntryList): Item[] | undefined {
  const key = lines.findIndex((l) => l.indent === 0 && text.startsWith(`${list}:`, l.start));
  if (key < 0 || !/^ *(#.*)?$/.test(text.slice(lines[key].start + list.length + 1, lines[key].end))) return undefined;
  let end = key + 1;
  while (end < lines.length && (lines[end].empty || lines[end].indent > 0 || text[lines[end].start] === '-')) end++;
  const starts: number[] = [];
  let dashColumn = -1;
  for (let i = key + 1; i < end; i++) {
    const line = lines[i];
    if (line.empty) continue;
    if (dashColumn < 0) dashColumn = line.indent;
    if (line.indent === dashColumn) {
      if (text[line.start + line.indent] !== '-') return undefined;
      starts.push(i);
    } else if (line.indent < dashColumn) {
      return undefined;
    }
  }
  return starts.map((first, k) => {
    const next = k + 1 < starts.length ? starts[k + 1] : end;
    const dashLine = text.slice(lines[first].start, lines[first].end);
    const inline = /^( *)-( +)[^ #]/.exec(dashLine);
    const nested = lines.slice(first + 1, next).find((l) => !l.empty);
    const contentColumn = inline ? inline[1].length + 1 + inline[2].length : (nested?.indent ?? -1);
    return { first, last: next, contentColumn };
  });
}

/** Replaces the lines of the item's `target:` block (its key line on a line of its own) with the new target. */
function targetEdit(text: string, lines: readonly Line[], item: Item, target: TextTarget, eol: string): TextEdit | undefined {
  let keyLine = -1;
  for (let i = item.first + 1; i < item.last; i++) {
    const line = lines[i];
    if (!line.empty && line.indent === item.contentColumn && /^target: *(#.*)?$/.test(text.slice(line.start + line.indent, line.end))) {
      keyLine = i;
      break;
    }
  }
  if (keyLine < 0) return undefined;
  let firstValueLine = -1;
  let lastValueLine = -1;
  for (let i = keyLine + 1; i < item.last; i++) {
    if (lines[i].empty) continue;
    if (lines[i].indent <= item.contentColumn) break;
    if (firstValueLine < 0) firstValueLine = i;
    lastValueLine = i;
  }
  if (firstValueLine < 0) return undefined;
  // The nested mapping's own indentation is kept (the file's indentation step).
  const pad = ' '.repeat(lines[firstValueLine].indent);
  const fields = (['start', 'end', 'exact', 'prefix', 'suffix'] as const).map((field) => `${pad}${field}: ${scalar(target[field])}`);
  return { start: lines[firstValueLine].start, end: lines[lastValueLine].end, newText: fields.join(eol) };
}

/** The `sourceHash:` value at the top level, replaced in the quoting it had. */
function sourceHashEdit(text: string, lines: readonly Line[], hash: string): TextEdit | undefined {
  const line = lines.find((l) => l.indent === 0 && text.startsWith('sourceHash:', l.start));
  if (!line) return undefined;
  const match = /^sourceHash:( +)(["']?)[^"'\s#]*\2( *(?:#.*)?)$/.exec(text.slice(line.start, line.end));
  if (!match) return undefined;
  const valueStart = line.start + 'sourceHash:'.length + match[1].length;
  return { start: valueStart, end: line.end - match[3].length, newText: `${match[2]}${hash}${match[2]}` };
}

/**
 * A scalar as YAML: numbers and the strings any reader takes as the same string are written
 * plain, every other string double-quoted (JSON's escapes are YAML's). The re-read checks it.
 */
function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

/** Words, spaces and common punctuation, not looking like a number, boolean, null, date or indicator to YAML 1.1 or 1.2. */
function isPlainSafe(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9 .,;()'\u00C0-\u024F-]*$/.test(value) || value.endsWith(' ')) return false;
  return !/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(value);
}

function applyEdits(text: string, sorted: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.start), edit.newText);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
