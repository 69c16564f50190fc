/**
 * Verifying annotations appended as text to a sidecar read cleanly on the fast path, without
 * reading the whole result again: `tag` on a sidecar of 100,000 annotations spent as long
 * re-reading the 23 MB it had just read as reading it.
 *
 * What the append can change is the part of the file from the list's last item (or its
 * `annotations:` key line when the list is `[]`) to the end (append-text.ts's window): every
 * line before it stays, and in the fast reader's subset a line holding an item's `-` at the
 * list's column ends whatever came before it. So the window is read before and after the edit
 * as a document of its own; the edit is taken only when
 * - before, the window reads as the sidecar's last item (or none) and its other top-level
 *   values as the sidecar holds them (the window is where the plan says it is);
 * - after, it reads as the same with exactly the new entries appended;
 * - the new entries pass the schema and the content rules (unique ids, range, quote length),
 *   which look at each entry on its own but for the ids, checked against all the others.
 * Anything else returns undefined and the caller reads the whole result, as before.
 */
import { contentRuleViolations } from './content-rules';
import { readFastYaml } from './fast-yaml';
import type { AppendPlan } from './append-text';
import type { Annotation, Dismissal, Sidecar } from './model';
import { sameJsonValue } from './same-json';
import * as validators from './generated/validators';

type Fields = Record<string, unknown>;

/**
 * What the check needs of the sidecar appended to: its top-level values but the lists, how many
 * annotations it has and its last, its dismissals, and whether an id is used. A sidecar read
 * whole gives them (summaryOfSidecar), as does a scanned one without reading its entries.
 */
export interface AppendBase {
  /** The top-level values, in the file's order; `annotations` and `dismissed` are not read from it. */
  readonly header: Readonly<Fields>;
  readonly annotationCount: number;
  lastAnnotation(): Annotation | undefined;
  dismissed(): readonly Dismissal[];
  /** Whether an entry already holds one of these ids. */
  usesAnyId(ids: ReadonlySet<string>): boolean;
}

export function summaryOfSidecar(sidecar: Sidecar): AppendBase {
  return {
    header: sidecar as unknown as Fields,
    annotationCount: sidecar.annotations.length,
    lastAnnotation: () => sidecar.annotations.at(-1),
    dismissed: () => sidecar.dismissed,
    // One pass over the old entries against the new ids (a few for `tag`), not a set of all the old ones.
    usesAnyId: (ids) => sidecar.annotations.some((entry) => ids.has(entry.id)) || sidecar.dismissed.some((entry) => ids.has(entry.id)),
  };
}

/** The annotations appended by `plan` to `text` (the file `before` was read from), when the window check proves the result clean; else undefined. */
export function appendedEntries(text: string, before: AppendBase, plan: AppendPlan, values: readonly Annotation[]): Annotation[] | undefined {
  const { edit, windowStart, header } = plan;
  if (edit.start < windowStart || values.length === 0) return undefined;
  const oldWindow = readWindow(header + text.slice(windowStart));
  const newWindow = readWindow(header + text.slice(windowStart, edit.start) + edit.newText + text.slice(edit.end));
  if (!oldWindow || !newWindow || !windowMatches(oldWindow, before, header === '')) return undefined;
  const oldItems = oldWindow.annotations as unknown[];
  if (!sameJsonValue(newWindow, { ...oldWindow, annotations: [...oldItems, ...values] })) return undefined;
  const added = (newWindow.annotations as Annotation[]).slice(oldItems.length);
  return entriesValid(before, added) ? added : undefined;
}

/** The window's value: a mapping whose `annotations` is a list; undefined otherwise. */
function readWindow(text: string): Fields | undefined {
  const value = readFastYaml(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = value as Fields;
  return Array.isArray(fields.annotations) ? fields : undefined;
}

/**
 * Whether the window, read before the edit, is the end of `sidecar`: its annotations the last
 * one (none when the window starts at the key line, of an empty list) and every other key of it
 * a top-level key of the sidecar with the same value.
 */
function windowMatches(window: Fields, sidecar: AppendBase, fromKeyLine: boolean): boolean {
  const items = window.annotations as unknown[];
  if (sidecar.annotationCount === 0 && !fromKeyLine) return false;
  if (fromKeyLine && sidecar.annotationCount > 0) return false;
  if (!sameJsonValue(items, fromKeyLine ? [] : [sidecar.lastAnnotation()])) return false;
  const fields = sidecar.header;
  const valueOf = (key: string) => (key === 'dismissed' ? sidecar.dismissed() : fields[key]);
  return Object.keys(window).every((key) => key === 'annotations' || (Object.prototype.hasOwnProperty.call(fields, key) && sameJsonValue(window[key], valueOf(key))));
}

/**
 * The new entries against the schema (in a sidecar holding only them: the schema says nothing
 * about a list as a whole, see the test) and the content rules, their ids new to the sidecar.
 */
function entriesValid(before: AppendBase, added: readonly Annotation[]): boolean {
  if (!validators.sidecar({ ...before.header, annotations: added, dismissed: [] })) return false;
  if (contentRuleViolations({ annotations: [...added], dismissed: [] }).length > 0) return false;
  return !before.usesAnyId(new Set(added.map((entry) => entry.id)));
}
