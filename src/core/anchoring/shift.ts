/**
 * Moving a stored range through one text edit, all in code points. Live anchors in the editor
 * (a later issue) and the property tests use it to know where a quote went and whether its
 * own characters were changed.
 */

export interface Range {
  start: number;
  end: number;
}

/** Replacement of [start, end) by `newLength` code points of new text. */
export interface TextEdit {
  start: number;
  end: number;
  newLength: number;
}

export interface ShiftedRange extends Range {
  /** True when the edit changed characters of the range itself (not just text around it). */
  touched: boolean;
}

/**
 * Where `range` is after `edit`. Text inserted exactly at either edge stays outside the range
 * (typing next to a tag does not grow it); an edit inside the range grows or shrinks it; an
 * edit overlapping one edge cuts the deleted part off and leaves its new text outside; a range
 * deleted entirely collapses to the empty range where the edit started.
 */
export function shiftRange(range: Range, edit: TextEdit): ShiftedRange {
  const delta = edit.newLength - (edit.end - edit.start);
  if (edit.end <= range.start) return { start: range.start + delta, end: range.end + delta, touched: false };
  if (edit.start >= range.end) return { start: range.start, end: range.end, touched: false };
  if (edit.start >= range.start && edit.end <= range.end) return { start: range.start, end: range.end + delta, touched: true };
  if (edit.start < range.start && edit.end < range.end) {
    const start = edit.start + edit.newLength;
    return { start, end: range.end + delta, touched: true };
  }
  if (edit.start > range.start) return { start: range.start, end: edit.start, touched: true };
  return { start: edit.start, end: edit.start, touched: true };
}
