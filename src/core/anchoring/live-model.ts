/**
 * The live anchors of one open source: the sidecar's entries anchored against the text as the
 * editor holds it, their ranges following every edit, merged with a sidecar re-read from disk,
 * and turned back into targets to store. Pure (no editor API): the editor's store
 * (src/extension/annotationStore.ts) holds one per open source and feeds it the edits.
 *
 * Ranges are UTF-16 offsets of the text (what the editor counts); stored targets count code
 * points (anchoring.ts converts). Shifting runs on every keystroke over every entry, so it
 * changes ranges in place and allocates nothing for the entries an edit does not touch.
 */
import type { AnchorResult, Annotation, Dismissal, Sidecar, TextTarget } from '../sidecar/model';
import { anchorAll } from './anchoring';
import { PreparedText } from './prepared-text';
import { shiftRange, type Range } from './shift';
import { createTarget } from './target';

export type EntryKind = 'annotation' | 'dismissal';

export interface LiveEntry {
  kind: EntryKind;
  id: string;
  /** The stored entry (an annotation or a dismissal). */
  entry: Annotation | Dismissal;
  /** How the stored target anchored when the sidecar was last read or written. */
  anchor: AnchorResult;
  /** Current range in UTF-16 offsets of the text, following edits; undefined when orphaned. */
  range?: Range;
  /** The range right after the last anchoring: differs from `range` once edits moved the tag. */
  anchoredRange?: Range;
}

/** One change of an edit, as the editor reports it: offsets of the text before the edit. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** Every entry of `sidecar` (annotations, then dismissals) anchored against `text`. */
export function anchorEntries(sidecar: Sidecar | undefined, text: string | PreparedText): LiveEntry[] {
  const prepared = text instanceof PreparedText ? text : new PreparedText(text);
  const stored: Array<Pick<LiveEntry, 'kind' | 'id' | 'entry'>> = [
    ...(sidecar?.annotations ?? []).map((a) => ({ kind: 'annotation' as const, id: a.id, entry: a })),
    ...(sidecar?.dismissed ?? []).map((d) => ({ kind: 'dismissal' as const, id: d.id, entry: d })),
  ];
  const results = anchorAll(prepared, stored.map((s) => s.entry.target));
  return stored.map((s, i) => {
    const anchor = results[i];
    const range = anchor.status === 'orphaned' ? undefined : { start: prepared.toUtf16(anchor.start), end: prepared.toUtf16(anchor.end) };
    return { ...s, anchor, range, anchoredRange: range && { ...range } };
  });
}

/** What a live model of an open source knows of its text between two change events. */
export interface LiveText {
  textLength: number;
  /** Whether the ranges followed edits that are not saved. */
  unsavedEdits: boolean;
}

/**
 * How one change event of the editor is taken:
 * - `restore`: the event puts a text back from disk (a revert, a reload): it replaces the whole
 *   text, or it comes with the document clean while the ranges followed unsaved edits. Nothing
 *   to follow; the stored targets are anchored again. VS Code's revert replaces only the lines
 *   from the first that differs to the last, so following it would collapse every tag on those
 *   lines to the start of that block.
 * - `follow`: typing, an undo, a paste; the ranges move through the changes.
 * - `saved-state`: no change of text, only of the dirty state. VS Code sends the dirty state a
 *   change event leaves behind as an event of its own, after it, and with a typed change the
 *   state from before it; so the first keystroke after an undo back to the saved text comes
 *   with the document clean, and only this event tells that the ranges now fit the saved text.
 */
export function liveChangeOf(live: LiveText, changes: readonly TextChange[], documentIsDirty: boolean): 'restore' | 'follow' | 'saved-state' {
  if (changes.length === 0) return 'saved-state';
  const backToSaved = live.unsavedEdits && !documentIsDirty;
  return backToSaved || changes.some((c) => c.rangeOffset === 0 && c.rangeLength >= live.textLength) ? 'restore' : 'follow';
}

/**
 * Moves every range through the changes of one edit (their offsets all refer to the text
 * before it), in place; returns the text's new length.
 */
