/**
 * The sentence around an offset, for "tag the sentence under the cursor". A deliberately simple
 * rule (the reviewer's issue brings a segmenter that knows legal abbreviations): a sentence ends
 * after `.`, `!` or `?` followed by whitespace, or at a blank line; a line of a list or a heading
 * is its own sentence. Offsets are UTF-16, as in the editor; the result is trimmed of whitespace.
 */

const ABBREVIATIONS = new Set(['art', 'arts', 'no', 'para', 'paras', 'p', 'pp', 'cf', 'e.g', 'i.e', 'mr', 'ms', 'mrs', 'dr', 'st', 'u.n', 'u.s', 'vs', 'etc']);

function endsSentence(text: string, dot: number): boolean {
  const ch = text[dot];
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  if (!/\s/u.test(text[dot + 1] ?? ' ')) return false;
  if (ch !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase() ?? '';
  return !ABBREVIATIONS.has(word) && !/^\p{Lu}$/u.test(text[dot - 1] ?? '');
}

function lineBefore(text: string, newline: number): string {
  return text.slice(text.lastIndexOf('\n', newline - 1) + 1, newline);
}

function lineAfter(text: string, newline: number): string {
  const end = text.indexOf('\n', newline + 1);
  return text.slice(newline + 1, end < 0 ? text.length : end);
}

/** A line break ends a sentence next to a blank line, a list item or a heading. */
function isBoundaryNewline(text: string, newline: number): boolean {
  const before = lineBefore(text, newline);
  const after = lineAfter(text, newline);
  return before.trim() === '' || after.trim() === '' || isStandaloneLine(before) || isStandaloneLine(after);
}

/** A line that is a list item or a heading stands alone. */
function isStandaloneLine(line: string): boolean {
  return /^\s*(?:[-*•]|\d+[.)]|#{1,6})\s/u.test(line);
}

export function sentenceAt(text: string, offset: number): { start: number; end: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEndRaw = text.indexOf('\n', at);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  let start: number;
  let end: number;
  if (isStandaloneLine(text.slice(lineStart, lineEnd))) {
    start = lineStart;
    end = lineEnd;
  } else {
    start = 0;
    for (let i = at - 1; i >= 0; i--) {
      if ((text[i] === '\n' && isBoundaryNewline(text, i)) || endsSentence(text, i)) {
        start = i + 1;
        break;
      }
    }
    end = text.length;
    for (let i = at; i < text.length; i++) {
      if (text[i] === '\n' && isBoundaryNewline(text, i)) {
        end = i;
        break;
      }
      if (endsSentence(text, i)) {
        end = i + 1;
        break;
      }
    }
  }
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}
