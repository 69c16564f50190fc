/**
 * Quotes in one-line messages (CLI, editor diagnostics, export warnings): a quote shortened, and
 * the difference between a stored quote and the text now in its place, so that a reader sees
 * what changed rather than two quotes cut to the same first characters.
 * Lengths count code points: a cut never splits an emoji.
 */

/** Longest quote shown whole in a message. */
export const QUOTE_MAX = 60;
/** Characters of unchanged text kept on each side of a difference. */
const DIFF_CONTEXT = 20;
const ELLIPSIS = '…';

/** Line breaks shown as ⏎, so a quote stays on one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '⏎');
}

/** A quote on one line, cut to `max` code points with an ellipsis at the end. Unquoted. */
export function shortQuote(text: string, max = QUOTE_MAX): string {
  const chars = Array.from(oneLine(String(text)));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}${ELLIPSIS}` : chars.join('');
}

/** A long differing middle keeps its start and its end. */
function shortMiddle(chars: string[]): string {
  if (chars.length <= QUOTE_MAX) return chars.join('');
  const half = Math.floor((QUOTE_MAX - 1) / 2);
  return `${chars.slice(0, half).join('')}${ELLIPSIS}${chars.slice(chars.length - half).join('')}`;
}

/** Where the kept context starts: at most DIFF_CONTEXT characters before `at`, from a word start when there is one. */
function contextStart(chars: string[], at: number): number {
  if (at <= DIFF_CONTEXT) return 0;
  const from = at - DIFF_CONTEXT;
  for (let i = from; i < at; i++) if (/\s/u.test(chars[i])) return i + 1;
  return from;
}

/** Where the kept context ends: at most DIFF_CONTEXT characters after `at`, at a word end when there is one. */
function contextEnd(chars: string[], at: number): number {
  if (chars.length - at <= DIFF_CONTEXT) return chars.length;
  const to = at + DIFF_CONTEXT;
  for (let i = to; i > at; i--) if (/\s/u.test(chars[i - 1])) return i - 1;
  return to;
}

export interface QuoteDifference {
  /** The stored quote around what differs, the unchanged rest elided with "…". */
  stored: string;
  /** The text now in its place, elided alike. */
  current: string;
}

/**
 * The stored quote and the current text with their common start and end elided (keeping a few
 * words around the change), both on one line: "tortured severely" and "tortured severly" give
 * `…were tortured severely.` and `…were tortured severly.`. Equal texts are shortened only.
 */
export function quoteDifference(stored: string, current: string): QuoteDifference {
  const a = Array.from(oneLine(String(stored)));
  const b = Array.from(oneLine(String(current)));
  if (a.join('') === b.join('')) return { stored: shortQuote(stored), current: shortQuote(current) };
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = contextStart(a, head);
  const show = (chars: string[]): string => {
    const to = contextEnd(chars, chars.length - tail);
    const before = from > 0 ? ELLIPSIS : '';
    const after = to < chars.length ? ELLIPSIS : '';
    const kept = chars.slice(from, head).join('') + shortMiddle(chars.slice(head, chars.length - tail)) + chars.slice(chars.length - tail, to).join('');
    return `${before}${kept}${after}`;
  };
  return { stored: show(a), current: show(b) };
}

/** `"stored" → now "current"`, the difference of the two quotes for a message. */
export function describeQuoteChange(stored: string, current: string): string {
  const difference = quoteDifference(stored, current);
  return `"${difference.stored}" → now "${difference.current}"`;
}

/** A short quote in double quotes, for a message. */
export function quoted(text: string): string {
  return `"${shortQuote(text)}"`;
}

/**
 * What an approximate (fuzzy) anchor found, for a message: the difference between the stored
 * quote and the text now in its place, or, when the words are the same (an exact copy in other
 * context than the stored one), that. `at` says where, when the message is not placed there.
 */
export function describeFuzzyMatch(stored: string, match: { text: string; score: number }, at?: string): string {
  const score = `score ${match.score.toFixed(2)}`;
  const where = at === undefined ? '' : ` at ${at}`;
  if (match.text === stored) return `${quoted(stored)} is found${where} only in other context than the stored one (${score})`;
  return `the quote only matches approximately (${score})${where}: ${describeQuoteChange(stored, match.text)}`;
}