export function shiftEntries(entries: readonly LiveEntry[], changes: readonly TextChange[], textLength: number): number {
  // From the last change back, each one's offsets stay valid.
  const ordered = [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset);
  for (const change of ordered) {
    const start = change.rangeOffset;
    const end = start + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    for (const entry of entries) {
      const range = entry.range;
      if (!range) continue;
      // The two common cases of shiftRange, in its order, without a new object.
      if (end <= range.start) {
        range.start += delta;
        range.end += delta;
        continue;
      }
      if (start >= range.end) continue;
      const shifted = shiftRange(range, { start, end, newLength: change.text.length });
      range.start = shifted.start;
      range.end = shifted.end;
    }
    textLength += delta;
  }
  return textLength;
}

/** An entry changed on disk while unsaved edits moved it: `mine` is where the edits moved it. */
export interface MergeConflict {
  kind: EntryKind;
  id: string;
  mine: Range;
}

/**
 * Merges a fresh anchoring of a sidecar re-read from disk (`fresh`, changed in place) with what
 * unsaved edits did to the previous entries' ranges, by kind and id: an entry whose stored
 * target did not change on disk keeps the range the edits gave it; an entry whose target
 * changed on disk while edits moved it is a conflict (the disk version is kept in `fresh`).
 */
export function mergeEntries(previous: readonly LiveEntry[], fresh: readonly LiveEntry[]): MergeConflict[] {
  const before = new Map(previous.map((entry) => [`${entry.kind}:${entry.id}`, entry]));
  const conflicts: MergeConflict[] = [];
  for (const entry of fresh) {
    const old = before.get(`${entry.kind}:${entry.id}`);
    if (!old?.range) continue;
    if (sameTarget(old.entry.target, entry.entry.target)) {
      entry.range = { ...old.range };
      entry.anchoredRange = old.anchoredRange && { ...old.anchoredRange };
      entry.anchor = old.anchor;
    } else if (movedByEdits(old)) {
      conflicts.push({ kind: entry.kind, id: entry.id, mine: { ...old.range } });
    }
  }
  return conflicts;
}

function movedByEdits(entry: LiveEntry): boolean {
  const { range, anchoredRange } = entry;
  return !anchoredRange || !range || anchoredRange.start !== range.start || anchoredRange.end !== range.end;
}

/** A moved entry's new target. */
export interface TargetUpdate {
  kind: EntryKind;
  id: string;
  target: TextTarget;
}

/**
 * What to store after a save: the new target of every entry that followed the edits exactly
 * (anchored or moved) and now sits elsewhere with its quote unchanged, and whether every entry
 * did (only then does the sidecar take the text's new hash). An entry whose passage was edited
 * (its quote is no longer the text it covers) keeps its quote and context, since the quote is
 * what the annotator tagged and only a person can say whether the new text is what was tagged
 * ("Re-anchor here"); its offsets go to where the passage now starts, so that anchoring, which
 * looks for an approximate match near the stored offsets, still finds it after text was added
 * above it. Fuzzy and orphaned entries are left as stored.
 */
export function movedTargets(entries: readonly LiveEntry[], text: PreparedText): { updates: TargetUpdate[]; allExact: boolean } {
  const updates: TargetUpdate[] = [];
  let allExact = true;
  for (const entry of entries) {
    const exact = entry.anchor.status === 'anchored' || entry.anchor.status === 'moved';
    // A range the edits emptied (its quote deleted) no longer holds what was tagged.
    if (!exact || !entry.range || (entry.range.start === entry.range.end && entry.entry.target.exact !== '')) {
      allExact = false;
      continue;
    }
    const target = createTarget(text, text.toCodePoint(entry.range.start), text.toCodePoint(entry.range.end));
    if (target.exact !== entry.entry.target.exact) {
      allExact = false;
      const followed = typedIntoTarget(entry.entry.target, target.start, text.length);
      if (!sameTarget(followed, entry.entry.target)) updates.push({ kind: entry.kind, id: entry.id, target: followed });
      continue;
    }
    if (!sameTarget(target, entry.entry.target)) updates.push({ kind: entry.kind, id: entry.id, target });
  }
  return { updates, allExact };
}

/**
 * The stored target of a passage typed into, at the passage's new start: quote and context as
 * stored, and as many code points as the quote has (a sidecar's offsets always span its quote),
 * kept within the text.
 */
function typedIntoTarget(stored: TextTarget, start: number, textLength: number): TextTarget {
  const span = stored.end - stored.start;
  const at = Math.max(0, Math.min(start, textLength - span));
  return { ...stored, start: at, end: at + span };
}

/** The same stored target: offsets, quote and context. */
export function sameTarget(a: TextTarget, b: TextTarget): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}
