/**
 * The smallest single replacement that turns one text into another: what an editor applies to
 * write a new version of a file it holds, so its cursor, folds and undo stay local to the change.
 */

/** The one span of `before` that differs from `after` (common start and end left out), in UTF-16 offsets; undefined when equal. */
export function changedSpan(before: string, after: string): { start: number; end: number; newText: string } | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shortest - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a surrogate pair or a CRLF at either end.
  const splits = (text: string, at: number) => isLowSurrogate(text.charCodeAt(at)) || (text[at] === '\n' && text[at - 1] === '\r');
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (tail > 0 && (splits(before, before.length - tail) || splits(after, after.length - tail))) tail--;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
