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
import type { Annotation, Sidecar } from './model';
import { sameJsonValue } from './same-json';
import * as validators from './generated/validators';

type Fields = Record<string, unknown>;

/** The sidecar after the append of `plan` to `text` (the file `before` was read from), when the window check proves it; else undefined. */
export function appendedSidecar(text: string, before: Sidecar, plan: AppendPlan, values: readonly Annotation[]): Sidecar | undefined {
  const { edit, windowStart, header } = plan;
  if (edit.start < windowStart || values.length === 0) return undefined;
  const oldWindow = readWindow(header + text.slice(windowStart));
  const newWindow = readWindow(header + text.slice(windowStart, edit.start) + edit.newText + text.slice(edit.end));
  if (!oldWindow || !newWindow || !windowMatches(oldWindow, before, header === '')) return undefined;
  const oldItems = oldWindow.annotations as unknown[];
  if (!sameJsonValue(newWindow, { ...oldWindow, annotations: [...oldItems, ...values] })) return undefined;
  const added = (newWindow.annotations as Annotation[]).slice(oldItems.length);
  if (!entriesValid(before, added)) return undefined;
  return { ...before, annotations: [...before.annotations, ...added] };
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
function windowMatches(window: Fields, sidecar: Sidecar, fromKeyLine: boolean): boolean {
  const items = window.annotations as unknown[];
  const expected = fromKeyLine ? [] : sidecar.annotations.slice(-1);
  if (sidecar.annotations.length === 0 && !fromKeyLine) return false;
  if (fromKeyLine && sidecar.annotations.length > 0) return false;
  if (!sameJsonValue(items, expected)) return false;
  const fields = sidecar as unknown as Fields;
  return Object.keys(window).every((key) => key === 'annotations' || (Object.prototype.hasOwnProperty.call(fields, key) && sameJsonValue(window[key], fields[key])));
}

/**
 * The new entries against the schema (in a sidecar holding only them: the schema says nothing
 * about a list as a whole, see the test) and the content rules, their ids new to the sidecar.
 */
function entriesValid(before: Sidecar, added: readonly Annotation[]): boolean {
  if (!validators.sidecar({ ...before, annotations: added, dismissed: [] })) return false;
  if (contentRuleViolations({ annotations: [...added], dismissed: [] }).length > 0) return false;
  // One pass over the old entries against the new ids (a few for `tag`), not a set of all the old ones.
  const ids = new Set(added.map((entry) => entry.id));
  return !before.annotations.some((entry) => ids.has(entry.id)) && !before.dismissed.some((entry) => ids.has(entry.id));
}
