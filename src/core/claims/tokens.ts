/**
 * The words of one sentence, lower-cased, with clause punctuation as `,` tokens: what the
 * negation, condition and concept windows of detect.ts walk over.
 */
import { lowerChars, wordChars } from '../text/chars';

export interface Token {
  /** Lower-cased word, or ',' for clause punctuation (, ; : ( ) [ ] – —). */
  word: string;
  start: number;
  end: number;
  /** Whether the word starts with a lower-case letter in the text ("may" the verb, not "May" the month). */
  lowerInText: boolean;
}

const WORDS = wordChars();
const LOWER = lowerChars();
const CLAUSE_PUNCTUATION = new Set([0x2c, 0x3b, 0x3a, 0x28, 0x29, 0x5b, 0x5d, 0x2013, 0x2014]);

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (WORDS[code] === 0) {
      if (CLAUSE_PUNCTUATION.has(code)) tokens.push({ word: ',', start: i, end: i + 1, lowerInText: false });
      i++;
      continue;
    }
    const start = i;
    let word = '';
    while (i < to && WORDS[text.charCodeAt(i)] === 1) word += String.fromCharCode(LOWER[text.charCodeAt(i++)]);
    tokens.push({ word, start, end: i, lowerInText: LOWER[code] === code });
  }
  return tokens;
}

/** Index of the first token starting at or after `offset` (tokens.length when none does). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
